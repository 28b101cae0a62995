"""The monitoring app driven from Python: the timeline unfolds, notes are checked, the case
is stopped at a warning sign until the student responds, reviews and services are saved."""

from html import escape

import ipywidgets as widgets
import pytest

from casework.model import CaseRecord, Monitoring
from casework.store import CaseStore
from casework.ui.monitoring import MonitoringApp
from tests.test_plan import complete_plan

GOOD_NOTE = (
    'Day 3, office visit. Present: Marisol and the case manager. Marisol said, "I brought '
    'everything." Submitted the rent relief application. Next step: the case manager will '
    "call the fund on day 6."
)


# Goal Attainment Scaling: the goal's outcome levels are written in the care plan, before
# any review (Kiresuk & Sherman 1968), so the plan under review has them.
LEVELS = {
    "-2": "Rent unpaid for both months; a court filing has started.",
    "-1": "Rent paid for one month, or paid late both months.",
    "0": "Rent paid in full and on time for two months in a row.",
    "1": "Two months paid on time and part of next month's rent set aside.",
    "2": "Three months paid on time and one month's rent saved.",
}


def plan_with_levels(eviction, levels: dict[str, str] = LEVELS):
    plan = complete_plan(eviction)
    goal = plan.goals["g1"].model_copy(update={"gas_levels": levels})
    return plan.model_copy(update={"goals": {**plan.goals, "g1": goal}})


@pytest.fixture
def app(store: CaseStore, eviction) -> MonitoringApp:
    store.save(
        CaseRecord(
            case_id="eviction-family",
            scenario_id="eviction-family",
            plan=plan_with_levels(eviction),
        ),
        None,
    )
    app = MonitoringApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    return app


def saved(store: CaseStore) -> CaseRecord:
    return store.latest("eviction-family").record


def advance_to(app: MonitoringApp, shown: int) -> None:
    while app.record.monitoring.shown < shown:
        before = app.record.monitoring.shown
        app.advance()
        assert app.record.monitoring.shown == before + 1, app.next_message.value


# A student's own safety response to the overdose night (day 24), in their own words.
SAFETY = {
    "immediate": "Asked Marisol where Teo and Lucía are tonight: at her sister's, she said. "
    "Asked whether any pills are left in the apartment.",
    "consult": "Called my supervisor that evening; we agreed to report to CPS tonight.",
    "reason": "Shane overdosed at home with both children there, after weeks of opioid use.",
    "tell": "Told Marisol before the call that I must report, and what CPS will do next.",
    "document": "Wrote the day 24 note that night: her answers, the consult, the report and "
    "its time.",
}


def answer_safety(card, report: str = "report", report_to: str | None = "cps") -> None:
    """Fill each part of a safety sign's response as a student would, then commit it."""
    safety = card.safety
    safety.immediate.value = SAFETY["immediate"]
    safety.consult_day.value = str(card.sign.day)
    safety.consult.value = SAFETY["consult"]
    safety.report.value = report
    if report == "report":
        safety.report_to.value = report_to
        safety.report_day.value = str(card.sign.day)
    safety.report_reason.value = SAFETY["reason"]
    safety.tell.value = SAFETY["tell"]
    safety.documentation.value = SAFETY["document"]
    safety.save.click()


def test_nothing_has_happened_until_the_student_moves_on(app, store):
    assert app.events_box.children == ()
    assert "day 3" in app.next_button.description
    app.advance()
    assert saved(store).monitoring.shown == 1
    assert "brings the lease" in app.event_cards[0].children[0].value


def test_each_note_is_saved_as_typed_and_checked_with_highlights(app, store):
    app.advance()
    card = app.event_cards[0]
    card.note.value = "Day 3. Client was noncompliant and manipulative."
    assert saved(store).monitoring.notes["0"] == card.note.value
    card.check.click()
    assert "<mark class='cw-mark'" in card.feedback.value
    assert ">noncompliant</mark>" in card.feedback.value
    assert "does not record how the contact happened" in card.feedback.value
    card.note.value = GOOD_NOTE
    card.check.click()
    assert "cw-mark" not in card.feedback.value
    assert "✗" not in card.feedback.value and "! Improve" not in card.feedback.value


