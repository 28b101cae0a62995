"""Every app on a phone (issue 18): at 390×844, with a case under way, every control is on
screen and no label, choice or button text is cut short. Screenshots are saved for a
person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from casework.session import CURRENT_CASE
from casework.store import CaseStore
from tests.browser.conftest import (
    STUDENT_APPS,
    layout_problems,
    screenshot,
    seed_case,
    serving,
)
from tests.casefiles import monitored

PHONE = {"width": 390, "height": 844}
# and the instructor's app: this server runs for an instructor
APPS = (*STUDENT_APPS, "07_cohort_summary.ipynb")


@pytest.fixture(scope="module")
def phone_server(browser, catalogue, tmp_path_factory) -> str:
    home = tmp_path_factory.mktemp("phone")
    eviction = catalogue.scenarios["eviction-family"]
    seed_case(home, monitored(eviction, shown=5), student="phone")
    CaseStore(home / "students" / "phone.sqlite3").set_setting(CURRENT_CASE, eviction.id)
    with serving(home, name="phone", CASEWORK_INSTRUCTOR="yes") as url:
        yield url


@pytest.mark.parametrize("notebook", APPS)
def test_every_app_fits_a_phone_with_a_case_under_way(browser, phone_server, notebook):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{phone_server}/voila/render/{notebook}?student=phone")
        page.wait_for_selector("#loading", state="detached")
        if notebook.startswith(("01", "02", "03", "04", "05")):
            expect(page.locator(".e2e-save-status")).to_contain_text("Welcome back")
        page.wait_for_timeout(1500)  # charts and late panels settle
        problems = layout_problems(page)
        screenshot(page, f"phone-{notebook.split('.')[0]}")
        assert problems == [], f"{notebook}: " + "; ".join(problems)
    finally:
        context.close()

