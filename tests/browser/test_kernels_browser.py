"""A class on one server (issue 17): a page that closes frees its kernel, and past the cap
a new page gets a plain "the server is full" page instead of a kernel."""

from __future__ import annotations

import os
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import serving

WALK = ("00_start.ipynb", "01_intake.ipynb", "02_assessment.ipynb", "00_start.ipynb")


def _kernel_id(page) -> str:
    return page.evaluate(
        "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def _alive(url: str, kernel_id: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/kernels/{kernel_id}", timeout=5):
            return True
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise


def _open(page, url: str, notebook: str) -> str:
    page.goto(f"{url}/voila/render/{notebook}?student=walker")
    page.wait_for_selector("#loading", state="detached")
    expect(
        page.get_by_role("link", name="Open interview practice").or_(page.locator(".cw-nav")).first
    ).to_be_visible()
    return _kernel_id(page)


def test_walking_00_01_02_00_and_closing_the_tab_leaves_no_kernel(browser, tmp_path: Path):
    with serving(tmp_path, name="kernels-walk") as url:
        context = browser.new_context()
        page = context.new_page()
        kernels = [_open(page, url, notebook) for notebook in WALK]
        assert len(set(kernels)) == len(WALK)  # one kernel a page
        assert _alive(url, kernels[-1])
        page.close(run_before_unload=True)
        context.close()
        deadline = time.monotonic() + 60
        while any(_alive(url, k) for k in kernels) and time.monotonic() < deadline:
            time.sleep(1)
        left = [k for k in kernels if _alive(url, k)]
        assert left == [], f"{len(left)} kernel(s) still alive a minute after the tab closed"
        log = (tmp_path / "voila.log").read_text()
        assert "'_xsrf' argument missing" not in log
        assert "kernel(s) alive as a page opens" in log


def test_past_the_cap_a_page_says_the_server_is_full_and_works_again_once_one_closes(
    browser, tmp_path: Path
):
    with serving(tmp_path, name="kernels-cap", CASEWORK_MAX_KERNELS="1") as url:
        context = browser.new_context()
        first = context.new_page()
        kernel = _open(first, url, "00_start.ipynb")
        second = context.new_page()
        response = second.goto(f"{url}/voila/render/01_intake.ipynb")
        assert response is not None and response.status == 503
        expect(second.get_by_role("heading", name="The server is full right now")).to_be_visible()
        expect(second.locator("body")).to_contain_text("Your work is saved")

        first.close(run_before_unload=True)
        deadline = time.monotonic() + 30
        while _alive(url, kernel) and time.monotonic() < deadline:
            time.sleep(0.5)
        _open(second, url, "01_intake.ipynb")
        context.close()


def _kill_kernel(kernel_id: str) -> None:
    """SIGKILL the kernel process, as an out-of-memory kill or a crash would."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"kernel-{kernel_id}.json".encode() in cmdline.read_bytes():
                os.kill(int(cmdline.parent.name), signal.SIGKILL)
                return
        except OSError:  # a process that ended while we looked
            continue
    raise AssertionError(f"no process for kernel {kernel_id}")


def test_text_typed_after_the_kernel_dies_is_flagged_and_offered_back_after_a_reload(
    browser, tmp_path: Path
):
    with serving(tmp_path, name="kernels-kill") as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/voila/render/01_intake.ipynb?student=typist")
        page.wait_for_selector("#loading", state="detached")
        page.locator(".e2e-scenario select").select_option(label="A family facing eviction")
        issue = page.locator(".e2e-presenting-issue textarea")
        issue.fill("Ms. Rivera said the notice came on day 0.")
        expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")

        _kill_kernel(_kernel_id(page))
        issue.press_sequentially(" She has ten days to answer it.", delay=20)
        status = page.locator(".e2e-save-status")
        expect(status).to_contain_text("Connection lost: not saved", timeout=20_000)
        expect(status).to_contain_text("Your text is still on this page")
        expect(page.locator(".e2e-connection-lost-banner")).to_be_visible()
        typed = issue.input_value()
        assert typed.endswith("ten days to answer it.")

        page.reload()
        page.wait_for_selector("#loading", state="detached")
        offer = page.locator(".e2e-restore-offer")
        expect(offer).to_contain_text("You had unsaved text in Presenting issue from")
        expect(offer).to_contain_text("Restore it?")
        # the saved case holds the text from before the kill, not what came after
        expect(issue).to_have_value("Ms. Rivera said the notice came on day 0.")
        offer.get_by_role("button", name="Restore").click()
        expect(issue).to_have_value(typed)
        expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")
        expect(offer).to_have_count(0)

        page.reload()  # saved by the kernel now: nothing left to offer
        page.wait_for_selector("#loading", state="detached")
        expect(issue).to_have_value(typed)
        page.wait_for_timeout(2500)
        expect(page.locator(".e2e-restore-offer")).to_have_count(0)
        context.close()
