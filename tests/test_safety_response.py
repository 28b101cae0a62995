"""The safety response at the monitoring gate (issue 14, items 2-4): a safety event holds the
case until the people at risk are made safe, the supervisor is consulted the same day, a
report decision is made and it is documented; the report decision is checked against the
scenario's answer key, which appears only after the student commits.

Sources: NASW Code of Ethics 1.07(c), (d); HIPAA 45 CFR 164.512(b), (c), (j); CAPTA
(42 U.S.C. 5106a(b)(2)(B)) and state reporting laws; state APS statutes; C-SSRS; 988;
SAMHSA Opioid Overdose Prevention Toolkit (rules/safety_response.yaml).
"""

import re

import pytest

from casework.checks.monitoring import plan_fingerprint, unsettled_signs, warning_signs
from casework.checks.safety_response import (
    SafetySign,
    commit,
    commit_problems,
    compare_with_key,
    key_lines,
    safety_status,
)
from casework.model import (
    Adjustment,
    CaseRecord,
    Monitoring,
    SafetyResponse,
    TimelineEvent,
)
from casework.rules import load_rules
from tests.casefiles import monitored, safety_answers

OVERDOSE = "safety-4"  # the eviction scenario's day 24: Shane overdoses with the children home


def at_the_overdose_night(eviction, response: SafetyResponse | None = None) -> CaseRecord:
    """Monitored to the crisis on day 24, the crisis sign answered by a change of plan, and
    the safety sign answered by `response` (or not at all)."""
    record = monitored(eviction, shown=5)
    safety = {} if response is None else {OVERDOSE: response}
    monitoring = record.monitoring.model_copy(update={"safety": safety})
    return record.model_copy(update={"monitoring": monitoring})


def sign_of(scenario, record, sign_id: str):
    return next(s for s in warning_signs(scenario, record.monitoring) if s.id == sign_id)


def complete(eviction, **changes) -> SafetyResponse:
    return safety_answers(eviction, 5)[OVERDOSE].model_copy(update=changes)


def test_a_safety_event_raises_a_safety_sign_beside_its_crisis_sign(eviction):
    """Issue 14, item 4: the overdose night asks for a safety response as well as a change
    of course; the safety sign comes first, as safety comes first."""
    signs = warning_signs(eviction, Monitoring(shown=5))
    assert [s.id for s in signs] == ["disclosure-2", OVERDOSE, "crisis-4"]
    safety = signs[1]
    assert isinstance(safety, SafetySign) and safety.kind == "safety" and safety.day == 24
    assert "Teo and Lucía" in safety.detail


def test_every_shipped_scenario_has_a_safety_event_with_an_answer_key(catalogue):
    """Issue 14, acceptance: each shipped scenario has at least one safety event with a key."""
    for scenario in catalogue.scenarios.values():
        keyed = [e for e in scenario.timeline if e.safety is not None]
        assert keyed, scenario.id
        assert len(scenario.timeline) >= 6


def test_reassess_alone_is_held_at_the_gate_and_told_exactly_what_is_missing(eviction):
    """Issue 14, item 4: "reassess" answers the crisis, not the danger. Without immediate
    safety, a same-day supervisor consult, a report decision and documentation the case
    cannot move on, and the message names each missing part."""
    record = at_the_overdose_night(eviction)
    responses = {
        **record.monitoring.responses,
        "crisis-4": Adjustment(kind="reassess", plan_before=plan_fingerprint(record.plan)),
    }
    rescored = {"crisis-4": {}}
    record = record.model_copy(
        update={
            "monitoring": record.monitoring.model_copy(
                update={"responses": responses, "reassessments": rescored}
            )
        }
    )
    blocking = dict((sign.id, status) for sign, status in unsettled_signs(eviction, record))
    assert OVERDOSE in blocking
    message = blocking[OVERDOSE].message
    assert "Someone may be in danger (day 24)" in message
    for part in (
        "immediate safety",
        "a supervisor consult on day 24, the same day",
        "a report decision",
        "documentation",
    ):
        assert part in message, part


def test_a_complete_committed_safety_response_settles_the_sign(eviction):
    record = at_the_overdose_night(eviction, complete(eviction))
    assert safety_status(sign_of(eviction, record, OVERDOSE), record).settled
    assert unsettled_signs(eviction, record) == []


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"immediate": "Called."}, "immediate safety"),
        ({"consult_day": None}, "a supervisor consult on day 24"),
        ({"consult_day": 26}, "consult on day 24, the same day you learn of it"),
        ({"report": None}, "a report decision"),
        ({"report_to": None}, "to whom the report goes"),
        ({"report_day": None}, "the day the report is made"),
        ({"report_day": 20}, "the report is dated day 20, before the event on day 24"),
        ({"report_reason": ""}, "why you decided as you did"),
        ({"documentation": "Note written."}, "documentation: the questions you asked"),
        ({"committed": False}, "Commit my safety response"),
    ],
)
def test_each_part_of_the_safety_response_is_required(eviction, changes, missing):
    """NASW Code of Ethics 1.07(c); the design brief's safety practice: make safe now,
    consult the same day, decide about a report, document what was asked and done."""
    record = at_the_overdose_night(eviction, complete(eviction, **changes))
    status = safety_status(sign_of(eviction, record, OVERDOSE), record)
    assert not status.settled
    assert missing in status.message


