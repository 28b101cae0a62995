"""The landing page: choose or resume a scenario, see the lifecycle and how far the case is.

Choosing a scenario here makes it the open case, so every stage app opens on it.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from casework import workspace
from casework.model import Scenario
from casework.progress import INTERVIEW_NOTEBOOK, STAGES, StageProgress, case_progress
from casework.scenarios import Catalogue, load_catalogue
from casework.session import CURRENT_CASE, case_id_for
from casework.store import CaseStore
from casework.ui import components as ui
from casework.ui.errors import ErrorPanel, guarded, open_app

# Each state in words and a symbol, never colour alone.
_STATE = {
    "done": ("✓", "Done", "cw-good"),
    "started": ("◐", "Started", "cw-info"),
    "not_started": ("○", "Not started", ""),
}


def about(minutes: int) -> str:
    """An estimate in words: "about 3½ hours", "about 45 minutes"."""
    if minutes < 60:
        return f"about {minutes} minutes"
    halves = round(minutes / 30)
    hours, half = divmod(halves, 2)
    return f"about {hours}{'½' if half else ''} hour{'s' if halves > 2 else ''}"


def library_html(shown: list[tuple[str, str]], catalogue: Catalogue) -> str:
    """The scenarios to choose from, each with its field of practice, level and time."""
    rows = []
    for title, scenario_id in shown:
        scenario = catalogue.scenarios[scenario_id]
        facts = [
            scenario.practice_area,
            (scenario.level or "").capitalize(),
            about(scenario.minutes) if scenario.minutes else "",
        ]
        rows.append(
            f"<li><b>{escape(title)}</b>: "
            f"{escape(' · '.join(f for f in facts if f) or scenario.setting)}</li>"
        )
    return f"<ul class='cw-library'>{''.join(rows)}</ul>" if rows else ""


def stage_rows_html(progress: list[StageProgress], query: str) -> str:
    """The lifecycle as an ordered list: each stage's state, what is next, and its link."""
    items = []
    for number, item in enumerate(progress, start=1):
        symbol, word, css = _STATE[item.state]
        stage = item.stage
        href = escape(stage.notebook + query, quote=True)
        next_line = (
            f"<span class='cw-muted'>Next: {escape(item.next_item)}.</span>"
            if item.next_item
            else "<span class='cw-muted'>Everything this stage asks for is in the case file.</span>"
        )
        items.append(
            f"<li class='cw-panel {css} cw-stage e2e-stage-{escape(stage.key)}'>"
            f"<span class='cw-tag e2e-stage-state'>{symbol} {word}</span> · "
            f"<a href='{href}'><b>{number}. {escape(stage.title)}</b></a>"
            f" <span class='cw-muted'>({escape(stage.practises)})</span><br>{next_line}</li>"
        )
    return f"<ol class='cw-stages' aria-label='Stages of this case'>{''.join(items)}</ol>"


def _unopened_rows_html(query: str) -> str:
    items = "".join(
        f"<li class='cw-panel cw-stage'><a href='{escape(s.notebook + query, quote=True)}'>"
        f"<b>{n}. {escape(s.title)}</b></a> <span class='cw-muted'>({escape(s.practises)})</span></li>"
        for n, s in enumerate(STAGES, start=1)
    )
    return f"<ol class='cw-stages' aria-label='Stages'>{items}</ol>"


def scenario_html(scenario: Scenario) -> str:
    return (
        f"<div class='cw-panel cw-info e2e-scenario-summary'><b>{escape(scenario.title)}</b> · "
        f"{escape(scenario.setting)}<br>{escape(scenario.summary)}</div>"
    )


