"""The safety response to a safety sign in monitoring: make the people at risk safe now,
consult the supervisor the same day, decide about a report, say what the client is told,
and document it. The student commits their own answer first; only then does the answer
key appear beside it.

The card only displays and collects: what is missing, the report decision's feedback and
the key's comparison come from `casework.checks.safety_response`. Every edit goes through
the record (`StageApp.edit`) and is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from casework.checks.safety_response import (
    SafetySign,
    agency_label,
    commit,
    commit_problems,
    compare_with_key,
    key_lines,
    not_legal_advice,
    part_label,
    part_placeholder,
)
from casework.model import CaseRecord, SafetyResponse
from casework.rules import load_rules
from casework.ui import components as ui
from casework.ui.errors import guarded

if TYPE_CHECKING:
    from casework.ui.stage import StageApp

_TARGETS = ("cps", "aps", "law_enforcement")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class SafetyCard(widgets.VBox):
    """The parts of a safety response, a commit button, and then the answer key beside it."""

    def __init__(self, app: StageApp, sign: SafetySign, on_change: Callable[[], None]):
        super().__init__()
        self.app, self.sign, self.on_change = app, sign, on_change
        self.add_class("e2e-safety")
        self.immediate = ui.text_input(
            part_label("immediate"), part_placeholder("immediate"), "safety-immediate", rows=3
        )
        self.consult_day = ui.day_input("Supervisor consulted on (day)", "safety-consult-day")
        self.consult = ui.text_input(
            part_label("consult"), part_placeholder("consult"), "safety-consult", rows=2
        )
        self.report = ui.radio_choice(
            part_label("report"),
            "safety-report",
            [("Report", "report"), ("No report", "no_report")],
        )
        self.report_to = ui.dropdown(
            "Report to",
            "safety-report-to",
            [("Choose…", None), *((_capital(agency_label(t)), t) for t in _TARGETS)],
        )
        self.report_day = ui.day_input("Reported on (day)", "safety-report-day")
        self.report_reason = ui.text_input(
            "Why you decided this",
            "The facts that give (or do not give) reasonable cause to suspect maltreatment",
            "safety-report-why",
            rows=2,
        )
        self.tell = ui.text_input(
            part_label("tell"), part_placeholder("tell"), "safety-tell", rows=2
        )
        self.documentation = ui.text_input(
            part_label("documentation"),
            part_placeholder("documentation"),
            "safety-document",
            rows=3,
        )
        self.save = ui.check_button("Commit my safety response", "safety-save")
        self.message = ui.feedback_panel("safety-message")
        self.key_panel = ui.feedback_panel("safety-key")
        self.children = [
            widgets.HTML(
                "<p class='cw-muted'>Write your own response first. The answer key appears "
                "once you commit it, and your first decision stays in the record. "
                f"{escape(not_legal_advice())}</p>"
            ),
            self.immediate,
            self.consult_day,
            self.consult,
            self.report,
            self.report_to,
            self.report_day,
            self.report_reason,
            self.tell,
            self.documentation,
            self.save,
            self.message,
            self.key_panel,
        ]
        texts = {
            self.immediate: "immediate",
            self.consult: "consult",
            self.report_reason: "report_reason",
            self.tell: "tell_client",
            self.documentation: "documentation",
        }
        for field, name in texts.items():
            field.observe(guarded(lambda c, n=name: self._edit(**{n: c["new"]})), "value")
        for field, name in ((self.consult_day, "consult_day"), (self.report_day, "report_day")):
            field.observe(
                guarded(lambda c, n=name: self._edit(**{n: ui.parse_day(c["new"])})), "value"
            )
        self.report.observe(guarded(lambda c: self._on_report(c["new"])), "value")
        self.report_to.observe(guarded(lambda c: self._edit(report_to=c["new"])), "value")
        self.save.on_click(guarded(lambda _b: self.commit()))

    # --- record -----------------------------------------------------------------------

    def _current(self) -> SafetyResponse:
        return self.app.record.monitoring.safety.get(self.sign.id, SafetyResponse())

    def _edit(self, **changes: object) -> None:
        app = self.app
        if app._loading or app.session is None:
            return
        updated = self._current().model_copy(update=changes)
        app.edit("monitoring", safety={**app.record.monitoring.safety, self.sign.id: updated})
        self.on_change()

    def _on_report(self, choice: str | None) -> None:
        # "No report" leaves no one to report to; the choice of agency is kept out of sight
        self.report_to.layout.display = self.report_day.layout.display = (
            "none" if choice == "no_report" else None
        )
        changes: dict[str, object] = {"report": choice}
        if choice == "no_report":
            changes["report_to"] = "none"
        self._edit(**changes)

    def commit(self) -> None:
        """Commit the student's own response, then show the answer key beside it."""
        app = self.app
        if app.session is None:
            return
        response = self._current()
        problems = commit_problems(self.sign, response)
        if problems:
            self.message.value = ui.message_html(
                "warning",
                "Write your whole response before you compare it with the answer key. Still "
                f"missing: {'; '.join(problems)}.",
            )
            return
        app.edit(
            "monitoring", safety={**app.record.monitoring.safety, self.sign.id: commit(response)}
        )
        app.session.flush()
        self.message.value = ui.message_html(
            "good", "Committed and saved. Compare your response with the answer key below."
        )
        self.show_key(app.record)
        self.on_change()

    # --- display ----------------------------------------------------------------------

    def show(self, record: CaseRecord) -> None:
        """Fill the fields from the record (the app sets `_loading`, so nothing is saved)."""
        response = record.monitoring.safety.get(self.sign.id, SafetyResponse())
        self.immediate.value = response.immediate
        self.consult_day.value = "" if response.consult_day is None else str(response.consult_day)
        self.consult.value = response.consult
        self.report.value = response.report
        self.report_to.value = response.report_to if response.report_to in _TARGETS else None
        self.report_day.value = "" if response.report_day is None else str(response.report_day)
        self.report_reason.value = response.report_reason
        self.tell.value = response.tell_client
        self.documentation.value = response.documentation
        self.report_to.layout.display = self.report_day.layout.display = (
            "none" if response.report == "no_report" else None
        )
        self.show_key(record)

    def show_key(self, record: CaseRecord) -> None:
        response = record.monitoring.safety.get(self.sign.id, SafetyResponse())
        if not response.committed:
            self.key_panel.value = ""  # the key never shows before the student's own answer
            return
        rows = "".join(
            f"<tr><th scope='row'>{escape(line.label)}</th>"
            f"<td>{escape(line.student) or '<i>(not written)</i>'}</td>"
            f"<td>{escape(line.key)}</td></tr>"
            for line in key_lines(self.sign.key, response)
        )
        heading = load_rules("safety_response")["key_heading"]
        self.key_panel.value = (
            ui.report_html(compare_with_key(self.sign, response), heading)
            + "<table class='cw-table'><thead><tr><th scope='col'>Part</th>"
            "<th scope='col'>Your response</th><th scope='col'>Answer key</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
