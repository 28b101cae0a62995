"""Time to interactive and click-to-feedback of every app, against a bare notebook.

    .venv/bin/python benchmarks/render.py [--rounds 5]

One Voilà server (the workbook's, with `voila.json`) serves the apps and a bare notebook
(one Text, one Button, one HTML widget). Headless Chromium opens them in interleaved,
shuffled rounds, each in a new browser context:

- time to interactive: navigation until the first control is visible and no error is
  shown, with a whole worked case open (the heaviest page each app draws);
- click-to-feedback: on a new case, once the page has settled (no chart or reading grade
  still being made beside it), a check button's click until its feedback appears, timed
  inside the page; the bare notebook's button round trip is the baseline.

Targets (issue 6): each app's time to interactive ≤ 1.3× the bare notebook's, and
click-to-feedback ≤ 1.5× the bare button's. Figures are medians over the rounds.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from harness import (
    APPS,
    BARE,
    CHROMIUM_FLAGS,
    FIRST_CONTROL,
    SCENARIO_TITLE,
    chromium,
    error_shown,
    give_student,
    median,
    seeded_case_file,
    served_notebooks,
)
from playwright.sync_api import sync_playwright

from casework.progress import INTERVIEW_NOTEBOOK
from casework.server import running

# (button to click, element whose text appears as the feedback), on a new case
CLICKS = {
    BARE: ("button", ".bare-output"),
    "01_intake.ipynb": ("button.e2e-check-presenting-issue", ".e2e-presenting-issue-feedback"),
    "02_assessment.ipynb": ("button.e2e-check-assessment", ".e2e-assessment-feedback"),
    "03_care_plan.ipynb": ("button.e2e-check-plan", ".e2e-plan-feedback"),
    "04_monitoring.ipynb": ("button.e2e-next-event", ".e2e-event-0"),
    "05_closure.ipynb": ("button.e2e-check-summary", ".e2e-summary-feedback"),
    INTERVIEW_NOTEBOOK: ("button.e2e-check-story", ".e2e-story-feedback"),
}
_TIME_CLICK = """
([button, target]) => new Promise((resolve) => {
  const start = performance.now();
  const shown = () => { const el = document.querySelector(target); return el && el.textContent.trim(); };
  const observer = new MutationObserver(() => {
    if (shown()) { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  document.querySelector(button).click();
})
"""


def time_to_interactive(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.locator(FIRST_CONTROL).first.wait_for(state="visible", timeout=120_000)
        elapsed = time.perf_counter() - start
        page.wait_for_selector("#loading", state="detached", timeout=120_000)
        if problem := error_shown(page):
            raise RuntimeError(f"{url} shows an error: {problem}")
        return elapsed
    finally:
        context.close()


def click_to_feedback(browser, url: str, notebook: str) -> float:
    button, target = CLICKS[notebook]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("#loading", state="detached", timeout=120_000)
        if notebook not in (BARE, INTERVIEW_NOTEBOOK):  # 06 needs no scenario
            page.locator(".e2e-scenario select").select_option(label=SCENARIO_TITLE)
            page.locator(".e2e-save-status").filter(has_text="New case").wait_for()
        page.locator(button).first.wait_for(state="visible")
        page.wait_for_function("!document.querySelector('.cw-pending')", timeout=120_000)
        return page.evaluate(_TIME_CLICK, [button, target]) / 1000
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--voila-option",
        action="append",
        default=[],
        help="an extra Voilà option to compare, e.g. --voila-option=--preheat_kernel=True",
    )
    parser.add_argument(
        "--pause", type=float, default=3.0, help="seconds between page loads, for a quiet machine"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casework-render-"))
    home = work / "home"
    home.mkdir()
    notebooks = served_notebooks(work / "notebooks")
    seed = seeded_case_file(home)
    targets = [BARE, *APPS]
    tti: dict[str, list[float]] = {t: [] for t in targets}
    click: dict[str, list[float]] = {t: [] for t in CLICKS}
    rng = random.Random(6)
    options = (
        "--MappingKernelManager.cull_idle_timeout=20",
        "--MappingKernelManager.cull_interval=10",
    )
    with (
        running(home, work / "voila.log", notebooks, options) as base,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        time.sleep(args.pause * 3)  # let a preheated pool fill before the first run
        time_to_interactive(browser, f"{base}/voila/render/{BARE}")  # warm the server once
        for round_number in range(1, args.rounds + 1):
            order = targets[:]
            rng.shuffle(order)
            for notebook in order:
                student = f"r{round_number}-{notebook.split('.')[0]}"
                give_student(home, student, seed)
                url = f"{base}/voila/render/{notebook}?student={student}"
                time.sleep(args.pause)
                tti[notebook].append(time_to_interactive(browser, url))
                if notebook in CLICKS:
                    time.sleep(args.pause)
                    fresh = f"{base}/voila/render/{notebook}?student=new-{student}"
                    click[notebook].append(click_to_feedback(browser, fresh, notebook))
            print(f"round {round_number}/{args.rounds} done", flush=True)
        browser.close()
    bare_tti, bare_click = median(tti[BARE]), median(click[BARE])
    print(
        f"\nTime to interactive (median of {args.rounds}) and click-to-feedback, vs the bare notebook"
    )
    print(
        f"{'notebook':<22}{'TTI s':>8}{'ratio':>8}{'target':>8}{'click ms':>10}{'ratio':>8}{'target':>8}"
    )
    for notebook in targets:
        t = median(tti[notebook])
        line = (
            f"{notebook:<22}{t:>8.2f}{t / bare_tti:>8.2f}{'≤1.30' if notebook != BARE else '':>8}"
        )
        if notebook in CLICKS:
            c = median(click[notebook])
            line += (
                f"{c * 1000:>10.0f}{c / bare_click:>8.2f}{'≤1.50' if notebook != BARE else '':>8}"
            )
        print(line)
    print(f"\nserver log: {work / 'voila.log'}")


if __name__ == "__main__":
    main()
