"""Every shipped scenario, driven through the apps from Python as a student would who
follows the scenario's answer key; each stage's checks accept the key's work (issue 19).

The answer key is the instructor's model: if a check objects to it, the check or the key
is wrong, and a student who copies the model would be told off for it. Intake and
assessment are walked through their apps here; the care plan onward needs the key's steps
as structured fields (who, by which day, which provider), which the schema does not hold
yet, so the plan is checked from the key's goals only (every crisis domain has a goal)."""

from __future__ import annotations

import pytest

from casework.checks.assessment import check_assessment, compare_scores
from casework.checks.findings import Report
from casework.checks.intake import INTAKE_SECTIONS
from casework.checks.plan import check_crisis_coverage
from casework.model import StrengthCategory
from casework.scenarios import load_catalogue
from casework.screening import screen_eligibility, signal_level
from casework.store import CaseStore
from casework.ui.assessment import AssessmentApp
from casework.ui.intake import IntakeApp

LIBRARY = load_catalogue().scenarios


def _problems(report: Report) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in report.findings if f.severity != "info"]


def _open(kind, store: CaseStore, scenario_id: str):
    app = kind(store=store, autosave_delay=0)
    app.picker.value = scenario_id
    return app


def _intake(store: CaseStore, scenario_id: str) -> IntakeApp:
    app = _open(IntakeApp, store, scenario_id)
    scenario, notes = app.scenario, app.scenario.instructor_notes
    app.confidentiality.value = app.confidentiality_limits.value = True
    texts = {
        "reflection": notes.answer_key.intake_reflection,
        "client_wants": scenario.client_priorities[0],
        "client_hopes": scenario.client_priorities[-1],
        "client_strengths": scenario.strengths.personal[0],
        "presenting_issue": notes.model_presenting_issue,
        "referral_source": scenario.referral.source,
        "contact_method": scenario.referral.contact_method,
        "initial_observations": notes.model_initial_observations,
    }
    for field, text in texts.items():
        app.texts[field].value = text
    for result in screen_eligibility(scenario).results:
        app.answers[result.criterion.id].value = result.outcome
    for signal in scenario.urgency_signals:
        app.flags[signal.id].value = signal_level(signal) is not None
    app.priority.value = notes.priority
    return app


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY))
def test_intake_along_the_answer_key_passes_every_intake_check(store, scenario_id):
    app = _intake(store, scenario_id)
    intake = store.latest(scenario_id).record.intake
    for section, check in INTAKE_SECTIONS.items():
        assert _problems(check(intake, app.scenario)) == [], section
    app.buttons["eligibility"].click()
    assert "Screening result for" in app.feedback["eligibility"].value
    verdict = app.scenario.instructor_notes.eligibility_verdict
    assert screen_eligibility(app.scenario).verdict == verdict


def _assessment(store: CaseStore, scenario_id: str) -> AssessmentApp:
    app = _open(AssessmentApp, store, scenario_id)
    scenario, notes = app.scenario, app.scenario.instructor_notes
    for domain, card in app.cards.items():
        for box in card.evidence:
            box.value = True
        card.score.value = notes.domain_scores[domain]
        card.note.value = notes.answer_key.score_reasons[domain]
        if card.score.value == 1:  # in crisis: the model plan's first step (for that domain)
            goals = notes.answer_key.goals
            goal = next((g for g in goals if g.domain == domain), goals[0])
            card.action.value = goal.steps[0]
    for category in StrengthCategory:
        app.strengths[category].value = "\n".join(getattr(scenario.strengths, category.value))
    return app


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY))
def test_the_assessment_along_the_answer_key_passes_and_matches_the_instructor(store, scenario_id):
    _intake(store, scenario_id)
    app = _assessment(store, scenario_id)
    assessment = store.latest(scenario_id).record.assessment
    assert _problems(check_assessment(assessment, app.scenario)) == []
    notes = app.scenario.instructor_notes
    comparisons = compare_scores(assessment.initial, notes.domain_scores, app.scenario)
    assert all("matches the instructor" in c.message for c in comparisons)


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY))
def test_every_domain_the_key_scores_in_crisis_has_a_model_goal(store, scenario_id):
    # What the care plan app tells a student whose plan leaves a crisis uncovered.
    from casework.model import CarePlan, Goal

    _intake(store, scenario_id)
    _assessment(store, scenario_id)
    record = store.latest(scenario_id).record
    key = LIBRARY[scenario_id].instructor_notes.answer_key
    plan = CarePlan(
        goals={f"g{i}": Goal(text=g.text, domain=g.domain) for i, g in enumerate(key.goals, 1)}
    )
    assert check_crisis_coverage(plan, record.model_copy(update={"plan": plan})) == []
