"""The answer key beside the student's work (issue 16): hidden until the student commits,
described rather than graded, the first attempt kept, reflections saved and exported."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from casework.answer_key import (
    NOT_WRITTEN,
    commit,
    compare,
    first_attempt,
    reflection_questions,
    revised_since_commit,
)
from casework.model import STAGES, CaseRecord, DomainRating, Goal, LifeDomain
from casework.report import export_case
from casework.ui.assessment import AssessmentApp
from casework.ui.intake import IntakeApp
from casework.ui.learning import reflection_report


def _record(scenario, **sections) -> CaseRecord:
    return CaseRecord(case_id=scenario.id, scenario_id=scenario.id, **sections)


def _all_text(widget) -> str:
    """Every string a page shows: HTML values, labels, text fields, recursively."""
    parts = []
    for name in ("value", "description", "placeholder"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            parts.append(value)
    for child in getattr(widget, "children", ()):
        parts.append(_all_text(child))
    return "\n".join(parts)


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_asks_what_you_felt_and_what_you_weighed(stage, eviction):
    questions = reflection_questions(stage, eviction)
    kinds = [q.kind for q in questions]
    assert "feeling" in kinds and "weighed" in kinds
    assert 2 <= len(questions) <= 3
    assert any(q.kind == "case" for q in questions)  # the scenario's own question


def test_commit_keeps_the_first_attempt_however_the_stage_changes_later(eviction):
    record = _record(eviction)
    record = record.model_copy(
        update={"intake": record.intake.model_copy(update={"presenting_issue": "first words"})}
    )
    learning = commit(record.learning, record, "intake", revision=3)
    record = record.model_copy(update={"learning": learning})
    assert learning.committed["intake"].first_attempt["presenting_issue"] == "first words"
    assert not revised_since_commit(record, "intake")

    edited = record.model_copy(
        update={"intake": record.intake.model_copy(update={"presenting_issue": "second words"})}
    )
    assert revised_since_commit(edited, "intake")
    again = commit(edited.learning, edited, "intake", revision=9)
    assert again.committed["intake"].first_attempt["presenting_issue"] == "first words"
    assert again.committed["intake"].revision == 3
    assert first_attempt(edited, "intake")["presenting_issue"] == "second words"


def test_a_different_priority_is_described_with_the_instructors_reason(eviction):
    key = eviction.instructor_notes.answer_key
    same = compare("intake", _record(eviction, intake={"priority": "urgent"}), eviction)[0]
    other = compare("intake", _record(eviction, intake={"priority": "routine"}), eviction)[0]
    assert same.yours == same.model == "Urgent" and same.note.startswith("The same priority")
    assert other.yours == "Routine" and "defensible" in other.note and key.intake_why in other.note


def test_assessment_scores_one_level_apart_are_called_defensible(eviction):
    model = eviction.instructor_notes.domain_scores[LifeDomain.health]
    initial = {
        LifeDomain.health: DomainRating(score=model + 1, evidence=["a"]),
        LifeDomain.legal: DomainRating(
            score=5 if eviction.instructor_notes.domain_scores[LifeDomain.legal] <= 2 else 1
        ),
    }
    rows = {
        r.item.split(":")[0]: r
        for r in compare("assessment", _record(eviction, assessment={"initial": initial}), eviction)
    }
    health = next(r for k, r in rows.items() if k.lower().startswith("health"))
    assert health.yours == f"{model + 1} (1 fact cited)" and "defensible" in health.note
    legal = next(r for k, r in rows.items() if k.lower().startswith("legal"))
    assert "levels apart" in legal.note
    assert sum(r.yours == NOT_WRITTEN for r in rows.values()) == len(LifeDomain) - 2


def test_a_plan_without_the_models_goal_domain_is_told_so_without_a_grade(eviction):
    key = eviction.instructor_notes.answer_key
    goal = Goal(
        text="Within 30 days, client will enroll in a parenting class.",
        domain=LifeDomain.social_support,
    )
    rows = compare("care_plan", _record(eviction, plan={"goals": {"g1": goal}}), eviction)
    missing = [r for r in rows if r.yours == NOT_WRITTEN]
    assert len(missing) == len([g for g in key.goals if g.domain != LifeDomain.social_support])
    assert all("no goal beside this one" in r.note for r in missing)
    extra = [r for r in rows if r.yours == goal.text]
    if LifeDomain.social_support not in {g.domain for g in key.goals}:
        assert extra and "defensible" in extra[0].note
    # the model shows its steps and all five GAS levels
    assert all("Steps:" in r.model and "-2:" in r.model and "2:" in r.model for r in missing)


def test_model_notes_wait_for_their_event_to_unfold(eviction):
    """An event still ahead is not given away: neither its summary nor its model note."""
    key = eviction.instructor_notes.answer_key
    rows = compare("monitoring", _record(eviction), eviction)
    assert rows and all(r.yours == "(this event has not unfolded yet)" for r in rows)
    shown_text = " ".join(f"{r.item} {r.model}" for r in rows)
    for model in key.notes:
        assert model.note[:40] not in shown_text
        assert eviction.timeline[model.event].summary not in shown_text
    shown = _record(eviction, monitoring={"shown": len(eviction.timeline)})
    assert all(r.yours == NOT_WRITTEN for r in compare("monitoring", shown, eviction))


def test_one_goal_of_the_student_is_set_beside_one_model_goal(eviction):
    goal = Goal(text="Within 30 days, client will pay rent on time.", domain=LifeDomain.basic_needs)
    rows = compare("care_plan", _record(eviction, plan={"goals": {"g1": goal}}), eviction)
    assert sum(r.yours == goal.text for r in rows) == 1


def test_a_lower_priority_is_asked_to_check_for_a_danger_left_out(eviction):
    lower = compare("intake", _record(eviction, intake={"priority": "routine"}), eviction)[0]
    higher = compare("intake", _record(eviction, intake={"priority": "immediate"}), eviction)[0]
    assert "danger or a deadline" in lower.note and "raised it" in higher.note


def test_a_scenario_without_a_key_compares_nothing(eviction):
    bare = eviction.model_copy(
        update={
            "instructor_notes": eviction.instructor_notes.model_copy(update={"answer_key": None})
        }
    )
    assert compare("closure", _record(bare), bare) == []
    assert [q.kind for q in reflection_questions("closure", bare)] == ["feeling", "weighed"]


def test_the_reflection_coach_reads_for_stigma_not_for_note_form():
    assert reflection_report("I felt tense and unsure what to say next.").ok
    assert reflection_report("She seemed overwhelmed, and I wondered if I was rushing her.").ok
    flagged = reflection_report("I thought the mother was lazy and a junkie.")
    assert not flagged.ok
    assert all(
        f.category in {"stigma", "stereotyping", "disapproval", "judgment"}
        for f in flagged.findings
    )


def test_the_intake_app_hides_the_model_until_the_student_commits(store, eviction):
    key = eviction.instructor_notes.answer_key
    app = IntakeApp(store=store, autosave_delay=0)
    app.picker.value = eviction.id
    before = _all_text(app)
    for secret in (
        key.intake_reflection,
        key.intake_why,
        eviction.instructor_notes.model_presenting_issue,
    ):
        assert secret not in before
    app.stage_end.reflection.fields["felt"].value = "I felt a knot in my stomach when she said car."
    app.stage_end.model_answer.done.click()
    after = app.stage_end.model_answer.answer.value
    assert "Model answer" in after and "Urgent" in after
    assert app.record.learning.committed["intake"].revision is not None
    assert app.stage_end.model_answer.done.layout.display == "none"


def test_commitment_and_reflections_survive_reopening_and_reach_the_export(store, eviction):
    app = AssessmentApp(store=store, autosave_delay=0)
    app.picker.value = eviction.id
    app.stage_end.reflection.fields["weighed"].value = "I weighed the notice over her steady job."
    app.stage_end.model_answer.done.click()
    app.session.flush()

    reopened = AssessmentApp(store=store, autosave_delay=0)
    reopened.picker.value = eviction.id
    assert reopened.stage_end.reflection.fields["weighed"].value.startswith("I weighed")
    assert "your work beside the model answer" in reopened.stage_end.model_answer.answer.value
    exported = export_case(reopened.record, eviction, "md")
    assert "I weighed the notice over her steady job." in exported
    assert "Assessment: committed" in exported and "Intake: not committed yet" in exported


def test_student_text_in_the_comparison_is_escaped(store, eviction):
    app = IntakeApp(store=store, autosave_delay=0)
    app.picker.value = eviction.id
    app.edit("intake", presenting_issue="<script>alert(1)</script>")
    app.stage_end.model_answer.done.click()
    shown = app.stage_end.model_answer.answer.value
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert isinstance(app.stage_end, widgets.VBox)


def test_markdown_exports_show_raw_html_as_text(eviction):
    """Issue 17: a Markdown viewer renders inline HTML, so typed markup stays text."""
    from casework.contract import contract_markdown
    from casework.interview import InterviewDraft, answers_markdown

    typed = '<img src=x onerror="alert(1)"> & <b>bold</b>'
    record = _record(
        eviction,
        intake={"presenting_issue": typed},
        learning={"reflections": {"intake": {"felt": typed}}},
    )
    for document in (
        export_case(record, eviction, "md"),
        answers_markdown(InterviewDraft(story=typed)),
    ):
        assert "<img" not in document and "<b>" not in document
        assert "&lt;img src=x" in document and "&amp;" in document
    assert "<" not in contract_markdown(record, eviction).replace("<!--", "")


def test_the_keys_answer_to_a_warning_sign_waits_for_its_event_and_sits_beside_yours(eviction):
    key = eviction.instructor_notes.answer_key
    response = key.responses[0]
    before = compare(
        "monitoring", _record(eviction, monitoring={"shown": response.event}), eviction
    )
    assert not any(r.item.startswith("Answer to the warning sign") for r in before)
    unfolded = {
        "shown": response.event + 1,
        "responses": {
            f"disclosure-{response.event}": {"kind": "explain", "text": "We <b>talked</b>."}
        },
    }
    rows = compare("monitoring", _record(eviction, monitoring=unfolded), eviction)
    row = next(r for r in rows if r.item.startswith("Answer to the warning sign"))
    assert row.yours.startswith("Continue the plan") and "We <b>talked</b>." in row.yours
    assert response.text in row.model and "Step added:" in row.model  # eviction's is a change


def test_the_closing_work_is_compared_part_by_part(eviction):
    work = eviction.instructor_notes.answer_key.closure_work
    record = _record(eviction, closure={"handoff": "The pantry, Tuesdays."})
    rows = {r.item: r for r in compare("closure", record, eviction)}
    assert (
        rows["Handoff"].yours == "The pantry, Tuesdays." and rows["Handoff"].model == work.handoff
    )
    assert rows["Crisis plan"].yours == NOT_WRITTEN and rows["Follow-up"].model == work.follow_up
