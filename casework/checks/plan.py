"""The care plan and its written contract: rules over the whole record.

Each rule is a small function from the record to findings, so each can be tested with a
plan that breaks it and one that keeps it. Word lists and the contract's elements are in
`casework/rules/care_plan.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from casework.checks.assessment import CRISIS, current_ratings, domain_label
from casework.checks.consent import check_consent, release_missing
from casework.checks.findings import Finding, Report
from casework.checks.goal import GoalContext, GoalReport, check_goal
from casework.checks.lexicon import PhraseIndex
from casework.checks.text import Passage
from casework.model import ActionStep, CarePlan, CaseRecord, Goal, Resource, Scenario
from casework.rules import load_rules, one_line

CLIENT, CASE_MANAGER = "client", "case_manager"


def release_to_dos(plan: CarePlan, step: ActionStep, scenario: Scenario) -> list[str]:
    """What a new step still needs before anything is shared with the providers it names.
    Naming them is allowed: a release governs what is shared (HIPAA 45 CFR 164.508)."""
    providers = dict.fromkeys(
        p for p in (step.who, step.resource) if p not in (CLIENT, CASE_MANAGER, "")
    )
    return [problem for p in providers if (problem := release_missing(plan, p, scenario))]


NEED_AT_MOST = 3  # a domain scored "safe" or lower is a need a goal may serve


@cache
def _rules() -> dict[str, Any]:
    return load_rules("care_plan")


@cache
def _directives() -> PhraseIndex:
    """Directives and requirements: each group cites its own source, or the file's."""
    groups = []
    for key in ("directives", "mandates"):
        spec = {**_rules()[key]}
        spec["source"] = one_line(spec.get("source", _rules()["source"]))
        spec["why"] = one_line(spec["why"])
        groups.append(spec)
    return PhraseIndex(groups)


def _finding(
    rule: str,
    message: str,
    suggestion: str | None = None,
    severity: str = "warning",
    category: str = "care-plan",
) -> Finding:
    return Finding(
        rule=f"plan.{rule}",
        category=category,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        suggestion=suggestion,
        source=_rules()["source"],
    )


# --- parties ----------------------------------------------------------------------------


def resources_by_id(scenario: Scenario) -> dict[str, Resource]:
    return {resource.id: resource for resource in scenario.resources}


def party_name(party: str, scenario: Scenario) -> str:
    if party == CLIENT:
        return scenario.client.name
    if party == CASE_MANAGER:
        return "Case manager"
    resource = resources_by_id(scenario).get(party)
    return resource.name if resource else party


def all_steps(plan: CarePlan) -> Iterator[tuple[str, Goal, str, ActionStep]]:
    for goal_id, goal in plan.goals.items():
        for step_id, step in goal.steps.items():
            yield goal_id, goal, step_id, step


def providers_in_step(step: ActionStep, scenario: Scenario) -> list[str]:
    known = resources_by_id(scenario)
    return [p for p in dict.fromkeys([step.who, step.resource]) if p in known]


def participants(plan: CarePlan, scenario: Scenario) -> list[str]:
    """Everyone with a part in the plan: the client, the case manager, each provider named."""
    providers = [p for *_, step in all_steps(plan) for p in providers_in_step(step, scenario)]
    return [CLIENT, CASE_MANAGER, *dict.fromkeys(providers)]


# --- goals ------------------------------------------------------------------------------


def goal_context(goal: Goal, record: CaseRecord, scenario: Scenario) -> GoalContext:
    ratings = current_ratings(record.assessment)
    needs = tuple(
        d.value for d, r in ratings.items() if r.score is not None and r.score <= NEED_AT_MOST
    )
    priorities = tuple(
        p
        for p in (
            *scenario.client_priorities,
            record.intake.client_wants,
            record.intake.client_hopes,
        )
        if p.strip()
    )
    linked = None
    if goal.priority.strip():
        linked = f"the client's priority “{goal.priority.strip().rstrip('.')}”"
    elif goal.domain is not None and goal.domain.value in needs:
        score = ratings[goal.domain].score
        linked = f"an assessed need: {domain_label(goal.domain)} (scored {score})"
    return GoalContext(
        time_limit_days=record.plan.time_limit_days,
        needs=needs,
        priorities=priorities,
        linked_to=linked,
        step_due_days=tuple(step.due_day for step in goal.steps.values()),
    )


