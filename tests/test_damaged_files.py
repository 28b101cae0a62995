"""A damaged or unwritable case file never locks a student out (issue 17): a file that
does not read is set aside (never deleted) and a new one started; one bad revision falls
back to the last good one; a read-only file opens read-only, and says so."""

from __future__ import annotations

import os
import sqlite3

import pytest

from casework.model import CaseRecord
from casework.session import CaseSession
from casework.store import CaseStore, ReadOnlyCaseFile
from casework.ui.intake import IntakeApp


def _saved(store: CaseStore, eviction, text: str, base=None) -> int:
    record = CaseRecord(
        case_id=eviction.id, scenario_id=eviction.id, intake={"presenting_issue": text}
    )
    return store.save(record, base).revision.revision


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_file_that_does_not_read_is_set_aside_and_a_new_one_started(home, eviction, damage):
    path = home / "casework.sqlite3"
    store = CaseStore(path)
    _saved(store, eviction, "Client said the notice gives ten days.")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3] if damage == "truncated" else b"not a database" * 100)

    reopened = CaseStore(path)
    kept = [p for p in home.iterdir() if p.name.startswith("casework.sqlite3.damaged-")]
    assert kept and kept[0].stat().st_size > 0  # the damaged file is kept, never deleted
    assert (
        reopened.problem
        and kept[0].name in reopened.problem
        and "Nothing was deleted" in reopened.problem
    )
    assert reopened.latest(eviction.id) is None
    assert _saved(reopened, eviction, "New start") == 1  # the student can work again


def test_one_bad_revision_falls_back_to_the_last_good_one_and_saving_goes_on(home, eviction):
    store = CaseStore(home / "casework.sqlite3")
    first = _saved(store, eviction, "Good first version.")
    second = _saved(store, eviction, "Second version, about to be damaged.", first)
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE revisions SET body = '{\"broken' WHERE revision = ?", (second,))
    latest = store.latest(eviction.id)
    assert latest is not None and latest.revision == first
    assert latest.record.intake.presenting_issue == "Good first version."
    third = store.save(
        latest.record.model_copy(
            update={
                "intake": latest.record.intake.model_copy(update={"presenting_issue": "Third."})
            }
        ),
        first,
    )
    assert third.revision.revision == second + 1  # append-only: the damaged row stays
    assert store.latest(eviction.id).record.intake.presenting_issue == "Third."


def test_a_read_only_file_shows_the_work_and_says_saving_is_off(home, eviction, monkeypatch):
    path = home / "casework.sqlite3"
    _saved(CaseStore(path), eviction, "Client said the notice gives ten days.")
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if mode == os.W_OK and str(p) == str(path) else real_access(p, mode),
    )
    store = CaseStore(path)
    assert store.read_only and "read-only" in store.problem
    assert store.latest(eviction.id).record.intake.presenting_issue.startswith("Client said")
    with pytest.raises(ReadOnlyCaseFile):
        store.save(store.latest(eviction.id).record, 1)

    statuses = []
    session = CaseSession(store, eviction.id, on_status=statuses.append)
    session.update_intake(presenting_issue="New words")
    assert (
        "read-only" in statuses[-1].message
        and session.record.intake.presenting_issue == "New words"
    )

    app = IntakeApp(store=store, autosave_delay=0)
    assert "read-only" in app.problems.value
    app.picker.value = eviction.id
    assert app.texts["presenting_issue"].value.startswith("Client said")


def test_a_long_paste_is_refused_with_a_message_and_the_file_stays_small(home, eviction):
    """Issue 17: a 1 MB paste must not add megabytes per pause in typing. A field holds at
    most 20,000 characters; revisions are stored compressed, still whole and readable."""
    from casework.session import MAX_FIELD_CHARS

    store = CaseStore(home / "casework.sqlite3")
    statuses = []
    session = CaseSession(store, eviction.id, on_status=statuses.append)
    session.update_intake(presenting_issue="Client said the notice gives ten days.")

    def size() -> int:  # the file and its write-ahead log together
        wal = store.path.with_name(store.path.name + "-wal")
        return store.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)

    before = size()
    session.update_intake(presenting_issue="x" * 1_000_000)
    assert "Not saved" in statuses[-1].message and "20,000" in statuses[-1].message
    assert session.record.intake.presenting_issue.startswith("Client said")
    assert store.latest(eviction.id).record.intake.presenting_issue.startswith("Client said")

    words = " ".join(f"word{n % 997} said on day {n % 90}" for n in range(900))[
        : MAX_FIELD_CHARS - 100
    ]
    for n in range(20):  # twenty pauses while typing a long note
        session.update_intake(presenting_issue=f"{words} {n}")
    grown = size() - before
    assert grown < 20 * len(words) / 3  # compressed: well under the text's own size each time
    history = store.history(eviction.id)
    assert history[-1].record.intake.presenting_issue.endswith(" 19")
    assert history[5].record.intake.presenting_issue.endswith(" 4")  # any saved point reads


def test_a_file_from_before_compression_is_backed_up_once_before_it_changes(home, eviction):
    """Issue 17: before any storage change, keep a dated backup copy."""
    path = home / "casework.sqlite3"
    _saved(CaseStore(path), eviction, "Saved by this version.")
    with sqlite3.connect(path) as db:  # as a file from before: plain JSON rows, no format
        body = CaseStore(path).latest(eviction.id).record.model_dump_json()
        db.execute("UPDATE revisions SET body = ?", (body,))
        db.execute("DELETE FROM settings WHERE key = 'storage_format'")
    reopened = CaseStore(path)
    backups = sorted(home.glob("casework.sqlite3.backup-*[0-9]"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as db:  # the copy as it was: plain JSON rows
        (stored,) = db.execute("SELECT body FROM revisions").fetchone()
    assert "Saved by this version." in stored
    assert reopened.latest(eviction.id).record.intake.presenting_issue == "Saved by this version."
    CaseStore(path)  # opened again: no second backup
    assert len(sorted(home.glob("casework.sqlite3.backup-*[0-9]"))) == 1
