"""An instructor's summary of a class's exported case files.

Per stage and check: how many students passed. Per EPAS competency and behavior: how many
showed it and which need re-teaching (`casework/competencies.py`). The commonest findings,
grouped so that language, safety and SMART findings are never crowded out by missing
fields. GAS and closure outcomes in plain words, "not attempted" kept apart from "did not
match". One row per student, for the per-student pages and the gradebook.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from casework.checks.closure import exit_destinations
from casework.cohort import CaseExport, read_exports
from casework.competencies import (
    STATUSES,
    cohort_counts,
    competency_map,
    signal_group,
    signal_groups,
    student_competencies,
)
from casework.progress import STAGES
from casework.rules import load_rules
from casework.store import data_home

if TYPE_CHECKING:
    import pandas as pd

STAGE_TITLES = {stage.key: stage.title for stage in STAGES}
_REVIEW_LABELS = {
    "draft": "not requested",
    "requested": "requested",
    "approved": "approved",
    "sent_back": "sent back",
}


def gas_outcome(t_score: float | None) -> str:
    """GAS reads T = 50 as the expected outcome: below, about, or above it."""
    if t_score is None:
        return "no GAS review"
    if round(t_score) < 50:
        return "below the expected outcome"
    if round(t_score) == 50:
        return "the expected outcome"
    return "above the expected outcome"


GAS_OUTCOMES = (
    "below the expected outcome",
    "the expected outcome",
    "above the expected outcome",
    "no GAS review",
)


def student_name(export: CaseExport, number: int) -> str:
    """The name an export was made for, or a stand-in that says it had none."""
    return export.student or f"student {number + 1} (no name in the export)"


@dataclass(frozen=True)
class CohortSummary:
    students: int
    stages: pd.DataFrame  # stage, done, started, not_started
    checks: pd.DataFrame  # stage, check, students, passed, share
    findings: pd.DataFrame  # group, rule, message, students
    gas: pd.DataFrame  # outcome, students
    closure: pd.DataFrame  # measure, value, students
    behaviors: pd.DataFrame  # competency, behavior, text, met … not attempted, reteach
    roster: pd.DataFrame  # student, scenario, one column per competency
    exports: tuple[CaseExport, ...] = ()

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
            ("finding", r.group, f"{r.rule}: {r.message}", r.students, n)
            for r in self.findings.itertuples()
        ]
        rows += [
            (
                "behavior",
                f"Competency {r.competency}",
                f"{r.behavior} {status}",
                getattr(r, status.replace(" ", "_")),
                n,
            )
            for r in self.behaviors.itertuples()
            for status in STATUSES
        ]
        rows += [("gas", "monitoring", r.outcome, r.students, n) for r in self.gas.itertuples()]
        rows += [
            ("closure", "closure", f"{r.measure}: {r.value}", r.students, n)
            for r in self.closure.itertuples()
        ]
        return pd.DataFrame(rows, columns=["section", "stage", "item", "count", "of"])


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
    """The commonest warnings and errors in each teaching-signal group, each counted once
    per student, `top` per group: missing fields cannot crowd out the language findings."""
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
    rows = []
    for group in [*signal_groups(), "Other"]:
        ranked = sorted(
            ((rule, n) for rule, n in students.items() if signal_group(rule) == group),
            key=lambda item: (-item[1], item[0]),
        )[:top]
        rows += [
            {"group": group, "rule": rule, "message": messages[rule], "students": n}
            for rule, n in ranked
        ]
    return pd.DataFrame(rows, columns=["group", "rule", "message", "students"])


def closure_call_matches(export: CaseExport) -> str:
    """Did the student's closure call match what the record supports? "not attempted" when
    they have made no call, which is not the same as a call that differs."""
    closure = export.closure
    if closure.judgement is None:
        return "not attempted"
    return "yes" if closure.judgement == closure.verdict else "no, a different call"


def _closure_table(exports: list[CaseExport]) -> pd.DataFrame:
    import pandas as pd

    verdicts = load_rules("closure")["verdicts"]
    destinations = exit_destinations()
    counts: Counter[tuple[str, str]] = Counter()
    for export in exports:
        closure = export.closure
        counts.update(
            [
                ("record supports", verdicts.get(closure.verdict, closure.verdict)),
                (
                    "supervisor review",
                    _REVIEW_LABELS.get(closure.review_status, closure.review_status),
                ),
                (
                    "exit destination",
                    destinations.get(closure.exit_destination or "", "not recorded"),
                ),
                ("student's call matches the record", closure_call_matches(export)),
            ]
        )
    return pd.DataFrame(
        [
            {"measure": measure, "value": value, "students": count}
            for (measure, value), count in sorted(counts.items())
        ],
        columns=["measure", "value", "students"],
    )


def _behavior_table(exports: list[CaseExport]) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for counted in cohort_counts(exports):
        row = {
            "competency": counted.behavior.competency,
            "behavior": counted.behavior.id,
            "text": counted.behavior.text,
        }
        row |= {status.replace(" ", "_"): counted.counts[status] for status in STATUSES}
        share = counted.met_share
        row["met_share"] = round(share, 3) if share is not None else None
        row["reteach"] = counted.reteach
        rows.append(row)
    columns = ["competency", "behavior", "text", *(s.replace(" ", "_") for s in STATUSES)]
    return pd.DataFrame(rows, columns=[*columns, "met_share", "reteach"])


def _roster(exports: list[CaseExport]) -> pd.DataFrame:
    """One row per student: name, scenario, then each competency's status."""
    import pandas as pd

    competencies = competency_map()
    rows = []
    for number, export in enumerate(exports):
        statuses = student_competencies(export)
        rows.append(
            {"student": student_name(export, number), "scenario": export.scenario_title}
            | {c.label: statuses[c.id] for c in competencies}
        )
    return pd.DataFrame(rows, columns=["student", "scenario", *(c.label for c in competencies)])


def cohort_summary(exports: Iterable[CaseExport], top_findings: int = 5) -> CohortSummary:
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
        behaviors=_behavior_table(exports),
        roster=_roster(exports),
        exports=tuple(exports),
    )


COHORT_ENV = "CASEWORK_COHORT"


def cohort_folder() -> Path:
    """Where the instructor's app looks: `CASEWORK_COHORT`, else `cohort/` in the data folder."""
    return Path(os.environ.get(COHORT_ENV) or data_home() / "cohort")


def read_cohort(folder: Path | None = None) -> tuple[CohortSummary, str]:
    """Summarise the exports in `folder` (default: `cohort_folder()`), with a sentence
    saying what was read (or what to do when there is nothing)."""
    folder = folder or cohort_folder()
    exports, skipped = read_exports(folder) if folder.is_dir() else ([], [])
    left_out = (
        f" Left out {len(skipped)} file(s) that are not workbook exports: " + "; ".join(skipped[:5])
        if skipped
        else ""
    )
    if exports:
        message = f"Read {len(exports)} exported case file(s) from {folder}.{left_out}"
        return cohort_summary(exports), message
    return cohort_summary([]), (
        f"No exported case files in {folder} yet. Put each student's export there, made "
        "with `casework export CASE --format json --student NAME -o NAME.json`, or set "
        f"{COHORT_ENV} to the folder that holds them, then press “Read the exports”.{left_out}"
    )