def test_a_crisis_stops_the_timeline_until_the_plan_changes(app, store, eviction):
    advance_to(app, 3)  # the disclosure on day 12 is the third event
    disclosure = app.sign_cards["disclosure-2"]
    disclosure.kind.value = "explain"
    disclosure.text.value = (
        "We talked it through: Marisol wants to keep the housing steps first and will tell "
        "me when she is ready to talk about treatment for Shane."
    )
    advance_to(app, 5)  # the missed session, then the crisis on day 24
    app.advance()
    assert saved(store).monitoring.shown == 5
    assert "cannot move on yet" in app.next_message.value
    assert "A crisis happened" in app.next_message.value
    crisis = app.sign_cards["crisis-4"]
    crisis.kind.value = "change_plan"
    app.advance()
    assert saved(store).monitoring.shown == 5, "choosing 'change the plan' is not a change"
    assert "The plan is the same as on day 24" in crisis.status.value
    # a provider without a release is added with the consent as a to-do (HIPAA 45 CFR
    # 164.508: a release governs what is shared, not whether a provider is in the plan)
    app.change_goal.value = "g1"
    app.change_what.value = "Start outpatient treatment with medication"
    app.change_who.value = "recovery-program"
    app.change_due.value = "31"
    app.add_plan_step()
    assert "Say how often, for example “once” or “weekly”." in app.change_message.value
    assert not any("outpatient" in s.what for s in saved(store).plan.goals["g1"].steps.values())
    app.change_often.value = "weekly"
    app.change_where.value = "the recovery program's clinic"
    app.add_plan_step()
    assert "Added to the plan" in app.change_message.value
    assert "release" in app.change_message.value
    # a new party in the plan: the contract says at once what it now lacks, and where to mend it
    assert "The written contract is not complete now." in app.change_message.value
    assert "Complete it in the care plan (stage 3" in app.change_message.value
    steps = saved(store).plan.goals["g1"].steps
    step = next(step for step in steps.values() if "outpatient" in step.what)
    assert (step.how_often, step.where, step.due_day) == (
        "weekly",
        "the recovery program's clinic",
        31,
    )
    app.change_who.value = "client"
    app.change_what.value = "Keep the naloxone kit by the door and tell the children where it is"
    app.change_due.value = "25"
    app.change_often.value = "every day"
    app.change_where.value = "at home"
    app.add_plan_step()
    assert "Added to the plan" in app.change_message.value
    steps = saved(store).plan.goals["g1"].steps
    assert any("naloxone" in step.what for step in steps.values())
    assert "✓ The plan changed" in crisis.status.value
    # the overdose night is also a safety event: the change of plan alone does not move
    # the case on (issue 14); the safety response does
    app.advance()
    assert saved(store).monitoring.shown == 5
    assert "Someone may be in danger" in app.next_message.value
    answer_safety(app.sign_cards["safety-4"])
    app.advance()
    assert saved(store).monitoring.shown == 6


def test_choosing_reassess_is_not_yet_a_reassessment(app, store):
    """Issue 13, item 18: no "✓ Reassessed" (and no moving on) until a domain is scored
    again; the choice alone settles nothing."""
    advance_to(app, 3)
    card = app.sign_cards["disclosure-2"]
    card.kind.value = "reassess"
    assert "Reassessed" not in card.status.value
    assert "score again" in card.status.value
    app.advance()
    assert saved(store).monitoring.shown == 3, "the gate holds until the domains are rescored"


