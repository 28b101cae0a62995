"""The tone check: a cue names the words and the reason, the word model only confirms."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import casework.checks.tone as tone
from casework.checks.note import check_note

ROOT = Path(__file__).resolve().parent.parent

# One judgment in fresh wording per tone rule: the rule that speaks, and the words it marks.
JUDGMENTS = [
    (
        "note.tone.undercut",
        "interesting",
        "Mom says she has been sober since March, interesting given how she slurred on the phone.",
    ),
    (
        "note.tone.report-undercut",
        "although",
        "Youth told night staff he has no family nearby, although a cousin's car dropped him off.",
    ),
    ("note.tone.habit", "as usual", "Cl rolled in at 11:40 for her 9:00, late as usual."),
    (
        "note.tone.comparison",
        "wolf pack",
        "The boys on the second floor ran the halls as a wolf pack after lights-out.",
    ),
    (
        "note.tone.motive",
        "right around the time",
        "Res became remarkably cooperative right around the time his court progress report was due.",
    ),
    (
        "note.tone.guess",
        "probably",
        "Mom will probably skip the visit like she skips everything else.",
    ),
    (
        "note.tone.stereotype",
        "at his age",
        "At his age he has no use for a smartphone, so CM skipped the app sign-up.",
    ),
    (
        "note.tone.sarcasm",
        "keynote",
        "Yth delivered his nightly keynote on why curfew is beneath him.",
    ),
    (
        "note.tone.condescension",
        "the way you would a child",
        "CM reminded cl, the way you would a child, that appointments start on time.",
    ),
    (
        "note.tone.moralized",
        "fell victim",
        "Mother fell victim to meth after the baby's father walked out.",
    ),
]

# Neutral sentences that hold a cue word or a near neighbour of one: none may be flagged.
NEUTRAL = [
    "She works nights, so she can take her son to school in the morning.",
    "Client came from Guatemala in 2019 and works at a bakery.",
    "Client grew up in foster care and aged out at 18.",
    "Client asked for a bus pass so he can get to the clinic on Tuesdays.",
    "The pharmacy finally approved the refill on day 12.",
    "Mother attended every session of the parenting class, per the sign-in sheet.",
    "Client seemed tired; she said she worked a double shift.",
    "Client will probably need a ride on Friday; CM booked the van.",
    "Staff walked her through the benefits portal step by step at her request.",
    "The interpreter explained the lease in Dari; client asked two questions about the deposit.",
    "Youth said he was bored in group and left at 7:40.",
    "The timing of the hearing was moved to March 3 by the court.",
    "Client said her excuse note from the doctor was lost; CM requested a copy.",
    "Client chose to move in with her sister on day 12.",
    "Dad said he is worried the kids will fall behind; CM shared the tutoring flyer.",
    "Client lives in a household of five; her mother owns the home.",
    "Client brought her creative writing folder to show CM.",
    "The group watched a TED talk on budgeting and discussed it for 20 minutes.",
    "Client is kind enough to let CM use her kitchen table for the paperwork, she said.",
    "Client reports she takes two buses to work, though the route changes in winter.",
    "Client's den is used as a bedroom for her two sons.",
    "Client missed the bus again on Tuesday and arrived at 10:15; she asked for a later slot.",
    "The keynote at the job fair covered resumes; client attended and took notes.",
    "Client said she paid the rent on day 3, but the landlord has not sent a receipt yet.",
    "Client threw away the expired food in the fridge during the visit.",
]


def _tone(text: str):
    return [f for f in check_note(text).findings if f.rule.startswith("note.tone")]


@pytest.mark.parametrize(("rule", "marked", "text"), JUDGMENTS, ids=[j[0] for j in JUDGMENTS])
def test_a_judgment_in_fresh_wording_is_named_with_its_words_and_a_reason(rule, marked, text):
    findings = _tone(text)
    assert [f.rule for f in findings] == [rule]
    finding = findings[0]
    assert text[finding.start : finding.end].lower() == marked
    assert f"“{text[finding.start : finding.end]}”" in finding.message
    assert finding.suggestion and "→" in finding.suggestion and finding.source


@pytest.mark.parametrize("text", NEUTRAL, ids=lambda t: t[:40])
def test_a_neutral_sentence_with_a_cue_word_is_not_flagged(text):
    assert check_note(text).ok, [(f.rule, text[f.start : f.end]) for f in check_note(text).findings]


def test_the_model_alone_never_flags_a_sentence(monkeypatch):
    # The model sure of a judgment, but no cue to name: the student is told nothing.
    monkeypatch.setattr(tone, "likelihood", lambda text: 1.0)
    for text in ("Client arrived at 9:40 for a 9:00 appointment.", "Cl brought two pay stubs."):
        assert _tone(text) == []


def test_a_cue_is_only_raised_when_the_model_confirms_it(monkeypatch):
    text = JUDGMENTS[7][2]
    assert _tone(text)
    monkeypatch.setattr(tone, "likelihood", lambda text: 0.0)
    assert _tone(text) == []


def test_a_sentence_another_rule_already_flags_gets_no_second_tone_finding(monkeypatch):
    monkeypatch.setattr(tone, "likelihood", lambda text: 1.0)  # only the other rule can stop it
    text = "Client is lazy and, as usual, late."
    rules = [f.rule for f in check_note(text).findings]
    assert "note.tone.habit" not in rules and any(not r.startswith("note.tone") for r in rules)


def test_the_tone_in_a_quotation_is_the_speakers(monkeypatch):
    monkeypatch.setattr(tone, "likelihood", lambda text: 1.0)  # only the quotation can stop it
    assert _tone('Client said, "My landlord gave his usual keynote about the rules."') == []
    assert _tone("My landlord gave his usual keynote about the rules.")


def test_the_shipped_model_is_the_one_the_labelled_sentences_train():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_tone_model.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_same_note_gets_the_same_reading_in_every_process():
    """The model's sums do not depend on the order Python happens to keep a set in (it
    changes from one process to the next): a sentence at a threshold is read the same way
    every time a student checks it."""
    code = (
        "from casework.checks import tone;"
        "print(repr(tone._lean('no one in the office buys')),"
        " repr(tone.likelihood('Dad denies any drug use, which no one in the office buys.')))"
    )
    readings = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        readings.add(run.stdout)
    assert len(readings) == 1, readings
