"""Evidence for the 2022 EPAS competencies, read from exported case files.

The map is data (`casework/rules/competencies.yaml`): each behavior names the stages and
the check rules it draws on. This module applies it: per student and behavior a status
(met, partly, not yet, not attempted), per competency the same rolled up, and per cohort
the counts an instructor reports and the behaviors that need re-teaching.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from casework.model import STAGE_SECTIONS
from casework.rules import load_rules

if TYPE_CHECKING:
    from casework.cohort import CaseExport

MET, PARTLY, NOT_YET, NOT_ATTEMPTED = "met", "partly", "not yet", "not attempted"
STATUSES = (MET, PARTLY, NOT_YET, NOT_ATTEMPTED)


@dataclass(frozen=True)
class Behavior:
    id: str
    text: str
    competency: str  # the competency's id
    stages: tuple[str, ...]
    rules: tuple[str, ...]
    requires: tuple[str, ...]


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    behaviors: tuple[Behavior, ...]

    @property
    def label(self) -> str:
        return f"Competency {self.id}: {self.name}"


@dataclass(frozen=True)
class Evidence:
    """One student's evidence for one behavior."""

    behavior: Behavior
    status: str
    findings: tuple[str, ...]  # the messages that count against it
    missing: tuple[str, ...]  # the `requires` items not there


@cache
def competency_map() -> tuple[Competency, ...]:
    data = load_rules("competencies")
    return tuple(
        Competency(
            str(c["id"]),
            c["name"],
            tuple(
                Behavior(
                    str(b["id"]),
                    b["text"],
                    str(c["id"]),
                    _stages(b),
                    tuple(b["rules"]),
                    tuple(b.get("requires", ())),
                )
                for b in c["behaviors"]
            ),
        )
        for c in data["competencies"]
    )


def _stages(behavior: dict[str, Any]) -> tuple[str, ...]:
    unknown = [s for s in behavior["stages"] if s not in STAGE_SECTIONS]
    if unknown:
        raise ValueError(
            f"competencies.yaml, behavior {behavior['id']}: unknown stage {unknown[0]!r} "
            f"(one of {', '.join(STAGE_SECTIONS)})"
        )
    return tuple(behavior["stages"])


def _settings() -> dict[str, Any]:
    return load_rules("competencies")


_REQUIREMENTS = {
    "reflections": "a reflection question answered",
    "gas_review": "a Goal Attainment Scaling review",
    "committed": "the stage committed before seeing the model answer",
}


def _has(requirement: str, behavior: Behavior, record: dict[str, Any]) -> bool:
    learning = record.get("learning") or {}
    if requirement == "reflections":
        answers = learning.get("reflections") or {}
        return any(
            text.strip()
            for stage in behavior.stages
            for text in (answers.get(stage) or {}).values()
        )
    if requirement == "gas_review":
        return bool((record.get("monitoring") or {}).get("reviews"))
    if requirement == "committed":
        return any(stage in (learning.get("committed") or {}) for stage in behavior.stages)
    raise ValueError(f"competencies.yaml: unknown requirement '{requirement}'")


def behavior_evidence(export: CaseExport, behavior: Behavior) -> Evidence:
    started = {s.stage for s in export.stages if s.state != "not_started"}
    stages = {STAGE_SECTIONS[stage] for stage in behavior.stages}
    if not stages & started:
        return Evidence(behavior, NOT_ATTEMPTED, (), ())
    findings = [
        f
        for check in export.checks
        if check.attempted and check.stage in stages
        for f in check.findings
        if f.severity in ("warning", "error") and f.rule.startswith(behavior.rules)
    ]
    missing = tuple(
        _REQUIREMENTS[r] for r in behavior.requires if not _has(r, behavior, export.record)
    )
    messages = tuple(dict.fromkeys(f.message for f in findings))
    if (
        any(f.severity == "error" for f in findings)
        or len(findings) > _settings()["partly_at_most"]
    ):
        status = NOT_YET
    elif findings or missing:
        status = PARTLY
    else:
        status = MET
    return Evidence(behavior, status, messages, missing)


def competency_status(statuses: list[str]) -> str:
    """A competency from its behaviors: met when every attempted one is met, not yet when
    none is met and one is not yet, partly otherwise."""
    attempted = [s for s in statuses if s != NOT_ATTEMPTED]
    if not attempted:
        return NOT_ATTEMPTED
    if all(s == MET for s in attempted):
        return MET
    if NOT_YET in attempted and MET not in attempted:
        return NOT_YET
    return PARTLY


def student_evidence(export: CaseExport) -> dict[str, list[Evidence]]:
    """By competency id: the student's evidence for each of its behaviors."""
    return {c.id: [behavior_evidence(export, b) for b in c.behaviors] for c in competency_map()}


def student_competencies(export: CaseExport) -> dict[str, str]:
    """By competency id: the student's rolled-up status."""
    return {
        cid: competency_status([e.status for e in evidence])
        for cid, evidence in student_evidence(export).items()
    }


@dataclass(frozen=True)
class BehaviorCount:
    behavior: Behavior
    counts: dict[str, int]  # by status

    @property
    def attempted(self) -> int:
        return sum(n for status, n in self.counts.items() if status != NOT_ATTEMPTED)

    @property
    def met_share(self) -> float | None:
        return self.counts[MET] / self.attempted if self.attempted else None

    @property
    def reteach(self) -> bool:
        share = self.met_share
        return share is not None and share < _settings()["reteach_below"]


def cohort_counts(exports: list[CaseExport]) -> list[BehaviorCount]:
    """For every behavior of the map: how many students are at each status."""
    counted = []
    for competency in competency_map():
        for behavior in competency.behaviors:
            tally = Counter(behavior_evidence(e, behavior).status for e in exports)
            counted.append(BehaviorCount(behavior, {s: tally[s] for s in STATUSES}))
    return counted


def signal_group(rule: str) -> str:
    """The teaching-signal group of a finding's rule (competencies.yaml `signals`)."""
    for group in _settings()["signals"]:
        if rule.startswith(tuple(group["rules"])):
            return group["name"]
    return "Other"


def signal_groups() -> list[str]:
    return [group["name"] for group in _settings()["signals"]]
