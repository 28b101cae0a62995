"""05 Closure: readiness from the record beside the student's own judgement, the closing
procedures, a summary drafted from the record, the practice supervisor's review, and the
whole case file exported.

The app only displays and collects: indicators, the verdict, the review and the summary
draft come from `casework.checks.closure`; the exports from `casework.report`.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from casework.checks.closure import (
    check_summary,
    closure_procedures,
    compare_judgement,
    draft_summary,
    exit_destination_examples,
    exit_destination_source,
    exit_destinations,
    own_call_made,
    readiness,
    supervisor_review,
    verdict_label,
)
from casework.model import CaseRecord, Scenario, SupervisorReview
from casework.ui import components as ui
from casework.ui.errors import guarded
from casework.ui.stage import StageApp

_JUDGEMENTS = ["ready", "ready_with_conditions", "not_yet"]


class ClosureApp(StageApp):
    """The closure stage as one composed widget. `ClosureApp()` is the whole app."""

    notebook = "05_closure.ipynb"
    stage = "closure"
    title = "Stage 5 · Closure"
    subtitle = (
        "End the case on the evidence: readiness from the record, a planned ending with the "
        "client, a summary the next worker can use, and a supervisor's approval."
    )

    def build_sections(self) -> list[widgets.Widget]:
        self.briefing = widgets.HTML()
        self.indicators = widgets.HTML()
        self.indicators.add_class("e2e-indicators")
        self.judgement = ui.radio_choice(
            "Your call", "judgement", [(verdict_label(v), v) for v in _JUDGEMENTS]
        )
        self.judgement_reason = ui.text_input(
            "Your reasons", "What in the record tells you so", "judgement-reason", rows=2
        )
        self.compare = ui.check_button("Compare with the record", "compare-readiness")
        self.compare.on_click(guarded(lambda _b: self.show_comparison()))
        self.comparison = ui.feedback_panel("readiness-comparison")

        self.notice_day = ui.day_input("Client told on (day)", "notice-day")
        self.closing_day = ui.day_input("Last contact on (day)", "closing-day")
        self.progress_reviewed = widgets.Checkbox(
            description="We reviewed the progress together", indent=False
        )
        self.progress_reviewed.add_class("e2e-progress-reviewed")
        self.crisis_plan = ui.text_input(
            "Crisis plan",
            "The early signs of trouble, and whom the client calls",
            "crisis-plan",
            rows=2,
        )
        self.handoff = ui.text_input(
            "Resources handed over",
            "Each service the client keeps, and how to reach it",
            "handoff",
            rows=2,
        )
        self.follow_up = ui.text_input(
            "Follow-up", "Who checks in, how, and on which day", "follow-up"
        )
        self.reason = ui.text_input("Closure reason", "Why the case ends", "closure-reason")
        self.exit_destination = ui.dropdown(
            "Exit destination",
            "exit-destination",
            [("Choose…", ""), *((label, key) for key, label in exit_destinations().items())],
        )
        # HUD's groups with their examples: the choice is made on the kind of place
        self.exit_destination_help = widgets.HTML(
            "<details class='e2e-exit-destination-help'><summary>Which group is it? "
            f"({escape(exit_destination_source())})</summary>"
            + "".join(
                f"<p><b>{escape(label)}</b></p>{ui.bullet_list(exit_destination_examples()[key])}"
                for key, label in exit_destinations().items()
            )
            + "</details>"
        )
        self.transfer_to = ui.dropdown("Transfer to", "transfer-to")
        self.procedures = widgets.HTML()
        self.procedures.add_class("e2e-procedures")

        self.summary = ui.text_input(
            "Closure summary", "Start from the draft, then edit it", "summary", rows=14
        )
        self.draft = widgets.Button(
            description="Start from a draft built from the record",
            tooltip="Fill the summary from the record",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.draft.add_class("e2e-draft-summary")
        self.draft.on_click(guarded(lambda _b: self.fill_draft()))
        self.check_summary = ui.check_button("Check the summary", "check-summary")
        self.check_summary.on_click(guarded(lambda _b: self.show_summary_feedback()))
        self.summary_feedback = ui.feedback_panel("summary-feedback")

        self.request = ui.check_button("Request closure from the supervisor", "request-closure")
        self.request.on_click(guarded(lambda _b: self.request_closure()))
        self.review = ui.feedback_panel("supervisor-review")

        self.export_md = widgets.Button(
            description="Export the case file (Markdown)", layout=widgets.Layout(width="auto")
        )
        self.export_md.add_class("e2e-export-md")
        self.export_md.on_click(guarded(lambda _b: self.export("md")))
        self.export_html_button = widgets.Button(
            description="Export the case file (HTML)", layout=widgets.Layout(width="auto")
        )
        self.export_html_button.add_class("e2e-export-html")
        self.export_html_button.on_click(guarded(lambda _b: self.export("html")))
        self.export_message = widgets.HTML()
        self._exports: dict[str, str] = {}  # format -> its link: one for each, both kept

        self._fields = {
            "judgement_reason": self.judgement_reason,
            "progress_reviewed": self.progress_reviewed,
            "crisis_plan": self.crisis_plan,
            "handoff": self.handoff,
            "follow_up": self.follow_up,
            "reason": self.reason,
            "summary": self.summary,
        }
        for name, field in self._fields.items():
            field.observe(guarded(lambda c, n=name: self._on_field(n, c["new"])), "value")
        self.judgement.observe(guarded(lambda c: self._on_field("judgement", c["new"])), "value")
        self.transfer_to.observe(
            guarded(lambda c: self._on_field("transfer_to", c["new"] or "")), "value"
        )
        self.exit_destination.observe(
            guarded(lambda c: self._on_field("exit_destination", c["new"] or None)), "value"
        )
        for name, field in (("notice_day", self.notice_day), ("closing_day", self.closing_day)):
            field.observe(guarded(lambda c, n=name: self._on_day(n, c["new"])), "value")
        return [
            self.briefing,
            ui.section_title(
                1,
                "Is the case ready to close?",
                "Make your own call first, then compare it with what the record shows. Goals "
                "met, the client's own skills and natural supports point to an ending; so can "
                "lasting disengagement despite outreach, lost eligibility, or a better-fitting "
                "service.",
            ),
            self.judgement,
            self.judgement_reason,
            self.compare,
            self.comparison,
            self.indicators,
            ui.section_title(
                2,
                "Ending well",
                "A good ending is planned with the client: notice in advance, a look back at "
                "the progress, a plan for trouble, the resources handed over, and a check-in "
                "after.",
            ),
            self.notice_day,
            self.closing_day,
            self.progress_reviewed,
            self.crisis_plan,
            self.handoff,
            self.follow_up,
            self.reason,
            self.exit_destination,
            self.exit_destination_help,
            self.transfer_to,
            self.procedures,
            ui.section_title(
                3,
                "Closure summary",
                "The summary is what the next worker reads first. Start from the draft built "
                "from the record, then edit it: facts and the client's words, not labels.",
            ),
            self.draft,
            self.summary,
            self.check_summary,
            self.summary_feedback,
            ui.section_title(
                4,
                "Supervisor review",
                "Closure is approved by a practice supervisor, who sends it back with the "
                "missing items when it is not ready.",
            ),
            self.request,
            self.review,
            ui.section_title(
                5, "Export the case file", "The whole case, every stage, in one file."
            ),
            widgets.HBox([self.export_md, self.export_html_button]),
            self.export_message,
        ]

    # --- scenario and record ----------------------------------------------------------

    def start(self, scenario: Scenario) -> None:
        self.transfer_to.options = [
            ("No transfer", ""),
            *((resource.name, resource.id) for resource in scenario.resources),
        ]
        self.comparison.value = self.summary_feedback.value = self.export_message.value = ""
        self._exports = {}

    def show_record(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        scenario, closure = self.scenario, record.closure
        shown, total = record.monitoring.shown, len(scenario.timeline)
        facts = ui.bullet_list(scenario.closure.facts) if shown >= total else ""
        self.briefing.value = (
            f"<div class='cw-panel cw-info e2e-briefing'><h2>{escape(scenario.title)}</h2>"
            f"<p><b>Client:</b> {escape(scenario.client.name)}. <b>Timeline:</b> {shown} of "
            f"{total} events followed in monitoring.</p>"
            + (f"<p><b>What you know now:</b></p>{facts}" if facts else "")
            + "</div>"
        )
        self.judgement.value = closure.judgement
        self.judgement_reason.value = closure.judgement_reason
        self.notice_day.value = "" if closure.notice_day is None else str(closure.notice_day)
        self.closing_day.value = "" if closure.closing_day is None else str(closure.closing_day)
        self.progress_reviewed.value = closure.progress_reviewed
        self.crisis_plan.value = closure.crisis_plan
        self.handoff.value = closure.handoff
        self.follow_up.value = closure.follow_up
        self.reason.value = closure.reason
        self.exit_destination.value = closure.exit_destination or ""
        self.transfer_to.value = closure.transfer_to
        self.summary.value = closure.summary
        self._show_status(record)
        self._show_review(closure.review)

    def _show_status(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        self._show_procedures(record)
        if not own_call_made(record.closure):
            # the learning loop: the student commits to a call before the record's verdict
            self.indicators.value = ui.message_html(
                "info",
                "What the record shows, and its verdict, appear here once you have made your "
                "own call above and said why.",
            )
            return
        indicators, verdict = readiness(record, self.scenario)
        items = "".join(
            f"<li><b>{'✓ Yes' if i.present else '– No'}: {escape(i.label)}</b>"
            f"{ui.bullet_list(list(i.evidence))}<small class='cw-muted'>{escape(i.why)}</small></li>"
            for i in indicators
        )
        conditions = ui.bullet_list(list(verdict.conditions)) if verdict.conditions else ""
        severity = {"ready": "good", "not_yet": "warning"}.get(verdict.value, "info")
        self.indicators.value = (
            "<h3>What the record shows</h3>"
            f"<ul class='cw-checklist'>{items}</ul>"
            f"<div class='cw-panel cw-{severity} e2e-verdict' role='status'><b>Verdict from the "
            f"record: {escape(verdict.label)}</b>{conditions}</div>"
        )

    def _show_procedures(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        rows = "".join(
            f"<li class='cw-{'good' if p.done else 'warning'}'><b>{'✓' if p.done else '✗'} "
            f"{escape(p.label)}</b>: {escape(p.detail)}"
            + ("" if p.done else f"<br><small class='cw-muted'>{escape(p.why)}</small>")
            + "</li>"
            for p in closure_procedures(record, self.scenario)
        )
        self.procedures.value = f"<ul class='cw-checklist'>{rows}</ul>"

    def _show_review(self, review: SupervisorReview) -> None:
        if review.status == "approved":
            self.review.value = (
                "<div class='cw-panel cw-good e2e-review-verdict' role='status'>✓ Approved: the "
                "supervisor signs off the closure.</div>"
            )
        elif review.status == "sent_back":
            self.review.value = (
                "<div class='cw-panel cw-warning e2e-review-verdict' role='alert'>! Sent back "
                f"with {len(review.comments)} comment(s). Fix them and request again:"
                f"{ui.bullet_list(review.comments)}</div>"
            )
        else:
            self.review.value = ""

    # --- edits ------------------------------------------------------------------------

    def _on_field(self, name: str, value: object) -> None:
        if self._loading or self.session is None:
            return
        changes: dict[str, object] = {name: value}
        if self.record.closure.review.status != "draft":
            # any change after a review reopens it: the supervisor's verdict was on the old text
            changes["review"] = SupervisorReview(requests=self.record.closure.review.requests)
        self.edit("closure", **changes)
        self._show_status(self.record)
        if "review" in changes:
            self._show_review(self.record.closure.review)

    def _on_day(self, name: str, text: str) -> None:
        day = ui.parse_day(text)
        if text.strip() and day is None:
            self.procedures.value = ui.message_html(
                "warning", "Write the day as a number of days from intake, e.g. 80."
            )
            return
        self._on_field(name, day)

    def fill_draft(self) -> None:
        if self.session is None or self.scenario is None:
            return
        if self.summary.value.strip():
            self.summary_feedback.value = ui.message_html(
                "info",
                "Your summary already has text, so it is kept. Clear it first to start again "
                "from a draft.",
            )
            return
        self.summary.value = draft_summary(self.record, self.scenario)

    def show_summary_feedback(self) -> None:
        report = check_summary(self.summary.value)
        marked = (
            ui.highlighted_html(self.summary.value, report) if self.summary.value.strip() else ""
        )
        self.summary_feedback.value = marked + ui.report_html(report)

    def show_comparison(self) -> None:
        if self.session is None or self.scenario is None:
            return
        if self.judgement.value is not None and not own_call_made(self.record.closure):
            self.comparison.value = ui.message_html(
                "info", "Say why, in a sentence, before you compare: your reasons are the call."
            )
            return
        verdict = readiness(self.record, self.scenario)[1]
        self.comparison.value = ui.report_html(compare_judgement(self.judgement.value, verdict))

    def request_closure(self) -> None:
        if self.session is None or self.scenario is None:
            return
        self.session.flush()
        comments = supervisor_review(self.record, self.scenario)
        review = SupervisorReview(
            status="sent_back" if comments else "approved",
            comments=comments,
            requests=self.record.closure.review.requests + 1,
        )
        self.session.update_section("closure", review=review)
        self.session.flush()
        self._show_review(review)

    def export(self, format: str) -> None:
        if self.session is None or self.scenario is None:
            return
        from casework.report import export_case

        self.session.flush()
        document = export_case(self.record, self.scenario, format)
        label = (
            "Download the case file (HTML)"
            if format == "html"
            else "Download the case file (Markdown)"
        )
        self._exports[format] = ui.export_html(
            f"{self.record.case_id}-case-file.{format}",
            document,
            f"download-{format}",
            label,
            self.student,
        )
        shown = [self._exports[f] for f in ("md", "html") if f in self._exports]
        self.export_message.value = "".join(shown)
