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
    form = app.release_form
    form.provider.value = provider
    form.shared.value = "Contact details and the notice"
    form.purpose.value = "legal advice on the notice"
    form.signed_day.value = "3"
    form.expires_day.value = "90"
    form.record.click()


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


def test_a_step_naming_a_provider_without_a_release_is_added_with_a_to_do_hipaa_164_508(
    app: CarePlanApp, store: CaseStore
):
    """Mended: the step used to be refused until a release was recorded. A release governs
    what is disclosed, not who may be named in a plan (HIPAA 45 CFR 164.508; NASW Code of
    Ethics 1.07): the step is added, with a to-do for before the referral is sent."""
    app.add_goal_button.click()
    app.goal_cards["g1"].text.value = SMART
    fill_step(app, "Give advice on the notice", "legal-clinic", "20")
    app.add_step_button.click()
    assert "Step added" in app.step_message.value
    assert "no release of information for Tenant Rights Legal Clinic" in app.step_message.value
    assert "before the referral is sent" in app.step_message.value
    assert [s.who for s in plan(store).goals["g1"].steps.values()] == ["legal-clinic"]
    assert app.step_what.value == ""
    record_release(app, "legal-clinic")
    assert "Release recorded for Tenant Rights Legal Clinic" in app.release_form.message.value
    assert "until day 90" in app.release_form.listing.value


def test_an_incomplete_release_says_what_is_missing(app: CarePlanApp):
    form = app.release_form
    form.provider.value = "legal-clinic"
    form.shared.value = "The notice"
    form.record.click()
    assert "does not say the purpose, the day it was signed" in form.message.value
    assert "when it ends" in form.message.value


def test_a_release_records_its_expiry_and_its_revocation_hipaa_164_508_b_5(
    app: CarePlanApp, store: CaseStore
):
    """A release ends on a day or an event (HIPAA 45 CFR 164.508(c)(1)(v)), and the client may
    revoke it in writing at any time (164.508(b)(5)): the app records both, and says that
    nothing more is shared after a revocation."""
    form = app.release_form
    form.provider.value = "legal-clinic"
    form.shared.value = "Contact details and the notice"
    form.purpose.value = "legal advice on the notice"
    form.signed_day.value = "3"
    form.expires_event.value = "when the case closes"
    form.record.click()
    saved = plan(store).releases["legal-clinic"]
    assert saved.expires_event == "when the case closes" and saved.expires_day is None
    assert "Release recorded" in form.message.value
    form.revoked_day.value = "12"
    form.revoke.click()
    assert plan(store).releases["legal-clinic"].revoked_day == 12
    assert "revoked" in form.message.value and "day 12" in form.message.value
    assert "revoked on day 12" in form.listing.value
    # choosing the provider again shows what is on file
    form.provider.value = None
    form.provider.value = "legal-clinic"
    assert form.expires_event.value == "when the case closes" and form.revoked_day.value == "12"


def test_a_reporting_line_needs_no_release_and_says_to_tell_the_client_hipaa_164_512(
    store: CaseStore,
):
    """A report of suspected abuse, neglect or exploitation needs no client consent (HIPAA 45
    CFR 164.512(b), (c)); the app says so, and says to tell the client when it is safe to."""
    app = CarePlanApp(store=store, autosave_delay=0)
    app.picker.value = "older-adult-self-neglect"
    app.release_form.provider.value = "protective-services"
    message = app.release_form.message.value
    assert "No release is needed" in message and "safe" in message
    assert "Adult Protective Services unit" in app.release_form.bases.value


def test_the_contract_becomes_complete(app: CarePlanApp, store: CaseStore):
    app.add_goal_button.click()
    card = app.goal_cards["g1"]
    card.text.value = SMART
    card.priority.value = app.scenario.client_priorities[0]
    assert "not complete yet" in app.contract.value
    record_release(app, "legal-clinic")
    assert "Release recorded" in app.release_form.message.value
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


GAS_LEVELS = {
    "-2": "Rent unpaid for both months; a court filing has started.",
    "-1": "Rent paid for one month, or paid late both months.",
    "0": "Rent paid in full and on time for two months in a row.",
    "1": "Two months paid on time and part of next month's rent set aside.",
    "2": "Three months paid on time and one month's rent saved.",
}


def test_gas_levels_are_written_at_each_goal_in_advance_and_saved(app: CarePlanApp, store):
    """Goal Attainment Scaling (Kiresuk & Sherman 1968): the outcome levels for each goal
    are written when the plan is made, before any review; they go through the record."""
    app.add_goal_button.click()
    card = app.goal_cards["g1"]
    card.text.value = SMART
    editor = card.gas
    assert "Not a measure yet" in editor.feedback.value
    for key, text in GAS_LEVELS.items():
        editor.fields[key].value = text
    assert plan(store).goals["g1"].gas_levels == GAS_LEVELS
    assert "Not a measure yet" not in editor.feedback.value
    assert "✗" not in editor.feedback.value
    editor.fields["1"].value = GAS_LEVELS["0"]
    assert "same" in editor.feedback.value  # two levels that say the same thing
    editor.fields["1"].value = GAS_LEVELS["1"]
    reopened = CarePlanApp(store=store, autosave_delay=0)
    assert reopened.picker.value == "eviction-family"
    assert reopened.goal_cards["g1"].gas.fields["0"].value == GAS_LEVELS["0"]
    assert plan(store).goals["g1"].text == SMART  # the goal itself is untouched


def test_gas_levels_editor_escapes_what_the_student_typed(app: CarePlanApp):
    app.add_goal_button.click()
    editor = app.goal_cards["g1"].gas
    editor.fields["0"].value = XSS
    editor.fields["1"].value = XSS
    assert "<img" not in editor.feedback.value


def test_gas_levels_of_a_goal_already_reviewed_say_the_yardstick_was_set(store, eviction):
    """Kiresuk & Sherman (1968): levels are written before the review; the care plan says
    so beside a goal that monitoring has already scored."""
    from casework.model import CarePlan, CaseRecord, GasReview, Goal, Monitoring

    store.save(
        CaseRecord(
            case_id="eviction-family",
            scenario_id="eviction-family",
            plan=CarePlan(goals={"g1": Goal(text=SMART, gas_levels=GAS_LEVELS)}),
            monitoring=Monitoring(reviews={"r1": GasReview(day=30, scores={"g1": 0})}),
        ),
        None,
    )
    app = CarePlanApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    editor = app.goal_cards["g1"].gas
    assert "Scored on day 30" in editor.feedback.value
    assert editor.fields["2"].value == GAS_LEVELS["2"]
