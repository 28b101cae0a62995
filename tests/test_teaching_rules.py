"""Issue 13: the checks teach what the reference texts and the law teach.

Each test names the practice rule it holds the product to, and the rule's source. The
reference texts are in `../shared/reference/`: the practice guide (002), the white paper
on effective case management (000/001) and the encyclopedia entry (004).
"""

import pytest

from casework.checks.deid import find_identifiers
from casework.checks.goal import check_goal
from casework.checks.intake import check_rapport
from casework.checks.monitoring import check_event_note
from casework.checks.note import check_note
from casework.model import EventKind, Intake


def _rules(report) -> set[str]:
    return {f.rule for f in report.findings if f.severity != "info"}


def _all_rules(report) -> set[str]:
    return {f.rule for f in report.findings}


# --- 1. feelings: observable detail passes; a summary of a feeling asks for the words ---


def test_a_feeling_followed_by_what_was_seen_is_the_practice_guides_model_sentence():
    """Practice guide (002), documentation: write 'Client appeared agitated, spoke rapidly,
    paced during session' — a feeling word with the behaviour that shows it."""
    report = check_note("Client appeared agitated, spoke rapidly, paced during session.")
    assert report.ok, report.findings


@pytest.mark.parametrize(
    "text",
    [
        "Client was agitated and pacing.",
        "Client seemed upset: she cried and said, “I can't do this.”",
        "Client appeared anxious; her hands shook and she asked twice about the deadline.",
    ],
)
def test_a_feeling_with_its_observable_detail_passes(text):
    """Practice guide (002): a feeling word earned by the behaviour recorded beside it."""
    assert check_note(text).ok, check_note(text).findings


@pytest.mark.parametrize("text", ["Client was angry.", "Client is sad and hopeless."])
def test_a_feeling_stated_alone_as_fact_is_still_flagged(text):
    """Practice guide (002): no interpretation without the behaviour behind it."""
    assert "note.feeling-as-fact" in _rules(check_note(text))


def test_client_expressed_hopelessness_asks_for_the_clients_own_words():
    """Practice guide (002): 'Client stated “I can't take this anymore”' vs. 'Client
    expressed hopelessness' — record important statements verbatim."""
    report = check_note("Client expressed hopelessness.")
    assert not report.ok
    finding = next(f for f in report.findings if f.rule == "note.summarized-feeling")
    assert "words" in finding.message and finding.suggestion
    assert "002" in (finding.source or "") or "practice guide" in (finding.source or "").lower()


def test_a_feeling_with_the_clients_quote_needs_nothing_more():
    """Practice guide (002): the verbatim statement is what the summary was missing."""
    report = check_note("Client expressed hopelessness: “I can't take this anymore.”")
    assert report.ok, report.findings


# --- 2. reflection is empathy, not sympathy, reassurance, advice or judgement -------------

_INTAKE = dict(
    confidentiality_explained=True,
    confidentiality_limits_explained=True,
    client_wants="“I want to keep the apartment.”",
    client_hopes="“That the kids stop worrying.”",
    client_strengths="“I don't give up.”",
)


@pytest.mark.parametrize(
    ("reflection", "kind"),
    [
        ("Don't worry, everything will be fine.", "reassurance"),
        ("You poor thing, I feel so sorry for you.", "sympathy"),
        ("You should just call the landlord and ask for more time.", "advice"),
        ("You should have paid the rent before buying anything else.", "judgement"),
    ],
)
def test_reassurance_sympathy_advice_and_judgement_are_not_reflections(reflection, kind):
    """White paper (001), 'Convey empathy': empathy is different from sympathy; suspend your
    own judgements; use reflection to clarify what the client is saying."""
    report = check_rapport(Intake(reflection=reflection, **_INTAKE))
    assert not any("reflected back" in s for s in report.strengths)
    finding = next(f for f in report.findings if f.rule.startswith("intake.rapport.reflection"))
    assert finding.rule == f"intake.rapport.reflection.{kind}"  # a stable id
    assert kind.replace("judgement", "judgment") in finding.message.lower()  # US English
    assert "sympathy" in finding.message.lower() or "empathy" in finding.message.lower()
    assert finding.suggestion


def test_a_real_reflection_is_still_praised():
    """White paper (001): reflection clarifies what the client is saying."""
    report = check_rapport(
        Intake(
            reflection="It sounds like you have been holding everything together on your own.",
            **_INTAKE,
        )
    )
    assert any("reflected back" in s for s in report.strengths)
    assert not any(f.rule.startswith("intake.rapport.reflection") for f in report.findings)


# --- 3. SMART: outcome verbs need a way to verify them; compliance is not a client goal ---


def test_an_outcome_with_no_way_to_verify_it_is_neither_specific_nor_measurable():
    """Doran 1981; NASW standard 6 ('specific, attainable, measurable objectives')."""
    report = check_goal("Client will find housing soon.")
    assert report.criteria["specific"].met is False
    assert report.criteria["measurable"].met is False


def test_compliance_with_program_rules_is_not_a_client_goal():
    """NASW standard 6 and Code of Ethics 1.02: goals are the client's own, not the
    program's rules restated."""
    report = check_goal("Client will comply with all program rules within 30 days.")
    assert not report.smart
    assert "compl" in report.criteria["specific"].reason.lower()


def test_a_wish_is_a_priority_not_yet_a_goal():
    """Practice guide (002), care planning: convert what the client wants into actions."""
    report = check_goal(
        "Within 2 weeks Jordan wants to have a room where nobody can tell them to leave."
    )
    assert not report.smart
    assert "wish" in report.criteria["specific"].reason.lower()


def test_maintain_sobriety_names_a_state_not_an_action():
    """Doran 1981: specific means an observable action or result."""
    assert check_goal("Client will maintain sobriety.").criteria["specific"].met is False


