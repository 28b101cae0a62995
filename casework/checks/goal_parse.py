"""Reading a goal sentence: who acts, the verbs, and the context the line states about the
client or the plan (the deadline or period is read by `goal_time.py`). The SMART criteria
(`goal.py`) and the achievability rules (`goal_realism.py`) ask their questions of this reading.
Word lists and thresholds, each with its source: `casework/rules/smart.yaml`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

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
    # case-note abbreviations: "8 wks", "6 mos", "2 hrs"
    "wk": 7,
    "mo": 30,
    "mth": 30,
    "yr": 365,
    "hr": 1 / 24,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
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
    "match", "hold", "convene", "host",
}  # fmt: skip
_PARTICIPLES = {
    "sent": "send", "written": "write", "paid": "pay", "brought": "bring", "taken": "take",
    "given": "give", "set": "set", "built": "build", "put": "put", "done": "complete", "made": "make",
    "read": "read", "kept": "keep", "met": "meet", "bought": "buy",
}  # fmt: skip
# "as prescribed" is not here: adherence to an order needs its check named (smart.yaml).
_MEASURE_PHRASES = re.compile(r"\b(?:in full|on time|in a row|every time|without missing)\b", re.I)
_DAYS_OF_WEEK = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# "By Friday, mentee will …": a day or a month opening the goal is not who acts (months that
# are also given names, such as June, are left out)
_CALENDAR_NAMES = frozenset(
    [
        *_DAYS_OF_WEEK.split("|"),
        "january",
        "february",
        "september",
        "october",
        "november",
        "december",
    ]
)
_FREQUENCY = re.compile(
    rf"\b(?:every|each)\s+(?:other\s+)?(?:day|week|month|morning|evening|night|weekday|"
    rf"weekend|payday|paycheck|{_DAYS_OF_WEEK})s?\b|\b(?:daily|weekly|biweekly|fortnightly|"
    r"monthly|nightly)\b|\b(?:once|twice|\w+\s+times)\s+(?:a|per|each)\s+\w+",
    re.I,
)
_VAGUE_PHRASES = re.compile(
    r"\b(work(?:s|ing)? on|think(?:s|ing)? about|be (?:more|less|better)|get better|do better|feel better|"
    r"look into|deal with|focus on|try(?:ing)? to|learn (?:to|about|how)|make (?:progress|changes|better)|"
    r"take (?:steps|care of|responsibility)|have (?:a )?better|be aware|open up|"
    # "show commitment", "on time more often": a quality or a comparison, not a count
    r"(?:show|demonstrate|display|prove)s? (?:more |greater |real |a |her |his |their )?(?:commitment|motivation|"
    r"willingness|insight|responsibility|maturity|improvement|progress|effort|interest|readiness|"
    r"accountability|respect|engagement|dedication)|"
    # "increase self-sufficiency", "bond more with the baby": a quality, however it is tracked
    r"(?:increase|improve|build|gain|strengthen|enhance|develop|grow|boost)s? (?:(?:her|his|their|the|overall)\s+)?"
    r"(?:self-sufficiency|independence|insight|confidence|self-esteem|self-worth|resilience|"
    r"stability|well-?being|motivation|awareness|functioning|maturity|bonding|attachment)|"
    r"bond(?:s|ing)? (?:more|better|with)|"
    # "and achieve good control", "have improved mood", "so cl feels heard": a state of mind
    # or of health appended to a precise line, which nobody could see
    r"(?:have|show|with) (?:an? )?(?:improved|better|stable|stabilized|brighter|more stable) "
    r"(?:mood|affect|outlook|functioning|coping|insight|self-esteem|confidence|attitude|well-?being)|"
    r"(?:achieve|reach|have|gain) (?:good|better|improved|optimal|adequate|tight|stable) (?:control|health|balance|stability|wellness)|"
    r"gain (?:a )?(?:better|greater|deeper|more|good) (?:understanding|insight|awareness|appreciation|sense)|"
    r"work(?:s|ing)? through (?:her|his|their|the|any) (?:\w+ )?(?:trauma|grief|issues|feelings|anger|loss|past)|"
    r"so (?:that )?(?:\w+ )?(?:feels?|knows?) (?:heard|valued|supported|respected|safe|better|understood)|"
    r"catch(?:es)? up (?:on|with|to) (?:all|every|(?:her|his|their|the) (?:peers|milestones|classmates|developmental))|"
    r"(?:more|less) (?:often|regularly|consistently|"
    r"frequently|reliably)(?![^.;]*\b(?:at least|at most|no more than|\d+\s*(?:times|x|of|out of|days? (?:a|per|each)))))\b",
    re.IGNORECASE,
)


@cache
def _lists() -> dict[str, Any]:
    data = load_rules("smart")
    words = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    words["domain_words"] = {k: frozenset(v) for k, v in data["domain_words"].items()}  # type: ignore[assignment]
    words["source"] = data["source"]  # type: ignore[assignment]
    words["adherence_source"] = data["adherence_source"]  # type: ignore[assignment]
    words["realism"] = data["realism"]  # type: ignore[assignment]
    return words


def _alternation(words: Any) -> str:
    """A regex alternation of `words`, longest first, spaces matching any whitespace."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_NUMBER = r"(?:\d+|" + "|".join(sorted(_NUMBER_VALUES, key=len, reverse=True)) + r")"


