"""The written contract as a document: Markdown to export, HTML to show, plain text to grade.

One structure (a list of sections) is built from the record and rendered three ways, so
the copies never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from casework import prose
from casework.checks.consent import consent_basis, until
from casework.checks.plan import (
    CASE_MANAGER,
    CLIENT,
    ContractStatus,
    goal_deadlines,
    participants,
    party_name,
    resources_by_id,
)
from casework.markdown import md_escape
from casework.model import CarePlan, CaseRecord, Scenario
from casework.rules import load_rules

# What the client's copy says about each provider the plan names, by its consent basis.
_NO_RELEASE = {
    "release": "{name}: no release signed yet. We share nothing about you with them until you sign one.",
    "not_required_report": (
        "{name}: a report of suspected harm does not need your signature. We will tell you "
        "when a report is made, as soon as it is safe to."
    ),
    "not_required_emergency": (
        "{name}: in an emergency we call them without waiting for your signature, and tell "
        "you what we shared."
    ),
}


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


def _day(day: int | None) -> str:
    return f"day {day}" if day is not None else "(no date yet)"


def _sentence(part: str) -> str:
    part = part.strip().rstrip(".")
    return part[:1].upper() + part[1:] + "."


def contract_sections(record: CaseRecord, scenario: Scenario) -> list[Section]:
    plan = record.plan
    client = scenario.client.name
    resources = resources_by_id(scenario)
    deadlines = goal_deadlines(record, scenario)
    limit = f"{plan.time_limit_days} days" if plan.time_limit_days else "(no time limit set yet)"
    sections = [
        Section(
            "About this plan",
            (
                f"This is the plan {client} and the case manager made together. It runs for "
                f"{limit}, counted from the first meeting. We will look at it together at each "
                "visit and change it when things change.",
            ),
        )
    ]
    written = [(goal_id, goal) for goal_id, goal in plan.goals.items() if goal.text.strip()]
    for number, (goal_id, goal) in enumerate(written, start=1):
        items = []
        for step in goal.steps.values():
            who = party_name(step.who, scenario) if step.who else "(nobody yet)"
            parts = [f"{who}: {step.what or '(what?)'}", f"by {_day(step.due_day)}"]
            if step.where:
                parts.append(f"where: {step.where}")
            if step.how_often:
                parts.append(f"how often: {step.how_often}")
            if step.resource in resources and step.resource != step.who:
                parts.append(f"with {resources[step.resource].name}")
            if step.barrier:
                mitigation = f"; what we will do: {step.mitigation}" if step.mitigation else ""
                parts.append(f"what could get in the way: {step.barrier}{mitigation}")
            # one short sentence a part: a client reads "By day 5. Where: the clinic." more
            # easily than one long line (Federal Plain Language Guidelines: short sentences)
            items.append(" ".join(_sentence(part) for part in parts))
        deadline = deadlines.get(goal_id)
        paragraphs = (goal.text.strip(),)
        if deadline is not None:
            paragraphs += (f"Deadline: day {deadline}.",)
        sections.append(Section(f"Goal {number}", paragraphs, tuple(items) or ("No steps yet.",)))
    sections.append(
        Section(
            "If something does not happen",
            (plan.if_not_done.strip() or "(Not agreed yet.)",),
        )
    )
    shared = _sharing(plan, scenario)
    if shared:
        sections.append(Section("What you agreed we may share", (), tuple(shared)))
    signatures = []
    for party in participants(plan, scenario):
        signature = plan.signatures.get(party)
        role = {CLIENT: "client", CASE_MANAGER: "case manager"}.get(party, "provider")
        name = party_name(party, scenario)
        who = name if name.lower() == role else f"{name} ({role})"
        if signature and signature.name.strip():
            signatures.append(f"{who}: signed by {signature.name}, {_day(signature.day)}.")
        else:
            signatures.append(f"{who}: not signed yet.")
    sections.append(Section("Signatures", (), tuple(signatures)))
    return sections


def _sharing(plan: CarePlan, scenario: Scenario) -> list[str]:
    """Each release, with when it ends or that it was revoked; then each provider named
    without one, so the client's copy says nothing is shared with them yet."""
    lines = []
    for provider, release in plan.releases.items():
        line = (
            f"{party_name(provider, scenario)}: {release.shared} "
            f"({prose.purpose(release.purpose)}), "
            f"signed {_day(release.signed_day)}"
        )
        if until(release):
            line += f", {until(release)}"
        if release.revoked_day is not None:
            line += f". You took it back on day {release.revoked_day}: nothing more is shared"
        lines.append(line + ".")
    for provider in participants(plan, scenario)[2:]:
        if provider not in plan.releases:
            basis = consent_basis(provider, scenario)
            lines.append(_NO_RELEASE[basis].format(name=party_name(provider, scenario)))
    return lines


def contract_markdown(record: CaseRecord, scenario: Scenario) -> str:
    lines = [f"# Care plan and agreement: {md_escape(scenario.client.name)}", ""]
    for section in contract_sections(record, scenario):
        lines += [f"## {md_escape(section.heading)}", ""]
        for paragraph in section.paragraphs:
            lines += [md_escape(paragraph), ""]
        if section.items:
            lines += [f"- {md_escape(item)}" for item in section.items] + [""]
    return "\n".join(lines)


def contract_text(record: CaseRecord, scenario: Scenario) -> str:
    """The client's copy as plain prose: what the reading grade is measured on."""
    parts = []
    for section in contract_sections(record, scenario):
        parts += [*section.paragraphs, *section.items]
    return "\n".join(parts)


def contract_html(record: CaseRecord, scenario: Scenario, status: ContractStatus) -> str:
    """The contract as a page, with a checklist of its six elements above it."""
    checklist = "".join(
        f"<li class='cw-{'good' if e.met else 'warning'}'>"
        f"<b>{'✓' if e.met else '✗'} {escape(e.label)}</b>: {escape(e.detail)}"
        f"<br><small class='cw-muted'>{escape(e.why)}</small></li>"
        for e in status.elements
    )
    verdict = (
        "<p class='cw-panel cw-good e2e-contract-verdict' role='status'>✓ The contract is complete: "
        "all six elements are there.</p>"
        if status.complete
        else "<p class='cw-panel cw-warning e2e-contract-verdict' role='status'>✗ The contract is not "
        f"complete yet: {sum(not e.met for e in status.elements) + (1 if status.blocking else 0)} "
        "item(s) to finish.</p>"
    )
    blocking = "".join(
        f"<p class='cw-panel cw-error'>✗ {escape(f.message)}</p>" for f in status.blocking
    )
    # consent to-dos sit beside the contract without counting against it
    to_do = "".join(
        f"<p class='cw-panel cw-{f.severity} e2e-contract-to-do'>"
        f"{'!' if f.severity == 'warning' else 'i'} {escape(f.message)}</p>"
        for f in status.to_do
    )
    credit = (
        "<p class='cw-muted e2e-contract-source'><small>The six elements: "
        f"{escape(' '.join(load_rules('care_plan')['contract_source'].split()))}.</small></p>"
    )
    body = [f"<h3>Care plan and agreement: {escape(scenario.client.name)}</h3>"]
    for section in contract_sections(record, scenario):
        body.append(f"<h4>{escape(section.heading)}</h4>")
        body += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        if section.items:
            body.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in section.items) + "</ul>")
    return (
        f"{verdict}{blocking}{to_do}<ul class='cw-checklist'>{checklist}</ul>{credit}"
        f"<article class='cw-document e2e-contract-document'>{''.join(body)}</article>"
    )
