"""Reading a goal sentence: who acts, the verbs, the deadline or period, and the context
the line states about the client or the plan. The SMART criteria (`goal.py`) and the
achievability rules (`goal_realism.py`) ask their questions of this reading.
Word lists and thresholds, each with its source: `casework/rules/smart.yaml`.
"""

from __future__ import annotations

import math
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
_ORDINAL = r"(?:" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))"
_BY = r"(?:by|before|until|till|no later than|on or before|prior to|ahead of|through|at)"


def _time_patterns() -> list[re.Pattern[str]]:
    lists = _lists()
    number = _NUMBER
    unit = r"(?:" + "|".join(sorted(lists["time_units"], key=len, reverse=True)) + r")"
    months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    events = r"(?:" + "|".join(sorted(lists["time_events"], key=len, reverse=True)) + r")"
    by = _BY
    owner = r"(?:the\s+|this\s+|her\s+|his\s+|their\s+|its\s+|our\s+)"
    return [
        # "by day 30", "on week 4", "by the end of week 2", "at week 5 and week 10"
        re.compile(
            rf"\b(?:{by}|on|in)\s+(?:the\s+)?(?:end\s+of\s+)?(?P<dunit>day|week|wk|month|mo)(?:\s+|-)(?P<day>\d+)"
            rf"(?:(?:\s*,\s*|\s+(?:and|or|&)\s+)(?:(?:day|week|wk|month|mo)\s+)?(?P<day2>\d+)\b)*\b",
            re.I,
        ),
        # "by the end of the 3rd month", "by the second week of the school term"
        re.compile(
            rf"\b{by}\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?)?(?P<ord>{_ORDINAL})\s+"
            rf"(?P<ounit>day|week|month|year)\b(?P<of>\s+of\s+{owner}?(?:[\w-]+\s+)?(?:{events}|year)\b)?",
            re.I,
        ),
        re.compile(
            rf"\b(?:within|in|over|for|during|after|through|until|across)\s+(?:each\s+of\s+)?(?:the\s+)?(?:next\s+|first\s+|coming\s+|following\s+)?(?:about\s+|around\s+|roughly\s+)?"
            # "for the two months of back rent" names what is owed, not a period; "within 7
            # days of discharge" counts from an event
            rf"(?P<n>{number})\s*(?:-\s*)?(?:consecutive\s+|straight\s+|full\s+)?(?:school\s+|working\s+|calendar\s+|program\s+|business\s+)?(?P<unit>{unit})s?\b"
            rf"(?:\s+of\s+{owner}?{events}\b|(?!\s+of\b))",
            re.I,
        ),
        # "within 30 days of removal": counted from an event, whatever the event
        re.compile(
            rf"\bwithin\s+(?:the\s+)?(?:first\s+)?(?P<n>{number})\s*(?:-\s*)?(?P<unit>{unit})s?\s+of\b",
            re.I,
        ),
        # a cap: "every Monday until it is scheduled (max 6 wks)"
        re.compile(
            rf"\b(?:max(?:imum)?|at\s+most|up\s+to|no\s+more\s+than)\s+(?P<n>{number})\s*(?P<unit>days?|weeks?|wks?|months?|mos?|years?|yrs?)\b",
            re.I,
        ),
        # "during the first month": one unit
        re.compile(
            r"\b(?:within|in|over|during)\s+(?:the\s+)?first\s+(?P<unit>week|month|year)\b",
            re.I,
        ),
        # "by the 15th of next month": at most about 60 days, this month's at most 30
        re.compile(
            rf"\b{by}\s+the\s+\d{{1,2}}(?:st|nd|rd|th)\s+of\s+(?:(?P<next>next)|this)\s+month\b",
            re.I,
        ),
        # "before the patient leaves the ED", "before each of the 4 remaining infusions":
        # bounded by an event the care team can see coming, however far off it is
        re.compile(
            r"\b(?:before|by\s+the\s+time)\s+(?:the\s+)?(?:patient|pt|client|cl|youth|member|resident|guest|child|baby|family|he|she|they)\s+(?:leaves|is\s+discharged|goes\s+home|is\s+released|moves\s+out|moves\s+in)\b"
            # "until the case is disposed": a court or agency event the file will show
            r"|\b(?:before|until|till)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:case|charges?|matter)\s+(?:is|are)\s+(?:closed|disposed|dismissed|resolved|adjudicated)\b"
            r"|\b(?:before|after|at|for)\s+(?:each|every|all)\s+of\s+(?:the|her|his|their)\s+(?:next\s+|remaining\s+|last\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:remaining\s+)?(?:[\w-]+\s+){0,2}(?:infusions|sessions|visits|appointments|treatments|classes|meetings|hearings|cycles|doses|shifts)\b",
            re.I,
        ),
        # "the 8-session Tuesday evening group": a weekly series bounds the goal
        re.compile(
            rf"\bthe\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)[-\s]session\s+(?:{_DAYS_OF_WEEK}|weekly)\b",
            re.I,
        ),
        # "all 8 weekly sessions": eight weeks
        re.compile(
            r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<unit>week|month)ly\s+(?:sessions|classes|meetings|visits|groups|appointments|check-ins)\b",
            re.I,
        ),
        # "10 weekly parenting sessions" (a long monthly series is left to the other checks)
        re.compile(
            r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<unit>week)ly\s+[\w-]+\s+(?:sessions|classes|meetings|visits|groups|appointments|check-ins)\b",
            re.I,
        ),
        # "for the 90 days of phase 2", "on at least 8 of the next 10 weeks": a bounded period
        re.compile(
            rf"\b(?:for|during|over|through)\s+(?:all\s+)?(?:the\s+)?(?P<n>{number})\s+(?P<unit>day|week|month)s?\s+of\s+(?:phase|stage|step|level|the|this|her|his|their)\b",
            re.I,
        ),
        re.compile(
            rf"\bof\s+the\s+(?:next|coming|following|first)\s+(?P<n>{number})\s+(?P<unit>day|night|week|month)s?\b",
            re.I,
        ),
        # "at 1, 3, 6 and 13 months after the death", "for months 4 through 6": the last one
        re.compile(
            r"\bat\s+(?:\d+,\s*)+\d+,?\s+and\s+(?P<n>\d+)\s+(?P<unit>day|week|month)s?\s+(?:after|from|since)\b",
            re.I,
        ),
        re.compile(
            r"\bfor\s+(?P<unit>day|week|month)s\s+\d+\s+(?:through|to|-)\s+(?P<n>\d+)\b",
            re.I,
        ),
        # "by the end of next month": two months at most
        re.compile(rf"\b{by}\s+(?:the\s+)?end\s+of\s+(?P<next>next)\s+month\b", re.I),
        # "by the end of the week": about one week from now
        re.compile(
            rf"\b{by}\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+(?P<unit>week|month|year)\b",
            re.I,
        ),
        # a period named by what it bounds: "through the 90-day plan", "for the 6-month lease"
        re.compile(
            rf"\b(?:through|throughout|for|during|over|across|of|in|within)\s+{owner}?(?:full\s+|entire\s+|whole\s+)?(?P<n>\d+)[-\s](?P<unit>day|week|wk|month|mo|mth|year|yr)\s+"
            rf"(?:{_alternation(lists['period_nouns'])}|{events})\b",
            re.I,
        ),
        re.compile(
            r"\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?P<unit>week|month|year)\b",
            re.I,
        ),
        # "by the end of the 4-month probation term", "through the end of the 6-month plan"
        re.compile(
            rf"\b{by}\s+(?:the\s+)?(?:end|close)\s+of\s+{owner}?(?P<n>{number})[-\s](?P<unit>day|week|month|year)s?\b",
            re.I,
        ),
        # "for the rest of the fall semester", "until the baby turns 6 months", "at the
        # 2-week weigh-in": bounded by a named period or a milestone
        re.compile(
            rf"\b(?:for|through|until|over)\s+the\s+rest\s+of\s+(?:the\s+|this\s+)?(?:\w+\s+)?(?:semester|term|quarter|school\s+year|year|month|week|{_alternation(lists['period_nouns'])})\b"
            rf"|\b(?:until|before|by)\s+(?:the\s+)?(?:\w+\s+)?(?:turns|is)\s+{number}(?:\s+(?:days?|weeks?|months?|years?)(?:\s+old)?)?\b"
            r"|\bfor\s+the\s+(?:spring|fall|autumn|winter|summer)\s+(?:semester|term|quarter|session)\b"
            rf"|\bat\s+{owner}(?P<n>\d+)[-\s](?P<unit>day|week|wk|month|mo|mth|year|yr)\s+(?:[\w-]+\s+)?{events}(?![\w-])",
            re.I,
        ),
        # "by the 60-day review", "until the 6-month reassessment"
        re.compile(
            rf"\b{by}\s+(?:{owner}|(?:the\s+)?[\w-]+['’]s\s+)?(?P<n>\d+)[-\s](?P<unit>day|week|wk|month|mo|mth|year|yr)\s+(?:[\w-]+\s+)?(?:{events}|{_alternation(lists['period_nouns'])})(?![\w-])",
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
            # ("at each visit" is how often, not by when)
            rf"\b{by}\s+(?!each\b|every\b|all\b)(?:the\s+|her\s+|his\s+|their\s+|its\s+|our\s+)?(?:next\s+|first\s+|upcoming\s+|scheduled\s+)?(?:[\w'’-]+\s+){{0,2}}{events}\b",
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
            r"\b(?:(?P<rel>today|tomorrow|tonight|this week|next week)|this month|next month|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
            re.I,
        ),
        # case-note shorthand: "by EOM" (end of month), "by EOW", "by COB"
        re.compile(r"\b(?:by|before|at)\s+(?P<rel>eom|eow|eod|cob)\b", re.I),
        # "before the shutoff date 3 wks out": a deadline counted from today
        re.compile(
            rf"\b(?P<n>{number})\s+(?P<unit>{unit})s?\s+(?:out|away|from\s+(?:now|today))\b", re.I
        ),
        # "daily x 30 days": a running period in chart shorthand
        re.compile(r"\bx\s?(?P<n>\d+)\s*(?P<unit>days?|weeks?|wks?|months?|mos?)\b", re.I),
    ]


