"""The safety response at the monitoring gate: when a timeline event shows that someone may
be in danger, the student makes the people at risk safe now, consults the supervisor the
same day, decides whether to report, and documents it, before the case moves on.

A timeline event with a `safety` answer key (`casework.model.SafetyKey`) raises a sign of
its own (kind "safety"), beside the crisis or disclosure sign of the same event: the
safety response and the change of plan are two duties, and answering one does not settle
the other. Rules and wording: `rules/safety_response.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from casework.checks.findings import Finding, Report, finding_factory
from casework.checks.monitoring import Settlement, Sign
from casework.model import CaseRecord, SafetyKey, SafetyResponse, TimelineEvent
from casework.rules import load_rules, one_line

SAFETY = "safety"


@cache
def _rules() -> dict[str, Any]:
    return load_rules("safety_response")


def source() -> str:
    return _rules()["source"]


def not_legal_advice() -> str:
    return one_line(_rules()["not_legal_advice"])


_finding = finding_factory(SAFETY, source)


@dataclass(frozen=True)
class SafetySign(Sign):
    """A sign raised by an event with a safety answer key; `key` stays out of sight until
    the student has committed a response."""

    key: SafetyKey


def safety_sign(index: int, event: TimelineEvent) -> SafetySign:
    """The safety sign for the event at `index` of the timeline (one with an answer key)."""
    if event.safety is None:
        raise ValueError(f"timeline event {index} has no safety answer key")
    spec = _rules()["sign"]
    return SafetySign(
        f"safety-{index}",
        SAFETY,
        event.day,
        spec["title"],
        event.summary,
        one_line(spec["why"]),
        False,
        event.safety,
    )


def part_label(part: str) -> str:
    return _rules()["parts"][part]["label"]


def part_placeholder(part: str) -> str:
    return _rules()["parts"][part].get("placeholder", "")


def agency_label(agency: str | None) -> str:
    return _rules()["agencies"].get(agency or "none", "no report")


def _words(text: str) -> int:
    return len(text.split())


def missing_parts(sign: Sign, response: SafetyResponse) -> list[str]:
    """What the safety response still lacks for the gate, in the order a worker does it."""
    parts = _rules()["parts"]
    day = sign.day
    missing = []
    if _words(response.immediate) < parts["immediate"]["min_words"]:
        missing.append(parts["immediate"]["missing"])
    consult = parts["consult"]
    if response.consult_day is None or _words(response.consult) < consult["min_words"]:
        missing.append(consult["missing"].format(day=day))
    elif response.consult_day > day:
        missing.append(consult["late"].format(day=day, consult=response.consult_day))
    elif response.consult_day < day:
        missing.append(consult["before"].format(day=day, consult=response.consult_day))
    report = parts["report"]
    if response.report is None:
        missing.append(report["missing"])
    else:
        if response.report == "report":
            if response.report_to in (None, "none"):
                missing.append(report["missing_to"])
            if response.report_day is None:
                missing.append(report["missing_day"])
            elif response.report_day < day:
                missing.append(report["before"].format(day=day, report=response.report_day))
        if _words(response.report_reason) < report["min_words"]:
            missing.append(report["missing_reason"])
    if _words(response.documentation) < parts["documentation"]["min_words"]:
        missing.append(parts["documentation"]["missing"])
    if not missing and not response.committed:
        missing.append(parts["commit"]["missing"])
    return missing


def commit_problems(sign: Sign, response: SafetyResponse) -> list[str]:
    """What must still be written before the response can be committed and the key shown:
    the student's own whole answer comes first, so the model is never copied."""
    return missing_parts(sign, response.model_copy(update={"committed": True}))


def _why(key: SafetyKey) -> str:
    return one_line(key.report_why)


def report_feedback(sign: Sign, key: SafetyKey, response: SafetyResponse) -> Finding | None:
    """The student's report decision beside the key's. A missed report, or one sent to the
    agency for the other age group, is an error that holds the gate; reporting where the
    key finds no need is explained, never blocked. None before a decision is made."""
    if response.report is None:
        return None
    messages = _rules()["report"]
    agency, why = agency_label(key.report_to), _why(key)
    chosen = response.report_to if response.report == "report" else "none"
    duty = one_line(messages["duty"])
    if key.report_to == "none":
        if chosen in (None, "none"):
            return None
        text = messages["unneeded"].format(chosen=agency_label(chosen), why=why)
        return _finding("safety.report.unneeded", one_line(text), severity="info")
    if response.report == "no_report":
        if not key.report_required:
            # where the duty turns on state law and the supervisor's judgement, say why the
            # key reports, and hold nobody back for a reasoned decision not to
            text = messages["judgement"].format(agency=agency, why=why)
            return _finding(
                "safety.report.judgement", f"{one_line(text)} {duty}", severity="warning"
            )
        return _finding(
            "safety.report.missed",
            f"{one_line(messages['missed'].format(agency=agency, why=why))} {duty}",
            suggestion=one_line(messages["missed_suggestion"].format(agency=agency)),
            severity="error",
        )
    if chosen == "law_enforcement":
        text = messages["police"].format(agency=agency)
        return _finding("safety.report.police", one_line(text), severity="info")
    if chosen in ("cps", "aps") and chosen != key.report_to:
        text = messages["wrong_agency"].format(chosen=agency_label(chosen), agency=agency, why=why)
        return _finding(
            "safety.report.wrong-agency",
            f"{one_line(text)} {duty}",
            suggestion=messages["wrong_agency_suggestion"].format(agency=agency),
            severity="error",
        )
    late = (response.report_day or sign.day) - sign.day
    if chosen == key.report_to and late >= 1:
        text = messages["late"].format(
            report_day=response.report_day,
            late="one day" if late == 1 else f"{late} days",
            day=sign.day,
        )
        return _finding("safety.report.late", one_line(text), severity="info")
    return None


