"""The case store: every revision kept, stale saves merged, and nothing lost to a kill."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from casework.model import CaseRecord, Intake
from casework.store import CaseStore, data_home

OPENED = datetime(2026, 1, 1, tzinfo=UTC)


def record(**intake) -> CaseRecord:
    return CaseRecord(
        case_id="demo", scenario_id="demo", created_at=OPENED, intake=Intake(**intake)
    )


def test_data_home_follows_casework_home(home: Path):
    assert data_home() == home
    assert CaseStore().path.parent == home


def test_every_save_is_a_new_revision_and_history_is_kept(store: CaseStore):
    first = store.save(record(presenting_issue="one"), None).revision
    second = store.save(record(presenting_issue="two"), first.revision).revision
    assert (first.revision, second.revision) == (1, 2)
    assert [r.record.intake.presenting_issue for r in store.history("demo")] == ["one", "two"]
    assert store.revision("demo", 1).record.intake.presenting_issue == "one"
    assert store.latest("demo").record.intake.presenting_issue == "two"
    assert store.case_ids() == ["demo"]


def test_a_stale_save_is_merged_not_lost(store: CaseStore):
    base = store.save(record(), None).revision.revision
    # Tab A and tab B both opened revision 1; A saves first.
    store.save(record(presenting_issue="from tab A"), base)
    result = store.save(record(initial_observations="from tab B"), base)
    assert result.merged_with == 2 and result.conflicts == ()
    latest = store.latest("demo").record.intake
    assert latest.presenting_issue == "from tab A"
    assert latest.initial_observations == "from tab B"
    assert "merged with revision 2" in store.latest("demo").note


def test_a_conflict_keeps_both_versions_and_names_the_field(store: CaseStore):
    base = store.save(record(), None).revision.revision
    store.save(record(presenting_issue="A's words"), base)
    result = store.save(record(presenting_issue="B's words"), base)
    assert result.conflicts == ("intake.presenting_issue",)
    texts = [r.record.intake.presenting_issue for r in store.history("demo")]
    assert texts == ["", "A's words", "B's words"]


def test_settings_round_trip(store: CaseStore):
    assert store.get_setting("current_case") is None
    store.set_setting("current_case", "a")
    store.set_setting("current_case", "b")
    assert store.get_setting("current_case") == "b"


WRITER = """
import sys
from casework.model import CaseRecord, Intake
from casework.store import CaseStore
store = CaseStore()
revision = None
for n in range(1_000_000):
    text = f"revision body {n} " + "x" * 4000
    saved = store.save(CaseRecord(case_id="demo", scenario_id="demo", intake=Intake(presenting_issue=text)), revision)
    revision = saved.revision.revision
    if n == 20:
        print("started", flush=True)
"""


def test_killing_the_process_mid_save_leaves_the_last_commit_intact(home: Path):
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER],
        stdout=subprocess.PIPE,
        env={**os.environ, "CASEWORK_HOME": str(home)},
    )
    assert writer.stdout.readline().strip() == b"started"
    time.sleep(0.7)  # let it get well into a burst of saves, then kill it without warning
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()

    store = CaseStore()
    history = store.history("demo")
    assert len(history) > 20
    assert [r.revision for r in history] == list(
        range(1, len(history) + 1)
    )  # no gaps, no torn rows
    latest = store.latest("demo")
    assert latest.record.intake.presenting_issue.startswith(f"revision body {len(history) - 1} ")
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # And the store keeps working after the crash.
    assert store.save(latest.record, latest.revision).revision.revision == len(history) + 1
