"""Closure: readiness indicators computed from the record, the procedures of a good
ending, the practice supervisor's review, and a summary drafted from the record.

Each indicator carries the evidence it rests on, so the learner sees why, not only what.
Wording and thresholds: `rules/closure.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from casework import prose
from casework.checks.assessment import domain_label, level_name
from casework.checks.findings import Finding, Report, finding_factory
from casework.checks.monitoring import (
    gas_levels,
    latest_ratings,
    notes_missing,
    ordered_reviews,
    review_t_scores,
    service_rows,
    shown_events,
    unsettled_signs,
)
from casework.checks.note import check_note
from casework.checks.plan import contract_status, release_missing, resources_by_id
from casework.model import CaseRecord, ClosureWork, EventKind, Goal, Scenario
from casework.rules import load_rules


@cache
def _rules() -> dict[str, Any]:
    return load_rules("closure")


def source() -> str:
    return _rules()["source"]


_finding = finding_factory("closure", source)


def verdict_label(verdict: str) -> str:
    return _rules()["verdicts"][verdict]


def exit_destinations() -> dict[str, str]:
    """HUD's destination groups (the keys case files store) with their labels."""
    groups = _rules()["exit_destinations"]["groups"]
    return {key: group["label"] for key, group in groups.items()}


def exit_destination_examples() -> dict[str, list[str]]:
    """The kinds of place HUD puts in each destination group."""
    groups = _rules()["exit_destinations"]["groups"]
    return {key: list(group["examples"]) for key, group in groups.items()}


def exit_destination_source() -> str:
    return _rules()["exit_destinations"]["source"]


def check_exit_destination(record: CaseRecord, scenario: Scenario) -> Report:
    """The student's exit destination beside the one the closure facts point to.

    Nothing is said until the student has chosen: their call comes first."""
    chosen, expected = record.closure.exit_destination, scenario.closure.exit_destination
    if chosen is None or chosen == expected:
        return Report()
    labels = exit_destinations()
    places = "; ".join(e[0].lower() + e[1:] for e in exit_destination_examples()[expected])
    finding = Finding(
        rule="closure.exit-destination.differs",
        category="closure",
        severity="warning",
        message=(
            f"You recorded “{labels[chosen].lower()}”, but the facts at closure point to "
            f"“{labels[expected].lower()}”. HUD groups a destination by the kind of place the "
            "client stays in right after the case ends (with family or friends, by whether the "
            "stay is meant to be permanent): a time-limited program stays temporary however "
            f"long it lasts. That group holds places such as: {places}."
        ),
        suggestion="Read the closure facts again: where will the client sleep the night after "
        "the case closes? Choose the group that place belongs to.",
        source=exit_destination_source(),
    )
    return Report((finding,))


# --- readiness --------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    present: bool
    evidence: tuple[str, ...]  # what in the record shows it (or shows it is missing)
    why: str


def _indicator(indicator_id: str, present: bool, evidence: list[str]) -> Indicator:
    spec = _rules()["indicators"][indicator_id]
    return Indicator(indicator_id, spec["label"], present, tuple(evidence), spec["why"])


def primary_goals(record: CaseRecord) -> dict[str, Goal]:
    """The goals that serve a priority the client stated; all written goals if none does."""
    written = {key: goal for key, goal in record.plan.goals.items() if goal.text.strip()}
    chosen = {key: goal for key, goal in written.items() if goal.priority.strip()}
    return chosen or written


def _goals_met(record: CaseRecord) -> Indicator:
    goals = primary_goals(record)
    reviews = ordered_reviews(record.monitoring)
    if not goals:
        return _indicator("goals_met", False, ["The care plan has no goals yet."])
    if not reviews:
        return _indicator("goals_met", False, ["No goal review yet: add one in monitoring."])
    review = reviews[-1][1]
    levels = gas_levels()
    evidence, met = [], True
    for goal_id, goal in goals.items():
        score = review.scores.get(goal_id)
        if score is None:
            met = False
            evidence.append(f"“{goal.text}”: not scored at the day {review.day} review.")
            continue
        met = met and score >= 0
        evidence.append(f"“{goal.text}”: {score:+d} ({levels[score].lower()}) on day {review.day}.")
    return _indicator("goals_met", met, evidence)


