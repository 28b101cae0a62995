"""Care-plan rules, each with a plan that breaks it and one that keeps it; consent to-dos;
the written contract's six elements."""

import pytest

from casework.checks.plan import (
    check_consent,
    check_crisis_coverage,
    check_directives,
    check_participants,
    check_plan,
    check_plan_goal,
    check_resource_fit,
    check_sequence,
    contract_status,
    participants,
    release_missing,
)
from casework.contract import contract_html, contract_markdown, contract_text
from casework.model import (
    ActionStep,
    Assessment,
    CarePlan,
    CaseRecord,
    DomainRating,
    Goal,
    LifeDomain,
    Release,
    Signature,
)

GOAL = "Within 60 days, Marisol will pay rent in full and on time for two months in a row."
RELEASE = Release(
    shared="Contact details and the notice", purpose="legal advice", signed_day=3, expires_day=90
)


def step(what: str, who: str, due: int | None = 10, **extra) -> ActionStep:
    return ActionStep(what=what, who=who, due_day=due, how_often="once", where="office", **extra)


def complete_plan(eviction) -> CarePlan:
    """A plan that meets every rule and all six contract elements."""
    priority = eviction.client_priorities[0]
    steps = {
        "s1": step("Bring the lease and pay stubs", "client", 5),
        "s2": step("Submit the rent relief application", "case_manager", 7, after=["s1"]),
        "s3": step("Give advice on the notice", "legal-clinic", 20, resource="legal-clinic"),
    }
    return CarePlan(
        time_limit_days=90,
        goals={"g1": Goal(text=GOAL, priority=priority, steps=steps)},
        releases={"legal-clinic": RELEASE},
        if_not_done="We agreed that if a step is missed, we meet within a week to change the plan together.",
        signatures={
            "client": Signature(name="Marisol Vega", day=4),
            "case_manager": Signature(name="Case manager", day=4),
            "legal-clinic": Signature(name="Clinic intake lead", day=5),
        },
    )


def record_with(plan: CarePlan, assessment: Assessment | None = None) -> CaseRecord:
    return CaseRecord(
        case_id="eviction-family",
        scenario_id="eviction-family",
        plan=plan,
        assessment=assessment or Assessment(),
    )


def rules(findings) -> set[str]:
    return {f.rule for f in findings}


def test_the_complete_plan_breaks_no_rule_and_its_contract_is_complete(eviction):
    record = record_with(complete_plan(eviction))
    report = check_plan(record, eviction)
    assert report.findings == ()
    assert "Every participant has a task." in report.strengths
    status = contract_status(record, eviction)
    assert status.complete, [(e.label, e.detail) for e in status.elements if not e.met]


# --- consent ------------------------------------------------------------------------------


def test_a_release_says_what_is_missing_before_anything_is_shared(eviction):
    """A release names what may be shared, why, the day signed and when it ends (HIPAA 45 CFR
    164.508(c)(1)); without one, nothing about the client is shared yet."""
    plan = CarePlan()
    assert "no release of information for Tenant Rights Legal Clinic" in release_missing(
        plan, "legal-clinic", eviction
    )
    partial = CarePlan(releases={"legal-clinic": Release(shared="The notice")})
    missing = release_missing(partial, "legal-clinic", eviction)
    assert "the purpose" in missing and "the day it was signed" in missing
    assert "when it ends" in missing
    assert "what may be shared" not in missing
    assert (
        release_missing(CarePlan(releases={"legal-clinic": RELEASE}), "legal-clinic", eviction)
        is None
    )


def test_a_provider_named_without_a_release_is_a_to_do_and_does_not_block_the_contract(eviction):
    """Mended: naming a provider used to be an error that blocked the contract. A release
    governs disclosure (HIPAA 45 CFR 164.508; NASW Code of Ethics 1.07), so it is a to-do
    for before the referral is sent."""
    plan = complete_plan(eviction)
    without = plan.model_copy(update={"releases": {}})
    findings = check_consent(without, eviction)
    assert rules(findings) == {"plan.release-to-do"}
    assert findings[0].severity == "info"
    assert check_consent(plan, eviction) == []
    assert contract_status(record_with(without), eviction).complete


# --- every participant has a task -----------------------------------------------------------


