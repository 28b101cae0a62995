"""What the student typed, set into the product's sentences (issue 18): no doubled quotes,
no ".;" or "..", no list run together, no "for to apply"."""

from __future__ import annotations

import pytest

from casework import prose
from casework.checks.closure import Verdict, compare_judgement
from casework.contract import contract_sections
from casework.model import Release, StrengthCategory
from casework.report import export_case
from casework.ui.care_plan import CarePlanApp
from casework.ui.releases import release_line


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ('"Keep the apartment."', "“Keep the apartment.”"),
        ("“Keep the apartment”", "“Keep the apartment”"),
        ("Keep the apartment", "“Keep the apartment”"),
        ("'Keep it'", "“Keep it”"),
    ],
)
def test_the_clients_words_are_quoted_once(typed, shown):
    assert prose.quoted(typed) == shown


def test_clauses_and_sentences_carry_one_stop_each():
    assert prose.clauses(["Rent is two months late.", "Notice on day 0;", " ", "Works nights"]) == (
        "Rent is two months late; Notice on day 0; Works nights"
    )
    assert prose.sentences(["Not yet: the goals are met.", "The client can find a room"]) == (
        "Not yet: the goals are met. The client can find a room."
    )
    assert prose.sentence("She said “I'll manage.”") == "She said “I'll manage.”"
    assert prose.sentence("Housing is stable..") == "Housing is stable."


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("to apply for the rent fund", "to apply for the rent fund"),
        ("legal advice", "for legal advice"),
        ("For the court date.", "For the court date"),
    ],
)
def test_a_release_purpose_reads_as_a_phrase(typed, shown):
    assert prose.purpose(typed) == shown


def test_the_release_line_never_reads_for_to():
    release = Release(
        shared="the eviction notice", purpose="to apply for the rent fund", signed_day=3
    )
    assert release_line("Legal aid", release).startswith(
        "Legal aid: the eviction notice — to apply for the rent fund, signed day 3"
    )


def test_the_contract_names_the_purpose_once(eviction):
    from tests.casefiles import ready_to_close

    record = ready_to_close(eviction)
    provider = next(iter(record.plan.releases))
    releases = {
        provider: Release(shared="the notice", purpose="to apply for the fund", signed_day=2)
    }
    record = record.model_copy(
        update={"plan": record.plan.model_copy(update={"releases": releases})}
    )
    text = "\n".join(
        line
        for section in contract_sections(record, eviction)
        for line in (*section.paragraphs, *section.items)
    )
    assert "the notice (to apply for the fund), signed day 2" in text
    assert "for to" not in text


def test_the_care_plan_quotes_intake_answers_once(store, eviction):
    from tests.casefiles import ready_to_close

    record = ready_to_close(eviction)
    intake = record.intake.model_copy(update={"client_wants": '"Keep the apartment."'})
    record = record.model_copy(update={"intake": intake})
    html = CarePlanApp(store=store, autosave_delay=0)._briefing_html(record, eviction)
    assert "<li>“Keep the apartment.”</li>" in html
    assert "“&quot;" not in html and '“"' not in html


def test_the_export_has_no_doubled_punctuation_and_keeps_strengths_apart(eviction):
    from tests.casefiles import ready_to_close

    record = ready_to_close(eviction)
    assessment = record.assessment
    domain, rating = next((d, r) for d, r in assessment.initial.items() if r.score is not None)
    rating = rating.model_copy(
        update={"evidence": ["Notice served on day 0.", "Rent two months late."], "note": "Urgent."}
    )
    strengths = {StrengthCategory.personal: "Loves her kids\nWorks two jobs"}
    assessment = assessment.model_copy(
        update={"initial": {**assessment.initial, domain: rating}, "strengths": strengths}
    )
    text = export_case(record.model_copy(update={"assessment": assessment}), eviction, "md")
    assert "Evidence: Notice served on day 0; Rent two months late. Urgent." in text
    assert "Loves her kids; Works two jobs" in text
    assert ".;" not in text and ".." not in text.replace("...", "")


def test_closure_feedback_keeps_each_reason_a_sentence():
    verdict = Verdict(
        "not_yet", ("Not yet: the client's goals are met", "The client can find a room")
    )
    message = compare_judgement("ready", verdict).findings[0].message
    assert (
        "but the record says not yet. Not yet: the client's goals are met. The client can "
        in message
    )
    assert "find a room. Closing before" in message


# --- prompts in dropdowns ------------------------------------------------------------


def test_a_dropdown_with_nothing_chosen_shows_its_prompt_not_a_blank_box(store):
    from casework.ui.components import PromptedDropdown

    field = PromptedDropdown(options=[("Choose…", None), ("Legal aid", "legal")])
    assert (field.index, field.label, field.value) == (0, "Choose…", None)
    field.value = "legal"
    field.value = None  # a form reset
    assert field.label == "Choose…"
    field.options = [("Choose…", None), ("Food bank", "food")]  # a new scenario's providers
    assert (field.label, field.value) == ("Choose…", None)

    app = CarePlanApp(store=store, autosave_delay=0)
    assert app.picker.label == "Choose a scenario…" and app.picker.value is None


def test_a_new_student_opening_a_stage_is_told_what_to_do_first(store):
    app = CarePlanApp(store=store, autosave_delay=0)
    assert (
        "Start by choosing a scenario above. Each stage opens your case where you left it; "
        "a new case begins with intake (stage 1)."
    ) in app.status.value
    app.picker.value = "eviction-family"
    assert "Start by choosing" not in app.status.value
