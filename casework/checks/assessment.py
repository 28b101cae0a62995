"""The domain assessment: scores with evidence, strengths beside needs, and a comparison
with the instructor's reading that points to what to look at again without giving the
answer away.

The scale and its plain-word level descriptions are in
`casework/rules/self_sufficiency.yaml`, with how the Arizona matrix's 17 domains fold into
the six and the judgement calls (such as eviction threatened = in crisis), each with its
reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from casework.checks.findings import Finding, Report
from casework.checks.note import check_note
from casework.model import (
    Assessment,
    DomainRating,
    LifeDomain,
    Scenario,
    StrengthCategory,
)
from casework.rules import load_rules

CRISIS = 1
NEED_AT_MOST = 2  # "in crisis" and "vulnerable" are needs the plan must answer

STRENGTH_LABELS = {
    StrengthCategory.personal: "Personal qualities and skills",
    StrengthCategory.supports: "People who support them",
    StrengthCategory.environment: "Environment and community",
    StrengthCategory.past_successes: "Past successes",
    StrengthCategory.cultural_assets: "Cultural assets",
}
_STRENGTH_EXAMPLES = {
    StrengthCategory.personal: "“Kept the same job for three years.”",
    StrengthCategory.supports: "“Sister nearby who has offered a place to stay.”",
    StrengthCategory.environment: "“The children's school knows the family and wants to help.”",
    StrengthCategory.past_successes: "“Found the current flat on her own after leaving an unsafe one.”",
    StrengthCategory.cultural_assets: "“Speaks two languages; belongs to a close congregation.”",
}
_SOURCE = "Strengths perspective (Saleebey); NASW case management standard 5: assessment"


@dataclass(frozen=True)
class Level:
    score: int
    name: str
    meaning: str
    description: str  # what the level looks like in this domain


@cache
def _scale() -> dict[str, Any]:
    return load_rules("self_sufficiency")


def domain_label(domain: LifeDomain | str) -> str:
    return _scale()["domains"][str(domain)]["label"]


def matrix_domains() -> dict[str, LifeDomain]:
    """Each of the Arizona matrix's 17 domains, and the workbook domain it is folded into."""
    return {
        matrix: LifeDomain(domain) for matrix, domain in _scale()["matrix_domains"]["map"].items()
    }


def domain_covers(domain: LifeDomain | str) -> str:
    """What the domain covers and, where it folds several of the matrix's domains together,
    how to score it when they differ (no closing full stop: the caller ends the sentence)."""
    covers = _scale()["domains"][str(domain)]["covers"]
    folded = [m for m, d in matrix_domains().items() if d == LifeDomain(str(domain))]
    if len(folded) < 2:
        return covers
    return f"{covers}. {_scale()['matrix_domains']['scoring'].strip().rstrip('.')}"


def levels(domain: LifeDomain | str) -> list[Level]:
    """The five levels of the scale, described for one domain."""
    scale = _scale()
    described = scale["domains"][str(domain)]["levels"]
    return [
        Level(score, level["name"], level["meaning"], described[score])
        for score, level in sorted(scale["levels"].items())
    ]


def level_name(score: int) -> str:
    return _scale()["levels"][score]["name"]


def strength_lines(text: str) -> list[str]:
    """One strength a line; bullets and blank lines ignored."""
    return [line.strip(" -*•\t") for line in text.splitlines() if line.strip(" -*•\t")]


def _finding(rule: str, severity: str, message: str, suggestion: str | None = None) -> Finding:
    return Finding(
        rule=f"assessment.{rule}",
        category="assessment",
        severity=severity,  # type: ignore[arg-type]
        message=message,
        suggestion=suggestion,
        source=_SOURCE,
    )