@cache
def _phrase_patterns() -> dict[str, re.Pattern[str]]:
    """Phrase lists from smart.yaml as one pattern each, compiled once."""
    lists = _lists()
    return {
        "vague_times": re.compile(rf"(?<![\w-])(?:{_alternation(lists['vague_times'])})(?![\w-])"),
        "wish_cues": re.compile(rf"(?<![\w'])(?:{_alternation(lists['wish_cues'])})\b"),
        "rush_cues": re.compile(rf"\b(?:{_alternation(lists['realism']['rush']['cues'])})\b"),
    }


@dataclass(frozen=True)
class Criterion:
    met: bool | None
    reason: str
    source: str | None = None  # the guideline behind this reason, when not the SMART one


@dataclass
class _Parse:
    actor: str | None = None
    verb_index: int | None = None
    verbs: list[str] = field(default_factory=list)
    time_spans: list[tuple[int, int]] = field(default_factory=list)
    deadline_days: int | None = None
    deadline_text: str | None = None  # the words that gave `deadline_days`: "by month 9"
    longest_days: int | None = None  # the longest time the line names, deadline or period
    vague_time: str | None = None
    measure: str | None = None  # why the goal can be checked, when it can: see `_measure`
    wish: str | None = None  # "wants to", when the goal is stated as a wish
    # Context the line states about the client or the plan ("Cl, who earns $943 SSI, …",
    # "In this 6-month plan"): read for achievability, never counted as the goal's measure.
    context_spans: list[tuple[int, int]] = field(default_factory=list)
    plan_days: int | None = None
    plan_text: str | None = None
    adherence: str | None = None  # "as prescribed": adherence to someone else's order

    @property
    def outcome(self) -> bool:
        """Does the goal name a result ("find housing") rather than an action?"""
        return bool(self.verbs) and self.verbs[0] in _lists()["outcome_verbs"]


def _unit_days(unit: str) -> float:
    return _UNIT_DAYS.get(unit.lower().rstrip("s"), 1)


def _count(raw: str) -> int:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _NUMBER_VALUES.get(raw, 1)


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


# "Cl, who earns $943 SSI, will …": the subject, then a clause between commas that states
# context about them. Looked for only near the start of a line (goal lines are short).
# "Cl, who earns $943 SSI, will …", "Within 30 days cl, who earns …, will …": the subject
# is the word before the first comma; the clause between the commas is context.
_APPOSITIVE = re.compile(
    r"[^,\n]*?(?P<actor>[^\W\d_][\w'’.]*(?:\s+[^\W\d_][\w'’.]*)?)\s*,(?P<clause>[^\n]*),\s*$"
)


