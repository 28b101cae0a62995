"""Closure readiness: each indicator with a record that shows it and one that does not; the
verdict; the comparison with the student's call; procedures; the supervisor's comments."""

from casework.checks.closure import (
    check_summary,
    closure_procedures,
    compare_judgement,
    draft_summary,
    readiness,
    readiness_indicators,
    supervisor_review,
)
from casework.model import EventKind, GasReview, Release, Tie, TimelineEvent
from tests.casefiles import monitored, ready_to_close


def indicator(record, scenario, indicator_id):
    return {i.id: i for i in readiness_indicators(record, scenario)}[indicator_id]


def with_monitoring(record, **changes):
    return record.model_copy(update={"monitoring": record.monitoring.model_copy(update=changes)})


def with_closure(record, **changes):
    return record.model_copy(update={"closure": record.closure.model_copy(update=changes)})


def test_goals_met_needs_a_review_at_or_above_the_expected_level(eviction):
    record = ready_to_close(eviction)
    assert indicator(record, eviction, "goals_met").present
    below = with_monitoring(record, reviews={"r1": GasReview(day=60, scores={"g1": -1})})
    shown = indicator(below, eviction, "goals_met")
    assert not shown.present and "-1 (somewhat less than expected)" in shown.evidence[0]
    none = with_monitoring(record, reviews={})
    assert "No goal review yet" in indicator(none, eviction, "goals_met").evidence[0]


def test_navigation_skills_need_a_client_step_with_a_service_in_use(eviction):
    assert indicator(ready_to_close(eviction), eviction, "navigation_skills").present
    # the same plan, but only the clinic itself acts: no step of the client's with a provider
    assert not indicator(monitored(eviction), eviction, "navigation_skills").present


def test_natural_supports_come_from_strong_informal_ties_or_informal_services(eviction):
    record = ready_to_close(eviction)
    assert indicator(record, eviction, "natural_supports").present
    ties = {"landlord": Tie(name="Landlord", kind="stressful")}
    assessment = record.assessment.model_copy(update={"ties": ties})
    alone = with_monitoring(record.model_copy(update={"assessment": assessment}), services={})
    assert not indicator(alone, eviction, "natural_supports").present


def test_disengagement_needs_missed_contacts_at_the_end_with_outreach_documented(eviction):
    missed = EventKind.appointment_missed
    events = [
        TimelineEvent(day=3, kind=EventKind.appointment_attended, summary="Met."),
        TimelineEvent(day=9, kind=missed, summary="No show."),
        TimelineEvent(day=16, kind=missed, summary="No show."),
    ]
    scenario = eviction.model_copy(update={"timeline": events})
    record = with_monitoring(
        ready_to_close(eviction),
        shown=3,
        notes={
            "1": "Day 9: called twice and left a message.",
            "2": "Day 16: home visit, no answer; left a letter.",
        },
    )
    assert indicator(record, scenario, "disengaged").present
    silent = with_monitoring(
        record, notes={"1": "Day 9: did not come.", "2": "Day 16: did not come."}
    )
    shown = indicator(silent, scenario, "disengaged")
    assert not shown.present and "outreach not documented" in shown.evidence[0]
    assert not indicator(ready_to_close(eviction), eviction, "disengaged").present


def test_eligibility_lost_when_a_rule_is_recorded_as_not_met(eviction):
    record = ready_to_close(eviction)
    assert not indicator(record, eviction, "eligibility_lost").present
    intake = record.intake.model_copy(update={"eligibility_answers": {"income": "not_met"}})
    lost = record.model_copy(update={"intake": intake})
    assert indicator(lost, eviction, "eligibility_lost").present


def test_a_transfer_is_an_indicator_and_its_release_is_checked(eviction):
    record = ready_to_close(eviction)
    assert not indicator(record, eviction, "transfer").present
    transfer = with_closure(record, transfer_to="recovery-program")
    shown = indicator(transfer, eviction, "transfer")
    assert shown.present and "no release of information" in shown.evidence[1]
    assert any("Transfer:" in c for c in supervisor_review(transfer, eviction))


