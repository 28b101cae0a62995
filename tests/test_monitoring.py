"""Goal Attainment Scaling, warning signs (each with a case that raises it and one that
does not), the responses that settle them, and service use."""

import math

import pytest

from casework.checks.monitoring import (
    check_event_note,
    gas_t_score,
    latest_ratings,
    plan_fingerprint,
    response_status,
    service_rows,
    unsettled_signs,
    warning_signs,
)
from casework.model import (
    ActionStep,
    Adjustment,
    EventKind,
    GasReview,
    Monitoring,
    ServiceUse,
    TimelineEvent,
)
from tests.casefiles import monitored


def test_all_goals_at_the_expected_level_give_fifty():
    assert gas_t_score({"a": 0, "b": 0, "c": 0}) == 50
    assert gas_t_score({"a": 0}, {"a": 3}) == 50


def test_weighted_goals_match_the_formula_worked_by_hand():
    # weights 2 and 1, scores +2 and −1, ρ = 0.3:
    # Σwx = 4 − 1 = 3; Σw² = 5; (Σw)² = 9; √(0.7·5 + 0.3·9) = √6.2
    expected = 50 + 10 * 3 / math.sqrt(6.2)
    assert gas_t_score({"a": 2, "b": -1}, {"a": 2, "b": 1}) == pytest.approx(expected)
    assert expected == pytest.approx(62.048, abs=0.001)


def test_one_goal_one_step_below_expected_is_forty_and_nothing_scored_is_none():
    assert gas_t_score({"a": -1}) == pytest.approx(40)
    assert gas_t_score({}) is None


def test_rho_changes_the_summary_for_several_goals():
    assert gas_t_score({"a": 1, "b": 1}, rho=0.0) == pytest.approx(50 + 20 / math.sqrt(2))
    assert gas_t_score({"a": 1, "b": 1}, rho=1.0) == pytest.approx(60)


def shown(eviction, count: int) -> Monitoring:
    return Monitoring(shown=count)


def ids(eviction, monitoring: Monitoring) -> list[str]:
    return [sign.id for sign in warning_signs(eviction, monitoring)]


def test_a_crisis_and_a_disclosure_are_signs_once_they_have_unfolded(eviction):
    assert ids(eviction, shown(eviction, 2)) == []
    assert ids(eviction, shown(eviction, 3)) == ["disclosure-2"]
    # the overdose night is a safety event too: its safety sign comes first (issue 14)
    assert ids(eviction, shown(eviction, 5)) == ["disclosure-2", "safety-4", "crisis-4"]


def with_timeline(eviction, kinds: list[EventKind]):
    events = [
        TimelineEvent(day=i + 1, kind=k, summary="Something happened.") for i, k in enumerate(kinds)
    ]
    return eviction.model_copy(update={"timeline": events})


def test_two_missed_contacts_in_a_row_are_a_sign_but_a_kept_one_between_is_not(eviction):
    missed, kept = EventKind.appointment_missed, EventKind.appointment_attended
    piling = with_timeline(eviction, [kept, missed, missed])
    assert ids(piling, Monitoring(shown=3)) == ["missed-2"]
    apart = with_timeline(eviction, [missed, kept, missed])
    assert ids(apart, Monitoring(shown=3)) == []


def test_a_falling_t_score_is_a_sign_and_a_rising_one_is_not(eviction):
    falling = Monitoring(
        reviews={"r1": GasReview(day=30, scores={"g": 1}), "r2": GasReview(day=60, scores={"g": 0})}
    )
    assert ids(eviction, falling) == ["gas-fall-r2"]
    rising = Monitoring(
        reviews={
            "r1": GasReview(day=30, scores={"g": -1}),
            "r2": GasReview(day=60, scores={"g": 0}),
        }
    )
    assert ids(eviction, rising) == []


def test_reviews_are_compared_in_day_order_not_the_order_they_were_entered(eviction):
    late_entry = Monitoring(
        reviews={
            "r1": GasReview(day=60, scores={"g": 1}),
            "r2": GasReview(day=30, scores={"g": -1}),
        }
    )
    assert ids(eviction, late_entry) == []


def record_at_crisis(eviction, response: Adjustment | None = None):
    record = monitored(eviction, shown=5)
    responses = dict(record.monitoring.responses)
    if response is None:
        responses.pop("crisis-4")
    else:
        responses["crisis-4"] = response
    return record.model_copy(
        update={"monitoring": record.monitoring.model_copy(update={"responses": responses})}
    )


def crisis_status(eviction, record):
    sign = next(s for s in warning_signs(eviction, record.monitoring) if s.id == "crisis-4")
    return response_status(sign, record)


def test_no_response_to_a_crisis_blocks_and_explains_why(eviction):
    record = record_at_crisis(eviction)
    [(sign, status)] = unsettled_signs(eviction, record)
    assert sign.id == "crisis-4" and not status.settled
    assert "did not protect the client" in status.message


