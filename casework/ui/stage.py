"""What every stage app shares: the scenario picker, the open case, the save status.

A stage app subclasses `StageApp`, builds its own sections in `build_sections()`, fills
them for a scenario in `start(scenario)` and shows a saved record in `show_record()`.
The picker remembers the last case, so each app opens where the student left off.
"""

from __future__ import annotations

import atexit

import ipywidgets as widgets

from casework import workspace
from casework.model import CaseRecord, Scenario, StageName
from casework.scenarios import Catalogue, load_catalogue
from casework.session import CURRENT_CASE, CaseSession, SaveStatus
from casework.store import CaseStore
from casework.ui import components as ui
from casework.ui.errors import ErrorPanel, guarded, open_app
from casework.ui.history import HistoryPanel
from casework.ui.learning import StageEnd

# What a student who opens a stage with no case yet (a new ?student=) is told to do first.
FIRST_STEP = (
    "Start by choosing a scenario above. Each stage opens your case where you left it; "
    "a new case begins with intake (stage 1)."
)


class StageApp(widgets.VBox):
    title = "Stage"
    subtitle = ""
    notebook = ""  # the app's notebook, marked as current in the stage bar
    stage: StageName | None = None  # set: the app ends with reflection and the model answer

    def __init__(
        self,
        store: CaseStore | None = None,
        catalogue: Catalogue | None = None,
        autosave_delay: float = 0.6,
        student: str | None = None,
    ):
        super().__init__()
        self.student = student
        self.store = store  # None until the widgets are built (see below)
        self.catalogue = catalogue or load_catalogue()
        self.autosave_delay = autosave_delay
        self.session: CaseSession | None = None
        self.scenario: Scenario | None = None
        self._loading = False

        self.picker = ui.PromptedDropdown(
            options=[("Choose a scenario…", None), *self.catalogue.titles()],
            value=None,
            description="Scenario",
        )
        self.picker.add_class("e2e-scenario")
        self.status = widgets.HTML()
        self.status.add_class("e2e-save-status")
        self.stage_end = StageEnd(self, self.stage) if self.stage else None
        sections = self.build_sections()
        self.history = HistoryPanel(self)
        self.scenario_panel = widgets.VBox(
            [*sections, *([self.stage_end] if self.stage_end else []), self.history]
        )
        self.scenario_panel.layout.display = "none"
        self.errors = ErrorPanel()
        # Whose file, only now: a kernel from a preheated pool has built everything above
        # before anyone asked for the page, and waits here for the request.
        if self.store is None:  # in Voilà: the file of the student named in the address
            self.student, self.store = workspace.for_request(student)
        file_problem = ui.message_html("warning", self.store.problem) if self.store.problem else ""
        self.problems = widgets.HTML(
            file_problem + ui.catalogue_problems_html(self.catalogue.errors)
        )
        self.children = [
            ui.style_sheet(),
            widgets.HTML(ui.nav_html(self.notebook, workspace.link_query(self.student))),
            ui.header(self.title, self.subtitle),
            self.errors,
            self.problems,
            self.picker,
            self.status,
            self.scenario_panel,
        ]
        self.picker.observe(guarded(self._on_pick), "value")
        current = self.store.get_setting(CURRENT_CASE)
        if current in self.catalogue.scenarios:
            self.picker.value = current
        else:
            self.status.value = ui.message_html("info", FIRST_STEP)

    @classmethod
    def launch(cls, **kwargs: object) -> widgets.Widget:
        """The app, or a plain message saying why it cannot open (what a notebook calls)."""
        return open_app(lambda: cls(**kwargs), f"the {cls.title.split('·')[-1].strip()} app")

    # --- for subclasses ---------------------------------------------------------------

    def build_sections(self) -> list[widgets.Widget]:
        raise NotImplementedError

    def start(self, scenario: Scenario) -> None:
        """Build the scenario-specific inputs (called before the record is shown)."""

    def show_record(self, record: CaseRecord) -> None:
        raise NotImplementedError

    def after_open(self, resumed: bool) -> None:
        """Runs once the case is open and shown: e.g. show feedback again on resume."""

    # --- shared -------------------------------------------------------------------------

    @property
    def record(self) -> CaseRecord:
        assert self.session is not None
        return self.session.record

    def edit(self, section: str, **changes: object) -> None:
        """Save changes to a section, unless the widgets are being filled from the record."""
        if self._loading or self.session is None:
            return
        self.session.update_section(section, **changes)

    def refresh(self) -> None:
        """Show the record again (after a change that rebuilds part of the page)."""
        self._show(self.record)

    def _show(self, record: CaseRecord) -> None:
        self._loading = True
        try:
            self.show_record(record)
            if self.stage_end is not None:
                self.stage_end.show(record)
        finally:
            self._loading = False

    def _on_status(self, status: SaveStatus) -> None:
        self.status.value = ui.status_html(status)

    def _on_pick(self, change: dict) -> None:
        if self.session is not None:
            self.session.flush()
        scenario_id = change["new"]
        if scenario_id is None:
            self.session, self.scenario = None, None
            self.scenario_panel.layout.display = "none"
            self.status.value = ui.message_html("info", FIRST_STEP)
            return
        self.scenario = self.catalogue.scenarios[scenario_id]
        self.session = CaseSession(
            self.store,
            scenario_id,
            autosave_delay=self.autosave_delay,
            on_status=self._on_status,
            on_merged=self._show,
        )
        atexit.register(self.session.flush)
        self._loading = True
        try:
            self.start(self.scenario)
            if self.stage_end is not None:
                self.stage_end.start(self.scenario)
            self.history.body.layout.display = "none"  # another case: its own history
        finally:
            self._loading = False
        self._show(self.session.record)
        if self.session.resumed:
            self._on_status(
                SaveStatus(
                    "saved",
                    f"Welcome back: your saved work is loaded (revision {self.session.revision}).",
                )
            )
        else:
            self._on_status(
                SaveStatus("saved", "New case file. Everything you enter is saved as you go.")
            )
        self.after_open(self.session.resumed)
        self.scenario_panel.layout.display = None