def test_reassessing_settles_a_sign_and_charts_the_new_scores(app, store):
    advance_to(app, 3)
    card = app.sign_cards["disclosure-2"]
    card.kind.value = "reassess"
    assert card.reassessment.layout.display is None
    card.cards[next(iter(card.cards))].score.value = 2
    record = saved(store)
    assert "disclosure-2" in record.monitoring.reassessments
    assert "Reassessed" in card.status.value
    assert "Basic needs: day 12 2" in app.scores_chart.value  # a column for the day 12 reassessment
    app.advance()
    assert saved(store).monitoring.shown == 4


def test_documenting_why_the_plan_continues_needs_a_real_reason(app, store):
    advance_to(app, 3)
    card = app.sign_cards["disclosure-2"]
    card.kind.value = "explain"
    card.text.value = "Fine."
    app.advance()
    assert saved(store).monitoring.shown == 3
    assert "at least 12 words" in card.status.value


def test_a_falling_t_score_is_a_sign(app, store):
    app.review_day.value = "30"
    app.review_fields["g1"][0].value = 1
    app.save_review()
    app.review_day.value = "45"
    app.review_fields["g1"][0].value = -1
    app.save_review()
    reviews = saved(store).monitoring.reviews
    assert [r.scores["g1"] for r in reviews.values()] == [1, -1]
    assert "60.0" in app.reviews_table.value and "40.0" in app.reviews_table.value
    assert "day 30: 60.0, day 45: 40.0" in app.gas_chart.value
    assert any(key.startswith("gas-fall-") for key in app.sign_cards)


def test_a_review_needs_a_day_and_a_score(app, store):
    app.review_day.value = "soon"
    app.save_review()
    assert "as a number" in app.review_message.value
    app.review_day.value = "30"
    app.save_review()
    assert "Score at least one goal" in app.review_message.value
    assert saved(store).monitoring.reviews == {}


def test_service_use_is_saved_and_a_planned_service_not_yet_due_is_not_missing(app, store):
    assert "planned, due day 20" in app.services_table.value
    assert "<NA>" not in app.services_table.value
    assert "never delivered" not in app.services_feedback.value
    referred, offered, attended, _completed = app.service_fields["legal-clinic"]
    referred.value = "5"
    offered.value = 2
    attended.value = 1
    use = saved(store).monitoring.services["legal-clinic"]
    assert (use.referred_day, use.sessions_offered, use.sessions_attended) == (5, 2, 1)
    assert "in use" in app.services_table.value
    assert "never delivered" not in app.services_feedback.value


def test_notes_survive_reopening(app, store):
    app.advance()
    app.event_cards[0].note.value = "<img src=x onerror=alert(1)>"
    again = MonitoringApp(store=store, autosave_delay=0)
    assert again.picker.value == "eviction-family"
    assert again.event_cards[0].note.value == "<img src=x onerror=alert(1)>"
    again.event_cards[0].check.click()
    assert "<img" not in again.event_cards[0].feedback.value


def test_a_case_with_no_plan_yet_opens_and_says_what_is_missing(store: CaseStore):
    app = MonitoringApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    assert "No provider is named in the plan yet" in app.services_box.children[0].value
    assert "care plan has no goals yet" in app.next_message.value
    app.advance()
    assert saved(store).monitoring.shown == 1
    app.save_review()
    assert "Score at least one goal" in app.review_message.value


def _html(widget) -> str:
    """Every piece of HTML inside a widget, depth first."""
    parts = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        parts.append(_html(child))
    return " ".join(parts)


def test_gas_each_goals_written_levels_are_shown_beside_its_score(app):
    """Goal Attainment Scaling (Kiresuk & Sherman 1968): the reviewer scores against the
    levels written in advance, so they are on the page beside the −2…+2 choice."""
    score, _weight = app.review_fields["g1"]
    assert not score.disabled
    shown = _html(app.review_box)
    for text in LEVELS.values():
        assert escape(text) in shown


