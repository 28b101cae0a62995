"""Every shipped scenario, driven through the apps from Python as a student would who
follows the scenario's answer key; each stage's checks accept the key's work, and the
supervisor approves the key's closure (issue 19).

The answer key is the instructor's model: if a check objects to it, the check or the key
is wrong, and a student who copies the model would be told off for it. The key holds the
plan's steps as the contract's fields (who, what, by which day, where, how often), a note
for every contact, an answer to every warning sign, the services the record shows and the
closing procedures, so the whole case can be walked, not only its first two stages."""

from __future__ import annotations

import pytest

from casework.answer_key import step_text
from casework.checks.assessment import check_assessment, compare_scores
from casework.checks.closure import closure_procedures, readiness
from casework.checks.findings import Report
from casework.checks.intake import INTAKE_SECTIONS
from casework.checks.monitoring import check_event_note, check_services, unsettled_signs
from casework.checks.plain import check_plain_language
from casework.checks.plan import check_crisis_coverage, check_plan, contract_status, party_name
from casework.contract import contract_text
from casework.model import ModelStep, StrengthCategory
from casework.scenarios import load_catalogue
from casework.screening import screen_eligibility, signal_level
from casework.store import CaseStore
from casework.ui.assessment import AssessmentApp
from casework.ui.care_plan import CarePlanApp
from casework.ui.closure import ClosureApp
from casework.ui.intake import IntakeApp
from casework.ui.monitoring import MonitoringApp

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
            card.action.value = step_text(goal.steps[0], scenario)
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


# --- care plan, monitoring and closure ----------------------------------------------------


def _structured(step) -> ModelStep:
    assert isinstance(step, ModelStep), f"a shipped key's steps are structured: {step!r}"
    return step


def _care_plan(store: CaseStore, scenario_id: str) -> CarePlanApp:
    app = _open(CarePlanApp, store, scenario_id)
    key = app.scenario.instructor_notes.answer_key
    for goal in key.goals:
        app.add_goal_button.click()
        goal_id = list(app.record.plan.goals)[-1]
        card = app.goal_cards[goal_id]
        card.text.value = goal.text
        card.domain.value = goal.domain.value
        card.priority.value = goal.priority or None
        for level, text in goal.gas_levels.items():
            card.gas.fields[level].value = text
        for step in map(_structured, goal.steps):
            _add_step(app, goal_id, step)
    for provider, release in key.releases.items():
        form = app.release_form
        form.provider.value = provider
        form.shared.value, form.purpose.value = release.shared, release.purpose
        form.signed_day.value = str(release.signed_day)
        form.expires_event.value = release.expires_event
        form.record.click()
        assert "Release recorded" in form.message.value, form.message.value
    app.if_not_done.value = key.if_not_done
    _sign_contract(app)
    return app


def _add_step(app: CarePlanApp, goal_id: str, step: ModelStep) -> None:
    app.step_goal.value = goal_id
    app.step_what.value, app.step_who.value = step.what, step.who
    app.step_due.value = str(step.due_day)
    app.step_often.value, app.step_where.value = step.how_often, step.where
    app.step_resource.value = step.resource or None
    app.add_step_button.click()
    assert "Step added" in app.step_message.value, app.step_message.value


def _sign_contract(app: CarePlanApp) -> None:
    for party, (name, day) in app.signature_fields.items():
        if not name.value.strip():
            name.value, day.value = party_name(party, app.scenario), "0"


def _monitoring(store: CaseStore, scenario_id: str) -> MonitoringApp:
    app = _open(MonitoringApp, store, scenario_id)
    scenario = app.scenario
    key = scenario.instructor_notes.answer_key
    notes = {note.event: note.note for note in key.notes}
    responses = {response.event: response for response in key.responses}
    for index, event in enumerate(scenario.timeline):
        app.advance()
        assert app.record.monitoring.shown == index + 1, app.next_message.value
        app.event_cards[index].note.value = notes[index]
        for sign_id, card in app.sign_cards.items():
            if card.safety is not None:
                if not app.record.monitoring.safety.get(sign_id):
                    _safety_response(card, event.safety)
            elif card.kind.value is None:
                _respond(app, card, responses[int(sign_id.rsplit("-", 1)[1])])
        assert unsettled_signs(scenario, app.record) == [], (
            index,
            unsettled_signs(scenario, app.record),
        )
    for resource, use in key.services.items():
        referred, offered, attended, completed = app.service_fields[resource]
        referred.value = "" if use.referred_day is None else str(use.referred_day)
        offered.value, attended.value = use.sessions_offered, use.sessions_attended
        completed.value = use.completed
    app.review_day.value = str(scenario.timeline[-1].day)
    for number, goal in enumerate(key.goals):
        goal_id = list(app.record.plan.goals)[number]
        if goal.final_level is not None:
            app.review_fields[goal_id][0].value = int(goal.final_level)
    app.save_review()
    return app