def _used(record: CaseRecord, resource: str) -> bool:
    use = record.monitoring.services.get(resource)
    return bool(use and (use.sessions_attended or use.completed))


def _navigation_skills(record: CaseRecord, scenario: Scenario) -> Indicator:
    directory = resources_by_id(scenario)
    evidence = []
    for goal in record.plan.goals.values():
        for step in goal.steps.values():
            if step.who == "client" and step.resource in directory and _used(record, step.resource):
                evidence.append(
                    f"{scenario.client.name} took the step “{step.what}” with "
                    f"{directory[step.resource].name}, and the record shows the service in use."
                )
    if not evidence:
        evidence = [
            "No step the client carried out with a provider is shown as used. Give the client "
            "a step they do themselves with a service, and record the sessions in monitoring."
        ]
        return _indicator("navigation_skills", False, evidence)
    return _indicator("navigation_skills", True, evidence)


def _natural_supports(record: CaseRecord, scenario: Scenario) -> Indicator:
    directory = resources_by_id(scenario)
    formal = {r.name.lower() for r in directory.values() if r.kind == "formal"}
    evidence = [
        f"Eco-map: a strong tie with {tie.name}."
        for tie in record.assessment.ties.values()
        if tie.kind == "strong" and tie.name.lower() not in formal
    ]
    evidence += [
        f"{resource.name} (informal support) is in use."
        for resource in directory.values()
        if resource.kind == "informal" and _used(record, resource.id)
    ]
    if not evidence:
        evidence = ["No strong informal tie on the eco-map and no informal support in use."]
        return _indicator("natural_supports", False, evidence)
    return _indicator("natural_supports", True, evidence)


@cache
def _outreach() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in _rules()["indicators"]["disengaged"]["outreach"]]


def _disengaged(record: CaseRecord, scenario: Scenario) -> Indicator:
    events = shown_events(scenario, record.monitoring)
    trailing = []
    for index, event in reversed(events):
        if event.kind != EventKind.appointment_missed:
            break
        trailing.append((index, event))
    needed = _rules()["indicators"]["disengaged"]["min_missed"]
    with_outreach = [
        (index, event)
        for index, event in trailing
        if any(p.search(record.monitoring.notes.get(str(index), "")) for p in _outreach())
    ]
    present = len(trailing) >= needed and len(with_outreach) == len(trailing)
    if not trailing:
        evidence = ["The latest contact was not a missed one."]
    else:
        evidence = [
            f"Day {event.day}: missed; outreach "
            f"{'documented' if (index, event) in with_outreach else 'not documented'} in the note."
            for index, event in reversed(trailing)
        ]
        if len(trailing) < needed:
            evidence.append(f"Fewer than {needed} missed contacts in a row at the end.")
    return _indicator("disengaged", present, evidence)


def _eligibility_lost(record: CaseRecord, scenario: Scenario) -> Indicator:
    lost = [
        criterion.text
        for criterion in scenario.eligibility.criteria
        if record.intake.eligibility_answers.get(criterion.id) == "not_met"
    ]
    if lost:
        return _indicator("eligibility_lost", True, [f"Not met: {text}." for text in lost])
    return _indicator("eligibility_lost", False, ["No eligibility rule is recorded as not met."])


def _transfer(record: CaseRecord, scenario: Scenario) -> Indicator:
    target = record.closure.transfer_to
    directory = resources_by_id(scenario)
    if target not in directory:
        return _indicator("transfer", False, ["No transfer to another service is recorded."])
    evidence = [f"Transfer recorded to {directory[target].name}."]
    missing = release_missing(record.plan, target, scenario)
    evidence.append(missing or "The client's release of information for it is recorded.")
    return _indicator("transfer", True, evidence)


def readiness_indicators(record: CaseRecord, scenario: Scenario) -> list[Indicator]:
    return [
        _goals_met(record),
        _navigation_skills(record, scenario),
        _natural_supports(record, scenario),
        _disengaged(record, scenario),
        _eligibility_lost(record, scenario),
        _transfer(record, scenario),
    ]


