"""Word lists as data: a phrase index built from YAML rule groups.

A term is written `PHRASE [!NEXT|NEXT...] [^PREVIOUS|PREVIOUS...] [~NEAR|NEAR...] [=> INSTEAD]`:

- PHRASE lists alternative phrases separated by `|` (`claims|claimed|bad attitude`);
  within a phrase, `/` lists alternative words for one slot (`expressed/voiced anger/fear`
  is four phrases);
  a hyphenated word matches as two words or as one (`non-compliant`, `noncompliant`);
- `!` lists words that cancel the match when they come next (`alcoholic !beverage`);
- `^` lists words that cancel it when they come just before (`resistant ^treatment`);
- `~` lists words that cancel it when they come within the next four words (`claimed
  ~prize` lets "claimed her raffle prize" pass);
- `=> INSTEAD` is the better wording shown to the learner;
- `*` stands for any one word (`not take * seriously`); it cannot come first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_TERM = re.compile(
    r"^(?P<phrase>[^!^~=]+?)\s*(?:!(?P<next>\S+))?\s*(?:\^(?P<prev>\S+))?\s*(?:~(?P<near>\S+))?"
    r"\s*(?:=>\s*(?P<instead>.+))?$"
)


@dataclass(frozen=True)
class Group:
    """A rule: one principle, one message, many terms."""

    id: str
    category: str
    severity: str
    message: str
    why: str
    example: str
    source: str
    context: str = "any"
    attribution_excuses: bool = True
    diagnosis_excuses: bool = False
    observable_excuses: bool = False  # behaviour recorded after it, in its sentence, earns it
    quote_excuses: bool = False  # a quotation in its sentence supplies what it lacked


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    group: Group
    instead: str | None = None
    not_next: frozenset[str] = field(default_factory=frozenset)
    not_previous: frozenset[str] = field(default_factory=frozenset)
    not_near: frozenset[str] = field(default_factory=frozenset)


def _word_forms(word: str) -> list[tuple[str, ...]]:
    """One written word as token sequences: `non-compliant` → (non, compliant) and
    (noncompliant,); `voiced/expressed` → (voiced,) and (expressed,)."""
    forms: list[tuple[str, ...]] = []
    for alternative in word.split("/"):
        parts = tuple(p for p in alternative.split("-") if p)
        forms += [parts, ("".join(parts),)] if len(parts) > 1 else [parts]
    return forms


def _expand(phrases: str) -> list[tuple[str, ...]]:
    expanded = []
    for phrase in phrases.lower().split("|"):
        slots = [_word_forms(word) for word in phrase.split()]
        expanded += [
            tuple(t for part in combo for t in part) for combo in itertools.product(*slots)
        ]
    return list(dict.fromkeys(expanded))


def parse_term(text: str, group: Group) -> list[Term]:
    match = _TERM.match(text.strip())
    if not match:
        raise ValueError(f"cannot read term {text!r} in rule {group.id}")
    not_next = frozenset(match["next"].lower().split("|")) if match["next"] else frozenset()
    not_previous = frozenset(match["prev"].lower().split("|")) if match["prev"] else frozenset()
    not_near = frozenset(match["near"].lower().split("|")) if match["near"] else frozenset()
    return [
        Term(words, group, match["instead"], not_next, not_previous, not_near)
        for words in _expand(match["phrase"].replace("’", "'"))
    ]


_NEAR = 4  # how far `~` words are looked for after a term


class PhraseIndex:
    """Terms indexed by their first word; candidates longest first."""

    def __init__(self, groups: list[dict[str, Any]]):
        self.by_first: dict[str, list[Term]] = {}
        for spec in groups:
            terms = spec.pop("terms")
            group = Group(**spec)
            for text in terms:
                for term in parse_term(text, group):
                    self.by_first.setdefault(term.words[0], []).append(term)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda term: -len(term.words))
        # The candidates for a first word and the word after it, longest first: a common
        # first word ("a", "like", "the") then offers a handful of terms, not dozens.
        self._open: dict[str, list[Term]] = {}  # one word long, or "*" in second place
        self._by_pair: dict[tuple[str, str], list[Term]] = {}
        for first, candidates in self.by_first.items():
            for term in candidates:
                if len(term.words) == 1 or term.words[1] == "*":
                    self._open.setdefault(first, []).append(term)
                else:
                    self._by_pair.setdefault((first, term.words[1]), []).append(term)
        for (first, _), candidates in self._by_pair.items():
            candidates.extend(self._open.get(first, ()))
            candidates.sort(key=lambda term: -len(term.words))

    def matches(self, norms: list[str], index: int) -> list[Term]:
        first = norms[index]
        if first not in self.by_first:
            return []
        if index + 1 < len(norms):
            pair = self._by_pair.get((first, norms[index + 1]))
            if pair is not None:
                return matching(norms, index, pair)
        return matching(norms, index, self._open.get(first, ()))


def matching(norms: list[str], index: int, candidates: Iterable[Term]) -> list[Term]:
    """The candidates that match at `index`: their words, then the words around them."""
    found = []
    for term in candidates:
        end = index + len(term.words)
        if end > len(norms) or any(
            w != "*" and w != n for w, n in zip(term.words, norms[index:end], strict=False)
        ):
            continue
        if end < len(norms) and norms[end] in term.not_next:
            continue
        if index > 0 and norms[index - 1] in term.not_previous:
            continue
        if term.not_near and not term.not_near.isdisjoint(norms[end : end + _NEAR]):
            continue
        found.append(term)
    return found
