"""The scenario and case-record types: the one source of truth for what a file may hold.

A scenario is what a trainer writes (YAML in `scenarios/`); a case record is what a
student produces while working that scenario. Every model forbids unknown fields so a
typo in a scenario file is reported instead of silently ignored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- Scenario ---------------------------------------------------------------------------


class LifeDomain(StrEnum):
    """The assessment's life domains (practice guide, reference 002)."""

    basic_needs = "basic_needs"
    health = "health"
    social_support = "social_support"
    employment_education = "employment_education"
    legal = "legal"
    safety = "safety"


class Person(Strict):
    name: Text
    relation: Text
    age: int | None = Field(default=None, ge=0, le=89)


class Client(Strict):
    name: Text
    pronouns: Text
    age: int = Field(ge=0, le=89)
    languages: list[Text] = Field(min_length=1)
    household: list[Person] = []


class Referral(Strict):
    source: Text
    reason: Text
    contact_method: Text


class PresentingIssue(Strict):
    client_words: Text = Field(description="What the client says, verbatim, when asked why now.")
    referral_summary: Text = Field(description="How the referrer described the situation.")


class Fact(Strict):
    value: bool | int | float | str | None = Field(
        description="The screened value; null when the client could not yet document it."
    )
    evidence: Text = Field(description="What the worker hears or sees at intake.")


class Criterion(Strict):
    id: Identifier
    text: Text = Field(description="The program rule, as it is written in the program's policy.")
    fact: Identifier = Field(description="The name of the fact in `facts` this rule is tested on.")
    equals: bool | int | str | None = None
    at_most: float | None = None
    at_least: float | None = None
    explanation: Text = Field(description="Why the program has this rule: shown to the learner.")

    @model_validator(mode="after")
    def _one_test(self) -> Criterion:
        tests = [t for t in (self.equals, self.at_most, self.at_least) if t is not None]
        if len(tests) != 1:
            raise ValueError("give exactly one of equals, at_most or at_least")
        return self


class Eligibility(Strict):
    program: Text
    criteria: list[Criterion] = Field(min_length=1)
    facts: dict[Identifier, Fact]

    @model_validator(mode="after")
    def _criteria_name_known_facts(self) -> Eligibility:
        for index, criterion in enumerate(self.criteria):
            if criterion.fact not in self.facts:
                known = ", ".join(sorted(self.facts)) or "none"
                raise ValueError(
                    f"criteria[{index}] ({criterion.id}) tests fact '{criterion.fact}', "
                    f"which is not in facts (known facts: {known})"
                )
        ids = [c.id for c in self.criteria]
        if len(ids) != len(set(ids)):
            raise ValueError("criteria ids must be unique")
        return self


class UrgencyCategory(StrEnum):
    """Kinds of urgency signal; `casework/rules/triage.yaml` gives each its level."""

    danger_to_self = "danger_to_self"
    danger_to_others = "danger_to_others"
    violence_or_abuse = "violence_or_abuse"
    medical_emergency = "medical_emergency"
    basic_needs_gap = "basic_needs_gap"
    imminent_loss = "imminent_loss"
    context = "context"


class UrgencySignal(Strict):
    id: Identifier
    observation: Text = Field(description="What the worker hears or sees, as the student meets it.")
    category: UrgencyCategory
    why: Text = Field(description="Feedback: why this is (or is not) an urgency signal.")


class DomainFacts(Strict):
    facts: list[Text] = Field(min_length=1)


class Disclosure(Strict):
    id: Identifier
    day: int = Field(ge=1, description="Days after intake when this surfaces.")
    domain: LifeDomain
    text: Text
    model_score: int | None = Field(
        default=None,
        ge=1,
        le=5,
        description="The score the instructor gives `domain` once this is known (1–5).",
    )


class Strengths(Strict):
    personal: list[Text] = Field(min_length=1)
    supports: list[Text] = Field(min_length=1)
    environment: list[Text] = Field(min_length=1)
    past_successes: list[Text] = Field(min_length=1)
    cultural_assets: list[Text] = Field(min_length=1)


# Why sharing is allowed: the client's release, or a report or emergency that the law lets
# go ahead without it (HIPAA 45 CFR 164.512(b), (c), (j)). Wording: rules/consent.yaml.
ConsentBasis = Literal["release", "not_required_report", "not_required_emergency"]