def check_plan_goal(goal: Goal, record: CaseRecord, scenario: Scenario) -> GoalReport:
    """SMART feedback for one goal, with achievable and relevant read from the record."""
    return check_goal(goal.text, goal_context(goal, record, scenario))


def goal_deadlines(record: CaseRecord, scenario: Scenario) -> dict[str, int | None]:
    """Each goal's deadline in days, as read from its sentence."""
    return {
        goal_id: check_plan_goal(goal, record, scenario).deadline_days
        for goal_id, goal in record.plan.goals.items()
    }


# --- rules over the whole plan ------------------------------------------------------------


def check_participants(plan: CarePlan, scenario: Scenario) -> list[Finding]:
    """Every participant has at least one task of their own."""
    with_tasks = {step.who for *_, step in all_steps(plan) if step.what.strip()}
    findings = []
    for party in participants(plan, scenario):
        if party in with_tasks:
            continue
        name = party_name(party, scenario)
        findings.append(
            _finding(
                "participant-without-task",
                f"{name} has no task in the plan. Everyone who takes part carries at least one "
                "step: a plan where one side does all the work is not a shared plan.",
                f"Add a step with “{name}” as the person responsible, e.g. “{_example_task(party)}”.",
            )
        )
    return findings


def _example_task(party: str) -> str:
    if party == CLIENT:
        return "Call the legal clinic's intake line by day 5"
    if party == CASE_MANAGER:
        return "Send the referral form by day 3"
    return "Confirm the first appointment by day 7"


def check_sequence(plan: CarePlan, record: CaseRecord, scenario: Scenario) -> list[Finding]:
    """No step falls due after a step that depends on it, or after its goal's deadline."""
    steps = {step_id: step for _, _, step_id, step in all_steps(plan)}
    findings = []
    deadlines = goal_deadlines(record, scenario)
    for goal_id, _goal, step_id, step in all_steps(plan):
        label = step.what.strip() or step_id
        for before_id in step.after:
            before = steps.get(before_id)
            if before is None:
                findings.append(
                    _finding(
                        "unknown-prerequisite",
                        f"“{label}” waits for a step that is no longer in the plan.",
                        "Choose its prerequisites again.",
                    )
                )
                continue
            if (
                before.due_day is not None
                and step.due_day is not None
                and before.due_day > step.due_day
            ):
                findings.append(
                    _finding(
                        "prerequisite-after-step",
                        f"“{label}” is due on day {step.due_day}, but it needs “{before.what or before_id}” "
                        f"first, and that is not due until day {before.due_day}.",
                        f"Move “{before.what or before_id}” earlier, or “{label}” later.",
                    )
                )
        deadline = deadlines[goal_id]
        if deadline is not None and step.due_day is not None and step.due_day > deadline:
            findings.append(
                _finding(
                    "step-after-goal",
                    f"“{label}” is due on day {step.due_day}, after its goal's deadline (day {deadline}).",
                    "Bring the step forward, or give the goal a later deadline if that is realistic.",
                )
            )
    cycle = _cycle(steps)
    if cycle:
        findings.append(
            _finding(
                "prerequisite-cycle",
                "Some steps each wait for the other, so none of them can start: "
                + " → ".join(steps[s].what or s for s in cycle),
                "Remove one of the prerequisites.",
            )
        )
    return findings


def _cycle(steps: dict[str, ActionStep]) -> list[str]:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in steps[node].after:
            if nxt not in steps:
                continue
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        state[node] = 2
        path.pop()
        return []

    for node in steps:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def check_crisis_coverage(plan: CarePlan, record: CaseRecord) -> list[Finding]:
    """Every domain scored "in crisis" has a goal, or a written reason why not."""
    covered = {goal.domain for goal in plan.goals.values() if goal.domain and goal.text.strip()}
    findings = []
    for domain, rating in current_ratings(record.assessment).items():
        if (
            rating.score != CRISIS
            or domain in covered
            or plan.crisis_reasons.get(domain, "").strip()
        ):
            continue
        label = domain_label(domain)
        findings.append(
            _finding(
                "crisis-uncovered",
                f"{label} is scored 1 (in crisis), and no goal is linked to it. A crisis left out of "
                "the plan is a risk nobody is working on.",
                f"Add a goal and set its domain to {label}, or write why it is handled elsewhere "
                "(e.g. “Protective services opened an investigation on day 2”).",
                severity="error",
            )
        )
    return findings