def test_choosing_to_change_the_plan_settles_only_once_the_plan_has_changed(eviction):
    record = record_at_crisis(eviction)
    before = plan_fingerprint(record.plan)
    record = record_at_crisis(eviction, Adjustment(kind="change_plan", plan_before=before))
    assert not crisis_status(eviction, record).settled
    goal = record.plan.goals["g1"]
    steps = {**goal.steps, "s9": ActionStep(what="Keep the naloxone kit at home", who="client")}
    plan = record.plan.model_copy(
        update={"goals": {"g1": goal.model_copy(update={"steps": steps})}}
    )
    assert crisis_status(eviction, record.model_copy(update={"plan": plan})).settled


def test_signing_the_plan_again_is_not_a_change_of_plan(eviction):
    record = record_at_crisis(eviction)
    signed = record.plan.model_copy(update={"signatures": {}})
    assert plan_fingerprint(signed) == plan_fingerprint(record.plan)


def test_an_explanation_needs_enough_words_to_be_a_reason(eviction):
    short = record_at_crisis(eviction, Adjustment(kind="explain", text="All fine."))
    assert "at least 12 words" in crisis_status(eviction, short).message
    reason = "We reviewed the crisis plan together on day 25; it worked as agreed and she wants to keep it."
    assert crisis_status(
        eviction, record_at_crisis(eviction, Adjustment(kind="explain", text=reason))
    ).settled


def test_a_reassessment_settles_a_sign_only_once_a_score_has_changed(eviction):
    """Issue 13, item 18: choosing "reassess" is not a reassessment. The copy of the old
    scores it starts from settles nothing; a domain scored again does."""
    record = record_at_crisis(eviction, Adjustment(kind="reassess"))
    assert not crisis_status(eviction, record).settled

    def with_reassessment(ratings):
        earlier = record.monitoring.reassessments
        monitoring = record.monitoring.model_copy(
            update={"reassessments": {**earlier, "crisis-4": ratings}}
        )
        return record.model_copy(update={"monitoring": monitoring})

    assert not crisis_status(eviction, with_reassessment({})).settled
    unchanged = latest_ratings(record)
    assert not crisis_status(eviction, with_reassessment(unchanged)).settled
    domain = next(iter(unchanged))
    old = unchanged[domain].score or 3
    changed = {**unchanged, domain: unchanged[domain].model_copy(update={"score": 1 + old % 5})}
    assert crisis_status(eviction, with_reassessment(changed)).settled


def test_a_missing_note_asks_for_one_and_a_written_note_is_checked(eviction):
    assert check_event_note("  ").findings[0].rule == "note.missing"
    report = check_event_note("Day 19, phone. Client refused to answer.")
    assert {"note.completeness.client-statement", "note.completeness.next-step"} <= {
        f.rule for f in report.findings
    }


def test_a_planned_service_with_no_referral_shows_as_never_delivered(eviction):
    record = monitored(eviction)
    rows = {row.resource: row for row in service_rows(record, eviction)}
    assert rows["legal-clinic"].planned and rows["legal-clinic"].status == "in use"
    assert not rows["church-pantry"].planned  # used, though no step names it
    services = {**record.monitoring.services}
    del services["legal-clinic"]
    record = record.model_copy(
        update={"monitoring": record.monitoring.model_copy(update={"services": services})}
    )
    rows = {row.resource: row for row in service_rows(record, eviction)}
    assert rows["legal-clinic"].status == "planned, never delivered"
    completed = ServiceUse(referred_day=5, sessions_offered=3, sessions_attended=3, completed=True)
    services["legal-clinic"] = completed
    record = record.model_copy(
        update={"monitoring": record.monitoring.model_copy(update={"services": services})}
    )
    assert {r.resource: r for r in service_rows(record, eviction)}[
        "legal-clinic"
    ].status == "completed"


def test_more_sessions_attended_than_offered_is_flagged(eviction):
    from casework.checks.monitoring import check_services

    record = monitored(eviction)
    assert check_services(record, eviction) == []
    services = {"legal-clinic": ServiceUse(referred_day=5, sessions_offered=2, sessions_attended=3)}
    record = record.model_copy(
        update={"monitoring": record.monitoring.model_copy(update={"services": services})}
    )
    [finding] = check_services(record, eviction)
    assert finding.rule == "monitoring.service-figures"
    assert "3 sessions attended out of 2 offered" in finding.message


# --- Goal Attainment Scaling as a measure: levels written in advance ----------------------

RENT_GOAL = "Within 60 days, Marisol will pay rent in full and on time for two months in a row."
LEVELS = {
    "-2": "Rent unpaid for both months; a court filing has started.",
    "-1": "Rent paid for one month, or paid late both months.",
    "0": "Rent paid in full and on time for two months in a row.",
    "1": "Two months paid on time and a start on next month's rent set aside.",
    "2": "Three months paid on time and a savings buffer of one month's rent.",
}