# "attend the 8-wk falls class", "complete the 4-wk program": with no other deadline, the
# course's own length bounds the goal
_COURSE = re.compile(
    r"(?:(?<=attend )|(?<=complete )|(?<=finish )|(?<=through ))(?:all\s+of\s+)?the\s+(?:full\s+|entire\s+|whole\s+)?"
    r"(?P<n>\d+)[-\s](?P<unit>day|week|wk|month|mo)\s+(?:[\w-]+\s+){0,3}?(?:class|classes|course|program|programme|group|series|curriculum|training|workshop)\b",
    re.I,
)


_TIME_PATTERNS: list[re.Pattern[str]] = []
# The latest day each relative time can mean, counted from the day the goal is set; a
# weekday ("by Sunday") has none, as the day of the week of intake is not known.
_RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "tomorrow": 1, "this week": 7, "next week": 14,
    "eod": 0, "cob": 0, "eow": 7, "eom": 30,  # case-note shorthand: end of day, week, month
}  # fmt: skip


@cache
def _phrase_patterns() -> dict[str, re.Pattern[str]]:
    """Phrase lists from smart.yaml as one pattern each, compiled once."""
    lists = _lists()
    return {
        "vague_times": re.compile(rf"(?<![\w-])(?:{_alternation(lists['vague_times'])})(?![\w-])"),
        "wish_cues": re.compile(rf"(?<![\w'])(?:{_alternation(lists['wish_cues'])})\b"),
        "rush_cues": re.compile(rf"\b(?:{_alternation(lists['realism']['rush']['cues'])})\b"),
    }


