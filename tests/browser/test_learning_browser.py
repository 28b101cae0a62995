"""Learning from the answer key in Voilà (issue 16): the model answer stays hidden until
the student says "I'm done with this stage"; then it sits beside their work; the first
attempt is kept when they edit afterwards; reflections are saved and exported. And the
instructor's cohort app for a class of 25: the competency chart, one student's page, and
no "nan" or raw ids anywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from casework.cohort import case_export
from casework.model import CaseRecord, Learning
from casework.report import export_case
from casework.store import CaseStore
from tests.browser.conftest import layout_problems, open_app, screenshot, serving
from tests.browser.test_intake_browser import choose
from tests.casefiles import monitored, ready_to_close

STUDENT = "learner-loop"


def _page_text(page) -> str:
    return page.locator("body").inner_text()


def test_the_model_answer_waits_for_the_commit_and_the_first_attempt_is_kept(
    page, voila_url, voila_home, catalogue
):
    eviction = catalogue.scenarios["eviction-family"]
    key = eviction.instructor_notes.answer_key
    open_app(page, voila_url, f"01_intake.ipynb?student={STUDENT}")
    choose(page, "A family facing eviction")
    first = "Client has a ten-day notice. She said: “I can't have my kids sleeping in the car.”"
    page.locator(".e2e-presenting-issue textarea").fill(first)
    feeling = "I felt my chest tighten when she said the kids might sleep in the car."
    page.locator(".e2e-reflection-felt textarea").fill(feeling)
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved")

    text = _page_text(page)
    for secret in (key.intake_reflection, key.intake_why, eviction.instructor_notes.model_presenting_issue):
        assert secret[:60] not in text, secret
    expect(page.locator(".e2e-model-answer")).to_have_text("")
    screenshot(page, "intake-before-commit")

    page.locator("button.e2e-stage-done").click()
    answer = page.locator(".e2e-model-answer")
    expect(answer).to_contain_text("your work beside the model answer")
    expect(answer).to_contain_text(key.intake_why[:50])
    expect(answer.locator(".e2e-yours").nth(1)).to_contain_text("ten-day notice")
    expect(page.locator("button.e2e-stage-done")).to_be_hidden()
    screenshot(page, "intake-model-answer")

    revised = first + " Rent is two months behind."
    page.locator(".e2e-presenting-issue textarea").fill(revised)
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved")
    page.reload()
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-model-answer")).to_contain_text("You have revised this stage since")
    expect(page.locator(".e2e-reflection-felt textarea")).to_have_value(feeling)
    assert layout_problems(page) == []

    record = CaseStore(voila_home / "students" / f"{STUDENT}.sqlite3").latest(eviction.id).record
    kept = record.learning.committed["intake"]
    assert kept.first_attempt["presenting_issue"] == first
    assert record.intake.presenting_issue == revised
    exported = export_case(record, eviction, "md")
    assert feeling in exported and "Intake: committed" in exported and "revised since" in exported
    assert page.problems == []


def _class_of_25(folder: Path, eviction) -> None:
    learning = Learning.model_validate(
        {
            "reflections": {"closure": {"felt": "Relief, and some worry about the sister."}},
            "committed": {"closure": {"revision": 4, "first_attempt": {}}},
        }
    )
    records = [
        ready_to_close(eviction).model_copy(update={"learning": learning}),
        monitored(eviction),
        CaseRecord(case_id=eviction.id, scenario_id=eviction.id),
    ]
    folder.mkdir(parents=True)
    for number in range(25):
        name = f"student-{number + 1:02d}"
        export = case_export(records[number % 3], eviction, name)
        (folder / f"{name}.json").write_text(json.dumps(export), encoding="utf-8")


def test_a_class_server_does_not_show_students_the_cohort_page(page, voila_url):
    """Issue 17: the cohort summary reads every student's export; a class's server says
    it is for instructors instead of rendering it (no kernel is started for it)."""
    response = page.goto(f"{voila_url}/voila/render/07_cohort_summary.ipynb")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="This page is for instructors")).to_be_visible()
    expect(page.locator("body")).to_contain_text("casework serve --instructor")


def test_the_cohort_app_for_25_students_by_competency_and_one_students_page(
    page, catalogue, tmp_path
):
    eviction = catalogue.scenarios["eviction-family"]
    folder = tmp_path / "class-exports"
    _class_of_25(folder, eviction)
    (tmp_path / "instructor").mkdir()
    with serving(tmp_path / "instructor", name="instructor", CASEWORK_INSTRUCTOR="yes") as url:
        _read_the_class(page, url, folder)


def _read_the_class(page, voila_url: str, folder: Path) -> None:
    open_app(page, voila_url, "07_cohort_summary.ipynb")
    page.locator(".e2e-cohort-folder input").fill(str(folder))
    page.locator("button.e2e-cohort-read").click()
    expect(page.locator(".e2e-cohort-status")).to_contain_text("Read 25 exported case file(s)")

    report = page.locator(".e2e-cohort-report")
    chart = report.locator("figure img").first
    expect(chart).to_have_attribute("alt", re.compile(r"^Students who met each EPAS behavior"))
    assert chart.evaluate("img => img.complete && img.naturalWidth > 300")
    expect(report).to_contain_text("Competency 7")
    expect(report).to_contain_text("re-teach")
    expect(page.locator(".e2e-cohort-files")).to_contain_text("gradebook.csv")
    assert (folder / "gradebook.csv").read_text().count("\n") == 26
    screenshot(page, "cohort-competencies")

    page.locator(".e2e-cohort-student select").select_option(label="student-01")
    student = page.locator(".e2e-student-page")
    expect(student).to_contain_text("student-01")
    expect(student).to_contain_text("Competency evidence")
    expect(student).to_contain_text("Relief, and some worry about the sister.")

    text = _page_text(page)
    for raw in ("nan", "NaN", "not_yet", "ready_with_conditions", "not_started", "basic_needs", "sent_back", "None"):
        assert not re.search(rf"\b{raw}\b", text), raw
    assert "run this cell again" not in text
    assert layout_problems(page) == []
    assert page.problems == []
