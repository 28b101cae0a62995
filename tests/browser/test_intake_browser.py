"""01_intake in Voilà, as a student meets it in Chromium."""

from playwright.sync_api import expect

from tests.browser.conftest import STUDENT_APPS, layout_problems, open_app, screenshot

XSS = "<img src=x onerror=alert(1)>"


def choose(page, scenario_title: str) -> None:
    picker = page.locator(".e2e-scenario select")
    expect(picker).to_be_visible()
    picker.select_option(label=scenario_title)
    expect(page.locator(".e2e-briefing")).to_contain_text(scenario_title)


def test_typed_work_and_screening_survive_a_reload(page, voila_url):
    open_app(page, voila_url, "01_intake.ipynb")
    choose(page, "A family facing eviction")
    issue = "Client has a ten-day notice. She said: “I can't have my kids sleeping in the car.”"
    page.locator(".e2e-presenting-issue textarea").fill(issue)
    page.locator(".e2e-criterion-income").get_by_role("radio", name="Met", exact=True).check()
    page.locator("button.e2e-run-screening").click()

    verdict = page.locator(".e2e-verdict")
    expect(verdict).to_contain_text("Screening result for Housing Stability Program: Eligible")
    expect(page.locator(".e2e-eligibility-feedback")).to_contain_text(
        "1 of 4 criteria decided correctly"
    )
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")

    page.reload()
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-presenting-issue textarea")).to_have_value(issue)
    expect(
        page.locator(".e2e-criterion-income").get_by_role("radio", name="Met", exact=True)
    ).to_be_checked()
    expect(page.locator(".e2e-save-status")).to_contain_text("Welcome back")
    expect(page.locator(".e2e-verdict")).to_contain_text("Eligible")
    assert page.problems == []


def test_markup_typed_into_fields_is_shown_as_text(page, voila_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, voila_url, "01_intake.ipynb")
    choose(page, "A young adult leaving foster care")
    fields = [
        ".e2e-presenting-issue textarea",
        ".e2e-initial-observations textarea",
        ".e2e-referral-source input",
    ]
    for selector in fields:
        page.locator(selector).fill(XSS)
    for button in ("check-presenting-issue", "check-baseline", "run-screening"):
        page.locator(f"button.e2e-{button}").click()
    expect(page.locator(".e2e-baseline-feedback")).to_contain_text("Record the contact method")

    page.reload()
    page.wait_for_selector("#loading", state="detached")
    for selector in fields:
        expect(page.locator(selector)).to_have_value(XSS)
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert page.problems == []


def test_root_lists_the_apps_and_the_start_page_links_to_intake(page, voila_url):
    # Voilà's tree page draws its list from this request; the drawing itself sometimes
    # never happens on a loaded machine (a Voilà front-end race), so the listing is read
    # from the source. Issue 6 replaces this page with the workbook's own landing page.
    listing = page.request.get(f"{voila_url}/voila/api/contents?content=1").json()
    names = {item["name"] for item in listing["content"]}
    assert set(STUDENT_APPS) <= names
    page.goto(voila_url)
    # Voilà's own tree page polls /api/kernels, which Voilà does not serve (404s and widget
    # plugin errors there); only our pages are held to a clean console.
    page.problems.clear()
    open_app(page, voila_url, "00_start.ipynb")
    page.get_by_role("link", name="Intake").click()
    page.wait_for_url("**/01_intake.ipynb")
    page.wait_for_selector("#loading", state="detached")
    expect(page.locator(".e2e-scenario select")).to_be_visible()
    assert page.problems == []


def test_the_intake_can_be_worked_with_the_keyboard_alone(page, voila_url):
    page.goto(f"{voila_url}/voila/render/01_intake.ipynb?student=keys")
    page.wait_for_selector("#loading", state="detached")
    tab_to(page, ".e2e-scenario select")
    page.keyboard.type("A family")  # a closed list picks the option its typed name starts
    expect(page.locator(".e2e-briefing")).to_contain_text("A family facing eviction")
    tab_to(page, ".e2e-presenting-issue textarea")
    page.keyboard.type("She said: “The notice says we have ten days.”")
    tab_to(page, "button.e2e-check-presenting-issue")
    page.keyboard.press("Enter")
    expect(page.locator(".e2e-presenting-issue-feedback")).not_to_be_empty()
    tab_to(page, ".e2e-criterion-income input[type=radio]")
    page.keyboard.press("Space")
    tab_to(page, "button.e2e-run-screening")
    page.keyboard.press("Enter")
    expect(page.locator(".e2e-verdict")).to_contain_text("Screening result")
    expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")
    assert page.problems == []


def tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab until `selector` (its first match) has the focus, as a keyboard user would."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("(el) => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_judgment_in_fresh_wording_is_explained_at_laptop_and_phone_width(page, voila_url):
    # No listed word here: the tone cue names "interesting", the word model confirms it.
    open_app(page, voila_url, "01_intake.ipynb")
    choose(page, "A family facing eviction")
    page.locator(".e2e-presenting-issue textarea").fill(
        "Mom says there is no money for rent, interesting given how often she eats out."
    )
    page.locator("button.e2e-check-presenting-issue").click()
    feedback = page.locator(".e2e-presenting-issue-feedback")
    expect(feedback).to_contain_text("“interesting” sets something beside the client's report")
    expect(feedback).to_contain_text("Goddu et al. 2018")
    screenshot(page, "intake-tone-laptop")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(feedback).to_contain_text("reads as doubt")
    assert layout_problems(page) == []
    screenshot(page, "intake-tone-phone")
