"""04_monitoring in Voilà: the timeline unfolds to a crisis, the case is stopped until the
plan changes, and a note with a judgmental label is flagged where the label is."""

from playwright.sync_api import expect

from tests.browser.conftest import (
    chart_labels_problems,
    layout_problems,
    open_app,
    screenshot,
    seed_case,
)
from tests.browser.test_intake_browser import choose
from tests.casefiles import planned

REASON = (
    "We talked it through: Marisol wants the housing steps first and will say when she is "
    "ready to talk about treatment for Shane."
)


def next_event(page) -> None:
    page.locator("button.e2e-next-event").click()


SAFETY = {
    "immediate": "Asked Marisol where Teo and Lucía are tonight: at her sister's, she said. "
    "Asked whether any pills are left in the apartment; she said she flushed them.",
    "consult": "Called my supervisor that evening; we agreed to report to CPS tonight.",
    "why": "Shane overdosed at home with both children there, after weeks of opioid use.",
    "tell": "Told Marisol before the call that I must report, and what CPS will do next.",
    "document": "Wrote the day 24 note that night: my questions, her answers, the consult, "
    "the report and its time.",
}


def answer_safety(page) -> None:
    """The overdose night's safety response, part by part, then committed."""
    card = page.locator(".e2e-sign-safety-4")
    card.locator(".e2e-safety-immediate textarea").fill(SAFETY["immediate"])
    card.locator(".e2e-safety-consult-day input").fill("24")
    card.locator(".e2e-safety-consult textarea").fill(SAFETY["consult"])
    card.locator(".e2e-safety-report").get_by_role("radio", name="Report", exact=True).check()
    card.locator(".e2e-safety-report-to select").select_option(
        label="Child Protective Services (CPS)"
    )
    card.locator(".e2e-safety-report-day input").fill("24")
    card.locator(".e2e-safety-report-why textarea").fill(SAFETY["why"])
    card.locator(".e2e-safety-tell textarea").fill(SAFETY["tell"])
    card.locator(".e2e-safety-document textarea").fill(SAFETY["document"])
    card.locator("button.e2e-safety-save").click()
    expect(card.locator(".e2e-sign-status").first).to_contain_text(
        "Your safety response is complete"
    )