class Resource(Strict):
    """One entry of the community's resource directory (design brief, stage 0)."""

    id: Identifier
    name: Text = Field(description="An invented organization or person; declare it as fictional.")
    kind: Literal["formal", "informal"] = Field(
        default="formal", description="Informal: family, faith community, self-help group."
    )
    services: list[Text] = Field(min_length=1)
    domains: list[LifeDomain] = Field(min_length=1)
    eligibility: Text = Field(description="Who the service is for, in plain words.")
    min_age: int | None = Field(default=None, ge=0)
    max_age: int | None = Field(default=None, ge=0)
    languages: list[Text] = Field(min_length=1)
    waiting_days: int = Field(default=0, ge=0, description="Typical wait before the first service.")
    hours: Text
    cost: Text
    how_to_refer: Text
    evidence: Text = Field(description="What is known about whether the service works.")
    consent: ConsentBasis = Field(
        default="release",
        description=(
            "What sharing the client's information with this service needs: the client's "
            "written release (the default), or none for a line that takes reports of "
            "suspected abuse, neglect or exploitation (not_required_report) or an emergency "
            "service (not_required_emergency). See casework/rules/consent.yaml."
        ),
    )


class EventKind(StrEnum):
    appointment_attended = "appointment_attended"
    appointment_missed = "appointment_missed"
    crisis = "crisis"
    disclosure = "disclosure"
    service_report = "service_report"
    contact = "contact"


# Where a report of suspected maltreatment goes: Child Protective Services for a child,
# Adult Protective Services for an older or dependent adult (state law names the agency
# and who must report; wording and sources in rules/safety_response.yaml).
ReportAgency = Literal["cps", "aps", "none"]


class SafetyKey(Strict):
    """The answer key for a timeline event in which someone may be in danger: what the risk
    is and to whom, whether a report is expected, and a model for each part of the safety
    response. The student sees it only after committing their own response."""

    risk: Text = Field(description="What the danger is, in observable terms.")
    at_risk: Text = Field(description="Who is at risk, and when (e.g. the children that night).")
    report_to: ReportAgency = Field(
        description="cps or aps when the facts give reasonable suspicion of maltreatment; none otherwise."
    )
    report_why: Text = Field(
        description="Why a report is (or is not) expected: reasonable suspicion, not proof."
    )
    report_required: bool = Field(
        default=True,
        description=(
            "False when whether these facts must be reported turns on the state's law and a "
            "supervisor's judgement: a decision not to report is then explained, not held."
        ),
    )
    immediate_safety: Text = Field(description="Model: what makes the people at risk safe now.")
    supervisor_consult: Text = Field(description="Model: the same-day consult and what it decides.")
    report_decision: Text = Field(description="Model: the report made (or not), to whom, when.")
    tell_client: Text = Field(description="Model: what the client is told, and when it is safe to.")
    documentation: Text = Field(description="Model: what goes on the record.")
    capacity: str | None = Field(
        default=None,
        description="Optional teaching on decision-making capacity, shown with the key.",
    )


class TimelineEvent(Strict):
    day: int = Field(ge=1, description="Days after intake.")
    kind: EventKind
    summary: Text
    client_statement: str | None = None
    safety: SafetyKey | None = Field(
        default=None,
        description=(
            "For an event in which someone may be in danger: the answer key for the safety "
            "response the student must make before the case moves on."
        ),
    )


# HUD's HMIS destination groups (Data Standards FY2024, 3.12 Destination); labels and
# examples in rules/closure.yaml. Saved case files store these keys: never rename them.
ExitDestination = Literal["permanent", "temporary", "institutional", "homeless", "other"]


class Closure(Strict):
    facts: list[Text] = Field(min_length=1)
    likely_reason: Text
    exit_destination: ExitDestination