def test_gas_a_goal_with_no_written_levels_cannot_be_scored_as_a_measure(store, eviction):
    """Kiresuk & Sherman (1968): without the outcome levels written before the review, a
    −2…+2 rating is an opinion, not a measure; the review says so and saves nothing."""
    store.save(
        CaseRecord(
            case_id="eviction-family", scenario_id="eviction-family", plan=complete_plan(eviction)
        ),
        None,
    )
    app = MonitoringApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    score, _weight = app.review_fields["g1"]
    assert score.disabled
    assert "care-plan app" in _html(app.review_box)
    app.review_day.value = "30"
    score.value = 1  # even if a stale page sends a score
    app.save_review()
    assert "levels" in app.review_message.value and "opinion" in app.review_message.value
    assert saved(store).monitoring.reviews == {}


def test_gas_written_levels_are_escaped_in_the_review(store, eviction):
    xss = {**LEVELS, "0": "<img src=x onerror=alert(1)> paid on time"}
    store.save(
        CaseRecord(
            case_id="eviction-family",
            scenario_id="eviction-family",
            plan=plan_with_levels(eviction, xss),
        ),
        None,
    )
    app = MonitoringApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    shown = _html(app.review_box)
    assert "<img" not in shown and escape(xss["0"]) in shown


def at_the_overdose_night(app: MonitoringApp) -> None:
    """Unfold the eviction case to the overdose on day 24 (the disclosure answered)."""
    advance_to(app, 3)
    disclosure = app.sign_cards["disclosure-2"]
    disclosure.kind.value = "explain"
    disclosure.text.value = (
        "We talked it through: Marisol wants to keep the housing steps first and will tell "
        "me when she is ready to talk about treatment for Shane."
    )
    advance_to(app, 5)


def test_the_overdose_night_holds_reassess_alone_and_names_what_is_missing(app, store):
    """Issue 14, item 4: reassessing answers the crisis, not the danger to the children.
    The gate names each missing part of the safety response (NASW Code of Ethics 1.07(c);
    state reporting laws; C-SSRS and 988 for the crisis protocol)."""
    at_the_overdose_night(app)
    assert list(app.sign_cards)[-2:] == ["safety-4", "crisis-4"]
    crisis = app.sign_cards["crisis-4"]
    crisis.kind.value = "reassess"
    crisis.cards[next(iter(crisis.cards))].score.value = 1
    assert "Reassessed" in crisis.status.value
    app.advance()
    assert saved(store).monitoring.shown == 5
    message = app.next_message.value
    assert "cannot move on yet" in message and "Someone may be in danger" in message
    for part in ("immediate safety", "supervisor consult on day 24", "report decision"):
        assert part in message, part
    assert "documentation" in message


def test_a_complete_committed_safety_response_moves_the_case_on_and_shows_the_key(app, store):
    """The design's learning loop: the student's own response first; the answer key appears
    only after it is committed, and every edit is saved in the record."""
    at_the_overdose_night(app)
    card = app.sign_cards["safety-4"]
    safety = card.safety
    assert "Commit my safety response" in safety.save.description
    safety.immediate.value = SAFETY["immediate"]
    assert saved(store).monitoring.safety["safety-4"].immediate == SAFETY["immediate"]
    safety.save.click()  # not yet: the whole response comes before the key
    assert "Still missing" in safety.message.value and safety.key_panel.value == ""
    crisis = app.sign_cards["crisis-4"]
    crisis.kind.value = "explain"
    crisis.text.value = (
        "We went over the crisis plan together; she used the kit as agreed and keeps the steps."
    )
    answer_safety(card)
    response = saved(store).monitoring.safety["safety-4"]
    assert response.committed and response.report_to == "cps" and response.consult_day == 24
    assert (response.first_report, response.first_report_to) == ("report", "cps")
    assert "Your decision matches the answer key" in safety.key_panel.value
    assert "the naloxone kit came from" in safety.key_panel.value  # the key's model, now shown
    assert "Your safety response is complete" in card.status.value
    app.advance()
    assert saved(store).monitoring.shown == 6