def test_a_participant_with_no_task_is_named(eviction):
    plan = complete_plan(eviction)
    goal = plan.goals["g1"]
    # the clinic is named only as the resource of the client's step: it has no task of its own
    steps = {
        "s1": step("Bring the lease", "client", 5),
        "s2": step("Call the clinic", "client", 6, resource="legal-clinic"),
    }
    idle = plan.model_copy(update={"goals": {"g1": goal.model_copy(update={"steps": steps})}})
    findings = check_participants(idle, eviction)
    assert {f.message.split(" has no task")[0] for f in findings} == {
        "Case manager",
        "Tenant Rights Legal Clinic",
    }
    assert participants(idle, eviction) == ["client", "case_manager", "legal-clinic"]
    assert check_participants(plan, eviction) == []


# --- sequence ------------------------------------------------------------------------------


def _with_steps(eviction, steps):
    plan = complete_plan(eviction)
    goal = plan.goals["g1"].model_copy(update={"steps": steps})
    return record_with(plan.model_copy(update={"goals": {"g1": goal}}))


def test_a_step_due_before_its_prerequisite_is_flagged(eviction):
    broken = _with_steps(
        eviction,
        {
            "s1": step("Get the lease copy", "client", 12),
            "s2": step("Submit the application", "case_manager", 7, after=["s1"]),
        },
    )
    findings = check_sequence(broken.plan, broken, eviction)
    assert rules(findings) == {"plan.prerequisite-after-step"}
    assert "day 7" in findings[0].message and "day 12" in findings[0].message
    fixed = _with_steps(
        eviction,
        {
            "s1": step("Get the lease copy", "client", 5),
            "s2": step("Submit the application", "case_manager", 7, after=["s1"]),
        },
    )
    assert check_sequence(fixed.plan, fixed, eviction) == []


def test_a_step_due_after_its_goal_is_flagged(eviction):
    late = _with_steps(eviction, {"s1": step("Pay the rent", "client", 75)})
    assert rules(check_sequence(late.plan, late, eviction)) == {"plan.step-after-goal"}
    on_time = _with_steps(eviction, {"s1": step("Pay the rent", "client", 55)})
    assert check_sequence(on_time.plan, on_time, eviction) == []


def test_steps_that_wait_for_each_other_are_a_cycle(eviction):
    loop = _with_steps(
        eviction,
        {
            "s1": step("A", "client", 5, after=["s2"]),
            "s2": step("B", "case_manager", 5, after=["s1"]),
        },
    )
    assert "plan.prerequisite-cycle" in rules(check_sequence(loop.plan, loop, eviction))


def test_a_prerequisite_that_was_removed_is_pointed_out(eviction):
    orphan = _with_steps(eviction, {"s1": step("A", "client", 5, after=["gone"])})
    assert rules(check_sequence(orphan.plan, orphan, eviction)) == {"plan.unknown-prerequisite"}


# --- crisis coverage -----------------------------------------------------------------------


def _crisis(domain=LifeDomain.health, *, reassessed: bool = False) -> Assessment:
    rating = {domain: DomainRating(score=1, immediate_action="today")}
    if reassessed:
        return Assessment(initial={domain: DomainRating(score=3)}, reassessment=rating)
    return Assessment(initial=rating)


@pytest.mark.parametrize("reassessed", [False, True])
def test_a_domain_in_crisis_needs_a_goal_or_a_reason(eviction, reassessed):
    plan = complete_plan(eviction)
    uncovered = record_with(plan, _crisis(reassessed=reassessed))
    findings = check_crisis_coverage(plan, uncovered)
    assert rules(findings) == {"plan.crisis-uncovered"}
    assert "Health and wellness" in findings[0].message
    assert not contract_status(uncovered, eviction).complete

    goals = {
        **plan.goals,
        "g2": Goal(text="By day 3 Shane will attend an intake.", domain="health"),
    }
    with_goal = plan.model_copy(update={"goals": goals})
    assert check_crisis_coverage(with_goal, record_with(with_goal, _crisis())) == []

    reasoned = plan.model_copy(
        update={"crisis_reasons": {LifeDomain.health: "Hospital team leads."}}
    )
    assert check_crisis_coverage(reasoned, record_with(reasoned, _crisis())) == []


def test_a_crisis_resolved_at_reassessment_no_longer_needs_a_goal(eviction):
    plan = complete_plan(eviction)
    resolved = Assessment(
        initial={LifeDomain.health: DomainRating(score=1)},
        reassessment={LifeDomain.health: DomainRating(score=3)},
    )
    assert check_crisis_coverage(plan, record_with(plan, resolved)) == []


