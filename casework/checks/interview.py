"""Interview preparation: a sanitized case story and answers to typical questions.

A story is checked four ways: identifiers (the de-identification check, each with a
generalisation), structure (situation, task, action, result), focus on method (the case
management stages and professional judgement, not dramatic detail) and language (the
documentation coach, which includes the safety rules). The practice question about a safety
situation is also held to the safety steps: ask, consult, follow the protocol, document.
Cues and wording: `rules/interview.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from casework.checks.deid import find_identifiers
from casework.checks.findings import Finding, Report, finding_factory
from casework.checks.note import check_note
from casework.checks.safety import safety_footer, spoken_list
from casework.rules import load_rules

STAR_PARTS = ("situation", "task", "action", "result")


@cache
def _rules() -> dict[str, Any]:
    return load_rules("interview")


def source() -> str:
    return _rules()["source"]


_finding = finding_factory("interview", source)


@cache
def _cues() -> dict[str, list[re.Pattern[str]]]:
    rules = _rules()
    groups = {f"star.{part}": rules["star"][part]["cues"] for part in STAR_PARTS}
    groups |= {f"method.{stage}": spec["cues"] for stage, spec in rules["method"].items()}
    groups["judgement"] = rules["judgement"]["cues"]
    groups |= {f"safety.{step}": spec["cues"] for step, spec in rules["safety"]["steps"].items()}
    return {name: [re.compile(cue, re.IGNORECASE) for cue in cues] for name, cues in groups.items()}


@cache
def _dramatic() -> re.Pattern[str]:
    words = sorted(_rules()["dramatic"]["words"], key=len, reverse=True)
    return re.compile(
        r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])", re.IGNORECASE
    )


def _present(group: str, text: str) -> bool:
    return any(cue.search(text) for cue in _cues()[group])


@dataclass(frozen=True)
class Prompt:
    id: str
    question: str
    expects: tuple[str, ...]
    star: bool
    judgement: bool
    tip: str
    safety: bool = False  # a safety situation: held to the safety steps too


def prompts() -> list[Prompt]:
    """The practice bank, in the order a candidate meets them."""
    return [
        Prompt(
            id=prompt_id,
            question=spec["question"],
            expects=tuple(spec.get("expects", ())),
            star=bool(spec.get("star", False)),
            judgement=bool(spec.get("judgement", False)),
            tip=spec["tip"],
            safety=bool(spec.get("safety", False)),
        )
        for prompt_id, spec in _rules()["prompts"].items()
    ]


def prompt(prompt_id: str) -> Prompt:
    for candidate in prompts():
        if candidate.id == prompt_id:
            return candidate
    raise KeyError(f"no interview prompt {prompt_id!r}")


def method_label(stage: str) -> str:
    return _rules()["method"][stage]["label"]


def star_label(part: str) -> str:
    return _rules()["star"][part]["label"]


def composite_tips() -> list[str]:
    return list(_rules()["composite_tips"])


@dataclass(frozen=True)
class StoryReport(Report):
    star: dict[str, bool] = field(default_factory=dict)  # part -> present
    method: dict[str, bool] = field(default_factory=dict)  # stage -> present
    identifiers: tuple[Finding, ...] = ()  # the de-identification findings, with spans


def star_parts(text: str) -> dict[str, bool]:
    return {part: _present(f"star.{part}", text) for part in STAR_PARTS}


def method_stages(text: str) -> dict[str, bool]:
    return {stage: _present(f"method.{stage}", text) for stage in _rules()["method"]}


def _star_findings(star: dict[str, bool]) -> list[Finding]:
    findings = []
    for part, present in star.items():
        if not present:
            spec = _rules()["star"][part]
            findings.append(
                _finding(
                    f"interview.star.{part}",
                    f"{spec['label']} is missing. {spec['why']}",
                    f"For example: “{spec['example']}”",
                )
            )
    return findings


def _method_findings(method: dict[str, bool], expected: tuple[str, ...]) -> list[Finding]:
    missing = [stage for stage in expected if not method[stage]]
    if not missing:
        return []
    names = ", ".join(method_label(stage).lower() for stage in missing)
    return [
        _finding(
            "interview.method.missing",
            f"The answer does not yet show {names}. Interviewers listen for a systematic "
            "process: assessment, then a plan with the client, coordination of services, "
            "and a planned ending.",
            "Add a sentence for each, e.g. “I assessed her needs and strengths, we set two "
            "goals together, I referred her to a legal clinic and checked in weekly.”",
        )
    ]


def _judgement_finding() -> Finding:
    spec = _rules()["judgement"]
    return _finding(
        "interview.judgement.missing",
        f"The answer says what you did but not why. {spec['why']}",
        f"For example: “{spec['example']}”",
    )


def _safety_findings(text: str) -> list[Finding]:
    """A story about risk, a report or a crisis: which of the safety steps it does not show."""
    spec = _rules()["safety"]
    missing = [
        step["label"]
        for name, step in spec["steps"].items()
        if not _present(f"safety.{name}", text)
    ]
    if not missing:
        return []
    return [
        Finding(
            rule="interview.safety.missing",
            category="interview",
            severity="warning",
            message=(
                f"The answer does not yet show {spoken_list(missing)}. {spec['why']} "
                f"{safety_footer()}"
            ),
            suggestion=f"For example: “{spec['example']}”",
            source=spec["source"],
        )
    ]


def dramatic_details(text: str) -> list[Finding]:
    spec = _rules()["dramatic"]
    return [
        Finding(
            rule="interview.dramatic-detail",
            category="interview",
            severity="warning",
            message=f"“{match.group(0)}” is dramatic detail. {spec['why']}",
            suggestion=spec["suggestion"],
            source=source(),
            start=match.start(),
            end=match.end(),
        )
        for match in _dramatic().finditer(text)
    ]


def details_to_generalise(text: str) -> tuple[Finding, ...]:
    """The identifiers and the dramatic details, in text order: what the live check marks."""
    found = (*find_identifiers(text).findings, *dramatic_details(text))
    return tuple(sorted(found, key=lambda f: f.start or 0))


def _strengths(star: dict[str, bool], method: dict[str, bool], judged: bool) -> tuple[str, ...]:
    strengths = []
    if all(star.values()):
        strengths.append("Your story has all four parts: situation, task, action and result.")
    shown = [method_label(stage).lower() for stage, present in method.items() if present]
    if len(shown) >= 3:
        strengths.append(f"You show your method: {', '.join(shown)}.")
    if judged:
        strengths.append("You explain the reasoning behind your choices.")
    return tuple(strengths)


def _check(
    text: str,
    *,
    expected: tuple[str, ...],
    wants_star: bool,
    wants_judgement: bool,
    wants_safety: bool = False,
) -> StoryReport:
    if not text.strip():
        return StoryReport(
            (_finding("interview.empty", "Nothing written yet.", None, "info"),),
        )
    details = details_to_generalise(text)
    star = star_parts(text)
    method = method_stages(text)
    judged = _present("judgement", text)
    findings = [*details]
    if wants_star:
        findings += _star_findings(star)
    findings += _method_findings(method, expected)
    if wants_judgement and not judged:
        findings.append(_judgement_finding())
    if wants_safety:
        findings += _safety_findings(text)
    findings += check_note(text).findings
    findings.sort(key=lambda f: (f.start is None, f.start or 0))
    return StoryReport(
        tuple(findings),
        _strengths(star, method, judged),
        star=star,
        method=method,
        identifiers=tuple(f for f in details if f.rule.startswith("deid.")),
    )


def check_story(text: str) -> StoryReport:
    """A case story for an interview: de-identified, STAR, method and judgement, plain facts."""
    return _check(
        text,
        expected=("assessment", "planning", "coordination", "closure"),
        wants_star=True,
        wants_judgement=True,
    )


def check_answer(prompt_id: str, text: str) -> StoryReport:
    """An answer to one practice prompt, held to what that question asks for."""
    question = prompt(prompt_id)
    return _check(
        text,
        expected=question.expects,
        wants_star=question.star,
        wants_judgement=question.judgement,
        wants_safety=question.safety,
    )
