"""SMART goals: specific, measurable, achievable, relevant, time-bound.

Specific, measurable and time-bound are read from the sentence. Achievable and relevant
need the case: pass a GoalContext (the plan's time limit, the assessed needs, the
client's priorities) and they are checked; without one they stay `None` with a prompt.
Word lists: `casework/rules/smart.yaml`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from casework.checks.findings import Finding, Report
from casework.checks.text import Passage
from casework.rules import load_rules

_UNIT_DAYS: dict[str, float] = {
    "day": 1,
    "week": 7,
    "month": 30,
    "year": 365,
    "hour": 1 / 24,  # crisis goals run in hours: "within 48 hours" is two days
    "semester": 120,
    "term": 120,
    "quarter": 90,
}
_NUMBER_VALUES = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip
_WILL = {"will", "shall", "must", "should", "to", "would", "can", "agrees", "plans", "commits"}
_AUXILIARY = {
    "be", "able", "to", "continue", "independently", "successfully", "regularly", "also", "then",
    "each", "consistently", "actively", "fully", "personally", "herself", "himself", "themselves",
    "jointly", "together", "first", "going", "at", "least", "not", "and", "or", "both", "with",
    "help", "support", "assistance", "of", "the", "case", "manager", "worker", "'s",
}  # fmt: skip
# One-off actions: done or not done, so the action itself is the measure.
_ONE_OFF = {
    "call", "contact", "email", "text", "phone", "visit", "meet", "tour", "sign", "submit", "file",
    "register", "enroll", "enrol", "open", "obtain", "complete", "schedule", "book", "apply",
    "deliver", "mail", "send", "return", "renew", "replace", "request", "finish", "pass",
    "receive", "secure", "buy", "purchase", "move", "join", "pay", "fill", "turn", "write",
    "draft", "create", "set", "choose", "select", "name", "list", "identify", "present", "show",
    "install", "fix", "repair", "clear", "cancel", "confirm", "arrange", "change", "bring", "get",
}  # fmt: skip
_PARTICIPLES = {
    "sent": "send", "written": "write", "paid": "pay", "brought": "bring", "taken": "take",
    "given": "give", "set": "set", "built": "build", "put": "put", "done": "complete", "made": "make",
    "read": "read", "kept": "keep", "met": "meet", "bought": "buy",
}  # fmt: skip
_MEASURE_PHRASES = re.compile(
    r"\b(?:in full|on time|in a row|as prescribed|every time|without missing)\b", re.I
)
_DAYS_OF_WEEK = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_FREQUENCY = re.compile(
    rf"\b(?:every|each)\s+(?:other\s+)?(?:day|week|month|morning|evening|night|weekday|"
    rf"weekend|payday|paycheck|{_DAYS_OF_WEEK})s?\b|\b(?:daily|weekly|biweekly|fortnightly|"
    r"monthly|nightly)\b|\b(?:once|twice|\w+\s+times)\s+(?:a|per|each)\s+\w+",
    re.I,
)
_VAGUE_PHRASES = re.compile(
    r"\b(work(?:s|ing)? on|think(?:s|ing)? about|be (?:more|less|better)|get better|do better|feel better|"
    r"look into|deal with|focus on|try(?:ing)? to|learn (?:to|about|how)|make (?:progress|changes|better)|"
    r"take (?:steps|care of|responsibility)|have (?:a )?better|be aware|open up)\b",
    re.IGNORECASE,
)


@cache
def _lists() -> dict[str, Any]:
    data = load_rules("smart")
    words = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    words["domain_words"] = {k: frozenset(v) for k, v in data["domain_words"].items()}  # type: ignore[assignment]
    words["source"] = data["source"]  # type: ignore[assignment]
    return words


def _time_patterns() -> list[re.Pattern[str]]:
    lists = _lists()
    number = r"(?:\d+|" + "|".join(sorted(_NUMBER_VALUES, key=len, reverse=True)) + r")"
    unit = r"(?:" + "|".join(sorted(lists["time_units"], key=len, reverse=True)) + r")"
    months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    events = r"(?:" + "|".join(sorted(lists["time_events"], key=len, reverse=True)) + r")"
    by = r"(?:by|before|until|till|no later than|on or before|prior to|ahead of|through|at)"
    return [
        re.compile(rf"\b(?:{by}|on)\s+(?:day|week|month)\s+(?P<day>\d+)\b", re.I),
        re.compile(
            rf"\b(?:within|in|over|for|during|after)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+|following\s+)?"
            # "for the two months of back rent" names what is owed, not a period
            rf"(?P<n>{number})\s*(?:-\s*)?(?P<unit>{unit})s?\b(?!\s+of\b)",
            re.I,
        ),
        re.compile(
            r"\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?P<unit>week|month|year)\b",
            re.I,
        ),
        re.compile(
            rf"\b{by}\s+(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+|this\s+|next\s+|her\s+|his\s+|their\s+)?\w+",
            re.I,
        ),
        re.compile(
            rf"\b(?:{by}|on|in)\s+{months}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?\b",
            re.I,
        ),
        re.compile(
            rf"\b{by}\s+(?:the\s+|her\s+|his\s+|their\s+|its\s+|our\s+)?(?:next\s+|first\s+|upcoming\s+|scheduled\s+)?(?:[\w-]+\s+){{0,2}}{events}\b",
            re.I,
        ),
        re.compile(
            rf"\b(?:to|at|for)\s+(?:the|her|his|their|our)\s+(?:next|upcoming|first)\s+(?:\w+\s+)?{events}\b",
            re.I,
        ),
        re.compile(
            r"\b(?:by|before|until|on)\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bby\s+(?:19|20)\d\d\b",
            re.I,
        ),
        re.compile(
            r"\b(?:this|next|every|each)\s+(?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.\n]{0,80}?\bfor\b",
            re.I,
        ),
        re.compile(
            r"\b(?:today|tomorrow|tonight|this week|this month|next week|next month|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
            re.I,
        ),
    ]


_TIME_PATTERNS: list[re.Pattern[str]] = []


@dataclass(frozen=True)
class GoalContext:
    """What the case says about a goal: the plan's time limit, needs and priorities."""

    time_limit_days: int | None = None
    needs: tuple[str, ...] = ()  # assessed needs: life-domain ids or short descriptions
    priorities: tuple[str, ...] = ()  # the client's stated priorities, in their words
    linked_to: str | None = None  # an explicit link made in the plan: "assessed need: Health"
    step_due_days: tuple[int | None, ...] | None = None  # the goal's action steps, when planned


