"""The shape every check returns: a report of findings that speak to a learner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class Finding:
    rule: str  # stable id, e.g. "intake.presenting-issue.no-quote"
    category: str
    severity: Severity
    message: str  # what to change and why, addressed to the learner
    suggestion: str | None = None  # a better version or a concrete next step
    source: str | None = None  # the guideline the rule rests on
    start: int | None = None  # character span in the checked text, when there is one
    end: int | None = None


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...] = ()
    strengths: tuple[str, ...] = field(default=())  # what the learner already did well

    @property
    def ok(self) -> bool:
        return not any(f.severity in ("warning", "error") for f in self.findings)


def finding_factory(category: str, source: Callable[[], str]) -> Callable[..., Finding]:
    """A module's own way to make findings: its category and its rule file's source filled in."""

    def make(
        rule: str,
        message: str,
        suggestion: str | None = None,
        severity: Severity = "warning",
        category: str = category,
    ) -> Finding:
        return Finding(rule, category, severity, message, suggestion, source())

    return make