def _actor_and_verbs(passage: Passage, parse: _Parse) -> None:
    lists, norms, tokens = _lists(), passage.norms, passage.tokens
    for index, word in enumerate(norms):
        if word not in _WILL or _in_spans(tokens[index].start, parse.time_spans):
            continue
        actor = None
        before = passage.text[: tokens[index].start]
        # "By month 3 of the plan, participant, who earns …, will": the subject may follow
        # an opening phrase, so each comma-separated start is tried in turn
        starts = [0, *(m.end() for m in re.finditer(",", before))] if len(before) < 300 else []
        for offset in starts if before.rstrip().endswith(",") else []:
            apposition = _APPOSITIVE.match(before, offset)
            subject = apposition.group("actor") if apposition else ""
            last = subject.split()[-1] if subject else ""
            if last and (last.lower() in lists["actors"] or last[:1].isupper()):
                actor = subject
                parse.context_spans.append(apposition.span("clause"))  # type: ignore[union-attr]
                break
        if actor is None:
            window = reversed(tokens[max(0, index - 4) : index])  # the nearest candidate wins
            actor = next(
                (
                    t.text
                    for t in window
                    if t.norm in lists["actors"]
                    or (t.text[:1].isupper() and t.norm not in _CALENDAR_NAMES)
                ),
                None,
            )
        if actor is None:
            # "Within 2 months, client earning $1,900/month will …": the subject opens its
            # clause, and its description fills the words before "will"
            clause = max((m.end() for m in re.finditer(r",\s", before)), default=0)  # not "$1,900"
            actor = next(
                (
                    t.text
                    for t in tokens[max(0, index - 8) : index]
                    if t.start >= clause and t.norm in lists["actors"]
                ),
                None,
            )
        if actor is None and 4 < index <= 15 and tokens[0].norm in lists["actors"]:
            # "IW on TTD of $1,100/mo will buy …": the subject opens the line, and what
            # stands between it and "will" says something about them
            actor = tokens[0].text
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
    # "will help the youth submit …": the person helped is not the action
    if (
        0 < j < len(norms)
        and norms[j - 1] in {"help", "the", "assist"}
        and norms[j] in lists["actors"]
    ):
        j += 1
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
            # "… and bring the log to every visit" hands over the check, not another action
            and not _check_patterns()[1].match(passage.text.lower(), tokens[k].start)
            and not _noun_use(passage.text.lower(), tokens[k].start)
        ):
            parse.verbs.append(norms[k])


@cache
def _noun_uses() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(set(_lists()['verb_as_noun']))})\b")


def _noun_use(text: str, start: int) -> bool:
    """Is the word at `start` a verb used as a noun here ("test strips")?"""
    return bool(_noun_uses().match(text, start))


@cache
def _check_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Named checks (a cue, or a hand-over of a record), compliance phrases, adherence."""
    lists = _lists()
    cue = re.compile(rf"(?<![\w-])(?:{_alternation(lists['verification_cues'])})(?![\w-])")
    records = lists["check_records"] | lists["proofs"]
    handover = re.compile(
        rf"\b(?:{_alternation(lists['check_verbs'])})\b(?:[^\w.;!?]+[\w'’-]+){{0,6}}?[^\w.;!?]+"
        rf"(?:{_alternation(records)})\b"
    )
    compliance = re.compile(
        rf"\b(?:{_alternation(lists['compliance_verbs'])})\s+(?:[\w'’-]+\s+){{0,4}}?"
        rf"(?:{_alternation(lists['compliance_objects'])})\b",
        re.I,
    )
    # "as prescribed" first, so the finding quotes it; else "take (all) her meds"
    adherence = re.compile(
        rf"^.*?\b(?P<order>{_alternation(lists['adherence_phrases'])})\b"
        rf"|\btakes?\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_alternation(lists['medication_words'])})\b",
        re.I | re.S,
    )
    return cue, handover, compliance, adherence


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with `spans` blanked out, offsets unchanged."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _named_check(text: str) -> str | None:
    """The check the goal names, in a sentence: "confirmed by …", "give CM the printout"."""
    cue, handover, _, _ = _check_patterns()
    lowered = text.lower()
    same = len(lowered) == len(text)  # then offsets match, and the words can be quoted as written
    for pattern, says in (
        (cue, "names how it will be checked"),
        (handover, "names the record that shows it was done"),
    ):
        found = pattern.search(lowered)
        if found:
            words = text[found.start() : found.end()] if same else found.group(0)
            return f"“{words}” {says}."
    return None