def _texts(plan: CarePlan) -> Iterator[str]:
    for goal in plan.goals.values():
        yield goal.text
    for *_, step in all_steps(plan):
        yield step.what
    yield plan.if_not_done


def check_directives(plan: CarePlan) -> list[Finding]:
    """Collaborative wording: what was agreed, not orders to the client; and a requirement
    (a court order, a program rule) recorded as one, never as an agreement."""
    index = _directives()
    findings = []
    for text in _texts(plan):
        passage = Passage(text)
        norms, tokens = passage.norms, passage.tokens
        i = 0
        while i < len(norms):
            terms = [t for t in index.matches(norms, i) if not passage.in_quote(tokens[i].start)]
            if not terms:
                i += 1
                continue
            term, end = terms[0], i + len(terms[0].words)
            group = term.group
            phrase = text[tokens[i].start : tokens[end - 1].end]
            findings.append(
                Finding(
                    rule=group.id,
                    category=group.category,
                    severity=group.severity,  # type: ignore[arg-type]
                    message=f"{group.message.format(term=phrase)} {group.why}",
                    suggestion=f"Try “{term.instead}”. For example: {group.example}",
                    source=group.source,
                    start=tokens[i].start,
                    end=tokens[end - 1].end,
                )
            )
            i = end
    return findings


def collaborative(plan: CarePlan) -> bool:
    cues = _rules()["collaborative_cues"]
    texts = " ".join(_texts(plan)).lower()
    return any(cue in texts for cue in cues) or bool(Passage(texts).quotes)


def check_resource_fit(plan: CarePlan, record: CaseRecord, scenario: Scenario) -> list[Finding]:
    """A referral the client cannot use: wrong language, outside the age range, too long a wait."""
    known = resources_by_id(scenario)
    languages = {language.lower() for language in scenario.client.languages}
    age = scenario.client.age
    deadlines = goal_deadlines(record, scenario)
    findings = []
    for goal_id, _goal, _step_id, step in all_steps(plan):
        resource = known.get(step.resource)
        if resource is None:
            continue
        if not languages & {language.lower() for language in resource.languages}:
            findings.append(
                _finding(
                    "resource-language",
                    f"{resource.name} works in {', '.join(resource.languages)}; the client speaks "
                    f"{', '.join(scenario.client.languages)}.",
                    "Choose a provider that works in the client's language, or plan an interpreter "
                    "as this step's mitigation.",
                )
            )
        if (resource.min_age is not None and age < resource.min_age) or (
            resource.max_age is not None and age > resource.max_age
        ):
            findings.append(
                _finding(
                    "resource-age",
                    f"{resource.name} serves: {resource.eligibility} The client is {age}.",
                    "Look for a provider whose eligibility the client meets.",
                )
            )
        deadline = deadlines[goal_id]
        if deadline is not None and resource.waiting_days > deadline:
            findings.append(
                _finding(
                    "resource-wait",
                    f"{resource.name} has a wait of about {resource.waiting_days} days, longer than "
                    f"the goal's {deadline} days.",
                    "Plan what happens while the client waits, choose another provider, or give the "
                    "goal a realistic deadline.",
                )
            )
    return findings


def check_plan(record: CaseRecord, scenario: Scenario) -> Report:
    """Every plan rule at once, for the plan-wide feedback panel."""
    plan = record.plan
    findings = [
        *check_consent(plan, scenario),
        *check_crisis_coverage(plan, record),
        *check_participants(plan, scenario),
        *check_sequence(plan, record, scenario),
        *check_resource_fit(plan, record, scenario),
        *check_directives(plan),
    ]
    strengths = []
    if plan.goals and collaborative(plan):
        strengths.append("The plan records what was agreed with the client, in their words.")
    if plan.goals and not any(f.rule == "plan.participant-without-task" for f in findings):
        strengths.append("Every participant has a task.")
    return Report(tuple(findings), tuple(strengths))


# --- the written contract -------------------------------------------------------------------


@dataclass(frozen=True)
class ContractElement:
    id: str
    label: str
    why: str
    met: bool
    detail: str  # what is missing, or what makes it complete