def gas_rules(report) -> set[str]:
    return {f.rule for f in report.findings}


def test_gas_a_goal_cannot_be_scored_as_a_measure_until_its_levels_are_written_kiresuk_sherman():
    """Goal Attainment Scaling (Kiresuk & Sherman 1968): the outcome levels are written for
    each goal before treatment; without them a −2…+2 rating is an opinion, not a measure."""
    from casework.checks.gas import check_gas_levels, gas_measurable
    from casework.model import Goal

    bare = Goal(text=RENT_GOAL)
    report = check_gas_levels(bare)
    assert not report.ok and not gas_measurable(bare)
    finding = next(f for f in report.findings if f.rule == "monitoring.gas.levels-missing")
    assert "before" in finding.message and "opinion" in finding.message
    assert "Kiresuk" in (finding.source or "")
    assert finding.suggestion  # an example of written levels
    written = Goal(text=RENT_GOAL, gas_levels=LEVELS)
    assert check_gas_levels(written).ok and gas_measurable(written)


def test_gas_the_expected_level_and_both_extremes_must_be_written_kiresuk_follow_up_guide():
    """The expected outcome (0) and the two extremes bracket every blank level, so a blank
    −1 or +1 still reads as "between its neighbours"; a missing 0 or extreme does not."""
    from casework.checks.gas import check_gas_levels
    from casework.model import Goal

    core = {k: v for k, v in LEVELS.items() if k in ("-2", "0", "2")}
    report = check_gas_levels(Goal(text=RENT_GOAL, gas_levels=core))
    assert report.ok
    assert "monitoring.gas.levels-between" in gas_rules(report)  # blanks: a gentle note
    for missing in ("-2", "0", "2"):
        partial = {k: v for k, v in LEVELS.items() if k != missing}
        assert "monitoring.gas.levels-missing" in gas_rules(
            check_gas_levels(Goal(text=RENT_GOAL, gas_levels=partial))
        )


def test_gas_levels_must_be_distinct_and_describe_an_outcome_not_restate_the_scale():
    """Kiresuk & Sherman's levels do not overlap and each describes an observable outcome;
    "much less than expected" is the scale's name, not a description."""
    from casework.checks.gas import check_gas_levels
    from casework.model import Goal

    same = {**LEVELS, "1": LEVELS["0"].upper()}
    assert "monitoring.gas.levels-repeat" in gas_rules(
        check_gas_levels(Goal(text=RENT_GOAL, gas_levels=same))
    )
    generic = {**LEVELS, "-2": "Much less than expected"}
    report = check_gas_levels(Goal(text=RENT_GOAL, gas_levels=generic))
    assert "monitoring.gas.levels-vague" in gas_rules(report) and not report.ok


def test_gas_a_review_that_scores_a_goal_without_written_levels_is_refused():
    from casework.checks.gas import check_gas_review
    from casework.model import CarePlan, Goal

    plan = CarePlan(
        goals={"g1": Goal(text=RENT_GOAL, gas_levels=LEVELS), "g2": Goal(text="Get more hours.")}
    )
    assert check_gas_review(plan, {"g1": 1}).ok
    refused = check_gas_review(plan, {"g1": 1, "g2": 0})
    assert not refused.ok and "Goal 2" in refused.findings[0].message


def test_gas_writing_the_levels_is_not_a_change_of_plan_and_saved_files_still_load():
    """The levels define the yardstick, not what anyone does: they leave the plan's
    fingerprint alone, so an old saved response still compares, and a goal saved before
    levels existed loads with none."""
    from casework.model import CarePlan, Goal

    before = CarePlan(goals={"g1": Goal(text=RENT_GOAL)})
    after = CarePlan(goals={"g1": Goal(text=RENT_GOAL, gas_levels=LEVELS)})
    assert plan_fingerprint(before) == plan_fingerprint(after)
    assert Goal.model_validate({"text": RENT_GOAL}).gas_levels == {}
    with pytest.raises(ValueError):
        Goal.model_validate({"text": RENT_GOAL, "gas_levels": {"3": "Off the scale."}})


def test_gas_levels_rewritten_after_a_review_are_flagged_as_moving_the_yardstick():
    """Kiresuk & Sherman (1968): the levels are set before the review; once a goal has been
    scored, rewriting them changes the yardstick after the result is known."""
    from casework.checks.gas import check_levels_after_review

    monitoring = Monitoring(reviews={"r1": GasReview(day=30, scores={"g1": 0})})
    finding = check_levels_after_review(monitoring, "g1").findings[0]
    assert "day 30" in finding.message and "yardstick" in finding.message
    assert check_levels_after_review(monitoring, "g2").findings == ()
    assert check_levels_after_review(Monitoring(), "g1").findings == ()
