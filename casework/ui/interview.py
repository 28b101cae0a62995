"""06 · Interview preparation: a sanitized case example and a bank of practice answers.

The story is checked for identifiers as the candidate types (each marked where it is,
with a way to generalise it); structure, method and language on request. Every change
is saved at once as the candidate's interview draft. Checks: `casework.checks.interview`.
"""

from __future__ import annotations

import logging
from html import escape

import ipywidgets as widgets

from casework import workspace
from casework.checks.findings import Report
from casework.checks.interview import (
    STAR_PARTS,
    StoryReport,
    check_answer,
    check_story,
    composite_tips,
    details_to_generalise,
    method_label,
    prompts,
    star_label,
)
from casework.interview import DRAFT_NAME, InterviewDraft, answers_markdown
from casework.progress import INTERVIEW_NOTEBOOK
from casework.session import SaveStatus, save_failed
from casework.store import CaseStore
from casework.ui import components as ui
from casework.ui.errors import ErrorPanel, guarded, open_app

log = logging.getLogger(__name__)
_STORY_PLACEHOLDER = (
    "e.g. I worked with a family facing eviction after a drop in income. My role was to…"
)


def checklist_html(report: StoryReport) -> str:
    """Which STAR parts and method stages the text shows, each with a symbol and a word."""

    def item(label: str, present: bool) -> str:
        mark = "✓ shown" if present else "○ not yet"
        return f"<li><span class='cw-tag'>{mark}</span> {escape(label)}</li>"

    star = "".join(item(star_label(p), report.star.get(p, False)) for p in STAR_PARTS)
    method = "".join(item(method_label(s), shown) for s, shown in report.method.items())
    return (
        "<div class='cw-columns e2e-story-checklist'>"
        f"<div><b>Structure (STAR)</b><ul>{star}</ul></div>"
        f"<div><b>Method</b><ul>{method}</ul></div></div>"
    )


def identifiers_html(text: str) -> str:
    """The story with identifiers and dramatic detail marked, and how to fix each."""
    if not text.strip():
        return ""
    findings = details_to_generalise(text)
    marked = ui.highlighted_html(text, Report(findings))
    if not findings:
        return marked + ui.message_html(
            "good", "No names, places, dates, numbers or dramatic details found so far."
        )
    items = "".join(
        f"<li>“{escape(text[f.start : f.end])}”: {escape(f.suggestion or '')}</li>"
        for f in findings
    )
    return (
        marked + f"<div class='cw-panel cw-warning' role='status'>! {len(findings)} detail(s) to "
        f"generalise before you tell this story:<ul class='e2e-identifier-list'>{items}</ul></div>"
    )


class AnswerCard(widgets.VBox):
    """One practice question: the answer box, its check, and the tip behind it."""

    def __init__(self, prompt_id: str, question: str, tip: str, number: int):
        super().__init__()
        self.prompt_id = prompt_id
        self.answer = ui.text_input(
            "Your answer", "Write it as you would say it.", f"answer-{prompt_id}", rows=5
        )
        self.check = ui.check_button("Check this answer", f"check-answer-{prompt_id}")
        self.feedback = ui.feedback_panel(f"answer-feedback-{prompt_id}")
        self.children = [
            widgets.HTML(
                f"<h3>{number}. {escape(question)}</h3><p class='cw-muted'>Tip: {escape(tip)}</p>"
            ),
            self.answer,
            self.check,
            self.feedback,
        ]
        self.add_class(f"e2e-prompt-{prompt_id}")

    def show_feedback(self) -> None:
        self.feedback.value = ui.report_html(check_answer(self.prompt_id, self.answer.value))


