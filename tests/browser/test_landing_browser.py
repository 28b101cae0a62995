"""The start page at the server's root, each student's own case files, and failures as
plain messages."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPO, layout_problems, screenshot, serving

EVICTION = "A family facing eviction"


def wait_for_app(page) -> None:
    page.wait_for_selector("#loading", state="detached")


def test_pick_a_scenario_open_a_stage_and_come_back_to_see_it_started(page, voila_url):
    page.goto(f"{voila_url}/?student=lee")
    wait_for_app(page)
    assert page.url.endswith("/voila/render/00_start.ipynb?student=lee")
    expect(page.get_by_text("No case started yet")).to_be_visible()
    page.locator(".e2e-scenario select").select_option(label=EVICTION)
    intake = page.locator(".e2e-stage-intake")
    expect(intake.locator(".e2e-stage-state")).to_have_text("○ Not started")
    expect(intake).to_contain_text("Next: write the presenting issue in the client's words.")
    assert layout_problems(page) == []
    screenshot(page, "00_start")

    intake.get_by_role("link", name="1. Intake").click()
    wait_for_app(page)
    assert page.url.endswith("/voila/render/01_intake.ipynb?student=lee")
    # the scenario chosen on the start page is the open case here
    expect(page.locator(".e2e-briefing")).to_contain_text(EVICTION)
    page.locator(".e2e-presenting-issue textarea").fill(
        "She said: “We got a ten-day notice and I have nowhere to take the kids.”"
    )
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")

    page.get_by_role("navigation", name="Workbook stages").get_by_role(
        "link", name="All stages"
    ).click()
    wait_for_app(page)
    assert page.url.endswith("/voila/render/00_start.ipynb?student=lee")
    expect(page.locator(".e2e-scenario select option:checked")).to_have_text(EVICTION)
    intake = page.locator(".e2e-stage-intake")
    expect(intake.locator(".e2e-stage-state")).to_have_text("◐ Started")
    expect(intake).to_contain_text("Next: decide every eligibility criterion.")
    expect(page.locator(".e2e-stage-assessment .e2e-stage-state")).to_have_text("○ Not started")
    expect(page.locator(".e2e-saved-cases")).to_contain_text(EVICTION)
    assert page.problems == []


def test_another_student_does_not_see_that_work(page, voila_url):
    page.goto(f"{voila_url}/?student=kim")
    wait_for_app(page)
    expect(page.get_by_text("No case started yet")).to_be_visible()
    page.goto(f"{voila_url}/voila/render/01_intake.ipynb?student=kim")
    wait_for_app(page)
    page.locator(".e2e-scenario select").select_option(label=EVICTION)
    expect(page.locator(".e2e-save-status")).to_contain_text("New case file")
    expect(page.locator(".e2e-presenting-issue textarea")).to_have_value("")
    assert page.problems == []


def test_a_name_that_cannot_be_a_file_gets_a_plain_message(page, voila_url, voila_home):
    page.goto(f"{voila_url}/voila/render/02_assessment.ipynb?student=../../etc")
    wait_for_app(page)
    expect(page.get_by_role("alert")).to_contain_text("cannot be used as a student name")
    expect(page.get_by_role("alert")).to_contain_text("for example ?student=ana-3")
    assert "Traceback" not in page.content()
    # the details are in the server's log, for the trainer
    log = (voila_home / "voila.log").read_text(encoding="utf-8")
    assert "while opening the Assessment app" in log and "WorkspaceError" in log


@pytest.fixture(scope="module")
def broken_catalogue_url(chromium_path, tmp_path_factory):
    """A server whose scenario folder holds the shipped files and one with a mistake."""
    folder = tmp_path_factory.mktemp("scenarios")
    for path in (REPO / "scenarios").glob("*.yaml"):
        shutil.copy(path, folder)
    text = (REPO / "scenarios" / "eviction_family.yaml").read_text(encoding="utf-8")
    broken = text.replace("id: eviction-family", "id: broken-copy", 1).replace(
        "\n  age: ", "\n  age: thirty-four # was ", 1
    )
    assert broken != text
    (folder / "broken_copy.yaml").write_text(broken, encoding="utf-8")
    home = tmp_path_factory.mktemp("home")
    with serving(Path(home), name="voila-broken", CASEWORK_SCENARIOS=str(folder)) as url:
        yield url


@pytest.mark.parametrize("notebook", ["00_start.ipynb", "01_intake.ipynb"])
def test_a_broken_scenario_file_is_named_in_plain_words(page, broken_catalogue_url, notebook):
    page.goto(f"{broken_catalogue_url}/voila/render/{notebook}")
    wait_for_app(page)
    problems = page.locator(".e2e-catalogue-problems")
    expect(problems).to_contain_text("Some scenario files could not be loaded")
    expect(problems).to_contain_text("broken_copy.yaml")
    expect(problems).to_contain_text("client.age")
    assert "Traceback" not in page.content()
    # the good scenarios still work
    page.locator(".e2e-scenario select").select_option(label=EVICTION)
    assert page.problems == []


def test_the_start_page_filters_the_cases_by_field_of_practice(page, voila_url):
    page.goto(f"{voila_url}/voila/render/00_start.ipynb?student=picker")
    wait_for_app(page)
    library = page.locator(".e2e-library")
    expect(library).to_contain_text("An older adult living alone")
    expect(library).to_contain_text("Aging and adult protective services · Advanced")
    page.locator(".e2e-practice-area select").select_option(label="Housing and homelessness")
    expect(library).not_to_contain_text("An older adult living alone")
    expect(library).to_contain_text("A family facing eviction")
    options = page.locator(".e2e-scenario select option")
    expect(options).to_have_text(["Choose a scenario…", "A family facing eviction"])
