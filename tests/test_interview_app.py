"""The interview preparation app driven from Python: live marking, checks, saving, export."""

import base64
import re

from casework.checks.interview import prompts
from casework.interview import DRAFT_NAME, InterviewDraft, answers_markdown
from casework.store import CaseStore
from casework.ui.interview import InterviewApp
from tests.test_interview import RAW, SANITIZED


def marks(html: str) -> list[str]:
    return re.findall(r"<mark class='cw-mark'[^>]*>(.*?)</mark>", html)


def test_identifiers_are_marked_as_the_story_is_typed_with_a_generalisation(store: CaseStore):
    app = InterviewApp(store=store)
    app.story.value = RAW
    assert marks(app.marked.value) == ["Maria Lopez", "42 Elm Street", "March 3, 2024", "horrific"]
    assert "4 detail(s) to generalise" in app.marked.value
    assert "Generalise it" in app.marked.value
    app.story.value = SANITIZED
    assert marks(app.marked.value) == []
    assert "No names, places, dates, numbers or dramatic details" in app.marked.value


def test_story_text_is_escaped_when_shown(store: CaseStore):
    app = InterviewApp(store=store)
    app.story.value = "I worked with <script>alert(1)</script> a family."
    assert "<script>" not in app.marked.value and "&lt;script&gt;" in app.marked.value


def test_checking_the_story_shows_structure_method_and_what_to_change(store: CaseStore):
    app = InterviewApp(store=store)
    app.story.value = RAW
    app.check_story.click()
    assert "Task is missing" in app.story_feedback.value
    assert "○ not yet</span> Result" in app.checklist.value
    app.story.value = SANITIZED
    app.check_story.click()
    assert "✓ shown</span> Result" in app.checklist.value
    assert "all four parts" in app.story_feedback.value
    assert "cw-warning" not in app.story_feedback.value


def test_story_and_answers_are_saved_on_every_change_and_come_back(store: CaseStore):
    app = InterviewApp(store=store)
    app.story.value = SANITIZED
    app.cards[0].answer.value = "First I assess needs."
    assert "Saved at" in app.status.value
    saved = InterviewDraft.model_validate(store.draft(DRAFT_NAME))
    assert saved.story == SANITIZED and saved.answers == {"process": "First I assess needs."}
    again = InterviewApp(store=CaseStore(store.path))  # a new kernel on the same file
    assert again.story.value == SANITIZED
    assert again.cards[0].answer.value == "First I assess needs."
    assert "Welcome back" in again.status.value


def test_a_failed_save_keeps_the_text_and_says_so(store: CaseStore, monkeypatch):
    app = InterviewApp(store=store)

    def full_disk(*args):
        raise OSError("disk full")

    monkeypatch.setattr(store, "save_draft", full_disk)
    app.story.value = "Still here."
    assert app.story.value == "Still here."
    assert "Not saved yet (OSError)" in app.status.value


def test_each_answer_is_checked_against_its_question(store: CaseStore):
    app = InterviewApp(store=store)
    card = next(c for c in app.cards if c.prompt_id == "process")
    card.answer.value = "I help clients."
    card.check.click()
    assert "does not yet show assessment, planning, coordination, closure" in card.feedback.value


def test_composite_help_lists_ways_to_blend_cases(store: CaseStore):
    app = InterviewApp(store=store)
    app.blend.click()
    assert "Making a composite" in app.blend_tips.value and "<li>" in app.blend_tips.value


def test_exported_answers_hold_every_question_and_each_answer(store: CaseStore):
    app = InterviewApp(store=store, student="ana-3")
    app.story.value = SANITIZED
    app.cards[0].answer.value = "I help clients."
    app.export_button.click()
    link = re.search(r"base64,([^']+)'", app.export_message.value)
    text = base64.b64decode(link.group(1)).decode()
    assert text == answers_markdown(app.draft)
    assert "interview-answers-ana-3.md" in app.export_message.value
    assert "## My sanitized case example" in text and "passes the checks" in text
    assert "I help clients.\n\n*Check: 1 point(s) to revise.*" in text
    assert text.count("*Not answered yet.*") == len(prompts()) - 1
