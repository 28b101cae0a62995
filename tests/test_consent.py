"""Consent to share information (issue 13, items 10 and 12): what a release governs, when
none is needed, its expiry and revocation, and a third party's own consent.

Each test states the practice rule and the law or code it rests on."""

import pytest

from casework.checks.plan import check_consent, check_plan, contract_status, release_missing
from casework.model import ActionStep, CarePlan, CaseRecord, Goal, Release, Signature
from casework.rules import load_rules

GOAL = "Within 60 days, Marisol will pay rent in full and on time for two months in a row."
FULL = Release(
    shared="Contact details and the notice",
    purpose="legal advice",
    signed_day=3,
    expires_day=90,
)


def step(what: str, who: str, due: int | None = 10, **extra) -> ActionStep:
    return ActionStep(what=what, who=who, due_day=due, how_often="once", where="office", **extra)


def plan_naming(provider: str, releases: dict[str, Release] | None = None, due: int = 20):
    """A plan complete in every contract element, with `provider` given a task of its own."""
    steps = {
        "s1": step("Bring the papers", "client", 5),
        "s2": step("Send the referral form", "case_manager", 7, resource=provider),
        "s3": step("Meet the client", provider, due, resource=provider),
    }
    return CarePlan(
        time_limit_days=90,
        goals={"g1": Goal(text=GOAL, priority="Keep the apartment", steps=steps)},
        releases=releases or {},
        if_not_done="We agreed that if a step is missed, we meet within a week to change the plan.",
        signatures={
            party: Signature(name=f"Signer for {party}", day=4)
            for party in ("client", "case_manager", provider)
        },
    )


def record(plan: CarePlan, scenario_id: str = "eviction-family") -> CaseRecord:
    return CaseRecord(case_id=scenario_id, scenario_id=scenario_id, plan=plan)


def by_rule(findings):
    return {f.rule: f for f in findings}


# --- item 10: a release governs what is disclosed, not who is named -------------------------


def test_naming_a_provider_without_a_release_is_a_to_do_not_a_block_hipaa_164_508_nasw_1_07(
    eviction,
):
    """A release governs what is disclosed (HIPAA 45 CFR 164.508; NASW Code of Ethics 1.07),
    not whether a provider may be named in a plan: the contract is not blocked, and the
    finding is a to-do for before the referral is sent."""
    plan = plan_naming("legal-clinic")
    status = contract_status(record(plan), eviction)
    assert status.blocking == ()
    assert status.complete, [(e.label, e.detail) for e in status.elements if not e.met]
    found = by_rule(check_consent(plan, eviction))
    to_do = found["plan.release-to-do"]
    assert to_do.severity == "info"
    assert "before" in to_do.message and "referral" in to_do.message
    assert "Tenant Rights Legal Clinic" in to_do.message
    assert "164.508" in to_do.source and "1.07" in to_do.source
    assert check_plan(record(plan), eviction).ok
    # with a complete release there is nothing to do
    assert check_consent(plan_naming("legal-clinic", {"legal-clinic": FULL}), eviction) == []


def test_a_report_of_suspected_abuse_needs_no_client_consent_hipaa_164_512_b_c(catalogue):
    """A report of suspected abuse, neglect or exploitation (APS, CPS) needs no client
    consent (HIPAA 45 CFR 164.512(b), (c); state mandated-reporting law, which varies);
    the worker tells the client a report is being made, when it is safe to
    (164.512(c)(2))."""
    older = catalogue.scenarios["older-adult-self-neglect"]
    aps = next(r for r in older.resources if r.id == "protective-services")
    assert aps.consent == "not_required_report"
    plan = plan_naming("protective-services")
    assert release_missing(plan, "protective-services", older) is None
    found = by_rule(check_consent(plan, older))
    assert set(found) == {"plan.consent-report"}
    note = found["plan.consent-report"]
    assert note.severity == "info"
    assert "tell" in note.message.lower() and "safe" in note.message.lower()
    assert "varies by state" in note.message
    assert "164.512(b)" in note.source and "164.512(c)" in note.source
    assert contract_status(record(plan, older.id), older).blocking == ()


