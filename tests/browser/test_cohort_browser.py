"""`casework cohort` on a class of 25 exports: the HTML page opens in Chromium with its
charts drawn and described."""

import json
from pathlib import Path

from playwright.sync_api import expect

from casework.cli import main
from casework.cohort import case_export
from casework.model import CaseRecord
from tests.casefiles import monitored, ready_to_close


def test_a_class_of_25_gives_a_csv_and_a_page_with_its_charts(page, catalogue, tmp_path: Path):
    eviction = catalogue.scenarios["eviction-family"]
    records = [
        ready_to_close(eviction),
        monitored(eviction),
        CaseRecord(case_id=eviction.id, scenario_id=eviction.id),
    ]
    exports = tmp_path / "exports"
    exports.mkdir()
    for number in range(25):
        export = case_export(records[number % 3], eviction, f"s{number:02d}")
        (exports / f"s{number:02d}.json").write_text(json.dumps(export))
    assert main(["cohort", str(exports)]) == 0
    assert len((exports / "cohort-summary.csv").read_text().splitlines()) > 30

    page.goto((exports / "cohort-summary.html").as_uri())
    expect(page.get_by_role("heading", name="Cohort summary")).to_be_visible()
    expect(page.locator("main")).to_contain_text("25 exported case file(s)")
    images = page.locator("figure img")
    expect(images).to_have_count(4)  # competencies, stages, checks, GAS
    for index in range(4):
        image = images.nth(index)
        assert image.evaluate("img => img.complete && img.naturalWidth > 300")
        assert image.get_attribute("alt").endswith("%.")
    assert images.nth(0).get_attribute("alt").startswith("Students who met each EPAS behavior")
    assert "Closure: supervisor review: 100%" in images.nth(2).get_attribute("alt")
    # each name opens the student's own page, and it links back
    page.get_by_role("link", name="s01").click()
    expect(page.get_by_role("heading", name="s01", exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Competency evidence")
    page.get_by_role("link", name="Back to the cohort").click()
    expect(page.get_by_role("heading", name="Cohort summary")).to_be_visible()
    assert page.problems == []