def _safety_response(card, key) -> None:
    safety = card.safety
    safety.immediate.value = key.immediate_safety
    safety.consult_day.value = str(card.sign.day)
    safety.consult.value = key.supervisor_consult
    if key.report_to == "none":
        safety.report.value = "no_report"
    else:
        safety.report.value = "report"
        safety.report_to.value = key.report_to
        safety.report_day.value = str(card.sign.day)
    safety.report_reason.value = key.report_why
    safety.tell.value = key.tell_client
    safety.documentation.value = key.documentation
    safety.save.click()


def _respond(app: MonitoringApp, card, response) -> None:
    card.kind.value = response.kind
    card.text.value = response.text
    if response.kind == "reassess":
        for domain, score in response.scores.items():
            card.cards[domain].score.value = score
            card.cards[domain].note.value = response.text
    elif response.kind == "change_plan":
        step = response.step
        app.change_goal.value = list(app.record.plan.goals)[response.goal - 1]
        app.change_what.value, app.change_who.value = step.what, step.who
        app.change_due.value = str(step.due_day)
        app.change_often.value, app.change_where.value = step.how_often, step.where
        app.add_plan_step()
        assert "Added to the plan" in app.change_message.value, app.change_message.value


def _closure(store: CaseStore, scenario_id: str) -> ClosureApp:
    app = _open(ClosureApp, store, scenario_id)
    scenario = app.scenario
    key = scenario.instructor_notes.answer_key
    work = key.closure_work
    app.judgement.value = key.closure_call
    app.judgement_reason.value = key.closure_why
    app.notice_day.value, app.closing_day.value = str(work.notice_day), str(work.closing_day)
    app.progress_reviewed.value = True
    app.crisis_plan.value, app.handoff.value = work.crisis_plan, work.handoff
    app.follow_up.value = work.follow_up
    app.reason.value = scenario.closure.likely_reason
    app.exit_destination.value = scenario.closure.exit_destination
    if work.transfer_to:
        app.transfer_to.value = work.transfer_to
    app.summary.value = key.closure_summary
    return app


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY))
def test_the_whole_case_along_the_answer_key_closes_with_the_supervisors_approval(
    store, scenario_id
):
    _intake(store, scenario_id)
    _assessment(store, scenario_id)
    scenario = LIBRARY[scenario_id]

    _care_plan(store, scenario_id)
    record = store.latest(scenario_id).record
    assert _problems(check_plan(record, scenario)) == []
    status = contract_status(record, scenario)
    assert status.complete, status.gaps()
    client_copy = check_plain_language(contract_text(record, scenario))
    assert _problems(client_copy) == [], client_copy.grade  # the client can read it

    _monitoring(store, scenario_id)
    record = store.latest(scenario_id).record
    for index, _event in enumerate(scenario.timeline):
        note = record.monitoring.notes[str(index)]
        assert _problems(check_event_note(note, scenario.timeline[index].kind)) == [], index
    assert check_services(record, scenario) == []
    plan = _open(CarePlanApp, store, scenario_id)  # a party added in monitoring signs too
    _sign_contract(plan)
    record = store.latest(scenario_id).record
    assert _problems(check_plan(record, scenario)) == []
    assert contract_status(record, scenario).complete

    closure = _closure(store, scenario_id)
    record = store.latest(scenario_id).record
    assert [p.label for p in closure_procedures(record, scenario) if not p.done] == []
    verdict = readiness(record, scenario)[1]
    assert verdict.value == scenario.instructor_notes.answer_key.closure_call, verdict.reasons
    closure.request.click()
    review = store.latest(scenario_id).record.closure.review
    assert review.status == "approved", review.comments
