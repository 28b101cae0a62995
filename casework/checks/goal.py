"""SMART goals: specific, measurable, achievable, relevant, time-bound.

Specific, measurable and time-bound are read from the sentence. Achievable and relevant
need the case: pass a GoalContext (the plan's time limit, the assessed needs, the
client's priorities) and they are checked; without one they stay `None` with a prompt.
When the goal line itself states the context (an income, a plan length, a starting point)
and the goal plainly overruns it, achievable is `False` with the figures (see `_realism`).
Word lists and thresholds, each with its source: `casework/rules/smart.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casework.checks.findings import Finding, Report
from casework.checks.goal_parse import (
    _FREQUENCY,
    _MEASURE_PHRASES,
    _ONE_OFF,
    _VAGUE_PHRASES,
    Criterion,
    _actor_and_verbs,
    _check_patterns,
    _in_spans,
    _lists,
    _masked,
    _merged,
    _named_check,
    _Parse,
    _phrase_patterns,
)
from casework.checks.goal_realism import _plan, _realism
from casework.checks.goal_time import _time
from casework.checks.text import Passage


@dataclass(frozen=True)
class GoalContext:
    """What the case says about a goal: the plan's time limit, needs and priorities."""

    time_limit_days: int | None = None
    needs: tuple[str, ...] = ()  # assessed needs: life-domain ids or short descriptions
    priorities: tuple[str, ...] = ()  # the client's stated priorities, in their words
    linked_to: str | None = None  # an explicit link made in the plan: "assessed need: Health"
    step_due_days: tuple[int | None, ...] | None = None  # the goal's action steps, when planned


@dataclass(frozen=True)
class GoalReport(Report):
    criteria: dict[str, Criterion] = field(default_factory=dict)
    deadline_days: int | None = None

    @property
    def smart(self) -> bool:
        c = self.criteria
        return (
            bool(c["specific"].met and c["measurable"].met and c["time_bound"].met)
            and c["achievable"].met is not False
            and c["relevant"].met is not False
        )


# "will be in school 4 of 5 days": where someone is can be counted, unlike how they are
_PRESENCE = frozenset({"in", "at", "on", "home", "present", "there", "back", "out", "off", "up"})

# "work at least 15 hours a week": work counted in hours or shifts is an action one can check
_WORK_HOURS = re.compile(
    r"\bwork\s+(?:at\s+least\s+|about\s+|up\s+to\s+)?\d+\s*(?:hours|hrs|shifts|days)\b", re.I
)


def _specific(text: str, passage: Passage, parse: _Parse, measurable: Criterion) -> Criterion:
    lists = _lists()
    if parse.verb_index is None:
        return Criterion(
            False,
            "Say who will do what: start with the person and an action (“Client will attend …”).",
        )
    vague = _VAGUE_PHRASES.search(text)
    verb = parse.verbs[0]
    has_object = bool(measurable.met)
    be = parse.verb_index > 0 and passage.norms[parse.verb_index - 1] == "be"
    if be and verb not in lists["concrete_verbs"] | _PRESENCE and not verb.endswith(("ed", "en")):
        return Criterion(
            False,
            f"“be {verb}” describes a way of being, not something anyone could count. Name "
            "what the person will do that shows it (“Father will attend all 6 visits and "
            "keep to the agreed topics, per the visit notes”).",
        )
    if parse.wish:
        return Criterion(
            False,
            f"“{parse.wish}” records a wish. Keep the wish, in the client's words, as the "
            "priority this goal serves; the goal says what the client will do about it "
            "(“Within 14 days, Jordan will sign an occupancy agreement for a room.”).",
        )
    compliance = next(
        (
            t.text
            for k, t in enumerate(passage.tokens)
            if t.norm in lists["compliance_words"]
            # "with adherence checked by a pill count": the check, not the goal
            and passage.norms[k - 1 : k]
            not in (["check"], ["checks"], ["monitor"], ["verify"], ["confirm"])
            and passage.norms[k + 1 : k + 2]
            not in (["checked"], ["measured"], ["verified"], ["confirmed"], ["tracked"])
        ),
        None,
    )
    if compliance is None:
        phrase = _check_patterns()[2].search(text)
        compliance = phrase.group(0) if phrase else None
    if compliance:
        return Criterion(
            False,
            f"“{compliance}” makes compliance with a rule or an order the goal. Rules, "
            "conditions and orders are someone else's expectation (the program's, the "
            "court's, the prescriber's), not something the client set out to achieve, and a "
            "deadline does not change that. Ask what the client wants, and write that (for "
            "someone on probation who wants it over: “By day 30 client will ask the probation "
            "officer what early discharge requires and bring CM the answer”); explain any "
            "rule openly, beside the plan.",
        )
    if vague and not _in_spans(vague.start(), parse.time_spans):
        return Criterion(
            False,
            f"“{vague.group(0)}” names a direction, not an action someone could see. Name the one thing the client will do.",
        )
    if parse.outcome and not parse.measure:
        return Criterion(
            False,
            f"“{_phrase(passage, parse)}” names a result, not something anyone could see the "
            "client do. Name the action that gets there (apply, sign, attend), or what will "
            "show it happened (a signed lease, a weekly test result).",
        )
    task = None
    if verb in lists["light_verbs"]:  # "do a med reconciliation", "make an appointment"
        window = passage.norms[parse.verb_index + 1 : parse.verb_index + 7]
        task = next(
            (
                w
                for w in window
                if w in lists["artefacts"] or w in lists["light_objects"] or w.isdigit()
            ),
            None,
        )
    if verb == "work" and _WORK_HOURS.search(text):
        task = "hours"  # "work at least 15 hours a week": paid hours someone can count
    if (
        task is None
        and verb in lists["vague_verbs"]
        and (verb not in lists["concrete_verbs"] or not (has_object or parse.measure))
    ):
        return Criterion(
            False,
            f"“{verb}” is not something another person could see happen. Name the concrete action (attend, submit, call, sign …).",
        )
    if len(set(parse.verbs)) >= 3:
        return Criterion(
            False,
            f"This goal bundles {len(set(parse.verbs))} actions ({', '.join(dict.fromkeys(parse.verbs))}). Give each its own goal or step.",
        )
    who = parse.actor or "The client (implied)"
    tokens = passage.tokens[parse.verb_index :]
    if (
        task
    ):  # the words as written, up to the task: "make zero deposits", "do a med reconciliation"
        upto = next((k for k, t in enumerate(tokens[:7]) if t.norm == task), 0)
        action = " ".join(t.text for t in tokens[: upto + 1])
    elif be:  # "be on time", "be present at"
        action = "be " + " ".join(t.text for t in tokens[:2])
    else:
        action = verb
    return Criterion(True, f"{who} will {action}: one concrete action.")


