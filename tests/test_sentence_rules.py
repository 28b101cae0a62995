"""The sentence-rule engine (casework/checks/sentence_rules.py): its quick word test only
skips work, quotations stay the speaker's, and every rule can teach."""

import dataclasses

import pytest

from casework.checks import sentence_rules
from casework.checks.text import Passage
from tests import corpora

TEXTS = [
    text for name in ("", "_hard", "_heldout") for _, text in corpora.notes(f"notes{name}.tsv")
]


def _without_heads(rules):
    return tuple(
        dataclasses.replace(
            rule,
            parts=tuple(dataclasses.replace(part, heads=None) for part in rule.parts),
            unless=dataclasses.replace(rule.unless, heads=None) if rule.unless else None,
            needs=(),
        )
        for rule in rules
    )


def test_the_quick_word_test_never_changes_a_finding(monkeypatch):
    fast = [sentence_rules.check_sentences(Passage(text)) for text in TEXTS]
    slow_rules = _without_heads(sentence_rules.sentence_rules())
    monkeypatch.setattr(sentence_rules, "sentence_rules", lambda: slow_rules)
    slow = [sentence_rules.check_sentences(Passage(text)) for text in TEXTS]
    assert fast == slow
    assert sum(map(len, fast)) > 50  # the corpora do exercise the rules


def test_most_parts_have_a_quick_word_test():
    parts = [part for rule in sentence_rules.sentence_rules() for part in rule.parts]
    assert sum(part.heads is not None for part in parts) >= 0.8 * len(parts)


@pytest.mark.parametrize(
    "text",
    [
        'Client said, "My family is Haitian, so they probably would not want counseling."',
        "Client said, “I can't afford food, but I had my nails done for my sister's wedding.”",
    ],
)
def test_words_inside_a_quotation_are_the_speakers(text):
    assert sentence_rules.check_sentences(Passage(text)) == []


def test_every_rule_teaches_with_a_source_and_marks_its_span():
    rules = sentence_rules.sentence_rules()
    assert len({rule.id for rule in rules}) == len(rules)
    for rule in rules:
        assert rule.message and rule.why and rule.example and rule.source
        assert "{term}" in rule.message
        assert 0 <= rule.mark < len(rule.parts)
    (finding,) = sentence_rules.check_sentences(
        Passage("Pt rated his headache 8/10 but was texting and smiling throughout triage.")
    )
    assert finding.rule == "note.juxtaposition" and finding.severity == "warning"


def test_a_part_tried_by_head_finds_what_the_whole_pattern_finds():
    """Each word is tried only against the phrases that can start with it (for speed); on
    the newest labelled notes that gives the very matches the whole phrase list gives."""
    texts = [text for _, text in corpora.notes("notes_heldout17.tsv")]
    for name in ("documentation_sentences", "documentation_tone"):
        for rule in sentence_rules.sentence_rules(name):
            for part in rule.parts:
                assert part.by_head, (rule.id, "a part the heads cannot index is slow")
                whole = dataclasses.replace(part, by_head=None)
                for text in texts:
                    passage = Passage(text)
                    for start, end, by_head in sentence_rules.sentences(passage):
                        fast = sentence_rules._first_match(part, passage, by_head, start, end)
                        slow = sentence_rules._first_match(whole, passage, by_head, start, end)
                        assert (fast and fast.span()) == (slow and slow.span()), (rule.id, text)
