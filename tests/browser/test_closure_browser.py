"""05_closure in Voilà: an early request is sent back with the missing items, the student
fixes them and the closure is approved, then downloads the case file as one HTML page."""

import re

from playwright.sync_api import expect

from casework.model import ClosureWork
from tests.browser.conftest import layout_problems, open_app, screenshot, seed_case
from tests.browser.test_intake_browser import choose
from tests.casefiles import ready_to_close


def test_closure_sent_back_then_approved_and_exported(
    page, voila_url, voila_home, catalogue, tmp_path
):
    eviction = catalogue.scenarios["eviction-family"]
    seed_case(voila_home, ready_to_close(eviction).model_copy(update={"closure": ClosureWork()}))
    open_app(page, voila_url, "05_closure.ipynb")
    choose(page, "A family facing eviction")
    expect(page.locator(".e2e-verdict")).to_have_count(0)  # the student's own call comes first

    page.locator("button.e2e-request-closure").click()
    review = page.locator(".e2e-supervisor-review")
    expect(review).to_contain_text("Sent back")
    for missing in ("Advance notice given", "Follow-up planned", "Give your own judgement"):
        expect(review).to_contain_text(missing)

    page.locator(".e2e-judgement").get_by_role("radio", name="Ready to close").check()
    page.locator(".e2e-judgement-reason textarea").fill(
        "The rent is current, the budget holds and her sister helps every week."
    )
    expect(page.locator(".e2e-verdict")).to_contain_text("Ready to close")
    page.locator(".e2e-notice-day input").fill("70")
    page.locator(".e2e-closing-day input").fill("90")
    page.locator(".e2e-progress-reviewed input").check()
    page.locator(".e2e-crisis-plan textarea").fill(
        "If rent is late again, Marisol calls the Rent Relief Fund in the first week."
    )
    page.locator(".e2e-handoff textarea").fill(
        "Hillcrest Church Pantry: walk in on Tuesday or Saturday mornings."
    )
    page.locator(".e2e-follow-up input").fill("The case manager will phone Marisol on day 120.")
    page.locator(".e2e-closure-reason input").fill(
        "Goals met: housing is stable and natural supports are in place."
    )
    page.locator(".e2e-exit-destination select").select_option(label="Permanent housing situation")
    expect(review).to_be_empty()  # a change reopens the review
    page.locator("button.e2e-draft-summary").click()
    expect(page.locator(".e2e-summary textarea")).to_have_value(
        re.compile("^Closure summary: Marisol Vega")
    )
    page.locator("button.e2e-request-closure").click()
    expect(review).to_contain_text("Approved")

    page.locator(".e2e-export-html").click()
    link = page.locator("a.e2e-download-html")
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(target)
    html = target.read_text(encoding="utf-8")
    assert target.name == "eviction-family-case-file.html"
    for heading in ("1. Intake", "2. Assessment", "4. Monitoring", "Supervisor review: approved."):
        assert heading in html
    assert html.count("data:image/png;base64,") == 4
    screenshot(page, "05_closure")
    assert layout_problems(page) == []
    assert page.problems == []
