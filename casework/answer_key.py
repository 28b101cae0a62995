"""The answer key beside the student's work, once they have committed to it.

Each stage compares item by item: what the student wrote, the instructor's model, and a
note that describes the difference (never a grade), saying when a difference is
defensible. `commit` keeps the first attempt; `reflection_questions` closes each stage.
Pure functions over the record and the scenario; `casework/ui/learning.py` shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from casework.checks.assessment import domain_label
from casework.model import (
    STAGE_SECTIONS,
    AnswerKey,
    CaseRecord,
    ClosureWork,
    Learning,
    LifeDomain,
    ModelResponse,
    ModelStep,
    Scenario,
    StageCommit,
    StageName,
)
from casework.progress import STAGES as PROGRESS_STAGES
from casework.rules import load_rules

NOT_WRITTEN = "(not written yet)"
STAGE_TITLES: dict[StageName, str] = {
    name: next(s.title for s in PROGRESS_STAGES if s.key == section)
    for name, section in STAGE_SECTIONS.items()
}
_PRIORITY = {"immediate": "Immediate", "urgent": "Urgent", "routine": "Routine"}
_PRIORITY_RANK = {"immediate": 0, "urgent": 1, "routine": 2}


@dataclass(frozen=True)
class Comparison:
    item: str  # what is compared, e.g. "Housing and basic needs: score"
    yours: str
    model: str
    note: str  # the difference described, with the instructor's reason


@dataclass(frozen=True)
class Question:
    id: str  # "felt", "weighed", or "case-0" for the scenario's own
    kind: str  # "feeling", "weighed" or "case"
    text: str


# --- committing -----------------------------------------------------------------------------


def first_attempt(record: CaseRecord, stage: StageName) -> dict[str, Any]:
    """The stage's part of the record as it stands: what a commit keeps."""
    return getattr(record, STAGE_SECTIONS[stage]).model_dump(mode="json")


def commit(
    learning: Learning, record: CaseRecord, stage: StageName, revision: int | None
) -> Learning:
    """`learning` with `stage` committed. A stage is committed once: the first attempt, the
    work as it stood when the student first saw the model, is never overwritten."""
    if stage in learning.committed:
        return learning
    done = StageCommit(
        at=datetime.now(UTC), revision=revision, first_attempt=first_attempt(record, stage)
    )
    return learning.model_copy(update={"committed": {**learning.committed, stage: done}})


def revised_since_commit(record: CaseRecord, stage: StageName) -> bool:
    """Has the student changed the stage since they first saw the model?"""
    done = record.learning.committed.get(stage)
    return done is not None and first_attempt(record, stage) != done.first_attempt


# --- reflection -----------------------------------------------------------------------------


def reflection_questions(stage: StageName, scenario: Scenario | None) -> list[Question]:
    """The stage's questions: one on what you felt, one on what you weighed (rules data),
    then the scenario's own, drawn from its discussion questions."""
    rules = load_rules("reflection_prompts")
    questions = [Question(q["id"], q["kind"], q["text"]) for q in rules["stages"][stage]]
    key = _key(scenario)
    for i, text in enumerate(key.reflection_questions.get(stage, []) if key else []):
        questions.append(Question(f"case-{i}", "case", text))
    return questions


# --- comparing ------------------------------------------------------------------------------


def _key(scenario: Scenario | None) -> AnswerKey | None:
    return scenario.instructor_notes.answer_key if scenario is not None else None


def _text(value: str | None) -> str:
    return value.strip() if value and value.strip() else NOT_WRITTEN


def compare(stage: StageName, record: CaseRecord, scenario: Scenario) -> list[Comparison]:
    """The student's work for `stage` beside the model, item by item ([] without a key)."""
    key = _key(scenario)
    if key is None:
        return []
    return _COMPARE[stage](record, scenario, key)


def _call_note(yours: str | None, model: str, what: str, reason: str, defensible: str) -> str:
    """A call (a priority, a closure call) beside the model's, described: the same, not
    made yet, or different, with the instructor's reason and when a difference holds."""
    if yours == model:
        return f"The same {what}. {reason}"
    if yours is None:
        return f"You have not set the {what} yet. {reason}"
    return f"A different {what}. The instructor's reason: {reason} Yours is defensible {defensible}"


