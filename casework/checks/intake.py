"""Feedback on each part of the intake, as pure functions of the record and the scenario."""

from __future__ import annotations

import re
from functools import cache

from casework.checks.findings import Finding, Report
from casework.checks.note import check_note
from casework.checks.safety import check_safety, safety_footer
from casework.checks.text import Passage
from casework.model import Intake, Scenario, UrgencySignal
from casework.rules import load_rules
from casework.screening import (
    OUTCOME_LABELS,
    category_rule,
    screen_eligibility,
    signal_level,
    triage,
    triage_levels,
)

GUIDE = "Practice guide, intake and assessment table"
NASW_RECORDS = "NASW Standards for Social Work Case Management (2013), Standard 10: record keeping"

_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|my|me|we|our)\b")
_MIN_WORDS = 6


def _words(text: str) -> int:
    return len(text.split())


def has_quote(text: str) -> bool:
    """Does the text quote someone? The same reading of quotation marks as the coach's."""
    return bool(Passage(text).quotes)


@cache
def _reflection_rules() -> tuple[
    str, str, list[tuple[str, str, str, re.Pattern[str]]], tuple[str, ...]
]:
    data = load_rules("reflection")
    kinds = [  # the key names the rule (a stable id), the label speaks to the student
        (key, kind["label"], kind["why"], re.compile("|".join(kind["patterns"]), re.IGNORECASE))
        for key, kind in data["kinds"].items()
    ]
    return data["source"], data["example"], kinds, tuple(data["reflecting_cues"])


def reflection_substitute(reflection: str) -> Finding | None:
    """Reassurance, sympathy, advice or judgement offered in place of a reflection."""
    source, example, kinds, reflecting = _reflection_rules()
    text = reflection.replace("’", "'")
    for key, label, why, pattern in kinds:
        match = pattern.search(text)
        lead_in = text[max(0, match.start() - 40) : match.start()].lower() if match else ""
        if match and not any(cue in lead_in for cue in reflecting):
            return Finding(
                rule=f"intake.rapport.reflection.{key}",
                category="rapport",
                severity="warning",
                message=(
                    f"“{reflection[match.start() : match.end()].strip()}” is {label}, not a "
                    f"reflection. {why} Empathy, not sympathy: give the client's meaning back "
                    "in your words, so they know you understood."
                ),
                suggestion=example,
                source=source,
            )
    return None


def check_rapport(intake: Intake) -> Report:
    findings: list[Finding] = []
    strengths: list[str] = []
    if intake.confidentiality_explained and intake.confidentiality_limits_explained:
        strengths.append(
            "You explained confidentiality and its limits before asking personal questions."
        )
    elif intake.confidentiality_explained:
        findings.append(
            Finding(
                rule="intake.rapport.confidentiality-limits",
                category="rapport",
                severity="warning",
                message=(
                    "You explained confidentiality but not its limits. Clients decide what to share "
                    "based on it, so they need to hear when you must share (a risk of harm, a "
                    "child or older adult in danger, a court order) before they disclose."
                ),
                suggestion=(
                    "“What you tell me stays in your file here. The exceptions are if someone is "
                    "in danger of being hurt, or a court orders the file.”"
                ),
                source="NASW Code of Ethics 1.07 (privacy and confidentiality)",
            )
        )
    else:
        findings.append(
            Finding(
                rule="intake.rapport.confidentiality",
                category="rapport",
                severity="error",
                message=(
                    "Confidentiality has not been explained yet. It comes first: trust, and honest "
                    "disclosure, depend on the client knowing who will see what they say."
                ),
                suggestion="Tick both boxes once you have explained confidentiality and its limits.",
                source=GUIDE,
            )
        )
    substitute = reflection_substitute(intake.reflection)
    if substitute is not None:
        findings.append(substitute)
    elif _words(intake.reflection) >= _MIN_WORDS:
        strengths.append("You reflected back what you heard, which shows the client you listened.")
    else:
        findings.append(
            Finding(
                rule="intake.rapport.reflection",
                category="rapport",
                severity="warning",
                message=(
                    "Write the reflection you offered: a sentence that gives the client's meaning "
                    "back in your words, without judging or reassuring (empathy, not sympathy)."
                ),
                suggestion="“It sounds like you have been holding this together on your own, and it is wearing you down.”",
                source=GUIDE,
            )
        )
    answers = {
        "what they want from the service": intake.client_wants,
        "what they hope will happen": intake.client_hopes,
        "what they see as their strengths": intake.client_strengths,
    }
    empty = [question for question, answer in answers.items() if not answer.strip()]
    if empty:
        findings.append(
            Finding(
                rule="intake.rapport.empowerment-questions",
                category="rapport",
                severity="warning",
                message=(
                    "Still to ask: "
                    + "; ".join(empty)
                    + ". These questions put the client in charge "
                    "of the goals from the first meeting."
                ),
                suggestion="Ask: “What would you like to get from working with us?”",
                source="Strengths perspective; NASW case management standards (self-determination)",
            )
        )
    else:
        unquoted = [q for q, a in answers.items() if not (has_quote(a) or _FIRST_PERSON.search(a))]
        if unquoted:
            findings.append(
                Finding(
                    rule="intake.rapport.clients-words",
                    category="rapport",
                    severity="info",
                    message=(
                        "Record these answers in the client's own words (quotation marks, first "
                        "person): "
                        + "; ".join(unquoted)
                        + ". Paraphrase loses what matters to them."
                    ),
                    suggestion="Client said: “I want my kids to stop worrying about where we'll sleep.”",
                    source=NASW_RECORDS,
                )
            )
        else:
            strengths.append("The empowerment answers are in the client's own words.")
    # A hope or a want can carry a risk statement ("that the kids would be better off without
    # me"): it is acted on before the plan (rules/safety.yaml).
    for answer in answers.values():
        findings.extend(check_safety(answer))
    return Report(tuple(findings), tuple(strengths))


