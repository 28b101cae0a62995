"""The lifecycle's stages and how far a case has got in each: what the landing page shows.

A stage is *started* once any of its work is in the record and *done* once every item a
supervisor would look for is there; the first missing item is what the student sees next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from casework.model import CaseRecord, Scenario

State = Literal["not_started", "started", "done"]


@dataclass(frozen=True)
class Stage:
    key: str  # the record section it fills
    title: str
    notebook: str
    practises: str


STAGES: tuple[Stage, ...] = (
    Stage(
        "intake",
        "Intake",
        "01_intake.ipynb",
        "rapport, presenting issue, eligibility, urgency, baseline record",
    ),
    Stage(
        "assessment",
        "Assessment",
        "02_assessment.ipynb",
        "life-domain scores with evidence, strengths, eco-map, reassessment",
    ),
    Stage(
        "plan",
        "Care plan",
        "03_care_plan.ipynb",
        "SMART goals, action steps, consent, the written contract",
    ),
    Stage(
        "monitoring",
        "Monitoring",
        "04_monitoring.ipynb",
        "contact notes, goal reviews by GAS, service use, analyze and adjust",
    ),
    Stage(
        "closure",
        "Closure",
        "05_closure.ipynb",
        "readiness, closing procedures, the summary, supervisor review, export",
    ),
)
# Not a stage of the case: the app for interview candidates, linked from every page.
INTERVIEW_NOTEBOOK = "06_interview_prep.ipynb"


@dataclass(frozen=True)
class StageProgress:
    stage: Stage
    state: State
    next_item: str  # the first thing still missing; "" when done


# Each stage's checklist: (what a supervisor looks for, whether the record shows it).
Checklist = list[tuple[str, bool]]


def _intake(record: CaseRecord, scenario: Scenario) -> Checklist:
    intake = record.intake
    criteria = [c.id for c in scenario.eligibility.criteria]
    return [
        ("write the presenting issue in the client's words", bool(intake.presenting_issue.strip())),
        (
            "decide every eligibility criterion",
            all(c in intake.eligibility_answers for c in criteria),
        ),
        ("choose the priority", intake.priority is not None),
        ("record your initial observations", bool(intake.initial_observations.strip())),
    ]


def _assessment(record: CaseRecord, scenario: Scenario) -> Checklist:
    assessment = record.assessment
    ratings = assessment.initial
    return [
        (
            "score every life domain",
            all(d in ratings and ratings[d].score is not None for d in scenario.domains),
        ),
        ("name the client's strengths", any(t.strip() for t in assessment.strengths.values())),
        ("draw at least one tie on the eco-map", bool(assessment.ties)),
    ]


def _plan(record: CaseRecord, scenario: Scenario) -> Checklist:
    from casework.checks.plan import contract_status

    return [
        ("write a goal with the client", any(g.text.strip() for g in record.plan.goals.values())),
        ("complete the written contract", contract_status(record, scenario).complete),
    ]


def _monitoring(record: CaseRecord, scenario: Scenario) -> Checklist:
    from casework.checks.monitoring import notes_missing, unsettled_signs

    monitoring = record.monitoring
    return [
        ("follow the case to its last event", monitoring.shown >= len(scenario.timeline)),
        ("write a contact note for each event", not notes_missing(scenario, monitoring)),
        ("answer every warning sign", not unsettled_signs(scenario, record)),
        ("review the goals at least once", bool(monitoring.reviews)),
    ]


def _closure(record: CaseRecord, scenario: Scenario) -> Checklist:
    return [("get the supervisor's approval to close", record.closure.review.status == "approved")]


_CHECKLISTS: dict[str, Callable[[CaseRecord, Scenario], Checklist]] = {
    "intake": _intake,
    "assessment": _assessment,
    "plan": _plan,
    "monitoring": _monitoring,
    "closure": _closure,
}


def stage_progress(stage: Stage, record: CaseRecord | None, scenario: Scenario) -> StageProgress:
    """Where the case stands in one stage; `record` is None for a case not opened yet."""
    record = record or CaseRecord(case_id=scenario.id, scenario_id=scenario.id)
    section = getattr(record, stage.key)
    checklist = _CHECKLISTS[stage.key](record, scenario)
    if section == type(section)():
        return StageProgress(stage, "not_started", checklist[0][0])
    missing = [label for label, met in checklist if not met]
    return (
        StageProgress(stage, "started", missing[0]) if missing else StageProgress(stage, "done", "")
    )


def case_progress(record: CaseRecord | None, scenario: Scenario) -> list[StageProgress]:
    return [stage_progress(stage, record, scenario) for stage in STAGES]
