"""The learning loop in Voilà (issue 13, item 18): the student makes their own call before
the product shows its verdict. Closure hides the record's verdict until the student has
judged and said why; monitoring does not mark a sign "Reassessed" until a domain has been
scored again."""

from playwright.sync_api import expect

from casework.model import ClosureWork
from tests.browser.conftest import open_app, screenshot, seed_case
from tests.browser.test_intake_browser import choose
from tests.browser.test_monitoring_browser import next_event
from tests.casefiles import planned, ready_to_close


def test_closure_verdict_appears_only_after_the_students_own_call(
    page, voila_url, voila_home, catalogue
):
    eviction = catalogue.scenarios["eviction-family"]
    seed_case(voila_home, ready_to_close(eviction).model_copy(update={"closure": ClosureWork()}))
    open_app(page, voila_url, "05_closure.ipynb")
    choose(page, "A family facing eviction")
    indicators = page.locator(".e2e-indicators")
    expect(indicators).to_contain_text("once you have made your own call")
    expect(page.locator(".e2e-verdict")).to_have_count(0)
    screenshot(page, "closure-before-own-call")

    page.locator(".e2e-judgement").get_by_role("radio", name="Ready to close").check()
    expect(page.locator(".e2e-verdict")).to_have_count(0)
    page.locator(".e2e-judgement-reason textarea").fill(
        "The rent is current, the budget holds and her sister helps every week."
    )
    expect(page.locator(".e2e-verdict")).to_contain_text("Ready to close")
    page.locator("button.e2e-compare-readiness").click()
    expect(page.locator(".e2e-readiness-comparison")).to_contain_text(
        "Your judgement matches the record"
    )


def test_reassess_is_marked_only_after_a_domain_is_scored_again(
    page, voila_url, voila_home, catalogue
):
    eviction = catalogue.scenarios["eviction-family"]
    seed_case(
        voila_home,
        planned(eviction),
    )
    open_app(page, voila_url, "04_monitoring.ipynb")
    choose(page, "A family facing eviction")
    for index in range(3):
        next_event(page)
        expect(page.locator(f".e2e-event-{index}")).to_be_visible()

    sign = page.locator(".e2e-sign-disclosure-2")
    sign.get_by_role("radio", name="Reassess the domains it touches").check()
    status = sign.locator(".e2e-sign-status")
    expect(status).to_contain_text("score again")
    expect(status).not_to_contain_text("Reassessed")
    next_event(page)
    expect(page.locator(".e2e-next-message")).to_contain_text("The case cannot move on yet")
    expect(page.locator(".e2e-event-3")).to_have_count(0)
    screenshot(page, "monitoring-reassess-chosen")

    sign.locator(".e2e-domain-basic-needs .e2e-score").get_by_role("radio").first.check()
    expect(status).to_contain_text("Reassessed")
    next_event(page)
    expect(page.locator(".e2e-event-3")).to_be_visible()
