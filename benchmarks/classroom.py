"""A class of students at once against one Voilà: time to interactive, errors, isolation.

    .venv/bin/python benchmarks/classroom.py [--students 30] [--stagger 0]

Every student is a separate browser context in one headless Chromium, arriving at the
same moment (or `--stagger` seconds apart). Each opens the intake app under their own
name (`?student=s07`), picks a scenario, types a presenting issue that carries their
name, checks it, waits for the save, then reloads the page and looks at what is there.

Reported: p50/p95 time to interactive (navigation until the first control is visible),
the time until each student's check came back, errors of any kind (page errors, console
errors, failed requests, error text on the page), and isolation: no page and no case
file holds another student's words. Target (issue 6): p95 ≤ 15 s with zero errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import threading
import time
from pathlib import Path

from harness import CHROMIUM_FLAGS, FIRST_CONTROL, chromium, median, percentile, watch_for_problems
from playwright.async_api import async_playwright

from casework.server import running
from casework.workspace import store_for

APP = "01_intake.ipynb"
SCENARIOS = ["A family facing eviction", "A young adult leaving foster care"]


def words_of(student: str) -> str:
    return f"Marker {student}: she said the notice gives the family ten days."


class CpuSampler(threading.Thread):
    """The machine's busy share while the class runs, from /proc/stat."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.running = True

    @staticmethod
    def _read() -> tuple[int, int]:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields) - idle, sum(fields)

    def run(self) -> None:
        busy0, total0 = self._read()
        while self.running:
            time.sleep(1)
            busy1, total1 = self._read()
            if total1 > total0:
                self.samples.append(100 * (busy1 - busy0) / (total1 - total0))
            busy0, total0 = busy1, total1


async def student_session(browser, base: str, number: int, delay: float) -> dict:
    student = f"s{number:02d}"
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    page.set_default_timeout(180_000)
    errors: list[str] = []
    watch_for_problems(page, errors)
    url = f"{base}/voila/render/{APP}?student={student}"
    result: dict = {"student": student, "errors": errors}
    try:
        start = time.perf_counter()
        await page.goto(url, wait_until="commit")
        await page.locator(FIRST_CONTROL).first.wait_for(state="visible")
        result["tti"] = time.perf_counter() - start
        await page.wait_for_selector("#loading", state="detached")
        await page.locator(".e2e-scenario select").select_option(
            label=SCENARIOS[number % len(SCENARIOS)]
        )
        await page.locator(".e2e-presenting-issue textarea").fill(words_of(student))
        await page.locator("button.e2e-check-presenting-issue").click()
        await page.locator(".e2e-presenting-issue-feedback .cw-panel").first.wait_for()
        await page.locator(".e2e-save-status").filter(has_text="Saved at").wait_for()
        result["checked"] = time.perf_counter() - start
        await page.reload()
        await page.wait_for_selector("#loading", state="detached")
        shown = await page.locator(".e2e-presenting-issue textarea").input_value()
        text = await page.locator("body").inner_text()
        result["own_words_back"] = shown == words_of(student)
        result["others_seen"] = [m for m in _markers(text) if m != student]
        for marker in ("Traceback", "There was an error", "Something went wrong"):
            if marker in text:
                errors.append(f"page shows: {marker}")
    except Exception as error:  # a student who never got there is an error, not a crash
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        await context.close()
    return result


def _markers(text: str) -> list[str]:
    return [part.split(":")[0] for part in text.split("Marker ")[1:]]


async def run_class(base: str, students: int, stagger: float) -> list[dict]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        results = await asyncio.gather(
            *(student_session(browser, base, n, n * stagger) for n in range(1, students + 1))
        )
        await browser.close()
    return list(results)


def files_hold_only_their_own_words(home: Path, results: list[dict]) -> list[str]:
    problems = []
    for result in results:
        student = result["student"]
        store = store_for(student)
        texts = [store.latest(case).record.intake.presenting_issue for case in store.case_ids()]
        foreign = [m for t in texts for m in _markers(t) if m != student]
        if foreign:
            problems.append(f"{student}'s file holds words of {', '.join(foreign)}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--stagger", type=float, default=0.0, help="seconds between arrivals")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casework-classroom-"))
    home = work / "home"
    home.mkdir()
    os.environ["CASEWORK_HOME"] = str(home)  # for reading the students' files afterwards
    with running(home, work / "voila.log") as base:
        sampler = CpuSampler()
        sampler.start()
        began = time.perf_counter()
        results = asyncio.run(run_class(base, args.students, args.stagger))
        wall = time.perf_counter() - began
        sampler.running = False
    ttis = [r["tti"] for r in results if "tti" in r]
    checked = [r["checked"] for r in results if "checked" in r]
    errors = [f"{r['student']}: {e}" for r in results for e in r["errors"]]
    leaks = [f"{r['student']} saw {r['others_seen']}" for r in results if r.get("others_seen")]
    lost = [r["student"] for r in results if not r.get("own_words_back")]
    leaks += files_hold_only_their_own_words(home, results)
    print(f"\n{args.students} students, one Voilà, {os.cpu_count()} cores, stagger {args.stagger}s")
    print(f"{'measure':<42}{'p50':>8}{'p95':>8}{'max':>8}")
    for name, values in (
        ("time to interactive, s", ttis),
        ("open → check shown and saved, s", checked),
    ):
        if values:
            print(
                f"{name:<42}{median(values):>8.1f}{percentile(values, 0.95):>8.1f}{max(values):>8.1f}"
            )
    cpu = sampler.samples
    print(
        f"whole class done in {wall:.0f} s; machine busy {median(cpu):.0f}% (median of 1 s samples)"
    )
    print(f"students who reached the app: {len(ttis)}/{args.students}; target p95 ≤ 15 s")
    print(f"errors: {len(errors)}")
    for line in errors[:20]:
        print("  ", line)
    print(f"another student's words seen: {len(leaks)}; own work missing after reload: {len(lost)}")
    for line in (leaks + [f"{s}: own words not back" for s in lost])[:20]:
        print("  ", line)
    print(f"server log: {work / 'voila.log'}")


if __name__ == "__main__":
    main()
