"""The documentation coach reads context: quotes, attribution, diagnoses, who is described."""

import pytest

from casework.checks.note import check_contact_note, check_note


def flagged(text: str) -> list[str]:
    return [text[f.start : f.end] for f in check_note(text).findings if f.severity != "info"]


@pytest.mark.parametrize(
    "text",
    [
        "Client CLAIMS she paid.",
        "Client Claimed she paid.",
        "She insisted she paid.",
        "He keeps insisting he paid.",
    ],
)
def test_inflections_and_capitalisation(text):
    assert len(flagged(text)) == 1


def test_words_inside_a_verbatim_quote_are_the_clients():
    assert flagged('Client said, "I was lazy and I refused the bed."') == []
    assert flagged("Client said, “I'm an addict and I know it.”") == []
    assert flagged("She was lazy and refused the bed.") == ["lazy", "refused"]  # not quoted


def test_attributed_labels_become_a_suggestion_to_quote():
    report = check_note("Her mother said she is lazy.")
    assert report.ok
    (finding,) = report.findings
    assert finding.severity == "info" and "exact words" in finding.message


def test_attribution_by_the_worker_is_not_attribution():
    assert flagged("Worker said client is lazy.") == ["lazy"]


def test_attribution_ends_with_the_clause():
    assert flagged("Client said she paid, but she is clearly lying.") == ["clearly lying"]


def test_feelings_attributed_to_the_client_are_fine():
    assert flagged("Client said she was angry.") == []
    assert flagged("Client reported feeling hopeless.") == []
    assert flagged("Client was angry.") == ["angry"]


def test_a_cited_diagnosis_is_not_a_label():
    assert flagged("Client was diagnosed with bipolar disorder by her psychiatrist.") == []
    assert flagged("Client is bipolar.") == ["bipolar"]
    assert flagged("Client has ADHD.") == []  # a condition the client has, not a label


def test_adjectives_only_judge_people():
    assert flagged("It was difficult to reach the office by bus.") == []
    assert flagged("Client was difficult.") == ["difficult"]
    assert flagged("The difficult client left early.") == ["difficult"]
    assert flagged("Client was loud and aggressive.") == ["aggressive"]


def test_clean_and_dirty_only_for_tests_and_use():
    assert flagged("The apartment was clean.") == []
    assert flagged("Client's clothes were dirty.") == []
    assert flagged("The screen came back dirty.") == ["dirty"]
    assert flagged("Client has been clean since day 3.") == ["clean"]


def test_blame_words_only_for_the_client():
    assert flagged("The landlord refused the payment plan.") == []
    assert flagged("Her request was refused by the landlord.") == []
    assert flagged("Client refused the payment plan.") == ["refused"]


def test_scare_quotes_read_as_doubt():
    assert flagged('Client has "back pain" again.') == ['"back pain"']
    assert flagged('Client described the room as "cold."') == []


def test_findings_teach_what_why_and_a_better_version():
    (finding,) = check_note("Client is an addict.").findings
    assert "person with a substance use disorder" in finding.suggestion
    assert "NIDA" in finding.source
    assert finding.message.startswith("“addict” is a stigmatizing term.")


def test_quoting_the_client_is_praised():
    assert check_note('Client said, "I brought everything."').strengths


COMPLETE = (
    "Day 14, home visit. Present: client and her sister. Client said, “The fund paid the rent.” "
    "Gave a bus pass and referred her to the food pantry. Next step: client will bring the lease to the next visit."
)


def test_a_complete_contact_note_passes():
    report = check_contact_note(COMPLETE)
    assert report.ok, [f.rule for f in report.findings]
    assert any("records the date" in s for s in report.strengths)


@pytest.mark.parametrize(
    ("removed", "rule"),
    [
        ("Day 14, ", "note.completeness.date"),
        ("home visit. ", "note.completeness.method"),
        ("Client said, “The fund paid the rent.” ", "note.completeness.client-statement"),
        (
            "Next step: client will bring the lease to the next visit.",
            "note.completeness.next-step",
        ),
    ],
)
def test_each_missing_element_is_named(removed, rule):
    report = check_contact_note(COMPLETE.replace(removed, ""))
    completeness = [f for f in report.findings if f.category == "completeness"]
    assert [f.rule for f in completeness] == [rule]
    assert completeness[0].suggestion.startswith("Add it, for example:")


def test_contact_notes_get_language_feedback_too_but_plain_checks_do_not_ask_for_completeness():
    assert "note.credibility" in {
        f.rule for f in check_contact_note("Client claims she paid.").findings
    }
    assert all(f.category != "completeness" for f in check_note("Client said she paid.").findings)
