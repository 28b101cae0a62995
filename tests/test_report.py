"""The exported case file: every stage's work in Markdown and in one self-contained HTML
page, user text escaped, and `casework export` as a command."""

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from casework.report import case_html, case_markdown, export_case
from casework.store import CaseStore
from tests.casefiles import ready_to_close

CASEWORK = shutil.which("casework", path=str(Path(sys.executable).parent)) or shutil.which(
    "casework"
)
XSS = "<script>alert(1)</script>"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.scripts += tag == "script"
        for name in ("src", "href"):
            if attributes.get(name):
                self.sources.append(attributes[name])


def test_markdown_holds_each_stages_work(eviction):
    record = ready_to_close(eviction)
    intake = record.intake.model_copy(update={"presenting_issue": "Ten-day notice on the door."})
    markdown = case_markdown(record.model_copy(update={"intake": intake}), eviction)
    expected = [
        "Presenting issue: Ten-day notice on the door.",  # intake
        "| Basic needs | 2 |",  # assessment scores
        "Eco-map: Sister, strong tie",
        "Within 60 days, Marisol will pay rent in full",  # care plan goal
        "Tenant Rights Legal Clinic: Contact details and the notice",  # release
        "Day 24, crisis: Day 24, home visit.",  # monitoring note
        "| 60 | 1 | 60 |",  # GAS review and its T-score
        "| Tenant Rights Legal Clinic | yes | 5 | 2 | 2 | in use |",  # service use
        "Readiness from the record: Ready to close",  # closure
        "✓ Advance notice given",
        'Marisol said, "We are okay now."',  # summary
    ]
    for text in expected:
        assert text in markdown, text


def test_the_gas_levels_written_in_advance_are_in_the_case_file(eviction):
    """Kiresuk & Sherman 1968: the reviews are scored against levels written beforehand, so
    the case file shows that yardstick beside the scores (raw HTML shown as text in both)."""
    record = ready_to_close(eviction)
    goal = record.plan.goals["g1"].model_copy(
        update={"gas_levels": {"-2": "Rent unpaid; court filing <b>", "0": "Two months on time"}}
    )
    plan = record.plan.model_copy(update={"goals": {**record.plan.goals, "g1": goal}})
    record = record.model_copy(update={"plan": plan})
    markdown = case_markdown(record, eviction)
    assert (
        "Goal 1, levels written in advance: −2: Rent unpaid; court filing &lt;b&gt;; 0: Two"
        in markdown
    )
    html = case_html(record, eviction)
    assert "court filing &lt;b&gt;" in html and "court filing <b>" not in html


def test_html_is_one_self_contained_page_with_its_charts(eviction):
    html = case_html(ready_to_close(eviction), eviction)
    links = _Links()
    links.feed(html)
    assert links.scripts == 0
    assert links.sources and all(s.startswith("data:image/png;base64,") for s in links.sources)
    assert len(links.sources) == 4  # domain scores, eco-map, GAS, service use
    assert "Goal attainment T-score at each review (day 30: 40.0, day 60: 60.0)" in html


def test_student_text_is_escaped_in_html_and_in_markdown(eviction):
    """Issue 17: a Markdown viewer renders inline HTML, so Markdown escapes it too."""
    record = ready_to_close(eviction)
    record = record.model_copy(
        update={"closure": record.closure.model_copy(update={"summary": XSS})}
    )
    assert XSS not in case_html(record, eviction)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in case_html(record, eviction)
    assert XSS not in case_markdown(record, eviction)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in case_markdown(record, eviction)


def with_safety(record, **changes):
    safety = record.monitoring.safety["safety-4"].model_copy(update=changes)
    monitoring = record.monitoring.model_copy(update={"safety": {"safety-4": safety}})
    return record.model_copy(update={"monitoring": monitoring})


def test_the_case_file_shows_each_safety_response_and_the_keys_comparison(eviction):
    """Issue 14, acceptance: the exported case file shows the safety response to the
    overdose night, part by part, and (once committed) the answer key beside it; the
    student's words are escaped in HTML and in Markdown."""
    record = with_safety(
        ready_to_close(eviction),
        immediate=f"{XSS} Asked where Teo and Lucía are tonight: at her sister's.",
    )
    markdown = case_markdown(record, eviction)
    for text in (
        "### Safety response, day 24",
        "Day 24, someone may be in danger: safety response below. (settled)",
        "Immediate safety: &lt;script&gt;alert(1)&lt;/script&gt; Asked where Teo and Lucía are tonight",
        "Supervisor consult: Day 24:",
        "Report decision: Report to Child Protective Services (CPS) on day 24.",
        "Telling the client: Told Marisol",
        "Documentation: Contact note for day 24",
        "Answer key: Your decision matches the answer key: a report to Child Protective "
        "Services (CPS).",
        "Answer key, immediate safety: Asked Marisol on the phone",
    ):
        assert text in markdown, text
    html = case_html(record, eviction)
    assert XSS not in html and "Safety response, day 24" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Asked where Teo" in html
    assert "Your decision matches the answer key" in html


def test_the_case_file_keeps_the_first_decision_and_hides_the_key_until_committed(eviction):
    changed = with_safety(
        ready_to_close(eviction), first_report="no_report", first_report_to="none"
    )
    assert "First committed decision, kept in the record: no report." in case_markdown(
        changed, eviction
    )
    draft = case_markdown(with_safety(ready_to_close(eviction), committed=False), eviction)
    assert "Answer key" not in draft
    assert "Open: Someone may be in danger (day 24)" in draft


def test_an_unknown_format_is_refused(eviction):
    with pytest.raises(ValueError, match="choose one of md, html"):
        export_case(ready_to_close(eviction), eviction, "pdf")


def run_export(home: Path, *args: str) -> subprocess.CompletedProcess:
    assert CASEWORK, "the casework command is not installed"
    env = {**os.environ, "CASEWORK_HOME": str(home)}
    return subprocess.run(
        [CASEWORK, "export", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_the_export_command_writes_markdown_and_html(store: CaseStore, home: Path, eviction):
    store.save(ready_to_close(eviction), None)
    result = run_export(home, "eviction-family", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Case file: Marisol Vega")
    target = home / "case.html"
    result = run_export(home, "eviction-family", "--format", "html", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Wrote" in result.stderr


def test_the_export_command_names_an_unknown_case(store: CaseStore, home: Path, eviction):
    store.save(ready_to_close(eviction), None)
    result = run_export(home, "no-such-case")
    assert result.returncode == 2
    assert "no case 'no-such-case'" in result.stderr and "eviction-family" in result.stderr