_OWNERS = frozenset({"the", "her", "his", "their", "its", "our", "my", "your"})


def _a(noun: str) -> str:
    """ "A lease", "An ID": the noun with its article, for the start of a sentence."""
    return f"{'An' if noun[:1] in 'aeiou' or noun in {'id', 'ged'} else 'A'} {noun}"


def _measure(text: str, passage: Passage, parse: _Parse) -> str | None:
    """What makes the goal checkable, in a sentence, or None: a count, an amount, a
    frequency over a set period, a standard, a named check or a document in hand.

    Context the line states (`parse.context_spans`: an income, a plan length) is not the
    goal's measure. Adherence to an order ("as prescribed") is measurable only by a named
    check: what is counted is set by the prescription, and nobody sees the doses taken."""
    lists, norms, tokens = _lists(), passage.norms, passage.tokens
    masked = _masked(text, parse.context_spans) if parse.context_spans else text
    check = _named_check(masked)
    if parse.adherence:
        return check
    for i, token in enumerate(tokens):
        if _in_spans(token.start, parse.time_spans) or _in_spans(token.start, parse.context_spans):
            continue
        word = norms[i]
        if (
            word.isdigit()
            or word in lists["number_words"]
            or re.fullmatch(r"\d+(?:st|nd|rd|th|x|%)?", word)
        ):
            if word in {"all", "both"} and i + 1 < len(norms) and norms[i + 1] in {"the", "of"}:
                continue
            if word == "per" and i + 1 < len(norms) and norms[i + 1] in _OWNERS:
                continue  # "per the attendance report" names a check, not a rate
            return f"“{token.text}” gives a count or frequency to check against."
    if re.search(r"[$€£]\s?\d|\d\s?%|\bpercent\b|\bdollars?\b", masked, re.I):
        return "An amount gives a figure to check against."
    frequency = _FREQUENCY.search(masked)
    if frequency and parse.deadline_days:
        return f"“{frequency.group(0)}” over a set period is a count anyone can check."
    standard = _MEASURE_PHRASES.search(masked)
    if standard:
        return f"“{standard.group(0)}” is a standard anyone can check."
    if check:
        return check
    if parse.verb_index is None:
        return None
    window = norms[parse.verb_index : parse.verb_index + 8]
    if parse.outcome:
        proof = next((w for w in window if w in lists["proofs"]), None)
        return f"{_a(proof)} in hand shows the result happened." if proof else None
    artefact = next((w for w in window if w in lists["artefacts"]), None)
    verb = parse.verbs[0] if parse.verbs else ""
    # "make a home visit and complete the form": any concrete action the line joins counts
    if artefact and any(v in lists["concrete_verbs"] for v in parse.verbs):
        return f"{_a(artefact)} done or in hand is a completion anyone can verify."
    has_object = (
        parse.verb_index + 1 < len(norms)
        and norms[parse.verb_index + 1] not in lists["vague_measures"]
    )
    if verb in _ONE_OFF and has_object:
        return f"“{verb}” is a one-off action: done or not done, anyone can check."
    return None