@dataclass(frozen=True)
class ContractStatus:
    elements: tuple[ContractElement, ...]
    blocking: tuple[Finding, ...]  # plan errors that keep the contract from being signed off
    # consent to-dos: a release governs what is shared, not who is named, so these never block
    to_do: tuple[Finding, ...] = ()

    @property
    def complete(self) -> bool:
        return all(e.met for e in self.elements) and not self.blocking

    def gaps(self) -> str:
        """What the contract still lacks, element by element ("Signatures: …"), or the
        plan errors that block it."""
        unmet = [f"{e.label}: {e.detail}" for e in self.elements if not e.met]
        return " ".join(unmet or [f.message for f in self.blocking])


def _step_gaps(step: ActionStep) -> list[str]:
    return [
        label
        for label, present in (
            ("what", step.what.strip()),
            ("where", step.where.strip()),
            ("by when", step.due_day is not None),
            ("how often", step.how_often.strip()),
        )
        if not present
    ]


def contract_status(record: CaseRecord, scenario: Scenario) -> ContractStatus:
    """The six elements of a written contract, each met or with what is missing."""
    plan = record.plan
    goals = {gid: g for gid, g in plan.goals.items() if g.text.strip()}
    reports = {gid: check_plan_goal(g, record, scenario) for gid, g in goals.items()}
    specs = {spec["id"]: spec for spec in _rules()["contract"]}
    results: dict[str, tuple[bool, str]] = {}

    not_smart = [g.text for gid, g in goals.items() if not reports[gid].smart]
    if not goals:
        results["realistic_goals"] = (False, "No goals yet.")
    elif not_smart:
        results["realistic_goals"] = (False, f"Not yet SMART: “{not_smart[0]}”.")
    else:
        results["realistic_goals"] = (True, f"{len(goals)} SMART goal(s).")

    undated = [g.text for gid, g in goals.items() if reports[gid].deadline_days is None]
    if plan.time_limit_days is None:
        results["time_limits"] = (False, "The plan has no overall time limit.")
    elif not goals or undated:
        results["time_limits"] = (
            False,
            f"A goal has no deadline: “{undated[0]}”." if undated else "No goals yet.",
        )
    else:
        results["time_limits"] = (
            True,
            f"The plan runs {plan.time_limit_days} days; every goal has a deadline.",
        )

    stepless = [g.text for g in goals.values() if not g.steps]
    gaps = [
        f"“{step.what or 'a step'}” lacks {', '.join(_step_gaps(step))}"
        for goal in goals.values()
        for step in goal.steps.values()
        if _step_gaps(step)
    ]
    if not goals or stepless:
        results["planned_actions"] = (
            False,
            f"No action steps for “{stepless[0]}”." if stepless else "No goals yet.",
        )
    elif gaps:
        results["planned_actions"] = (False, gaps[0] + ".")
    else:
        results["planned_actions"] = (True, "Every step says what, where, by when and how often.")

    unassigned = [s.what or "a step" for g in goals.values() for s in g.steps.values() if not s.who]
    idle = check_participants(plan, scenario)
    if unassigned:
        results["responsibility"] = (False, f"Nobody is responsible for “{unassigned[0]}”.")
    elif idle:
        results["responsibility"] = (False, idle[0].message.split(".")[0] + ".")
    else:
        results["responsibility"] = (
            True,
            "Every step has a person responsible, and every party a task.",
        )

    if len(plan.if_not_done.split()) < 5:
        results["if_not_done"] = (False, "Say what happens if a step is missed, for any party.")
    else:
        results["if_not_done"] = (True, "Agreed in advance.")

    parties = participants(plan, scenario)
    unsigned = [
        party_name(p, scenario)
        for p in parties
        if not (
            plan.signatures.get(p)
            and plan.signatures[p].name.strip()
            and plan.signatures[p].day is not None
        )
    ]
    if unsigned:
        results["signatures"] = (False, f"Not yet signed and dated by: {', '.join(unsigned)}.")
    else:
        results["signatures"] = (True, f"Signed and dated by all {len(parties)} parties.")

    elements = tuple(
        ContractElement(key, specs[key]["label"], specs[key]["why"], *results[key]) for key in specs
    )
    blocking = tuple(check_crisis_coverage(plan, record))
    return ContractStatus(elements, blocking, tuple(check_consent(plan, scenario)))


__all__ = [
    "CASE_MANAGER",
    "CLIENT",
    "ContractElement",
    "ContractStatus",
    "check_consent",
    "check_crisis_coverage",
    "check_directives",
    "check_participants",
    "check_plan",
    "check_plan_goal",
    "check_resource_fit",
    "check_sequence",
    "contract_status",
    "participants",
    "release_missing",
    "release_to_dos",
]
