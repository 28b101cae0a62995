"""A worked eviction case at each point of monitoring and closure, for the tests."""

from casework.checks.monitoring import plan_fingerprint
from casework.model import (
    Adjustment,
    Assessment,
    CaseRecord,
    ClosureWork,
    DomainRating,
    GasReview,
    LifeDomain,
    Monitoring,
    SafetyResponse,
    Scenario,
    ServiceUse,
    Tie,
)
from tests.test_plan import complete_plan

NOTE = (
    'Day {day}, home visit. Present: Marisol and the case manager. Marisol said, "We are '
    'managing." Gave the pantry list. Next step: the case manager will call on day {next}.'
)


# a student's reading of the eviction scenario at intake: the instructor's, except one level
# higher on basic needs and on employment and education (the answer key scores the notice to
# leave as in crisis and Teo's absences as vulnerable: rules/self_sufficiency.yaml)
SCORES = {
    LifeDomain.basic_needs: 2,
    LifeDomain.health: 3,
    LifeDomain.social_support: 4,
    LifeDomain.employment_education: 3,
    LifeDomain.legal: 3,
    LifeDomain.safety: 4,
}


def assessed() -> Assessment:
    return Assessment(
        initial={d: DomainRating(score=s, evidence=["fact"]) for d, s in SCORES.items()},
        ties={
            "sister": Tie(name="Sister", kind="strong", flow="to_client"),
            "landlord": Tie(name="Landlord", kind="stressful", flow="from_client"),
        },
    )


def safety_answers(scenario: Scenario, shown: int) -> dict[str, SafetyResponse]:
    """A complete, committed safety response to each safety event unfolded so far, made
    the day it happened and agreeing with the scenario's answer key (rules/safety_response)."""
    answers = {}
    for index, event in enumerate(scenario.timeline[:shown]):
        key = event.safety
        if key is None:
            continue
        answers[f"safety-{index}"] = SafetyResponse(
            immediate=key.immediate_safety,
            consult_day=event.day,
            consult=key.supervisor_consult,
            report="no_report" if key.report_to == "none" else "report",
            report_to=key.report_to,
            report_day=event.day,
            report_reason=key.report_why,
            tell_client=key.tell_client,
            documentation=key.documentation,
            committed=True,
        )
    return answers


def planned(eviction) -> CaseRecord:
    """Assessed, with a complete and signed plan: where monitoring starts."""
    return CaseRecord(
        case_id=eviction.id,
        scenario_id=eviction.id,
        assessment=assessed(),
        plan=complete_plan(eviction),
    )


def monitored(eviction, shown: int | None = None) -> CaseRecord:
    """The whole timeline unfolded, every note written, every sign answered (the safety sign
    with a complete safety response), two reviews."""
    plan = complete_plan(eviction)
    shown = len(eviction.timeline) if shown is None else shown
    notes = {
        str(i): NOTE.format(day=e.day, next=e.day + 3)
        for i, e in enumerate(eviction.timeline[:shown])
    }
    record = CaseRecord(
        case_id="eviction-family",
        scenario_id="eviction-family",
        assessment=assessed(),
        plan=plan,
        monitoring=Monitoring(
            shown=shown,
            notes=notes,
            reviews={
                "r1": GasReview(day=30, scores={"g1": -1}),
                "r2": GasReview(day=60, scores={"g1": 1}),
            },
            services={
                "legal-clinic": ServiceUse(referred_day=5, sessions_offered=2, sessions_attended=2),
                "church-pantry": ServiceUse(
                    referred_day=2, sessions_offered=6, sessions_attended=5
                ),
            },
        ),
    )
    why = (
        "We went through the crisis plan together; it worked as agreed and she wants to keep "
        "the same steps for now."
    )
    responses = {
        f"{kind}-{i}": Adjustment(kind="explain", text=why, plan_before=plan_fingerprint(plan))
        for i, e in enumerate(eviction.timeline[:shown])
        for kind in ("crisis", "disclosure")
        if e.kind.value == kind
    }
    # the overdose night also needs its safety response before the case moves on
    monitoring = record.monitoring.model_copy(
        update={"responses": responses, "safety": safety_answers(eviction, shown)}
    )
    return record.model_copy(update={"monitoring": monitoring})


def ready_to_close(eviction) -> CaseRecord:
    """Monitored to the end, with every closing procedure done and a clean summary."""
    record = monitored(eviction)
    plan = record.plan
    steps = dict(plan.goals["g1"].steps)
    steps["s4"] = steps["s3"].model_copy(update={"who": "client", "what": "Go to the clinic"})
    goals = {"g1": plan.goals["g1"].model_copy(update={"steps": steps})}
    closure = ClosureWork(
        judgement="ready",
        judgement_reason="Rent paid on time, she applies on her own, her sister is close.",
        closing_day=90,
        notice_day=70,
        progress_reviewed=True,
        crisis_plan="If rent is late again, Marisol calls the Rent Relief Fund in the first week.",
        handoff="Hillcrest Church Pantry: walk in on Tuesday or Saturday mornings.",
        follow_up="The case manager will phone Marisol on day 120.",
        reason="Goals met: the housing is stable and natural supports are in place.",
        exit_destination="permanent",
        summary='Marisol said, "We are okay now." Rent was paid on time for three months.',
    )
    return record.model_copy(
        update={"plan": plan.model_copy(update={"goals": goals}), "closure": closure}
    )