# A Goal Attainment Scaling level: "-2" much less than expected … "0" the expected outcome
# … "2" much more than expected (Kiresuk & Sherman 1968).
GasLevel = Literal["-2", "-1", "0", "1", "2"]
# The closure call (rules/closure.yaml). Saved case files store these keys.
Judgement = Literal["ready", "not_yet", "ready_with_conditions"]
# The stages a student commits to, one app each. Saved case files store these keys.
StageName = Literal["intake", "assessment", "care_plan", "monitoring", "closure"]
# The part of the case record each stage writes; the progress bar and the exports name a
# stage by its section ("plan"), the learning record by its name ("care_plan").
STAGE_SECTIONS: dict[StageName, str] = {
    "intake": "intake",
    "assessment": "assessment",
    "care_plan": "plan",
    "monitoring": "monitoring",
    "closure": "closure",
}
STAGES: tuple[StageName, ...] = tuple(STAGE_SECTIONS)


# Who carries a step: the client, the case manager, or a provider by its resource id.
CLIENT_PARTY, CASE_MANAGER_PARTY = "client", "case_manager"


class ModelStep(Strict):
    """One step of the model plan, in the fields the written contract holds (who, what, by
    which day, where, how often), so the key can be set beside a student's plan and walked
    through the apps (tests/test_every_scenario_along_its_key.py)."""

    who: Identifier = Field(description="client, case_manager, or a resource id.")
    what: Text
    due_day: int = Field(ge=0, description="The day it is done by, counted from intake.")
    where: Text
    how_often: Text
    resource: str = Field(
        default="", description="The resource id the step uses, when `who` is not that provider."
    )


class ModelGoal(Strict):
    """One goal of the instructor's model plan, with its steps and its scale."""

    text: Text
    domain: LifeDomain
    why: Text = Field(description="The instructor's reason: the need or priority it serves.")
    # Plain sentences are still accepted, so scenarios written before the structured steps
    # load; the shipped ones use the structure.
    steps: list[ModelStep | Text] = Field(min_length=1, description="Who does what, by when.")
    gas_levels: dict[GasLevel, Text] = Field(
        description="What each Goal Attainment Scaling level (-2 … 2) looks like."
    )
    final_level: GasLevel | None = Field(
        default=None, description="The level the story reaches by the closing review."
    )
    priority: str = Field(
        default="",
        description=(
            "The client's priority this goal serves, verbatim from client_priorities. Closure "
            "readiness weighs the goals that serve one (all goals, when none is given)."
        ),
    )

    @model_validator(mode="after")
    def _every_level(self) -> ModelGoal:
        missing = [level for level in ("-2", "-1", "0", "1", "2") if level not in self.gas_levels]
        if missing:
            raise ValueError(f"gas_levels is missing level {', '.join(missing)}")
        return self


class ModelNote(Strict):
    """A model contact note for one timeline event."""

    event: int = Field(ge=0, description="The event's position in `timeline` (0 is the first).")
    note: Text
    why: Text = Field(description="What the note shows a student: the practice behind it.")


class ModelResponse(Strict):
    """The model answer to a warning sign in monitoring (a crisis, a disclosure, missed
    contacts): reassess with new scores, change the plan with a step, or explain why the
    plan stands."""

    event: int = Field(ge=0, description="The event that raises the sign (timeline position).")
    kind: Literal["reassess", "change_plan", "explain"]
    text: Text = Field(description="What was changed and why, or why the plan stands.")
    scores: dict[LifeDomain, int] = Field(
        default={}, description="For reassess: the domains scored again, 1–5."
    )
    goal: int | None = Field(
        default=None, ge=1, description="For change_plan: the model goal (1 is the first)."
    )
    step: ModelStep | None = Field(default=None, description="For change_plan: the step added.")

    @model_validator(mode="after")
    def _complete(self) -> ModelResponse:
        if self.kind == "reassess" and not self.scores:
            raise ValueError("a reassess response gives the new scores")
        if self.kind == "change_plan" and (self.goal is None or self.step is None):
            raise ValueError("a change_plan response names the goal and the step it adds")
        if any(not 1 <= score <= 5 for score in self.scores.values()):
            raise ValueError("scores must be 1–5")
        return self


class ServiceFigures(BaseModel):
    """What happened to one referral: the figures behind the utilisation table, in a
    student's record (`ServiceUse`) and in the answer key (`ModelServiceUse`) alike."""

    referred_day: int | None = Field(default=None, ge=0)
    sessions_offered: int = Field(default=0, ge=0)
    sessions_attended: int = Field(default=0, ge=0)
    completed: bool = False


