"""Risk language in every text check (issue 14, item 1): what a practitioner does next.

A statement of suicidal or homicidal thoughts, self-harm, an overdose, abuse or neglect of a
child or an older adult, or partner violence is not a wording problem. The safety rules
(`casework/rules/safety.yaml`) say what to do next, with their sources: the Columbia
Protocol (C-SSRS) screener questions, the 988 Suicide & Crisis Lifeline and 911, Stanley-
Brown safety planning, NASW Code of Ethics 1.07(c), CAPTA and state reporting law, state APS
law, SAMHSA's overdose guidance and the National Domestic Violence Hotline. The labelled
lines are in tests/data/safety.tsv: each rule has lines that must fire and near misses that
must not (negated screening results, song and film titles, figures of speech).
"""

import re

import pytest

from casework.checks.intake import check_baseline, check_presenting_issue, check_rapport
from casework.checks.interview import check_story
from casework.checks.note import check_contact_note, check_note
from casework.checks.safety import check_safety, safety_rules
from casework.model import Intake
from casework.rules import load_rules
from tests import corpora

LINES = corpora.safety()


def _safety(text: str):
    return [f for f in check_note(text).findings if f.category == "safety"]


def test_the_safety_corpus_is_large_and_covers_every_rule_both_ways():
    """Issue 14 acceptance: each safety rule has a case that must fire and a near miss that
    must not, in the project's own corpora."""
    assert len(LINES) >= 60
    rules = {rule.id for rule in safety_rules()}
    assert {rule for label, rule, _ in LINES if label == "fires"} == rules
    assert {rule for label, rule, _ in LINES if label == "near-miss"} == rules
    assert sum(label == "near-miss" for label, _, _ in LINES) >= 25


@pytest.mark.parametrize(("label", "rule", "text"), LINES, ids=lambda v: str(v)[:40])
def test_safety_line(label, rule, text):
    found = _safety(text)
    if label == "fires":
        assert rule in {f.rule for f in found}, [(f.rule, f.severity) for f in found]
        assert any(f.rule == rule and f.severity == "warning" for f in found)
        assert not check_note(text).ok, "a risk statement with no documented response passed"
    elif label == "near-miss":
        assert found == [], [(f.rule, text[f.start : f.end]) for f in found]
    else:
        assert rule in {f.rule for f in found}
        assert all(f.severity == "info" for f in found), [(f.rule, f.severity) for f in found]
        assert all("You documented" in f.message for f in found)
        report = check_note(text)
        assert report.ok, [
            (f.rule, f.message[:80]) for f in report.findings if f.severity != "info"
        ]


@pytest.mark.parametrize("rule", safety_rules(), ids=lambda rule: rule.id)
def test_each_safety_rule_fires_on_its_cases_and_not_on_its_near_misses(rule):
    """Per rule, with its source: suicide (C-SSRS, 988), self-harm (C-SSRS), overdose
    (SAMHSA), child (CAPTA, state law), older adult (state APS law), partner violence
    (National Domestic Violence Hotline), harm to others (NASW 1.07(c), duty to warn)."""
    fires = [text for label, r, text in LINES if r == rule.id and label == "fires"]
    misses = [text for label, r, text in LINES if r == rule.id and label == "near-miss"]
    assert fires and misses, rule.id
    for text in fires:
        assert any(f.rule == rule.id for f in check_safety(text)), (rule.source, text)
    for text in misses:
        assert not check_safety(text), (rule.source, text)


def test_columbia_protocol_a_passive_death_wish_in_the_clients_words_is_a_safety_finding():
    """C-SSRS screener question 1 asks about a wish to be dead: "the kids would be better
    off without me" is that wish. Quoting it is good practice and may be praised, but the
    note is not done until the response is documented."""
    text = "Client said, 'Sometimes I think the kids would be better off without me.'"
    report = check_note(text)
    (finding,) = [f for f in report.findings if f.category == "safety"]
    assert finding.rule == "safety.suicide" and finding.severity == "warning"
    assert text[finding.start : finding.end] == "better off without me"
    assert "ask" in finding.message.lower() and "988" in finding.message
    assert "supervisor" in finding.message and "C-SSRS" in finding.message
    assert not report.ok


def test_client_is_suicidal_gets_the_safety_steps_and_a_request_for_the_clients_words():
    """ "Suicidal" is not a diagnosis (so not note.diagnostic-label): it is a risk statement.
    The C-SSRS asks directly; the record keeps the client's words, not the label."""
    findings = check_note("Client is suicidal.").findings
    assert "note.diagnostic-label" not in {f.rule for f in findings}
    (finding,) = [f for f in findings if f.category == "safety"]
    assert finding.severity == "warning"
    assert "quotation marks" in finding.message
    label_terms = next(
        g["terms"]
        for g in load_rules("documentation")["groups"]
        if g["id"] == "note.diagnostic-label"
    )
    assert not any(re.search(r"\bsuicidal\b", term) for term in label_terms)


def test_c_ssrs_a_negated_screening_result_is_not_a_risk_statement():
    """A documented negative screen is the response, not a risk: no finding at all."""
    for text in (
        "Client denies suicidal ideation, intent or plan on today's screening.",
        "No thoughts of self-harm reported.",
        "Client reported no thoughts of killing herself and no plan.",
        "Suicidal thoughts: none. Homicidal thoughts: denied.",
    ):
        assert check_safety(text) == [], text


