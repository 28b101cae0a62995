"""Earlier versions of a case (issue 17): a student sees what each changed and can make
one current again, saved as a new revision so nothing after it is lost."""

from __future__ import annotations

from casework.history import changed_fields, describe_changes
from casework.model import CaseRecord
from casework.ui.intake import IntakeApp


def test_changed_fields_name_what_differs():
    old = CaseRecord(case_id="c", scenario_id="s", intake={"presenting_issue": "a"})
    new = old.model_copy(
        update={
            "intake": old.intake.model_copy(update={"presenting_issue": "b", "reflection": "r"})
        }
    )
    assert set(changed_fields(old, new)) == {"intake.presenting_issue", "intake.reflection"}
    assert changed_fields(old, old) == []
    assert "Intake: presenting issue" in describe_changes(changed_fields(old, new))


def test_a_student_restores_an_earlier_version_and_keeps_the_later_ones(store, eviction):
    app = IntakeApp(store=store, autosave_delay=0)
    app.picker.value = eviction.id
    app.texts["presenting_issue"].value = "First: she said the notice gives ten days."
    first = app.session.revision
    app.texts["presenting_issue"].value = "Second version, which the student regrets."
    later = app.session.revision
    assert later > first

    app.history.open.click()
    app.history.pick.value = first
    assert "presenting issue" in app.history.detail.value
    app.history.restore.click()
    assert app.texts["presenting_issue"].value.startswith("First:")
    assert "is your case again" in app.history.message.value
    revisions = store.history(eviction.id)
    assert revisions[-1].note == f"restored revision {first}"
    assert revisions[-1].record.intake.presenting_issue.startswith("First:")
    assert any(r.record.intake.presenting_issue.startswith("Second") for r in revisions)