class ModelServiceUse(ServiceFigures, Strict):
    """What the record shows of one service by the end of the timeline."""


class ModelRelease(Strict):
    """A release of information the client signs in the model record."""

    shared: Text = Field(description="What may be shared.")
    purpose: Text
    signed_day: int = Field(ge=0)
    expires_event: Text = Field(description="When it ends, e.g. 'when the case closes'.")


class ModelClosureWork(Strict):
    """The closing procedures as the model record holds them."""

    notice_day: int = Field(ge=0)
    closing_day: int = Field(ge=1)
    crisis_plan: Text
    handoff: Text = Field(description="Each service kept, with how to reach it.")
    follow_up: Text = Field(description="Who checks in, how, and when.")
    transfer_to: str = Field(default="", description="A resource id, when a service takes over.")


class AnswerKey(Strict):
    """The instructor's model answers for every stage. A student sees them only after saying
    "I'm done with this stage", beside their own work (casework/answer_key.py)."""

    intake_reflection: Text = Field(description="A model reflection offered at intake.")
    intake_why: Text = Field(description="Why the priority and the first steps are what they are.")
    score_reasons: dict[LifeDomain, Text] = Field(
        description="For each life domain, the facts behind the model score."
    )
    goals: list[ModelGoal] = Field(min_length=1)
    notes: list[ModelNote] = Field(min_length=1)
    if_not_done: str = Field(
        default="",
        description="The model contract's agreement on what happens if a step is missed.",
    )
    responses: list[ModelResponse] = Field(
        default=[], description="Model answers to the warning signs in monitoring."
    )
    services: dict[str, ModelServiceUse] = Field(
        default={}, description="By resource id: the service use the record shows at the end."
    )
    releases: dict[str, ModelRelease] = Field(
        default={}, description="By resource id: the releases the client signs."
    )
    closure_work: ModelClosureWork | None = None
    closure_call: Judgement
    closure_why: Text
    closure_summary: Text
    reflection_questions: dict[StageName, list[Text]] = Field(
        default={},
        description="Questions for a stage's reflection, drawn from the discussion questions.",
    )


CastRole = Literal["client", "source_of_risk", "helper"]


class Casting(Strict):
    """Who carries which role in the story, and how a reader is likely to read their name
    and background: the data of the library's casting review (tests/test_casting.py)."""

    name: Text
    role: CastRole
    background: Text = Field(
        description="How the name and story are likely to be read, e.g. “Latina”, “white”."
    )


class InstructorNotes(Strict):
    eligibility_verdict: Literal["eligible", "not_eligible", "pending"]
    priority: Literal["immediate", "urgent", "routine"]
    model_presenting_issue: Text
    model_initial_observations: Text
    domain_scores: dict[LifeDomain, int]
    model_goals: list[Text] = Field(min_length=1)
    discussion: list[Text] = Field(min_length=1)
    casting: list[Casting] = Field(
        default_factory=list,
        description="Who is the client, who is cast as a source of risk, who helps.",
    )
    answer_key: AnswerKey | None = Field(
        default=None,
        description="Model answers for every stage; `casework validate` requires one.",
    )

    @model_validator(mode="after")
    def _scores_in_scale(self) -> InstructorNotes:
        for domain, score in self.domain_scores.items():
            if not 1 <= score <= 5:
                raise ValueError(f"domain_scores.{domain.value} must be 1–5, got {score}")
        return self