class InterviewApp(widgets.VBox):
    title = "Interview preparation"
    notebook = INTERVIEW_NOTEBOOK

    def __init__(self, store: CaseStore | None = None, student: str | None = None):
        super().__init__()
        if store is None:  # in Voilà: the file of the student named in the address, if any
            student, store = workspace.for_request(student)
        self.store, self.student = store, student
        self.draft = InterviewDraft.model_validate(store.draft(DRAFT_NAME) or {})
        self.errors = ErrorPanel()
        self.status = widgets.HTML(self._welcome())
        self.status.add_class("e2e-save-status")

        self.story = ui.text_input("Your story", _STORY_PLACEHOLDER, "story", rows=10)
        self.story.value = self.draft.story
        self.marked = ui.feedback_panel("story-marked")
        self.check_story = ui.check_button("Check my story", "check-story")
        self.checklist = ui.feedback_panel("story-checklist")
        self.story_feedback = ui.feedback_panel("story-feedback")
        self.blend = ui.check_button("Help me make it a composite", "composite")
        self.blend_tips = ui.feedback_panel("composite-tips")
        self.cards = [
            AnswerCard(p.id, p.question, p.tip, n) for n, p in enumerate(prompts(), start=1)
        ]
        for card in self.cards:
            card.answer.value = self.draft.answers.get(card.prompt_id, "")
        self.export_button = ui.check_button("Export my answers (Markdown)", "export-answers")
        self.export_message = ui.feedback_panel("export-message")

        self.children = [
            ui.style_sheet(),
            widgets.HTML(ui.nav_html(self.notebook, workspace.link_query(student))),
            ui.header(
                self.title,
                "Turn a case into an example you can tell safely, and rehearse the questions.",
            ),
            self.errors,
            self.status,
            ui.section_title(
                1,
                "Your sanitized case example",
                "Write the story you would tell. Names, places, dates and numbers are marked as "
                "you type, each with a way to say it in general terms.",
            ),
            self.story,
            self.marked,
            widgets.HBox([self.check_story, self.blend]),
            self.checklist,
            self.story_feedback,
            self.blend_tips,
            ui.section_title(
                2,
                "Practice questions",
                "The questions interviewers ask about case management. Each answer is saved "
                "and can be checked against what the question is listening for.",
            ),
            *self.cards,
            ui.section_title(
                3, "Take your answers with you", "One Markdown file, ready to rehearse from."
            ),
            self.export_button,
            self.export_message,
        ]
        self.story.observe(guarded(self._on_story, "saving your story"), "value")
        self.check_story.on_click(
            guarded(lambda _b: self.show_story_feedback(), "checking your story")
        )
        self.blend.on_click(
            guarded(lambda _b: self.show_composite_tips(), "suggesting a composite")
        )
        for card in self.cards:
            card.answer.observe(
                guarded(
                    lambda change, c=card: self._on_answer(c, change["new"]), "saving your answer"
                ),
                "value",
            )
            card.check.on_click(
                guarded(lambda _b, c=card: c.show_feedback(), "checking your answer")
            )
        self.export_button.on_click(guarded(lambda _b: self.export(), "exporting your answers"))
        self.marked.value = identifiers_html(self.draft.story)

    @classmethod
    def launch(cls, **kwargs: object) -> widgets.Widget:
        return open_app(lambda: cls(**kwargs), "the Interview preparation app")

    def _welcome(self) -> str:
        if self.draft.story or any(self.draft.answers.values()):
            return ui.status_html(
                SaveStatus("saved", "Welcome back: your story and answers are here.")
            )
        return ui.status_html(SaveStatus("saved", "Everything you type here is saved as you go."))

    def _save(self, draft: InterviewDraft) -> None:
        self.draft = draft
        try:
            saved_at = self.store.save_draft(DRAFT_NAME, draft.model_dump())
        except Exception as error:  # a locked or full disk: keep the text, say so
            log.exception("saving the interview draft failed")
            self.status.value = ui.status_html(save_failed(error))
            return
        time = saved_at.astimezone().strftime("%H:%M:%S")
        self.status.value = ui.status_html(SaveStatus("saved", f"Saved at {time}."))

    def _on_story(self, change: dict) -> None:
        self._save(self.draft.model_copy(update={"story": change["new"]}))
        self.marked.value = identifiers_html(change["new"])

    def _on_answer(self, card: AnswerCard, text: str) -> None:
        self._save(
            self.draft.model_copy(update={"answers": {**self.draft.answers, card.prompt_id: text}})
        )

    def show_story_feedback(self) -> None:
        report = check_story(self.story.value)
        self.checklist.value = checklist_html(report) if self.story.value.strip() else ""
        self.story_feedback.value = ui.report_html(report, "Feedback on your story")

    def show_composite_tips(self) -> None:
        self.blend_tips.value = (
            "<div class='cw-panel cw-info'><b>i Making a composite.</b> Blend details from "
            "more than one case, so the example teaches the same skill but no one case can "
            f"be recognized:{ui.bullet_list(composite_tips())}</div>"
        )

    def export(self) -> None:
        filename = f"interview-answers{'-' + self.student if self.student else ''}.md"
        self.export_message.value = ui.export_html(
            filename,
            answers_markdown(self.draft),
            "download-answers",
            "Download the answers",
            self.student,
        )