def test_the_verdict_for_each_kind_of_record(eviction):
    assert readiness(ready_to_close(eviction), eviction)[1].value == "ready"
    not_met = with_monitoring(
        ready_to_close(eviction), reviews={"r": GasReview(day=60, scores={"g1": -2})}
    )
    assert readiness(not_met, eviction)[1].value == "not_yet"
    no_skills = monitored(eviction)  # goals met and supports, but no client-led service step
    verdict = readiness(no_skills, eviction)[1]
    assert verdict.value == "ready_with_conditions"
    assert "find and use services on their own" in verdict.conditions[0]
    releases = {"recovery-program": Release(shared="Contact", purpose="treatment", signed_day=30)}
    plan = ready_to_close(eviction).plan.model_copy(update={"releases": releases})
    transfer = with_closure(
        ready_to_close(eviction).model_copy(update={"plan": plan}), transfer_to="recovery-program"
    )
    verdict = readiness(transfer, eviction)[1]
    assert verdict.value == "ready_with_conditions" and "accepted the case" in verdict.conditions[0]


def test_the_students_call_is_compared_and_explained(eviction):
    verdict = readiness(ready_to_close(eviction), eviction)[1]
    assert compare_judgement("ready", verdict).strengths
    early = readiness(with_monitoring(ready_to_close(eviction), reviews={}), eviction)[1]
    finding = compare_judgement("ready", early).findings[0]
    assert "the record says not yet" in finding.message and "No goal review yet" in finding.message
    holding = compare_judgement("not_yet", verdict).findings[0]
    assert "dependence" in holding.message
    assert compare_judgement(None, verdict).findings[0].severity == "info"


def test_procedures_report_what_is_missing(eviction):
    done = {p.id: p for p in closure_procedures(ready_to_close(eviction), eviction)}
    assert all(p.done for p in done.values()), [p.detail for p in done.values() if not p.done]
    rushed = with_closure(
        ready_to_close(eviction), notice_day=85, handoff="The pantry.", follow_up="Later."
    )
    found = {p.id: p for p in closure_procedures(rushed, eviction)}
    assert "5 days, fewer than 14" in found["advance_notice"].detail
    assert not found["handoff"].done and "Name each service" in found["handoff"].detail
    assert not found["follow_up"].done and "For example" in found["follow_up"].why


def test_the_supervisor_approves_a_ready_record_and_names_each_gap_otherwise(eviction):
    assert supervisor_review(ready_to_close(eviction), eviction) == []
    early = monitored(eviction, shown=5)
    responses = {k: v for k, v in early.monitoring.responses.items() if k != "crisis-4"}
    early = with_monitoring(early, responses=responses, notes={})
    comments = " ".join(supervisor_review(early, eviction))
    assert "3 timeline events are still to come" in comments
    assert "Day 24, a crisis happened" in comments
    assert "Contact notes are missing for day 3, 7, 12, 19, 24" in comments
    assert "Advance notice given" in comments


def test_the_summary_draft_is_built_from_the_record_and_passes_the_coach(eviction):
    record = ready_to_close(eviction)
    draft = draft_summary(record, eviction)
    assert "T-score: 40 → 60" in draft
    assert "Tenant Rights Legal Clinic: 2 of 2 sessions attended" in draft
    assert "Closure reason: Goals met" in draft
    assert check_summary(draft).ok, check_summary(draft).findings
    assert not check_summary("").ok
    assert not check_summary("She was noncompliant with the plan.").ok


# --- exit destinations: HUD HMIS Data Standards Manual (FY2024), 3.12 Destination --------


def test_hud_3_12_emergency_shelter_is_a_homeless_situation_not_a_temporary_one():
    """HUD HMIS Data Standards (FY2024) 3.12: emergency shelter, a safe haven and a place not
    meant for habitation are Homeless Situations; the temporary group holds none of them."""
    from casework.checks.closure import exit_destination_examples, exit_destinations

    labels, examples = exit_destinations(), exit_destination_examples()
    homeless = " ".join(examples["homeless"]).lower()
    for place in ("emergency shelter", "safe haven", "not meant for"):
        assert place in homeless
    assert "shelter" in labels["homeless"].lower()
    assert "shelter," not in labels["temporary"].lower()  # the old label listed it first
    assert not any(
        e.lower().startswith(("emergency shelter", "a shelter")) for e in examples["temporary"]
    )