class Scenario(Strict):
    """A composite, fictional client scenario that a student works from intake to closure."""

    id: Identifier
    title: Text
    setting: Text
    summary: Text
    # For picking a case on the start page (optional, so scenarios written before them
    # still load; the shipped ones give all three).
    practice_area: str = Field(
        default="", description="The field of practice, to filter by: e.g. 'Housing'."
    )
    level: Literal["introductory", "intermediate", "advanced"] | None = None
    minutes: int | None = Field(
        default=None, ge=15, le=600, description="An honest time to work it through, in minutes."
    )
    fictional_names: list[Text] = Field(
        min_length=1,
        description="Every person's name used anywhere in the file, declared as fictional.",
    )
    fictional_places: list[Text] = Field(
        default=[], description="Invented place and organization names used in the file."
    )
    client: Client
    referral: Referral
    presenting_issue: PresentingIssue
    eligibility: Eligibility
    urgency_signals: list[UrgencySignal] = Field(min_length=2)
    domains: dict[LifeDomain, DomainFacts]
    later_disclosures: list[Disclosure] = Field(min_length=1)
    strengths: Strengths
    client_priorities: list[Text] = Field(min_length=1)
    resources: list[Resource] = Field(
        min_length=2, description="The community's resource directory for this scenario."
    )
    timeline: list[TimelineEvent] = Field(min_length=6)
    closure: Closure
    instructor_notes: InstructorNotes

    @model_validator(mode="after")
    def _complete_story(self) -> Scenario:
        missing_domains = [d.value for d in LifeDomain if d not in self.domains]
        if missing_domains:
            raise ValueError(f"domains is missing {', '.join(missing_domains)}")
        kinds = {event.kind for event in self.timeline}
        needed = {EventKind.appointment_missed, EventKind.crisis, EventKind.disclosure}
        if not needed <= kinds:
            lacking = ", ".join(sorted(k.value for k in needed - kinds))
            raise ValueError(f"timeline needs at least one event of each kind: {lacking}")
        days = [event.day for event in self.timeline]
        if days != sorted(days):
            raise ValueError("timeline events must be in day order")
        resource_ids = [r.id for r in self.resources]
        if len(resource_ids) != len(set(resource_ids)):
            raise ValueError("resources ids must be unique")
        undeclared_places = [
            r.name
            for r in self.resources
            if r.name not in self.fictional_places and r.name not in self.fictional_names
        ]
        if undeclared_places:
            raise ValueError(
                "fictional_places (or fictional_names) must declare " + ", ".join(undeclared_places)
            )
        key = self.instructor_notes.answer_key
        late = [n.event for n in key.notes if n.event >= len(self.timeline)] if key else []
        if late:
            raise ValueError(
                f"instructor_notes.answer_key.notes: event {late[0]} is past the timeline's "
                f"last event ({len(self.timeline) - 1}; events count from 0)"
            )
        if key:
            _check_key_references(self, key)
        declared = set(self.fictional_names)
        people = [self.client.name, *(p.name for p in self.client.household)]
        people += [c.name for c in self.instructor_notes.casting]
        undeclared = [name for name in dict.fromkeys(people) if name not in declared]
        if undeclared:
            raise ValueError(f"fictional_names must declare {', '.join(undeclared)}")
        return self


def _check_key_references(scenario: Scenario, key: AnswerKey) -> None:
    """The key's steps, services and responses name parties and events the story has."""
    resources = {r.id for r in scenario.resources}
    parties = {CLIENT_PARTY, CASE_MANAGER_PARTY, *resources}
    base = "instructor_notes.answer_key"
    steps = [
        (f"goals.{g}.steps.{s}", step)
        for g, goal in enumerate(key.goals)
        for s, step in enumerate(goal.steps)
        if isinstance(step, ModelStep)
    ]
    steps += [(f"responses.{r}.step", x.step) for r, x in enumerate(key.responses) if x.step]
    for where, step in steps:
        if step.who not in parties:
            raise ValueError(
                f"{base}.{where}.who: '{step.who}' is not client, case_manager or a resource id"
            )
        if step.resource and step.resource not in resources:
            raise ValueError(f"{base}.{where}.resource: '{step.resource}' is not a resource id")
    for g, goal in enumerate(key.goals):
        if goal.priority and goal.priority not in scenario.client_priorities:
            raise ValueError(f"{base}.goals.{g}.priority: not one of client_priorities")
    for r, response in enumerate(key.responses):
        if response.event >= len(scenario.timeline):
            raise ValueError(f"{base}.responses.{r}.event: past the timeline's last event")
        if response.goal is not None and response.goal > len(key.goals):
            raise ValueError(f"{base}.responses.{r}.goal: there are {len(key.goals)} model goals")
    unknown = [r for r in [*key.services, *key.releases] if r not in resources]
    if unknown:
        raise ValueError(f"{base}: services or releases name '{unknown[0]}', not a resource id")
    if key.closure_work and key.closure_work.transfer_to not in {"", *resources}:
        raise ValueError(f"{base}.closure_work.transfer_to: not a resource id")