def _intake(record: CaseRecord, scenario: Scenario, key: AnswerKey) -> list[Comparison]:
    intake, notes = record.intake, scenario.instructor_notes
    yours = _PRIORITY.get(intake.priority or "", NOT_WRITTEN)
    model = _PRIORITY[notes.priority]
    lower = intake.priority and _PRIORITY_RANK[intake.priority] > _PRIORITY_RANK[notes.priority]
    priority_note = _call_note(
        intake.priority,
        notes.priority,
        "priority",
        key.intake_why,
        "only if nothing in the instructor's reason is a danger or a deadline your call leaves "
        "out: check that first, with your supervisor."
        if lower
        else "if you can name the fact that raised it, and say it to your supervisor.",
    )
    return [
        Comparison("Priority", yours, model, priority_note),
        Comparison(
            "Presenting issue",
            _text(intake.presenting_issue),
            notes.model_presenting_issue,
            "Compare: does yours give the reason for coming now in the client's own words, "
            "with a quote, and leave your interpretation out?",
        ),
        Comparison(
            "Reflection offered",
            _text(intake.reflection),
            key.intake_reflection,
            "A reflection gives back the client's meaning and feeling, without advice or "
            "reassurance. Many wordings are right; compare what each one hears.",
        ),
        Comparison(
            "First observations",
            _text(intake.initial_observations),
            notes.model_initial_observations,
            "Compare what each records that anyone present could see or hear.",
        ),
    ]


def _assessment(record: CaseRecord, scenario: Scenario, key: AnswerKey) -> list[Comparison]:
    model_scores = scenario.instructor_notes.domain_scores
    rows = []
    for domain in LifeDomain:
        rating = record.assessment.initial.get(domain)
        score = rating.score if rating else None
        model = model_scores.get(domain)
        reason = key.score_reasons.get(domain, "")
        if model is None:
            note = "The instructor's key gives no score for this domain."
        elif score is None:
            note = f"Not scored yet. The instructor's reading: {reason}"
        elif score == model:
            note = f"The same score. {reason}"
        elif abs(score - model) == 1:
            note = (
                f"One level apart, a defensible difference if your evidence supports it. "
                f"The instructor's reading: {reason}"
            )
        else:
            note = (
                f"{abs(score - model)} levels apart: re-read the level descriptions against "
                f"the facts. The instructor's reading: {reason}"
            )
        evidence = len(rating.evidence) if rating else 0
        cited = f" ({evidence} fact{'s' if evidence != 1 else ''} cited)" if score else ""
        rows.append(
            Comparison(
                f"{domain_label(domain)}: score",
                f"{score}{cited}" if score else NOT_WRITTEN,
                str(model) if model else "–",
                note,
            )
        )
    return rows


def step_text(step: ModelStep | str, scenario: Scenario) -> str:
    """A model step as one line, worded as the written contract words a step."""
    if isinstance(step, str):
        return step
    from casework.checks.plan import party_name

    line = f"{party_name(step.who, scenario)}: {step.what}, by day {step.due_day}"
    line += f" (where: {step.where}; how often: {step.how_often})"
    return line


def _care_plan(record: CaseRecord, scenario: Scenario, key: AnswerKey) -> list[Comparison]:
    goals = [goal for goal in record.plan.goals.values() if goal.text.strip()]
    rows, matched = [], set()
    for model in key.goals:
        # each of the student's goals is set beside one model goal, the first in its domain
        same_domain = [
            goal for i, goal in enumerate(goals) if goal.domain == model.domain and i not in matched
        ][:1]
        matched.update(goals.index(goal) for goal in same_domain)
        steps = "; ".join(step_text(step, scenario) for step in model.steps)
        levels = " | ".join(
            f"{level}: {text}"
            for level, text in sorted(model.gas_levels.items(), key=lambda item: int(item[0]))
        )
        if same_domain:
            yours = "\n".join(goal.text.strip() for goal in same_domain)
            note = (
                f"You both set a goal for {domain_label(model.domain).lower()}. {model.why} "
                "Compare the wording (who acts, what can be counted, by when) and the five "
                "Goal Attainment Scaling levels: each outcome should fit exactly one."
            )
        else:
            yours = NOT_WRITTEN
            note = (
                f"Your plan has no goal beside this one for {domain_label(model.domain).lower()}. "
                f"{model.why} A plan may order needs differently with the client's agreement; "
                "say why."
            )
        rows.append(
            Comparison(
                f"Goal: {domain_label(model.domain)}",
                yours,
                f"{model.text}\nSteps: {steps}\nGoal Attainment Scaling: {levels}",
                note,
            )
        )
    for i, goal in enumerate(goals):
        if i not in matched:
            rows.append(
                Comparison(
                    f"Goal: {domain_label(goal.domain) if goal.domain else 'no domain chosen'}",
                    goal.text.strip(),
                    "(the model plan has no goal here)",
                    "The model plan does not include this goal. It is defensible if it serves "
                    "a need you assessed or a priority the client named.",
                )
            )
    return rows