def test_a_weekly_count_over_a_set_period_is_measurable():
    """Doran 1981: a frequency over a period is a count anyone can check."""
    report = check_goal(
        "Edwin will eat lunch at the veterans' club with friends every Thursday for the next 8 weeks."
    )
    assert report.criteria["measurable"].met is True
    assert report.smart


@pytest.mark.parametrize(
    "goal",
    [
        "Client will obtain a state ID card within 30 days.",
        "Client will get a replacement Social Security card within 30 days.",
        "Within 60 days, client will obtain a part-time job of at least 20 hours a week.",
    ],
)
def test_an_outcome_verb_with_its_proof_stays_smart(goal):
    """Doran 1981: a document in hand or a count verifies an outcome."""
    assert check_goal(goal).smart


# --- 4 and 5. deadlines: hours are hours; an explicit deadline wins ------------------------


def test_hours_are_not_days_crisis_goals_are_measured_in_hours():
    """Crisis response is counted in hours: 48 hours is two days, not 48."""
    assert check_goal("Client will call the crisis line within 48 hours.").deadline_days == 2
    assert check_goal("Client will sign the safety plan within 24 hours.").deadline_days == 1


def test_an_explicit_deadline_wins_over_a_duration_inside_the_goals_object():
    """The written contract's time limits (encyclopedia 004, contracting) must be the ones
    the goal states: 'By day 30' is day 30, whatever 'two months of back rent' says."""
    goal = "By day 30, Marisol will apply to the Rent Relief Fund for the two months of back rent."
    assert check_goal(goal).deadline_days == 30


# --- 6. negation and attribution; missing labels ------------------------------------------


def test_a_negated_label_with_an_observation_is_not_a_label():
    """NASW standard 10: the record describes; 'not a difficult person' denies the label."""
    assert check_note("Client is not a difficult person; she was calm throughout.").ok


def test_a_judgement_of_a_third_person_is_not_a_judgement_of_the_clients_character():
    """NASW standard 10: record what was done and who reported it, whoever it is about."""
    report = check_note("Her boyfriend is abusive.")
    finding = next(f for f in report.findings if f.severity != "info")
    assert "client's character" not in finding.message
    assert "boyfriend" in finding.message or "person" in finding.message


@pytest.mark.parametrize(
    ("text", "word"), [("Client is a mess.", "mess"), ("Client OD'd.", "OD'd")]
)
def test_slang_labels_are_flagged(text, word):
    """Park et al. 2021 (disapproval); NIDA Words Matter (overdose, said plainly)."""
    report = check_note(text)
    assert not report.ok
    assert any(word in text[f.start : f.end] for f in report.findings)


# --- 7. one accurate reason per word -------------------------------------------------------


def test_elderly_is_named_as_ageist_wording_not_doubt_or_blame():
    """AP Stylebook and the Gerontological Society's reframing guide: 'older adult'."""
    finding = next(f for f in check_note("The elderly client lives alone.").findings)
    assert "doubt or blame" not in finding.message
    assert "age" in finding.message.lower()
    assert "older adult" in (finding.suggestion or "")


def test_prescription_abuse_becomes_misuse_not_substance_use():
    """NIDA Words Matter: 'misuse' or 'used other than prescribed' for prescription drugs."""
    finding = next(f for f in check_note("History of prescription abuse.").findings)
    assert "misuse" in (finding.suggestion or "") or "other than prescribed" in (
        finding.suggestion or ""
    )


# --- 8. de-identification: states are allowed; agencies and towns are not people ---------


@pytest.mark.parametrize("text", ["She moved here from Texas.", "His sister lives in Ohio."])
def test_a_state_is_not_an_identifier_under_safe_harbor(text):
    """HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(B): geographic units smaller than a
    state are identifiers; the state itself is not."""
    assert find_identifiers(text).ok, find_identifiers(text).findings


def test_an_agency_acronym_is_not_a_persons_name():
    """45 CFR 164.514(b)(2)(i)(A): names of persons; 'APS' is an agency."""
    report = find_identifiers("The case manager called APS the same day.")
    assert "deid.name" not in _all_rules(report)


def test_a_town_is_a_place_not_a_persons_name():
    """45 CFR 164.514(b)(2)(i)(B): a city is a place smaller than a state."""
    report = find_identifiers("The family moved to Springfield last year.")
    assert "deid.name" not in _all_rules(report)
    assert "deid.place" in _all_rules(report)


# --- 9. completeness depends on what kind of contact it was -------------------------------


def test_a_missed_contact_note_needs_no_participants_quotes_or_services():
    """NASW standard 10: record the attempt, what was done to reach the client and the
    next step; a contact that did not happen has no participants or client words."""
    note = (
        "Day 19, phone: called twice, no answer; left a message asking Marisol to call back. "
        "Next step: home visit on day 21."
    )
    assert check_event_note(note, EventKind.appointment_missed).ok
    attended = check_event_note(note, EventKind.appointment_attended)
    assert "note.completeness.client-statement" in _rules(attended)


def test_a_missed_contact_note_still_needs_the_outreach_and_the_next_step():
    """NASW standard 10: the attempt to reach the client is part of the record."""
    report = check_event_note("Day 19. Client was not there.", EventKind.appointment_missed)
    assert "note.completeness.next-step" in _rules(report)
    assert "note.completeness.method" in _rules(report)


def test_the_pronoun_i_after_a_role_word_is_not_a_name():
    """45 CFR 164.514(b)(2)(i)(A) removes names; "I" after "my supervisor" is the writer."""
    report = find_identifiers("Told her that after talking with my supervisor I am asking CPS.")
    assert "deid.name" not in _all_rules(report)
