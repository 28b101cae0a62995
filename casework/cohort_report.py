"""The cohort summary as files an instructor opens: a tidy CSV of every figure, one
self-contained HTML page with tables and charts (no scripts, no links out, images inline),
a page per student, and a gradebook CSV a learning management system can import."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from casework.charts import share_chart
from casework.cohort import CaseExport
from casework.cohort_summary import STAGE_TITLES, CohortSummary, student_name
from casework.competencies import competency_map, signal_group, student_evidence
from casework.model import STAGE_SECTIONS
from casework.report import standalone_page

_STATE_LABELS = {"done": "done", "started": "started", "not_started": "not started"}
_STAGE_OF_SECTION = {section: name for name, section in STAGE_SECTIONS.items()}


def _table(frame) -> str:
    table = frame.to_html(index=False, border=0, escape=True, na_rep="–", classes="cw-table")
    return f"<div class='cw-scroll'>{table}</div>"  # a wide table scrolls on a phone


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f"<div class='cw-scroll'><table class='cw-table'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def student_slug(name: str) -> str:
    """A file name for a student's page: letters, digits and dashes only."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "student"


def competency_chart_html(summary: CohortSummary) -> str:
    behaviors = summary.behaviors
    labels, shares = [], []
    for row in behaviors.itertuples():
        attempted = summary.students - row.not_attempted
        suffix = "" if attempted else " (not attempted yet)"
        labels.append(f"{row.behavior}{suffix}")
        shares.append(row.met / attempted if attempted else 0.0)
    return share_chart(
        labels,
        shares,
        "Students who met each EPAS behavior (of those who attempted it)",
        "Share of students",
    ).html("cohort-competencies")


def _behavior_rows(summary: CohortSummary) -> str:
    rows = []
    for row in summary.behaviors.itertuples():
        flag = "re-teach" if row.reteach else ""
        rows.append(
            [
                escape(f"{row.behavior} {row.text}"),
                str(row.met),
                str(row.partly),
                str(row.not_yet),
                str(row.not_attempted),
                f"<strong>{flag}</strong>" if flag else "",
            ]
        )
    return _html_table(
        [
            "Behavior (2022 EPAS, paraphrased)",
            "met",
            "partly",
            "not yet",
            "not attempted",
            "re-teach?",
        ],
        rows,
    )


def cohort_html(
    summary: CohortSummary, title: str = "Cohort summary", charts: dict[str, str] | None = None
) -> str:
    """The whole report as one page, each student's name linking to their own page."""
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    return standalone_page(
        title,
        f"<h1>{escape(title)}</h1><p>{summary.students} exported case file(s); made "
        f"{escape(made)}.</p>" + cohort_body_html(summary, student_pages=True, charts=charts),
    )


def report_charts(summary: CohortSummary) -> dict[str, str]:
    """The report's four charts as HTML, drawn once for the page and the file alike."""
    n = summary.students
    checks = summary.checks[summary.checks["students"] > 0]
    check_labels = [
        f"{STAGE_TITLES.get(stage, stage)}: {check}"
        for stage, check in zip(checks["stage"], checks["check"], strict=True)
    ]
    stages = summary.stages["stage"].map(STAGE_TITLES)
    return {
        "competencies": competency_chart_html(summary) if n else "",
        "stages": share_chart(
            list(stages),
            [(done / n if n else 0.0) for done in summary.stages["done"]],
            "Students who finished each stage",
            "Share of students",
        ).html("cohort-stages"),
        "checks": share_chart(
            check_labels,
            [float(s) for s in checks["share"]],
            "Students who passed each check",
            "Share of students",
        ).html("cohort-checks")
        if len(checks)
        else "<p>No student has started a stage yet.</p>",
        "gas": share_chart(
            list(summary.gas["outcome"]),
            [(count / n if n else 0.0) for count in summary.gas["students"]],
            "Latest GAS review against the expected outcome (T = 50)",
            "Share of students",
        ).html("cohort-gas"),
    }


def cohort_body_html(
    summary: CohortSummary, student_pages: bool, charts: dict[str, str] | None = None
) -> str:
    """The report's sections; `student_pages`: names link to `students/<name>.html`.
    `charts`: from `report_charts`, when they are already drawn."""
    n = summary.students
    charts = charts or report_charts(summary)
    checks = summary.checks[summary.checks["students"] > 0]
    stages = summary.stages.assign(stage=summary.stages["stage"].map(STAGE_TITLES))
    findings = summary.findings
    signal_parts = []
    for group, rows in findings.groupby("group", sort=False):
        items = "".join(
            f"<li>{escape(r.message)} <span>({r.students} of {n})</span></li>"
            for r in rows.itertuples()
        )
        signal_parts.append(f"<h3>{escape(str(group))}</h3><ul>{items}</ul>")
    roster = summary.roster
    links = [
        [
            f"<a href='students/{student_slug(name)}.html'>{escape(name)}</a>"
            if student_pages
            else escape(name),
            *(escape(str(value)) for value in rest),
        ]
        for name, *rest in roster.itertuples(index=False)
    ]
    body = [
        "<h2>Competencies (2022 EPAS)</h2>",
        "<p>How many students showed each behavior in their case file. A behavior is "
        "marked re-teach when fewer than half of the students who attempted it met it.</p>",
        charts["competencies"],
        _behavior_rows(summary),
        "<h2>Teaching signals</h2>",
        "<p>The commonest findings in each group, each counted once per student.</p>",
        "".join(signal_parts) or "<p>No findings yet.</p>",
        "<h2>Students</h2>",
        _html_table([str(c) for c in roster.columns], links),
        "<h2>Where the students are</h2>",
        charts["stages"],
        _table(stages.rename(columns={"not_started": "not started"})),
        "<h2>Checks passed</h2>",
        "<p>A check passes when it leaves nothing to change (notes for information do not "
        "count), among the students who started its stage.</p>",
        charts["checks"],
        _table(checks.assign(stage=checks["stage"].map(STAGE_TITLES))),
        "<h2>Goal attainment (GAS)</h2>",
        charts["gas"],
        _table(summary.gas),
        "<h2>Closure</h2>",
        _table(summary.closure),
    ]
    return "".join(body)


