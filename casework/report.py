"""The whole case file as one document: Markdown for editing, a self-contained HTML page
(charts embedded as images) for reading and grading.

One list of blocks is built from the record and rendered twice, so the two exports never
disagree. Every piece of text is escaped: in HTML, and in Markdown too (a viewer renders
Markdown's inline HTML).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape

from casework import prose
from casework.checks.assessment import STRENGTH_LABELS, domain_label, level_name
from casework.checks.closure import (
    closure_procedures,
    ending_early,
    exit_destinations,
    readiness,
)
from casework.checks.gas import signed_level
from casework.checks.monitoring import (
    event_label,
    response_status,
    shown_events,
    warning_signs,
)
from casework.checks.plan import contract_status
from casework.checks.safety_response import SafetySign, record_lines
from casework.contract import contract_sections
from casework.ecomap import FLOW_LABELS, TIE_LABELS
from casework.markdown import md_escape
from casework.model import CaseRecord, Scenario

FORMATS = ("md", "html")


@dataclass
class Part:
    """A heading and what sits under it: paragraphs, bullet items, tables, charts."""

    heading: str
    level: int = 2
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tables: list[tuple[list[str], list[list[str]]]] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # names of charts (drawn for HTML only)


def _text(value: object) -> str:
    import pandas as pd

    if value is None or pd.isna(value):
        return "–"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.1f}"
    return str(value)


def _frame_table(frame) -> tuple[list[str], list[list[str]]]:
    """A DataFrame as header and rows of text; a named index becomes the first column."""
    header = [str(frame.index.name or "")] if frame.index.name else []
    rows = []
    for label, row in frame.iterrows():
        cells = [_text(v) for v in row.tolist()]
        rows.append(([str(label)] if header else []) + cells)
    return header + [str(c) for c in frame.columns], rows


def _intake(record: CaseRecord, scenario: Scenario) -> Part:
    intake = record.intake
    part = Part("1. Intake")
    pairs = [
        ("Presenting issue", intake.presenting_issue),
        ("Reflection", intake.reflection),
        ("What the client wants", intake.client_wants),
        ("What the client hopes will happen", intake.client_hopes),
        ("Strengths in the client's words", intake.client_strengths),
        ("Initial observations", intake.initial_observations),
        ("Referral source", intake.referral_source),
        ("Priority", intake.priority or ""),
    ]
    part.items = [f"{label}: {value.strip() or '(not written)'}" for label, value in pairs]
    answers = intake.eligibility_answers
    part.items += [
        f"Eligibility, {c.text}: {answers.get(c.id, 'not screened').replace('_', ' ')}"
        for c in scenario.eligibility.criteria
    ]
    return part


def _assessment(record: CaseRecord, scenario: Scenario) -> Part:
    from casework.measures import scores_over_time

    assessment = record.assessment
    part = Part("2. Assessment", charts=["domains", "ecomap"])
    part.tables.append(_frame_table(scores_over_time(record, scenario)))
    for domain, rating in assessment.initial.items():
        if rating.score is None:
            continue
        cited = prose.clauses(rating.evidence) or "no fact cited"
        part.items.append(
            f"{domain_label(domain)}: {rating.score} ({level_name(rating.score).lower()}). "
            f"Evidence: {cited}. {prose.sentence(rating.note)}".strip()
        )
    for category, text in assessment.strengths.items():
        if text.strip():
            # one strength a line, as students list them: kept apart, not run together
            listed = prose.clauses(text.splitlines())
            part.items.append(f"Strengths, {STRENGTH_LABELS[category].lower()}: {listed}")
    for tie in assessment.ties.values():
        part.items.append(
            f"Eco-map: {tie.name}, {TIE_LABELS[tie.kind].lower()} tie, {FLOW_LABELS[tie.flow].lower()}"
        )
    return part


def _plan(record: CaseRecord, scenario: Scenario) -> list[Part]:
    status = contract_status(record, scenario)
    verdict = "complete" if status.complete else "not complete yet"
    said = f"The written contract is {verdict}."
    early = ending_early(readiness(record, scenario)[0])
    if not status.complete and early and record.closure.review.status == "approved":
        # the one way a case closes with its contract unfinished: it ended early
        reasons = "; ".join(i.label.lower() for i in early)
        said += f" Closure was approved without it because the case ended early ({reasons})."
    parts = [Part("3. Care plan and agreement", paragraphs=[said])]
    for section in contract_sections(record, scenario):
        parts.append(Part(section.heading, 3, list(section.paragraphs), list(section.items)))
    return parts


def _monitoring(record: CaseRecord, scenario: Scenario) -> list[Part]:
    from casework.measures import gas_table, service_table

    monitoring = record.monitoring
    part = Part("4. Monitoring", charts=["gas", "services"])
    part.paragraphs.append(
        f"{monitoring.shown} of {len(scenario.timeline)} timeline events have unfolded."
    )
    notes = Part("Contact notes", 3)
    for index, event in shown_events(scenario, monitoring):
        note = monitoring.notes.get(str(index), "").strip() or "(no note written)"
        notes.items.append(f"Day {event.day}, {event_label(event.kind).lower()}: {note}")
    signs = Part("Warning signs and responses", 3)
    safety: list[Part] = []
    for sign in warning_signs(scenario, monitoring):
        if isinstance(sign, SafetySign):  # its own part: the safety response, item by item
            status = response_status(sign, record)
            signs.items.append(
                f"Day {sign.day}, {sign.title.lower()}: safety response below. "
                f"({'settled' if status.settled else 'open'})"
            )
            safety.append(
                Part(
                    f"Safety response, day {sign.day}", 3, [sign.detail], record_lines(sign, record)
                )
            )
            continue
        response = monitoring.responses.get(sign.id)
        status = response_status(sign, record)
        chosen = (response.kind or "none").replace("_", " ") if response else "none"
        detail = f" {response.text.strip()}" if response and response.text.strip() else ""
        signs.items.append(
            f"Day {sign.day}, {sign.title.lower()}: response {chosen}.{detail} "
            f"({'settled' if status.settled else 'open'})"
        )
    reviews = Part("Goal Attainment Scaling", 3)
    for number, goal in enumerate(record.plan.goals.values(), start=1):
        written = sorted((int(k), v.strip()) for k, v in goal.gas_levels.items() if v.strip())
        if written:  # the yardstick the reviews were scored against, written in advance
            levels = "; ".join(f"{signed_level(str(k))}: {text}" for k, text in written)
            reviews.items.append(f"Goal {number}, levels written in advance: {levels}")
    table = gas_table(record)
    if len(table):
        reviews.tables.append(_frame_table(table))
    else:
        reviews.paragraphs.append("No goal review yet.")
    services = Part("Service use", 3)
    table = service_table(record, scenario)
    if len(table):
        services.tables.append(_frame_table(table))
    else:
        services.paragraphs.append("No service in the plan.")
    return [part, notes, signs, *safety, reviews, services]


def _closure(record: CaseRecord, scenario: Scenario) -> list[Part]:
    closure = record.closure
    indicators, verdict = readiness(record, scenario)
    part = Part("5. Closure")
    judgement = closure.judgement.replace("_", " ") if closure.judgement else "not given"
    part.paragraphs += [
        f"Readiness from the record: {verdict.label}. Student's judgment: {judgement}. "
        f"{closure.judgement_reason.strip()}".strip(),
        f"Supervisor review: {closure.review.status.replace('_', ' ')}.",
    ]
    part.items = [
        f"{'Yes' if i.present else 'No'}: {i.label.lower()}. {prose.sentences(i.evidence)}".strip()
        for i in indicators
    ]
    part.items += [f"Condition: {c}" for c in verdict.conditions]
    procedures = Part("Closing procedures", 3)
    procedures.items = [
        f"{'✓' if p.done else '✗'} {p.label}: {p.detail}"
        for p in closure_procedures(record, scenario)
    ]
    if closure.review.comments:
        procedures.items += [f"Supervisor: {c}" for c in closure.review.comments]
    destination = exit_destinations().get(closure.exit_destination or "", "not recorded")
    summary = Part("Closure summary", 3)
    summary.paragraphs = [p for p in closure.summary.strip().split("\n\n") if p.strip()] or [
        "(not written)"
    ]
    summary.paragraphs.append(f"Exit destination: {destination}.")
    return [part, procedures, summary]


def _learning(record: CaseRecord, scenario: Scenario) -> Part:
    """The student's reflections, and when they committed each stage (first attempt kept)."""
    from casework.answer_key import STAGE_TITLES, reflection_questions, revised_since_commit

    part = Part("6. Reflections and first attempts")
    learning = record.learning
    for stage, title in STAGE_TITLES.items():
        committed = learning.committed.get(stage)
        if committed is None:
            state = "not committed yet (the model answer has not been shown)"
        else:
            when = committed.at.strftime("%Y-%m-%d %H:%M UTC")
            again = ", revised since" if revised_since_commit(record, stage) else ""
            where = f" in revision {committed.revision}" if committed.revision else ""
            state = f"committed {when}, first attempt kept{where}{again}"
        part.items.append(f"{title}: {state}")
        answers = learning.reflections.get(stage, {})
        for question in reflection_questions(stage, scenario):
            answer = answers.get(question.id, "").strip()
            if answer:
                part.items.append(f"{title}, reflection. {question.text} — {answer}")
    return part