class LandingApp(widgets.VBox):
    def __init__(
        self,
        store: CaseStore | None = None,
        catalogue: Catalogue | None = None,
        student: str | None = None,
    ):
        super().__init__()
        if store is None:
            student, store = workspace.for_request(student)
        self.store = store
        self.student = student
        self.catalogue = catalogue or load_catalogue()
        self.query = workspace.link_query(student)
        saved = set(self.store.case_ids())
        self.picker = ui.PromptedDropdown(
            options=[("Choose a scenario…", None), *self.catalogue.titles()],
            value=None,
            description="Scenario",
        )
        self.picker.add_class("e2e-scenario")
        self.area = ui.PromptedDropdown(
            options=[
                ("All fields of practice", None),
                *((a, a) for a in self.catalogue.practice_areas()),
            ],
            description="Field",
        )
        self.area.add_class("e2e-practice-area")
        self.area.observe(guarded(self._on_area), "value")
        self.library = widgets.HTML(library_html(self.catalogue.titles(), self.catalogue))
        self.library.add_class("e2e-library")
        self.saved_note = widgets.HTML(self._saved_html(saved))
        self.summary = widgets.HTML()
        self.stages = widgets.HTML(_unopened_rows_html(self.query))
        self.stages.add_class("e2e-stages")
        self.errors = ErrorPanel()
        self.problems = widgets.HTML(ui.catalogue_problems_html(self.catalogue.errors))
        who = f"These are the case files of <b>{escape(student)}</b>. " if student else ""
        self.children = [
            ui.style_sheet(),
            widgets.HTML(
                f"<p class='cw-lead'>{who}Each stage opens the chosen case where you left it.</p>"
            ),
            self.errors,
            self.problems,
            self.area,
            self.library,
            self.picker,
            self.saved_note,
            self.summary,
            ui.section_title(
                1,
                "The lifecycle of your case",
                "Intake → assessment → care plan → "
                "monitoring → closure. Each stage says what it still needs.",
            ),
            self.stages,
            ui.section_title(
                2,
                "Preparing for an interview",
                "Turn a case into a sanitized example and rehearse the usual questions.",
            ),
            widgets.HTML(
                f"<p><a class='e2e-interview-link cw-button-link' href='{INTERVIEW_NOTEBOOK}"
                f"{escape(self.query, quote=True)}'>Open interview practice</a></p>"
            ),
        ]
        self.picker.observe(guarded(self._on_pick), "value")
        current = self.store.get_setting(CURRENT_CASE)
        if current in self.catalogue.scenarios:
            self.picker.value = current

    @classmethod
    def launch(cls, **kwargs: object) -> widgets.Widget:
        return open_app(lambda: cls(**kwargs), "the workbook's start page")

    def _saved_html(self, saved: set[str]) -> str:
        titles = [
            s.title for sid, s in self.catalogue.scenarios.items() if case_id_for(sid) in saved
        ]
        if not titles:
            return "<p class='cw-muted'>No case started yet: everything you enter is saved as you go.</p>"
        return (
            "<p class='cw-muted e2e-saved-cases'>You have work saved on: "
            + ", ".join(f"“{escape(t)}”" for t in titles)
            + ".</p>"
        )

    def _on_area(self, change: dict) -> None:
        """Only the scenarios of one field of practice, in the list and in the picker (the
        open case stays in the picker, so filtering never closes it)."""
        shown = self.catalogue.titles(change["new"])
        self.library.value = library_html(shown, self.catalogue)
        current = self.picker.value
        keep = [(t, i) for t, i in self.catalogue.titles() if i == current and (t, i) not in shown]
        self.picker.options = [("Choose a scenario…", None), *shown, *keep]
        self.picker.value = current

    def _on_pick(self, change: dict) -> None:
        scenario_id = change["new"]
        if scenario_id is None:
            self.summary.value = ""
            self.stages.value = _unopened_rows_html(self.query)
            return
        scenario = self.catalogue.scenarios[scenario_id]
        case_id = case_id_for(scenario_id)
        self.store.set_setting(CURRENT_CASE, case_id)
        latest = self.store.latest(case_id)
        self.summary.value = scenario_html(scenario)
        self.stages.value = stage_rows_html(
            case_progress(latest.record if latest else None, scenario), self.query
        )