def student_section_html(export: CaseExport, number: int, catalogue=None) -> str:
    """One student's page: stages with first attempt or revised, competency evidence,
    findings by group, reflections. `catalogue`: the scenarios, when already loaded."""
    from casework.answer_key import reflection_questions
    from casework.scenarios import load_catalogue

    scenario = (catalogue or load_catalogue()).scenarios.get(export.scenario_id)
    name = student_name(export, number)
    learning = export.record.get("learning") or {}
    committed = learning.get("committed") or {}
    stage_rows = []
    for state in export.stages:
        done = committed.get(_STAGE_OF_SECTION.get(state.stage, state.stage))
        attempt = "not committed yet"
        if done:
            first = done.get("first_attempt") or {}
            section = export.record.get(state.stage) or {}
            attempt = "first attempt only" if first == section else "revised after the model answer"
        stage_rows.append(
            [
                escape(STAGE_TITLES.get(state.stage, state.stage)),
                _STATE_LABELS[state.state],
                attempt,
            ]
        )
    evidence_rows = []
    for competency in competency_map():
        for evidence in student_evidence(export)[competency.id]:
            why = [*evidence.findings[:2], *(f"missing: {m}" for m in evidence.missing)]
            evidence_rows.append(
                [
                    escape(f"{evidence.behavior.id} {evidence.behavior.text}"),
                    evidence.status,
                    escape(" ".join(why)) or "–",
                ]
            )
    grouped: dict[str, list[str]] = {}
    for check in export.checks:
        if not check.attempted:
            continue
        for f in check.findings:
            if f.severity in ("warning", "error"):
                grouped.setdefault(signal_group(f.rule), []).append(f.message)
    finding_parts = [
        f"<h3>{escape(group)}</h3><ul>"
        + "".join(f"<li>{escape(m)}</li>" for m in dict.fromkeys(messages))
        + "</ul>"
        for group, messages in grouped.items()
    ]
    reflections = learning.get("reflections") or {}
    reflection_items = []
    for stage, answers in reflections.items():
        texts = {q.id: q.text for q in reflection_questions(stage, scenario)}
        for qid, answer in answers.items():
            if answer.strip():
                question = texts.get(qid, "A question of the scenario")
                reflection_items.append(
                    f"<li><strong>{escape(question)}</strong><br>{escape(answer)}</li>"
                )
    return "".join(
        [
            f"<h2 id='student-{escape(student_slug(name))}'>{escape(name)}</h2>",
            f"<p>{escape(export.scenario_title)}; exported "
            f"{escape(export.exported_at.strftime('%Y-%m-%d %H:%M'))}.</p>",
            "<h3>Stages</h3>",
            _html_table(["Stage", "State", "Model answer"], stage_rows),
            "<h3>Competency evidence</h3>",
            _html_table(["Behavior", "Status", "Why"], evidence_rows),
            "<h3>Findings</h3>",
            "".join(finding_parts) or "<p>No findings.</p>",
            "<h3>Reflections</h3>",
            f"<ul>{''.join(reflection_items)}</ul>" if reflection_items else "<p>None yet.</p>",
        ]
    )


# A cell a spreadsheet would run as a formula ("=HYPERLINK(…)" typed as a student's name
# or into a field) is written as text: OWASP, CSV injection.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def gradebook_csv(summary: CohortSummary) -> str:
    """One row per student, one column per competency (met, partly, not yet, not
    attempted): the shape a gradebook import maps to items graded on a scale."""
    out = io.StringIO()
    writer = csv.writer(out)
    labels = [c.label for c in competency_map()]
    writer.writerow(["username", "scenario", *labels])
    for row in summary.roster.itertuples(index=False):
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


@dataclass(frozen=True)
class CohortFiles:
    csv: Path
    html: Path
    gradebook: Path
    students: Path  # the folder of per-student pages


def write_cohort_files(
    summary: CohortSummary,
    folder: Path,
    stem: str = "cohort-summary",
    charts: dict[str, str] | None = None,
) -> CohortFiles:
    """Write `<stem>.csv`, `<stem>.html`, `gradebook.csv` and `students/<name>.html`.
    `charts`: from `report_charts`, when they are already drawn."""
    from casework.scenarios import load_catalogue

    catalogue = load_catalogue()
    folder.mkdir(parents=True, exist_ok=True)
    files = CohortFiles(
        folder / f"{stem}.csv",
        folder / f"{stem}.html",
        folder / "gradebook.csv",
        folder / "students",
    )
    summary.long_table().map(safe_cell).to_csv(files.csv, index=False)
    files.html.write_text(cohort_html(summary, charts=charts), encoding="utf-8")
    files.gradebook.write_text(gradebook_csv(summary), encoding="utf-8")
    files.students.mkdir(exist_ok=True)
    for number, export in enumerate(summary.exports):
        name = student_name(export, number)
        page = standalone_page(
            f"{name}: case file evidence",
            f"<p><a href='../{stem}.html'>Back to the cohort</a></p>"
            + student_section_html(export, number, catalogue),
        )
        (files.students / f"{student_slug(name)}.html").write_text(page, encoding="utf-8")
    return files