# --- Case record -------------------------------------------------------------------------

EligibilityAnswer = Literal["met", "not_met", "unknown"]
Priority = Literal["immediate", "urgent", "routine"]


class Intake(BaseModel):
    """What the student records at intake. Empty strings mean "not written yet"."""

    model_config = ConfigDict(extra="forbid")

    confidentiality_explained: bool = False
    confidentiality_limits_explained: bool = False
    reflection: str = ""
    client_wants: str = ""
    client_hopes: str = ""
    client_strengths: str = ""
    presenting_issue: str = ""
    eligibility_answers: dict[str, EligibilityAnswer] = {}
    urgency_flags: list[str] = []
    priority: Priority | None = None
    referral_source: str = ""
    contact_method: str = ""
    initial_observations: str = ""


class StrengthCategory(StrEnum):
    """Where strengths are looked for, beside the needs (strengths perspective)."""

    personal = "personal"
    supports = "supports"
    environment = "environment"
    past_successes = "past_successes"
    cultural_assets = "cultural_assets"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DomainRating(Record):
    """One life domain as the student rated it, with the facts that support the score."""

    score: int | None = Field(default=None, ge=1, le=5)
    evidence: list[str] = []  # scenario facts cited, verbatim
    note: str = ""
    immediate_action: str = ""  # for a domain in crisis: the action now, or why none


TieKind = Literal["strong", "tenuous", "stressful"]
Flow = Literal["to_client", "from_client", "both", "none"]


class Tie(Record):
    """A line on the eco-map: a person or system around the client."""

    name: str
    kind: TieKind
    flow: Flow = "none"


class Assessment(Record):
    initial: dict[LifeDomain, DomainRating] = {}
    strengths: dict[StrengthCategory, str] = {}  # one strength a line, in each category
    ties: dict[str, Tie] = {}
    revealed: list[str] = []  # ids of later disclosures the student has read
    reassessment: dict[LifeDomain, DomainRating] = {}


class ActionStep(Record):
    what: str = ""
    who: str = ""  # "client", "case_manager" or a resource id
    due_day: int | None = Field(default=None, ge=0)
    how_often: str = ""
    where: str = ""
    barrier: str = ""
    mitigation: str = ""
    resource: str = ""  # a resource id, or "" when none is needed
    after: list[str] = []  # ids of steps that must be done first


class Goal(Record):
    text: str = ""
    domain: LifeDomain | None = None
    priority: str = ""  # the client's stated priority this goal serves, verbatim
    steps: dict[str, ActionStep] = {}
    # what each GAS level looks like for this goal, written before any review; empty in
    # case files saved before levels existed (the check: casework/checks/gas.py)
    gas_levels: dict[GasLevel, str] = {}


class Release(Record):
    """The client's release of information for one provider (the key in `CarePlan.releases`
    says with whom). New fields have defaults so case files saved before them still open."""

    shared: str = ""  # what may be shared
    purpose: str = ""
    signed_day: int | None = Field(default=None, ge=0)
    expires_day: int | None = Field(default=None, ge=0)  # the day it ends, or
    expires_event: str = ""  # the event that ends it, e.g. "when the case closes"
    revoked_day: int | None = Field(default=None, ge=0)  # the day the client revoked it


class Signature(Record):
    name: str = ""
    day: int | None = Field(default=None, ge=0)


class CarePlan(Record):
    time_limit_days: int | None = Field(default=90, ge=1)
    goals: dict[str, Goal] = {}  # keyed by id so two windows' edits merge goal by goal
    crisis_reasons: dict[LifeDomain, str] = {}  # why a domain in crisis has no goal
    releases: dict[str, Release] = {}  # by resource id
    if_not_done: str = ""  # what happens if a party does not act
    signatures: dict[str, Signature] = {}  # by party: "client", "case_manager", resource id


ResponseKind = Literal["reassess", "change_plan", "explain"]


