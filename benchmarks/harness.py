"""What the browser benchmarks share: a served copy of the notebooks beside a bare one,
seeded case files, and Chromium started the way the browser tests start it.

The bare notebook is the baseline every app is compared with: one Text, one Button and
one HTML widget, served by the same Voilà in the same run.
"""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the test suite's worked case files seed realistic cases

from casework.progress import INTERVIEW_NOTEBOOK, STAGES  # noqa: E402
from casework.scenarios import load_catalogue  # noqa: E402
from casework.session import CURRENT_CASE  # noqa: E402
from casework.store import CaseStore  # noqa: E402
from tests.browser.conftest import (  # noqa: E402, F401 (as the tests do)
    CHROMIUM_FLAGS,
    _chromium,
    watch_for_problems,
)

BARE = "bare.ipynb"
APPS = ["00_start.ipynb", *(stage.notebook for stage in STAGES), INTERVIEW_NOTEBOOK]
SCENARIO_TITLE = "A family facing eviction"
BARE_CODE = """import ipywidgets as widgets

text = widgets.Text(description="Text")
button = widgets.Button(description="Check")
output = widgets.HTML()
output.add_class("bare-output")
button.on_click(lambda _b: setattr(output, "value", f"Checked: {text.value or 'nothing yet'}"))
widgets.VBox([text, button, output])"""
# What "interactive" means: the first control is on screen and no error is shown.
FIRST_CONTROL = ":is(input, textarea, select, button):visible"
ERROR_TEXTS = ("Traceback", "There was an error", "Something went wrong", "cannot open")


def error_shown(page) -> str | None:
    """The first sign of failure on the page, if any."""
    text = page.locator("body").inner_text()
    return next((marker for marker in ERROR_TEXTS if marker in text), None)


def served_notebooks(folder: Path) -> Path:
    """The workbook's notebooks and the bare baseline, side by side in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (REPO / "notebooks").glob("*.ipynb"):
        shutil.copy(path, folder)
    bare = new_notebook(
        cells=[new_code_cell(BARE_CODE)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    nbformat.write(bare, folder / BARE)
    return folder


def seeded_case_file(home: Path) -> Path:
    """A student file holding a whole worked case, open on its scenario: the heaviest page
    each app draws. Copied to a new student's name for every run."""
    from tests.casefiles import ready_to_close

    scenario = load_catalogue().scenarios["eviction-family"]
    path = home / "seed.sqlite3"
    store = CaseStore(path)
    store.save(ready_to_close(scenario), None)
    store.set_setting(CURRENT_CASE, scenario.id)
    return path


def give_student(home: Path, student: str, seed: Path | None) -> None:
    folder = home / "students"
    folder.mkdir(parents=True, exist_ok=True)
    if seed is not None:
        shutil.copy(seed, folder / f"{student}.sqlite3")


def chromium():
    """Debian's Chromium, as the browser tests use it; a clear message when missing."""
    found = _chromium()
    if not found:
        sys.exit("Chromium not found: install it with `sudo apt-get install -y chromium`.")
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