@dataclass(frozen=True)
class Criterion:
    met: bool | None
    reason: str


@dataclass(frozen=True)
class GoalReport(Report):
    criteria: dict[str, Criterion] = field(default_factory=dict)
    deadline_days: int | None = None

    @property
    def smart(self) -> bool:
        c = self.criteria
        return (
            bool(c["specific"].met and c["measurable"].met and c["time_bound"].met)
            and c["achievable"].met is not False
            and c["relevant"].met is not False
        )


@dataclass
class _Parse:
    actor: str | None = None
    verb_index: int | None = None
    verbs: list[str] = field(default_factory=list)
    time_spans: list[tuple[int, int]] = field(default_factory=list)
    deadline_days: int | None = None
    vague_time: str | None = None
    measure: str | None = None  # why the goal can be checked, when it can: see `_measure`
    wish: str | None = None  # "wants to", when the goal is stated as a wish

    @property
    def outcome(self) -> bool:
        """Does the goal name a result ("find housing") rather than an action?"""
        return bool(self.verbs) and self.verbs[0] in _lists()["outcome_verbs"]


def _time(text: str, parse: _Parse) -> None:
    if not _TIME_PATTERNS:
        _TIME_PATTERNS.extend(_time_patterns())
    # An explicit day ("by day 30") outranks a deadline period ("within 60 days"), which
    # outranks a running period ("for 8 weeks"): the contract must show the day the goal
    # itself names.
    best: tuple[int, int] | None = None  # (rank, -days): the lowest rank, then the longest
    for pattern in _TIME_PATTERNS:
        for match in pattern.finditer(text):
            parse.time_spans.append(match.span())
            groups = match.groupdict()
            if groups.get("day"):
                rank, days = 0, int(groups["day"])
            elif groups.get("unit"):
                raw = (groups.get("n") or "1").lower()
                count = int(raw) if raw.isdigit() else _NUMBER_VALUES.get(raw, 1)
                unit = _UNIT_DAYS.get(groups["unit"].lower().rstrip("s"), 1)
                days = math.ceil(count * unit)
                period = match.group(0).split()[0].lower() in {"for", "over", "during"}
                rank = 2 if period else 1
            else:
                continue
            if best is None or (rank, -days) < best:
                best = (rank, -days)
                parse.deadline_days = days
    parse.time_spans = _merged(parse.time_spans)
    lowered = f" {text.lower()} "
    for phrase in sorted(_lists()["vague_times"], key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", lowered):
            parse.vague_time = phrase
            break


def _in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    """Is `position` inside one of `spans` (sorted, non-overlapping: see `_time`)?"""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _actor_and_verbs(passage: Passage, parse: _Parse) -> None:
    lists, norms, tokens = _lists(), passage.norms, passage.tokens
    for index, word in enumerate(norms):
        if word not in _WILL or _in_spans(tokens[index].start, parse.time_spans):
            continue
        window = reversed(tokens[max(0, index - 4) : index])  # the nearest candidate wins
        actor = next(
            (t.text for t in window if t.norm in lists["actors"] or t.text[:1].isupper()), None
        )
        if actor:
            parse.actor = actor
            parse.verb_index = index + 1
            break
    if (
        parse.verb_index is None
        and norms
        and (norms[0] in lists["concrete_verbs"] or norms[0] in lists["vague_verbs"])
    ):
        parse.verb_index = 0  # an imperative goal: the client is implied
    if parse.verb_index is None:
        return
    j = parse.verb_index
    while j < len(norms) and norms[j] in _AUXILIARY:
        j += 1
    parse.verb_index = j if j < len(norms) else None
    if parse.verb_index is None:
        return
    verb = norms[j]
    if verb in {"have", "get"}:  # "have a rail installed": the participle is the action
        for k in range(j + 1, min(j + 6, len(norms))):
            participle = norms[k]
            stem = _PARTICIPLES.get(participle) or (
                participle[:-2] if participle.endswith("ed") else None
            )
            if stem and (stem in lists["concrete_verbs"] or stem + "e" in lists["concrete_verbs"]):
                verb = stem if stem in lists["concrete_verbs"] else stem + "e"
                break
    parse.verbs.append(verb)
    # Further actions joined by "and" or commas: "find a job, get housing and attend therapy".
    for k in range(j + 1, len(norms)):
        if _in_spans(tokens[k].start, parse.time_spans):
            break
        joined = (
            norms[k - 1] in {"and", "then"}
            or "," in passage.text[tokens[k - 1].end : tokens[k].start]
        )
        if (
            joined
            and norms[k] in lists["concrete_verbs"] | lists["vague_verbs"]
            and norms[k] not in {"have", "be"}
        ):
            parse.verbs.append(norms[k])


def _specific(text: str, passage: Passage, parse: _Parse, measurable: Criterion) -> Criterion:
    lists = _lists()
    if parse.verb_index is None:
        return Criterion(
            False,
            "Say who will do what: start with the person and an action (“Client will attend …”).",
        )
    vague = _VAGUE_PHRASES.search(text)
    verb = parse.verbs[0]
    has_object = bool(measurable.met)
    if parse.wish:
        return Criterion(
            False,
            f"“{parse.wish}” records a wish. Keep the wish, in the client's words, as the "
            "priority this goal serves; the goal says what the client will do about it "
            "(“Within 14 days, Jordan will sign an occupancy agreement for a room.”).",
        )
    compliance = next((t for t in passage.tokens if t.norm in lists["compliance_words"]), None)
    if compliance:
        return Criterion(
            False,
            f"“{compliance.text}” makes the program's rules the goal. Rules are the program's "
            "expectation, not something the client set out to achieve; ask what the client "
            "wants, and write that (explain any rule openly, beside the plan).",
        )
    if vague and not _in_spans(vague.start(), parse.time_spans):
        return Criterion(
            False,
            f"“{vague.group(0)}” names a direction, not an action someone could see. Name the one thing the client will do.",
        )
    if parse.outcome and not parse.measure:
        return Criterion(
            False,
            f"“{_phrase(passage, parse)}” names a result, not something anyone could see the "
            "client do. Name the action that gets there (apply, sign, attend), or what will "
            "show it happened (a signed lease, a weekly test result).",
        )
    if verb in lists["vague_verbs"] and (
        verb not in lists["concrete_verbs"] or not (has_object or parse.measure)
    ):
        return Criterion(
            False,
            f"“{verb}” is not something another person could see happen. Name the concrete action (attend, submit, call, sign …).",
        )
    if len(set(parse.verbs)) >= 3:
        return Criterion(
            False,
            f"This goal bundles {len(set(parse.verbs))} actions ({', '.join(dict.fromkeys(parse.verbs))}). Give each its own goal or step.",
        )
    who = parse.actor or "The client (implied)"
    return Criterion(True, f"{who} will {verb}: one concrete action.")


def _measure(text: str, passage: Passage, parse: _Parse) -> str | None:
    """What makes the goal checkable, in a sentence, or None: a count, an amount, a
    frequency over a set period, a standard, a named check or a document in hand."""
    lists, norms, tokens = _lists(), passage.norms, passage.tokens
    for i, token in enumerate(tokens):
        if _in_spans(token.start, parse.time_spans):
            continue
        word = norms[i]
        if (
            word.isdigit()
            or word in lists["number_words"]
            or re.fullmatch(r"\d+(?:st|nd|rd|th|x|%)?", word)
        ):
            if word in {"all", "both"} and i + 1 < len(norms) and norms[i + 1] in {"the", "of"}:
                continue
            return f"“{token.text}” gives a count or frequency to check against."
    if re.search(r"[$€£]\s?\d|\d\s?%|\bpercent\b|\bdollars?\b", text, re.I):
        return "An amount gives a figure to check against."
    frequency = _FREQUENCY.search(text)
    if frequency and parse.deadline_days:
        return f"“{frequency.group(0)}” over a set period is a count anyone can check."
    standard = _MEASURE_PHRASES.search(text)
    if standard:
        return f"“{standard.group(0)}” is a standard anyone can check."
    lowered = text.lower()
    cue = next((c for c in lists["verification_cues"] if c in lowered), None)
    if cue:
        return f"“{cue}” names how it will be checked."
    if parse.verb_index is None:
        return None
    window = norms[parse.verb_index : parse.verb_index + 8]
    if parse.outcome:
        proof = next((w for w in window if w in lists["proofs"]), None)
        return f"A {proof} in hand shows the result happened." if proof else None
    artefact = next((w for w in window if w in lists["artefacts"]), None)
    verb = parse.verbs[0] if parse.verbs else ""
    if artefact and verb in lists["concrete_verbs"]:
        return f"A {artefact} done or in hand is a completion anyone can verify."
    has_object = (
        parse.verb_index + 1 < len(norms)
        and norms[parse.verb_index + 1] not in lists["vague_measures"]
    )
    if verb in _ONE_OFF and has_object:
        return f"“{verb}” is a one-off action: done or not done, anyone can check."
    return None


def _phrase(passage: Passage, parse: _Parse) -> str:
    """The goal's verb and the next few words: "find housing"."""
    start = parse.verb_index or 0
    words = [
        t.text
        for t in passage.tokens[start : start + 4]
        if not _in_spans(t.start, parse.time_spans)
    ]
    vague_times = _lists()["vague_times"]
    while words and words[-1].lower() in vague_times:
        words.pop()
    return " ".join(words)


def _measurable(passage: Passage, parse: _Parse) -> Criterion:
    if parse.measure:
        return Criterion(True, parse.measure)
    if parse.outcome:
        return Criterion(
            False,
            f"“{_phrase(passage, parse)}” is a result: say how you will both know it happened "
            "(a signed lease, a pay stub, a count of meetings attended).",
        )
    vague = next((w for w in passage.norms if w in _lists()["vague_measures"]), None)
    if vague:
        return Criterion(
            False,
            f"“{vague}” cannot be counted. Add a number, a frequency or a document that shows it was done.",
        )
    return Criterion(
        False,
        "Nothing here can be counted or checked. Add how many, how often, or the document that shows it was done.",
    )


def _wish(text: str, passage: Passage, parse: _Parse) -> str | None:
    if parse.verb_index is None:
        return None
    before = text[: passage.tokens[parse.verb_index].start].lower().replace("’", "'")
    return next(
        (cue for cue in _lists()["wish_cues"] if re.search(rf"(?<![\w']){cue}\b", before)), None
    )


def _time_bound(parse: _Parse) -> Criterion:
    if parse.time_spans:
        return Criterion(True, "It has a deadline or a set period.")
    if parse.vague_time:
        return Criterion(
            False,
            f"“{parse.vague_time}” is not a deadline. Give a date, a day number or a period (“within 30 days”).",
        )
    return Criterion(
        False, "There is no deadline. Add a date, a day number or a period (“within 30 days”)."
    )


def _achievable(parse: _Parse, context: GoalContext | None) -> Criterion:
    if context is None or context.time_limit_days is None:
        return Criterion(
            None,
            "Can the client do this with the time and help they have? Check it against the plan's time limit and the client's resources.",
        )
    if parse.deadline_days is None:
        return Criterion(
            None,
            f"Give the deadline as a day number or period so it can be checked against the plan's {context.time_limit_days} days.",
        )
    if parse.deadline_days > context.time_limit_days:
        return Criterion(
            False,
            f"The goal runs {parse.deadline_days} days, past the plan's time limit of {context.time_limit_days} days.",
        )
    if context.step_due_days is not None:
        late = [
            day for day in context.step_due_days if day is not None and day > parse.deadline_days
        ]
        if late:
            return Criterion(
                False,
                f"A step is due on day {max(late)}, after the goal's own deadline (day {parse.deadline_days}): the steps do not add up to the goal in time.",
            )
        if not context.step_due_days:
            return Criterion(
                None,
                f"{parse.deadline_days} days fits the plan's {context.time_limit_days} days; add the action steps to show how it can be done.",
            )
        return Criterion(
            True,
            f"{parse.deadline_days} days fits the plan's {context.time_limit_days} days, and every step is due by then.",
        )
    return Criterion(
        True, f"{parse.deadline_days} days fits inside the plan's {context.time_limit_days} days."
    )


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z']+", text.lower()) if len(w) >= 4}


def _relevant(passage: Passage, context: GoalContext | None) -> Criterion:
    if context is not None and context.linked_to:
        return Criterion(True, f"It serves {context.linked_to}.")
    if context is None or not (context.needs or context.priorities):
        return Criterion(
            None,
            "Which assessed need or stated priority of the client does this goal serve? Link it to one.",
        )
    domains = _lists()["domain_words"]
    goal_words = set(passage.norms)
    for need in context.needs:
        words = domains.get(need) or _content_words(need)
        if goal_words & words or {w.rstrip("s") for w in goal_words} & words:
            return Criterion(True, f"It serves an assessed need ({need.replace('_', ' ')}).")
    goal_content = _content_words(passage.text)
    for priority in context.priorities:
        if goal_content & _content_words(priority):
            return Criterion(True, f"It serves the client's priority: “{priority}”.")
    return Criterion(
        False, "It is not linked to any assessed need or to what the client said matters to them."
    )


def _skeleton(passage: Passage, parse: _Parse, criteria: dict[str, Criterion]) -> str:
    actor = parse.actor or "Client"
    start = parse.verb_index if parse.verb_index is not None else 0
    vague_times = _lists()["vague_times"]
    tokens = [
        t
        for t in passage.tokens[start:]
        if not _in_spans(t.start, parse.time_spans) and t.norm not in vague_times
    ]
    words = " ".join(t.text for t in tokens[:8])
    action = (
        words if criteria["specific"].met else f"[one action anyone could see, about “{words}”]"
    )
    measure = (
        ""
        if criteria["measurable"].met
        else " [how many / how often, or the document that shows it]"
    )
    deadline = "" if criteria["time_bound"].met else " by [day N, or “within 30 days”]"
    return f"{actor} will {action}{measure}{deadline}.".replace("will will", "will")


def check_goal(text: str, context: GoalContext | None = None) -> GoalReport:
    """Check one goal sentence against the SMART criteria."""
    passage = Passage(text)
    parse = _Parse()
    _time(text, parse)
    _actor_and_verbs(passage, parse)
    parse.measure = _measure(text, passage, parse)
    parse.wish = _wish(text, passage, parse)
    measurable = _measurable(passage, parse)
    criteria = {
        "specific": _specific(text, passage, parse, measurable),
        "measurable": measurable,
        "achievable": _achievable(parse, context),
        "relevant": _relevant(passage, context),
        "time_bound": _time_bound(parse),
    }
    source = _lists()["source"]
    skeleton = _skeleton(passage, parse, criteria)
    findings = []
    for name, criterion in criteria.items():
        if criterion.met is True:
            continue
        findings.append(
            Finding(
                rule=f"goal.{name.replace('_', '-')}",
                category="smart",
                severity="warning" if criterion.met is False else "info",
                message=f"{name.replace('_', '-').capitalize()}: {criterion.reason}",
                suggestion=skeleton if criterion.met is False else None,
                source=str(source),
                start=0,
                end=len(text),
            )
        )
    strengths = tuple(
        f"{name.replace('_', '-').capitalize()}: {c.reason}"
        for name, c in criteria.items()
        if c.met is True
    )
    return GoalReport(tuple(findings), strengths, criteria, parse.deadline_days)
