"""De-identification patterns (HIPAA Safe Harbor identifiers) on narrative text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.checks.deid import find_identifiers, identifiers_in_document


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("Write to her at dana.k@example.org today.", "deid.email", "dana.k@example.org"),
        ("She found us at www.example.org/help today.", "deid.url", "www.example.org/help"),
        ("Her SSN is 123-45-6789.", "deid.ssn", "123-45-6789"),
        ("Call her on (555) 201-3344 after work.", "deid.phone", "(555) 201-3344"),
        ("See case #A12345 for details.", "deid.record-number", "case #A12345"),
        ("She works at Walmart on weekends.", "deid.employer", "Walmart"),
        ("He is a senior at Lincoln High School.", "deid.school", "Lincoln High School"),
        ("Talked to DANA REYES today.", "deid.name", "DANA REYES"),
        ("spoke with maria about rent", "deid.name", "maria"),
        ("She grew up in Cook County.", "deid.place", "Cook County"),
        ("Follow @dana_r88 for updates.", "deid.handle", "@dana_r88"),
        ("We met on March 3rd at the office.", "deid.date", "March 3rd"),
        ("Seen again 4/12/2023.", "deid.date", "4/12/2023"),
        ("He lives at 221 Maple Street with a cat.", "deid.address", "221 Maple Street"),
        ("The ZIP is 90210.", "deid.place", "90210"),
        ("She is a 93-year-old widow.", "deid.age", "93-year-old"),
        ("The router was at 10.0.0.12.", "deid.ip-address", "10.0.0.12"),
        ("Her son Mateo came along.", "deid.name", "Mateo"),
        ("They moved here from Tulsa.", "deid.place", "Tulsa"),
        ("Met with Mrs. Halvorsen at home.", "deid.name", "Halvorsen"),
    ],
)
def test_each_identifier_is_found_at_its_place(text, rule, found):
    report = find_identifiers(text)
    finding = next(f for f in report.findings if f.rule == rule)
    assert found in text[finding.start : finding.end]
    assert finding.suggestion and finding.source
    assert not report.ok


def test_clean_narrative_passes():
    text = "On day 14 the client said she had paid two months of rent. She is 82 and lives alone."
    assert find_identifiers(text).findings == ()


def test_declared_fictional_names_are_always_caught_in_sanitized_text():
    text = "The worker met quillon and her son teo at the office."
    assert find_identifiers(text).findings == ()  # in no name list
    found = [
        text[f.start : f.end] for f in find_identifiers(text, ["Quillon Brae", "Teo"]).findings
    ]
    assert found == ["quillon", "teo"]


def test_scenario_documents_accept_their_declared_names_and_places():
    doc = {
        "summary": "Mr. Moss said his daughter Ruth calls. Edwin Moss smiled.",
        "notes": ["fine"],
    }
    assert identifiers_in_document(doc, ["Edwin Moss", "Ruth"]) == []
    assert [(path, f.rule) for path, f in identifiers_in_document(doc, ["Ruth"])] == [
        ("summary", "deid.name"),
        ("summary", "deid.name"),
    ]


def test_document_findings_carry_the_field_path():
    found = identifiers_in_document({"client": {"notes": ["fine", "phone 555-201-3344"]}}, [])
    assert [(path, f.rule) for path, f in found] == [("client.notes.1", "deid.phone")]


@given(st.sampled_from(["Marisol", "Teo", "Shane"]), st.sampled_from(["son", "partner", "friend"]))
def test_a_declared_name_after_any_cue_is_caught(name, relation):
    text = f"Her {relation} {name} came in."
    assert [text[f.start : f.end] for f in find_identifiers(text, [name]).findings] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Client goes to the Community Center on Fridays.",  # a kind of place, not a particular one
        "An officer brought her to the shelter.",
        "Client was born in 1979.",  # a year alone is allowed
        "Client lost 20 pounds and walks 3 miles a day.",
        "Her daughter is two and her son is in foster care.",
        "I talked it through with my supervisor. As a result we waited a week.",  # no cue across "."
    ],
)
def test_generic_details_are_not_identifiers(text):
    assert find_identifiers(text).findings == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her daughter Aaliyah is two.", "Aaliyah"),  # in no 1990 name list: the relation tells
        ("The worker met mr. nguyen at the library.", "nguyen"),
        ("Officer Ramirez brought her in.", "Ramirez"),
        ("Client said her neighbor Jesus helps.", "Jesus"),
    ],
)
def test_relations_and_titles_mark_names(text, name):
    found = [text[f.start : f.end] for f in find_identifiers(text).findings]
    assert any(name in span for span in found), found


def test_a_person_worked_with_is_a_name_not_an_employer():
    text = "I worked with Maria Lopez for six months."
    (finding,) = find_identifiers(text).findings
    assert (finding.rule, text[finding.start : finding.end]) == ("deid.name", "Maria Lopez")


@pytest.mark.parametrize(
    "text",
    [
        "NIDA's guide asks for person-first words; JAMA published the study.",
        "The National Institute on Drug Abuse recommends person-first language.",
        "The NASW Code of Ethics, 1.07(c), allows disclosure to prevent serious harm.",
        "She owes $3,800 in unpaid court costs.",
        "On day 27 she shows a court letter.",
        "The rota named an adult for every night shift.",
        'He said, "So I can walk to the shop."',
        "Tell the client about the way the service works.",
    ],
)
def test_citations_sums_and_everyday_words_are_not_identifiers(text):
    """False flags the library's scenarios met (issue 19): no identifier in any of these."""
    assert find_identifiers(text).findings == ()


@pytest.mark.parametrize(
    "text",
    [
        "Welcome Marisol at a Thursday meeting.",
        "Call Northside Recovery Clinic by day 2.",
        "She goes to the Tuesday Women's Recovery Circle.",
    ],
)
def test_a_declared_name_after_a_sentences_first_word_or_a_preposition_is_accepted(text):
    allowed = ["Marisol", "Northside Recovery Clinic", "Tuesday Women's Recovery Circle"]
    assert identifiers_in_document({"note": text}, allowed) == []


def test_a_real_looking_name_beside_a_declared_place_is_still_caught():
    found = identifiers_in_document(
        {"note": "Call Northside Recovery Clinic and Dana Reyes today."},
        ["Northside Recovery Clinic"],
    )
    assert [finding.rule for _path, finding in found] == ["deid.name"]


@pytest.mark.parametrize(
    ("text", "found"),
    [("She lives at 12 Elm Court.", "12 Elm Court"), ("Seen on 3/14 at the clinic.", "3/14")],
)
def test_capitalized_street_suffixes_and_plain_dates_are_still_found(text, found):
    assert [text[f.start : f.end] for f in find_identifiers(text).findings] == [found]
