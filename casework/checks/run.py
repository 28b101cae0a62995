"""Running checks by name and showing their reports: as JSON lines or as readable text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from casework.checks.findings import Finding, Report


def _goal(text: str) -> Report:
    from casework.checks.goal import check_goal

    return check_goal(text)


def _note(text: str) -> Report:
    from casework.checks.note import check_note

    return check_note(text)


def _deid(text: str) -> Report:
    from casework.checks.deid import find_identifiers

    return find_identifiers(text)


def _plain(text: str) -> Report:
    from casework.checks.plain import check_plain_language

    return check_plain_language(text)


CHECKS: dict[str, Callable[[str], Report]] = {
    "goal": _goal,
    "note": _note,
    "deid": _deid,
    "plain": _plain,
}


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity,
        "message": finding.message,
        "start": finding.start,
        "end": finding.end,
        "suggestion": finding.suggestion,
        "source": finding.source,
    }


def report_dict(text: str, report: Report) -> dict[str, Any]:
    """The JSON shape other tools rely on: text, ok, findings (+ smart and criteria for goals)."""
    result: dict[str, Any] = {
        "text": text,
        "ok": report.ok,
        "findings": [finding_dict(f) for f in report.findings],
    }
    criteria = getattr(report, "criteria", None)
    if criteria is not None:
        result["smart"] = report.smart  # type: ignore[attr-defined]
        # "source" is added only where a criterion has its own (the contract stays {met, reason})
        result["criteria"] = {
            name: {
                key: value
                for key, value in asdict(criterion).items()
                if value is not None or key == "met"
            }
            for name, criterion in criteria.items()
        }
    grade = getattr(report, "grade", None)
    if grade is not None:
        result["grade"] = grade
    return result


_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "good": "\033[32m"}
_RESET, _BOLD = "\033[0m", "\033[1m"


def render_text(text: str, report: Report, colour: bool) -> str:
    """A report for people: the text with each span marked, then what to change and why."""

    def paint(value: str, key: str) -> str:
        return f"{_COLOURS[key]}{value}{_RESET}" if colour else value

    lines = []
    verdict = paint("✓ ok", "good") if report.ok else paint("✗ needs changes", "error")
    smart = getattr(report, "smart", None)
    if smart is not None:
        verdict += "  " + (paint("SMART", "good") if smart else paint("not SMART yet", "warning"))
    lines.append(f"{_BOLD if colour else ''}{text.strip()[:200]}{_RESET if colour else ''}")
    lines.append(verdict)
    for finding in report.findings:
        tag = paint(f"[{finding.severity}]", finding.severity)
        lines.append(f"  {tag} {finding.rule}: {finding.message}")
        if (
            finding.start is not None
            and finding.end is not None
            and finding.end - finding.start < len(text)
        ):
            line_start = text.rfind("\n", 0, finding.start) + 1
            line_end = text.find("\n", finding.end)
            line = text[line_start : line_end if line_end != -1 else len(text)]
            offset = finding.start - line_start
            width = max(1, min(finding.end, line_start + len(line)) - finding.start)
            lines.append(f"      {line}")
            lines.append(f"      {' ' * offset}{paint('^' * width, finding.severity)}")
        if finding.suggestion:
            lines.append(f"      → {finding.suggestion}")
    for strength in report.strengths:
        lines.append(f"  {paint('✓', 'good')} {strength}")
    return "\n".join(lines)
