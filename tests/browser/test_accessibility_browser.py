"""Every app passes an automated accessibility audit (axe-core) with a case well under way,
so the audit sees the feedback panels, charts and tables, not just empty forms."""

import pytest
from playwright.sync_api import expect

from casework.progress import STAGES
from tests.browser.conftest import accessibility_problems, keyboard_unreachable, seed_case
from tests.casefiles import ready_to_close

NOTEBOOKS = ["00_start.ipynb", *(stage.notebook for stage in STAGES), "06_interview_prep.ipynb"]


@pytest.fixture(scope="module")
def audited_student(voila_home, catalogue) -> str:
    seed_case(voila_home, ready_to_close(catalogue.scenarios["eviction-family"]), student="axe")
    return "axe"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_serious_or_critical_accessibility_violations(
    page, voila_url, axe_source, audited_student, notebook
):
    page.goto(f"{voila_url}/voila/render/{notebook}?student={audited_student}")
    page.wait_for_selector("#loading", state="detached")
    if notebook == "06_interview_prep.ipynb":  # no scenario: the candidate's own story
        page.locator(".e2e-story textarea").fill("I worked with Maria Lopez on Elm Street.")
        expect(page.locator(".e2e-story-marked mark").first).to_be_visible()
    else:
        page.locator(".e2e-scenario select").select_option(label="A family facing eviction")
    expect(page.locator(".e2e-save-status, .e2e-stages").first).not_to_be_empty()
    buttons = page.locator("button:visible", has_text="Check")
    for index in range(buttons.count()):  # show the feedback panels too
        buttons.nth(index).click()
    page.wait_for_timeout(500)
    assert accessibility_problems(page, axe_source) == []
    assert keyboard_unreachable(page) == []
    assert page.problems == []


def test_the_audit_fails_a_page_with_unlabelled_inputs(page, axe_source):
    page.set_content(
        "<html lang='en'><body><main><input type='text'><img src='x.png'>"
        "<button></button></main></body></html>"
    )
    problems = accessibility_problems(page, axe_source)
    assert any("image-alt" in p for p in problems)
    assert any("button-name" in p for p in problems)
    assert any(p.startswith(("critical", "serious")) and "label" in p for p in problems)


def test_the_keyboard_check_finds_a_control_tab_skips(page):
    page.set_content(
        "<main><input aria-label='first'><button tabindex='-1'>Skipped</button>"
        "<button>Reached</button></main>"
    )
    assert keyboard_unreachable(page) == ["Skipped"]
