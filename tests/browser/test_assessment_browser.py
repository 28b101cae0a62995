"""02_assessment in Voilà: score a domain, add a strength and a tie, see the pictures change."""

from playwright.sync_api import expect

from tests.browser.conftest import (
    chart_labels_problems,
    layout_problems,
    open_app,
    screenshot,
)
from tests.browser.test_intake_browser import choose


def test_scoring_and_strengths_update_the_charts_and_survive_a_reload(page, voila_url):
    open_app(page, voila_url, "02_assessment.ipynb")
    choose(page, "An older adult living alone")
    chart = page.locator(".e2e-domain-chart img")
    expect(chart).to_have_attribute(
        "alt",
        "Life-domain scores. "
        + "; ".join(
            f"{d}: not scored"
            for d in (
                "Basic needs",
                "Health and wellness",
                "Social support",
                "Employment and education",
                "Legal",
                "Safety",
            )
        )
        + ".",
    )

    card = page.locator(".e2e-domain-basic-needs")
    card.get_by_role("checkbox").first.check()
    card.get_by_role("radio", name="2 · Vulnerable", exact=True).check()
    expect(chart).to_have_attribute(
        "alt",
        "Life-domain scores. Basic needs: initial assessment 2; Health and wellness: not scored; Social support: not scored; Employment and education: not scored; Legal: not scored; Safety: not scored.",
    )

    page.locator(".e2e-strength-supports textarea").fill("Daughter who calls every Sunday")
    page.locator(".e2e-tie-name input").fill("Daughter")
    page.locator(".e2e-tie-flow select").select_option(label="Support flows to the client")
    page.locator("button.e2e-add-tie").click()
    ecomap = page.locator(".e2e-ecomap img")
    expect(ecomap).to_have_attribute(
        "alt", "Eco-map of Edwin Moss. Daughter: strong tie, support to the client."
    )

    page.locator("button.e2e-check-assessment").click()
    feedback = page.locator(".e2e-assessment-feedback")
    expect(feedback).to_contain_text("Basic needs: the score rests on 1 cited fact(s).")
    expect(feedback).to_contain_text("Not scored yet: Health and wellness")
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")
    assert chart_labels_problems(page) == []
    screenshot(page, "02_assessment")
    problems = layout_problems(page)
    assert problems == [], "\n".join(problems)

    page.reload()
    page.wait_for_selector("#loading", state="detached")
    card = page.locator(".e2e-domain-basic-needs")
    expect(card.get_by_role("radio", name="2 · Vulnerable", exact=True)).to_be_checked()
    expect(card.get_by_role("checkbox").first).to_be_checked()
    expect(page.locator(".e2e-strength-supports textarea")).to_have_value(
        "Daughter who calls every Sunday"
    )
    expect(page.locator(".e2e-ecomap img")).to_have_attribute(
        "alt", "Eco-map of Edwin Moss. Daughter: strong tie, support to the client."
    )
    expect(page.locator(".e2e-save-status")).to_contain_text("Welcome back")
    assert page.problems == []


def test_new_information_opens_a_reassessment_kept_beside_the_first(page, voila_url):
    open_app(page, voila_url, "02_assessment.ipynb")
    choose(page, "A young adult leaving foster care")
    page.locator(".e2e-domain-health").get_by_role("radio", name="3 · Safe", exact=True).check()
    page.get_by_role("button", name="Reveal: a later visit (day 9)").click()
    expect(page.locator(".e2e-disclosure")).to_contain_text("panic attacks")
    page.locator(".e2e-phase").get_by_role("button", name="Reassessment").click()
    health = page.locator(".e2e-domain-health")
    expect(health.get_by_role("radio", name="3 · Safe", exact=True)).to_be_checked()
    health.get_by_role("radio", name="2 · Vulnerable", exact=True).check()
    expect(page.locator(".e2e-changes")).to_contain_text("Health and wellness: 3 → 2 (down 1)")
    expect(page.locator(".e2e-domain-chart img")).to_have_attribute(
        "alt",
        "Life-domain scores. Basic needs: not scored; Health and wellness: initial assessment 3, reassessment 2; Social support: not scored; Employment and education: not scored; Legal: not scored; Safety: not scored.",
    )
    assert page.problems == []