@dataclass(frozen=True)
class Verdict:
    value: str  # "ready" | "not_yet" | "ready_with_conditions"
    reasons: tuple[str, ...]
    conditions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return verdict_label(self.value)


ENDING_EARLY = ("transfer", "eligibility_lost", "disengaged")


def ending_early(indicators: list[Indicator]) -> list[Indicator]:
    """The reasons a case ends before its goals are met (a transfer, lost eligibility, a
    client who stopped coming): the ending is planned anyway."""
    return [i for i in indicators if i.id in ENDING_EARLY and i.present]


def closure_verdict(indicators: list[Indicator], record: CaseRecord, scenario: Scenario) -> Verdict:
    found = {indicator.id: indicator for indicator in indicators}
    ending_anyway = ending_early(indicators)
    if ending_anyway:
        conditions = []
        if found["transfer"].present:
            target = resources_by_id(scenario)[record.closure.transfer_to]
            conditions.append(
                f"Confirm that {target.name} has accepted the case, with the client's release "
                "recorded, before the last visit."
            )
        if found["eligibility_lost"].present:
            conditions.append("Refer the client to a service whose rules they do meet.")
        if found["disengaged"].present:
            conditions.append(
                "Send a closing letter that says how to come back, and keep the door open."
            )
        return Verdict(
            "ready_with_conditions", tuple(i.label for i in ending_anyway), tuple(conditions)
        )
    goals, skills, supports = (
        found["goals_met"],
        found["navigation_skills"],
        found["natural_supports"],
    )
    if not goals.present:
        return Verdict("not_yet", (f"Not yet: {goals.label.lower()}.", *goals.evidence))
    if skills.present and supports.present:
        return Verdict("ready", (goals.label, skills.label, supports.label))
    conditions = [
        f"Before the last visit: {indicator.label.lower()} is not shown yet. {indicator.why}"
        for indicator in (skills, supports)
        if not indicator.present
    ]
    return Verdict("ready_with_conditions", (goals.label,), tuple(conditions))


def readiness(record: CaseRecord, scenario: Scenario) -> tuple[list[Indicator], Verdict]:
    indicators = readiness_indicators(record, scenario)
    return indicators, closure_verdict(indicators, record, scenario)


def own_call_made(closure: ClosureWork) -> bool:
    """Has the student committed to a call, with a reason, before seeing the record's?
    (The design's learning loop: the student's own call first, then the answer.)"""
    return closure.judgement is not None and len(closure.judgement_reason.split()) >= 3


def compare_judgement(judgement: str | None, verdict: Verdict) -> Report:
    """The student's own call beside the record's, with the difference explained."""
    if judgement is None:
        return Report(
            (
                _finding(
                    "closure.judgement.missing",
                    "Make your own call first: is the case ready to close?",
                    severity="info",
                ),
            )
        )
    if judgement == verdict.value:
        return Report(strengths=(f"Your judgement matches the record: {verdict.label.lower()}.",))
    if verdict.value == "not_yet":
        message = (
            f"You judged “{verdict_label(judgement).lower()}”, but the record says not yet. "
            f"{prose.sentences(verdict.reasons)} Closing before the client's goals are reached "
            "ends help too early."
        )
        suggestion = "Hold the case open, review the goals with the client, and plan what is left."
    elif judgement == "not_yet":
        message = (
            f"You judged “not yet”, but the record shows: {prose.clauses(verdict.reasons)}. "
            "If something the record does not show keeps you from closing, write it down; "
            "otherwise keeping a case open with nothing left to do can build dependence."
        )
        suggestion = "Name what is still missing in the record, or plan the ending with the client."
    else:
        conditions = prose.sentences(verdict.conditions) or "No conditions are needed."
        message = (
            f"You judged “{verdict_label(judgement).lower()}”; the record says "
            f"“{verdict.label.lower()}”. {conditions}"
        )
        suggestion = None
    finding = _finding("closure.judgement.differs", message, suggestion=suggestion)
    return Report((finding,))


# --- procedures -------------------------------------------------------------------------


@cache
def _pattern(procedure_id: str, name: str) -> re.Pattern[str]:
    return re.compile(_rules()["procedures"]["items"][procedure_id][name])


