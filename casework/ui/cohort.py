"""The instructor's cohort app (07): the class's exported case files by EPAS competency,
the teaching signals, and a page per student, with the files written beside the exports.

It reads the folder as it opens and again at "Read the exports": nobody is asked to run a
cell again. The figures: `casework/cohort_summary.py`; the pages: `casework/cohort_report.py`.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets

from casework.cohort import CohortError
from casework.cohort_report import (
    cohort_body_html,
    report_charts,
    student_section_html,
    student_slug,
    write_cohort_files,
)
from casework.cohort_summary import CohortSummary, cohort_folder, read_cohort, student_name
from casework.report import standalone_page
from casework.ui import components as ui
from casework.ui.errors import ErrorPanel, guarded, open_app

NOTEBOOK = "07_cohort_summary.ipynb"


class StudentPage(widgets.VBox):
    """Pick a student from the class list; their page shows below."""

    def __init__(self) -> None:
        super().__init__()
        self.summary: CohortSummary | None = None
        self.pick = widgets.Select(
            options=[],
            description="Student",
            rows=8,
            style=ui.LABEL_STYLE,
            layout=widgets.Layout(width="95%"),
        )
        self.pick.add_class("e2e-cohort-student")
        self.page = widgets.HTML()
        self.page.add_class("e2e-student-page")
        self.children = [
            widgets.HTML(
                "<h2>One student</h2><p class='cw-muted'>Choose a name to see their "
                "stages, first attempts, competency evidence and reflections.</p>"
            ),
            self.pick,
            self.page,
        ]
        self.pick.observe(guarded(lambda _change: self.show()), "value")

    def load(self, summary: CohortSummary) -> None:
        self.summary = summary
        self.pick.options = [
            (student_name(export, number), number) for number, export in enumerate(summary.exports)
        ]
        self.pick.value = None
        self.page.value = ""

    def show(self) -> None:
        number = self.pick.value
        if self.summary is None or number is None:
            self.page.value = ""
            return
        export = self.summary.exports[number]
        section = student_section_html(export, number)
        name = student_name(export, number)
        page = standalone_page(f"{name}: case file evidence", section)
        link = ui.download_link(
            f"{student_slug(name)}.html", page, "student-download", "Download this page"
        )
        self.page.value = f"<p>{link}</p>{section}"


class CohortApp(widgets.VBox):
    title = "For instructors · A cohort at a glance"

    def __init__(self, folder: Path | None = None):
        super().__init__()
        self.folder = ui.text_input(
            "Folder of exported case files", "a folder of *.json exports", "cohort-folder"
        )
        self.folder.value = str(folder or cohort_folder())
        self.read = ui.check_button("Read the exports", "cohort-read")
        self.status = widgets.HTML()
        self.status.add_class("e2e-cohort-status")
        self.files = widgets.HTML()
        self.files.add_class("e2e-cohort-files")
        self.report = widgets.HTML()
        self.report.add_class("e2e-cohort-report")
        self.student = StudentPage()
        self.errors = ErrorPanel()
        self.children = [
            ui.style_sheet(),
            widgets.HTML(ui.nav_html(NOTEBOOK, "")),
            ui.header(
                self.title,
                "Your class's case files by EPAS competency, the findings to teach again, "
                "and each student's own page.",
            ),
            self.errors,
            self.folder,
            self.read,
            self.status,
            self.files,
            self.report,
            self.student,
        ]
        self.read.on_click(guarded(lambda _b: self.load()))
        self.load()

    @classmethod
    def launch(cls, **kwargs: object) -> widgets.Widget:
        return open_app(lambda: cls(**kwargs), "the cohort app")

    def load(self) -> None:
        folder = Path(self.folder.value.strip()).expanduser()
        try:
            summary, message = read_cohort(folder)
        except CohortError as error:
            self.status.value = ui.message_html("error", f"{error}")
            return
        if not summary.students:
            self.status.value = ui.message_html("info", message)
            self.files.value = self.report.value = ""
            self.student.load(summary)
            return
        self.status.value = ui.message_html("good", message)
        charts = report_charts(summary)  # drawn once, for the page and the files
        written = write_cohort_files(summary, folder, charts=charts)
        self.files.value = (
            "<div class='cw-panel cw-good' role='status'>The report, the gradebook and a "
            f"page per student are saved in <code>{escape(str(folder))}</code> "
            f"(<code>{escape(written.html.name)}</code>, <code>{escape(written.gradebook.name)}"
            f"</code>, <code>{escape(written.students.name)}/</code>). Download: "
            + ui.download_link(
                written.gradebook.name,
                written.gradebook.read_text(encoding="utf-8"),
                "gradebook",
                "gradebook (CSV)",
            )
            + " · "
            + ui.download_link(
                written.html.name,
                written.html.read_text(encoding="utf-8"),
                "cohort-page",
                "the report (HTML)",
            )
            + "</div>"
        )
        self.report.value = cohort_body_html(summary, student_pages=False, charts=charts)
        self.student.load(summary)
