"""Every shipped scenario is a full teaching case (issue 19): competing needs and named
strengths, a later disclosure that changes a score, formal and informal supports with a
wait or an eligibility catch, a safety event with its key, discussion questions, and an
answer key complete enough to walk the case from intake to closure."""

from __future__ import annotations

import pytest

from casework.checks.monitoring import warning_signs
from casework.model import EventKind, ModelStep, Monitoring, Scenario
from casework.scenarios import load_catalogue

LIBRARY = load_catalogue().scenarios


def test_the_library_holds_eight_cases_across_fields_of_practice():
    assert len(LIBRARY) >= 8
    assert len({s.practice_area for s in LIBRARY.values()}) >= 8
    assert all(s.level and s.minutes for s in LIBRARY.values())


@pytest.fixture(params=sorted(LIBRARY))
def scenario(request) -> Scenario:
    return LIBRARY[request.param]


def test_a_full_story(scenario):
    assert len(scenario.client_priorities) >= 2  # competing needs, in the client's words
    strengths = scenario.strengths
    assert strengths.personal and strengths.supports and strengths.cultural_assets
    assert any(d.model_score is not None for d in scenario.later_disclosures)
    assert any(event.safety is not None for event in scenario.timeline)
    assert len(scenario.instructor_notes.discussion) >= 3


def test_a_resource_network_with_a_catch(scenario):
    kinds = {resource.kind for resource in scenario.resources}
    assert kinds == {"formal", "informal"}, scenario.id
    assert any(
        r.waiting_days or r.min_age is not None or r.max_age is not None for r in scenario.resources
    )


def test_an_answer_key_for_every_stage_and_every_contact(scenario):
    key = scenario.instructor_notes.answer_key
    assert key is not None and key.closure_work is not None and key.if_not_done
    assert {note.event for note in key.notes} == set(range(len(scenario.timeline)))
    assert all(goal.final_level is not None for goal in key.goals)
    assert all(isinstance(step, ModelStep) for goal in key.goals for step in goal.steps)
    assert set(key.reflection_questions) == {
        "intake",
        "assessment",
        "care_plan",
        "monitoring",
        "closure",
    }


def test_every_warning_sign_has_the_keys_answer(scenario):
    signs = warning_signs(scenario, Monitoring(shown=len(scenario.timeline)))
    events = {int(sign.id.rsplit("-", 1)[1]) for sign in signs if sign.kind != "safety"}
    answered = {r.event for r in scenario.instructor_notes.answer_key.responses}
    assert events <= answered, scenario.id
    kinds = {event.kind for event in scenario.timeline}
    assert {EventKind.crisis, EventKind.disclosure, EventKind.appointment_missed} <= kinds

