"""Case files as JSON exports, which an instructor collects from a class.

`case_export` turns one case into a JSON-ready document: where each stage stands, the
result of every check, the GAS outcome, how the case closed, and the whole record.
`load_exports` reads a folder of them back; `casework/cohort_summary.py` summarises them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ValidationError

from casework.checks.assessment import check_assessment
from casework.checks.closure import check_summary, readiness, supervisor_review
from casework.checks.findings import Finding, Report
from casework.checks.intake import (
    check_baseline,
    check_eligibility,
    check_presenting_issue,
    check_rapport,
    check_triage,
)
from casework.checks.monitoring import check_event_note, check_services, review_t_scores
from casework.checks.plan import check_plan, check_plan_goal
from casework.checks.safety_response import compare_with_key, safety_sign
from casework.model import CaseRecord, Scenario
from casework.progress import case_progress

if TYPE_CHECKING:
    pass

EXPORT_FORMAT = "casework-case-export/1"


class FindingSummary(BaseModel):
    rule: str
    severity: str
    message: str


class CheckResult(BaseModel):
    stage: str
    check: str
    attempted: bool  # the stage is started: a pass on an empty stage would mean nothing
    passed: bool
    findings: list[FindingSummary]


class StageState(BaseModel):
    stage: str
    state: Literal["not_started", "started", "done"]
    next_item: str | None = None


class GasOutcome(BaseModel):
    reviews: int
    latest_t_score: float | None


class ClosureOutcome(BaseModel):
    judgement: str | None  # the student's call
    verdict: str  # what the record supports
    review_status: str  # the practice supervisor's
    exit_destination: str | None


class CaseExport(BaseModel):
    format: Literal["casework-case-export/1"]
    student: str | None = None
    scenario_id: str
    scenario_title: str
    exported_at: datetime
    stages: list[StageState]
    checks: list[CheckResult]
    gas: GasOutcome
    closure: ClosureOutcome
    record: dict


def _smart_goals(record: CaseRecord, scenario: Scenario) -> Report:
    """Every goal's SMART findings: a vague goal is a teaching signal, so it is exported."""
    findings = [
        f
        for goal in record.plan.goals.values()
        if goal.text.strip()
        for f in check_plan_goal(goal, record, scenario).findings
    ]
    return Report(tuple(findings))


def _contact_notes(record: CaseRecord, scenario: Scenario) -> Report:
    """The language and completeness of each contact note written for an unfolded event."""
    findings = [
        f
        for index, event in enumerate(scenario.timeline[: record.monitoring.shown])
        if (note := record.monitoring.notes.get(str(index), "")).strip()
        for f in check_event_note(note, event.kind).findings
    ]
    return Report(tuple(findings))


def _safety_responses(record: CaseRecord, scenario: Scenario) -> Report:
    """A safety event that has unfolded needs a committed response; once committed, the
    comparison with its key says what differs."""
    findings: list[Finding] = []
    for index, event in enumerate(scenario.timeline[: record.monitoring.shown]):
        if event.safety is None:
            continue
        sign = safety_sign(index, event)
        response = record.monitoring.safety.get(sign.id)
        if response is None or not response.committed:
            findings.append(
                Finding(
                    "safety.response.missing",
                    "safety",
                    "warning",
                    f"No safety response committed for day {event.day}: {event.summary}",
                )
            )
            continue
        findings.extend(compare_with_key(sign, response).findings)
    return Report(tuple(findings))


# (stage, check name, the check): each returns a Report on the record.
_CHECKS: list[tuple[str, str, Callable[[CaseRecord, Scenario], Report]]] = [
    ("intake", "rapport", lambda r, s: check_rapport(r.intake)),
    ("intake", "presenting issue", lambda r, s: check_presenting_issue(r.intake, s)),
    ("intake", "eligibility", lambda r, s: check_eligibility(r.intake, s)),
    ("intake", "triage", lambda r, s: check_triage(r.intake, s)),
    ("intake", "baseline record", lambda r, s: check_baseline(r.intake, s)),
    ("assessment", "assessment", lambda r, s: check_assessment(r.assessment, s)),
    ("plan", "care plan", check_plan),
    ("plan", "SMART goals", _smart_goals),
    ("monitoring", "contact notes", _contact_notes),
    ("monitoring", "safety response", _safety_responses),
    ("monitoring", "services", lambda r, s: Report(tuple(check_services(r, s)))),
    ("closure", "closure summary", lambda r, s: check_summary(r.closure.summary)),
]


