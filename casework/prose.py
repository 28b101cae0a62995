"""Joining a student's phrases into the sentences the product shows, without doubled
quotes or punctuation: what the student typed may or may not end in a full stop or come
in quotation marks, and the sentence around it must read right either way."""

from __future__ import annotations

from collections.abc import Iterable

_QUOTES = "\"'“”‘’«»"
_ENDINGS = ".!?…"
_TRAILING = ".;,: "


def clause(text: str) -> str:
    """`text` as a clause inside a longer sentence: trimmed, without its own last stop."""
    return text.strip().rstrip(_TRAILING).strip()


def clauses(items: Iterable[str]) -> str:
    """Phrases as one clause list: "a; b; c" (empty ones left out)."""
    return "; ".join(c for c in (clause(item) for item in items) if c)


def sentence(text: str) -> str:
    """`text` as a whole sentence: trimmed and ending in a stop (one, not two)."""
    text = text.strip()
    if not text:
        return ""
    if text.endswith("..") and not text.endswith("..."):
        text = text.rstrip(".") + "."  # "stable.." is a slip, "stable..." an ellipsis
    bare = text.rstrip(_QUOTES)
    if bare.endswith(tuple(_ENDINGS)):
        return text
    return clause(text) + "."


def sentences(items: Iterable[str]) -> str:
    """Several sentences in a row, each ending in a stop: never "…are met The client…"."""
    return " ".join(s for s in (sentence(item) for item in items) if s)


def quoted(text: str) -> str:
    """The client's words in curly quotes, once, whether or not they were typed quoted."""
    text = text.strip()
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return f"“{text}”"


def purpose(text: str) -> str:
    """What a release of information is for, as a phrase after a colon or in brackets:
    "for legal advice" or "to book legal advice", never "for to book legal advice"."""
    text = clause(text)
    first = text.split(" ", 1)[0].lower()
    return text if first in {"to", "for", "so", "in"} else f"for {text}"