def _monitoring(record: CaseRecord, scenario: Scenario, key: AnswerKey) -> list[Comparison]:
    rows = []
    for model in key.notes:
        event = scenario.timeline[model.event]
        written = record.monitoring.notes.get(str(model.event), "")
        if model.event >= record.monitoring.shown:
            # an event still ahead stays unseen: neither it nor its model note is shown
            rows.append(
                Comparison(
                    "A later contact",
                    "(this event has not unfolded yet)",
                    "(shown once the event has unfolded)",
                    "Come back to this comparison when the timeline has reached it.",
                )
            )
            continue
        rows.append(
            Comparison(
                f"Contact note, day {event.day}: {event.summary}",
                _text(written),
                model.note,
                model.why,
            )
        )
    for response in key.responses:
        if response.event < record.monitoring.shown:
            rows.append(_response_row(record, scenario, response))
    return rows


_SIGN_KINDS = ("crisis", "disclosure", "missed")


def _response_row(record: CaseRecord, scenario: Scenario, model: ModelResponse) -> Comparison:
    """The student's answer to a warning sign beside the key's: what changed and why."""
    labels = load_rules("monitoring")["responses"]
    event = scenario.timeline[model.event]
    answers = record.monitoring.responses
    yours = next(
        (answers[sign] for kind in _SIGN_KINDS if (sign := f"{kind}-{model.event}") in answers),
        None,
    )
    written = f"{labels[yours.kind]}: {_text(yours.text)}" if yours and yours.kind else NOT_WRITTEN
    added = f" Step added: {step_text(model.step, scenario)}." if model.step else ""
    return Comparison(
        f"Answer to the warning sign, day {event.day}",
        written,
        f"{labels[model.kind]}: {model.text}{added}",
        "A sign is answered by what it changes: new scores where the picture changed, a step "
        "where the plan did not cover it, or the facts that show the plan already does.",
    )


def _closure(record: CaseRecord, scenario: Scenario, key: AnswerKey) -> list[Comparison]:
    verdicts = load_rules("closure")["verdicts"]
    closure = record.closure
    yours = verdicts.get(closure.judgement or "", NOT_WRITTEN)
    note = _call_note(
        closure.judgement,
        key.closure_call,
        "closure call",
        key.closure_why,
        "if your reason rests on facts in the record.",
    )
    reason = closure.judgement_reason.strip()
    return [
        Comparison(
            "Closure call",
            f"{yours}: {reason}" if reason and closure.judgement else yours,
            verdicts[key.closure_call],
            note,
        ),
        Comparison(
            "Closure summary",
            _text(closure.summary),
            key.closure_summary,
            "Compare: services given, progress against each goal, the crisis plan, the "
            "handoff and the follow-up, in plain words the client could read.",
        ),
        *_closing_work_rows(closure, key),
    ]


def _closing_work_rows(closure: ClosureWork, key: AnswerKey) -> list[Comparison]:
    work = key.closure_work
    if work is None:
        return []
    return [
        Comparison(
            "Crisis plan",
            _text(closure.crisis_plan),
            work.crisis_plan,
            "The early signs, in the client's life, and whom the client calls.",
        ),
        Comparison(
            "Handoff",
            _text(closure.handoff),
            work.handoff,
            "Each service the client keeps, named, with how to reach it.",
        ),
        Comparison(
            "Follow-up",
            _text(closure.follow_up),
            work.follow_up,
            "Who checks in, how, and on which day.",
        ),
    ]


_COMPARE = {
    "intake": _intake,
    "assessment": _assessment,
    "care_plan": _care_plan,
    "monitoring": _monitoring,
    "closure": _closure,
}


