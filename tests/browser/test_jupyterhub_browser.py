"""The JupyterHub deployment for real: configurable-http-proxy on loopback, the dummy
authenticator, the simple local-process spawner. Two students sign in, each lands on the
workbook's start page, works on the same scenario, and sees only their own case."""

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from casework.server import background, free_port
from casework.session import case_id_for
from casework.store import CaseStore
from tests.browser.conftest import SCREENSHOTS, VIEWPORT
from tests.browser.test_intake_browser import choose

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
LOCAL_PROXY = REPO / "tests" / "browser" / "node_modules" / ".bin" / "configurable-http-proxy"
SCENARIO = "A family facing eviction"


def proxy_available() -> bool:
    return bool(shutil.which("configurable-http-proxy")) or LOCAL_PROXY.exists()


@pytest.fixture(scope="module")
def hub(chromium_path, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    if not proxy_available():
        message = (
            "configurable-http-proxy (npm) not found: `make test` installs it with npm "
            "(sudo apt-get install -y nodejs npm)"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the JupyterHub test must run)")
        pytest.skip(message)
    # the config refuses state and homes in /tmp: a lasting place, removed afterwards
    state = Path(tempfile.mkdtemp(prefix="casework-hub-test-", dir="/var/tmp"))
    homes = state / "homes"
    port = free_port()
    env = {
        **os.environ,
        "CASEWORK_HUB_LOCAL_TRIAL": "yes",
        "CASEWORK_HUB_STATE": str(state),
        "CASEWORK_HUB_HOMES": str(homes),
        "CASEWORK_HUB_PORT": str(port),
        "CASEWORK_HUB_API_PORT": str(free_port()),
        "CASEWORK_HUB_INTERNAL_PORT": str(free_port()),
    }
    env.pop("CASEWORK_HOME", None)  # each student's server must find their own home
    log_path = state / "jupyterhub.log"
    url = f"http://127.0.0.1:{port}"
    try:
        with background(
            [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
            f"{url}/hub/login",
            log_path,
            cwd=state,
            env=env,
            what="JupyterHub",
        ):
            yield url, homes
    except RuntimeError as error:
        pytest.fail(str(error))
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        if log_path.exists():
            shutil.copy(log_path, SCREENSHOTS / "jupyterhub.log")
        shutil.rmtree(state, ignore_errors=True)


def sign_in_and_write(browser, url: str, student: str, probe=None) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(f"{url}/hub/login")
        page.locator("input[name=username]").fill(student)
        page.locator("input[name=password]").fill("any")
        page.locator("input[type=submit], button[type=submit]").first.click()
        # signed in, the student's own server starts and opens on the start page
        page.wait_for_url(f"**/user/{student}/voila/render/00_start.ipynb*", timeout=180_000)
        page.wait_for_selector("#loading", state="detached")
        expect(page.locator(".e2e-stages")).to_be_visible()
        page.locator(".e2e-stages a", has_text="Intake").first.click()
        page.wait_for_url(f"**/user/{student}/voila/render/01_intake.ipynb*")
        page.wait_for_selector("#loading", state="detached")
        choose(page, SCENARIO)
        issue = page.locator(".e2e-presenting-issue textarea")
        expect(issue).to_have_value("")  # nobody else's words, though the scenario is shared
        issue.fill(f"Marker {student}: she said the notice gives the family ten days.")
        expect(page.locator(".e2e-save-status")).to_contain_text("Saved at")
        if probe is not None:
            probe(page)
    finally:
        context.close()


def saved_issue(homes: Path, student: str) -> str:
    store = CaseStore(homes / student / ".local" / "share" / "casework" / "casework.sqlite3")
    return store.latest(case_id_for("eviction-family")).record.intake.presenting_issue


def workbook_only(url: str):
    """What a signed-in student can reach on their own server: the workbook, no more."""

    def probe(page) -> None:
        base = f"{url}/user/alice"
        for path in ("/api/kernels", "/api/contents", "/api/sessions"):
            response = page.request.get(base + path)
            assert response.status == 403, (path, response.status)
        for path in ("/api/terminals", "/lab", "/tree", "/terminals/1", "/edit/00_start.ipynb"):
            response = page.request.get(base + path, max_redirects=0)
            assert response.status in (403, 404), (path, response.status)
        other = page.request.get(f"{url}/user/bob/voila/render/00_start.ipynb", max_redirects=0)
        assert other.status in (302, 403, 404) and "Marker" not in other.text()
        # the instructor's page is withheld; a page carries the guard against lost text
        cohort = page.request.get(base + "/voila/render/07_cohort_summary.ipynb")
        assert cohort.status == 404 and "This page is for instructors" in cohort.text()
        assert "casework-unsaved:" in page.content()

    return probe


def test_two_students_each_get_their_own_server_and_case(hub, browser):
    url, homes = hub
    sign_in_and_write(browser, url, "alice", probe=workbook_only(url))
    sign_in_and_write(browser, url, "bob")
    assert saved_issue(homes, "alice").startswith("Marker alice:")
    assert saved_issue(homes, "bob").startswith("Marker bob:")
    assert sorted(p.name for p in homes.iterdir()) == ["alice", "bob"]
