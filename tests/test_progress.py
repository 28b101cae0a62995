"""How far a case has got in each stage: what the start page shows."""

from casework.model import CaseRecord, Intake
from casework.progress import STAGES, case_progress
from tests.casefiles import monitored, ready_to_close


def states(record, scenario) -> dict[str, tuple[str, str]]:
    return {p.stage.key: (p.state, p.next_item) for p in case_progress(record, scenario)}


def test_a_case_not_opened_yet_has_every_stage_not_started_with_its_first_step(eviction):
    progress = states(None, eviction)
    assert {state for state, _ in progress.values()} == {"not_started"}
    assert progress["intake"][1] == "write the presenting issue in the client's words"
    assert [s.key for s in STAGES] == list(progress)


def test_one_field_of_work_makes_a_stage_started_and_names_what_is_next(eviction):
    record = CaseRecord(
        case_id="c",
        scenario_id=eviction.id,
        intake=Intake(presenting_issue="She said: “ten days.”"),
    )
    progress = states(record, eviction)
    assert progress["intake"] == ("started", "decide every eligibility criterion")
    assert progress["assessment"][0] == "not_started"


def test_an_intake_with_every_item_is_done(eviction):
    answers = {c.id: "met" for c in eviction.eligibility.criteria}
    intake = Intake(
        presenting_issue="She said: “ten days.”",
        eligibility_answers=answers,
        priority="urgent",
        initial_observations="Arrived on time with two children.",
    )
    record = CaseRecord(case_id="c", scenario_id=eviction.id, intake=intake)
    assert states(record, eviction)["intake"] == ("done", "")
    unanswered = intake.model_copy(update={"eligibility_answers": dict(list(answers.items())[1:])})
    assert states(record.model_copy(update={"intake": unanswered}), eviction)["intake"][0] == (
        "started"
    )


def test_a_worked_case_shows_assessment_plan_and_monitoring_done(eviction):
    record = monitored(eviction)
    progress = states(record, eviction)
    # the worked case file scores every domain and draws ties but names no strength
    assert progress["assessment"] == ("started", "name the client's strengths")
    strengths = {"personal": "Keeps every appointment she makes."}
    assessment = record.assessment.model_copy(update={"strengths": strengths})
    progress = states(record.model_copy(update={"assessment": assessment}), eviction)
    assert progress["assessment"][0] == "done"
    assert progress["plan"][0] == "done"
    assert progress["monitoring"][0] == "done"
    assert progress["closure"][0] == "not_started"


def test_monitoring_halfway_names_the_next_event_to_follow(eviction):
    progress = states(monitored(eviction, shown=3), eviction)
    assert progress["monitoring"] == ("started", "follow the case to its last event")


def test_closure_is_done_only_once_the_supervisor_approves(eviction):
    record = ready_to_close(eviction)
    assert states(record, eviction)["closure"] == (
        "started",
        "get the supervisor's approval to close",
    )
    review = record.closure.review.model_copy(update={"status": "approved"})
    approved = record.model_copy(
        update={"closure": record.closure.model_copy(update={"review": review})}
    )
    assert states(approved, eviction)["closure"] == ("done", "")
