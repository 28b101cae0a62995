"""De-identification: find the details that could single out a real person.

The patterns live in `casework/rules/deid.yaml` with their source. Declared fictional
names and places (a scenario's `fictional_names`, `fictional_places`) are accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from casework.checks.findings import Finding, Report
from casework.rules import load_rules

_NAME = r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)"


@cache
def _compiled() -> tuple[list[tuple[dict, re.Pattern[str]]], re.Pattern[str], str]:
    rules = load_rules("deid")
    patterns = [(rule, re.compile(rule["regex"])) for rule in rules["patterns"]]
    cues = re.compile(r"\b(?:" + "|".join(rules["name_cues"]) + r")\s+" + _NAME)
    return patterns, cues, rules["source"]


def _name_findings(text: str, allowed: set[str]) -> Iterator[Finding]:
    _, cues, source = _compiled()
    for match in cues.finditer(text):
        name = match.group(1)
        if name in allowed or all(part in allowed for part in name.split()):
            continue
        yield Finding(
            rule="deid.name",
            category="name",
            severity="error",
            message=f"“{name}” reads as a person's name. Names of clients, relatives and staff identify them.",
            suggestion="Use a role instead: “her son”, “the landlord”, “a neighbour”.",
            source=source,
            start=match.start(1),
            end=match.end(1),
        )


def find_identifiers(text: str, allowed: Iterable[str] = ()) -> Report:
    """Every identifier in `text`; `allowed` lists declared fictional names and places.

    A declared "Edwin Moss" also covers "Moss" and "Edwin" on their own.
    """
    allowed_set = {part for name in allowed for part in (name, *name.split())}
    patterns, _, source = _compiled()
    findings: list[Finding] = []
    for rule, pattern in patterns:
        for match in pattern.finditer(text):
            findings.append(
                Finding(
                    rule=rule["id"],
                    category=rule["id"].removeprefix("deid."),
                    severity="error",
                    message=f"“{match.group(0)}” looks like {rule['finds']}, which can identify a person.",
                    suggestion=f"Generalise it: {rule['generalise']}.",
                    source=source,
                    start=match.start(),
                    end=match.end(),
                )
            )
    findings.extend(_name_findings(text, allowed_set))
    findings.sort(key=lambda f: (f.start or 0, f.rule))
    return Report(tuple(findings))


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}.{index}")


def identifiers_in_document(data: dict, allowed: Iterable[str]) -> list[tuple[str, Finding]]:
    """Check every string in a nested document; each finding comes with its field path."""
    allowed_list = list(allowed)
    return [
        (path, finding)
        for path, text in _strings(data, "")
        for finding in find_identifiers(text, allowed_list).findings
    ]
