"""06_interview_prep in Voilà: identifiers marked where they are as the story is typed,
the rewritten story passes, and an answer survives a reload."""

from playwright.sync_api import expect

from tests.browser.conftest import layout_problems, open_app, screenshot
from tests.test_interview import RAW, SANITIZED


def test_a_raw_story_is_flagged_at_each_identifier_and_the_rewrite_passes(page, voila_url):
    open_app(page, voila_url, "06_interview_prep.ipynb?student=candidate")
    story = page.locator(".e2e-story textarea")
    story.fill(RAW)
    marks = page.locator(".e2e-story-marked mark")
    expect(marks).to_have_text(["Maria Lopez", "42 Elm Street", "March 3, 2024", "horrific"])
    expect(page.locator(".e2e-identifier-list")).to_contain_text("Generalise it")
    page.locator("button.e2e-check-story").click()
    expect(page.locator(".e2e-story-feedback")).to_contain_text("Task is missing")

    story.fill(SANITIZED)
    expect(marks).to_have_count(0)
    expect(page.locator(".e2e-story-marked")).to_contain_text("No names, places, dates")
    page.locator("button.e2e-check-story").click()
    feedback = page.locator(".e2e-story-feedback")
    expect(feedback).to_contain_text("all four parts")
    expect(feedback.locator(".cw-warning, .cw-error")).to_have_count(0)

    answer = page.locator(".e2e-answer-process textarea")
    answer.fill("First I assess needs and strengths, then we write a plan with goals.")
    page.locator("button.e2e-check-answer-process").click()
    expect(page.locator(".e2e-answer-feedback-process")).to_contain_text("coordination, closure")
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")
    screenshot(page, "06_interview_prep")
    problems = layout_problems(page)
    assert problems == [], "\n".join(problems)

    page.reload()
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-story textarea")).to_have_value(SANITIZED)
    expect(page.locator(".e2e-answer-process textarea")).to_have_value(
        "First I assess needs and strengths, then we write a plan with goals."
    )
    expect(page.locator(".e2e-save-status")).to_contain_text("Welcome back")
    assert page.problems == []
