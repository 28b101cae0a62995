"""Voilà on a free port and the system Chromium driven by Playwright.

With CI=true a missing Chromium fails the run; on a workstation the browser tests skip
with the command that installs it.
"""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from casework.model import CaseRecord
from casework.server import running
from casework.store import CaseStore

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Failed requests are judged from the responses themselves (below), so the console's
# generic "Failed to load resource" echo is not counted twice. Offline, the lab
# template's CDN icon font fails to resolve: harmless.
IGNORED_CONSOLE = ("Failed to load resource", "ERR_NAME_NOT_RESOLVED", "ERR_INTERNET_DISCONNECTED")
# The workbook's server sets the XSRF cookie, so Voilà's kernel shutdown on page unload
# succeeds (casework/server.py); a failed shutdown is a problem like any other.
IGNORED_RESPONSES: tuple[str, ...] = ()
VIEWPORT = {"width": 1280, "height": 800}
# The apps a student opens, in order (07, the cohort summary, is the instructor's).
STUDENT_APPS = (
    "00_start.ipynb",
    "01_intake.ipynb",
    "02_assessment.ipynb",
    "03_care_plan.ipynb",
    "04_monitoring.ipynb",
    "05_closure.ipynb",
    "06_interview_prep.ipynb",
)
# Screenshots for a person to look at; the folder is git-ignored.
SCREENSHOTS = Path(os.environ.get("CASEWORK_SCREENSHOTS", REPO / "screenshots"))


def watch_for_problems(page, problems: list[str]) -> None:
    """Collect what a user would count as the page going wrong: script errors, console
    errors and failed requests (sync or async Playwright page alike)."""
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and not any(skip in message.text for skip in IGNORED_CONSOLE)
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            and not any(skip in response.url for skip in IGNORED_RESPONSES)
            else None
        ),
    )


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = _chromium()
    if path is None:
        message = "Chromium not found; install it with: sudo apt-get install -y chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: browser tests must run)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def voila_home() -> Iterator[Path]:
    """The data folder the Voilà server's kernels save to; tests may seed cases in it."""
    home = Path(tempfile.mkdtemp(prefix="casework-browser-home-"))
    yield home
    shutil.rmtree(home, ignore_errors=True)


def seed_case(home: Path, record: CaseRecord, student: str | None = None) -> None:
    """Make `record` the latest revision of its case, as if a student had got that far."""
    path = home / "students" / f"{student}.sqlite3" if student else home / "casework.sqlite3"
    store = CaseStore(path)
    latest = store.latest(record.case_id)
    store.save(record, latest.revision if latest else None)


@contextmanager
def serving(home: Path, name: str = "voila", **env: str) -> Iterator[str]:
    """The workbook's Voilà on a free port, saving into `home`; yields its base URL.

    Its log is copied beside the screenshots: the place to look when an app fails."""
    log_path = Path(home) / "voila.log"
    try:
        with running(Path(home), log_path, **env) as url:
            yield url
    except RuntimeError as error:
        pytest.fail(str(error))
    finally:
        if log_path.exists():
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(log_path, SCREENSHOTS / f"{name}.log")


@pytest.fixture(scope="session")
def voila_url(chromium_path: str, voila_home: Path) -> Iterator[str]:
    with serving(voila_home) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import expect, sync_playwright

    # Charts and the eco-map are drawn on a worker thread after the page shows; on a busy
    # two-core CI machine the first one can take longer than expect()'s 5 s default. The
    # tests assert what appears, never how fast (speed is measured by benchmarks/).
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(60_000)
    problems: list[str] = []
    watch_for_problems(page, problems)
    page.problems = problems
    yield page
    page.close(run_before_unload=True)  # as a tab closes: the page frees its kernel
    context.close()


def open_app(page, base_url: str, notebook: str) -> None:
    page.goto(f"{base_url}/voila/render/{notebook}")
    page.wait_for_selector("#loading", state="detached")


