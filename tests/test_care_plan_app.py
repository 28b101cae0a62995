"""The care-plan app driven from Python: goals with live SMART feedback, steps, consent,
and the contract becoming complete."""

import pytest

from casework.model import LifeDomain
from casework.store import CaseStore
from casework.ui.assessment import AssessmentApp
from casework.ui.care_plan import CarePlanApp

VAGUE = "Marisol will feel better about housing."
SMART = "Within 60 days, Marisol will pay rent in full and on time for two months in a row."
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def app(store: CaseStore) -> CarePlanApp:
    app = CarePlanApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    return app


def plan(store: CaseStore):
    return store.latest("eviction-family").record.plan


def fill_step(app: CarePlanApp, what: str, who: str, due: str, resource: str = "") -> None:
    app.step_goal.value = "g1"
    app.step_what.value = what
    app.step_who.value = who
    app.step_due.value = due
    app.step_often.value = "once"
    app.step_where.value = "office"
    app.step_resource.value = resource or None


def record_release(app: CarePlanApp, provider: str) -> None:
    app.release_provider.value = provider
    app.release_shared.value = "Contact details and the notice"
    app.release_purpose.value = "legal advice on the notice"
    app.release_day.value = "3"
    app.record_release.click()


def test_the_briefing_shows_the_clients_priorities(app: CarePlanApp):
    assert "Keep the apartment so the kids don&#x27;t have to change schools." in app.briefing.value
    assert "No domains scored yet" in app.briefing.value


def test_a_vague_goal_shows_which_criteria_fail_and_the_fixed_goal_passes(
    app: CarePlanApp, store: CaseStore
):
    app.add_goal_button.click()
    card = app.goal_cards["g1"]
    card.text.value = VAGUE
    assert "e2e-smart-specific' data-met='not met'" in card.feedback.value
    assert "e2e-smart-measurable' data-met='not met'" in card.feedback.value
    assert "e2e-smart-time-bound' data-met='not met'" in card.feedback.value
    assert "A shape that would work" in card.feedback.value
    card.text.value = SMART
    card.priority.value = app.scenario.client_priorities[0]
    for criterion in ("specific", "measurable", "relevant", "time-bound"):
        assert f"e2e-smart-{criterion}' data-met='met'" in card.feedback.value
    assert plan(store).goals["g1"].text == SMART


def test_a_step_for_a_provider_without_consent_is_refused_and_the_form_is_kept(
    app: CarePlanApp, store: CaseStore
):
    app.add_goal_button.click()
    app.goal_cards["g1"].text.value = SMART
    fill_step(app, "Give advice on the notice", "legal-clinic", "20")
    app.add_step_button.click()
    assert "no release of information for Tenant Rights Legal Clinic" in app.step_message.value
    assert plan(store).goals["g1"].steps == {}
    assert app.step_what.value == "Give advice on the notice"
    record_release(app, "legal-clinic")
    assert "Release recorded for Tenant Rights Legal Clinic" in app.release_message.value
    app.add_step_button.click()
    assert "Step added" in app.step_message.value
    steps = plan(store).goals["g1"].steps
    assert [s.who for s in steps.values()] == ["legal-clinic"]
    assert app.step_what.value == ""


def test_an_incomplete_release_says_what_is_missing(app: CarePlanApp):
    app.release_provider.value = "legal-clinic"
    app.release_shared.value = "The notice"
    app.record_release.click()
    assert "does not say the purpose, the day it was signed" in app.release_message.value


