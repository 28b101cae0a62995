"""One scenario through all five stages, driven through the apps from Python as a student
would, on one case file; the exported case file holds each stage's work."""

from casework.store import CaseStore
from casework.ui.assessment import AssessmentApp
from casework.ui.care_plan import CarePlanApp
from casework.ui.closure import ClosureApp
from casework.ui.intake import IntakeApp
from casework.ui.monitoring import MonitoringApp
from tests.casefiles import SCORES
from tests.test_monitoring_app import answer_safety

PRESENTING = 'She said: "We got the paper on the door. Ten days." Rent is two months behind.'
GOAL = "Within 60 days, Marisol will pay rent in full and on time for two months in a row."


def note(day: int) -> str:
    return (
        f'Day {day}, home visit. Present: Marisol and the case manager. Marisol said, "We are '
        f'getting there." Gave the pantry hours. Next step: the case manager will call on day {day + 3}.'
    )


def open_app(kind, store: CaseStore):
    app = kind(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    return app


def test_one_case_from_intake_to_an_approved_closure_and_its_export(store: CaseStore, home):
    intake = open_app(IntakeApp, store)
    intake.confidentiality.value = True
    intake.confidentiality_limits.value = True
    intake.texts["presenting_issue"].value = PRESENTING
    intake.priority.value = "urgent"

    assessment = open_app(AssessmentApp, store)
    for domain, score in SCORES.items():
        card = assessment.cards[domain]
        card.evidence[0].value = True
        card.score.value = score
    assessment.strengths[
        next(iter(assessment.strengths))
    ].value = "Kept the same job for three years"
    assessment.tie_name.value = "Sister"
    assessment.tie_kind.value = "strong"
    assessment.tie_flow.value = "to_client"
    assessment.add_tie.click()

    plan = open_app(CarePlanApp, store)
    plan.add_goal_button.click()
    plan.goal_cards["g1"].text.value = GOAL
    plan.goal_cards["g1"].priority.value = plan.scenario.client_priorities[0]
    # the GAS levels are written with the plan, before any review (Kiresuk & Sherman 1968)
    for level, text in (
        ("-2", "Rent unpaid for both months; the landlord has filed in court."),
        ("0", "Rent paid in full and on time for two months in a row."),
        ("2", "Three months paid on time, and one month's rent saved."),
    ):
        plan.goal_cards["g1"].gas.fields[level].value = text
    release = plan.release_form
    release.provider.value = "legal-clinic"
    release.shared.value = "Contact details and the notice"
    release.purpose.value = "legal advice on the notice"
    release.signed_day.value = "3"
    release.expires_event.value = "when the case closes"
    release.record.click()
    assert "Release recorded" in release.message.value
    for what, who, due, resource in (
        ("Bring the lease and pay stubs", "client", "5", None),
        ("Submit the rent relief application", "case_manager", "7", None),
        ("Go to the clinic's walk-in advice hour with the notice", "client", "20", "legal-clinic"),
        ("Give advice on the notice", "legal-clinic", "20", None),
    ):
        plan.step_goal.value = "g1"
        plan.step_what.value, plan.step_who.value, plan.step_due.value = what, who, due
        plan.step_often.value, plan.step_where.value = "once", "office"
        plan.step_resource.value = resource
        plan.add_step_button.click()
        assert "Step added" in plan.step_message.value, plan.step_message.value
    # the written contract, complete and signed: a case that ends on its goals closes on
    # the plan the client agreed to (the supervisor sends it back otherwise)
    plan.if_not_done.value = "If a step is missed, we meet within a week to change the plan."
    for name, day in plan.signature_fields.values():
        name.value, day.value = "Signed", "4"
    assert "The contract is complete" in plan.contract.value, plan.contract.value

    monitoring = open_app(MonitoringApp, store)
    for index, event in enumerate(monitoring.scenario.timeline):
        monitoring.advance()
        monitoring.event_cards[index].note.value = note(event.day)
        for card in monitoring.sign_cards.values():
            if card.safety is not None:  # the overdose night: a safety response (issue 14)
                if not monitoring.record.monitoring.safety.get(card.sign.id):
                    answer_safety(card)
            elif card.kind.value is None:
                card.kind.value = "explain"
                card.text.value = (
                    "We reviewed what happened together; the crisis plan worked and Marisol "
                    "wants to keep the same steps for now."
                )
    assert store.latest("eviction-family").record.monitoring.shown == len(
        monitoring.scenario.timeline
    )
    referred, offered, attended, _done = monitoring.service_fields["legal-clinic"]
    referred.value, offered.value, attended.value = "10", 2, 2
    monitoring.review_day.value = "60"
    monitoring.review_fields["g1"][0].value = 1
    monitoring.save_review()

    closure = open_app(ClosureApp, store)
    closure.judgement.value = "ready"
    closure.notice_day.value, closure.closing_day.value = "70", "90"
    closure.progress_reviewed.value = True
    closure.crisis_plan.value = (
        "If rent is late again, Marisol calls the Rent Relief Fund in the first week."
    )
    closure.handoff.value = (
        "Tenant Rights Legal Clinic: walk in on Wednesday afternoons with any notice."
    )
    closure.follow_up.value = "The case manager will phone Marisol on day 120."
    closure.reason.value = "Goals met: housing is stable and natural supports are in place."
    closure.exit_destination.value = "permanent"
    closure.draft.click()
    closure.request.click()
    record = store.latest("eviction-family").record
    assert record.closure.review.status == "approved", record.closure.review.comments

    closure.export_html_button.click()
    closure.export_md.click()
    markdown = (home / "exports" / "eviction-family-case-file.md").read_text(encoding="utf-8")
    html = (home / "exports" / "eviction-family-case-file.html").read_text(encoding="utf-8")
    for stage_work in (
        'Presenting issue: She said: "We got the paper on the door. Ten days."',  # 1 intake
        "Eco-map: Sister, strong tie",  # 2 assessment
        "| Basic needs | 2 |",
        GOAL,  # 3 care plan
        "Go to the clinic's walk-in advice hour with the notice",
        "Day 24, crisis: Day 24, home visit.",  # 4 monitoring
        "Report decision: Report to Child Protective Services (CPS) on day 24",
        "| 60 | 1 | 60 |",
        "Supervisor review: approved.",  # 5 closure
        "Closure summary: Marisol Vega",
    ):
        assert stage_work in markdown, stage_work
    assert "Eco-map: Sister, strong tie" in html and "Supervisor review: approved." in html
    assert html.count("data:image/png;base64,") == 4
