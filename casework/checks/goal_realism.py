"""Achievable, read from the goal line itself: when the line states the context (an
income, a plan length, a starting weight, a reading level, an operation) and the goal
plainly overruns it, the criterion is `False` with the figures; otherwise nothing is said.
Thresholds, cue words and their sources: the `realism` section of `casework/rules/smart.yaml`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from casework.checks.goal_figures import _ordinal, _plural, _realism_patterns
from casework.checks.goal_money import _money_realism
from casework.checks.goal_parse import (
    _NUMBER,
    Criterion,
    _count,
    _in_spans,
    _lists,
    _masked,
    _Parse,
    _phrase_patterns,
    _unit_days,
)
from casework.checks.goal_prognosis import prognosis_realism
from casework.checks.goal_time import _NEXT_WORD
from casework.checks.text import Passage

# --- achievable, from the context the goal line itself states ---------------------------


def _plan(text: str, parse: _Parse) -> None:
    """The plan's own length when the line states it: "In this 6-month plan …"."""
    if not any(word in text.lower() for word in _lists()["realism"]["plan"]["words"]):
        return
    match = _realism_patterns()["plan"].search(text)
    if match:
        parse.plan_days = math.ceil(_count(match["n"]) * _unit_days(match["unit"]))
        parse.plan_text = match.group(0)
        parse.context_spans.append(match.span())
        parse.context_spans.sort()


def _weight_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    weight = rules["weight"]
    if not parse.deadline_days:
        return None
    match = _realism_patterns()["weight"].search(text)
    if not match:
        return None
    pounds = float(match["n"]) * (2.2046 if match["unit"].lower().startswith("k") else 1)
    weeks = parse.deadline_days / 7
    rate = pounds / weeks
    if rate <= weight["max_lb_per_week"]:
        return None
    low = max(1, math.floor(weeks * weight["min_lb_per_week"]))
    high = max(low, math.floor(weeks * weight["max_lb_per_week"]))
    return Criterion(
        False,
        f"{match.group(0).split(maxsplit=1)[1]} {parse.deadline_text or f'in {parse.deadline_days} days'} "
        f"is about {rate:.0f} lb a week. The CDC notes that people who lose weight gradually "
        f"and steadily, about {weight['min_lb_per_week']}–{weight['max_lb_per_week']} lb a week, "
        f"are more successful at keeping it off: {low}–{high} lb in {parse.deadline_days} days is "
        f"realistic, and {pounds:.0f} lb takes about {math.ceil(pounds / weight['max_lb_per_week'])}–"
        f"{math.ceil(pounds / weight['min_lb_per_week'])} weeks. Set {low}–{high} lb by day "
        f"{parse.deadline_days}, weighed at each clinic visit, or a pace of "
        f"{weight['min_lb_per_week']}–{weight['max_lb_per_week']} lb a week.",
        str(weight["source"]),
    )


