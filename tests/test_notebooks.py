"""Notebooks stay thin and clean, and match the text that writes them."""

import importlib.util
import json
import re
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_notebooks", REPO / "scripts" / "make_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path):
    cells = json.loads(path.read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_thin(path: Path):
    cells = nbformat.read(path, as_version=4).cells
    code = [c.source for c in cells if c.cell_type == "code"]
    assert len(code) <= 2
    for source in code:
        assert not re.search(r"^\s*(def|class|for|while|if)\b", source, re.MULTILINE), source
        assert len(source.splitlines()) <= 4


def test_notebooks_match_their_generator():
    generator = _generator()
    expected = {
        "00_start.ipynb": generator.landing(),
        "01_intake.ipynb": generator.intake(),
        "02_assessment.ipynb": generator.assessment(),
        "03_care_plan.ipynb": generator.care_plan(),
        "04_monitoring.ipynb": generator.monitoring(),
        "05_closure.ipynb": generator.closure(),
        "06_interview_prep.ipynb": generator.interview_prep(),
        "07_cohort_summary.ipynb": generator.cohort_summary(),
    }
    assert sorted(expected) == [p.name for p in NOTEBOOKS]
    for name, notebook in expected.items():
        assert notebook.cells == nbformat.read(REPO / "notebooks" / name, as_version=4).cells, name


def test_every_stage_app_has_its_notebook_and_the_start_page_lists_it():
    from casework.progress import STAGES

    apps = [
        p.name
        for p in NOTEBOOKS
        if p.name not in {"00_start.ipynb", "06_interview_prep.ipynb", "07_cohort_summary.ipynb"}
    ]
    assert [stage.notebook for stage in STAGES] == apps
