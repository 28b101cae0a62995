"""03_care_plan in Voilà: a vague goal fixed with the SMART checklist, a provider named with
the client's release as a to-do before anything is shared, and the written contract
becoming complete."""

from playwright.sync_api import expect

from tests.browser.conftest import layout_problems, open_app, screenshot
from tests.browser.test_intake_browser import choose

VAGUE = "Marisol will feel better about housing."
SMART = "Within 60 days, Marisol will pay rent in full and on time for two months in a row."


def criterion(page, name: str):
    return page.locator(f".e2e-goal-g1 .e2e-smart-{name}")


def add_step(page, what: str, who: str, due: str) -> None:
    page.locator(".e2e-step-goal select").select_option(index=1)  # 0: "Choose a goal…"
    page.locator(".e2e-step-what input").fill(what)
    page.locator(".e2e-step-who select").select_option(label=who)
    page.locator(".e2e-step-due input").fill(due)
    page.locator(".e2e-step-often input").fill("once")
    page.locator(".e2e-step-where input").fill("legal clinic office")
    page.locator("button.e2e-add-step").click()


def test_goal_step_consent_and_contract(page, voila_url):
    open_app(page, voila_url, "03_care_plan.ipynb")
    choose(page, "A family facing eviction")
    expect(page.locator(".e2e-briefing")).to_contain_text("Keep the apartment")

    page.locator("button.e2e-add-goal").click()
    goal = page.locator(".e2e-goal-g1 .e2e-goal-text textarea")
    goal.fill(VAGUE)
    for name in ("specific", "measurable", "time-bound"):
        expect(criterion(page, name)).to_have_attribute("data-met", "not met")
    expect(criterion(page, "specific")).to_contain_text("names a direction, not an action")

    goal.fill(SMART)
    page.locator(".e2e-goal-g1 .e2e-goal-priority input[type=radio]").nth(1).check()
    for name in ("specific", "measurable", "relevant", "time-bound"):
        expect(criterion(page, name)).to_have_attribute("data-met", "met")

    add_step(page, "Give advice on the eviction notice", "Tenant Rights Legal Clinic", "20")
    # naming a provider is allowed; the release is a to-do before the referral is sent
    message = page.locator(".e2e-step-message")
    expect(message).to_contain_text("Step added to goal 1")
    expect(message).to_contain_text("no release of information for Tenant Rights Legal Clinic")

    page.locator(".e2e-release-provider select").select_option(label="Tenant Rights Legal Clinic")
    page.locator(".e2e-release-shared input").fill("Contact details and the eviction notice")
    page.locator(".e2e-release-purpose input").fill("legal advice on the notice")
    page.locator(".e2e-release-day input").fill("3")
    page.locator(".e2e-release-expires-day input").fill("90")
    page.locator("button.e2e-record-release").click()
    expect(page.locator(".e2e-release-message")).to_contain_text("Release recorded")

    add_step(page, "Bring the notice and the lease to the clinic", "Client: Marisol Vega", "15")
    expect(message).to_contain_text("Step added to goal 1")
    add_step(page, "Book the clinic appointment", "Case manager", "5")
    expect(message).to_contain_text("Step added to goal 1")
    expect(criterion(page, "achievable")).to_have_attribute("data-met", "met")

    page.locator(".e2e-if-not-done textarea").fill(
        "We agreed that if a step is missed, we meet within a week and change the plan together."
    )
    verdict = page.locator(".e2e-contract-verdict")
    expect(verdict).to_contain_text("not complete yet: 1 item(s)")
    for hook, signer in (
        ("client", "Marisol Vega"),
        ("case-manager", "Case manager"),
        ("legal-clinic", "Clinic intake lead"),
    ):
        page.locator(f".e2e-sign-{hook} input").fill(signer)
        page.locator(f".e2e-sign-day-{hook} input").fill("4")
    expect(verdict).to_contain_text("The contract is complete")
    expect(page.locator(".e2e-grade")).to_contain_text("reads at about grade")
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")
    screenshot(page, "03_care_plan")
    problems = layout_problems(page)
    assert problems == [], "\n".join(problems)

    page.reload()
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-goal-g1 .e2e-goal-text textarea")).to_have_value(SMART)
    expect(page.locator(".e2e-contract-verdict")).to_contain_text("The contract is complete")
    expect(page.locator(".e2e-sign-legal-clinic input")).to_have_value("Clinic intake lead")
    expect(page.locator(".e2e-step")).to_have_count(3)
    expect(page.locator(".e2e-releases")).to_contain_text("Tenant Rights Legal Clinic")
    assert page.problems == []