def _phrase(passage: Passage, parse: _Parse) -> str:
    """The goal's verb and the next few words: "find housing"."""
    start = parse.verb_index or 0
    words = []
    for t in passage.tokens[start : start + 4]:
        if words and re.search(r"[,;:]", passage.text[passage.tokens[start].start : t.start]):
            break  # "find an apartment, get a job": the first action only
        if not _in_spans(t.start, parse.time_spans):
            words.append(t.text)
    vague_times = _lists()["vague_times"]
    while words and words[-1].lower() in vague_times:
        words.pop()
    return " ".join(words)


def _measurable(passage: Passage, parse: _Parse) -> Criterion:
    norms = passage.norms
    negated = (
        bool(parse.verb_index)
        and (
            norms[parse.verb_index - 1] in {"not", "never"}
            # "will have no lease violations": nothing to see either, unless it is counted
            # ("no positive results across 8 random screens")
            or (
                norms[parse.verb_index] == "have"
                and norms[parse.verb_index + 1 : parse.verb_index + 2] == ["no"]
                and not re.search(r"\d", _masked(passage.text, parse.time_spans))
            )
        )
    )
    if negated and not _named_check(passage.text):
        verb = passage.tokens[parse.verb_index].text
        said = f"will {verb} no" if norms[parse.verb_index] == "have" else f"will not {verb}"
        return Criterion(
            False,
            f"“{said}” asks for something not to happen, which nobody sees. Name how it "
            "will be checked (“… confirmed by a breath test at the start of each visit”), or "
            "name what the person will do instead.",
        )
    if parse.measure:
        return Criterion(True, parse.measure)
    if parse.adherence:
        return Criterion(
            False,
            f"“{parse.adherence}”: what is counted is set by the prescription or order, and "
            "nobody sees the doses taken. Name the check: a pill count at each visit, the "
            "pharmacy refill record, a blister pack checked at home visits (“… daily as "
            "prescribed for 4 weeks, checked by pill count at each weekly visit”).",
            str(_lists()["adherence_source"]),
        )
    if parse.outcome:
        return Criterion(
            False,
            f"“{_phrase(passage, parse)}” is a result: say how you will both know it happened "
            "(a signed lease, a pay stub, a count of meetings attended).",
        )
    vague = next((w for w in passage.norms if w in _lists()["vague_measures"]), None)
    if vague:
        return Criterion(
            False,
            f"“{vague}” cannot be counted. Add a number, a frequency or a document that shows it was done.",
        )
    return Criterion(
        False,
        "Nothing here can be counted or checked. Add how many, how often, or the document that shows it was done.",
    )


def _wish(text: str, passage: Passage, parse: _Parse) -> str | None:
    if parse.verb_index is None:
        return None
    before = text[: passage.tokens[parse.verb_index].start].lower().replace("’", "'")
    found = _phrase_patterns()["wish_cues"].search(before)
    if found:
        return found.group(0)
    following = passage.norms[parse.verb_index : parse.verb_index + 2]
    if following in (["like", "to"], ["love", "to"]):  # "Pt would like to be off …"
        return f"would {following[0]} to"
    if following[:1] == ["like"] and before.rstrip().endswith("would"):
        return "would like"  # "Vet would like his rating raised"
    return None


def _time_bound(parse: _Parse) -> Criterion:
    if parse.time_spans:
        return Criterion(True, "It has a deadline or a set period.")
    if parse.vague_time:
        return Criterion(
            False,
            f"“{parse.vague_time}” is not a deadline. Give a date, a day number or a period (“within 30 days”).",
        )
    return Criterion(
        False, "There is no deadline. Add a date, a day number or a period (“within 30 days”)."
    )


