"""Monitoring: Goal Attainment Scaling, warning signs in the record, and the responses
that settle them ("analyze and adjust"). Rules and wording: `rules/monitoring.yaml`.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from casework.checks.assessment import current_ratings
from casework.checks.findings import Finding, Report, finding_factory
from casework.checks.note import check_contact_note
from casework.model import (
    CarePlan,
    CaseRecord,
    DomainRating,
    EventKind,
    GasReview,
    LifeDomain,
    Monitoring,
    Scenario,
    TimelineEvent,
)
from casework.rules import load_rules


@cache
def _rules() -> dict[str, Any]:
    return load_rules("monitoring")


def source() -> str:
    return _rules()["source"]


_finding = finding_factory("monitoring", source)
# Service findings are about service use, not goal scaling: they name their own source.
_service_finding = finding_factory("monitoring", lambda: _rules()["sources"]["services"])


# --- Goal Attainment Scaling -------------------------------------------------------------


def gas_levels() -> dict[int, str]:
    return {int(score): label for score, label in _rules()["gas"]["levels"].items()}


def gas_t_score(
    scores: Mapping[str, int], weights: Mapping[str, float] | None = None, rho: float | None = None
) -> float | None:
    """The summary T-score: 50 + 10·Σwx / √((1−ρ)Σw² + ρ(Σw)²). None when nothing is scored.

    50 means every goal reached its expected level; each goal's weight defaults to 1.
    """
    if not scores:
        return None
    rho = _rules()["gas"]["rho"] if rho is None else rho
    weights = weights or {}
    pairs = [(float(weights.get(goal, 1.0)), score) for goal, score in scores.items()]
    sum_w = sum(w for w, _ in pairs)
    denominator = math.sqrt((1 - rho) * sum(w * w for w, _ in pairs) + rho * sum_w * sum_w)
    if denominator == 0:
        return None
    return 50 + 10 * sum(w * x for w, x in pairs) / denominator


def ordered_reviews(monitoring: Monitoring) -> list[tuple[str, GasReview]]:
    return sorted(monitoring.reviews.items(), key=lambda item: item[1].day)


def review_t_scores(monitoring: Monitoring) -> list[tuple[str, int, float | None]]:
    """(review id, day, T-score) for each review, in day order."""
    return [
        (key, review.day, gas_t_score(review.scores, monitoring.weights))
        for key, review in ordered_reviews(monitoring)
    ]


# --- the unfolding timeline ------------------------------------------------------------


def event_label(kind: EventKind) -> str:
    return _rules()["events"][kind.value]


def shown_events(scenario: Scenario, monitoring: Monitoring) -> list[tuple[int, TimelineEvent]]:
    return list(enumerate(scenario.timeline[: monitoring.shown]))


def current_day(scenario: Scenario, monitoring: Monitoring) -> int:
    events = scenario.timeline[: monitoring.shown]
    return events[-1].day if events else 0


@dataclass(frozen=True)
class Sign:
    """Something in the record that the student must answer before moving on."""

    id: str
    kind: str  # "crisis" | "disclosure" | "missed" | "gas_fall" | "safety"
    day: int
    title: str
    detail: str
    why: str
    reassess: bool


def _sign(kind: str, sign_id: str, day: int, detail: str) -> Sign:
    spec = _rules()["signs"][kind]
    return Sign(sign_id, kind, day, spec["title"], detail, spec["why"].strip(), spec["reassess"])


def warning_signs(scenario: Scenario, monitoring: Monitoring) -> list[Sign]:
    """Every sign in what has unfolded so far, in the order they appeared."""
    signs: list[Sign] = []
    missed_in_a_row = 0
    needed = _rules()["signs"]["missed"]["min_in_a_row"]
    for index, event in shown_events(scenario, monitoring):
        if event.safety is not None:  # the safety response first: rules/safety_response.yaml
            from casework.checks.safety_response import safety_sign

            signs.append(safety_sign(index, event))
        if event.kind == EventKind.crisis:
            signs.append(_sign("crisis", f"crisis-{index}", event.day, event.summary))
        elif event.kind == EventKind.disclosure:
            signs.append(_sign("disclosure", f"disclosure-{index}", event.day, event.summary))
        if event.kind == EventKind.appointment_missed:
            missed_in_a_row += 1
            if missed_in_a_row == needed:
                detail = f"{missed_in_a_row} missed contacts in a row, the last on day {event.day}."
                signs.append(_sign("missed", f"missed-{index}", event.day, detail))
        elif event.kind in (EventKind.appointment_attended, EventKind.contact):
            missed_in_a_row = 0
    drop = _rules()["signs"]["gas_fall"]["min_drop"]
    previous: float | None = None
    for key, day, t_score in review_t_scores(monitoring):
        if t_score is None:
            continue
        if previous is not None and t_score <= previous - drop:
            detail = (
                f"The T-score fell from {previous:.1f} to {t_score:.1f} at the day {day} review."
            )
            signs.append(_sign("gas_fall", f"gas-fall-{key}", day, detail))
        previous = t_score
    return sorted(signs, key=lambda sign: sign.day)


def plan_fingerprint(plan: CarePlan) -> str:
    """Changes to goals, steps or crisis reasons count as a change of plan; signatures do not,
    nor do a goal's GAS levels: they are the yardstick, not what anyone does (and leaving
    them out keeps the fingerprints saved before they existed comparable)."""
    content = plan.model_dump_json(
        include={"goals", "crisis_reasons", "time_limit_days"},
        exclude={"goals": {"__all__": {"gas_levels"}}},
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Settlement:
    settled: bool
    message: str


def response_status(sign: Sign, record: CaseRecord) -> Settlement:
    """Has the student answered this sign? If not, what is missing and why it matters."""
    if sign.kind == "safety":
        from casework.checks.safety_response import safety_status

        return safety_status(sign, record)
    response = record.monitoring.responses.get(sign.id)
    labels = _rules()["responses"]
    if response is None or response.kind is None:
        return Settlement(
            False,
            f"{sign.title} (day {sign.day}). {sign.why} Choose a response before the case "
            f"moves on: {labels['reassess'].lower()}, {labels['change_plan'].lower()}, "
            f"or {labels['explain'][0].lower() + labels['explain'][1:]}.",
        )
    if response.kind == "reassess":
        if rescored(record, sign.id):
            return Settlement(True, "Reassessed: the new scores are in the record.")
        return Settlement(
            False,
            "Choosing to reassess is the start: score again, below, the domains this event "
            "changed, and note why. Where a score stays the same, say so in its note. Then the "
            "case can move on.",
        )
    if response.kind == "change_plan":
        if response.plan_before and plan_fingerprint(record.plan) != response.plan_before:
            return Settlement(True, "The plan changed after this sign.")
        return Settlement(
            False,
            f"The plan is the same as on day {sign.day}. Add or change a step (below, or in "
            "the care-plan app) so the plan answers what happened.",
        )
    words = len(response.text.split())
    needed = labels["min_explanation_words"]
    if words < needed:
        return Settlement(
            False,
            f"Say why the plan can stay as it is ({words} of at least {needed} words). {sign.why} "
            "For example: “The plan already covers this: she followed the crisis steps we "
            "agreed and called for help. We reviewed the plan together today and she wants "
            "to keep it.”",
        )
    return Settlement(True, "You documented why the plan continues.")


def unsettled_signs(scenario: Scenario, record: CaseRecord) -> list[tuple[Sign, Settlement]]:
    pairs = [
        (sign, response_status(sign, record)) for sign in warning_signs(scenario, record.monitoring)
    ]
    return [(sign, status) for sign, status in pairs if not status.settled]


def rescored(record: CaseRecord, sign_id: str) -> bool:
    """Has the student changed anything in the reassessment made for this sign? It starts
    as a copy of the scores before it, so an untouched copy is not yet a reassessment."""
    again = record.monitoring.reassessments.get(sign_id)
    if not again:
        return False
    before = current_ratings(record.assessment)
    for earlier_id, earlier in record.monitoring.reassessments.items():
        if earlier_id == sign_id:
            break
        before.update({d: r for d, r in earlier.items() if r.score is not None})
    return any(
        rating.score is not None and rating != before.get(domain, DomainRating())
        for domain, rating in again.items()
    )


def latest_ratings(record: CaseRecord) -> dict[LifeDomain, DomainRating]:
    """Initial scores, updated by the 02 reassessment, then by each reassessment made in
    monitoring (in the order they were made)."""
    ratings = current_ratings(record.assessment)
    for again in record.monitoring.reassessments.values():
        for domain, rating in again.items():
            if rating.score is not None:
                ratings[domain] = rating
    return ratings


# --- contact notes --------------------------------------------------------------------


def check_event_note(text: str, kind: EventKind | None = None) -> Report:
    """A contact note for one timeline event: language, and completeness for its kind."""
    if not text.strip():
        return Report(
            (
                _finding(
                    "note.missing",
                    "There is no note for this contact yet. Every contact is recorded, "
                    "including a missed one: what you did to reach the client is part of the record.",
                    suggestion="Day 19, phone: called twice, no answer; left a message asking "
                    "Marisol to call back. Next step: home visit on day 21.",
                    category="completeness",
                ),
            )
        )
    return check_contact_note(text, kind.value if kind is not None else None)


def notes_missing(scenario: Scenario, monitoring: Monitoring) -> list[TimelineEvent]:
    return [
        event
        for index, event in shown_events(scenario, monitoring)
        if not monitoring.notes.get(str(index), "").strip()
    ]


# --- service utilisation ----------------------------------------------------------------


@dataclass(frozen=True)
class ServiceRow:
    resource: str  # id
    name: str
    planned: bool  # named in a step of the care plan
    referred_day: int | None
    offered: int
    attended: int
    completed: bool
    due_day: int | None = None  # the earliest day a planned step with it is due
    today: int = 0  # the case's current day in monitoring

    @property
    def status(self) -> str:
        if self.completed:
            return "completed"
        if self.attended:
            return "in use"
        if self.referred_day is not None:
            return "referred, not started"
        if not self.planned:
            return "not used"
        # a service is missing only once its step is due (day 0: nothing is due yet)
        if self.today < (self.due_day if self.due_day is not None else 1):
            return f"planned, due day {self.due_day}" if self.due_day is not None else "planned"
        return "planned, never delivered"


def service_rows(record: CaseRecord, scenario: Scenario) -> list[ServiceRow]:
    """Every provider the plan names or the record shows in use, planned ones first."""
    from casework.checks.plan import all_steps, providers_in_step, resources_by_id

    directory = resources_by_id(scenario)
    planned = list(
        dict.fromkeys(
            p for *_, step in all_steps(record.plan) for p in providers_in_step(step, scenario)
        )
    )
    used = [r for r in record.monitoring.services if r in directory and r not in planned]
    due: dict[str, int] = {}
    for *_, step in all_steps(record.plan):
        for provider in providers_in_step(step, scenario):
            if step.due_day is not None:
                due[provider] = min(step.due_day, due.get(provider, step.due_day))
    today = current_day(scenario, record.monitoring)
    rows = []
    for resource in [*planned, *used]:
        use = record.monitoring.services.get(resource)
        rows.append(
            ServiceRow(
                resource=resource,
                name=directory[resource].name,
                planned=resource in planned,
                referred_day=use.referred_day if use else None,
                offered=use.sessions_offered if use else 0,
                attended=use.sessions_attended if use else 0,
                completed=use.completed if use else False,
                due_day=due.get(resource),
                today=today,
            )
        )
    return rows


def check_services(record: CaseRecord, scenario: Scenario) -> list[Finding]:
    findings = []
    for row in service_rows(record, scenario):
        if row.status == "planned, never delivered":
            findings.append(
                _service_finding(
                    "monitoring.service-not-delivered",
                    f"{row.name} is in the plan, but the record shows no referral and no "
                    "session. A planned service that never starts leaves its goal without help.",
                    suggestion="Record the referral day, or find out what stopped it (waiting "
                    "list, transport, consent) and change the step.",
                )
            )
        elif row.attended > row.offered and row.offered:
            findings.append(
                _service_finding(
                    "monitoring.service-figures",
                    f"{row.name}: {row.attended} sessions attended out of {row.offered} "
                    "offered. Attended cannot be more than offered.",
                )
            )
    return findings