_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


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


_BY_A_THING = re.compile(
    r"by\s+(?:the|a|an|her|his|their|its)\s+(?!(?:end|start|beginning|middle)\b)", re.I
)


def _agentive_by(text: str, match: re.Match[str]) -> bool:
    """Is this "by" the one that names who checks ("confirmed by the signed release")?
    "Confirmed by day 30" and "confirmed by the end of May" stay deadlines."""
    if not _BY_A_THING.match(match.group(0)):
        return False
    last = _LAST_WORD.search(text, max(0, match.start() - 24), match.start())
    return bool(last) and last.group(1).lower() in _lists()["check_participles"]


_HYPHENATED = re.compile(r"\d\s*-\s*[a-z]", re.I)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _adjectival(text: str, match: re.Match[str]) -> bool:
    """Is "in the 16-week group" a course's length, not a period ("enroll in the 16-week
    group within 14 days")? A hyphenated length after "in" that names a thing is."""
    words = match.group(0).split(maxsplit=1)
    if words[0].lower() != "in" or not _HYPHENATED.search(match.group(0)):
        return False
    following = _NEXT_WORD.match(text, match.end())
    return bool(following) and following.group(1).lower() not in _lists()["period_nouns"]


_AT_A_WEEKDAY = re.compile(rf"at\s+the\s+(?:{_DAYS_OF_WEEK})$", re.I)
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _weekday_place(text: str, match: re.Match[str]) -> bool:
    """Is "at the Thursday pantry" a place named by its day, not a deadline?"""
    return bool(_AT_A_WEEKDAY.match(match.group(0))) and bool(_NOUN_AFTER.match(text, match.end()))