def test_the_contract_becomes_complete(app: CarePlanApp, store: CaseStore):
    app.add_goal_button.click()
    card = app.goal_cards["g1"]
    card.text.value = SMART
    card.priority.value = app.scenario.client_priorities[0]
    assert "not complete yet" in app.contract.value
    record_release(app, "legal-clinic")
    for what, who, due, resource in [
        ("Bring the lease and pay stubs", "client", "5", ""),
        ("Book the clinic appointment", "case_manager", "7", "legal-clinic"),
        ("Give advice on the notice", "legal-clinic", "20", ""),
    ]:
        fill_step(app, what, who, due, resource)
        app.add_step_button.click()
        assert "Step added" in app.step_message.value, app.step_message.value
    app.if_not_done.value = (
        "We agreed that if a step is missed we meet within a week to change the plan."
    )
    assert "Signatures with dates</b>: Not yet signed" in app.contract.value
    for party, (name, day) in app.signature_fields.items():
        name.value = f"Signer for {party}"
        day.value = "4"
    assert set(app.signature_fields) == {"client", "case_manager", "legal-clinic"}
    assert "The contract is complete" in app.contract.value
    assert "achievable' data-met='met'" in app.goal_cards["g1"].feedback.value
    assert "e2e-grade" in app.plain.value and "reads at about grade" in app.plain.value
    saved = plan(store)
    assert saved.signatures["legal-clinic"].day == 4

    reopened = CarePlanApp(store=store, autosave_delay=0)
    assert reopened.goal_cards["g1"].text.value == SMART
    assert "The contract is complete" in reopened.contract.value
    assert reopened.signature_fields["client"][0].value == "Signer for client"


def test_export_writes_the_contract_as_markdown(app: CarePlanApp, home):
    app.add_goal_button.click()
    app.goal_cards["g1"].text.value = SMART
    app.export_button.click()
    path = home / "exports" / "eviction-family-contract.md"
    assert SMART in path.read_text(encoding="utf-8")
    assert "download='eviction-family-contract.md'" in app.export_message.value


def test_a_crisis_domain_asks_for_a_goal_or_a_reason(store: CaseStore):
    assessment = AssessmentApp(store=store, autosave_delay=0)
    assessment.picker.value = "eviction-family"
    assessment.cards[LifeDomain.basic_needs].score.value = 1
    app = CarePlanApp(store=store, autosave_delay=0)
    assert "Basic needs: 1 · In crisis" in app.briefing.value
    warning, reason = app.crisis_box.children
    assert "Basic needs</b> is scored 1 (in crisis)" in warning.value
    assert reason.description == "Why no goal"
    app.add_goal_button.click()
    app.goal_cards["g1"].text.value = SMART
    app.goal_cards["g1"].domain.value = "basic_needs"
    assert app.crisis_box.children == ()
    assert plan(store).goals["g1"].domain == LifeDomain.basic_needs


def test_removing_goals_and_steps(app: CarePlanApp, store: CaseStore):
    app.add_goal_button.click()
    app.add_goal_button.click()
    app.goal_cards["g1"].text.value = SMART
    fill_step(app, "Bring the lease", "client", "5")
    app.add_step_button.click()
    steps_box = app.goal_cards["g1"].steps
    steps_box.children[1].children[1].click()  # the step's Remove button
    assert plan(store).goals["g1"].steps == {}
    app.goal_cards["g2"].children[-1].click()
    assert list(plan(store).goals) == ["g1"]


def test_the_plan_check_and_the_contract_escape_user_text(app: CarePlanApp):
    app.add_goal_button.click()
    app.goal_cards["g1"].text.value = XSS
    app.if_not_done.value = f"Client must pay. {XSS}"
    app.plan_check.click()
    html = " ".join(
        [app.contract.value, app.plan_feedback.value, app.goal_cards["g1"].feedback.value]
    )
    assert "<img src=x" not in html
    assert "is a directive" in app.plan_feedback.value


def test_a_due_day_that_is_not_a_number_is_explained_not_dropped(
    app: CarePlanApp, store: CaseStore
):
    app.add_goal_button.click()
    app.goal_cards["g1"].text.value = SMART
    fill_step(app, "Bring the lease", "client", "next week")
    app.add_step_button.click()
    assert "Write the due day as a number" in app.step_message.value
    assert plan(store).goals["g1"].steps == {}
    app.step_due.value = "day 5"
    app.add_step_button.click()
    assert [s.due_day for s in plan(store).goals["g1"].steps.values()] == [5]


def test_a_removed_goals_id_is_not_reused(app: CarePlanApp, store: CaseStore):
    app.add_goal_button.click()
    app.add_goal_button.click()
    app.goal_cards["g1"].children[-1].click()
    app.add_goal_button.click()
    assert list(plan(store).goals) == ["g2", "g3"]
