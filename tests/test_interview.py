"""Interview preparation checks: identifiers, STAR structure, method, judgement, drama."""

import pytest

from casework.checks.deid import find_identifiers
from casework.checks.interview import (
    STAR_PARTS,
    check_answer,
    check_story,
    composite_tips,
    method_stages,
    prompts,
    star_parts,
)

RAW = (
    "I worked with Maria Lopez, who lived at 42 Elm Street. On March 3, 2024 the scene at "
    "her home was horrific. I assessed her needs."
)
SANITIZED = (
    "I worked with a family facing eviction after a drop in income. My role was to assess "
    "their needs and build a plan with them. I completed a strengths-based assessment, then "
    "we wrote two SMART goals together, and I referred them to a legal clinic and followed "
    "up weekly. Because the mother wanted to keep the children in their school, I weighed a "
    "move against a payment plan with my supervisor. As a result they kept their home "
    "within about three months, and we closed the case with a crisis plan for who to call "
    "if rent trouble returns."
)


def spans(report, prefix: str) -> list[tuple[str, str]]:
    return [(f.rule, RAW[f.start : f.end]) for f in report.findings if f.rule.startswith(prefix)]


def test_a_raw_story_has_its_name_street_and_date_flagged_where_they_are():
    report = check_story(RAW)
    assert spans(report, "deid.") == [
        ("deid.name", "Maria Lopez"),
        ("deid.address", "42 Elm Street"),
        ("deid.date", "March 3, 2024"),
    ]
    assert all(f.suggestion.startswith("Generalise it") for f in report.identifiers)
    assert not report.ok


def test_dramatic_detail_is_flagged_with_a_general_alternative():
    report = check_story(RAW)
    (drama,) = [f for f in report.findings if f.rule == "interview.dramatic-detail"]
    assert RAW[drama.start : drama.end] == "horrific"
    assert "general terms" in drama.suggestion


def test_a_raw_story_is_told_what_structure_and_method_it_lacks():
    report = check_story(RAW)
    rules = {f.rule for f in report.findings}
    assert {"interview.star.task", "interview.star.result"} <= rules
    assert "interview.star.situation" not in rules and "interview.star.action" not in rules
    (method,) = [f for f in report.findings if f.rule == "interview.method.missing"]
    assert "planning, coordination, closure" in method.message
    assert "interview.judgement.missing" in rules


def test_the_sanitized_story_passes_with_its_strengths_named():
    report = check_story(SANITIZED)
    assert report.ok, [(f.rule, f.message) for f in report.findings]
    assert report.star == dict.fromkeys(STAR_PARTS, True)
    assert all(report.method.values())
    assert any("all four parts" in s for s in report.strengths)
    assert any("reasoning" in s for s in report.strengths)


def test_judgemental_language_is_coached_in_a_story():
    report = check_story(SANITIZED + " The mother was noncompliant and manipulative.")
    assert not report.ok
    assert any(f.category != "interview" and f.rule.startswith("note") for f in report.findings)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("I worked with a young adult leaving foster care.", {"task", "action", "result"}),
        ("My role was to find housing. I referred him to a shelter.", {"situation", "result"}),
        ("As a result she moved into her own flat.", {"situation", "task", "action"}),
    ],
)
def test_each_star_part_is_recognised_on_its_own(text, missing):
    assert {part for part, present in star_parts(text).items() if not present} == missing


def test_method_stages_are_read_from_the_words_used():
    stages = method_stages("After the intake I made a referral and later we closed the case.")
    assert stages == {
        "assessment": True,
        "planning": False,
        "coordination": True,
        "closure": True,
    }


def test_an_answer_is_held_to_what_its_question_asks():
    bank = {p.id: p for p in prompts()}
    assert len(bank) == 7 and all(
        p.question.endswith("?") or p.question.endswith(".") for p in bank.values()
    )
    process = "First I assess needs and strengths, then we write a plan with goals, I coordinate referrals, and we plan the closure."
    assert check_answer("process", process).ok
    # the process question is not a story: no STAR findings for it
    assert not any(
        f.rule.startswith("interview.star") for f in check_answer("process", process).findings
    )
    short = check_answer("process", "I help clients.")
    assert any(f.rule == "interview.method.missing" for f in short.findings)
    # the self-determination question wants the reasoning
    choice = check_answer(
        "self_determination", "I worked with a client facing eviction. I referred her to legal aid."
    )
    assert any(f.rule == "interview.judgement.missing" for f in choice.findings)


def test_an_empty_answer_is_not_a_failure_but_a_prompt_to_start():
    report = check_answer("closure", "  ")
    assert report.ok and report.findings[0].message == "Nothing written yet."


def test_unknown_prompt_is_a_clear_error():
    with pytest.raises(KeyError, match="no interview prompt 'salary'"):
        check_answer("salary", "text")


def test_composite_tips_are_there_to_help():
    assert len(composite_tips()) >= 4


# --- issue 18: what a student met in interview practice -------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "A client in her eighties wanted to keep living alone after a fall.",
        "During my field placement, an older man refused a move to a nursing home.",
        "When I was an intern at a housing agency, a tenant turned down the shelter bed.",
    ],
)
def test_an_answer_that_opens_with_the_situation_is_not_told_it_is_missing(opening):
    answer = f"{opening} My role was to respect her choice and keep her safe."
    assert star_parts(answer)["situation"]
    report = check_answer("self_determination", answer)
    assert not any("Situation is missing" in f.message for f in report.findings)


def test_a_place_is_named_as_a_place_and_an_employer_span_stops_at_the_name():
    text = "The Springfield office referred her. I worked at Walmart and then at a clinic."
    found = {(text[f.start : f.end], f.message) for f in find_identifiers(text).findings}
    assert found == {
        (
            "Springfield",
            "“Springfield” names a place smaller than a state, which can identify a real person.",
        ),
        ("Walmart", "“Walmart” names an employer, which can identify a real person."),
    }
