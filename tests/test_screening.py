"""Eligibility screening and urgency triage."""

import pytest

from casework.model import Criterion, Fact, UrgencyCategory, UrgencySignal
from casework.screening import apply_criterion, screen_eligibility, triage


def criterion(**test) -> Criterion:
    return Criterion(id="c", text="rule", fact="f", explanation="why", **test)


@pytest.mark.parametrize(
    ("test", "value", "outcome"),
    [
        ({"at_most": 50}, 38, "met"),
        ({"at_most": 50}, 50, "met"),
        ({"at_most": 50}, 51, "not_met"),
        ({"at_least": 2}, 3, "met"),
        ({"at_least": 2}, 1, "not_met"),
        ({"equals": True}, True, "met"),
        ({"equals": True}, False, "not_met"),
        ({"at_least": 18}, None, "unknown"),
        ({"at_least": 18}, "nineteen", "unknown"),
    ],
)
def test_criterion_outcomes(test, value, outcome):
    assert apply_criterion(criterion(**test), Fact(value=value, evidence="seen")) == outcome


def test_a_criterion_needs_exactly_one_test():
    with pytest.raises(ValueError, match="exactly one"):
        criterion(at_most=1, at_least=0)


def _with_fact(scenario, name, value):
    facts = dict(scenario.eligibility.facts)
    facts[name] = facts[name].model_copy(update={"value": value})
    eligibility = scenario.eligibility.model_copy(update={"facts": facts})
    return scenario.model_copy(update={"eligibility": eligibility})


def test_all_rules_met_is_eligible(eviction):
    result = screen_eligibility(eviction)
    assert result.verdict == "eligible" and result.label == "Eligible"
    assert all(r.reason.startswith("Meets") for r in result.results)


def test_a_failed_rule_outranks_missing_proof(eviction):
    scenario = _with_fact(
        _with_fact(eviction, "income_percent_of_median", 72), "has_written_notice", None
    )
    result = screen_eligibility(scenario)
    assert result.verdict == "not_eligible"
    assert any("Does not meet" in r.reason and "50%" in r.reason for r in result.results)


def test_missing_proof_leaves_the_decision_pending(eviction):
    result = screen_eligibility(_with_fact(eviction, "has_written_notice", None))
    assert result.verdict == "pending"
    assert any(r.reason.startswith("Cannot decide") for r in result.results)


def signal(category: str, sid: str = "s") -> UrgencySignal:
    return UrgencySignal(
        id=sid, observation=f"observed {sid}", category=UrgencyCategory(category), why="because"
    )


def test_context_alone_is_routine():
    assert triage([signal("context")]).level.id == "routine"


def test_basic_needs_gap_is_urgent():
    result = triage([signal("basic_needs_gap", "food"), signal("context", "bg")])
    assert result.level.id == "urgent"
    assert result.reasons[0].startswith("observed food")


@pytest.mark.parametrize(
    "danger", ["danger_to_self", "danger_to_others", "violence_or_abuse", "medical_emergency"]
)
def test_immediate_danger_outranks_everything(danger):
    result = triage(
        [signal("imminent_loss", "rent"), signal("basic_needs_gap", "food"), signal(danger, "risk")]
    )
    assert result.level.id == "immediate"
    assert result.reasons[0].startswith("observed risk")  # the deciding reason comes first
    assert len(result.reasons) == 3