def check_domain(domain: LifeDomain, rating: DomainRating, scenario: Scenario) -> Report:
    """One domain: a score, the facts behind it, an action if in crisis, neutral language."""
    label = domain_label(domain)
    if rating.score is None:
        return Report()
    findings: list[Finding] = []
    strengths: list[str] = []
    facts = scenario.domains[domain].facts
    cited = [fact for fact in rating.evidence if fact in facts]
    if not cited and not rating.note.strip():
        findings.append(
            _finding(
                "no-evidence",
                "warning",
                f"{label} is scored {rating.score} ({level_name(rating.score)}) with no evidence. "
                "A score is a claim about someone's life: tick the facts that support it, or write "
                "what you saw and heard.",
                f"For example, tick “{facts[0]}” if that is what the score rests on.",
            )
        )
    elif cited:
        strengths.append(f"{label}: the score rests on {len(cited)} cited fact(s).")
    stale = [fact for fact in rating.evidence if fact not in facts]
    if stale:
        findings.append(
            _finding(
                "stale-evidence",
                "info",
                f"{len(stale)} cited fact(s) for {label} are no longer in the scenario (it was edited). "
                "Check the evidence again.",
            )
        )
    if rating.score == CRISIS and not rating.immediate_action.strip():
        findings.append(
            _finding(
                "crisis-without-action",
                "error",
                f"{label} is scored 1 (in crisis) but no immediate action is recorded. A crisis "
                "means harm or loss is likely without help now, so the assessment must say what "
                "happens today, or why nothing needs to.",
                "For example: “Today: the client and case manager phone the emergency food line "
                "together; the client collects a food parcel by 5 pm.”",
            )
        )
    for finding in check_note(rating.note).findings:
        if finding.severity == "info":
            continue
        findings.append(
            Finding(
                rule=finding.rule,
                category=finding.category,
                severity=finding.severity,
                message=f"{label} note: {finding.message}",
                suggestion=finding.suggestion,
                source=finding.source,
                start=finding.start,
                end=finding.end,
            )
        )
    return Report(tuple(findings), tuple(strengths))


def check_strengths(assessment: Assessment, ratings: Mapping[LifeDomain, DomainRating]) -> Report:
    """Strengths beside needs: a deficit-only assessment is flagged, each empty category named."""
    recorded = {
        category: strength_lines(assessment.strengths.get(category, ""))
        for category in StrengthCategory
    }
    needs = [d for d, r in ratings.items() if r.score is not None and r.score <= NEED_AT_MOST]
    total = sum(len(lines) for lines in recorded.values())
    findings: list[Finding] = []
    if needs and total == 0:
        names = ", ".join(domain_label(d) for d in needs)
        findings.append(
            _finding(
                "deficit-only",
                "warning",
                f"You record needs ({names}) but no strengths. An assessment of problems alone "
                "misses what the client will build the plan on, and tells them only what is wrong.",
                "Ask: “What has helped you get through hard times before?” and record the answer "
                "under the matching category.",
            )
        )
    for category, lines in recorded.items():
        if not lines and total > 0:
            findings.append(
                _finding(
                    f"no-{category.value.replace('_', '-')}",
                    "info",
                    f"Nothing yet under {STRENGTH_LABELS[category].lower()}. Every category is "
                    "worth asking about, even when the answer is small.",
                    f"For example: {_STRENGTH_EXAMPLES[category]}",
                )
            )
    strengths = ()
    if all(recorded.values()):
        strengths = ("Strengths are recorded in every category, beside the needs.",)
    return Report(tuple(findings), strengths)


