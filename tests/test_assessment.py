"""Assessment rules: scores with evidence, crisis actions, strengths beside needs, and the
comparison with the instructor's reading."""

import re

import pytest

from casework.checks.assessment import (
    check_assessment,
    check_domain,
    check_strengths,
    compare_scores,
    current_ratings,
    expected_scores,
    levels,
    score_changes,
    strength_lines,
)
from casework.model import Assessment, DomainRating, LifeDomain, StrengthCategory


def rules(report) -> set[str]:
    return {f.rule for f in report.findings}


def test_every_domain_has_five_levels_described_in_its_own_words():
    seen = set()
    for domain in LifeDomain:
        scale = levels(domain)
        assert [level.score for level in scale] == [1, 2, 3, 4, 5]
        assert [level.name for level in scale] == [
            "In crisis",
            "Vulnerable",
            "Safe",
            "Building capacity",
            "Empowered",
        ]
        descriptions = {level.description for level in scale}
        assert len(descriptions) == 5
        seen |= descriptions
    assert len(seen) == 30  # no description is copied from one domain to another


def test_a_score_with_no_cited_fact_or_note_is_flagged(eviction):
    bare = check_domain(LifeDomain.basic_needs, DomainRating(score=2), eviction)
    assert "assessment.no-evidence" in rules(bare)
    fact = eviction.domains[LifeDomain.basic_needs].facts[0]
    cited = check_domain(LifeDomain.basic_needs, DomainRating(score=2, evidence=[fact]), eviction)
    assert "assessment.no-evidence" not in rules(cited)
    assert any("1 cited fact" in s for s in cited.strengths)


def test_a_domain_in_crisis_needs_an_immediate_action(eviction):
    fact = eviction.domains[LifeDomain.basic_needs].facts[0]
    crisis = DomainRating(score=1, evidence=[fact])
    report = check_domain(LifeDomain.basic_needs, crisis, eviction)
    assert "assessment.crisis-without-action" in rules(report)
    assert not report.ok
    acted = crisis.model_copy(update={"immediate_action": "Today: apply to the rent relief fund."})
    assert check_domain(LifeDomain.basic_needs, acted, eviction).ok


def test_judgmental_language_in_a_domain_note_is_flagged_and_quotes_are_not(eviction):
    fact = eviction.domains[LifeDomain.health].facts[0]
    judged = DomainRating(score=3, evidence=[fact], note="Client is noncompliant and manipulative.")
    report = check_domain(LifeDomain.health, judged, eviction)
    assert any(f.message.startswith("Health and wellness note:") for f in report.findings)
    assert not report.ok
    quoted = judged.model_copy(update={"note": "Client said, “I haven't slept since the notice.”"})
    assert check_domain(LifeDomain.health, quoted, eviction).ok


def test_a_cited_fact_that_left_the_scenario_is_pointed_out(eviction):
    rating = DomainRating(score=3, evidence=["A fact the trainer has since deleted."], note="x")
    assert "assessment.stale-evidence" in rules(check_domain(LifeDomain.legal, rating, eviction))


def test_a_deficit_only_assessment_is_flagged():
    needs = {LifeDomain.basic_needs: DomainRating(score=1)}
    deficit = check_strengths(Assessment(), needs)
    assert "assessment.deficit-only" in rules(deficit)
    with_strength = Assessment(strengths={StrengthCategory.personal: "Kept her job three years"})
    report = check_strengths(with_strength, needs)
    assert "assessment.deficit-only" not in rules(report)
    # the other four categories are named so the student knows where to look
    assert "assessment.no-supports" in rules(report)
    assert "assessment.no-personal" not in rules(report)


def test_strengths_in_every_category_are_recognised():
    everything = Assessment(strengths={c: f"one {c.value}\n- two" for c in StrengthCategory})
    report = check_strengths(everything, {})
    assert report.findings == ()
    assert report.strengths


def test_strength_lines_ignore_bullets_and_blank_lines():
    assert strength_lines("- Brave\n\n* Funny \n•Kind") == ["Brave", "Funny", "Kind"]


def test_the_whole_assessment_names_the_domains_not_yet_scored(eviction):
    assessment = Assessment(
        initial={LifeDomain.safety: DomainRating(score=4, note="No violence reported.")}
    )
    report = check_assessment(assessment, eviction)
    unscored = next(f for f in report.findings if f.rule == "assessment.unscored")
    assert "Basic needs" in unscored.message and "Safety" not in unscored.message
    full = Assessment(
        initial={
            d: DomainRating(score=3, evidence=eviction.domains[d].facts[:1]) for d in LifeDomain
        }
    )
    assert "Every life domain is scored." in check_assessment(full, eviction).strengths


def test_the_reassessment_phase_is_checked_on_its_own_scores(eviction):
    assessment = Assessment(
        initial={LifeDomain.health: DomainRating(score=3, note="Reports headaches.")},
        reassessment={LifeDomain.health: DomainRating(score=1, note="Partner overdosed.")},
    )
    assert "assessment.crisis-without-action" not in rules(check_assessment(assessment, eviction))
    assert "assessment.crisis-without-action" in rules(
        check_assessment(assessment, eviction, "reassessment")
    )