def _time(text: str, parse: _Parse) -> None:
    if not _TIME_PATTERNS:
        _TIME_PATTERNS.extend(_time_patterns())
    # An explicit day ("by day 30") outranks a deadline period ("within 60 days"), which
    # outranks a running period ("for 8 weeks"): the contract must show the day the goal
    # itself names.
    best: tuple[int, int] | None = None  # (rank, -days): the lowest rank, then the longest
    for pattern in _TIME_PATTERNS:
        for match in pattern.finditer(text):
            if _agentive_by(text, match) or _adjectival(text, match) or _weekday_place(text, match):
                continue
            parse.time_spans.append(match.span())
            groups = match.groupdict()
            if groups.get("day"):
                day = max(int(groups["day"]), int(groups.get("day2") or 0))
                rank, days = 0, math.ceil(day * _unit_days(groups["dunit"]))
            elif groups.get("ord"):
                if groups.get("of"):
                    continue  # "the second week of the school term": no day number
                raw = groups["ord"].lower()
                count = _ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
                rank, days = 0, math.ceil(count * _unit_days(groups["ounit"]))
            elif groups.get("rel"):  # "today": counted from the meeting where it is set
                rank, days = 1, _RELATIVE_DAYS[groups["rel"].lower()]
            elif "next" in groups:  # "by the 15th of next month" / "… of this month"
                rank, days = 1, 60 if groups["next"] else 30
            elif groups.get("unit"):
                days = math.ceil(_count(groups.get("n") or "1") * _unit_days(groups["unit"]))
                period = match.group(0).split()[0].lower() in {"for", "over", "during"}
                rank = 2 if period else 1
            else:
                continue
            parse.longest_days = max(parse.longest_days or 0, days)
            if best is None or (rank, -days) < best:
                best = (rank, -days)
                parse.deadline_days = days
                parse.deadline_text = match.group(0)
    course = None if parse.time_spans else _COURSE.search(text)
    if course:
        parse.time_spans.append(course.span())
        parse.deadline_days = parse.longest_days = math.ceil(
            int(course["n"]) * _unit_days(course["unit"])
        )
        parse.deadline_text = course.group(0)
    parse.time_spans = _merged(parse.time_spans)
    found = [m.group(0) for m in _phrase_patterns()["vague_times"].finditer(text.lower())]
    if found:
        parse.vague_time = max(found, key=len)  # the longest: "as soon as possible", not "soon"


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
