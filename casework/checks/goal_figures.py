"""The figures a goal line states, found once for every achievability rule: sums and
their rates, income cues, weights, grades, reading levels, plan and course lengths; and
how the rules write figures back to the student.
"""

from __future__ import annotations

import re
from functools import cache

from casework.checks.goal_parse import (
    _NUMBER,
    _alternation,
    _lists,
)


@cache
def _realism_patterns() -> dict[str, re.Pattern[str]]:
    rules = _lists()["realism"]
    number, money = _NUMBER, rules["money"]
    return {
        "plan": re.compile(
            # "the intern's 10-week placement plan": a plan someone else holds counts too
            rf"\b(?:this|the|a|an|our|her|his|their|(?:the\s+)?\w+['’]s)\s+(?P<n>{number})[-\s](?P<unit>day|week|wk|month|mo|mth|year|yr)s?"
            rf"(?:\s+[\w-]+){{0,2}}?\s+(?:{_alternation(rules['plan']['words'])})\b",
            re.I,
        ),
        "task": re.compile(
            rf"\b(?P<n>{number})[-\s](?P<unit>day|week|wk|month|mo|mth|year|yr)[-\s](?:[\w/'’-]+\s+){{0,3}}?"
            rf"(?P<noun>{_alternation(rules['duration']['task_nouns'])})\b",
            re.I,
        ),
        # the verb that finishes it, right before: "complete the 26-week group"
        "finish": re.compile(
            rf"\b(?:{_alternation(rules['duration']['verbs'])})\s+"
            r"(?:(?:the|a|an|all|her|his|their|entire|whole|full|remaining)\s+)*"
            # or last in a list it finishes: "complete treatment, step-down and 6 months of …"
            r"(?:(?:[\w'’-]+,?\s+){1,6}?and\s+)?$",
            re.I,
        ),
        "record": re.compile(
            rf"\b(?P<n>{number})\s+(?:full\s+|whole\s+|straight\s+|consecutive\s+)?(?P<unit>day|week|month|year)s?\s+(?:of|in)\s+"
            rf"(?:documented\s+|verified\s+)?(?P<noun>{_alternation(rules['duration']['record_words'])})\b",
            re.I,
        ),
        "weight": re.compile(
            rf"\b(?:{_alternation(rules['weight']['verbs'])})\s+(?:about\s+|around\s+|at\s+least\s+|over\s+)?"
            r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>lbs?|pounds?|kgs?|kilos?|kilograms?)\b",
            re.I,
        ),
        "money": re.compile(
            r"\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?P<k>\s?[kK]\b)?"
        ),
        "per": re.compile(
            r"\s*(?:/\s*|-?an?[\s-]+|per\s+|each\s+|every\s+)(?P<per>hour|hr|day|week|wk|month|mo|mth|year|yr)s?\b"
            r"|\s*(?P<adv>hourly|daily|weekly|monthly|yearly|annually)\b",
            re.I,
        ),
        "income_cue": re.compile(
            rf"\b(?:{_alternation(money['income_cues'])}|(?:{_alternation(money['monthly_benefits'])})"
            # "whose TTD check is $640 a week"
            r"(?:\s+(?:check|checks|benefit|benefits|payment))?(?:\s+(?:of|is|was|comes\s+to))?)[\s:]+"
            r"(?:about\s+|around\s+|roughly\s+|only\s+|just\s+)?(?:an?\s+)?$",
            re.I,
        ),
        "benefit": re.compile(
            rf"\s*(?:(?:a|per)\s+month\s+)?(?:in\s+|from\s+|of\s+)?(?:{_alternation(money['monthly_benefits'])})\b",
            re.I,
        ),
        "hours": re.compile(
            r"\b(?P<h>\d+(?:\.\d+)?)\s*(?:hrs?|hours)\s*(?:/\s*|a\s+|per\s+|each\s+)(?:wk|week)\b",
            re.I,
        ),
        "grade": re.compile(
            r"\bin\s+(?:the\s+)?(?P<g>\d+)(?:st|nd|rd|th)\s+grade\b|\b(?P<g2>\d+)(?:st|nd|rd|th)[-\s]grader\b",
            re.I,
        ),
        "level": re.compile(
            # "a 10th-grade reading level", and the exam that shows one: "the 10th-grade
            # state reading exam"
            r"\b(?P<l>\d+)(?:st|nd|rd|th)[-\s]grade\s+(?:(?:reading\s+)?level|(?:state\s+)?reading\s+(?:exam|test|assessment))\b"
            r"|\b(?P<at>at\s+grade\s+level)\b",
            re.I,
        ),
        "surgery": re.compile(
            rf"\b(?P<n>{number})\s+(?P<unit>day|week|wk|month|mo)s?\s+(?:out\s+from|after|since|post[-\s]?op\s+from|post[-\s]?op|post|s/p)\s+"
            rf"(?:an?\s+|her\s+|his\s+|their\s+|the\s+)?(?P<op>{_alternation(rules['recovery']['min_days_to_work'])})\b",
            re.I,
        ),
    }


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