def test_an_emergency_service_needs_no_client_consent_hipaa_164_512_j(eviction):
    """An emergency (911; 988 when someone is in danger) needs no client consent
    (HIPAA 45 CFR 164.512(j); NASW Code of Ethics 1.07(c)): share what the emergency needs,
    and tell the client when it is safe to."""
    emergency = eviction.resources[0].model_copy(
        update={
            "id": "emergency",
            "name": "Emergency services",
            "consent": "not_required_emergency",
        }
    )
    scenario = eviction.model_copy(update={"resources": [*eviction.resources, emergency]})
    plan = plan_naming("emergency")
    assert release_missing(plan, "emergency", scenario) is None
    found = by_rule(check_consent(plan, scenario))
    assert set(found) == {"plan.consent-emergency"}
    assert "164.512(j)" in found["plan.consent-emergency"].source
    assert "safe" in found["plan.consent-emergency"].message


def test_resources_that_are_not_reporting_lines_need_a_release_by_default(eviction):
    """Routine sharing needs the client's written release: a resource's consent basis
    defaults to a release, so older scenario files keep that rule (HIPAA 45 CFR 164.508)."""
    assert {r.consent for r in eviction.resources} == {"release"}


# --- items 10 and 12: a release has an expiry and can be revoked ------------------------------


def test_release_expiry_and_revocation_are_checked_hipaa_164_508_b_5(eviction):
    """A release ends on its expiry (a day or an event, HIPAA 45 CFR 164.508(c)(1)(v)) and the
    client may revoke it in writing at any time (164.508(b)(5)): a step that relies on
    sharing after either is flagged, and a release with no expiry is incomplete."""
    no_end = plan_naming(
        "legal-clinic", {"legal-clinic": FULL.model_copy(update={"expires_day": None})}
    )
    missing = release_missing(no_end, "legal-clinic", eviction)
    assert "when it ends" in missing
    assert by_rule(check_consent(no_end, eviction))["plan.release-incomplete"].severity == "warning"
    by_event = FULL.model_copy(
        update={"expires_day": None, "expires_event": "when the case closes"}
    )
    assert (
        release_missing(
            plan_naming("legal-clinic", {"legal-clinic": by_event}), "legal-clinic", eviction
        )
        is None
    )

    expired = plan_naming(
        "legal-clinic", {"legal-clinic": FULL.model_copy(update={"expires_day": 15})}, due=20
    )
    finding = by_rule(check_consent(expired, eviction))["plan.release-expired"]
    assert "day 15" in finding.message and "day 20" in finding.message
    assert "164.508(c)(1)(v)" in finding.source

    revoked = plan_naming(
        "legal-clinic", {"legal-clinic": FULL.model_copy(update={"revoked_day": 12})}, due=20
    )
    assert "revoked" in release_missing(revoked, "legal-clinic", eviction)
    finding = by_rule(check_consent(revoked, eviction))["plan.release-revoked"]
    assert finding.severity == "warning" and "day 12" in finding.message
    assert "164.508(b)(5)" in finding.source
    # neither keeps the written contract from being complete: they are flagged, not blocked
    assert contract_status(record(revoked), eviction).blocking == ()


def test_an_old_saved_release_still_loads():
    """Case files saved before the expiry and revocation fields existed still open."""
    old = Release.model_validate({"shared": "The notice", "purpose": "advice", "signed_day": 3})
    assert old.expires_day is None and old.expires_event == "" and old.revoked_day is None


# --- item 12: a third party's information needs that person's consent ------------------------


def test_the_partners_treatment_reports_need_his_own_consent_42_cfr_part_2(eviction):
    """Shane is not the client: his treatment program may tell the client's case manager about
    him only with his own written consent, and substance-use treatment records are protected
    by 42 CFR Part 2 (consent requirements at 42 CFR 2.31)."""
    reports = [e for e in eviction.timeline if "Shane" in e.summary and e.kind == "service_report"]
    assert reports, "the scenario still has the treatment program's report"
    for event in reports:
        assert "Shane's" in event.summary and "consent" in event.summary
        assert "42 CFR Part 2" in event.summary
    program = next(r for r in eviction.resources if r.id == "recovery-program")
    assert "Shane's own" in program.how_to_refer and "consent" in program.how_to_refer
    assert any("consent" in q and "Shane" in q for q in eviction.instructor_notes.discussion)
    third_party = load_rules("consent")["third_party"]
    assert "42 CFR Part 2" in third_party["source"]


@pytest.mark.parametrize("basis", ["release", "not_required_report", "not_required_emergency"])
def test_every_consent_basis_is_taught_with_a_cited_source(basis):
    """Every rule that states the law cites it (house rule); the text says it is not legal
    advice and that state law varies."""
    rules = load_rules("consent")
    spec = rules["bases"][basis]
    assert spec["source"] and "CFR" in spec["source"]
    assert "legal advice" in rules["not_legal_advice"]