def check_assessment(assessment: Assessment, scenario: Scenario, phase: str = "initial") -> Report:
    """The whole assessment (`phase`: "initial" or "reassessment")."""
    ratings = assessment.initial if phase == "initial" else assessment.reassessment
    findings: list[Finding] = []
    strengths: list[str] = []
    for domain in LifeDomain:
        report = check_domain(domain, ratings.get(domain, DomainRating()), scenario)
        findings.extend(report.findings)
        strengths.extend(report.strengths)
    unscored = [domain_label(d) for d in LifeDomain if ratings.get(d, DomainRating()).score is None]
    if unscored:
        findings.insert(
            0,
            _finding(
                "unscored",
                "info",
                f"Not scored yet: {', '.join(unscored)}. Every domain gets a score, even the ones "
                "that are going well: those are strengths to build on.",
            ),
        )
    else:
        strengths.insert(0, "Every life domain is scored.")
    strength_report = check_strengths(assessment, ratings)
    findings.extend(strength_report.findings)
    strengths.extend(strength_report.strengths)
    for category in StrengthCategory:
        for finding in check_note(assessment.strengths.get(category, "")).findings:
            if finding.severity != "info":
                findings.append(finding)
    return Report(tuple(findings), tuple(strengths))


# --- comparison with the instructor's reading ----------------------------------------------


def expected_scores(
    scenario: Scenario, revealed: list[str] | tuple[str, ...] = ()
) -> dict[LifeDomain, int]:
    """The instructor's scores, updated by every revealed disclosure that carries one."""
    scores = dict(scenario.instructor_notes.domain_scores)
    for disclosure in scenario.later_disclosures:
        if disclosure.id in revealed and disclosure.model_score is not None:
            scores[disclosure.domain] = disclosure.model_score
    return scores


@dataclass(frozen=True)
class ScoreComparison:
    domain: LifeDomain
    student: int | None
    gap: int | None  # student minus instructor; None when either is missing
    message: str


def compare_scores(
    ratings: Mapping[LifeDomain, DomainRating],
    expected: Mapping[LifeDomain, int],
    scenario: Scenario,
) -> list[ScoreComparison]:
    """How each score sits against the instructor's, explained without giving the number."""
    when_unsure = _scale()["when_unsure"]
    comparisons = []
    for domain in LifeDomain:
        rating = ratings.get(domain, DomainRating())
        label = domain_label(domain)
        if rating.score is None or domain not in expected:
            comparisons.append(
                ScoreComparison(domain, rating.score, None, f"{label}: not scored yet.")
            )
            continue
        gap = rating.score - expected[domain]
        uncited = [f for f in scenario.domains[domain].facts if f not in rating.evidence]
        look_again = f" Look again at: “{uncited[0]}”" if uncited else ""
        if gap == 0:
            message = f"{label}: your score matches the instructor's reading."
        elif abs(gap) == 1:
            direction = "higher" if gap > 0 else "lower"
            message = (
                f"{label}: one level {direction} than the instructor's reading — a defensible "
                f"difference if you can say what you weighed. {when_unsure}"
            )
        else:
            if gap > 0:
                why = (
                    "You may be giving more weight to what is going well than to the risk. "
                    f"Re-read the level descriptions: which one describes the worst fact?{look_again}"
                )
            else:
                why = (
                    "You may be reading more danger than the facts show. Which facts place "
                    f"the client in that level today, rather than what might happen?{look_again}"
                )
            message = (
                f"{label}: well {'above' if gap > 0 else 'below'} the instructor's reading. {why}"
            )
        comparisons.append(ScoreComparison(domain, rating.score, gap, message))
    return comparisons


def current_ratings(assessment: Assessment) -> dict[LifeDomain, DomainRating]:
    """The latest rating of each domain: the reassessment where it has a score, else the initial."""
    ratings = dict(assessment.initial)
    for domain, rating in assessment.reassessment.items():
        if rating.score is not None:
            ratings[domain] = rating
    return ratings


def score_changes(
    before: Mapping[LifeDomain, DomainRating], after: Mapping[LifeDomain, DomainRating]
) -> dict[LifeDomain, int]:
    """Reassessment minus initial, for domains scored both times."""
    changes = {}
    for domain in LifeDomain:
        old, new = before.get(domain), after.get(domain)
        if old and new and old.score is not None and new.score is not None:
            changes[domain] = new.score - old.score
    return changes
