"""The labelled corpora in tests/data: read once, shared by the tests and the benchmark.

Each kind has a first corpus of plain sentences (`notes.tsv`, `goals.tsv`, `deid.tsv`) and
a second, harder one in real case-note style (`*_hard.tsv`, issue 15), written blind by
someone who had not seen the checks, and a third written the same way and first scored
as held-out sets (`*_heldout.tsv` to `*_heldout18.tsv`: other writers' voices, subtler forms, new settings).
`notes_train1.tsv` to `notes_train9.tsv` (no fifth: `*_train5.tsv` holds goals and de-identification lines) are training text for the coach's word model only
(400-odd lines each in twenty or more settings, written blind the same way; the second leans
on careful neutral lines, the third and fourth pair each judgment with a neutral neighbour in
the same situation); they are not asserted line by line.
"""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def notes(name: str = "notes.tsv") -> list[tuple[str, str]]:
    return [(label, text) for label, text in rows(name)]


def goals(name: str = "goals.tsv") -> list[tuple[str, str]]:
    return [(label, text) for label, text in rows(name)]


def deid(name: str = "deid.tsv") -> list[tuple[str, str, list[str]]]:
    return [(row[0], row[1], row[2].split("|") if len(row) > 2 else []) for row in rows(name)]


def safety() -> list[tuple[str, str, str]]:
    """(label, rule, sentence): fires | near-miss | responded, and the safety rule it tests."""
    return [(label, rule, text) for label, rule, text in rows("safety.tsv")]