# --- collaborative language ------------------------------------------------------------------


@pytest.mark.parametrize(
    "directive",
    [
        "Client must attend the budgeting class by day 20.",
        "You need to bring the lease by day 5.",
        "Client will comply with the payment plan.",
    ],
)
def test_directives_are_flagged(eviction, directive):
    plan = complete_plan(eviction)
    directed = plan.model_copy(update={"if_not_done": directive})
    findings = check_directives(directed)
    assert rules(findings) == {"plan.directive"}
    assert findings[0].suggestion


def test_collaborative_wording_and_quoted_words_are_not_directives(eviction):
    plan = complete_plan(eviction).model_copy(
        update={
            "if_not_done": "We agreed Marisol will call if she misses a step. She said, “I have to keep the kids at their school.”"
        }
    )
    assert check_directives(plan) == []
    assert (
        "The plan records what was agreed with the client, in their words."
        in check_plan(record_with(plan), eviction).strengths
    )


@pytest.mark.parametrize(
    "mandate",
    [
        "Marisol is ordered to attend a tenancy class by day 30.",
        "Client is mandated to attend a parenting class by day 60.",
        "Marisol is required to submit pay stubs by day 5.",
    ],
)
def test_a_court_order_or_program_rule_is_recorded_as_what_it_is_never_as_an_agreement(
    eviction, mandate
):
    """A court order or program requirement is recorded as what it is ("Court-ordered to …;
    client said …"), never rewritten as "has agreed to", and a program requirement is
    explained openly (the practice guide's FAQ on goals that conflict with program
    requirements)."""
    plan = complete_plan(eviction).model_copy(update={"if_not_done": mandate})
    findings = check_directives(plan)
    assert rules(findings) == {"plan.mandate"}
    finding = findings[0]
    assert "agreed" not in finding.suggestion.lower()
    assert (
        "court-ordered" in finding.suggestion.lower() or "required by" in finding.suggestion.lower()
    )
    assert "said" in finding.suggestion
    assert "FAQ" in finding.source
    honest = (
        "Court-ordered to attend a tenancy class by day 30 (the order of day 2). Required by "
        "the fund's rules to show pay stubs. Marisol said, “I will go, and I have the stubs.”"
    )
    assert (
        check_directives(complete_plan(eviction).model_copy(update={"if_not_done": honest})) == []
    )


# --- resource fit ----------------------------------------------------------------------------


def test_a_provider_that_does_not_speak_the_clients_language_is_flagged(eviction):
    spanish_only = eviction.model_copy(
        update={"client": eviction.client.model_copy(update={"languages": ["Spanish"]})}
    )
    plan = complete_plan(eviction)
    goal = plan.goals["g1"]
    steps = {**goal.steps, "s4": step("Attend intake", "client", 20, resource="recovery-program")}
    plan = plan.model_copy(update={"goals": {"g1": goal.model_copy(update={"steps": steps})}})
    record = record_with(plan)
    assert "plan.resource-language" in rules(check_resource_fit(plan, record, spanish_only))
    assert "plan.resource-language" not in rules(check_resource_fit(plan, record, eviction))


def test_a_wait_longer_than_the_goal_and_an_age_limit_are_flagged(eviction, catalogue):
    plan = complete_plan(eviction)
    short_goal = "By day 14, Marisol will submit one job application."
    goal = Goal(
        text=short_goal, steps={"s1": step("Register", "client", 10, resource="job-center")}
    )
    waiting = plan.model_copy(update={"goals": {"g1": goal}})
    assert "plan.resource-wait" in rules(
        check_resource_fit(waiting, record_with(waiting), eviction)
    )
    relaxed = waiting.model_copy(update={"goals": {"g1": goal.model_copy(update={"text": GOAL})}})
    assert "plan.resource-wait" not in rules(
        check_resource_fit(relaxed, record_with(relaxed), eviction)
    )

    older = catalogue.scenarios["older-adult-self-neglect"]
    young = older.model_copy(update={"client": older.client.model_copy(update={"age": 45})})
    meals = CarePlan(
        goals={
            "g1": Goal(text=GOAL, steps={"s1": step("Start meals", "client", 12, resource="meals")})
        }
    )
    assert "plan.resource-age" in rules(check_resource_fit(meals, record_with(meals), young))
    assert "plan.resource-age" not in rules(check_resource_fit(meals, record_with(meals), older))


