"""The assessment app driven from Python: what a student does, what they see, what is saved."""

import pytest

from casework.model import LifeDomain, StrengthCategory
from casework.store import CaseStore
from casework.ui.assessment import AssessmentApp
from casework.ui.intake import IntakeApp

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def app(store: CaseStore) -> AssessmentApp:
    app = AssessmentApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    return app


def saved(store: CaseStore):
    return store.latest("eviction-family").record.assessment


def test_a_score_with_its_evidence_is_saved_and_drawn(app: AssessmentApp, store: CaseStore):
    before = app.domain_chart.value
    card = app.cards[LifeDomain.basic_needs]
    card.evidence[0].value = True
    card.score.value = 2
    rating = saved(store).initial[LifeDomain.basic_needs]
    assert rating.score == 2
    assert rating.evidence == [card.facts[0]]
    assert app.domain_chart.value != before
    assert "Basic needs: initial assessment 2" in app.domain_chart.value
    assert "Basic needs (2 · Vulnerable)" in app.needs_summary.value


def test_the_immediate_action_field_appears_for_a_domain_in_crisis(app: AssessmentApp):
    card = app.cards[LifeDomain.health]
    assert card.action.layout.display == "none"
    card.score.value = 1
    assert card.action.layout.display is None
    app.check.click()
    assert "no immediate action is recorded" in app.feedback.value
    card.action.value = "Today: go with the client to urgent care."
    app.check.click()
    assert "no immediate action is recorded" not in app.feedback.value


def test_strengths_are_saved_per_category_and_the_deficit_warning_clears(
    app: AssessmentApp, store: CaseStore
):
    app.cards[LifeDomain.basic_needs].score.value = 1
    app.check.click()
    assert "no strengths" in app.feedback.value
    app.strengths[StrengthCategory.supports].value = "Sister across town"
    assert saved(store).strengths[StrengthCategory.supports] == "Sister across town"
    app.check.click()
    assert "no strengths" not in app.feedback.value


def test_ties_are_added_drawn_and_removed(app: AssessmentApp, store: CaseStore):
    app.add_tie.click()
    assert "Name the person or system first" in app.tie_message.value
    app.tie_name.value = "Sister"
    app.tie_kind.value = "strong"
    app.tie_flow.value = "to_client"
    app.add_tie.click()
    assert list(saved(store).ties) == ["sister"]
    assert "Sister: strong tie, support to the client" in app.ecomap_chart.value
    assert app.tie_name.value == ""
    remove = app.ties_box.children[0].children[1]
    remove.click()
    assert saved(store).ties == {}
    assert "no ties recorded" in app.ecomap_chart.value


def test_the_reassessment_opens_only_after_new_information(app: AssessmentApp, store: CaseStore):
    app.cards[LifeDomain.health].score.value = 3
    app.phase_picker.value = "reassessment"
    assert app.phase_picker.value == "initial"
    assert "reveal a later visit" in app.phase_note.value
    app.disclosures_box.children[0].click()
    assert "using pills again" in app.disclosures_box.children[0].value
    app.phase_picker.value = "reassessment"
    assert app.phase == "reassessment"
    # the reassessment starts from the initial scores; changing it leaves the initial alone
    assert app.cards[LifeDomain.health].score.value == 3
    app.cards[LifeDomain.health].score.value = 2
    assessment = saved(store)
    assert assessment.initial[LifeDomain.health].score == 3
    assert assessment.reassessment[LifeDomain.health].score == 2
    assert "Health and wellness: 3 → 2 (down 1)" in app.changes.value
    assert "reassessment 2" in app.domain_chart.value
    app.phase_picker.value = "initial"
    assert app.cards[LifeDomain.health].score.value == 3


def test_comparison_uses_the_revealed_disclosure(app: AssessmentApp):
    app.cards[LifeDomain.health].score.value = 2
    app.compare.click()
    assert "Health and wellness: one level lower" in app.comparison.value
    app.disclosures_box.children[0].click()
    app.phase_picker.value = "reassessment"
    app.compare.click()
    assert "Health and wellness: your score matches" in app.comparison.value


def test_everything_comes_back_after_reopening(app: AssessmentApp, store: CaseStore):
    app.cards[LifeDomain.legal].score.value = 3
    app.cards[LifeDomain.legal].note.value = "No court filing yet."
    app.strengths[StrengthCategory.personal].value = "Organised"
    app.tie_name.value = "School"
    app.add_tie.click()
    reopened = AssessmentApp(store=store, autosave_delay=0)
    assert reopened.picker.value == "eviction-family"
    assert reopened.cards[LifeDomain.legal].score.value == 3
    assert reopened.cards[LifeDomain.legal].note.value == "No court filing yet."
    assert reopened.strengths[StrengthCategory.personal].value == "Organised"
    assert "School: strong tie" in reopened.ecomap_chart.value
    assert "Welcome back" in reopened.status.value


def test_the_intake_carries_into_the_briefing(store: CaseStore):
    intake = IntakeApp(store=store, autosave_delay=0)
    intake.picker.value = "eviction-family"
    intake.texts["presenting_issue"].value = f"Client said “ten days”. {XSS}"
    app = AssessmentApp(store=store, autosave_delay=0)
    assert "ten days" in app.briefing.value
    assert "<img" not in app.briefing.value


def test_user_text_is_never_markup(app: AssessmentApp):
    app.tie_name.value = XSS
    app.add_tie.click()
    app.cards[LifeDomain.safety].score.value = 4
    app.cards[LifeDomain.safety].note.value = XSS
    app.strengths[StrengthCategory.personal].value = XSS
    app.check.click()
    html = " ".join(
        [app.ecomap_chart.value, app.feedback.value, app.domain_chart.value]
        + [row.children[0].value for row in app.ties_box.children]
    )
    assert "<img src=x" not in html


def test_the_reassessment_mode_survives_a_reload_and_its_check_keeps_the_initial_findings(
    app: AssessmentApp, store: CaseStore
):
    app.disclosures_box.children[0].click()
    app.phase_picker.value = "reassessment"
    reopened = AssessmentApp(store=store, autosave_delay=0)
    assert reopened.phase_picker.value == "reassessment"
    assert reopened.phase == "reassessment"
    reopened.show_feedback()
    # the initial assessment's open findings (no scores yet) stay in sight beside the new one
    assert "Initial assessment" in reopened.feedback.value
    assert "Reassessment" in reopened.feedback.value
    reopened.phase_picker.value = "initial"
    assert AssessmentApp(store=store, autosave_delay=0).phase_picker.value == "initial"
