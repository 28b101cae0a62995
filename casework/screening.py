"""Eligibility screening and urgency triage: pure functions over a scenario's facts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from casework.model import Criterion, Fact, Priority, Scenario, UrgencySignal
from casework.rules import load_rules

Outcome = Literal["met", "not_met", "unknown"]
Verdict = Literal["eligible", "not_eligible", "pending"]

OUTCOME_LABELS: dict[Outcome, str] = {
    "met": "met",
    "not_met": "not met",
    "unknown": "can't tell yet",
}
VERDICT_LABELS: dict[Verdict, str] = {
    "eligible": "Eligible",
    "not_eligible": "Not eligible",
    "pending": "Pending documents",
}


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    fact: Fact
    outcome: Outcome

    @property
    def reason(self) -> str:
        rule = self.criterion.text
        evidence = self.fact.evidence
        if self.outcome == "met":
            return f"Meets “{rule}”: {evidence}"
        if self.outcome == "not_met":
            return f"Does not meet “{rule}”: {evidence}"
        return f"Cannot decide “{rule}” yet: {evidence}"


@dataclass(frozen=True)
class EligibilityResult:
    program: str
    verdict: Verdict
    results: tuple[CriterionResult, ...]

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def apply_criterion(criterion: Criterion, fact: Fact) -> Outcome:
    value = fact.value
    if value is None:
        return "unknown"
    if criterion.equals is not None:
        return "met" if value == criterion.equals else "not_met"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "unknown"  # a numeric rule on a non-number cannot be decided
    if criterion.at_most is not None:
        return "met" if value <= criterion.at_most else "not_met"
    assert criterion.at_least is not None  # the model guarantees exactly one test
    return "met" if value >= criterion.at_least else "not_met"


def screen_eligibility(scenario: Scenario) -> EligibilityResult:
    """Apply the program's criteria to the screened facts.

    Any failed rule makes the client not eligible; otherwise any undecidable rule leaves
    the decision pending the missing documents.
    """
    eligibility = scenario.eligibility
    results = tuple(
        CriterionResult(c, eligibility.facts[c.fact], apply_criterion(c, eligibility.facts[c.fact]))
        for c in eligibility.criteria
    )
    outcomes = {r.outcome for r in results}
    verdict: Verdict = (
        "not_eligible"
        if "not_met" in outcomes
        else "pending"
        if "unknown" in outcomes
        else "eligible"
    )
    return EligibilityResult(eligibility.program, verdict, results)


@dataclass(frozen=True)
class Level:
    id: Priority
    rank: int
    label: str
    meaning: str


@dataclass(frozen=True)
class TriageResult:
    level: Level
    reasons: tuple[str, ...]


@cache
def triage_levels() -> dict[str, Level]:
    """The priority levels from the rules file, read once (treat as read-only)."""
    rules = load_rules("triage")
    return {item["id"]: Level(**item) for item in rules["levels"]}


def category_rule(category: str) -> dict[str, str | None]:
    return load_rules("triage")["categories"][category]


def signal_level(signal: UrgencySignal) -> Level | None:
    """The level this signal calls for on its own, or None when it is context only."""
    level_id = category_rule(signal.category.value)["level"]
    return None if level_id is None else triage_levels()[level_id]


def triage(signals: list[UrgencySignal]) -> TriageResult:
    """The priority set by the most serious signal: immediate danger outranks everything."""
    levels = triage_levels()
    found = [(level, s) for s in signals if (level := signal_level(s)) is not None]
    if not found:
        return TriageResult(levels["routine"], ("No danger or imminent loss was identified.",))
    top = min(level.rank for level, _ in found)
    level = next(level for level, _ in found if level.rank == top)
    reasons = tuple(
        f"{signal.observation} ({category_rule(signal.category.value)['why']})"
        for _, signal in sorted(found, key=lambda pair: pair[0].rank)
    )
    return TriageResult(level, reasons)
