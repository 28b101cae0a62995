"""Achievable against a prognosis the goal line states: "Hospice pt with a prognosis of about
2 weeks will complete 12 weeks of therapy by day 84" runs past the time the care team expects
the person to have. The source is in `realism.prognosis` of `casework/rules/smart.yaml`.
"""

from __future__ import annotations

import re
from typing import Any

from casework.checks.goal_parse import _NUMBER, Criterion, _count, _Parse, _unit_days

# "prognosis of about 2 weeks", "prognosis is a few weeks", "w/ prognosis of weeks"
_PROGNOSIS = re.compile(
    rf"\bprognosis\s+(?:of|is)\s+(?P<amount>(?:about\s+|around\s+|roughly\s+|less\s+than\s+|under\s+)?"
    rf"(?:(?P<n>{_NUMBER})\s+(?P<unit>day|week|month)s?|(?:a\s+few\s+)?(?P<vague>days|weeks)))\b",
    re.I,
)
# "weeks" or "a few weeks" counted generously, so only a deadline well past it is flagged
_VAGUE_DAYS = {"days": 14, "weeks": 42}


def prognosis_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    """A deadline past the prognosis the line states."""
    match = _PROGNOSIS.search(text)
    if not match or not parse.deadline_days:
        return None
    if match["vague"]:
        expected = _VAGUE_DAYS[match["vague"].lower()]
    else:
        expected = round(_count(match["n"]) * _unit_days(match["unit"]))
    if parse.deadline_days <= expected:
        return None
    return Criterion(
        False,
        f"The line gives a prognosis of {match['amount']}, and the goal runs to day "
        f"{parse.deadline_days}, past the time the care team expects. Set goals for the time "
        "the person has (comfort, visits, wishes), due within it, and review them as the "
        "condition changes.",
        str(rules["prognosis"]["source"]),
    )
