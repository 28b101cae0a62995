"""Goal Attainment Scaling as a measure: the levels of each goal, written in advance.

A review scored −2 … +2 is a measure only when what each level looks like was written
for the goal, with the client, before the review (Kiresuk & Sherman 1968). These checks
say whether a goal's levels are written well enough to be scored against, and refuse a
review that scores a goal without them. Rules, wording and the reason for each choice:
`rules/monitoring.yaml`, under `gas.written_levels`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from casework.checks.findings import Finding, Report, finding_factory
from casework.model import CarePlan, Goal, Monitoring
from casework.rules import load_rules, one_line


@cache
def _written_rules() -> dict[str, Any]:
    return load_rules("monitoring")["gas"]["written_levels"]


def gas_level_names() -> dict[int, str]:
    """−2 … +2 with the scale's own name for each."""
    return {int(score): name for score, name in load_rules("monitoring")["gas"]["levels"].items()}


@cache
def _generic() -> re.Pattern[str]:
    return re.compile(_written_rules()["generic"])


def gas_level_example() -> dict[str, str]:
    """A worked set of levels for one goal, to show the shape."""
    return {str(level): text for level, text in _written_rules()["example"].items()}


def _restates_the_scale(text: str) -> bool:
    """A level such as "much less than expected" names a score; it shows nothing seen."""
    if not _generic().search(text):
        return False
    rest = re.findall(r"[^\W\d_]{2,}", _generic().sub(" ", text))
    return len(rest) < 2


def signed_level(level: str) -> str:
    """ "-2" → "−2", "1" → "+1", "0" → "0": the way the scale is printed."""
    return level if level == "0" else f"{int(level):+d}".replace("-", "−")


_make = finding_factory("monitoring", lambda: _written_rules()["source"])


def _gas_finding(
    rule: str, message: str, suggestion: str | None = None, severity: str = "error"
) -> Finding:
    return _make(f"monitoring.gas.{rule}", message, suggestion, severity)  # type: ignore[arg-type]


def check_gas_levels(goal: Goal) -> Report:
    """Are this goal's GAS levels written well enough for a review to be a measure?

    The expected level and both extremes must be written (the rule file says why), each
    describing an outcome rather than restating the scale, and no two levels the same.
    """
    spec, names, example = _written_rules(), gas_level_names(), gas_level_example()
    written = {
        level: text.strip()
        for level, text in goal.gas_levels.items()
        if text.strip() and not _restates_the_scale(text)
    }
    findings: list[Finding] = []
    vague = [
        level
        for level, text in goal.gas_levels.items()
        if text.strip() and _restates_the_scale(text)
    ]
    if vague:
        findings.append(
            _gas_finding(
                "levels-vague",
                f"Level {', '.join(signed_level(v) for v in sorted(vague, key=int))} only names the "
                "scale. A level says what you would see: what the client has done, or what is "
                "true, by the review.",
                f"For example, instead of “{names[int(vague[0])].lower()}”, write "
                f"“{example.get(vague[0], example['0'])}”",
            )
        )
    missing = [level for level in spec["required"] if level not in written and level not in vague]
    if missing:
        labels = ", ".join(
            f"{signed_level(level)} ({names[int(level)].lower()})" for level in missing
        )
        shape = " · ".join(f"{signed_level(k)}: {v}" for k, v in example.items())
        findings.append(
            _gas_finding(
                "levels-missing",
                f"Not a measure yet: write level {labels}. {' '.join(spec['why'].split())}",
                f"For a rent goal: {shape}",
            )
        )
    seen: dict[str, str] = {}
    for level in sorted(written, key=int):
        key = " ".join(re.findall(r"\w+", written[level].casefold()))
        if key in seen:
            findings.append(
                _gas_finding(
                    "levels-repeat",
                    f"Levels {signed_level(seen[key])} and {signed_level(level)} say the same "
                    "thing, so a review could not tell them apart. Each level is a different "
                    "outcome.",
                )
            )
        seen.setdefault(key, level)
    strengths: tuple[str, ...] = ()
    if not findings:
        strengths = ("The expected outcome and both extremes are written in advance.",)
        blank = [level for level in ("-1", "1") if level not in written]
        if blank:
            findings.append(
                _gas_finding(
                    "levels-between",
                    one_line(spec["blank"]),
                    severity="info",
                )
            )
        findings.append(
            _gas_finding("levels-expected", one_line(spec["expected"]), severity="info")
        )
    return Report(tuple(findings), strengths)


def gas_measurable(goal: Goal) -> bool:
    """True when a review of this goal can be scored as a measure."""
    return not any(f.severity == "error" for f in check_gas_levels(goal).findings)


def check_gas_review(plan: CarePlan, scores: Mapping[str, int]) -> Report:
    """A review may score only goals whose levels were written beforehand."""
    findings = []
    for number, (goal_id, goal) in enumerate(plan.goals.items(), start=1):
        if goal_id in scores and not gas_measurable(goal):
            findings.append(
                _gas_finding(
                    "review-unwritten",
                    f"Goal {number}'s levels are not written yet (at least the expected outcome "
                    "and both extremes), so a score for it would be an opinion, not a measure. "
                    "Write its levels in the care-plan app with the client first, then review it.",
                )
            )
    return Report(tuple(findings))


def check_levels_after_review(monitoring: Monitoring, goal_id: str) -> Report:
    """Levels are written in advance: once a review has scored the goal, say so beside them."""
    days = sorted(r.day for r in monitoring.reviews.values() if goal_id in r.scores)
    if not days:
        return Report()
    message = one_line(_written_rules()["after_review"])
    on = ", ".join(str(day) for day in days)
    return Report(
        (_gas_finding("levels-after-review", f"Scored on day {on}. {message}", severity="warning"),)
    )
