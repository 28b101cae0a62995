"""Per-item results on the labelled corpora (written for this project, in tests/data)."""

import pytest

from casework.checks.deid import find_identifiers
from casework.checks.goal import check_goal
from casework.checks.note import check_note
from tests import corpora


def test_corpora_are_large_enough_and_balanced():
    notes, goals, deid = corpora.notes(), corpora.goals(), corpora.deid()
    assert len(notes) >= 80 and len(goals) >= 40 and len(deid) >= 60
    for items, positive in ((notes, "judgmental"), (goals, "smart"), (deid, "identifier")):
        share = sum(item[0] == positive for item in items) / len(items)
        assert 0.4 <= share <= 0.6


@pytest.mark.parametrize(("label", "text"), corpora.notes(), ids=lambda v: v[:40])
def test_note_sentence(label, text):
    report = check_note(text)
    if label == "judgmental":
        assert not report.ok, "a judgment or label was not flagged"
        flagged = [f for f in report.findings if f.severity != "info"]
        assert all(f.suggestion and f.source and f.message for f in flagged)
    else:
        assert report.ok, [(f.rule, text[f.start : f.end]) for f in report.findings]


@pytest.mark.parametrize(("label", "text"), corpora.goals(), ids=lambda v: v[:40])
def test_goal(label, text):
    report = check_goal(text)
    assert report.smart is (label == "smart"), {k: v.met for k, v in report.criteria.items()}
    assert report.ok is report.smart


@pytest.mark.parametrize(("label", "text", "expected"), corpora.deid(), ids=lambda v: str(v)[:40])
def test_deid_text(label, text, expected):
    report = find_identifiers(text)
    found = [text[f.start : f.end] for f in report.findings]
    if label == "identifier":
        for identifier in expected:
            assert any(identifier in span for span in found), (identifier, found)
        assert all(f.suggestion.startswith("Generalise it:") for f in report.findings)
    else:
        assert found == []