class Adjustment(Record):
    """The student's answer to a warning sign in the record ("analyze and adjust")."""

    kind: ResponseKind | None = None
    text: str = ""  # what was changed and why, or why the plan continues unchanged
    plan_before: str = ""  # fingerprint of the plan when the sign appeared


# The student's report decision (rules/safety_response.yaml): to CPS, APS, law enforcement,
# or no report. Saved case files store these keys: never rename them.
ReportChoice = Literal["report", "no_report"]
ReportTarget = Literal["cps", "aps", "law_enforcement", "none"]


class SafetyResponse(Record):
    """The student's safety response to a safety sign in monitoring. Empty means "not
    written yet"; every field has a default so older case files still open."""

    immediate: str = ""  # what was done to make the people at risk safe now
    consult_day: int | None = Field(default=None, ge=0)  # the supervisor consult's day
    consult: str = ""  # who was consulted, and what was decided
    report: ReportChoice | None = None
    report_to: ReportTarget | None = None
    report_day: int | None = Field(default=None, ge=0)
    report_reason: str = ""  # the facts behind the decision, either way
    tell_client: str = ""  # what the client is told, and when it is safe to
    documentation: str = ""  # what goes on the record
    committed: bool = False  # the student's own call is in: the answer key may show
    first_report: ReportChoice | None = None  # the decision as first committed, kept
    first_report_to: ReportTarget | None = None


class GasReview(Record):
    """One goal review by Goal Attainment Scaling: −2 … +2 per goal id."""

    day: int = Field(ge=0)
    scores: dict[str, Annotated[int, Field(ge=-2, le=2)]] = {}


class ServiceUse(ServiceFigures, Record):
    """One referral's figures in the student's record."""


class Monitoring(Record):
    shown: int = Field(default=0, ge=0)  # how many timeline events have unfolded
    notes: dict[str, str] = {}  # contact note by event number ("0", "1", …)
    reviews: dict[str, GasReview] = {}  # by review id, in the order they were added
    weights: dict[str, float] = {}  # optional GAS weight by goal id (default 1)
    services: dict[str, ServiceUse] = {}  # by resource id
    responses: dict[str, Adjustment] = {}  # by warning-sign id
    reassessments: dict[str, dict[LifeDomain, DomainRating]] = {}  # by warning-sign id
    safety: dict[str, SafetyResponse] = {}  # by safety-sign id ("safety-4")


ReviewStatus = Literal["draft", "requested", "approved", "sent_back"]


class SupervisorReview(Record):
    status: ReviewStatus = "draft"
    comments: list[str] = []
    requests: int = Field(default=0, ge=0)


class ClosureWork(Record):
    """What the student records when ending the case."""

    judgement: Judgement | None = None
    judgement_reason: str = ""
    closing_day: int | None = Field(default=None, ge=1)
    notice_day: int | None = Field(default=None, ge=0)
    progress_reviewed: bool = False
    crisis_plan: str = ""
    handoff: str = ""  # the resources handed over, with how to reach them
    follow_up: str = ""
    reason: str = ""
    exit_destination: ExitDestination | None = None
    transfer_to: str = ""  # resource id, when another service takes the case over
    summary: str = ""
    review: SupervisorReview = SupervisorReview()


def _now() -> datetime:
    return datetime.now(UTC)


class StageCommit(Record):
    """The moment a student said "I'm done with this stage": what they had written then
    (the first attempt, kept however the stage is edited later) and the revision saved."""

    at: datetime = Field(default_factory=_now)
    revision: int | None = None  # the case file revision that holds the first attempt
    first_attempt: dict[str, Any] = {}  # the stage's part of the record, as committed


class Learning(Record):
    """The student's commitments and reflections, stage by stage."""

    committed: dict[StageName, StageCommit] = {}
    reflections: dict[StageName, dict[str, str]] = {}  # by stage, then by question id


class CaseRecord(BaseModel):
    """One student's work on one scenario. Saved whole at every change (see store.py)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = 1
    case_id: Identifier
    scenario_id: Identifier
    created_at: datetime = Field(default_factory=_now)
    intake: Intake = Intake()
    assessment: Assessment = Assessment()
    plan: CarePlan = CarePlan()
    monitoring: Monitoring = Monitoring()
    closure: ClosureWork = ClosureWork()
    learning: Learning = Learning()
