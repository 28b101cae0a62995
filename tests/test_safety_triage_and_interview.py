"""Safety at intake triage and in interview practice (issue 14, items 5 and 6).

Triage: the practice guide's intake table screens for danger to self and others first, and
immediate danger outranks everything. A student who rates an imminent-risk statement as
routine or urgent is told why not, with the source (C-SSRS and 988 for a statement about not
wanting to live; NASW Code of Ethics 1.07(c) and state duty-to-warn law for a threat).
Interview: one practice question about a safety situation, with the same STAR feedback and
the steps an interviewer listens for.
"""

import pytest

from casework.checks.intake import check_triage
from casework.checks.interview import check_answer, prompt, prompts
from casework.model import Intake, UrgencyCategory
from casework.screening import triage

FOSTER_FLAGS = ["leaving-sunday", "skipping-meals", "dont-care", "threat-landlord"]


@pytest.fixture
def foster(catalogue):
    return catalogue.scenarios["foster-care-leaver"]


def _rule(report, rule):
    return next(f for f in report.findings if f.rule == rule)


def test_the_foster_intake_uses_danger_to_self_and_danger_to_others(foster):
    """Practice guide intake table: screen for danger to self/others, then set the level."""
    categories = {signal.category for signal in foster.urgency_signals}
    assert {UrgencyCategory.danger_to_self, UrgencyCategory.danger_to_others} <= categories
    assert triage(foster.urgency_signals).level.id == "immediate"
    assert foster.instructor_notes.priority == "immediate"
    assert check_triage(Intake(urgency_flags=FOSTER_FLAGS, priority="immediate"), foster).ok


@pytest.mark.parametrize("chosen", ["routine", "urgent"])
def test_c_ssrs_a_statement_about_not_caring_what_happens_triaged_lower_is_told_why_not(
    foster, chosen
):
    """Columbia Protocol (C-SSRS); 988: a statement that may mean the person does not want to
    live is screened the same day. Rating it routine or urgent is an error, explained."""
    report = check_triage(Intake(urgency_flags=FOSTER_FLAGS, priority=chosen), foster)
    wrong = _rule(report, "intake.triage.wrong-priority")
    assert wrong.severity == "error" and "lower" in wrong.message
    assert "C-SSRS" in wrong.message and "same day" in wrong.message and "988" in wrong.message
    assert "threat" in wrong.message  # the danger to others is weighed too
    assert "Columbia Protocol" in wrong.source and "1.07(c)" in wrong.source
    assert "agency's protocol" in wrong.message and "state's law" in wrong.message
    assert "not legal advice" in wrong.message


def test_a_missed_danger_to_self_signal_is_an_error_that_names_the_c_ssrs(foster):
    flags = ["leaving-sunday", "skipping-meals", "threat-landlord"]
    report = check_triage(Intake(urgency_flags=flags, priority="immediate"), foster)
    missed = _rule(report, "intake.triage.missed-signal")
    assert missed.severity == "error" and "don't care what happens" in missed.message
    assert "Columbia Protocol" in missed.source


def test_over_rating_is_still_explained_without_the_safety_teaching(eviction):
    """The safety explanation is for a level set too low; too high gets the general rule."""
    flags = ["ten-day-notice", "food-running-out"]
    report = check_triage(Intake(urgency_flags=flags, priority="immediate"), eviction)
    wrong = _rule(report, "intake.triage.wrong-priority")
    assert wrong.severity == "warning" and "C-SSRS" not in wrong.message


SAFETY_ANSWER = (
    "I worked with a young adult who said during a housing meeting that some days they did "
    "not care what happened to them. My role was to respond to the risk before anything "
    "else. I asked directly about thoughts of suicide, a plan and intent, with the C-SSRS "
    "screener questions. I stayed with them while I consulted my supervisor the same day, "
    "and we wrote a safety plan together with the 988 number. I documented the questions, "
    "the answers and what we did, because the next worker needs to see it. As a result they "
    "kept working with us, and I learned to ask the question in plain words."
)


def test_the_interview_bank_has_a_safety_question_with_star_feedback():
    """Practice guide (interviews) and STAR: one question about handling risk, a report or a
    crisis, answered as a story with the reasoning shown."""
    question = prompt("safety")
    assert question.star and question.judgement and question.safety
    assert "risk" in question.question and question in prompts()
    report = check_answer("safety", SAFETY_ANSWER)
    assert report.ok, [(f.rule, f.message[:80]) for f in report.findings if f.severity != "info"]
    assert all(report.star.values())


def test_a_safety_answer_without_the_steps_is_told_which_are_missing():
    """C-SSRS; NASW Code of Ethics 1.07(c); state reporting law: ask, consult, follow the
    protocol, document. A story without them is told which, and why."""
    thin = (
        "I worked with a mother facing eviction. My role was to find her housing. I referred "
        "her to a shelter because she had nowhere to go. As a result she moved into a flat."
    )
    report = check_answer("safety", thin)
    missing = _rule(report, "interview.safety.missing")
    assert missing.severity == "warning" and not report.ok
    for step in ("asked", "supervisor", "protocol", "documented"):
        assert step in missing.message, step
    assert "agency's protocol" in missing.message and "state's law" in missing.message
    assert missing.source and "C-SSRS" in missing.source
    # the other questions are not held to the safety steps
    assert not any(
        f.rule == "interview.safety.missing" for f in check_answer("complex_case", thin).findings
    )
