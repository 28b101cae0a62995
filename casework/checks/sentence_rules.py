"""Judgments built into a sentence, not carried by one word: a complaint set beside an
activity that undercuts it, a group named and then a generalisation drawn from it, a
motive assumed behind what the client did.

Each rule in `casework/rules/documentation_sentences.yaml` lists its parts; a sentence
breaks the rule when every part is found in it (in order, unless the rule says
`any_order`) and none of its `unless` phrases is. Words inside a quotation are the
speaker's, so a part found there does not count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from casework.checks.findings import Finding
from casework.checks.text import Passage
from casework.rules import load_rules, one_line

# The heads of a pattern are read with the standard library's own regular-expression parser
# (a private module, present in Python 3.11 to 3.13). Without it every part simply has no
# heads: the rules stay right, only slower.
try:
    import re._constants as C
    import re._parser as _parser
except ImportError:  # pragma: no cover - another Python
    C = _parser = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Part:
    pattern: re.Pattern[str]
    # The first four letters of every word the part can start with, so a sentence that
    # has none of them is passed over without running the pattern (None: no such list).
    heads: frozenset[str] | None
    # For each head, the phrases that can start with it, as one pattern: at a word only
    # they are tried, not the whole list (a long list of cues stays fast).
    by_head: dict[str, re.Pattern[str]] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SentenceRule:
    id: str
    category: str
    message: str
    why: str
    example: str
    source: str
    parts: tuple[Part, ...]
    mark: int  # which part's words the finding marks
    any_order: bool
    unless: Part | None
    needs: tuple[frozenset[str], ...]  # each part's heads: a sentence without any is skipped
    # read over the sentence before and this one ("States zero income. Drove a new truck."),
    # marking only words of this one
    across: bool = False


# A phrase matches whole words: no word character just outside it, unless the phrase
# itself starts or ends with punctuation (";", ", was").
_WORD_START = r"(?:(?<![\w'’])|(?![\w'’]))"
_WORD_END = r"(?:(?![\w'’])|(?<![\w'’]))"


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    """Phrases (regular expressions allowed) as one pattern that matches whole words."""
    return re.compile(_WORD_START + "(?:" + "|".join(phrases) + ")" + _WORD_END, re.IGNORECASE)


_HEAD = 4
_PUNCTUATION_HEADS = ",;"
_PUNCTUATION = re.compile(r"[,;]")
_MAX_HEADS = 5000


class _Open(Exception):
    """The pattern can start in a way no short word list describes (`\\w+`, punctuation)."""


def _heads(items: list, prefix: str = "") -> set[str]:
    """The words' first letters a parsed pattern can start with (see `Part.heads`)."""
    if len(prefix) == _HEAD:
        return {prefix}
    if not items:
        if prefix:
            return {prefix}
        raise _Open
    (op, value), rest = items[0], items[1:]
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return _heads(rest, prefix)
    if op is C.LITERAL or op is C.IN:
        found: set[str] = set()
        for char in _characters(op, value):
            if char.isalnum() or char == "'":
                found |= _heads(rest, prefix + char)
            elif prefix:
                found.add(prefix)  # punctuation ends the word
            elif char in _PUNCTUATION_HEADS:
                found.add(char)  # "; she was smoking": the mark itself is the head
            else:
                raise _Open
        return found
    if op is C.BRANCH:
        return _union(_heads(list(alternative) + rest, prefix) for alternative in value[1])
    if op is C.SUBPATTERN:
        return _heads(list(value[-1]) + rest, prefix)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and value[:2] == (0, 1):
        return _heads(rest, prefix) | _heads(list(value[2]) + rest, prefix)
    raise _Open


def _union(sets) -> set[str]:
    found: set[str] = set()
    for one in sets:
        found |= one
        if len(found) > _MAX_HEADS:
            raise _Open
    return found


def _characters(op, value) -> list[str]:
    if op is C.LITERAL:
        return [chr(value).lower()]
    chars: list[str] = []
    for kind, item in value:
        if kind is C.LITERAL:
            chars.append(chr(item).lower())
        elif kind is C.RANGE:
            chars += [chr(c).lower() for c in range(item[0], item[1] + 1)]
        elif kind is C.CATEGORY and item is C.CATEGORY_DIGIT:
            chars += list("0123456789")
        else:
            raise _Open
    return chars


def _part(phrases: list[str]) -> Part:
    if _parser is None:  # pragma: no cover - another Python
        return Part(_pattern(phrases), None)
    grouped: dict[str, list[str]] = {}
    try:
        for phrase in phrases:
            for head in _heads(list(_parser.parse(phrase, re.IGNORECASE))):
                grouped.setdefault(head, []).append(phrase)
    except _Open:
        return Part(_pattern(phrases), None)
    if len(grouped) > _MAX_HEADS:
        return Part(_pattern(phrases), None)
    by_head = {head: _pattern(group) for head, group in grouped.items()}
    return Part(_pattern(phrases), frozenset(grouped), by_head)