def _language(text: str) -> tuple[Finding, ...]:
    """The documentation coach's findings on a free-text field (all severities)."""
    return check_note(text).findings if text.strip() else ()


# Examples from a case no scenario holds: the scenario's own model answer stays hidden
# until the student commits to the stage (casework/answer_key.py).
PRESENTING_EXAMPLE = (
    'Client came in with a notice that her power will be shut off on day 6. She said: "The '
    'lights go off Friday, and my son needs his breathing machine at night."'
)
OBSERVATIONS_EXAMPLE = (
    "Client arrived 10 minutes early with the shut-off notice and two bills. She spoke "
    'quickly, held the notice in both hands and said twice, "I just need more time."'
)


def check_presenting_issue(intake: Intake, scenario: Scenario) -> Report:
    text = intake.presenting_issue.strip()
    example = PRESENTING_EXAMPLE
    if _words(text) < _MIN_WORDS:
        return Report(
            (
                *_language(text),  # a short label ("Client was hostile.") is still a label
                Finding(
                    rule="intake.presenting-issue.missing",
                    category="presenting issue",
                    severity="error",
                    message=(
                        "Describe why the client is asking for help now, as they put it. The "
                        "presenting issue anchors every later goal."
                    ),
                    suggestion=example,
                    source=GUIDE,
                ),
            )
        )
    language = _language(text)
    if not has_quote(text):
        return Report(
            (
                *language,
                Finding(
                    rule="intake.presenting-issue.no-quote",
                    category="presenting issue",
                    severity="warning",
                    message=(
                        "Include at least one thing the client said, in quotation marks. A quote "
                        "keeps the client's view separate from your interpretation."
                    ),
                    suggestion=example,
                    source=NASW_RECORDS,
                ),
            )
        )
    return Report(
        language, ("The presenting issue quotes the client, so their own view is on record.",)
    )


def check_eligibility(intake: Intake, scenario: Scenario) -> Report:
    result = screen_eligibility(scenario)
    findings: list[Finding] = []
    agreed = 0
    for item in result.results:
        answer = intake.eligibility_answers.get(item.criterion.id)
        if answer is None:
            findings.append(
                Finding(
                    rule="intake.eligibility.unanswered",
                    category="eligibility",
                    severity="warning",
                    message=f"Decide whether the client meets “{item.criterion.text}”.",
                    suggestion=f"Look at the evidence: {item.fact.evidence}",
                    source=GUIDE,
                )
            )
        elif answer != item.outcome:
            findings.append(
                Finding(
                    rule="intake.eligibility.disagrees",
                    category="eligibility",
                    severity="warning",
                    message=(
                        f"For “{item.criterion.text}” you chose “{OUTCOME_LABELS[answer]}”, but the "
                        f"evidence says “{OUTCOME_LABELS[item.outcome]}”. {item.criterion.explanation}"
                    ),
                    suggestion=item.reason,
                    source=GUIDE,
                )
            )
        else:
            agreed += 1
    if agreed == len(result.results):
        return Report((), (f"Your screening matches the program's rules: {result.label}.",))
    strengths = (
        (f"{agreed} of {len(result.results)} criteria decided correctly.",) if agreed else ()
    )
    return Report(tuple(findings), strengths)


