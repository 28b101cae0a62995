"""When a goal is due: the deadline, the period or the event a goal line names, read in
days counted from the day the goal is set ("by day 30", "within 2 wks of discharge", "by
EOM", "for 8 consecutive weeks"). `_time` fills the parse's time fields; the other checks
read them. Word lists with their sources: `casework/rules/smart.yaml`.
"""

from __future__ import annotations

import math
import re

from casework.checks.goal_parse import (
    _DAYS_OF_WEEK,
    _NUMBER,
    _ORDINALS,
    _alternation,
    _count,
    _lists,
    _merged,
    _Parse,
    _phrase_patterns,
    _unit_days,
)

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
        # "by day 30", "on week 4", "by the end of week 2", "at week 5 and week 10",
        # "between day 80 and day 95" (a window: its last day)
        re.compile(
            rf"\b(?:{by}|on|in|between)\s+(?:the\s+)?(?:end\s+of\s+)?(?P<dunit>day|week|wk|month|mo)(?:\s+|-)(?P<day>\d+)"
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
        # "through delivery and the first 3 months postpartum": a bounded period
        re.compile(
            rf"\b(?:and|through|for|during)\s+the\s+first\s+(?P<n>{number})\s+(?P<unit>day|week|month|year)s?\b",
            re.I,
        ),
        # "during the first month", "within his first month of enrollment": one unit
        re.compile(
            r"\b(?:within|in|over|during)\s+(?:the\s+|her\s+|his\s+|their\s+)?first\s+(?P<unit>week|month|year)\b",
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
        # "all 8 weekly sessions": eight weeks; "in 4 monthly payments": four months
        re.compile(
            # (not "$100 monthly payments": an amount)
            r"(?<![$\d,.])\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<unit>week|month)ly\s+(?:sessions|classes|meetings|visits|groups|appointments|check-ins|payments|installments|instalments|deposits)\b",
            re.I,
        ),
        # "10 weekly parenting sessions" (a long monthly series is left to the other checks)
        re.compile(
            r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<unit>week)ly\s+[\w-]+\s+(?:sessions|classes|meetings|visits|groups|appointments|check-ins)\b",
            re.I,
        ),
        # "for the 90 days of phase 2", "on at least 8 of the next 10 weeks": a bounded period
        re.compile(
            rf"\b(?:for|during|over|through)\s+(?:all\s+)?(?:the\s+)?(?P<n>{number})\s+(?P<unit>day|week|month)s?\s+of\s+(?:phase|stage|step|level|the|this|her|his|their)\b"
            # "during the 6 weeks of induction": "during" always names a period ("for the two
            # months of back rent" may name what is owed)
            rf"|\b(?:during|throughout)\s+(?:all\s+)?the\s+(?P<n2>{number})\s+(?P<unit2>day|week|month)s?\s+of\s+[a-z]+",
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
        # "by the end of the semester", "this season": a school term or a season, counted
        # at its usual length (a semester about four months, a season three)
        re.compile(
            rf"\b(?:{by}\s+(?:the\s+)?end\s+of\s+(?:the|this)|(?:offered|held|during|over)\s+this)\s+(?P<term>semester|term|season|quarter)\b",
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
        # "for the coming year": one bounded period
        re.compile(
            r"\b(?:for|during|through)\s+the\s+(?:next|coming|following)\s+(?P<unit>week|month|year)\b",
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
            r"|\b(?:for|during|through|over)\s+the\s+(?:spring|fall|autumn|winter|summer)\s+(?:semester|term|quarter|session)\b"
            rf"|\bat\s+{owner}(?P<n>\d+)[-\s](?P<unit>day|week|wk|month|mo|mth|year|yr)\s+(?:[\w-]+\s+)?{events}(?![\w-])",
            re.I,
        ),
        # "by the 60-day review", "until the 6-month reassessment"
        re.compile(
            # (or a dated call: "by the 3-month bereavement call")
            rf"\b{by}\s+(?:{owner}|(?:the\s+)?[\w-]+['’]s\s+)?(?P<n>\d+)[-\s](?P<unit>day|week|wk|month|mo|mth|year|yr)\s+(?:[\w-]+\s+){{0,2}}(?:{events}|{_alternation(lists['period_nouns'])}|call)(?![\w-])",
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
            r"\b(?:(?P<rel>today|tomorrow|tonight|this week|next week)|this month|next month)\b"
            # "by Friday" is within a week, "by next Friday" within two
            r"|\bby\s+(?P<weekday>(?:this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
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


_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


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
            elif groups.get("term"):
                rank, days = 1, 120 if groups["term"].lower() in {"semester", "term"} else 90
            elif groups.get("weekday"):
                rank, days = 1, 14 if groups["weekday"].lower().startswith("next") else 7
            elif groups.get("rel"):  # "today": counted from the meeting where it is set
                rank, days = 1, _RELATIVE_DAYS[groups["rel"].lower()]
            elif "next" in groups:  # "by the 15th of next month" / "… of this month"
                rank, days = 1, 60 if groups["next"] else 30
            elif groups.get("unit") or groups.get("unit2"):
                n, unit = (
                    groups.get("n") or groups.get("n2") or "1",
                    groups.get("unit") or groups["unit2"],
                )
                days = math.ceil(_count(n) * _unit_days(unit))
                first = match.group(0).split()[0].lower()
                # a running period, or a series ("26 weekly sessions") that a stated
                # deadline outranks
                period = first in {"for", "over", "during"} or first.isdigit()
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