def older_adult_without_a_report(older, index: int):
    """The older adult's case at his safety event, answered in full except the APS report."""
    sign_id = f"safety-{index}"
    answers = safety_answers(older, index + 1)
    missed = answers[sign_id].model_copy(update={"report": "no_report", "report_to": "none"})
    record = CaseRecord(
        case_id="o",
        scenario_id=older.id,
        monitoring=Monitoring(shown=index + 1, safety={sign_id: missed}),
    )
    return sign_id, answers, record


def test_a_missed_required_report_holds_the_gate_and_explains_the_duty(catalogue):
    """CAPTA and state reporting laws; HIPAA 45 CFR 164.512(c); NASW 1.07(c), (d): a
    mandated reporter reports on reasonable suspicion, not proof; older or dependent adults
    to APS, children to CPS; no release is needed; the client is told when it is safe to;
    state law varies; it is not legal advice."""
    older = catalogue.scenarios["older-adult-self-neglect"]
    index = next(i for i, e in enumerate(older.timeline) if e.safety is not None)
    sign_id, _answers, record = older_adult_without_a_report(older, index)
    status = safety_status(sign_of(older, record, sign_id), record)
    assert not status.settled
    for taught in (
        "expects a report to Adult Protective Services (APS)",
        "reasonable suspicion, not proof",
        "Child Protective Services (CPS)",
        "needs no release",
        "when it is safe to",
        "varies by state",
        "learn your own state's law",
        "not legal advice",
        "your agency's protocol",
    ):
        assert taught in status.message, taught


def test_where_the_duty_turns_on_state_law_a_reasoned_no_report_is_explained_not_held(eviction):
    """Prefer saying less over saying something wrong: states differ on whether a
    caregiver's overdose with the children at home must be reported, so the eviction key
    reports to CPS (reasonable suspicion, not proof) but a decision not to, made with the
    supervisor and recorded, moves on with the key's reasons beside it."""
    assert not eviction.timeline[4].safety.report_required
    response = complete(eviction, report="no_report", report_to="none", report_day=None)
    record = at_the_overdose_night(eviction, response)
    sign = sign_of(eviction, record, OVERDOSE)
    assert safety_status(sign, record).settled
    found = {f.rule: f for f in compare_with_key(sign, record.monitoring.safety[OVERDOSE]).findings}
    explained = found["safety.report.judgement"]
    assert explained.severity == "warning"
    for taught in (
        "reports to Child Protective Services (CPS)",
        "reasonable suspicion, not proof",
        "states differ",
        "with your supervisor",
        "needs no release",
        "learn your own state's law",
    ):
        assert taught in explained.message, taught


def test_a_report_to_the_agency_for_the_other_age_group_holds_the_gate(eviction):
    """State reporting laws: reports about a child go to CPS, about an older adult to APS."""
    record = at_the_overdose_night(eviction, complete(eviction, report_to="aps"))
    status = safety_status(sign_of(eviction, record, OVERDOSE), record)
    assert not status.settled
    assert "the answer key sends this report to Child Protective Services (CPS)" in status.message


def test_a_report_to_law_enforcement_is_explained_not_blocked(eviction):
    record = at_the_overdose_night(eviction, complete(eviction, report_to="law_enforcement"))
    sign = sign_of(eviction, record, OVERDOSE)
    assert safety_status(sign, record).settled
    found = {f.rule: f for f in compare_with_key(sign, record.monitoring.safety[OVERDOSE]).findings}
    assert found["safety.report.police"].severity == "info"
    assert "check your state's law" in found["safety.report.police"].message


def test_reporting_where_the_key_finds_no_need_is_explained_not_blocked(catalogue):
    """A good-faith report is never blocked; the key's reasons are explained: the foster
    care leaver is an adult with thoughts of suicide, which is not maltreatment."""
    foster = catalogue.scenarios["foster-care-leaver"]
    index = next(i for i, e in enumerate(foster.timeline) if e.safety is not None)
    sign_id = f"safety-{index}"
    answers = safety_answers(foster, index + 1)
    assert answers[sign_id].report == "no_report"
    reported = answers[sign_id].model_copy(
        update={"report": "report", "report_to": "aps", "report_day": foster.timeline[index].day}
    )
    record = CaseRecord(
        case_id="f",
        scenario_id=foster.id,
        monitoring=Monitoring(shown=index + 1, safety={sign_id: reported}),
    )
    sign = sign_of(foster, record, sign_id)
    assert safety_status(sign, record).settled
    found = {f.rule: f for f in compare_with_key(sign, reported).findings}
    assert found["safety.report.unneeded"].severity == "info"
    assert "not abuse, neglect or exploitation" in found["safety.report.unneeded"].message