def _too_low(signals: list[UrgencySignal], level_id: str) -> tuple[str, str]:
    """Why the signals that set the level call for it, and their sources: what a student who
    rated a danger lower needs to hear (rules/triage.yaml, `if_lower`)."""
    reasons: list[str] = []
    sources: list[str] = []
    for signal in signals:
        rule = category_rule(signal.category.value)
        if rule["level"] != level_id or not rule.get("if_lower"):
            continue
        if rule["if_lower"] not in reasons:
            reasons.append(str(rule["if_lower"]))
            sources.append(str(rule.get("source") or GUIDE))
    if not reasons:
        return "", GUIDE
    return " ".join([*reasons, safety_footer()]), "; ".join(dict.fromkeys(sources))


def check_triage(intake: Intake, scenario: Scenario) -> Report:
    levels = triage_levels()
    expected = triage(scenario.urgency_signals)
    flagged = set(intake.urgency_flags)
    findings: list[Finding] = []
    for signal in scenario.urgency_signals:
        level = signal_level(signal)
        if level is not None and signal.id not in flagged:
            rule = category_rule(signal.category.value)
            footer = f" {safety_footer()}" if rule.get("if_lower") else ""
            findings.append(
                Finding(
                    rule="intake.triage.missed-signal",
                    category="urgency",
                    severity="error" if level.rank == 1 else "warning",
                    message=f"Missed: “{signal.observation}”. {signal.why}{footer}",
                    source=str(rule.get("source") or GUIDE),
                )
            )
        elif level is None and signal.id in flagged:
            findings.append(
                Finding(
                    rule="intake.triage.over-flagged",
                    category="urgency",
                    severity="info",
                    message=f"“{signal.observation}” matters, but is not urgent on its own. {signal.why}",
                    source=GUIDE,
                )
            )
    if intake.priority is None:
        findings.append(
            Finding(
                rule="intake.triage.no-priority",
                category="urgency",
                severity="warning",
                message="Choose a priority level: it decides how fast the next step happens.",
                source=GUIDE,
            )
        )
    elif intake.priority != expected.level.id:
        chosen = levels[intake.priority]
        direction = "lower" if chosen.rank > expected.level.rank else "higher"
        why, source = (
            _too_low(scenario.urgency_signals, expected.level.id)
            if direction == "lower"
            else ("", GUIDE)
        )
        findings.append(
            Finding(
                rule="intake.triage.wrong-priority",
                category="urgency",
                severity="error" if direction == "lower" else "warning",
                message=(
                    f"You set “{chosen.label}”, {direction} than the signals support. "
                    "The most serious signal sets the level; immediate danger outranks everything."
                    + (f" {why}" if why else "")
                ),
                suggestion=f"{expected.level.label}. {expected.level.meaning}",
                source=source,
            )
        )
    strengths = () if findings else (f"Priority set correctly: {expected.level.label}.",)
    return Report(tuple(findings), strengths)


def check_baseline(intake: Intake, scenario: Scenario) -> Report:
    findings: list[Finding] = []
    missing = [
        label
        for label, value in (
            ("referral source", intake.referral_source),
            ("contact method", intake.contact_method),
        )
        if not value.strip()
    ]
    if missing:
        findings.append(
            Finding(
                rule="intake.baseline.missing",
                category="baseline",
                severity="warning",
                message=f"Record the {' and '.join(missing)}: the record must show how the case began.",
                suggestion=f"Referral source: {scenario.referral.source}",
                source=NASW_RECORDS,
            )
        )
    if _words(intake.initial_observations) < _MIN_WORDS:
        findings.append(
            Finding(
                rule="intake.baseline.observations",
                category="baseline",
                severity="warning",
                message=(
                    "Write what you saw and heard at the first meeting: observable behavior and "
                    "the client's statements, not conclusions."
                ),
                suggestion=OBSERVATIONS_EXAMPLE,
                source=NASW_RECORDS,
            )
        )
    findings.extend(_language(intake.initial_observations))
    strengths = () if findings else ("The baseline record is complete.",)
    return Report(tuple(findings), strengths)


INTAKE_SECTIONS = {
    "rapport": lambda intake, scenario: check_rapport(intake),
    "presenting_issue": check_presenting_issue,
    "eligibility": check_eligibility,
    "urgency": check_triage,
    "baseline": check_baseline,
}
