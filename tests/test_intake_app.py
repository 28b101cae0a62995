"""The intake app driven from Python: set values, click buttons, read what the user sees."""

from pathlib import Path

import pytest

from casework.scenarios import load_catalogue
from casework.store import CaseStore
from casework.ui.intake import IntakeApp

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def app(store: CaseStore) -> IntakeApp:
    app = IntakeApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    return app


def test_sections_stay_hidden_until_a_scenario_is_chosen(store: CaseStore):
    app = IntakeApp(store=store, autosave_delay=0)
    assert app.picker.value is None
    assert app.scenario_panel.layout.display == "none"
    app.picker.value = "eviction-family"
    assert app.scenario_panel.layout.display is None
    assert "A family facing eviction" in app.briefing.value
    assert "New case file" in app.status.value


def test_the_briefing_shows_the_clients_words(app: IntakeApp):
    assert "I can&#x27;t have my kids sleeping in the car" in app.briefing.value
    assert "Teo (son, 9)" in app.briefing.value


def test_screening_shows_the_verdict_and_reasons(app: IntakeApp):
    app.answers["income"].value = "not_met"
    app.buttons["eligibility"].click()
    shown = app.feedback["eligibility"].value
    assert "Screening result for Housing Stability Program: Eligible" in shown
    assert "38% of the area median" in shown
    assert "you chose “not met”, but the evidence says “met”" in shown


def test_triage_feedback_after_ticking_signals(app: IntakeApp):
    app.flags["ten-day-notice"].value = True
    app.priority.value = "routine"
    app.buttons["urgency"].click()
    shown = app.feedback["urgency"].value
    assert "lower than the signals support" in shown
    assert "Missed: “She says the cupboards are almost empty" in shown
    app.flags["food-running-out"].value = True
    app.priority.value = "urgent"
    app.buttons["urgency"].click()
    assert "Priority set correctly: Urgent" in app.feedback["urgency"].value


def test_every_field_is_saved_and_shown_again_after_reopening(app: IntakeApp, store: CaseStore):
    app.confidentiality.value = True
    app.confidentiality_limits.value = True
    for field, widget in app.texts.items():
        widget.value = f"{field} as typed"
    app.answers["service-area"].value = "met"
    app.flags["ten-day-notice"].value = True
    app.priority.value = "urgent"

    reopened = IntakeApp(store=store, autosave_delay=0)  # a reload: a new kernel, same store
    assert reopened.picker.value == "eviction-family"
    assert {f: w.value for f, w in reopened.texts.items()} == {
        f: f"{f} as typed" for f in app.texts
    }
    assert reopened.confidentiality.value and reopened.confidentiality_limits.value
    assert reopened.answers["service-area"].value == "met"
    assert reopened.flags["ten-day-notice"].value and not reopened.flags["food-running-out"].value
    assert reopened.priority.value == "urgent"
    assert "Welcome back" in reopened.status.value
    assert "Screening result" in reopened.feedback["eligibility"].value  # feedback shown again


def test_user_text_is_shown_as_text_never_markup(app: IntakeApp):
    app.texts["presenting_issue"].value = f"She said “{XSS}” twice"
    app.texts["initial_observations"].value = XSS
    app.buttons["presenting_issue"].click()
    app.buttons["baseline"].click()
    app.buttons["eligibility"].click()
    every_html = " ".join(
        [
            app.status.value,
            app.briefing.value,
            app.problems.value,
            *(p.value for p in app.feedback.values()),
        ]
    )
    assert "<img" not in every_html
    assert app.store.latest("eviction-family").record.intake.initial_observations == XSS


def test_switching_scenarios_keeps_each_case_separate(app: IntakeApp, store: CaseStore):
    app.texts["presenting_issue"].value = "eviction words"
    app.picker.value = "foster-care-leaver"
    assert app.texts["presenting_issue"].value == ""
    assert set(app.answers) == {"age", "age-upper", "care-history", "engaged"}
    app.texts["presenting_issue"].value = "foster words"
    app.picker.value = "eviction-family"
    assert app.texts["presenting_issue"].value == "eviction words"
    assert store.latest("foster-care-leaver").record.intake.presenting_issue == "foster words"


def test_a_second_tab_is_told_and_shows_both_tabs_work(store: CaseStore):
    tab_a = IntakeApp(store=store, autosave_delay=0)
    tab_a.picker.value = "eviction-family"
    tab_b = IntakeApp(store=store, autosave_delay=0)  # opened on the same case
    tab_a.texts["presenting_issue"].value = "typed in A"
    tab_b.texts["initial_observations"].value = "typed in B"
    assert "also changed in another window" in tab_b.status.value
    assert tab_b.texts["presenting_issue"].value == "typed in A"
    latest = store.latest("eviction-family").record.intake
    assert (latest.presenting_issue, latest.initial_observations) == ("typed in A", "typed in B")


def test_a_broken_scenario_file_is_named_and_the_rest_still_load(tmp_path: Path, store: CaseStore):
    source = next(
        Path(__file__).resolve().parent.parent.joinpath("scenarios").glob("eviction*.yaml")
    )
    (tmp_path / "good.yaml").write_text(source.read_text())
    (tmp_path / "bad.yaml").write_text(source.read_text().replace("title:", "titel:", 1))
    app = IntakeApp(store=store, catalogue=load_catalogue(tmp_path), autosave_delay=0)
    assert [value for _, value in app.picker.options] == [None, "eviction-family"]
    assert "bad.yaml" in app.problems.value and "titel" in app.problems.value