def test_the_answer_key_is_never_shown_before_the_student_commits(eviction):
    """The design's learning loop: the student's own call first, then the key."""
    record = at_the_overdose_night(eviction, complete(eviction, committed=False))
    sign = sign_of(eviction, record, OVERDOSE)
    assert compare_with_key(sign, record.monitoring.safety[OVERDOSE]).findings == ()
    committed = commit(record.monitoring.safety[OVERDOSE])
    report = compare_with_key(sign, committed)
    assert report.strengths and "Your decision matches the answer key" in report.strengths[-1]
    lines = {line.part: line for line in key_lines(sign.key, committed)}
    assert set(lines) == {"immediate", "consult", "report", "tell", "documentation"}
    assert lines["report"].student.startswith("Report to Child Protective Services (CPS) on day 24")


def test_a_whole_response_is_needed_before_it_can_be_committed(eviction):
    sign = sign_of(eviction, at_the_overdose_night(eviction), OVERDOSE)
    assert commit_problems(sign, SafetyResponse())
    assert commit_problems(sign, complete(eviction, committed=False)) == []


def test_the_first_committed_decision_stays_in_the_record(eviction):
    first = commit(complete(eviction, report="no_report", report_to="none", committed=False))
    changed = commit(first.model_copy(update={"report": "report", "report_to": "cps"}))
    assert (changed.first_report, changed.first_report_to) == ("no_report", "none")
    assert (changed.report, changed.report_to) == ("report", "cps")


def test_a_late_report_is_explained_with_the_states_deadline(eviction):
    record = at_the_overdose_night(eviction, complete(eviction, report_day=27))
    sign = sign_of(eviction, record, OVERDOSE)
    assert safety_status(sign, record).settled
    found = {f.rule: f for f in compare_with_key(sign, record.monitoring.safety[OVERDOSE]).findings}
    assert "3 days after you learned of this on day 24" in found["safety.report.late"].message


def test_the_older_adults_exploitation_is_reported_to_aps_and_capacity_is_taught(catalogue):
    """State APS statutes; HIPAA 45 CFR 164.512(c); capacity is decision-specific and
    assessed by a qualified clinician (legal incapacity only by a court), and saying no to
    a nursing home is not on its own a sign of incapacity (ABA/APA 2008; issue 14, item 3)."""
    older = catalogue.scenarios["older-adult-self-neglect"]
    index, event = next((i, e) for i, e in enumerate(older.timeline) if e.safety is not None)
    assert event.day == 16 and event.safety.report_to == "aps"
    sign_id, answers, record = older_adult_without_a_report(older, index)
    sign = sign_of(older, record, sign_id)
    status = safety_status(sign, record)
    assert not status.settled and "Adult Protective Services (APS)" in status.message
    found = {f.rule: f for f in compare_with_key(sign, answers[sign_id]).findings}
    capacity = found["safety.capacity"].message
    for taught in (
        "right to say no to a nursing home",
        "is not on its own a sign that he cannot decide",
        "physician, a psychologist or another qualified clinician",
        "only a court",
        "least restrictive",
        "keep working with him",
    ):
        assert taught in capacity, taught
    assert any("capacity" in q for q in older.instructor_notes.discussion)
    aps = next(r for r in older.resources if r.id == "protective-services")
    assert "varies by state" in aps.how_to_refer and "No release is needed" in aps.how_to_refer


def test_the_report_duty_agrees_with_the_release_rules():
    """A report needs no release in both rule files (HIPAA 45 CFR 164.512(b), (c))."""
    duty = load_rules("safety_response")["report"]["duty"]
    report_basis = load_rules("consent")["bases"]["not_required_report"]
    assert "needs no release" in duty and "No release is needed" in report_basis["message"]
    assert "164.512(b)" in duty and "164.512(b)" in report_basis["source"]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_no_safety_message_claims_to_be_legal_advice_and_each_names_its_source():
    """Issue 14, acceptance: no safety message claims to be legal advice; each tells the
    student to follow agency protocol and state law, and names its source."""
    rules = load_rules("safety_response")
    for text in _strings(rules):
        for match in re.finditer(r"legal advice", text):
            assert "not legal advice" in text[max(0, match.start() - 12) : match.end()], text
    assert "follow your agency's protocol and your state's law" in " ".join(
        rules["not_legal_advice"].split()
    )
    for cited in ("1.07(c), (d)", "164.512(b), (c), (j)", "CAPTA", "C-SSRS", "988", "SAMHSA"):
        assert cited in rules["source"], cited
    assert "Adult Protective Services" in rules["source"]
    held = " ".join(rules["held"].split())
    assert "Follow your agency's protocol and your state's law." in held


def test_case_files_and_scenarios_saved_before_safety_responses_still_load(eviction):
    """Old case files (no `safety` in monitoring) and old scenario events (no `safety`
    key) still load."""
    old = {
        "case_id": "old",
        "scenario_id": "eviction-family",
        "monitoring": {"shown": 2, "notes": {"0": "Day 3."}, "responses": {}},
    }
    record = CaseRecord.model_validate(old)
    assert record.monitoring.safety == {}
    event = TimelineEvent.model_validate({"day": 3, "kind": "crisis", "summary": "It happened."})
    assert event.safety is None
    again = CaseRecord.model_validate_json(monitored(eviction).model_dump_json())
    assert again.monitoring.safety[OVERDOSE].committed
