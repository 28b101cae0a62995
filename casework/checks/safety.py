"""Risk language: statements that call for action, not for better wording.

A statement of suicidal or homicidal thoughts, self-harm, an overdose, abuse or neglect of a
child or an older adult, or partner violence raises a `safety` finding that says what a
practitioner does next, with its source. The rules, the context words and what counts as a
documented response are data: `casework/rules/safety.yaml` (terms in the documentation
coach's syntax, `casework/checks/lexicon.py`).

Context decides, as in the coach, but the other way round for quotations: a person's own
words about dying or hurting are exactly what these rules are for, so quoted words count.
What does not count: a negated screening result, the worker's own question, a song or film
title in quotation marks, a listed figure of speech, and a child or older-adult rule when
no child or older adult is named in the sentence. When the same text documents the
response (the questions asked, a safety plan, a supervisor consult, 988 or 911, a report),
the finding becomes info and says what was documented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from casework.checks.findings import Finding
from casework.checks.lexicon import PhraseIndex, Term, matching
from casework.checks.text import Passage
from casework.rules import load_rules, one_line

_NEGATION_WALK = 12  # words a negation may stand behind: "denies current suicidal ideation"
_TITLE_WALK = 6  # words before a quotation searched for "song", "film", "said"
# A step that did not happen is not documented: "did not call 988", "no safety plan".
_NOT_BEFORE = re.compile(
    r"(?:\bnot|\bno|\bnever|n't|\bwithout|\bunable to|\bfailed to)\W+(?:[\w'-]+\W+){0,2}$",
    re.IGNORECASE,
)
_BE = frozenset({"was", "were", "is", "are"})
_TRAILING_AFTER_BE = frozenset({"denied", "absent", "negative", "none"})


@dataclass(frozen=True)
class SafetyRule:
    id: str
    label: str
    what: str  # what the matched words raise
    steps: str  # what a practitioner does next, with the sources named
    guide: str  # the source, named in the acknowledgement of a documented response
    example: str  # a note that records the risk and the response
    source: str
    responses: tuple[str, ...]  # the documented steps that answer this risk
    requires: frozenset[str]  # one of these words must be in the sentence (empty: none)


@dataclass(frozen=True)
class Response:
    label: str
    patterns: tuple[re.Pattern[str], ...]  # cancelled by a negation just before
    answers: tuple[re.Pattern[str], ...]  # recorded answers, which stand as written


class _Index:
    """The phrase index keyed by each term's first three words (fewer when a term is shorter
    or has a `*` early): the slot syntax expands a threat ("going/want/… to kill/hurt/…
    him/her/…") into thousands of phrases that share their first words, and a long note
    says "want to" often."""

    _KEY = 3

    def __init__(self, index: PhraseIndex):
        self.rank: dict[int, int] = {}
        self.by_prefix: dict[tuple[str, ...], list[Term]] = {}
        for candidates in index.by_first.values():
            for term in candidates:  # already longest first, in rule order within a length
                self.rank[id(term)] = len(self.rank)
                prefix = term.words[: self._KEY]
                if "*" in prefix:
                    prefix = prefix[: prefix.index("*")]
                self.by_prefix.setdefault(prefix, []).append(term)

    def matches(self, norms: list[str], index: int) -> list[Term]:
        window = tuple(norms[index : index + self._KEY])
        pool = [
            term
            for size in range(len(window), 0, -1)
            for term in self.by_prefix.get(window[:size], ())
        ]
        if not pool:
            return []
        pool.sort(key=lambda term: (-len(term.words), self.rank[id(term)]))
        return matching(norms, index, pool)


@dataclass(frozen=True)
class _Rules:
    index: _Index
    figurative: PhraseIndex
    rules: dict[str, SafetyRule]
    responses: dict[str, Response]
    negations: frozenset[str]
    asking: frozenset[str]
    passable: frozenset[str]
    trailing: frozenset[str]
    title_cues: frozenset[str]
    speech_cues: frozenset[str]
    footer: str


def _group(rule_id: str, terms: list[str]) -> dict:
    """A lexicon group: the phrase index needs the coach's fields, only the terms matter."""
    return {"id": rule_id, "category": "safety", "severity": "warning", "message": "",
            "why": "", "example": "", "source": "", "terms": list(terms)}  # fmt: skip


@cache
def _load() -> _Rules:
    data = load_rules("safety")
    context = {key: frozenset(words) for key, words in data["context"].items()}
    rules = {
        spec["id"]: SafetyRule(
            id=spec["id"],
            label=spec["label"],
            what=spec["what"],
            steps=one_line(spec["steps"]),
            guide=spec["guide"],
            example=spec["example"],
            source=spec["source"],
            responses=tuple(spec["responses"]),
            requires=context[spec["requires"]] if "requires" in spec else frozenset(),
        )
        for spec in data["rules"]
    }
    responses = {
        key: Response(
            spec["label"],
            tuple(re.compile(p, re.IGNORECASE) for p in spec.get("patterns", ())),
            tuple(re.compile(p, re.IGNORECASE) for p in spec.get("answers", ())),
        )
        for key, spec in data["responses"].items()
    }
    unknown = {r for rule in rules.values() for r in rule.responses} - set(responses)
    if unknown:
        raise ValueError(f"safety.yaml: rules name unknown responses {sorted(unknown)}")
    return _Rules(
        index=_Index(PhraseIndex([_group(spec["id"], spec["terms"]) for spec in data["rules"]])),
        figurative=PhraseIndex([_group("figurative", data["figurative"])]),
        rules=rules,
        responses=responses,
        negations=context["negations"],
        asking=context["asking"],
        passable=context["passable"],
        trailing=context["trailing"],
        title_cues=context["title_cues"],
        speech_cues=context["speech_cues"],
        footer=data["footer"],
    )


def safety_rules() -> list[SafetyRule]:
    """The safety rules, in the order they are tried."""
    return list(_load().rules.values())


class _Reader:
    """One passage and the context questions the safety rules ask of a match."""

    def __init__(self, passage: Passage, rules: _Rules):
        self.p, self.r = passage, rules
        self.norms = passage.norms

    @cached_property
    def figurative(self) -> frozenset[int]:
        """Token positions inside a listed figure of speech ("kill for a coffee")."""
        covered: set[int] = set()
        for i in range(len(self.norms)):
            for term in self.r.figurative.matches(self.norms, i):
                covered.update(range(i, i + len(term.words)))
        return frozenset(covered)

    @cached_property
    def _sentence_words(self) -> dict[int, set[str]]:
        words: dict[int, set[str]] = {}
        for token in self.p.tokens:
            words.setdefault(self.p.sentence_of(token.start), set()).add(token.norm)
        return words

    def sentence_has(self, index: int, wanted: frozenset[str]) -> bool:
        sentence = self.p.sentence_of(self.p.tokens[index].start)
        return not wanted.isdisjoint(self._sentence_words.get(sentence, ()))

    def quoted(self, index: int) -> bool:
        """Is the match quoted, or does its sentence quote someone (the person's words)?"""
        position = self.p.tokens[index].start
        return self.p.in_quote(position) or self.p.sentence_quotes(position)

    def denied_or_asked(self, start: int, end: int) -> bool:
        """A negated screening result ("denies suicidal ideation", "Suicidal thoughts: none")
        or the worker's question ("asked about thoughts of suicide")."""
        p, norms = self.p, self.norms
        clause = p.clause_of(p.tokens[start].start)
        inside = p.in_quote(p.tokens[start].start)
        j = start - 1
        while j >= 0 and start - j <= _NEGATION_WALK:
            token = p.tokens[j]
            if p.clause_of(token.start) != clause or p.in_quote(token.start) != inside:
                break
            if norms[j] in self.r.negations or norms[j] in self.r.asking:
                return True
            if norms[j] not in self.r.passable:
                break
            j -= 1
        if end >= len(norms) or inside:
            return False
        sentence = p.sentence_of(p.tokens[end - 1].start)
        if p.sentence_of(p.tokens[end].start) != sentence:
            return False
        gap = p.text[p.tokens[end - 1].end : p.tokens[end].start]
        if ":" in gap or "—" in gap:
            return norms[end] in self.r.trailing
        return (
            norms[end] in _BE
            and end + 1 < len(norms)
            and p.sentence_of(p.tokens[end + 1].start) == sentence
            and norms[end + 1] in _TRAILING_AFTER_BE
        )

    def title(self, start: int) -> bool:
        """Inside a quotation that names a song, film or book: a title, not a statement."""
        p = self.p
        quote = p.quote_at(p.tokens[start].start)
        if quote is None:
            return False
        before = p.token_index_at(quote[0] - 1)
        sentence = p.sentence_of(quote[0])
        for k in range(before, max(-1, before - _TITLE_WALK), -1):
            if p.sentence_of(p.tokens[k].start) != sentence:
                break
            if self.norms[k] in self.r.speech_cues:
                return False
            if self.norms[k] in self.r.title_cues:
                return True
        return False

    def out_of_scope(self, rule: SafetyRule, start: int) -> bool:
        """A child or older-adult rule with no child or older adult named in the sentence."""
        return bool(rule.requires) and not self.sentence_has(start, rule.requires)

    def not_a_statement(self, start: int, end: int) -> bool:
        """A figure of speech, a denial, the worker's question or a title."""
        return (
            any(k in self.figurative for k in range(start, end))
            or self.denied_or_asked(start, end)
            or self.title(start)
        )


def documented(text: str) -> set[str]:
    """Which responses the text documents: "asked", "supervisor", "crisis", …"""
    found = set()
    for key, response in _load().responses.items():
        if any(pattern.search(text) for pattern in response.answers) or any(
            not _NOT_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            for pattern in response.patterns
            for m in pattern.finditer(text)
        ):
            found.add(key)
    return found


def spoken_list(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c": a list as a sentence says it."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def safety_footer() -> str:
    """The line every safety message ends with: agency protocol, state law, not legal advice."""
    return _load().footer


def _finding(
    rule: SafetyRule, term: Term, span: tuple[int, int], text: str, quoted: bool, done: set[str]
) -> Finding:
    r = _load()
    words = text[span[0] : span[1]]
    parts = [f"“{words}” {rule.what}"]
    if term.instead and not quoted:
        parts.append(
            f"Record the person's own words in quotation marks, not only the word “{words}”: "
            "Client said, “…”."
        )
    shown = [key for key in rule.responses if key in done]
    if shown:
        labels = [r.responses[key].label for key in shown]
        parts.append(f"You documented {spoken_list(labels)}, as {rule.guide}.")
        rest = [r.responses[key].label for key in rule.responses if key not in done]
        if rest:
            parts.append(
                f"Check that the record also shows, where it applies: {spoken_list(rest)}."
            )
    else:
        parts.append(rule.steps)
    parts.append(r.footer)
    return Finding(
        rule=rule.id,
        category="safety",
        severity="info" if shown else "warning",
        message=" ".join(parts),
        suggestion=f"For example: {rule.example}",
        source=rule.source,
        start=span[0],
        end=span[1],
    )


def check_safety(text: str, passage: Passage | None = None) -> list[Finding]:
    """Safety findings for a text: one per rule, at its first risk statement."""
    if not text.strip():
        return []
    r = _load()
    passage = passage if passage is not None else Passage(text)
    reader = _Reader(passage, r)
    norms, tokens = passage.norms, passage.tokens
    hits: dict[str, tuple[Term, int, int]] = {}
    i = 0
    while i < len(norms):
        step = 1
        for term in r.index.matches(norms, i):
            end = i + len(term.words)
            rule_id = term.group.id
            if rule_id not in hits and reader.out_of_scope(r.rules[rule_id], i):
                continue  # another rule may still apply: "not safe at home", no child named
            # A denied or figurative phrase covers the shorter terms inside it too:
            # "suicidal ideation: denied" is not "suicidal".
            if rule_id in hits or not reader.not_a_statement(i, end):
                hits.setdefault(rule_id, (term, i, end))
            step = end - i
            break
        i += step
    if not hits:
        return []
    done = documented(text)
    return [
        _finding(
            r.rules[rule_id],
            term,
            (tokens[start].start, tokens[end - 1].end),
            text,
            reader.quoted(start),
            done,
        )
        for rule_id, (term, start, end) in sorted(hits.items(), key=lambda item: item[1][1])
    ]