def case_parts(record: CaseRecord, scenario: Scenario) -> list[Part]:
    return [
        _intake(record, scenario),
        _assessment(record, scenario),
        *_plan(record, scenario),
        *_monitoring(record, scenario),
        *_closure(record, scenario),
        _learning(record, scenario),
    ]


def _title(record: CaseRecord, scenario: Scenario) -> tuple[str, str]:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Case file: {scenario.client.name} ({scenario.title})",
        f"Case {record.case_id}, scenario {scenario.id}. Composite, fictional case for training. "
        f"Exported {stamp}.",
    )


def _md_cell(text: str) -> str:
    return md_escape(text).replace("|", "\\|").replace("\n", " ")


def case_markdown(record: CaseRecord, scenario: Scenario) -> str:
    title, subtitle = _title(record, scenario)
    lines = [f"# {md_escape(title)}", "", md_escape(subtitle), ""]
    for part in case_parts(record, scenario):
        lines += [f"{'#' * part.level} {md_escape(part.heading)}", ""]
        for paragraph in part.paragraphs:
            lines += [md_escape(paragraph), ""]
        if part.items:
            lines += [f"- {md_escape(item)}" for item in part.items] + [""]
        for header, rows in part.tables:
            lines.append("| " + " | ".join(map(_md_cell, header)) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines)


