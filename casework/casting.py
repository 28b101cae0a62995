"""The casting review of a scenario library: who is cast as the client, as a source of
risk and as a helper, and from which backgrounds (each scenario's `instructor_notes.casting`).

One scenario cannot show a pattern; a library can. If every person cast as a source of risk
shares one background, the library teaches that pattern whatever each case says alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from casework.model import Scenario

ROLE_LABELS = {
    "client": "Clients",
    "source_of_risk": "Cast as a source of risk",
    "helper": "Helpers",
}


def _group(background: str) -> str:
    """The background's first part: "Latina, bilingual in Spanish and English" → "latina"."""
    return background.split(",")[0].split(";")[0].strip().lower()


def casting_by_role(scenarios: Iterable[Scenario]) -> dict[str, list[tuple[str, str, str]]]:
    """role → (scenario id, name, background), in library order."""
    by_role: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for scenario in scenarios:
        for cast in scenario.instructor_notes.casting:
            by_role[cast.role].append((scenario.id, cast.name, cast.background))
    return dict(by_role)


def casting_problems(scenarios: Iterable[Scenario]) -> list[str]:
    """What the review objects to: every source of risk in two or more scenarios sharing one
    background, or a scenario with no casting to review."""
    scenarios = list(scenarios)
    problems = [
        f"{s.id}: instructor_notes.casting is empty; list the client, anyone cast as a "
        "source of risk, and the helpers"
        for s in scenarios
        if not s.instructor_notes.casting
    ]
    risks = casting_by_role(scenarios).get("source_of_risk", [])
    groups = {_group(background) for _, _, background in risks}
    if len({sid for sid, _, _ in risks}) >= 2 and len(groups) == 1:
        problems.append(
            f"every person cast as a source of risk is {groups.pop()} "
            f"({', '.join(name for _, name, _ in risks)}): the library teaches that pattern; "
            "recast one of them, or cast someone of that background as a helper"
        )
    return problems


def casting_report(scenarios: Iterable[Scenario]) -> str:
    lines = []
    for role, people in casting_by_role(scenarios).items():
        listed = "; ".join(f"{name} ({background})" for _, name, background in people)
        lines.append(f"{ROLE_LABELS.get(role, role)}: {listed}")
    return "\n".join(lines)