def screenshot(page, name: str) -> Path:
    """Save the whole app, as wide as the page's window, for a person to review.

    Voilà's page scrolls inside a container, not the body, so a "full page" shot would
    stop at 800 px: the window is made as tall as the content for the shot instead.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('*')].map((el) => el.scrollHeight))"
    )
    window = page.viewport_size or VIEWPORT
    page.set_viewport_size({"width": window["width"], "height": min(int(height) + 40, 16000)})
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(window)
    return path


# What a tidy page means, measured: nothing wider than the window, no label cut short,
# no two controls or labels drawn over each other.
_LAYOUT_PROBLEMS = """
() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) {
    problems.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
  }
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
  };
  const boxes = [...document.querySelectorAll(
    '.widget-label, .widget-text input, .widget-textarea textarea, .widget-dropdown select, '
    + 'button.widget-button, .widget-radio-box label, .widget-checkbox, .widget-html img, '
    + '.widget-toggle-buttons button, .widget-select-multiple select'
  )].filter(visible);
  for (const el of boxes) {
    if (el.classList.contains('widget-label') && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`label cut short: "${el.textContent.trim()}"`);
    }
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > window.innerWidth + 1) {
      problems.push(`off screen (${Math.round(r.left)}–${Math.round(r.right)} px): "${el.textContent.trim().slice(0, 40) || el.tagName}"`);
    }
  }
  // words cut short inside a control: a checkbox's label, a button's text ("R…" for Remove)
  for (const el of document.querySelectorAll('.widget-checkbox label, button.widget-button')) {
    if (visible(el) && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`text cut short in a control: "${el.textContent.trim()}"`);
    }
  }
  const ruler = document.createElement('canvas').getContext('2d');
  for (const select of boxes.filter((el) => el.tagName === 'SELECT' && !el.multiple)) {
    const option = select.options[select.selectedIndex];
    if (!option) continue;
    ruler.font = getComputedStyle(select).font;
    const room = select.clientWidth - 28;  // the arrow and padding
    if (ruler.measureText(option.text).width > room) {
      problems.push(`dropdown text cut short: "${option.text}"`);
    }
  }
  const rects = boxes.map((el) => [el, el.getBoundingClientRect()]);
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const [a, ra] = rects[i];
      const [b, rb] = rects[j];
      if (a.contains(b) || b.contains(a)) continue;
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 2 && h > 2) {
        problems.push(`overlap: "${a.textContent.trim().slice(0, 40) || a.tagName}" and "${b.textContent.trim().slice(0, 40) || b.tagName}"`);
      }
    }
  }
  return problems;
}
"""


AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
# What fails an audit: axe's two worst impact levels (the bar). Moderate and minor
# findings are printed so a person can look at them, but do not fail the run.
FAILING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core not installed; run: bash scripts/ensure-node-tools"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the accessibility audits must run)")
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def accessibility_problems(page, axe_source: str) -> list[str]:
    """axe-core's serious and critical violations on the page as it stands, one line each."""
    page.evaluate(axe_source)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    problems = []
    for violation in results["violations"]:
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        line = f"{violation['impact']}: {violation['id']}: {violation['help']} [{targets}]"
        if violation["impact"] in FAILING_IMPACTS:
            problems.append(line)
        else:
            print("axe (not failing):", line)
    return problems


_MARK_CONTROLS = """
() => {
  const controls = [...document.querySelectorAll('input, textarea, select, button, a[href]')]
    .filter((el) => !el.disabled && el.getClientRects().length > 0
                    && getComputedStyle(el).visibility !== 'hidden');
  controls.forEach((el, i) => el.setAttribute('data-keyboard', String(i)));
  return controls.map((el) => ({
    id: String(controls.indexOf(el)),
    group: el.type === 'radio' ? (el.name || el.closest('.widget-radio-box')?.outerHTML.slice(0, 80)) : null,
    name: ((el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent
           || el.placeholder || el.tagName).trim().slice(0, 50),
  }));
}
"""


def keyboard_unreachable(page) -> list[str]:
    """Controls that Tab never reaches from the top of the page (a radio group counts as
    reached when any of its buttons is, as arrow keys move within it)."""
    controls = page.evaluate(_MARK_CONTROLS)
    page.locator("body").focus()
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reached: set[str] = set()
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
        mark = page.evaluate("() => document.activeElement?.getAttribute('data-keyboard')")
        if mark is not None:
            reached.add(mark)
    groups = {c["group"] for c in controls if c["id"] in reached and c["group"]}
    return [
        c["name"]
        for c in controls
        if c["id"] not in reached and not (c["group"] and c["group"] in groups)
    ]


def layout_problems(page) -> list[str]:
    return page.evaluate(_LAYOUT_PROBLEMS)


def chart_labels_problems(page) -> list[str]:
    """Every chart image has a text alternative (its title and data in words)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('figure.cw-chart img')]
             .filter((img) => !(img.alt || '').trim() || img.naturalWidth === 0)
             .map((img) => img.closest('figure').className)"""
    )