# --- SMART with the record -----------------------------------------------------------------


def test_a_goal_linked_to_a_priority_or_an_assessed_need_is_relevant(eviction):
    unlinked = Goal(text="By day 30, Marisol will register for one pottery class.")
    record = record_with(CarePlan(goals={"g1": unlinked}))
    assert check_plan_goal(unlinked, record, eviction).criteria["relevant"].met is False
    by_priority = unlinked.model_copy(update={"priority": eviction.client_priorities[1]})
    assert check_plan_goal(by_priority, record, eviction).criteria["relevant"].met is True
    by_need = unlinked.model_copy(update={"domain": LifeDomain.social_support})
    assessed = record_with(
        CarePlan(), Assessment(initial={LifeDomain.social_support: DomainRating(score=2)})
    )
    assert check_plan_goal(by_need, assessed, eviction).criteria["relevant"].met is True


def test_achievable_reads_the_steps_and_the_plans_time_limit(eviction):
    record = record_with(CarePlan(time_limit_days=90))
    goal = Goal(text=GOAL)
    assert check_plan_goal(goal, record, eviction).criteria["achievable"].met is None
    planned = goal.model_copy(update={"steps": {"s1": step("Pay rent", "client", 30)}})
    assert check_plan_goal(planned, record, eviction).criteria["achievable"].met is True
    late = goal.model_copy(update={"steps": {"s1": step("Pay rent", "client", 80)}})
    assert check_plan_goal(late, record, eviction).criteria["achievable"].met is False
    short = record_with(CarePlan(time_limit_days=30))
    assert check_plan_goal(planned, short, eviction).criteria["achievable"].met is False


# --- the contract --------------------------------------------------------------------------


def _break(eviction, element: str) -> CarePlan:
    plan = complete_plan(eviction)
    goal = plan.goals["g1"]
    if element == "realistic_goals":
        return plan.model_copy(
            update={
                "goals": {
                    "g1": goal.model_copy(update={"text": "Marisol will feel better about money."})
                }
            }
        )
    if element == "time_limits":
        return plan.model_copy(update={"time_limit_days": None})
    if element == "planned_actions":
        steps = {k: v.model_copy(update={"where": ""}) for k, v in goal.steps.items()}
        return plan.model_copy(update={"goals": {"g1": goal.model_copy(update={"steps": steps})}})
    if element == "responsibility":
        steps = {k: v for k, v in goal.steps.items() if v.who != "case_manager"}
        return plan.model_copy(update={"goals": {"g1": goal.model_copy(update={"steps": steps})}})
    if element == "if_not_done":
        return plan.model_copy(update={"if_not_done": ""})
    signatures = {k: v for k, v in plan.signatures.items() if k != "legal-clinic"}
    return plan.model_copy(update={"signatures": signatures})


@pytest.mark.parametrize(
    "element",
    [
        "realistic_goals",
        "time_limits",
        "planned_actions",
        "responsibility",
        "if_not_done",
        "signatures",
    ],
)
def test_each_contract_element_is_required(eviction, element):
    status = contract_status(record_with(_break(eviction, element)), eviction)
    unmet = [e.id for e in status.elements if not e.met]
    assert element in unmet
    assert not status.complete
    detail = next(e.detail for e in status.elements if e.id == element)
    assert detail  # says what is missing


def test_an_empty_plan_meets_no_contract_element(eviction):
    status = contract_status(record_with(CarePlan()), eviction)
    assert [e.met for e in status.elements] == [False] * 6
    assert len(status.elements) == 6


def test_the_contract_document_holds_the_plan_and_escapes_user_text(eviction):
    plan = complete_plan(eviction)
    plan = plan.model_copy(update={"if_not_done": plan.if_not_done + " <script>alert(1)</script>"})
    record = record_with(plan)
    markdown = contract_markdown(record, eviction)
    assert markdown.startswith("# Care plan and agreement: Marisol Vega")
    assert GOAL in markdown
    assert (
        "Tenant Rights Legal Clinic: Give advice on the notice. By day 20. Where: office. How often: once."
        in markdown
    )
    assert "signed by Clinic intake lead, day 5" in markdown
    html = contract_html(record, eviction, contract_status(record, eviction))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "The contract is complete" in html
    text = contract_text(record, eviction)
    assert "#" not in text and GOAL in text
