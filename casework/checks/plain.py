"""Plain language for client-facing text: a reading grade and simpler words.

The grade is the Flesch-Kincaid estimate from `textstat`; the word pairs are in
`casework/rules/plain_words.yaml` with their source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from casework.checks.findings import Finding, Report
from casework.checks.lexicon import Group, PhraseIndex
from casework.checks.text import Passage
from casework.rules import load_rules


@dataclass(frozen=True)
class PlainReport(Report):
    grade: float = 0.0
    target_grade: int = 8


@cache
def _rules() -> tuple[PhraseIndex, str, int]:
    data = load_rules("plain_words")
    group = {
        "id": "plain.simpler-word",
        "category": "plain-language",
        "severity": "info",
        "message": "“{term}” is a harder word than it needs to be.",
        "why": "Clients read their plan and contract themselves; short, common words keep it readable.",
        "example": "",
        "source": data["source"],
        "terms": [f"{words} => {simpler}" for words, simpler in data["words"].items()],
    }
    return PhraseIndex([group]), data["source"], int(data["target_grade"])


def reading_grade(text: str) -> float:
    import textstat  # loads its syllable dictionaries: only when a grade is asked for

    return float(textstat.flesch_kincaid_grade(text)) if text.strip() else 0.0


def check_plain_language(text: str) -> PlainReport:
    index, source, target = _rules()
    passage = Passage(text)
    norms, tokens = passage.norms, passage.tokens
    findings: list[Finding] = []
    for i in range(len(norms)):
        for term in index.matches(norms, i):
            group: Group = term.group
            start, end = tokens[i].start, tokens[i + len(term.words) - 1].end
            findings.append(
                Finding(
                    rule=group.id,
                    category=group.category,
                    severity="info",
                    message=f"{group.message.format(term=text[start:end])} {group.why}",
                    suggestion=f"Try “{term.instead}”.",
                    source=source,
                    start=start,
                    end=end,
                )
            )
            break
    grade = round(reading_grade(text), 1)
    if grade > target:
        findings.append(
            Finding(
                rule="plain.reading-grade",
                category="plain-language",
                severity="warning",
                message=(
                    f"This reads at about grade {grade}; aim for grade {target} or below so the client "
                    "can read it without help."
                ),
                suggestion="Split long sentences (one idea each), and use the simpler words suggested.",
                source=source,
                start=0,
                end=len(text),
            )
        )
    strengths = (
        (f"Reads at about grade {grade}: within reach of most readers.",) if grade <= target else ()
    )
    return PlainReport(tuple(findings), strengths, grade, target)
