"""How every stage ends: reflection questions, then "I'm done with this stage", then the
instructor's model answer beside the student's own work.

Nothing of the model shows before the student commits; the commit keeps their work as it
stood (the first attempt) and they may go on editing. Logic: `casework/answer_key.py`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from casework.answer_key import (
    STAGE_TITLES,
    Comparison,
    commit,
    compare,
    reflection_questions,
    revised_since_commit,
)
from casework.checks.findings import Report
from casework.checks.note import check_note
from casework.model import CaseRecord, Scenario, StageName
from casework.ui import components as ui
from casework.ui.errors import guarded

if TYPE_CHECKING:
    from casework.ui.stage import StageApp

# A reflection is personal writing, not a record: the coach reads it for stigmatizing and
# stereotyping language only, never for the form a case note needs.
_REFLECTION_CATEGORIES = frozenset({"stigma", "stereotyping", "disapproval", "judgment"})


def reflection_report(text: str) -> Report:
    """The coach's findings on a reflection answer: stigma and stereotype only."""
    findings = tuple(
        f
        for f in check_note(text).findings
        if f.category in _REFLECTION_CATEGORIES and f.severity != "info"
    )
    return Report(findings)


class ReflectionCard(widgets.VBox):
    """The stage's reflection questions, each answer saved as it is typed."""

    def __init__(self, app: StageApp, stage: StageName):
        super().__init__()
        self.app, self.stage = app, stage
        self.add_class("e2e-reflection")
        self.fields: dict[str, widgets.Textarea] = {}
        self.feedback: dict[str, widgets.HTML] = {}

    def start(self, scenario: Scenario) -> None:
        self.fields, self.feedback, children = {}, {}, []
        for question in reflection_questions(self.stage, scenario):
            field = widgets.Textarea(
                description=question.text,  # a visible label, drawn above the field
                placeholder="A few sentences in your own words",
                continuous_update=True,
                rows=3,
                layout=widgets.Layout(width="95%"),
            )
            field.add_class("cw-stacked")
            field.add_class(f"e2e-reflection-{question.id}")
            feedback = ui.feedback_panel(f"reflection-feedback-{question.id}")
            field.observe(
                guarded(lambda change, qid=question.id: self._edit(qid, change["new"])), "value"
            )
            self.fields[question.id], self.feedback[question.id] = field, feedback
            children += [field, feedback]
        self.children = children

    def show(self, record: CaseRecord) -> None:
        answers = record.learning.reflections.get(self.stage, {})
        for qid, field in self.fields.items():
            field.value = answers.get(qid, "")
            self._coach(qid, field.value)

    def _edit(self, qid: str, text: str) -> None:
        self._coach(qid, text)
        if self.app._loading or self.app.session is None:
            return
        learning = self.app.record.learning
        answers = {**learning.reflections.get(self.stage, {}), qid: text}
        self.app.edit("learning", reflections={**learning.reflections, self.stage: answers})

    def _coach(self, qid: str, text: str) -> None:
        report = reflection_report(text) if text.strip() else Report()
        self.feedback[qid].value = ui.report_html(report) if report.findings else ""


def comparison_html(comparisons: list[Comparison]) -> str:
    """Each item: the student's work beside the model, then the difference described."""
    if not comparisons:
        return (
            "<div class='cw-panel cw-info'>This scenario has no answer key yet; ask your "
            "instructor for the model answer.</div>"
        )
    parts = []
    for item in comparisons:
        parts.append(
            "<div class='cw-card cw-compare'>"
            f"<h3>{escape(item.item)}</h3><div class='cw-columns'>"
            f"<div class='cw-col'><span class='cw-tag'>Yours</span>"
            f"<p class='cw-pre e2e-yours'>{escape(item.yours)}</p></div>"
            f"<div class='cw-col'><span class='cw-tag'>Model answer</span>"
            f"<p class='cw-pre e2e-model'>{escape(item.model)}</p></div></div>"
            f"<p class='cw-muted'>{escape(item.note)}</p></div>"
        )
    return "".join(parts)


class ModelAnswerPanel(widgets.VBox):
    """ "I'm done with this stage", then the model answer beside the student's work."""

    def __init__(self, app: StageApp, stage: StageName):
        super().__init__()
        self.app, self.stage = app, stage
        self.done = ui.check_button("I'm done with this stage: show the model answer", "stage-done")
        self.intro = widgets.HTML(
            "<p class='cw-muted'>Make your own call first. Once you say you are done, the "
            "instructor's model answer appears beside your work. You can keep editing "
            "afterwards; the workbook keeps what you had written at that moment as your "
            "first attempt.</p>"
        )
        self.answer = widgets.HTML()
        self.answer.add_class("e2e-model-answer")
        self.children = [self.intro, self.done, self.answer]
        self.done.on_click(guarded(lambda _b: self._commit()))

    def _commit(self) -> None:
        session = self.app.session
        if session is None:
            return
        session.flush()  # the first attempt is a saved revision the instructor can open
        record = session.record
        session.replace_section(
            "learning", commit(record.learning, record, self.stage, session.revision)
        )
        session.flush()
        self.show(session.record)

    def show(self, record: CaseRecord) -> None:
        committed = record.learning.committed.get(self.stage)
        if committed is None or self.app.scenario is None:
            self.done.layout.display = None
            self.intro.layout.display = None
            self.answer.value = ""
            return
        self.done.layout.display = "none"
        self.intro.layout.display = "none"
        when = committed.at.astimezone().strftime("%Y-%m-%d %H:%M")
        kept = f"revision {committed.revision}" if committed.revision else "this case file"
        revised = (
            " You have revised this stage since; the comparison shows your work as it is now."
            if revised_since_commit(record, self.stage)
            else ""
        )
        self.answer.value = (
            f"<h3>{escape(STAGE_TITLES[self.stage])}: your work beside the model answer</h3>"
            f"<p class='cw-muted'>Your first attempt was kept on {escape(when)} ({escape(kept)})."
            f"{escape(revised)} Differences are described, not graded: where yours differs, "
            "ask what you weighed.</p>"
            + comparison_html(compare(self.stage, record, self.app.scenario))
        )


class StageEnd(widgets.VBox):
    """The end of a stage app: reflect, then compare with the model answer."""

    def __init__(self, app: StageApp, stage: StageName):
        super().__init__()
        self.add_class("cw-card")
        self.reflection = ReflectionCard(app, stage)
        self.model_answer = ModelAnswerPanel(app, stage)
        self.children = [
            widgets.HTML(
                "<h2 class='cw-section-title'>Before you move on: reflect, then compare</h2>"
                "<p class='cw-muted'>Answer for yourself; your answers are saved with the "
                "case and appear in its export. The coach reads them only for stigmatizing "
                "words.</p>"
            ),
            self.reflection,
            self.model_answer,
        ]

    def start(self, scenario: Scenario) -> None:
        self.reflection.start(scenario)

    def show(self, record: CaseRecord) -> None:
        self.reflection.show(record)
        self.model_answer.show(record)