def test_no_report_on_the_overdose_night_is_explained_beside_the_key(app, store):
    """CAPTA and state reporting laws: reasonable suspicion, not proof; states differ on
    these facts, so a reasoned decision not to report, made with the supervisor, moves on
    with the key's reasons shown (HIPAA 45 CFR 164.512(b): a report needs no release)."""
    at_the_overdose_night(app)
    crisis = app.sign_cards["crisis-4"]
    crisis.kind.value = "explain"
    crisis.text.value = (
        "We went over the crisis plan together; she used the kit as agreed and keeps the steps."
    )
    card = app.sign_cards["safety-4"]
    answer_safety(card, report="no_report")
    assert saved(store).monitoring.safety["safety-4"].report_to == "none"
    assert card.safety.report_to.layout.display == "none"
    assert "reasonable suspicion, not proof" in card.safety.key_panel.value
    assert "states differ" in card.safety.key_panel.value
    app.advance()
    assert saved(store).monitoring.shown == 6


def test_the_safety_response_survives_reopening_and_is_escaped(app, store):
    at_the_overdose_night(app)
    card = app.sign_cards["safety-4"]
    answer_safety(card)
    card.safety.immediate.value = "<img src=x onerror=alert(1)> children at her sister's, asked"
    again = MonitoringApp(store=store, autosave_delay=0)
    safety = again.sign_cards["safety-4"].safety
    assert safety.immediate.value.startswith("<img")
    assert safety.report.value == "report" and safety.report_to.value == "cps"
    assert safety.consult_day.value == "24" and safety.report_day.value == "24"
    assert "<img" not in safety.key_panel.value and "&lt;img" in safety.key_panel.value


def test_the_safety_card_carries_stable_hooks_for_the_browser_test(app):
    at_the_overdose_night(app)
    card = app.sign_cards["safety-4"]
    safety = card.safety
    hooks = {
        "e2e-sign-safety-4": card,
        "e2e-safety": safety,
        "e2e-safety-immediate": safety.immediate,
        "e2e-safety-consult-day": safety.consult_day,
        "e2e-safety-consult": safety.consult,
        "e2e-safety-report": safety.report,
        "e2e-safety-report-to": safety.report_to,
        "e2e-safety-report-day": safety.report_day,
        "e2e-safety-report-why": safety.report_reason,
        "e2e-safety-tell": safety.tell,
        "e2e-safety-document": safety.documentation,
        "e2e-safety-save": safety.save,
        "e2e-safety-message": safety.message,
        "e2e-safety-key": safety.key_panel,
        "e2e-sign-status": card.status,
    }
    for hook, widget in hooks.items():
        assert hook in widget._dom_classes, hook


def test_a_planned_service_is_missing_once_its_step_is_due_and_cites_its_own_source(eviction):
    from casework.checks.monitoring import check_services, service_rows

    plan = plan_with_levels(eviction)
    due = next(e.day for e in eviction.timeline if e.day >= 20)
    shown = next(i for i, e in enumerate(eviction.timeline, start=1) if e.day >= due)
    for shown_now, status in ((0, "planned, due day 20"), (shown, "planned, never delivered")):
        record = CaseRecord(
            case_id="c",
            scenario_id=eviction.id,
            plan=plan,
            monitoring=Monitoring(shown=shown_now),
        )
        row = next(r for r in service_rows(record, eviction) if r.resource == "legal-clinic")
        assert row.status == status
    (finding,) = check_services(record, eviction)
    assert finding.message.startswith("Tenant Rights Legal Clinic is in the plan, but the record")
    assert "Service utilization" in finding.source and "Goal Attainment" not in finding.source


def test_a_goal_chart_with_one_review_has_whole_day_ticks():
    import pandas as pd

    from casework.charts import gas_figure

    figure = gas_figure(pd.DataFrame({"Day": [24], "T-score": [55.0]}))
    ticks = [t for t in figure.axes[0].get_xticks() if 23 <= t <= 25]
    assert ticks and all(float(t).is_integer() for t in figure.axes[0].get_xticks())
