"""Case files as JSON exports, and an instructor's summary of many of them.

`case_export` turns one case into a JSON-ready document: where each stage stands, the
result of every check, the GAS outcome, how the case closed, and the whole record.
`cohort_summary` reads many such exports (a class) and counts, per stage and per check,
how many students passed, which findings came up most, and the GAS and closure outcomes.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ValidationError

from casework.checks.assessment import check_assessment
from casework.checks.closure import check_summary, readiness, supervisor_review
from casework.checks.findings import Report
from casework.checks.intake import (
    check_baseline,
    check_eligibility,
    check_presenting_issue,
    check_rapport,
    check_triage,
)
from casework.checks.monitoring import check_services, review_t_scores
from casework.checks.plan import check_plan
from casework.model import CaseRecord, Scenario
from casework.progress import STAGES, case_progress
from casework.store import data_home

if TYPE_CHECKING:
    import pandas as pd

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


# (stage, check name, the check): each returns a Report on the record.
_CHECKS: list[tuple[str, str, Callable[[CaseRecord, Scenario], Report]]] = [
    ("intake", "rapport", lambda r, s: check_rapport(r.intake)),
    ("intake", "presenting issue", lambda r, s: check_presenting_issue(r.intake, s)),
    ("intake", "eligibility", lambda r, s: check_eligibility(r.intake, s)),
    ("intake", "triage", lambda r, s: check_triage(r.intake, s)),
    ("intake", "baseline record", lambda r, s: check_baseline(r.intake, s)),
    ("assessment", "assessment", lambda r, s: check_assessment(r.assessment, s)),
    ("plan", "care plan", check_plan),
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


def load_exports(folder: Path) -> list[CaseExport]:
    """Every `*.json` export in `folder` (sorted by name)."""
    if not folder.is_dir():
        raise CohortError(f"{folder}: not a folder of exported case files")
    exports = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CohortError(f"{path.name}: not a readable JSON file ({error})") from error
        try:
            exports.append(CaseExport.model_validate(data))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "(the whole file)"
            raise CohortError(
                f"{path.name}: field '{field}': {first['msg']}"
                " (make exports with `casework export CASE --format json`)"
            ) from error
    return exports


def gas_outcome(t_score: float | None) -> str:
    """GAS reads T = 50 as the expected outcome: below, about, or above it."""
    if t_score is None:
        return "no GAS review"
    if round(t_score) < 50:
        return "below the expected outcome"
    if round(t_score) == 50:
        return "the expected outcome"
    return "above the expected outcome"


@dataclass(frozen=True)
class CohortSummary:
    students: int
    stages: pd.DataFrame  # stage, done, started, not_started
    checks: pd.DataFrame  # stage, check, students, passed, share
    findings: pd.DataFrame  # rule, message, students
    gas: pd.DataFrame  # outcome, students
    closure: pd.DataFrame  # measure, value, students

    def long_table(self) -> pd.DataFrame:
        """Every figure in one tidy table: section, stage, item, count, of."""
        import pandas as pd

        n = self.students
        rows = [
            ("stage", r.stage, state, getattr(r, state), n)
            for r in self.stages.itertuples()
            for state in ("done", "started", "not_started")
        ]
        rows += [
            ("check", r.stage, r.check, r.passed, r.students) for r in self.checks.itertuples()
        ]
        rows += [
            ("finding", "", f"{r.rule}: {r.message}", r.students, n)
            for r in self.findings.itertuples()
        ]
        rows += [("gas", "monitoring", r.outcome, r.students, n) for r in self.gas.itertuples()]
        rows += [
            ("closure", "closure", f"{r.measure}: {r.value}", r.students, n)
            for r in self.closure.itertuples()
        ]
        return pd.DataFrame(rows, columns=["section", "stage", "item", "count", "of"])


GAS_OUTCOMES = (
    "below the expected outcome",
    "the expected outcome",
    "above the expected outcome",
    "no GAS review",
)


def _stage_table(exports: list[CaseExport]) -> pd.DataFrame:
    import pandas as pd

    states = Counter((s.stage, s.state) for e in exports for s in e.stages)
    return pd.DataFrame(
        [
            {state: states[(stage.key, state)] for state in ("done", "started", "not_started")}
            | {"stage": stage.key}
            for stage in STAGES
        ],
        columns=["stage", "done", "started", "not_started"],
    )


def _check_table(exports: list[CaseExport]) -> pd.DataFrame:
    """Per check, of the students who started its stage: how many, and how many passed."""
    import pandas as pd

    counts: dict[tuple[str, str], list[int]] = {}
    for check in (c for e in exports for c in e.checks):
        total_passed = counts.setdefault((check.stage, check.check), [0, 0])
        total_passed[0] += check.attempted
        total_passed[1] += check.attempted and check.passed
    checks = pd.DataFrame(
        [
            {"stage": stage, "check": name, "students": total, "passed": passed}
            for (stage, name), (total, passed) in counts.items()
        ],
        columns=["stage", "check", "students", "passed"],
    )
    # none started: no share to report
    checks["share"] = (checks["passed"] / checks["students"].where(checks["students"] > 0)).round(3)
    return checks


def _finding_table(exports: list[CaseExport], top: int) -> pd.DataFrame:
    """The commonest warnings and errors, each counted once per student."""
    import pandas as pd

    students: Counter[str] = Counter()
    messages: dict[str, str] = {}
    for export in exports:
        found = {
            f.rule: f.message
            for c in export.checks
            if c.attempted
            for f in c.findings
            if f.severity in ("warning", "error")
        }
        for rule, message in found.items():
            messages.setdefault(rule, message)
        students.update(found.keys())
    ranked = sorted(students.items(), key=lambda item: (-item[1], item[0]))[:top]
    return pd.DataFrame(
        [{"rule": rule, "message": messages[rule], "students": count} for rule, count in ranked],
        columns=["rule", "message", "students"],
    )


def _closure_table(exports: list[CaseExport]) -> pd.DataFrame:
    import pandas as pd

    counts: Counter[tuple[str, str]] = Counter()
    for closure in (e.closure for e in exports):
        agrees = "yes" if closure.judgement == closure.verdict else "no"
        counts.update(
            [
                ("record supports", closure.verdict),
                ("supervisor", closure.review_status),
                ("exit destination", closure.exit_destination or "not recorded"),
                ("student's call matches the record", agrees),
            ]
        )
    return pd.DataFrame(
        [
            {"measure": measure, "value": value, "students": count}
            for (measure, value), count in sorted(counts.items())
        ],
        columns=["measure", "value", "students"],
    )


def cohort_summary(exports: Iterable[CaseExport], top_findings: int = 10) -> CohortSummary:
    import pandas as pd

    exports = list(exports)
    gas_counts = Counter(gas_outcome(e.gas.latest_t_score) for e in exports)
    gas = pd.DataFrame([{"outcome": o, "students": gas_counts[o]} for o in GAS_OUTCOMES])
    return CohortSummary(
        students=len(exports),
        stages=_stage_table(exports),
        checks=_check_table(exports),
        findings=_finding_table(exports, top_findings),
        gas=gas,
        closure=_closure_table(exports),
    )


COHORT_ENV = "CASEWORK_COHORT"


def cohort_folder() -> Path:
    """Where the instructor's notebook looks: `CASEWORK_COHORT`, else `cohort/` in the data folder."""
    return Path(os.environ.get(COHORT_ENV) or data_home() / "cohort")


def open_cohort(folder: Path | None = None) -> CohortSummary:
    """Summarise the exports in `folder` (default: `cohort_folder()`), saying what it read."""
    folder = folder or cohort_folder()
    exports = load_exports(folder) if folder.is_dir() else []
    if exports:
        print(f"Read {len(exports)} exported case file(s) from {folder}.")
    else:
        print(
            f"No exported case files in {folder} yet. Put each student's export there, made "
            "with `casework export CASE --format json --student NAME -o NAME.json`, or set "
            f"{COHORT_ENV} to the folder that holds them; then run this cell again."
        )
    return cohort_summary(exports)
