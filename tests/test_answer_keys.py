"""The instructor's voice models the language it grades (issue 13, item 17).

Every scenario's answer key — model goals, the model presenting issue and observations,
the facts cited as evidence for the model scores, the discussion questions, the safety
events' model responses (issue 14) — and the
better versions the rules themselves show a learner, go through the product's own checks,
and all of it passes. A key that fails its own checks teaches two standards at once.
"""

import re

import pytest

from casework.answer_key import step_text
from casework.checks.goal import check_goal
from casework.checks.intake import reflection_substitute
from casework.checks.monitoring import check_event_note
from casework.checks.note import check_note
from casework.model import EventKind
from casework.rules import load_rules
from casework.scenarios import load_catalogue

CATALOGUE = load_catalogue()
SCENARIOS = sorted(CATALOGUE.scenarios.values(), key=lambda s: s.id)


def _problems(report) -> list[str]:
    return [f"{f.rule}: {f.message[:90]}" for f in report.findings if f.severity != "info"]


def _key_texts():
    for scenario in SCENARIOS:
        notes = scenario.instructor_notes
        yield scenario.id, "model_presenting_issue", notes.model_presenting_issue
        yield scenario.id, "model_initial_observations", notes.model_initial_observations
        for i, question in enumerate(notes.discussion):
            yield scenario.id, f"discussion[{i}]", question
        for domain, facts in scenario.domains.items():
            for i, fact in enumerate(facts.facts):
                yield scenario.id, f"domains.{domain.value}.facts[{i}]", fact
        for i, fact in enumerate(scenario.closure.facts):
            yield scenario.id, f"closure.facts[{i}]", fact
        # the safety events' answer keys (issue 14): every model text the student is shown
        for i, event in enumerate(scenario.timeline):
            if event.safety is None:
                continue
            for name, text in event.safety.model_dump(
                exclude={"report_to", "report_required"}
            ).items():
                if text:
                    yield scenario.id, f"timeline[{i}].safety.{name}", text
        # the answer key for every stage (issue 16): what the student sees after committing
        key = notes.answer_key
        if key is None:
            continue
        yield scenario.id, "answer_key.intake_why", key.intake_why
        for domain, reason in key.score_reasons.items():
            yield scenario.id, f"answer_key.score_reasons.{domain.value}", reason
        for g, goal in enumerate(key.goals):
            yield scenario.id, f"answer_key.goals[{g}].why", goal.why
            for s, step in enumerate(goal.steps):
                yield scenario.id, f"answer_key.goals[{g}].steps[{s}]", step_text(step, scenario)
            for level, text in goal.gas_levels.items():
                yield scenario.id, f"answer_key.goals[{g}].gas_levels.{level}", text
        for n, model in enumerate(key.notes):
            yield scenario.id, f"answer_key.notes[{n}].why", model.why
        for r, response in enumerate(key.responses):
            yield scenario.id, f"answer_key.responses[{r}].text", response.text
        if key.if_not_done:
            yield scenario.id, "answer_key.if_not_done", key.if_not_done
        if key.closure_work:
            for name in ("crisis_plan", "handoff", "follow_up"):
                yield (
                    scenario.id,
                    f"answer_key.closure_work.{name}",
                    getattr(key.closure_work, name),
                )
        yield scenario.id, "answer_key.closure_why", key.closure_why
        yield scenario.id, "answer_key.closure_summary", key.closure_summary
        for stage, questions in key.reflection_questions.items():
            for q, question in enumerate(questions):
                yield scenario.id, f"answer_key.reflection_questions.{stage}[{q}]", question


@pytest.mark.parametrize(
    ("scenario_id", "field", "text"), list(_key_texts()), ids=lambda v: str(v)[:40]
)
def test_the_answer_keys_words_pass_the_documentation_coach(scenario_id, field, text):
    """NASW standard 10 and the practice guide (002): the key records facts and quotes."""
    assert check_note(text).ok, (scenario_id, field, _problems(check_note(text)))


@pytest.mark.parametrize(
    ("scenario_id", "goal"),
    [
        (s.id, goal)
        for s in SCENARIOS
        for goal in dict.fromkeys(
            [
                *s.instructor_notes.model_goals,
                *(g.text for g in getattr(s.instructor_notes.answer_key, "goals", [])),
            ]
        )
    ],
    ids=lambda v: str(v)[:40],
)
def test_every_model_goal_is_smart_and_the_clients(scenario_id, goal):
    """Doran 1981; NASW standard 6: the model goals are SMART, and they are client goals,
    not tasks for the worker."""
    report = check_goal(goal)
    assert report.smart, (scenario_id, goal, _problems(report))
    assert not worker_task(goal), f"{goal!r} is a worker task, not the client's goal"