def _charts(record: CaseRecord, scenario: Scenario) -> dict[str, str]:
    from casework import charts, ecomap, measures

    return {
        "domains": charts.domain_chart(
            measures.scores_over_time(record, scenario), "Life-domain scores over time"
        ).html("export-domains"),
        "ecomap": charts.ecomap_chart(
            ecomap.layout(scenario.client.name, record.assessment.ties)
        ).html("export-ecomap"),
        "gas": charts.gas_chart(measures.gas_table(record)).html("export-gas"),
        "services": charts.service_chart(measures.service_table(record, scenario)).html(
            "export-services"
        ),
    }


_PAGE_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       line-height: 1.45; color: #111827; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #d1d5db; padding: 0.25em 0.6em; text-align: left; }
th { background: #f3f4f6; }
figure { margin: 1em 0; } figcaption { color: #4b5563; font-size: 0.9em; }
.cw-scroll { overflow-x: auto; max-width: 100%; }
"""


def case_html(record: CaseRecord, scenario: Scenario) -> str:
    """One HTML file with everything in it: no external links, images or scripts."""
    title, subtitle = _title(record, scenario)
    charts = _charts(record, scenario)
    body = [f"<h1>{escape(title)}</h1>", f"<p>{escape(subtitle)}</p>"]
    for part in case_parts(record, scenario):
        body.append(f"<h{part.level}>{escape(part.heading)}</h{part.level}>")
        body += [f"<p>{escape(p)}</p>" for p in part.paragraphs]
        if part.items:
            body.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in part.items) + "</ul>")
        for header, rows in part.tables:
            head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in header)
            cells = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>")
        body += [charts[name] for name in part.charts]
    return standalone_page(title, "".join(body))


def standalone_page(title: str, body: str) -> str:
    """One HTML file with everything inside (no links out, scripts or external images)."""
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_PAGE_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def export_case(record: CaseRecord, scenario: Scenario, format: str) -> str:
    if format == "md":
        return case_markdown(record, scenario)
    if format == "html":
        return case_html(record, scenario)
    raise ValueError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
