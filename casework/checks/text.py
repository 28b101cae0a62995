"""Reading a text once for every check: tokens, sentences, clauses and quotations.

All offsets are character offsets into the original text, so findings can mark spans.
Everything here is linear in the length of the text (checked up to 100 000 characters).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$|[\"”’')])|\n\s*\n|\n(?=\s*[-*•\d])")
_CLAUSE_BREAK = re.compile(
    r"[;]|[.!?]+(?=\s|$)|\n|\b(?:but|however|although|though|whereas|yet|while)\b", re.IGNORECASE
)
# Quotations: straight or curly double quotes, curly single quotes, and straight single
# quotes that open after a space or bracket (so apostrophes in "client's" are not quotes).
_QUOTE = re.compile(
    r"\"[^\"\n]{1,2000}\"|“[^”\n]{1,2000}”|‘[^’\n]{1,2000}’(?![^\W_])|(?<![^\s(\[:])'[^'\n]{1,2000}'(?![^\W_])"
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written
    norm: str  # lower-case, straight apostrophes: what rules match on
    start: int
    end: int


class Passage:
    """A text split for checking. Properties are computed once, on first use."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def tokens(self) -> list[Token]:
        return [
            Token(m.group(0), m.group(0).lower().replace("’", "'"), m.start(), m.end())
            for m in _WORD.finditer(self.text)
        ]

    @cached_property
    def norms(self) -> list[str]:
        return [t.norm for t in self.tokens]

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _QUOTE.finditer(self.text)]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _ in self.quotes]

    def in_quote(self, position: int) -> bool:
        return self.quote_at(position) is not None

    def quote_at(self, position: int) -> tuple[int, int] | None:
        """The quotation (start, end) that holds `position`, if any."""
        index = bisect_right(self._quote_starts, position) - 1
        if index >= 0 and position < self.quotes[index][1]:
            return self.quotes[index]
        return None

    @cached_property
    def _quoting_sentences(self) -> frozenset[int]:
        return frozenset(self.sentence_of(start) for start, _ in self.quotes)

    def sentence_quotes(self, position: int) -> bool:
        """Does the sentence around `position` quote someone?"""
        return self.sentence_of(position) in self._quoting_sentences

    @cached_property
    def sentence_breaks(self) -> list[int]:
        return [m.end() for m in _SENTENCE_END.finditer(self.text)]

    @cached_property
    def clause_breaks(self) -> list[int]:
        return [
            m.start() for m in _CLAUSE_BREAK.finditer(self.text) if not self.in_quote(m.start())
        ]

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.sentence_breaks, position)

    def clause_of(self, position: int) -> int:
        return bisect_right(self.clause_breaks, position)

    def token_index_at(self, position: int) -> int:
        return bisect_right(self._starts, position) - 1

    def is_sentence_start(self, index: int) -> bool:
        if index == 0:
            return True
        previous = self.tokens[index - 1]
        between = self.text[previous.end : self.tokens[index].start]
        # an opening quotation mark starts the speaker's own sentence: ', "So I can walk"'
        return bool(re.search(r"[.!?:\n]|[\"“]\s*$", between)) or self.sentence_of(
            previous.start
        ) != self.sentence_of(self.tokens[index].start)