def test_a_song_or_film_title_the_client_quoted_is_not_a_risk_statement():
    for text in (
        "Client sang along to a song called 'I Want to Die' in the waiting room.",
        'She said her favourite album track is "Better Off Dead".',
    ):
        assert check_safety(text) == [], text
    # the same words as the client's own statement are
    assert check_safety("Client said, 'I want to die.'")


def test_clearly_figurative_idioms_are_not_risk_statements_but_intent_is():
    for text in (
        "I could kill for a coffee.",
        "This rent is killing me.",
        "I wanted to die of embarrassment when the card was declined.",
        "I'd kill myself laughing if it weren't so sad.",
    ):
        assert check_safety(text) == [], text
    assert check_safety("I'm going to kill myself if they evict us.")


def test_every_safety_message_says_what_to_do_names_its_source_and_is_not_legal_advice():
    """Issue 14 acceptance: no safety message claims to be legal advice; each tells the
    student to follow their agency's protocol and their state's law, and names its source."""
    fired = {rule: text for label, rule, text in LINES if label == "fires"}
    responded = {rule: text for label, rule, text in LINES if label == "responded"}
    findings = [f for text in [*fired.values(), *responded.values()] for f in check_safety(text)]
    assert {f.severity for f in findings} == {"warning", "info"}
    for finding in findings:
        message = finding.message.lower()
        assert "agency's protocol" in message and "state's law" in message, finding.message
        assert "not legal advice" in message
        assert not re.search(r"(?<!not )\blegal advice\b", message.replace("not legal advice", ""))
        assert finding.source and finding.suggestion
        named = finding.source.split(";")[0].split("(")[0].strip()
        assert named.lower() in message, (finding.rule, named)


def test_maltreatment_teaches_reasonable_suspicion_and_who_receives_the_report():
    """CAPTA and state law (child) and state APS law (older or dependent adult): reasonable
    suspicion, not proof, triggers the duty; the report goes to CPS or APS; states differ."""
    (child,) = check_safety("Client said her boyfriend hits the kids when he drinks.")
    assert "reasonable suspicion" in child.message and "CPS" in child.message
    assert "not proof" in child.message and "CAPTA" in child.message
    (adult,) = check_safety("Referral for suspected elder abuse by an adult son.")
    assert "APS" in adult.message and "reasonable suspicion" in adult.message.lower()
    assert "varies" in adult.message or "vary" in adult.message


def test_a_model_note_with_the_risk_and_the_response_passes_and_is_acknowledged():
    """Zero Suicide / Stanley-Brown: a note that records the statement, the questions, the
    answers and the actions (safety plan, 988, supervisor) is complete."""
    text = (
        "Client said, “Sometimes I think the kids would be better off without me.” I asked the "
        "C-SSRS screener questions; she said she has no plan or intent. We wrote a safety plan "
        "with the 988 number, and I consulted my supervisor the same day."
    )
    report = check_note(text)
    assert report.ok
    (finding,) = [f for f in report.findings if f.category == "safety"]
    assert finding.severity == "info" and finding.message.startswith("“better off without me”")
    assert "You documented" in finding.message and "safety plan" in finding.message


def test_a_response_that_did_not_happen_is_not_a_documented_response():
    text = "Client said she wants to die. I did not call 988 and could not reach my supervisor."
    (finding,) = check_safety(text)
    assert finding.severity == "warning"


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("The intake report alleges the toddler was left unsupervised near the pool.", True),
        ("The dependency petition alleges the children were left alone for two nights.", True),
        ("Neighbor says the children were left unsupervised for two nights.", False),
        # a protective order is not a maltreatment report: the partner-violence steps stay
        ("The protective order petition alleges he choked her twice last month.", False),
    ],
    ids=lambda v: str(v)[:40],
)
def test_a_report_already_made_answers_the_report_decision(text, answered):
    """CAPTA: the report decision is recorded when the note records a report already made
    (an intake report, a dependency petition); a new account still asks for it."""
    (finding,) = check_safety(text)
    assert (finding.severity == "info") is answered, finding.message


def test_each_rules_model_example_passes_the_coach():
    """The example each safety rule offers is what the learner copies: it passes itself."""
    for rule in safety_rules():
        report = check_note(rule.example)
        assert report.ok, (
            rule.id,
            [f.message[:80] for f in report.findings if f.severity != "info"],
        )
        assert any(f.rule.startswith("safety.") for f in report.findings), rule.id


def test_safety_runs_in_contact_notes_at_intake_and_in_the_interview_story(eviction):
    """Issue 14: this applies in the coach, in contact notes, at intake and in the story."""
    risk = "Client said, “I don't want to be here anymore.”"
    assert "safety.suicide" in {f.rule for f in check_contact_note(risk).findings}
    issue = Intake(presenting_issue=f"Behind on rent since March. {risk}")
    assert "safety.suicide" in {f.rule for f in check_presenting_issue(issue, eviction).findings}
    baseline = Intake(referral_source="School", contact_method="Walk-in", initial_observations=risk)
    assert not check_baseline(baseline, eviction).ok
    hopes = Intake(
        confidentiality_explained=True,
        confidentiality_limits_explained=True,
        reflection="You have been carrying this alone and it is exhausting.",
        client_wants="“Help with the rent.”",
        client_hopes="“Honestly, that the kids would be better off without me.”",
        client_strengths="“I never give up.”",
    )
    report = check_rapport(hopes)
    assert "safety.suicide" in {f.rule for f in report.findings} and not report.ok
    story = check_story(f"I worked with a mother facing eviction. {risk}")
    assert "safety.suicide" in {f.rule for f in story.findings}
