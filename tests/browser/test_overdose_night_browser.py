"""The eviction case's overdose night in Voilà (issue 14): a student who only chooses
"reassess" is held at the gate and told what is missing; a complete safety response lets
the case move on; the exported case file shows the safety response."""

from playwright.sync_api import expect

from tests.browser.conftest import layout_problems, open_app, screenshot, seed_case
from tests.browser.test_intake_browser import choose
from tests.browser.test_monitoring_browser import answer_safety, next_event
from tests.casefiles import monitored


def test_the_overdose_night_needs_a_safety_response_before_the_case_moves_on(
    page, voila_url, voila_home, catalogue, tmp_path
):
    eviction = catalogue.scenarios["eviction-family"]
    record = monitored(eviction, shown=4)
    monitoring = record.monitoring.model_copy(update={"safety": {}})
    seed_case(voila_home, record.model_copy(update={"monitoring": monitoring}))
    open_app(page, voila_url, "04_monitoring.ipynb")
    choose(page, "A family facing eviction")
    expect(page.locator(".e2e-event-3")).to_be_visible()
    next_event(page)
    expect(page.locator(".e2e-event-4")).to_contain_text("Day 24")

    # Only "reassess", with a domain rescored: the crisis is answered, the danger is not.
    crisis = page.locator(".e2e-sign-crisis-4")
    crisis.get_by_role("radio", name="Reassess the domains it touches").check()
    crisis.locator(".e2e-domain-health .e2e-score").get_by_role("radio").first.check()
    expect(crisis.locator(".e2e-sign-status")).to_contain_text("Reassessed")
    next_event(page)
    message = page.locator(".e2e-next-message")
    expect(message).to_contain_text("The case cannot move on yet")
    expect(message).to_contain_text("Someone may be in danger")
    for missing in ("immediate safety", "supervisor consult", "report decision", "documentation"):
        expect(message).to_contain_text(missing)
    expect(page.locator(".e2e-event-5")).to_have_count(0)
    expect(page.locator(".e2e-sign-safety-4 .e2e-safety-key")).to_be_empty()  # no key yet
    screenshot(page, "overdose-night-held")

    answer_safety(page)
    expect(page.locator(".e2e-sign-safety-4 .e2e-safety-key")).to_contain_text(
        "Your decision matches the answer key"
    )
    next_event(page)
    expect(page.locator(".e2e-event-5")).to_be_visible()
    screenshot(page, "overdose-night-answered")
    assert layout_problems(page) == []

    open_app(page, voila_url, "05_closure.ipynb")
    choose(page, "A family facing eviction")
    page.locator(".e2e-export-html").click()
    link = page.locator("a.e2e-download-html")
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(target)
    html = target.read_text(encoding="utf-8")
    assert "Safety response, day 24" in html
    assert "Report to Child Protective Services (CPS) on day 24" in html
    assert "at her sister&#x27;s" in html or "at her sister's" in html


def test_the_safety_card_and_closure_read_well_on_a_phone(
    browser, voila_url, voila_home, catalogue
):
    """At 390 px wide, labels sit above their fields: nothing cut short or drawn over."""
    eviction = catalogue.scenarios["eviction-family"]
    record = monitored(eviction, shown=5)
    monitoring = record.monitoring.model_copy(update={"safety": {}})
    seed_case(voila_home, record.model_copy(update={"monitoring": monitoring}), student="phone")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        for notebook in ("04_monitoring.ipynb", "05_closure.ipynb"):
            page.goto(f"{voila_url}/voila/render/{notebook}?student=phone")
            page.wait_for_selector("#loading", state="detached")
            choose(page, "A family facing eviction")
            if notebook.startswith("04"):
                expect(page.locator(".e2e-sign-safety-4 .e2e-safety-immediate")).to_be_visible()
            assert layout_problems(page) == [], notebook
    finally:
        context.close()