def test_expected_scores_follow_revealed_disclosures(eviction):
    disclosure = eviction.later_disclosures[0]
    before = expected_scores(eviction)
    after = expected_scores(eviction, [disclosure.id])
    assert before[disclosure.domain] == eviction.instructor_notes.domain_scores[disclosure.domain]
    assert after[disclosure.domain] == disclosure.model_score
    assert {d: s for d, s in after.items() if d != disclosure.domain} == {
        d: s for d, s in before.items() if d != disclosure.domain
    }


def _without_quotes(message: str) -> str:
    return re.sub(r"“[^”]*”", "", message)


@pytest.mark.parametrize("offset", [-3, -2, 2, 3])
def test_comparison_explains_large_gaps_without_revealing_the_score(eviction, offset):
    expected = expected_scores(eviction)
    domain = next(d for d, s in expected.items() if 1 <= s + offset <= 5)
    ratings = {domain: DomainRating(score=expected[domain] + offset)}
    comparison = next(c for c in compare_scores(ratings, expected, eviction) if c.domain == domain)
    assert comparison.gap == offset
    assert ("above" if offset > 0 else "below") in comparison.message
    assert not re.search(r"\d", _without_quotes(comparison.message))
    assert "Look again at" in comparison.message  # points to a fact the student did not cite


def test_comparison_of_close_and_matching_scores(eviction):
    expected = expected_scores(eviction)
    domain = LifeDomain.basic_needs
    same = compare_scores({domain: DomainRating(score=expected[domain])}, expected, eviction)
    assert "matches" in same[0].message and same[0].gap == 0
    close = compare_scores({domain: DomainRating(score=expected[domain] + 1)}, expected, eviction)
    assert "one level higher" in close[0].message
    assert "not scored yet" in close[1].message


def test_reassessment_keeps_both_pictures_and_reports_the_change():
    assessment = Assessment(
        initial={LifeDomain.health: DomainRating(score=3), LifeDomain.legal: DomainRating(score=4)},
        reassessment={LifeDomain.health: DomainRating(score=1)},
    )
    assert score_changes(assessment.initial, assessment.reassessment) == {LifeDomain.health: -2}
    current = current_ratings(assessment)
    assert current[LifeDomain.health].score == 1
    assert current[LifeDomain.legal].score == 4


# --- the Arizona Self-Sufficiency Matrix and the workbook's six domains -----------------


def test_a_household_threatened_with_eviction_is_in_crisis_for_housing_arizona_matrix(eviction):
    """Arizona Self-Sufficiency Matrix, housing: homeless or threatened with eviction is
    level 1 (in crisis). A written notice to leave is described at level 1, not 2, and the
    eviction scenario's answer key scores basic needs 1."""
    crisis, vulnerable = levels(LifeDomain.basic_needs)[:2]
    assert "eviction" in crisis.description.lower() or "notice to leave" in crisis.description
    assert "notice" not in vulnerable.description.lower().replace("no notice", "")
    assert eviction.instructor_notes.domain_scores[LifeDomain.basic_needs] == 1


def test_the_eviction_judgement_call_is_written_in_the_rules_with_its_reason():
    """Issue 13 item 14: a judgement call is written in the rule's YAML, with the reason,
    where an instructor can see and change it."""
    from casework.rules import load_rules

    calls = load_rules("self_sufficiency")["judgement_calls"]
    eviction = calls["eviction_threatened"]
    assert eviction["level"] == 1 and eviction["domain"] == "basic_needs"
    assert len(eviction["reason"].split()) > 20
    assert "matrix" in eviction["reason"].lower()


def test_every_arizona_matrix_domain_folds_into_one_workbook_domain_with_the_reason():
    """The Arizona matrix's 17 domains are mapped onto the workbook's six, and the map says
    why they are folded and how a folded domain is scored."""
    from casework.checks.assessment import matrix_domains
    from casework.rules import load_rules

    folded = matrix_domains()
    assert len(folded) == 17
    assert set(folded.values()) == set(LifeDomain)
    assert folded["children_education"] == LifeDomain.employment_education
    assert folded["childcare"] == LifeDomain.employment_education
    assert folded["parenting"] == LifeDomain.social_support
    assert folded["housing"] == LifeDomain.basic_needs
    rules = load_rules("self_sufficiency")["matrix_domains"]
    assert rules["reason"].strip() and rules["scoring"].strip()


def test_each_domain_says_which_matrix_domains_it_covers_including_childrens_school():
    from casework.checks.assessment import domain_covers

    assert "school" in domain_covers(LifeDomain.employment_education).lower()
    assert "childcare" in domain_covers(LifeDomain.employment_education).lower()
    assert "parenting" in domain_covers(LifeDomain.social_support).lower()
    assert "worst off" in domain_covers(LifeDomain.employment_education)


def test_a_childs_eleven_absences_are_evidence_in_employment_and_education(eviction):
    """Children's education is folded into employment and education, scored at its part
    worst off: Teo's attendance is a fact there, and the answer key scores it vulnerable."""
    facts = eviction.domains[LifeDomain.employment_education].facts
    assert any("eleven" in fact and "Teo" in fact for fact in facts)
    assert eviction.instructor_notes.domain_scores[LifeDomain.employment_education] == 2