def _plan_realism(parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    if not (parse.plan_days and parse.deadline_days):
        return None
    if parse.deadline_days <= parse.plan_days * rules["slack"]:
        return None
    return Criterion(
        False,
        f"“{parse.deadline_text}” is day {parse.deadline_days}, past the end of “{parse.plan_text}” "
        f"(day {parse.plan_days}). Set the deadline inside the plan (day {parse.plan_days} at "
        "the latest), or carry the goal into the next plan.",
        str(rules["plan"]["source"]),
    )


def _duration_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    """A course or a record longer than all the time the goal gives it."""
    duration = rules["duration"]
    available = parse.longest_days or parse.plan_days
    if not available:
        return None
    patterns = _realism_patterns()
    for kind in ("task", "record"):
        for match in patterns[kind].finditer(text):
            if (
                _in_spans(match.start(), parse.time_spans)
                or _in_spans(match.start(), parse.context_spans)
                or not patterns["finish"].search(text, max(0, match.start() - 80), match.start())
            ):
                continue
            unit = match["unit"].lower()
            days = math.ceil(_count(match["n"]) * _unit_days(unit))
            if days <= available * rules["slack"]:
                continue
            fit, fit_unit = int(available // _unit_days(unit)), unit
            if fit == 0:  # "a 2-yr apprenticeship" in 90 days: say what fits in weeks
                fit_unit = "week" if available >= 7 else "day"
                fit = int(available // _unit_days(fit_unit))
            if kind == "task":
                what = f"A {match['n']}-{unit} {match['noun']}"
            else:  # "12 months of negative UAs": the adjective and the thing it describes
                thing = _NEXT_WORD.match(text, match.end())
                noun_follows = match["noun"].lower() not in duration["record_nouns"]
                what = match.group(0) + (f" {thing.group(1)}" if thing and noun_follows else "")
            return Criterion(
                False,
                f"{what} takes about {days} days, and this goal gives it {available} days at "
                f"most. Set what fits in {available} days ({fit} {fit_unit}{'s' if fit != 1 else ''} "
                f"of it), or give the goal at least {days} days.",
                str(duration["source"]),
            )
    return None


# "20 weekly parenting sessions": a series that needs a week between each meeting
_WEEKLY_SERIES = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+weekly\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:sessions|classes|meetings|groups|visits|appointments|check-ins)\b",
    re.I,
)


def _series_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    """A weekly series with more meetings than the goal's own deadline has weeks."""
    match = _WEEKLY_SERIES.search(text)
    deadline = parse.deadline_days
    if not match or deadline is None or (parse.deadline_text or "") in match.group(0):
        return None
    count = _count(match["n"])
    needed = (count - 1) * 7 + 1  # the first meeting on day 1, the last a week after the one before
    if needed <= deadline * rules["slack"]:
        return None
    fit = deadline // 7 + 1
    return Criterion(
        False,
        f"{count} weekly sessions take at least {count - 1} weeks ({needed} days), and this "
        f"goal gives them {deadline} days. Set what fits ({fit} sessions by day {deadline}), or "
        f"give the goal at least {needed} days.",
        str(rules["duration"]["source"]),
    )


_EQUIVALENCY = re.compile(r"\b(?:GED|HiSET|TASC|high school equivalency)\b", re.I)


def _reading_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    if not parse.deadline_days or "grade" not in text.lower():
        return None
    patterns = _realism_patterns()
    grade = patterns["grade"].search(text)
    levels = list(patterns["level"].finditer(text))
    exam = _EQUIVALENCY.search(text)
    if levels and levels[0]["l"] and exam:
        # "reading at a 3rd-grade level will pass the GED": the tests ask high school
        # reading, counted here at its lowest grade
        start, target = int(levels[0]["l"]), rules["reading"]["equivalency_grade"]
    elif len(levels) < 2 or not levels[0]["l"] or not (grade or levels[-1]["l"]):
        return None
    else:
        start, target_match = int(levels[0]["l"]), levels[-1]
        if target_match["at"]:  # "at grade level": the student's own grade
            if not grade:
                return None
            target = int(grade["g"] or grade["g2"])
        else:
            target = int(target_match["l"])
    gap = target - start
    if gap <= 0:
        return None
    years = parse.deadline_days / 365
    if gap / years <= rules["reading"]["max_levels_per_year"]:
        return None
    what = (
        f"The {exam.group(0)} asks high school reading (a {_ordinal(target)}-grade level at the least): f"
        if exam
        else "F"
    )
    return Criterion(
        False,
        f"{what}rom a {_ordinal(start)}-grade to a {_ordinal(target)}-grade reading level is a gap "
        f"of {gap} grade levels. One grade level is what a typical student gains in a school "
        f"year, so closing {gap} in {parse.deadline_days} days is not realistic. Set a gain the "
        f"same check can show, over a school year: e.g. a {_ordinal(start + 1)}-grade level by "
        "the end of the school year, per the reading inventory.",
        str(rules["reading"]["source"]),
    )


_DEGREE = re.compile(r"\b(?P<degree>bachelor|associate)(?:'?s|’s)?\s+degree\b", re.I)
_CREDITS = re.compile(r"\b(?:has|have|had|with|completed|earned)\s+(?P<n>\d+)\s+credits?\b", re.I)
# credits still to earn, said outright: "finish her remaining 60 credits", "30 credits left"
_REMAINING = re.compile(
    r"\b(?:remaining|last|final|outstanding)\s+(?P<n>\d+)\s+credits?\b"
    r"|\b(?P<m>\d+)\s+credits?\s+(?:left|remaining|to go|still needed)\b",
    re.I,
)


def _degree_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    """Finishing a degree faster than a full-time load could: "finish her bachelor's degree
    by the end of the week; she has 12 credits", "finish her remaining 60 credits by day 80"."""
    data = rules["degree"]
    if not parse.deadline_days or not parse.verbs or parse.verbs[0] not in data["verbs"]:
        return None
    degree, credits, remaining = (
        _DEGREE.search(text),
        _CREDITS.search(text),
        _REMAINING.search(text),
    )
    if remaining:
        needed = int(remaining["n"] or remaining["m"])
        what = f"{needed} credits"
    elif degree and credits:
        total = data["credits"][degree["degree"].lower()]
        needed = total - int(credits["n"])
        what = (
            f"A {degree.group(0).lower()} takes about {total} credits; with {credits['n']} "
            f"done, {needed} remain, which"
        )
    else:
        return None
    if needed <= 0:
        return None
    days = math.ceil(needed / data["max_credits_per_term"]) * data["term_days"]
    if parse.deadline_days * rules["slack"] >= days:
        return None
    return Criterion(
        False,
        f"{what} take about {_plural(math.ceil(days / 30), 'month')} even at a heavy load of "
        f"{data['max_credits_per_term']} credits a term, not {parse.deadline_days} days. Keep "
        "the degree as the long-term goal and set the next step that fits, e.g. “By day 30 "
        "Cl will meet the academic advisor and register for next term's classes, shown by "
        "the class schedule.”",
        str(data["source"]),
    )


_DIPLOMA = re.compile(r"\bhigh[- ]school\s+diploma\b", re.I)


def _diploma_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    """A high school diploma due within months for a student years away from grade 12."""
    data = rules["diploma"]
    if not parse.deadline_days or not _DIPLOMA.search(text):
        return None
    grade = _realism_patterns()["grade"].search(text)
    if not grade or int(grade["g"] or grade["g2"]) > data["max_grade"]:
        return None
    now = int(grade["g"] or grade["g2"])
    years = 12 - now  # school years after this one, at the least
    if parse.deadline_days * data["pace"] >= years * 365:
        return None
    return Criterion(
        False,
        f"A high school diploma needs the credits of grades 9 to 12; a student in "
        f"{_ordinal(now)} grade has at least {_plural(years, 'school year')} of them ahead, "
        f"not {parse.deadline_days} days. Keep the diploma as the long-term goal and set a "
        "step that fits, e.g. “By the next grading period the student will pass all core "
        "classes, shown on the report card.”",
        str(data["source"]),
    )


def _recovery_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    recovery = rules["recovery"]
    if not parse.deadline_days:
        return None
    match = _realism_patterns()["surgery"].search(text)
    if not match:
        return None
    words = set(_masked(text, parse.context_spans).lower().split())
    if not words & set(recovery["work_words"]):
        return None
    since = math.ceil(_count(match["n"]) * _unit_days(match["unit"]))
    total = since + parse.deadline_days
    op = match["op"]
    name = " ".join(op.lower().split())
    if total >= recovery["min_days_to_work"][name]:
        return None
    weeks = recovery["light_work_weeks"][name]
    return Criterion(
        False,
        f"“{match.group(0)}”, back at work by day {parse.deadline_days} is {total} days after "
        f"the operation. After a {op}, a return to light or office work is usually possible "
        f"within about {weeks} weeks, and heavy duties such as lifting take longer. Set the "
        "return the surgeon or physiotherapist agrees, e.g. a phased return to light duties, "
        "confirmed with the employer.",
        str(recovery.get("sources", {}).get(name, recovery["source"])),
    )


def _rush_realism(passage: Passage, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    """Several life changes all due within a few days."""
    rush = rules["rush"]
    lowered = passage.text.lower()
    if parse.deadline_days is not None and parse.deadline_days <= rush["max_days"]:
        due = parse.deadline_text or f"within {_plural(parse.deadline_days, 'day')}"
    else:
        found = _phrase_patterns()["rush_cues"].search(lowered)
        if found is None:
            return None
        same = len(lowered) == len(passage.text)  # then quote it as written
        due = passage.text[found.start() : found.end()] if same else found.group(0)
    norms = {
        t.norm
        for t in passage.tokens
        if not _in_spans(t.start, parse.time_spans) and not _in_spans(t.start, parse.context_spans)
    }
    changes = [name for name, words in rush["changes"].items() if norms & set(words)]
    changing = set(parse.verbs) - set(rush["step_verbs"])  # find, get, move, start, enroll …
    if re.search(r"\bsign(?:s|ed)?\s+(?:(?:a|an|the|her|his|their|own|new)\s+)*lease\b", lowered):
        changing.add("sign")  # signing a lease is moving in, not a step toward it
    # "will have housing, a job and a licence": one outcome verb can carry every change
    carried = bool(changing & set(_lists()["outcome_verbs"]))
    if len(changes) < rush["min_changes"] or (len(changing) < rush["min_changes"] and not carried):
        return None
    return Criterion(
        False,
        f"{len(changes)} life changes ({', '.join(changes)}) all due {due[:1].lower()}{due[1:]}: each takes weeks "
        "on its own (a lease, a job search, an enrollment). Give each its own goal with a "
        f"date it can be done by, and keep for “{due}” one step that fits (one call, one "
        "application, one appointment booked).",
        str(rush["source"]),
    )


# the A1c as the thing to change ("bring her A1c down from 13% to 6%", "A1c below 7"), not
# a test to book ("schedule the A1c lab draw")
_A1C = re.compile(
    r"\b(?:hb)?a1c\b[^.;\n]{0,25}?\b(?:from\s+\d|to\s+\d|below|under|down|less\s+than)"
    r"|\b(?:lower|reduce|bring|drop|get|cut)\w*\s+(?:her|his|their|the\s+client's|the)?\s*(?:hb)?a1c\b",
    re.I,
)


def _a1c_realism(text: str, parse: _Parse, rules: dict[str, Any]) -> Criterion | None:
    """An A1c result asked for sooner than the test can show a change."""
    a1c = rules["a1c"]
    days = parse.deadline_days
    if not days or days >= a1c["min_days"] or not _A1C.search(text):
        return None
    return Criterion(
        False,
        f"An A1c reflects the average blood sugar over about the past three months, so a "
        f"test within {days} days will show only a small part of the change the goal asks "
        "for. Ask the care team when the next A1c is due (often about 3 months after a change "
        "in treatment), and set a near-term step the client can see, e.g. “For the next 4 "
        "weeks, the client will check their blood sugar as the care team advised and bring "
        "the log to every visit.”",
        str(a1c["source"]),
    )


def _realism(text: str, passage: Passage, parse: _Parse) -> Criterion | None:
    """Achievable `False`, with the figures, when the line states context the goal plainly
    overruns; otherwise None (no context, or nothing clearly wrong: say nothing)."""
    rules = _lists()["realism"]
    return (
        _plan_realism(parse, rules)
        or _duration_realism(text, parse, rules)
        or _series_realism(text, parse, rules)
        or _money_realism(text, passage, parse, rules)
        or _weight_realism(text, parse, rules)
        or _reading_realism(text, parse, rules)
        or _degree_realism(text, parse, rules)
        or _diploma_realism(text, parse, rules)
        or _recovery_realism(text, parse, rules)
        or _a1c_realism(text, parse, rules)
        or prognosis_realism(text, parse, rules)
        or _rush_realism(passage, parse, rules)
    )
