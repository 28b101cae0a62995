"""The shipped scenarios are set in the US and written in US English (issue 19): their
text (not their field names) has none of the British spellings in rules/us_english.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework.checks.deid import text_fields
from casework.rules import parse_yaml
from casework.us_english import british_spellings

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))


def test_british_spellings_are_found_with_their_us_form():
    text = "Organised; she went to the counselling centre. Behavioural work, whilst waiting."
    assert british_spellings(text) == [
        ("centre", "center"),
        ("counselling", "counseling"),
        ("Behavioural", "Behavioral"),
        ("Organised", "Organized"),
        ("whilst", "while"),
    ]
    assert british_spellings("A realistic, centered plan; the program's counselor.") == []


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_shipped_scenarios_are_written_in_us_english(path: Path):
    found = [
        f"{field}: {british} → {us}"
        for field, text in text_fields(parse_yaml(path.read_text(encoding="utf-8")))
        for british, us in british_spellings(text)
    ]
    assert found == [], f"{path.name}: " + "; ".join(found)