def test_timeline_to_a_crisis_stopped_until_the_plan_changes(
    page, voila_url, voila_home, catalogue
):
    eviction = catalogue.scenarios["eviction-family"]
    seed_case(
        voila_home,
        planned(eviction),
    )
    open_app(page, voila_url, "04_monitoring.ipynb")
    choose(page, "A family facing eviction")
    for index, day in enumerate((3, 7, 12)):
        expect(page.locator("button.e2e-next-event")).to_contain_text(f"day {day}")
        next_event(page)
        expect(page.locator(f".e2e-event-{index}")).to_contain_text(f"Day {day}")

    disclosure = page.locator(".e2e-sign-disclosure-2")
    disclosure.get_by_role("radio", name="Continue the plan, and document why").check()
    disclosure.locator(".e2e-response-text textarea").fill(REASON)
    expect(disclosure.locator(".e2e-sign-status")).to_contain_text("You documented why")
    next_event(page)
    next_event(page)
    expect(page.locator(".e2e-event-4")).to_contain_text("Crisis")

    next_event(page)
    message = page.locator(".e2e-next-message")
    expect(message).to_contain_text("The case cannot move on yet")
    expect(message).to_contain_text("A crisis happened")
    expect(page.locator(".e2e-event-5")).to_have_count(0)

    note = page.locator(".e2e-event-4 .e2e-note textarea")
    note.fill("Day 24, phone call. Marisol was hysterical and the partner is an addict.")
    page.locator(".e2e-event-4 button.e2e-check-note").click()
    feedback = page.locator(".e2e-event-4 .e2e-note-feedback")
    expect(feedback.locator("mark.cw-mark", has_text="hysterical")).to_be_visible()
    expect(feedback.locator("mark.cw-mark", has_text="addict")).to_be_visible()
    expect(feedback).to_contain_text("is a judgment of Marisol's character")

    crisis = page.locator(".e2e-sign-crisis-4")
    crisis.get_by_role("radio", name="Change the plan").check()
    expect(crisis.locator(".e2e-sign-status")).to_contain_text("The plan is the same as on day 24")
    next_event(page)
    expect(message).to_contain_text("The case cannot move on yet")

    page.locator(".e2e-change-goal select").select_option(index=1)  # 0: "Choose a goal…"
    page.locator(".e2e-change-what input").fill(
        "Keep the naloxone kit by the door and show the children's aunt where it is"
    )
    page.locator(".e2e-change-who select").select_option(label="Client: Marisol Vega")
    page.locator(".e2e-change-due input").fill("26")
    page.locator(".e2e-change-often input").fill("once")
    page.locator(".e2e-change-where input").fill("at home")
    page.locator("button.e2e-add-change").click()
    expect(page.locator(".e2e-sign-crisis-4 .e2e-sign-status")).to_contain_text("The plan changed")
    next_event(page)
    expect(message).to_contain_text("Someone may be in danger")  # the safety response first
    answer_safety(page)
    next_event(page)
    expect(page.locator(".e2e-event-5")).to_contain_text("Day 31")
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")
    screenshot(page, "04_monitoring")
    assert layout_problems(page) == []
    assert chart_labels_problems(page) == []

    page.reload()
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-event-5")).to_contain_text("Day 31")
    expect(page.locator(".e2e-event-4 .e2e-note textarea")).to_have_value(
        "Day 24, phone call. Marisol was hysterical and the partner is an addict."
    )
    expect(page.locator(".e2e-sign-crisis-4 .e2e-sign-status")).to_contain_text("The plan changed")
    assert page.problems == []


def test_a_plan_change_from_monitoring_tells_the_same_story_in_the_plan_and_the_export(
    page, voila_url, voila_home, catalogue
):
    """The step added in monitoring is in the care plan with what the contract asks, the
    care plan's contract verdict and the exported case file's agree."""
    eviction = catalogue.scenarios["eviction-family"]
    seed_case(
        voila_home,
        planned(eviction),
        student="changer",
    )
    page.goto(f"{voila_url}/voila/render/04_monitoring.ipynb?student=changer")
    page.wait_for_selector("#loading", state="detached")
    choose(page, "A family facing eviction")
    step = "Go to the tenants' association meeting with the lease"
    page.locator(".e2e-change-goal select").select_option(index=1)
    page.locator(".e2e-change-what input").fill(step)
    page.locator(".e2e-change-who select").select_option(label="Client: Marisol Vega")
    page.locator(".e2e-change-due input").fill("40")
    page.locator(".e2e-change-often input").fill("once")
    page.locator(".e2e-change-where input").fill("the community room")
    page.locator("button.e2e-add-change").click()
    expect(page.locator(".e2e-change-message")).to_contain_text(f"Added to the plan: “{step}”")

    page.goto(f"{voila_url}/voila/render/03_care_plan.ipynb?student=changer")
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-save-status")).to_contain_text("Welcome back")
    expect(page.locator("body")).to_contain_text(f"{step} — by day 40, once, the community room")
    verdict = page.locator(".e2e-contract-verdict").inner_text()
    complete = "The contract is complete" in verdict

    page.goto(f"{voila_url}/voila/render/05_closure.ipynb?student=changer")
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-save-status")).to_contain_text("Welcome back")
    page.locator("button.e2e-export-md").click()
    expect(page.locator(".e2e-download-md")).to_be_visible()
    exported = (voila_home / "exports" / "changer" / "eviction-family-case-file.md").read_text()
    assert step in exported and "Where: the community room." in exported
    said = "complete" if complete else "not complete yet"
    assert f"The written contract is {said}." in exported