@dataclass(frozen=True)
class Procedure:
    id: str
    label: str
    done: bool
    detail: str  # what is missing, or what the record shows
    why: str


def _procedure(procedure_id: str, done: bool, detail: str) -> Procedure:
    spec = _rules()["procedures"]["items"][procedure_id]
    why = spec["why"] + (
        f" For example: {spec['example']}" if "example" in spec and not done else ""
    )
    return Procedure(procedure_id, spec["label"], done, detail, why)


def closure_procedures(record: CaseRecord, scenario: Scenario) -> list[Procedure]:
    closure = record.closure
    days = _rules()["procedures"]["notice_days"]
    if closure.notice_day is None or closure.closing_day is None:
        notice = _procedure(
            "advance_notice", False, "Record the day you told the client and the closing day."
        )
    else:
        gap = closure.closing_day - closure.notice_day
        notice = _procedure(
            "advance_notice",
            gap >= days,
            f"Notice on day {closure.notice_day}, closing on day {closure.closing_day}: {gap} days"
            + ("." if gap >= days else f", fewer than {days}."),
        )
    items = _rules()["procedures"]["items"]
    crisis_plan_written = len(closure.crisis_plan.split()) >= items["crisis_plan"]["min_words"]
    follow_up_dated = bool(_pattern("follow_up", "when").search(closure.follow_up))
    reachable = bool(_pattern("handoff", "how").search(closure.handoff))
    names = [r.name for r in scenario.resources] + [t.name for t in record.assessment.ties.values()]
    named = [name for name in names if name and name.lower() in closure.handoff.lower()]
    if not named:
        handoff_detail = "Name each service or support the client keeps, from the directory."
    elif not reachable:
        handoff_detail = f"Names {', '.join(named)}; add how to reach each (hours, phone, walk in)."
    else:
        handoff_detail = f"Names {', '.join(named)}, with how to reach them."
    return [
        notice,
        _procedure(
            "progress_reviewed",
            closure.progress_reviewed,
            "Reviewed with the client." if closure.progress_reviewed else "Not reviewed yet.",
        ),
        _procedure(
            "crisis_plan",
            crisis_plan_written,
            "Written."
            if crisis_plan_written
            else "Say what the early signs are and whom the client calls.",
        ),
        _procedure("handoff", bool(named) and reachable, handoff_detail),
        _procedure(
            "follow_up",
            follow_up_dated,
            "Planned."
            if follow_up_dated
            else "Say who checks in, how, and when (a day or a number of weeks).",
        ),
        _procedure(
            "reason",
            bool(closure.reason.strip()),
            closure.reason.strip() or "Say why the case ends.",
        ),
        _procedure(
            "exit_destination",
            closure.exit_destination is not None,
            exit_destinations()[closure.exit_destination]
            if closure.exit_destination
            else "Choose one.",
        ),
    ]


# --- the closure summary ----------------------------------------------------------------


def draft_summary(record: CaseRecord, scenario: Scenario) -> str:
    """A first draft of the closure summary, assembled from the record for the student to edit."""
    client = scenario.client.name
    presenting = record.intake.presenting_issue.strip() or (
        f"{client} said: “{scenario.presenting_issue.client_words}”"
    )
    lines = [f"Closure summary: {client}", "", f"Presenting issue: {presenting}", ""]
    initial = record.assessment.initial
    latest = latest_ratings(record)
    changes = []
    for domain, rating in latest.items():
        before = initial.get(domain)
        if rating.score is None:
            continue
        if before is not None and before.score is not None and before.score != rating.score:
            changes.append(
                f"{domain_label(domain)} {before.score} → {rating.score} ({level_name(rating.score).lower()})"
            )
        else:
            changes.append(
                f"{domain_label(domain)} {rating.score} ({level_name(rating.score).lower()})"
            )
    lines.append(
        "Assessment (self-sufficiency scores, first → latest): "
        + ("; ".join(changes) or "not scored")
        + "."
    )
    lines += ["", "Goals and progress:"]
    reviews = ordered_reviews(record.monitoring)
    last = reviews[-1][1] if reviews else None
    levels = gas_levels()
    for goal_id, goal in record.plan.goals.items():
        if not goal.text.strip():
            continue
        score = last.scores.get(goal_id) if last else None
        result = f"{score:+d}, {levels[score].lower()}" if score is not None else "not reviewed"
        lines.append(f"- {goal.text} ({result})")
    t_scores = [t for *_, t in review_t_scores(record.monitoring) if t is not None]
    if t_scores:
        lines.append(
            "Goal attainment T-score: "
            + " → ".join(f"{t:.0f}" for t in t_scores)
            + " (50 = as expected)."
        )
    lines += ["", "Services:"]
    for row in service_rows(record, scenario):
        lines.append(
            f"- {row.name}: {row.attended} of {row.offered} sessions attended, {row.status}."
        )
    closure = record.closure
    destination = exit_destinations().get(closure.exit_destination or "", "not recorded")
    lines += [
        "",
        f"Closure reason: {closure.reason.strip().rstrip('.') or 'not recorded'}. Exit destination: {destination}.",
        "",
        "Recommendations: "
        + " ".join(
            part
            for part in (
                closure.handoff.strip(),
                f"Follow-up: {closure.follow_up.strip()}" if closure.follow_up.strip() else "",
                f"Crisis plan: {closure.crisis_plan.strip()}"
                if closure.crisis_plan.strip()
                else "",
            )
            if part
        ),
    ]
    return "\n".join(lines).rstrip() + "\n"


