"""SMART criteria that need the case, and the rewrite skeleton."""

from casework.checks.goal import GoalContext, check_goal

GOAL = "Client will sign a lease for an apartment within 45 days."


def test_without_a_case_achievable_and_relevant_are_prompts():
    report = check_goal(GOAL)
    assert report.criteria["achievable"].met is None and report.criteria["relevant"].met is None
    assert report.smart
    assert {f.rule for f in report.findings} == {"goal.achievable", "goal.relevant"}
    assert all(f.severity == "info" for f in report.findings)


def test_deadline_inside_the_plans_time_limit_is_achievable():
    assert check_goal(GOAL, GoalContext(time_limit_days=60)).criteria["achievable"].met is True
    late = check_goal(GOAL, GoalContext(time_limit_days=30))
    assert late.criteria["achievable"].met is False and not late.smart
    assert "45 days" in late.criteria["achievable"].reason


def test_relevant_to_an_assessed_domain_or_a_stated_priority():
    assert check_goal(GOAL, GoalContext(needs=("basic_needs",))).criteria["relevant"].met is True
    assert (
        check_goal(GOAL, GoalContext(needs=("employment_education",))).criteria["relevant"].met
        is False
    )
    by_priority = check_goal(
        GOAL, GoalContext(priorities=("A place of my own, an apartment with a lease",))
    )
    assert by_priority.criteria["relevant"].met is True


def test_deadlines_are_read_in_days():
    assert (
        check_goal("Client will attend 3 meetings a week for the next 12 weeks.").deadline_days
        == 84
    )
    assert check_goal("Client will submit the form by day 10.").deadline_days == 10


def test_the_rewrite_skeleton_uses_the_goals_own_words():
    report = check_goal("Client will improve her budgeting skills soon.")
    suggestion = next(f.suggestion for f in report.findings if f.rule == "goal.specific")
    assert "improve her budgeting skills" in suggestion
    assert "soon" not in suggestion
    assert "[how many / how often" in suggestion and "by [day N" in suggestion


def test_the_actor_is_the_word_nearest_will():
    report = check_goal("By day 30, client will submit the housing application.")
    assert report.smart
    assert report.criteria["specific"].reason.startswith("client will submit")
