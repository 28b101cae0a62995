"""Tone the coach's word and sentence rules leave open: sarcasm, doubt, guessed motives,
put-downs in fresh wording. A small word model confirms; a cue explains.

The model (`casework/rules/tone_model.tsv`) is a list of word and word-pair weights, learned
by logistic regression from the labelled sentences in `tests/data` and, as neutral prose, the
shipped scenarios' sentences (see `scripts/train_tone_model.py`). It only ever confirms: a sentence is flagged when it holds a
tone cue from `casework/rules/documentation_tone.yaml` *and* the model reads the sentence as
a judgment. The finding names the cue, says why in words a student can learn from, and gives
a rewrite and a source, so the model is never the only reason a student is told to change
something.

A few rules (`across: true`) read the sentence before and this one together, for doubt built
across two sentences ("States zero income. Drove to the visit in a newer truck."): the model
then weighs both sentences, and the finding marks words of the second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import pairwise

from casework.checks.findings import Finding
from casework.checks.sentence_rules import (
    SentenceRule,
    broken_rules,
    rule_finding,
    sentence_rules,
    sentences,
)
from casework.checks.text import Passage
from casework.rules import load_rules, one_line

# A sentence the model gives at least this likelihood of being a judgment is confirmed,
# unless the rule asks for more (`confirm:` in the rule file, for its broadest cues).
# Chosen on the labelled corpora and on neutral sentences that hold a cue (tests/test_tone.py):
# at 0.8 a tenth of the judgments on the newest labelled set were lost. The model reads text it
# was trained on more surely than fresh text, so the threshold was then set on four sets each
# left out of the model's training in turn: from 0.45 to 0.35 recall rose from 0.939 to 0.966
# and the false-positive rate from 0.033 to 0.035.
CONFIRM = 0.35
# A cue whose own words the model leans against is not shown: the judgment is elsewhere.
# (At -0.5 three judgments in the corpora were dropped whose cue was the judgment; at -1.0
# "which no one in the office buys" was, as the model weighs "office" at -0.8.)
AGAINST = -1.25
# A word or two quoted inside the client's report is often the writer's precision
# ("stays over “sometimes”", "told the night nurse the day nurse is “cruel”"): the model must
# be surer than for a cue that names a judgment (0.45 flagged such a record on two training sets).
QUOTED_CONFIRM = 0.5
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "our", "his", "her", "their", "one",
     "of", "to", "in", "on", "at", "for", "so", "is", "was"}
)  # fmt: skip
_TOKEN = re.compile(r"[a-z0-9']+|[;:!?\"]")


def features(text: str) -> set[str]:
    """The words and adjacent word pairs of a text, lower-cased: what the model weighs."""
    words = _TOKEN.findall(text.lower().replace("’", "'").replace("“", '"').replace("”", '"'))
    return {*words, *(f"{a} {b}" for a, b in pairwise(words))}


@cache
def _weights() -> tuple[dict[str, float], float]:
    text = resources.files("casework.rules").joinpath("tone_model.tsv").read_text("utf-8")
    weights, bias = {}, 0.0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        feature, _, weight = line.rpartition("\t")
        if feature == "(bias)":
            bias = float(weight)
        else:
            weights[feature] = float(weight)
    return weights, bias


def likelihood(text: str) -> float:
    """The model's reading of a sentence: 0 (neutral record) to 1 (a judgment)."""
    weights, bias = _weights()
    # math.fsum: the same total whatever order the set of features comes in (a plain sum
    # differs in the last bit between runs, which can tip a sentence at a threshold)
    score = bias + math.fsum(weights.get(feature, 0.0) for feature in features(text))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))


@cache
def _rule_sets() -> tuple[tuple[SentenceRule, ...], tuple[SentenceRule, ...]]:
    """The tone rules read within one sentence, and those read across two."""
    rules = sentence_rules("documentation_tone")
    return tuple(r for r in rules if not r.across), tuple(r for r in rules if r.across)


@cache
def _confirm() -> dict[str, float]:
    rules = load_rules("documentation_tone")["rules"]
    return {rule["id"]: rule["confirm"] for rule in rules if "confirm" in rule}


def _lean(span: str) -> float:
    """How much the model leans on the words of a cue toward a judgment (a word it never
    saw counts as 0; the little words around it are left out, as they carry no tone)."""
    weights, _ = _weights()
    return math.fsum(weights.get(f, 0.0) for f in features(span) - _FUNCTION_WORDS)


def _joined(
    before: tuple[int, dict[str, list[int]]], start: int, by_head: dict[str, list[int]]
) -> tuple[int, dict[str, list[int]]]:
    """The start and word heads of the sentence before and this one, read as one."""
    heads = {head: list(places) for head, places in before[1].items()}
    for head, places in by_head.items():
        heads.setdefault(head, []).extend(places)
    return before[0], heads


@cache
def _quoted_word() -> dict[str, str]:
    return load_rules("documentation_tone")["quoted_word"]


def _quoted_finding(passage: Passage, start: int, end: int) -> Finding:
    rule = _quoted_word()
    return Finding(
        rule="note.tone.quoted-word",
        category="credibility",
        severity="warning",
        message=f"{rule['message'].format(term=passage.text[start:end])} {one_line(rule['why'])}",
        suggestion=rule["example"],
        source=rule["source"],
        start=start,
        end=end,
    )


def check_tone(
    passage: Passage, findings: list[Finding], reported: Sequence[tuple[int, int]] = ()
) -> list[Finding]:
    """Tone findings for the sentences no finding in `findings` already warns about.
    `reported`: a word or two the note quotes inside the client's report, a cue of doubt."""
    warned = {
        passage.sentence_of(f.start)
        for f in findings
        if f.severity != "info" and f.start is not None
    }
    taken = [(f.start, f.end) for f in findings if f.start is not None and f.end is not None]
    within, across = _rule_sets()
    found, before = [], None
    for start, end, by_head in sentences(passage):
        previous, before = before, (start, by_head)
        if passage.sentence_of(start) in warned:
            continue
        cues = [
            (rule, match, False)
            for rule, match in broken_rules(within, passage, by_head, start, end)
        ]
        # a rule read across two sentences marks words of this one: its last part must be here
        keys = by_head.keys()
        wide = [
            rule
            for rule in across
            if rule.parts[-1].heads is None or not keys.isdisjoint(rule.parts[-1].heads)
        ]
        opening = start
        if wide:
            opening, heads = (
                (start, by_head) if previous is None else _joined(previous, start, by_head)
            )
            cues += [
                (rule, match, True)
                for rule, match in broken_rules(tuple(wide), passage, heads, opening, end)
                if match.start() >= start
            ]
        cues = [
            cue
            for cue in cues
            if not any(a < cue[1].end() and cue[1].start() < b for a, b in taken)
        ]
        quoted = next(((a, b) for a, b in reported if start <= a < end), None)
        if quoted and likelihood(passage.text[start:end]) >= QUOTED_CONFIRM:
            found.append(_quoted_finding(passage, *quoted))
            continue
        if not cues:
            continue
        alone = likelihood(passage.text[start:end])
        joined = likelihood(passage.text[opening:end]) if opening != start else alone
        cues = [
            (rule, match)
            for rule, match, spans_two in cues
            if (joined if spans_two else alone) >= _confirm().get(rule.id, CONFIRM)
        ]
        if not cues:
            continue
        lean, rule, match = max(((_lean(m.group(0)), r, m) for r, m in cues), key=lambda c: c[0])
        if lean > AGAINST:
            found.append(rule_finding(rule, match))
    return found