_WORKER_WILL = re.compile(
    r"(?:(?P<joined>\band)\s+)?\b(?:the\s+)?(?:case\s+manager|worker|cm)\s+will\b", re.I
)


def worker_task(goal: str) -> bool:
    """Is the worker the one who will act? "Marisol and the case manager will …" is shared."""
    match = _WORKER_WILL.search(goal)
    return bool(match) and not match.group("joined")


def test_the_worker_task_detector_tells_the_two_apart():
    """The check above must be able to fail: the older adult's old model goal was a task."""
    assert worker_task(
        "Today, the case manager will take Edwin to the urgent care clinic to have his foot treated."
    )
    assert not worker_task(
        "By day 10, Marisol and the case manager will submit the prevention fund application."
    )
    assert not worker_task("Within 30 days, Jordan will sign an occupancy agreement.")


def _rule_examples():
    """The better version each documentation rule shows after its arrow."""
    for group in load_rules("documentation")["groups"]:
        _, _, better = group["example"].partition("→")
        if better.strip():
            yield group["id"], better.strip()
    for element in load_rules("contact_note")["elements"]:
        yield f"contact_note.{element['id']}", element["example"]
    for name, item in load_rules("closure")["procedures"]["items"].items():
        if "example" in item:
            yield f"closure.{name}", item["example"]
    yield "reflection.example", load_rules("reflection")["example"]
    from casework.checks.intake import OBSERVATIONS_EXAMPLE, PRESENTING_EXAMPLE

    yield "intake.presenting-example", PRESENTING_EXAMPLE
    yield "intake.observations-example", OBSERVATIONS_EXAMPLE


@pytest.mark.parametrize(("rule", "example"), list(_rule_examples()), ids=lambda v: str(v)[:40])
def test_the_rules_own_better_versions_pass_the_coach(rule, example):
    """The feedback's examples are what the learner copies: they must pass themselves."""
    assert check_note(example).ok, (rule, _problems(check_note(example)))


def test_the_model_reflection_is_a_reflection():
    """White paper (001), “Convey empathy”: the example the intake shows is empathy itself."""
    assert reflection_substitute(load_rules("reflection")["example"]) is None


def test_the_model_note_for_a_missed_contact_passes_for_that_kind_of_contact():
    """NASW standard 10: the note the product suggests for a missed contact is complete."""
    suggestion = check_event_note("").findings[0].suggestion
    assert suggestion and check_event_note(suggestion, EventKind.appointment_missed).ok


def test_every_shipped_scenario_has_a_complete_answer_key():
    """Issue 16: the apps show a model answer for every stage, so every scenario holds one:
    a score reason for each life domain, goals with steps and all five GAS levels, model
    notes, the closure call and summary, and reflection questions for every stage."""
    from casework.model import STAGES, LifeDomain

    for scenario in SCENARIOS:
        key = scenario.instructor_notes.answer_key
        assert key is not None, scenario.id
        assert set(key.score_reasons) == set(LifeDomain), scenario.id
        assert set(key.reflection_questions) == set(STAGES), scenario.id
        assert [g.text for g in key.goals] == list(scenario.instructor_notes.model_goals)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_the_model_contact_notes_are_complete_notes_for_their_event(scenario):
    """NASW standard 10: each model note has what a note for its kind of contact needs."""
    key = scenario.instructor_notes.answer_key
    assert key is not None
    for model in key.notes:
        event = scenario.timeline[model.event]
        report = check_event_note(model.note, event.kind)
        assert report.ok, (scenario.id, model.event, _problems(report))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_the_model_intake_reflection_is_a_reflection(scenario):
    """White paper (001), "Convey empathy": the model reflection gives the client's meaning back."""
    key = scenario.instructor_notes.answer_key
    assert key is not None
    assert reflection_substitute(key.intake_reflection) is None
    assert check_note(key.intake_reflection).ok


def test_validate_coaches_the_story_texts_too():
    """An author sees a judgmental discussion question in `casework validate`, not first in
    the test suite (story_language_problems)."""
    from casework.answer_key import key_problems

    scenario = CATALOGUE.scenarios["eviction-family"]
    notes = scenario.instructor_notes.model_copy(
        update={"discussion": ["Why was the client so noncompliant with the budget?"]}
    )
    changed = scenario.model_copy(update={"instructor_notes": notes})
    fields = [field for field, _message in key_problems(changed)]
    assert fields == ["instructor_notes.discussion.0"]
    assert key_problems(scenario) == []
