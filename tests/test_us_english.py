"""The shipped scenarios are set in the US and written in US English (issue 19): their
text (not their field names) has none of the British spellings in rules/us_english.yaml."""

from __future__ import annotations

import re
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


def _british(texts) -> list[str]:
    """Each British spelling in (where, text) pairs, said with where it is and its US form."""
    return [
        f"{where}: {british} → {us}"
        for where, text in texts
        for british, us in british_spellings(text)
    ]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_shipped_scenarios_are_written_in_us_english(path: Path):
    found = _british(text_fields(parse_yaml(path.read_text(encoding="utf-8"))))
    assert found == [], f"{path.name}: " + "; ".join(found)


# What the apps say to a learner: the rule files' prose fields (word lists and patterns
# keep both spellings on purpose, so the checks recognise what students write) and the
# words the app modules put on screen.
PROSE_KEYS = frozenset(
    {"message", "why", "example", "label", "suggestion", "steps", "what", "guide", "meaning",
     "note", "instead", "prompt", "question", "title", "hint", "text", "intro"}
)  # fmt: skip
RULES = sorted((Path(__file__).resolve().parents[1] / "casework" / "rules").glob("*.yaml"))
UI = sorted((Path(__file__).resolve().parents[1] / "casework" / "ui").glob("*.py"))


def _prose(value: object, key: str = ""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _prose(v, str(k))
    elif isinstance(value, list):
        for item in value:
            yield from _prose(item, key)
    elif isinstance(value, str) and key in PROSE_KEYS:
        yield key, value


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_the_rules_prose_is_in_us_english(path: Path):
    found = _british(_prose(parse_yaml(path.read_text(encoding="utf-8"))))
    assert found == [], f"{path.name}: " + "; ".join(found)


@pytest.mark.parametrize("path", UI, ids=lambda p: p.name)
def test_the_apps_on_screen_words_are_in_us_english(path: Path):
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
    }  # fmt: skip
    found = _british(
        (f"line {node.lineno}", node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        if not re.fullmatch(r"[a-z_-]+", node.value)  # a field name or CSS hook, not on screen
    )
    assert found == [], f"{path.name}: " + "; ".join(found)


NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_notebooks_teaching_text_is_in_us_english(path: Path):
    import json

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = _british((f"cell {n}", "".join(cell["source"])) for n, cell in enumerate(cells))
    assert found == [], f"{path.name}: " + "; ".join(found)
