"""Each student's own case file, the start page, and failures shown in plain words."""

import logging

import pytest

from casework.session import CURRENT_CASE
from casework.store import CaseStore
from casework.ui.errors import ErrorPanel, guarded, open_app
from casework.ui.intake import IntakeApp
from casework.ui.landing import LandingApp
from casework.workspace import WorkspaceError, link_query, store_for, student_from_query


@pytest.mark.parametrize(
    ("query", "student"),
    [("", None), ("x=1", None), ("student=ana-3", "ana-3"), ("?student=Lee_2&x=1", "Lee_2")],
)
def test_the_student_is_read_from_the_address(query, student):
    assert student_from_query(query) == student


@pytest.mark.parametrize("query", ["student=", "student=%20%20", "?student=+"])
def test_a_student_name_left_out_is_refused_not_read_as_the_shared_file(query):
    """Issue 17: "?student=   " silently opened the shared case file."""
    with pytest.raises(WorkspaceError, match="gives no name"):
        student_from_query(query)


@pytest.mark.parametrize("name", ["../../etc", "a b", "-leading", "x" * 41, "ana/../kim"])
def test_a_name_that_cannot_be_a_file_name_is_refused_with_an_example(name):
    with pytest.raises(WorkspaceError, match=r"for example \?student=ana-3"):
        student_from_query(f"student={name}")


def test_two_students_have_separate_case_files(home, eviction):
    ana, kim = store_for("ana"), store_for("kim")
    ana.set_setting(CURRENT_CASE, eviction.id)
    assert kim.get_setting(CURRENT_CASE) is None
    assert ana.path != kim.path and ana.path.parent == home / "students"
    assert store_for(None).path == home / "casework.sqlite3"


def test_links_carry_the_student_to_the_next_page():
    assert link_query("ana-3") == "?student=ana-3"
    assert link_query(None) == ""


def test_an_app_opened_from_an_address_uses_that_students_file(home, monkeypatch, eviction):
    store_for("ana").set_setting(CURRENT_CASE, eviction.id)
    monkeypatch.setenv("QUERY_STRING", "student=ana")
    app = IntakeApp(autosave_delay=0)
    assert app.student == "ana" and app.picker.value == eviction.id
    assert "01_intake.ipynb?student=ana" not in app.children[1].value  # the current stage
    assert "00_start.ipynb?student=ana" in app.children[1].value
    assert "02_assessment.ipynb?student=ana" in app.children[1].value


def test_a_failing_action_shows_a_plain_message_and_logs_the_details(caplog):
    panel = ErrorPanel()

    def broken(_button) -> None:
        raise KeyError("internal detail")

    with caplog.at_level(logging.ERROR, logger="casework.ui"):
        guarded(broken)(None)
    assert "Something went wrong while carrying out your last action" in panel.value
    assert "Everything saved before this is safe" in panel.value
    assert "internal detail" not in panel.value and "Traceback" not in panel.value
    assert "internal detail" in caplog.text  # the trainer finds it in the server's log
    guarded(lambda _b: None)(None)  # the next action works: the message goes
    assert panel.value == ""


def test_an_app_that_cannot_open_says_why_in_words(monkeypatch, home):
    monkeypatch.setenv("QUERY_STRING", "student=../x")
    shown = IntakeApp.launch()
    assert "cannot be used as a student name" in shown.value
    assert "Traceback" not in shown.value

    def explode():
        raise RuntimeError("no such table: revisions")

    shown = open_app(explode, "the Intake app")
    assert "Something went wrong while opening the Intake app" in shown.value
    assert "no such table" not in shown.value


def test_the_start_page_opens_the_chosen_case_and_shows_each_stage(store: CaseStore, eviction):
    page = LandingApp(store=store)
    assert "No case started yet" in page.saved_note.value
    page.picker.value = eviction.id
    assert store.get_setting(CURRENT_CASE) == eviction.id  # every stage app opens on it
    assert "○ Not started" in page.stages.value
    assert "href='01_intake.ipynb'" in page.stages.value
    IntakeApp(store=store, autosave_delay=0).texts[
        "presenting_issue"
    ].value = "She said: “ten days.”"
    again = LandingApp(store=store)
    assert again.picker.value == eviction.id
    assert "◐ Started" in again.stages.value
    assert "Next: decide every eligibility criterion." in again.stages.value
    assert eviction.title in again.saved_note.value


def test_the_start_page_keeps_the_student_on_its_links(store: CaseStore, eviction):
    page = LandingApp(store=store, student="ana")
    page.picker.value = eviction.id
    assert "href='01_intake.ipynb?student=ana'" in page.stages.value
    assert "case files of <b>ana</b>" in page.children[1].value


def test_exports_are_kept_per_student_and_show_no_server_path(home):
    """Issue 17: on a class server two students' exports never overwrite each other."""
    from casework.ui.components import export_html

    ana = export_html("case.md", "Ana's case", "download-md", "Download", "ana")
    kim = export_html("case.md", "Kim's case", "download-md", "Download", "kim")
    assert (home / "exports" / "ana" / "case.md").read_text() == "Ana's case"
    assert (home / "exports" / "kim" / "case.md").read_text() == "Kim's case"
    for message in (ana, kim):
        assert str(home) not in message and "case.md" in message