@cache
def sentence_rules(name: str = "documentation_sentences") -> tuple[SentenceRule, ...]:
    data = load_rules(name)
    # the groups and people lists of documentation_sentences.yaml serve every rule file,
    # so a trainer extends them in one place
    shared = load_rules("documentation_sentences").get("lists", {})
    lists = {**shared, **data.get("lists", {})}

    def expand(phrases: list[str]) -> list[str]:
        # "@groups" stands for a shared list, so a trainer extends it in one place
        return [
            re.sub(r"@(\w+)", lambda m: "(?:" + "|".join(lists[m[1]]) + ")", phrase)
            for phrase in phrases
        ]

    rules = []
    for rule in data["rules"]:
        parts = tuple(_part(expand(part)) for part in rule["parts"])
        rules.append(
            SentenceRule(
                id=rule["id"],
                category=rule["category"],
                message=one_line(rule["message"]),
                why=one_line(rule["why"]),
                example=one_line(rule["example"]),
                source=one_line(rule["source"]),
                parts=parts,
                mark=rule.get("mark", 0),
                any_order=rule.get("any_order", False),
                unless=_part(expand(rule["unless"])) if rule.get("unless") else None,
                needs=tuple(part.heads for part in parts if part.heads is not None),
                across=rule.get("across", False),
            )
        )
    return tuple(rules)


def _first_match(part: Part, passage: Passage, by_head: dict[str, list[int]], start: int, end: int):
    """The leftmost match of the part in text[start:end] that is not inside a quotation.
    With a heads list, the pattern is tried only where a word with one of them begins."""
    if part.heads is None:
        matches = part.pattern.finditer(passage.text, start, end)
    else:
        # the sentence's few words against the part's many heads, not the other way round
        patterns = part.by_head or {}
        positions = sorted(
            (p, head) for head, ps in by_head.items() if head in part.heads for p in ps
        )
        matches = (
            patterns.get(head, part.pattern).match(passage.text, p, end)
            for p, head in positions
            if p >= start
        )
    return next((m for m in matches if m and not passage.in_quote(m.start())), None)


def _spans(
    rule: SentenceRule, passage: Passage, by_head: dict[str, list[int]], start: int, end: int
) -> list[re.Match] | None:
    found, position = [], start
    for part in rule.parts:
        match = _first_match(part, passage, by_head, start if rule.any_order else position, end)
        if match is None:
            return None
        found.append(match)
        position = match.end()
    return found


def sentences(passage: Passage) -> list[tuple[int, int, dict[str, list[int]]]]:
    """Each sentence's bounds, with where each word head (and "," or ";") starts in it.
    Read once per passage: the sentence rules and the tone rules share it."""
    cached = passage.__dict__.get("_sentences")
    if cached is None:
        cached = passage.__dict__["_sentences"] = list(_sentences(passage))
    return cached


def _sentences(passage: Passage) -> Iterator[tuple[int, int, dict[str, list[int]]]]:
    bounds = [0, *passage.sentence_breaks, len(passage.text)]
    starts = [token.start for token in passage.tokens]
    for start, end in pairwise(bounds):
        if end <= start:
            continue
        by_head: dict[str, list[int]] = {}
        for k in range(bisect_left(starts, start), bisect_left(starts, end)):
            by_head.setdefault(passage.norms[k][:_HEAD], []).append(starts[k])
        for mark in _PUNCTUATION.finditer(passage.text, start, end):
            by_head.setdefault(mark.group(0), []).append(mark.start())
        yield start, end, by_head


def broken_rules(
    rules: tuple[SentenceRule, ...],
    passage: Passage,
    by_head: dict[str, list[int]],
    start: int,
    end: int,
) -> Iterator[tuple[SentenceRule, re.Match]]:
    """The rules one sentence breaks, each with the match its finding marks."""
    keys = by_head.keys()
    for rule in rules:
        if any(keys.isdisjoint(heads) for heads in rule.needs):
            continue
        matches = _spans(rule, passage, by_head, start, end)
        if matches is None:
            continue
        if rule.unless and _first_match(rule.unless, passage, by_head, start, end):
            continue
        yield rule, matches[rule.mark]


def rule_finding(rule: SentenceRule, marked: re.Match) -> Finding:
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity="warning",
        message=f"{rule.message.format(term=marked.group(0))} {rule.why}",
        suggestion=rule.example,
        source=rule.source,
        start=marked.start(),
        end=marked.end(),
    )


def check_sentences(passage: Passage) -> list[Finding]:
    """The sentence rules each sentence of the passage breaks (one finding per rule)."""
    return [
        rule_finding(rule, marked)
        for start, end, by_head in sentences(passage)
        for rule, marked in broken_rules(sentence_rules(), passage, by_head, start, end)
    ]