def report_matches(key: SafetyKey, response: SafetyResponse) -> bool:
    if response.report is None:
        return False
    if key.report_to == "none":
        return response.report == "no_report"
    return response.report == "report" and response.report_to == key.report_to


def safety_status(sign: Sign, record: CaseRecord) -> Settlement:
    """Is the safety response complete, committed, and free of a missed required report?
    If not, exactly what is missing (or wrong) and why."""
    rules = _rules()
    response = record.monitoring.safety.get(sign.id, SafetyResponse())
    missing = missing_parts(sign, response)
    if missing:
        return Settlement(
            False,
            one_line(
                rules["held"].format(title=sign.title, day=sign.day, missing="; ".join(missing))
            ),
        )
    if isinstance(sign, SafetySign):
        feedback = report_feedback(sign, sign.key, response)
        if feedback is not None and feedback.severity == "error":
            return Settlement(False, f"{feedback.message} {not_legal_advice()}")
    return Settlement(True, rules["settled"])


@dataclass(frozen=True)
class KeyLine:
    """One part of the response: the student's words beside the answer key's."""

    part: str
    label: str
    student: str
    key: str


def _student_report(response: SafetyResponse) -> str:
    if response.report is None:
        return ""
    if response.report == "no_report":
        decision = "No report."
    else:
        when = f" on day {response.report_day}" if response.report_day is not None else ""
        decision = f"Report to {agency_label(response.report_to)}{when}."
    return f"{decision} {response.report_reason.strip()}".strip()


def key_lines(key: SafetyKey, response: SafetyResponse) -> list[KeyLine]:
    """Each part of the student's response beside the key's model, in the order a worker
    does them. For display after the student has committed, never before."""
    consult = response.consult.strip()
    if response.consult_day is not None:
        consult = f"Day {response.consult_day}: {consult}".strip()
    pairs = [
        ("immediate", response.immediate, key.immediate_safety),
        ("consult", consult, key.supervisor_consult),
        ("report", _student_report(response), key.report_decision),
        ("tell", response.tell_client, key.tell_client),
        ("documentation", response.documentation, key.documentation),
    ]
    return [
        KeyLine(part, part_label(part), student.strip(), one_line(model))
        for part, student, model in pairs
    ]


def compare_with_key(sign: SafetySign, response: SafetyResponse) -> Report:
    """The committed response beside the answer key: the report decision judged against the
    key with the duty explained, and the risk as the key reads it. Empty before the student
    commits, so the model answer is never shown first."""
    if not response.committed:
        return Report()
    key = sign.key
    findings: list[Finding] = []
    strengths: list[str] = [
        f"The answer key's reading of the risk: {one_line(key.risk)} At risk: {one_line(key.at_risk)}"
    ]
    feedback = report_feedback(sign, key, response)
    if feedback is not None:
        findings.append(feedback)
    if report_matches(key, response):
        messages = _rules()["report"]
        template = messages["match_none" if key.report_to == "none" else "match_report"]
        strengths.append(
            one_line(template.format(agency=agency_label(key.report_to), why=_why(key)))
        )
    if not response.tell_client.strip():
        tell = _rules()["parts"]["tell"]
        findings.append(
            _finding(
                "safety.tell.missing",
                f"You have not said what the client is told, or when. {one_line(tell['why'])}",
                suggestion=one_line(key.tell_client),
                severity="info",
            )
        )
    if key.capacity:
        findings.append(
            _finding(
                "safety.capacity",
                f"{_rules()['capacity_heading']}: {one_line(key.capacity)}",
                severity="info",
            )
        )
    findings.append(_finding("safety.not-legal-advice", not_legal_advice(), severity="info"))
    return Report(tuple(findings), tuple(strengths))


def commit(response: SafetyResponse) -> SafetyResponse:
    """The response as committed: the first decision stays in the record."""
    first = {}
    if not response.committed:
        first = {"first_report": response.report, "first_report_to": response.report_to}
    return response.model_copy(update={"committed": True, **first})


def record_lines(sign: SafetySign, record: CaseRecord) -> list[str]:
    """The safety response as the case file shows it: each part in the student's words,
    whether it settles the sign, and, once committed, the comparison with the answer key."""
    response = record.monitoring.safety.get(sign.id, SafetyResponse())
    lines = [
        f"{line.label}: {line.student or '(not written)'}" for line in key_lines(sign.key, response)
    ]
    status = safety_status(sign, record)
    lines.append(f"{'Settled' if status.settled else 'Open'}: {status.message}")
    if not response.committed:
        return lines
    if response.first_report is not None and (
        (response.first_report, response.first_report_to) != (response.report, response.report_to)
    ):
        first = (
            "no report"
            if response.first_report == "no_report"
            else (f"report to {agency_label(response.first_report_to)}")
        )
        lines.append(f"First committed decision, kept in the record: {first}.")
    comparison = compare_with_key(sign, response)
    lines += [f"Answer key: {text}" for text in comparison.strengths]
    lines += [
        f"Answer key: {finding.message}"
        for finding in comparison.findings
        if finding.rule != "safety.not-legal-advice"
    ]
    lines += [
        f"Answer key, {line.label.lower()}: {line.key}" for line in key_lines(sign.key, response)
    ]
    return lines
