"""The cohort summary as files an instructor opens: a CSV and one self-contained HTML page
with tables and charts (no scripts, no links out, images inline)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from casework.charts import share_chart
from casework.cohort import CohortSummary
from casework.progress import STAGES
from casework.report import standalone_page

_STAGE_TITLES = {stage.key: stage.title for stage in STAGES}


def _table(frame) -> str:
    return frame.to_html(index=False, border=0, escape=True, na_rep="–")


def cohort_html(summary: CohortSummary, title: str = "Cohort summary") -> str:
    n = summary.students
    checks = summary.checks
    check_labels = [
        f"{_STAGE_TITLES.get(stage, stage)}: {check}"
        for stage, check in zip(checks["stage"], checks["check"], strict=True)
    ]
    stages = summary.stages
    done_share = [(done / n if n else 0.0) for done in stages["done"]]
    gas = summary.gas
    charts = [
        share_chart(
            [_STAGE_TITLES.get(s, s) for s in stages["stage"]],
            done_share,
            "Students who finished each stage",
            "Share of students",
        ).html("cohort-stages"),
        share_chart(
            check_labels,
            list(checks["share"]),
            "Students who passed each check",
            "Share of students",
        ).html("cohort-checks"),
        share_chart(
            list(gas["outcome"]),
            [(count / n if n else 0.0) for count in gas["students"]],
            "Latest GAS review against the expected outcome (T = 50)",
            "Share of students",
        ).html("cohort-gas"),
    ]
    body = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{n} exported case file(s); made {escape(datetime.now().strftime('%Y-%m-%d %H:%M'))}.</p>",
        "<h2>Where the students are</h2>",
        charts[0],
        _table(stages.rename(columns={"not_started": "not started"})),
        "<h2>Checks passed</h2>",
        "<p>A check passes when it leaves nothing to change (notes for information do not count).</p>",
        charts[1],
        _table(checks),
        "<h2>Most common findings</h2>",
        "<p>Each counted once per student: what to teach again.</p>",
        _table(summary.findings),
        "<h2>Goal attainment (GAS)</h2>",
        charts[2],
        _table(gas),
        "<h2>Closure</h2>",
        _table(summary.closure),
    ]
    return standalone_page(title, "".join(body))


def write_cohort_files(
    summary: CohortSummary, folder: Path, stem: str = "cohort-summary"
) -> tuple[Path, Path]:
    """Write `<stem>.csv` (every figure, one tidy table) and `<stem>.html` into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, html_path = folder / f"{stem}.csv", folder / f"{stem}.html"
    summary.long_table().to_csv(csv_path, index=False)
    html_path.write_text(cohort_html(summary), encoding="utf-8")
    return csv_path, html_path