def test_hud_3_12_transitional_housing_and_staying_with_family_for_now_are_temporary():
    """HUD HMIS Data Standards (FY2024) 3.12: transitional housing for homeless persons and
    staying with family or friends temporarily are Temporary Housing Situations."""
    from casework.checks.closure import exit_destination_examples

    temporary = " ".join(exit_destination_examples()["temporary"]).lower()
    assert "transitional housing" in temporary
    assert "family" in temporary and "temporar" in temporary
    permanent = " ".join(exit_destination_examples()["permanent"]).lower()
    assert "transitional" not in permanent and "permanent" in permanent


def test_hud_3_12_institutional_situations_include_foster_care_and_nursing_homes():
    """HUD HMIS Data Standards (FY2024) 3.12: foster care home or group home, hospital,
    jail or prison, long-term care or nursing home, psychiatric and treatment facilities are
    Institutional Situations."""
    from casework.checks.closure import exit_destination_examples

    institutional = " ".join(exit_destination_examples()["institutional"]).lower()
    for place in ("foster care", "nursing home", "hospital", "jail", "substance use"):
        assert place in institutional


def test_hud_exit_destination_groups_cite_the_fy2024_data_standards_3_12():
    from casework.checks.closure import exit_destination_source, exit_destinations

    groups = {"permanent", "temporary", "institutional", "homeless", "other"}
    assert set(exit_destinations()) == groups  # the keys saved case files hold
    assert "3.12" in exit_destination_source() and "FY2024" in exit_destination_source()


def test_hud_3_12_the_foster_care_leaver_exits_to_temporary_transitional_housing(catalogue):
    """Jordan stays in the Transitional Living Program's time-limited housing when the
    intensive phase ends: transitional housing is a Temporary Housing Situation (HUD 3.12),
    however long the stay. The other two clients stay in their own homes: permanent."""
    scenarios = catalogue.scenarios
    assert scenarios["foster-care-leaver"].closure.exit_destination == "temporary"
    assert scenarios["eviction-family"].closure.exit_destination == "permanent"
    assert scenarios["older-adult-self-neglect"].closure.exit_destination == "permanent"


def test_hud_3_12_the_supervisor_names_an_exit_destination_that_differs_from_the_facts(
    eviction,
):
    """A destination that does not match the facts at closure is sent back with the group's
    HUD examples; a matching one draws no comment (HUD HMIS Data Standards 3.12)."""
    from casework.checks.closure import check_exit_destination

    record = ready_to_close(eviction)
    assert check_exit_destination(record, eviction).findings == ()
    wrong = with_closure(record, exit_destination="temporary")
    finding = check_exit_destination(wrong, eviction).findings[0]
    assert "3.12" in (finding.source or "")
    assert "permanent" in finding.message.lower()
    assert any("Exit destination" in c for c in supervisor_review(wrong, eviction))
    unrecorded = with_closure(record, exit_destination=None)
    assert check_exit_destination(unrecorded, eviction).findings == ()


def test_closure_is_not_approved_while_the_written_contract_is_incomplete(eviction):
    from casework.checks.closure import supervisor_review
    from casework.report import export_case

    record = ready_to_close(eviction)
    assert supervisor_review(record, eviction) == []
    unsigned = record.model_copy(
        update={"plan": record.plan.model_copy(update={"signatures": {}, "if_not_done": ""})}
    )
    comments = supervisor_review(unsigned, eviction)
    assert len(comments) == 1
    assert comments[0].startswith("The written contract is not complete: ")
    assert comments[0].endswith(" Complete it in the care plan before closing.")
    assert "Signatures with dates" in comments[0]
    # what the export says of the contract is what the care plan says of it
    assert "The written contract is complete." in export_case(record, eviction, "md")
    assert "The written contract is not complete yet." in export_case(unsigned, eviction, "md")