# --- authoring ------------------------------------------------------------------------------


def _step_words(step: ModelStep | str) -> str:
    return step if isinstance(step, str) else f"{step.what}. {step.where}. {step.how_often}."


def key_problems(scenario: Scenario) -> list[tuple[str, str]]:
    """(field, problem) for an answer key that is missing or fails the product's own checks:
    a key that breaks the rules it is shown beside teaches two standards at once."""
    from casework.checks.goal import check_goal
    from casework.checks.intake import reflection_substitute
    from casework.checks.monitoring import check_event_note
    from casework.checks.note import check_note

    key = _key(scenario)
    base = "instructor_notes.answer_key"
    if key is None:
        return [(base, "missing: every stage shows a model answer once the student commits")]
    problems: list[tuple[str, str]] = []

    def language(field: str, text: str) -> None:
        for finding in check_note(text).findings:
            if finding.severity != "info":
                problems.append((f"{base}.{field}", finding.message))

    language("intake_reflection", key.intake_reflection)
    if (substitute := reflection_substitute(key.intake_reflection)) is not None:
        problems.append((f"{base}.intake_reflection", substitute.message))
    language("intake_why", key.intake_why)
    missing = [d.value for d in LifeDomain if d not in key.score_reasons]
    if missing:
        problems.append((f"{base}.score_reasons", f"no reason for {', '.join(missing)}"))
    for domain, reason in key.score_reasons.items():
        language(f"score_reasons.{domain.value}", reason)
    for g, goal in enumerate(key.goals):
        report = check_goal(goal.text)
        if not report.smart:
            problems.append(
                (f"{base}.goals.{g}.text", "the model goal is not SMART by the goal check")
            )
        for field, text in [
            ("why", goal.why),
            *((f"steps.{s}", _step_words(t)) for s, t in enumerate(goal.steps)),
        ]:
            language(f"goals.{g}.{field}", text)
        for level, text in goal.gas_levels.items():
            language(f"goals.{g}.gas_levels.{level}", text)
    for n, model in enumerate(key.notes):
        event = scenario.timeline[model.event]
        for finding in check_event_note(model.note, event.kind).findings:
            if finding.severity != "info":
                problems.append((f"{base}.notes.{n}.note", finding.message))
        language(f"notes.{n}.why", model.why)
    for r, response in enumerate(key.responses):
        language(f"responses.{r}.text", response.text)
        if response.step:
            language(f"responses.{r}.step", _step_words(response.step))
    if key.if_not_done:
        language("if_not_done", key.if_not_done)
    if key.closure_work:
        for field in ("crisis_plan", "handoff", "follow_up"):
            language(f"closure_work.{field}", getattr(key.closure_work, field))
    for field in ("closure_why", "closure_summary"):
        language(field, getattr(key, field))
    for stage, questions in key.reflection_questions.items():
        for q, question in enumerate(questions):
            language(f"reflection_questions.{stage}.{q}", question)
    problems += story_language_problems(scenario)
    return problems


def story_language_problems(scenario: Scenario) -> list[tuple[str, str]]:
    """(field, problem) for the model texts around the key that a student reads as the
    instructor's voice (observations, facts, discussion, the safety keys): the same checks
    the test suite runs, so an author sees them in `casework validate` first."""
    from casework.checks.note import check_note

    notes = scenario.instructor_notes
    texts = [
        ("instructor_notes.model_presenting_issue", notes.model_presenting_issue),
        ("instructor_notes.model_initial_observations", notes.model_initial_observations),
        *((f"instructor_notes.discussion.{i}", q) for i, q in enumerate(notes.discussion)),
        *(
            (f"domains.{domain.value}.facts.{i}", fact)
            for domain, facts in scenario.domains.items()
            for i, fact in enumerate(facts.facts)
        ),
        *((f"closure.facts.{i}", fact) for i, fact in enumerate(scenario.closure.facts)),
        *(
            (f"timeline.{i}.safety.{name}", text)
            for i, event in enumerate(scenario.timeline)
            if event.safety is not None
            for name, text in event.safety.model_dump(
                exclude={"report_to", "report_required"}
            ).items()
            if text
        ),
    ]
    return [
        (field, finding.message)
        for field, text in texts
        for finding in check_note(text).findings
        if finding.severity != "info"
    ]