def _supervisor_check(record: CaseRecord, scenario: Scenario, attempted: bool) -> CheckResult:
    missing = supervisor_review(record, scenario)
    return CheckResult(
        stage="closure",
        check="supervisor review",
        attempted=attempted,
        passed=not missing,
        findings=[
            FindingSummary(rule="closure.review.missing", severity="warning", message=item)
            for item in missing
        ],
    )


def case_export(record: CaseRecord, scenario: Scenario, student: str | None = None) -> dict:
    """One case as a JSON-ready dict (see `CaseExport`)."""
    progress = case_progress(record, scenario)
    started = {p.stage.key: p.state != "not_started" for p in progress}
    checks = [
        CheckResult(
            stage=stage,
            check=name,
            attempted=started[stage],
            passed=report.ok,
            findings=[
                FindingSummary(rule=f.rule, severity=f.severity, message=f.message)
                for f in report.findings
            ],
        )
        for stage, name, check in _CHECKS
        for report in [check(record, scenario)]
    ]
    checks.append(_supervisor_check(record, scenario, started["closure"]))
    t_scores = [t for _key, _day, t in review_t_scores(record.monitoring)]
    closure = record.closure
    export = CaseExport(
        format=EXPORT_FORMAT,
        student=student,
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        exported_at=datetime.now(UTC),
        stages=[
            StageState(stage=p.stage.key, state=p.state, next_item=p.next_item) for p in progress
        ],
        checks=checks,
        gas=GasOutcome(reviews=len(t_scores), latest_t_score=t_scores[-1] if t_scores else None),
        closure=ClosureOutcome(
            judgement=closure.judgement,
            verdict=readiness(record, scenario)[1].value,
            review_status=closure.review.status,
            exit_destination=closure.exit_destination,
        ),
        record=record.model_dump(mode="json"),
    )
    return export.model_dump(mode="json")


def case_json(record: CaseRecord, scenario: Scenario, student: str | None = None) -> str:
    return json.dumps(case_export(record, scenario, student), indent=2, ensure_ascii=False) + "\n"


class CohortError(ValueError):
    """An export that cannot be read, naming the file and the field."""


# An export is a few kilobytes, nested a few levels: past these it is not an export.
MAX_EXPORT_BYTES = 5_000_000
MAX_NESTING = 40


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number a case file can hold")


def _depth(value: object) -> int:
    """How deeply `value` nests (iteratively, so a hostile file cannot exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return deepest


def read_export(path: Path, catalogue=None) -> CaseExport:
    """One export, checked and recomputed: its record is validated and every summary
    field (stages, checks, GAS, closure) is made again from it and the scenario, so an
    edited summary cannot change the cohort's figures. Raises CohortError naming the file."""
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise CohortError(f"{path.name}: larger than an export can be")
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse_constant)
    except CohortError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else error
        raise CohortError(f"{path.name}: not a readable JSON file ({reason})") from None
    if _depth(data) > MAX_NESTING:
        raise CohortError(f"{path.name}: not a readable JSON file (nested too deeply)")
    try:
        export = CaseExport.model_validate(data)
        record = CaseRecord.model_validate(export.record)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(the whole file)"
        raise CohortError(
            f"{path.name}: field '{field}': {first['msg']}"
            " (make exports with `casework export CASE --format json`)"
        ) from None
    if catalogue is None:
        from casework.scenarios import load_catalogue

        catalogue = load_catalogue()
    scenario = catalogue.scenarios.get(record.scenario_id)
    if scenario is None:
        raise CohortError(f"{path.name}: scenario '{record.scenario_id[:60]}' is not in this workbook")
    recomputed = case_export(record, scenario, export.student)
    recomputed["exported_at"] = export.exported_at.isoformat()
    return CaseExport.model_validate(recomputed)


def read_exports(folder: Path) -> tuple[list[CaseExport], list[str]]:
    """Every `*.json` export in `folder` (sorted by name), and a sentence for each file
    left out, so one bad file does not stop a class's report."""
    if not folder.is_dir():
        raise CohortError(f"{folder}: not a folder of exported case files")
    from casework.scenarios import load_catalogue

    catalogue = load_catalogue()
    exports, skipped = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            exports.append(read_export(path, catalogue))
        except CohortError as error:
            skipped.append(str(error))
    return exports, skipped


def load_exports(folder: Path) -> list[CaseExport]:
    """Every export in `folder`, or CohortError for the first that cannot be used."""
    exports, skipped = read_exports(folder)
    if skipped:
        raise CohortError(skipped[0])
    return exports