def _achievable(
    parse: _Parse, context: GoalContext | None, realism: Criterion | None = None
) -> Criterion:
    if realism is not None:
        return realism
    if context is None or context.time_limit_days is None:
        return Criterion(
            None,
            "Can the client do this with the time and help they have? Check it against the plan's time limit and the client's resources.",
        )
    if parse.deadline_days is None:
        return Criterion(
            None,
            f"Give the deadline as a day number or period so it can be checked against the plan's {context.time_limit_days} days.",
        )
    if parse.deadline_days > context.time_limit_days:
        return Criterion(
            False,
            f"The goal runs {parse.deadline_days} days, past the plan's time limit of {context.time_limit_days} days.",
        )
    if context.step_due_days is not None:
        late = [
            day for day in context.step_due_days if day is not None and day > parse.deadline_days
        ]
        if late:
            return Criterion(
                False,
                f"A step is due on day {max(late)}, after the goal's own deadline (day {parse.deadline_days}): the steps do not add up to the goal in time.",
            )
        if not context.step_due_days:
            return Criterion(
                None,
                f"{parse.deadline_days} days fits the plan's {context.time_limit_days} days; add the action steps to show how it can be done.",
            )
        return Criterion(
            True,
            f"{parse.deadline_days} days fits the plan's {context.time_limit_days} days, and every step is due by then.",
        )
    return Criterion(
        True, f"{parse.deadline_days} days fits inside the plan's {context.time_limit_days} days."
    )


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z']+", text.lower()) if len(w) >= 4}


def _relevant(passage: Passage, context: GoalContext | None) -> Criterion:
    if context is not None and context.linked_to:
        return Criterion(True, f"It serves {context.linked_to}.")
    if context is None or not (context.needs or context.priorities):
        return Criterion(
            None,
            "Which assessed need or stated priority of the client does this goal serve? Link it to one.",
        )
    domains = _lists()["domain_words"]
    goal_words = set(passage.norms)
    for need in context.needs:
        words = domains.get(need) or _content_words(need)
        if goal_words & words or {w.rstrip("s") for w in goal_words} & words:
            return Criterion(True, f"It serves an assessed need ({need.replace('_', ' ')}).")
    goal_content = _content_words(passage.text)
    for priority in context.priorities:
        if goal_content & _content_words(priority):
            return Criterion(True, f"It serves the client's priority: “{priority}”.")
    return Criterion(
        False, "It is not linked to any assessed need or to what the client said matters to them."
    )


def _skeleton(passage: Passage, parse: _Parse, criteria: dict[str, Criterion]) -> str:
    actor = parse.actor or "Client"
    start = parse.verb_index if parse.verb_index is not None else 0
    vague_times = _lists()["vague_times"]
    tokens = [
        t
        for t in passage.tokens[start:]
        if not _in_spans(t.start, parse.time_spans) and t.norm not in vague_times
    ]
    words = " ".join(t.text for t in tokens[:8])
    action = (
        words if criteria["specific"].met else f"[one action anyone could see, about “{words}”]"
    )
    measure = (
        ""
        if criteria["measurable"].met
        else " [how many / how often, or the document that shows it]"
    )
    deadline = "" if criteria["time_bound"].met else " by [day N, or “within 30 days”]"
    return f"{actor} will {action}{measure}{deadline}.".replace("will will", "will")


def check_goal(text: str, context: GoalContext | None = None) -> GoalReport:
    """Check one goal sentence against the SMART criteria."""
    passage = Passage(text)
    parse = _Parse()
    _time(text, parse)
    _plan(text, parse)
    _actor_and_verbs(passage, parse)
    parse.context_spans = _merged(parse.context_spans)
    adherence = _check_patterns()[3].search(text)
    parse.adherence = (adherence["order"] or adherence.group(0)) if adherence else None
    parse.measure = _measure(text, passage, parse)
    parse.wish = _wish(text, passage, parse)
    measurable = _measurable(passage, parse)
    criteria = {
        "specific": _specific(text, passage, parse, measurable),
        "measurable": measurable,
        "achievable": _achievable(parse, context, _realism(text, passage, parse)),
        "relevant": _relevant(passage, context),
        "time_bound": _time_bound(parse),
    }
    source = _lists()["source"]
    skeleton = _skeleton(passage, parse, criteria)
    findings = []
    for name, criterion in criteria.items():
        if criterion.met is True:
            continue
        findings.append(
            Finding(
                rule=f"goal.{name.replace('_', '-')}",
                category="smart",
                severity="warning" if criterion.met is False else "info",
                message=f"{name.replace('_', '-').capitalize()}: {criterion.reason}",
                # an overrun is fixed by changing the figures, which the reason gives
                suggestion=skeleton if criterion.met is False and name != "achievable" else None,
                source=criterion.source or str(source),
                start=0,
                end=len(text),
            )
        )
    strengths = tuple(
        f"{name.replace('_', '-').capitalize()}: {c.reason}"
        for name, c in criteria.items()
        if c.met is True
    )
    return GoalReport(tuple(findings), strengths, criteria, parse.deadline_days)
