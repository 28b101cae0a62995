"""Consent to share information: the client's releases, read against the plan.

A release governs what is disclosed, not who may be named in a plan (HIPAA 45 CFR 164.508;
NASW Code of Ethics 1.07). So a provider named without one gets a to-do for before the
referral is sent, never a block; a release that is incomplete, expired or revoked while a
step still relies on it is flagged; and a line that takes reports of suspected abuse or an
emergency service needs no release at all, with a reminder to tell the client when it is
safe to. The wording and the citations are data: `casework/rules/consent.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from casework.checks.findings import Finding
from casework.model import ActionStep, CarePlan, Release, Resource, Scenario
from casework.rules import load_rules, one_line

RELEASE = "release"


@cache
def _rules() -> dict[str, Any]:
    return load_rules("consent")


def _text(key: str, **values: object) -> str:
    return one_line(_rules()["release"][key]).format(**values)


def _finding(rule: str, severity: str, message: str, suggestion: str, source: str) -> Finding:
    return Finding(
        rule=f"plan.{rule}",
        category="consent",
        severity=severity,  # type: ignore[arg-type]
        message=message,
        suggestion=suggestion,
        source=one_line(source),
    )


def _resource(provider: str, scenario: Scenario) -> Resource | None:
    return next((r for r in scenario.resources if r.id == provider), None)


def _name(provider: str, scenario: Scenario) -> str:
    resource = _resource(provider, scenario)
    return resource.name if resource else provider


def _named(plan: CarePlan, scenario: Scenario) -> Iterator[tuple[Resource, list[ActionStep]]]:
    """Each provider the plan names, in order, with the steps that name it."""
    steps: dict[str, list[ActionStep]] = {}
    for goal in plan.goals.values():
        for step in goal.steps.values():
            for party in dict.fromkeys((step.who, step.resource)):
                if _resource(party, scenario) is not None:
                    steps.setdefault(party, []).append(step)
    for provider, naming in steps.items():
        resource = _resource(provider, scenario)
        assert resource is not None
        yield resource, naming


def consent_basis(provider: str, scenario: Scenario) -> str:
    """`release`, `not_required_report` or `not_required_emergency` for a provider's id."""
    resource = _resource(provider, scenario)
    return resource.consent if resource else RELEASE


def basis_note(provider: str, scenario: Scenario) -> str | None:
    """Why no release is needed for a reporting line or an emergency service, else None."""
    basis = consent_basis(provider, scenario)
    if basis == RELEASE:
        return None
    spec = _rules()["bases"][basis]
    return one_line(spec["message"]).format(name=_name(provider, scenario))


def release_gaps(release: Release) -> list[str]:
    """What a release does not say yet, in the order a learner fills it in."""
    labels = _rules()["release"]["gaps"]
    present = {
        "shared": release.shared.strip(),
        "purpose": release.purpose.strip(),
        "signed_day": release.signed_day is not None,
        "expires": release.expires_day is not None or release.expires_event.strip(),
    }
    return [labels[key] for key, ok in present.items() if not ok]


def until(release: Release) -> str:
    """When a release ends, in words: "until day 90", "until the case closes"."""
    if release.expires_day is not None:
        return f"until day {release.expires_day}"
    event = release.expires_event.strip()
    return f"until {event.removeprefix('when ').removeprefix('until ')}" if event else ""


def release_missing(
    plan: CarePlan, provider: str, scenario: Scenario, on_day: int | None = None
) -> str | None:
    """What stands in the way of sharing anything about the client with `provider` (on
    `on_day`, when given), or None when nothing does: a complete, current release, or a
    reporting line or emergency service that needs none."""
    if consent_basis(provider, scenario) != RELEASE:
        return None
    name = _name(provider, scenario)
    release = plan.releases.get(provider)
    if release is None:
        return _text("to_do", name=name)
    if release.revoked_day is not None:
        return _text("revoked", name=name, day=release.revoked_day)
    gaps = release_gaps(release)
    if gaps:
        return _text("incomplete", name=name, gaps=", ".join(gaps))
    end, signed = release.expires_day, release.signed_day
    if end is not None and signed is not None and end < signed:
        return _text("ends_before_signed", name=name, end=end, signed=signed)
    if end is not None and on_day is not None and on_day > end:
        return _text("ended", name=name, end=end)
    return None


def _due(step: ActionStep) -> str:
    return f"day {step.due_day}" if step.due_day is not None else "no date yet"


def _release_findings(resource: Resource, steps: list[ActionStep], plan: CarePlan) -> list[Finding]:
    rules = _rules()["release"]
    source = rules["source"]
    name = resource.name
    release = plan.releases.get(resource.id)
    if release is None:
        return [
            _finding(
                "release-to-do",
                "info",
                _text("to_do", name=name),
                _text("to_do_suggestion", name=name),
                _rules()["bases"][RELEASE]["source"],
            )
        ]
    if release.revoked_day is not None:
        after = [s for s in steps if s.due_day is None or s.due_day >= release.revoked_day]
        if not after:
            return []
        step = after[0]
        message = (
            _text("revoked", name=name, day=release.revoked_day)
            + " "
            + _text("revoked_step", step=step.what or "a step", due=_due(step), name=name)
        )
        return [
            _finding(
                "release-revoked",
                "warning",
                message,
                _text("revoked_suggestion", name=name),
                source,
            )
        ]
    gaps = release_gaps(release)
    end, signed = release.expires_day, release.signed_day
    if gaps or (end is not None and signed is not None and end < signed):
        message = (
            _text("incomplete", name=name, gaps=", ".join(gaps))
            if gaps
            else _text("ends_before_signed", name=name, end=end, signed=signed)
        )
        return [
            _finding(
                "release-incomplete",
                "warning",
                f"{message} {_text('incomplete_why')}",
                _text("incomplete_suggestion"),
                source,
            )
        ]
    late = [s for s in steps if end is not None and s.due_day is not None and s.due_day > end]
    if late:
        step = late[0]
        return [
            _finding(
                "release-expired",
                "warning",
                _text("expired", name=name, end=end, step=step.what or "a step", due=step.due_day),
                _text("expired_suggestion", end=end),
                source,
            )
        ]
    return []


def check_consent(plan: CarePlan, scenario: Scenario) -> list[Finding]:
    """For each provider the plan names: what its consent basis asks of the worker."""
    findings = []
    for resource, steps in _named(plan, scenario):
        if resource.consent == RELEASE:
            findings += _release_findings(resource, steps, plan)
            continue
        spec = _rules()["bases"][resource.consent]
        findings.append(
            _finding(
                "consent-report"
                if resource.consent == "not_required_report"
                else "consent-emergency",
                "info",
                one_line(spec["message"]).format(name=resource.name),
                one_line(spec["suggestion"]),
                spec["source"],
            )
        )
    return findings


def consent_texts() -> dict[str, str]:
    """The section's teaching lines for the app: third parties, and that this is not legal advice."""
    rules = _rules()
    return {
        "third_party": one_line(rules["third_party"]["teaching"]),
        "not_legal_advice": one_line(rules["not_legal_advice"]),
    }


def recorded_message(provider: str, release: Release, scenario: Scenario) -> str:
    return _text("recorded", name=_name(provider, scenario), until=until(release))


__all__ = [
    "basis_note",
    "check_consent",
    "consent_basis",
    "consent_texts",
    "recorded_message",
    "release_gaps",
    "release_missing",
    "until",
]
