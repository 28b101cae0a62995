"""De-identification patterns (HIPAA Safe Harbor identifiers) on narrative text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.checks.deid import find_identifiers, identifiers_in_document


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("Write to her at dana.k@example.org today.", "deid.email", "dana.k@example.org"),
        ("She found us at www.example.org/help.", "deid.url", "www.example.org/help."),
        ("Her SSN is 123-45-6789.", "deid.ssn", "123-45-6789"),
        ("Call her on (555) 201-3344 after work.", "deid.phone", "(555) 201-3344"),
        ("See case #A12345 for details.", "deid.record-number", "case #A12345"),
        ("We met on March 3rd at the office.", "deid.date", "March 3rd"),
        ("Seen again 4/12/2023.", "deid.date", "4/12/2023"),
        ("He lives at 221 Maple Street with a cat.", "deid.street-address", "221 Maple Street"),
        ("The ZIP is 90210.", "deid.zip-code", "90210"),
        ("She is a 93-year-old widow.", "deid.age-over-89", "93-year-old"),
        ("The router was at 10.0.0.12.", "deid.ip-address", "10.0.0.12"),
        ("Her son Mateo came along.", "deid.name", "Mateo"),
        ("Met with Mrs. Halvorsen at home.", "deid.name", "Halvorsen"),
    ],
)
def test_each_identifier_is_found_at_its_place(text, rule, found):
    report = find_identifiers(text)
    finding = next(f for f in report.findings if f.rule == rule)
    assert text[finding.start : finding.end] == found
    assert finding.suggestion and finding.source
    assert not report.ok


def test_clean_narrative_passes():
    text = "On day 14 the client said she had paid two months of rent. She is 82 and lives alone."
    assert find_identifiers(text).findings == ()


def test_declared_names_are_accepted_whole_and_in_parts():
    text = "Mr. Moss said his daughter Ruth calls on Sundays. Edwin Moss smiled."
    assert find_identifiers(text, ["Edwin Moss", "Ruth"]).findings == ()
    assert [f.rule for f in find_identifiers(text, ["Ruth"]).findings] == ["deid.name"]


def test_document_findings_carry_the_field_path():
    found = identifiers_in_document({"client": {"notes": ["fine", "phone 555-201-3344"]}}, [])
    assert [(path, f.rule) for path, f in found] == [("client.notes.1", "deid.phone")]


@given(st.sampled_from(["Marisol", "Teo", "Andre"]), st.sampled_from(["son", "partner", "friend"]))
def test_a_declared_name_after_any_cue_is_never_flagged(name, relation):
    assert find_identifiers(f"Her {relation} {name} came in.", [name]).findings == ()
