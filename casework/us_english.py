"""British spellings in text meant for a US setting, each with its US form: a short list
kept as data (`rules/us_english.yaml`), applied to the shipped scenarios by a test."""

from __future__ import annotations

import re
from functools import cache

from casework.rules import load_rules


@cache
def _spellings() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"\b{entry['british']}\b", re.IGNORECASE), entry["us"])
        for entry in load_rules("us_english")["spellings"]
    ]


def british_spellings(text: str) -> list[tuple[str, str]]:
    """Each British spelling in `text` and its US form: [("counselling", "counseling")]."""
    found = []
    for pattern, us in _spellings():
        for match in pattern.finditer(text):
            american = match.expand(us)
            if match.group(0)[:1].isupper():
                american = american[:1].upper() + american[1:]
            found.append((match.group(0), american))
    return found