def check_summary(text: str) -> Report:
    if not text.strip():
        return Report(
            (
                _finding(
                    "closure.summary.missing",
                    "There is no closure summary yet. The next worker, or the client "
                    "coming back, reads it first.",
                    suggestion="Start from the draft built from the record, then edit it.",
                ),
            )
        )
    return check_note(text)


# --- the practice supervisor ---------------------------------------------------------------


def supervisor_review(record: CaseRecord, scenario: Scenario) -> list[str]:
    """What a practice supervisor would send back; an empty list approves the closure."""
    comments = []
    events_left = len(scenario.timeline) - record.monitoring.shown
    if events_left > 0:
        comments.append(
            f"The case is still unfolding: {events_left} timeline events are still to come in "
            "monitoring. Close from where the case is, not where you expect it to be."
        )
    for sign, status in unsettled_signs(scenario, record):
        comments.append(
            f"Day {sign.day}, {sign.title.lower()}: answer it in monitoring. {status.message}"
        )
    missing = notes_missing(scenario, record.monitoring)
    if missing:
        days = ", ".join(str(event.day) for event in missing)
        comments.append(
            f"Contact notes are missing for day {days}. Every contact goes on the record."
        )
    indicators, verdict = readiness(record, scenario)
    if verdict.value == "not_yet":
        comments.append("The record does not show readiness yet: " + " ".join(verdict.reasons))
    contract = contract_status(record, scenario)
    if not contract.complete and not ending_early(indicators):
        # a case that ends early may close with its contract unfinished (the export says
        # so); one that ends on its goals closes on the plan the client agreed to
        comments.append(
            f"The written contract is not complete: {contract.gaps()} "
            "Complete it in the care plan before closing."
        )
    if record.closure.judgement is None:
        comments.append("Give your own judgement of readiness, with your reasons.")
    elif record.closure.judgement != verdict.value:
        comments.append(
            f"Your judgement (“{verdict_label(record.closure.judgement).lower()}”) differs from "
            f"what the record shows (“{verdict.label.lower()}”). Explain or reconsider."
        )
    for procedure in closure_procedures(record, scenario):
        if not procedure.done:
            comments.append(f"{procedure.label}: {procedure.detail}")
    for finding in check_exit_destination(record, scenario).findings:
        comments.append(f"Exit destination: {finding.message}")
    if record.closure.transfer_to:
        missing_release = release_missing(record.plan, record.closure.transfer_to, scenario)
        if missing_release:
            comments.append(f"Transfer: {missing_release}")
    summary = check_summary(record.closure.summary)
    for finding in summary.findings:
        if finding.severity == "info":
            continue
        quoted = ""
        if finding.start is not None and finding.end is not None and record.closure.summary:
            quoted = f"“{record.closure.summary[finding.start : finding.end]}”: "
        comments.append(f"Closure summary: {quoted}{finding.message}")
    return comments
