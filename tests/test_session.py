"""The open case: saved on every change, debounced while typing, failures reported."""

import time

import pytest
from pydantic import ValidationError

from casework.session import CURRENT_CASE, CaseSession
from casework.store import CaseStore


def test_every_change_is_saved_at_once_without_a_delay(store: CaseStore):
    statuses = []
    session = CaseSession(store, "eviction-family", on_status=statuses.append)
    session.update_intake(presenting_issue="first")
    session.update_intake(presenting_issue="second")
    assert len(store.history("eviction-family")) == 2
    assert statuses[-1].state == "saved" and "revision 2" in statuses[-1].message
    assert store.get_setting(CURRENT_CASE) == "eviction-family"


def test_an_unchanged_value_does_not_add_a_revision(store: CaseStore):
    session = CaseSession(store, "eviction-family")
    session.update_intake(presenting_issue="same")
    session.update_intake(presenting_issue="same")
    assert len(store.history("eviction-family")) == 1


def test_reopening_resumes_the_saved_record(store: CaseStore):
    CaseSession(store, "eviction-family").update_intake(reflection="kept")
    reopened = CaseSession(store, "eviction-family")
    assert reopened.resumed and reopened.record.intake.reflection == "kept"


def test_typing_is_debounced_into_one_revision(store: CaseStore):
    session = CaseSession(store, "eviction-family", autosave_delay=0.2)
    for n in range(1, 30):
        session.update_intake(presenting_issue="x" * n)
    deadline = time.monotonic() + 5
    while not store.history("eviction-family") and time.monotonic() < deadline:
        time.sleep(0.05)
    history = store.history("eviction-family")
    assert len(history) == 1 and history[0].record.intake.presenting_issue == "x" * 29


def test_flush_saves_pending_typing_immediately(store: CaseStore):
    session = CaseSession(store, "eviction-family", autosave_delay=60)
    session.update_intake(presenting_issue="typed just now")
    assert store.history("eviction-family") == []
    session.flush()
    assert store.latest("eviction-family").record.intake.presenting_issue == "typed just now"


def test_a_bad_value_is_rejected_before_it_reaches_the_record(store: CaseStore):
    session = CaseSession(store, "eviction-family")
    with pytest.raises(ValidationError):
        session.update_intake(priority="whenever")
    assert session.record.intake.priority is None


def test_a_failed_save_is_reported_and_retried(store: CaseStore, monkeypatch):
    statuses = []
    session = CaseSession(store, "eviction-family", on_status=statuses.append)
    real_save = store.save

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "save", broken)
    session.update_intake(presenting_issue="precious words")
    assert statuses[-1].state == "failed" and "still here" in statuses[-1].message
    monkeypatch.setattr(store, "save", real_save)
    session.update_intake(reflection="next change")
    saved = store.latest("eviction-family").record.intake
    assert saved.presenting_issue == "precious words" and saved.reflection == "next change"


def test_two_tabs_both_keep_their_work_and_the_second_is_told(store: CaseStore):
    tab_a = CaseSession(store, "eviction-family")
    tab_a.update_intake(reflection="start")
    tab_b_statuses, tab_b_shown = [], []
    tab_b = CaseSession(
        store, "eviction-family", on_status=tab_b_statuses.append, on_merged=tab_b_shown.append
    )
    tab_a.update_intake(presenting_issue="written in tab A")
    tab_b.update_intake(initial_observations="written in tab B")
    latest = store.latest("eviction-family").record.intake
    assert latest.presenting_issue == "written in tab A"
    assert latest.initial_observations == "written in tab B"
    assert tab_b_statuses[-1].state == "merged" and "another window" in tab_b_statuses[-1].message
    assert tab_b_shown[-1].intake.presenting_issue == "written in tab A"  # tab B now shows A's work
    assert tab_b.record.intake.presenting_issue == "written in tab A"
