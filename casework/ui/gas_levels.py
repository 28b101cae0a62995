"""The Goal Attainment Scaling levels of one goal, written in the care plan before any
review, and shown again beside each goal when it is reviewed in monitoring.

Writing what −2 … +2 would look like in advance is what makes a review a measure and not
an opinion (Kiresuk & Sherman 1968). The widgets only display and collect: what counts
as written, and why, is `casework.checks.gas.check_gas_levels`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

import ipywidgets as widgets

from casework.checks.findings import Report
from casework.checks.gas import check_gas_levels, gas_level_names, signed_level
from casework.model import Goal
from casework.ui import components as ui
from casework.ui.errors import guarded

# from the worst outcome to the best, as a follow-up guide is read
LEVEL_KEYS = ("-2", "-1", "0", "1", "2")


class GasLevelsEditor(widgets.VBox):
    """Five short texts, one a level, with the check's feedback under them.

    `on_change` gets every written level ("-2".."2" → text) after each edit; the caller
    saves it to the record. `show` fills the fields from the record.
    """

    def __init__(self, on_change: Callable[[dict[str, str]], None]):
        super().__init__()
        self.add_class("e2e-gas-levels")
        names = gas_level_names()
        self.fields: dict[str, widgets.Text] = {}
        for level in LEVEL_KEYS:
            field = ui.text_input(
                f"GAS level {signed_level(level)}",
                f"{names[int(level)]}: what would you see by the review?",
                f"gas-level-{level.replace('-', 'minus')}",
            )
            field.observe(guarded(lambda _c: self._changed()), "value")
            self.fields[level] = field
        self._on_change = on_change
        self._after_review = Report()  # said once the goal has been scored at a review
        self.feedback = ui.feedback_panel("gas-levels-feedback")
        self.children = [
            widgets.HTML(
                "<p><b>How will you both know how it went?</b> Write, with the client and "
                "before any review, what each Goal Attainment Scaling level would look like: "
                "0 the outcome you both think most likely, −2 and +2 real surprises either "
                "way. The reviews in monitoring are scored against these words.</p>"
            ),
            *self.fields.values(),
            self.feedback,
        ]

    def levels(self) -> dict[str, str]:
        return {level: f.value for level, f in self.fields.items() if f.value.strip()}

    def show(self, levels: Mapping[str, str], after_review: Report | None = None) -> None:
        """Fill the fields from the record (the caller suppresses saving meanwhile);
        `after_review` is `checks.gas.check_levels_after_review` for this goal."""
        self._after_review = after_review or Report()
        for level, field in self.fields.items():
            field.value = levels.get(level, "")
        self.show_feedback()

    def show_feedback(self) -> None:
        report = check_gas_levels(Goal(gas_levels=self.levels()))  # type: ignore[arg-type]
        after = ui.report_html(self._after_review) if self._after_review.findings else ""
        self.feedback.value = after + ui.report_html(report)

    def _changed(self) -> None:
        self._on_change(self.levels())
        self.show_feedback()


def levels_html(goal: Goal) -> str:
    """A goal's written levels, for the reviewer to score against; blanks said to be so."""
    names, written = gas_level_names(), goal.gas_levels
    rows = []
    for level in LEVEL_KEYS:
        text = written.get(level, "").strip()  # type: ignore[call-overload]
        shown = escape(text) if text else "<i>blank: between the levels either side</i>"
        name = escape(names[int(level)].lower())
        rows.append(f"<li><b>{signed_level(level)}</b> <small>({name})</small>: {shown}</li>")
    return f"<ul class='cw-checklist e2e-gas-written'>{''.join(rows)}</ul>"
