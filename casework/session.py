"""The open case: the record in memory, saved through the store after every change.

Typing produces a change per keystroke; saving each one as a revision would bury the
history in noise, so saves are debounced by `autosave_delay` seconds (0 saves at once).
`flush()` saves immediately and is called before any action that reads the record.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from casework.model import CaseRecord
from casework.store import CaseStore, SaveResult

log = logging.getLogger(__name__)
CURRENT_CASE = "current_case"


@dataclass(frozen=True)
class SaveStatus:
    state: str  # "saved" | "pending" | "failed" | "merged"
    message: str


def save_failed(error: Exception) -> SaveStatus:
    """What a student reads when a save fails: the work is kept and saving goes on."""
    from casework.store import ReadOnlyCaseFile

    if isinstance(error, ReadOnlyCaseFile):
        return SaveStatus(
            "failed",
            "Not saved: this case file is read-only. Your text is still on this page; copy "
            "what you need and tell your instructor.",
        )
    return SaveStatus(
        "failed",
        f"Not saved yet ({error.__class__.__name__}). Your text is still here; "
        "the next change will try again.",
    )


# A field of a case record holds at most this many characters: about eight pages, far
# more than any note needs, and a bound on how much a pasted file can add to the case file.
MAX_FIELD_CHARS = 20_000


def longest_text(value: Any) -> int:
    """The length of the longest string anywhere in `value` (a section as plain data)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return max((longest_text(v) for v in value.values()), default=0)
    if isinstance(value, list | tuple):
        return max((longest_text(v) for v in value), default=0)
    return 0


def too_long(length: int) -> SaveStatus:
    return SaveStatus(
        "failed",
        f"Not saved: one field holds {length:,} characters, more than the {MAX_FIELD_CHARS:,} "
        "(about eight pages) a field may hold. Your text is still on this page; shorten it "
        "and saving starts again.",
    )


def case_id_for(scenario_id: str) -> str:
    return scenario_id


class CaseSession:
    def __init__(
        self,
        store: CaseStore,
        scenario_id: str,
        *,
        autosave_delay: float = 0.0,
        on_status: Callable[[SaveStatus], None] = lambda status: None,
        on_merged: Callable[[CaseRecord], None] = lambda record: None,
    ):
        self.store = store
        self.autosave_delay = autosave_delay
        self.on_status = on_status
        self.on_merged = on_merged
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._dirty = False
        self._note = ""  # why the next save is made, when it is not plain editing
        case_id = case_id_for(scenario_id)
        latest = store.latest(case_id)
        if latest is None:
            self.record = CaseRecord(case_id=case_id, scenario_id=scenario_id)
            self.revision: int | None = None
            self.resumed = False
        else:
            self.record = latest.record
            self.revision = latest.revision
            self.resumed = True
        store.set_setting(CURRENT_CASE, case_id)

    def update_intake(self, **changes: Any) -> None:
        """Apply validated changes to the intake section, then (auto)save."""
        self.update_section("intake", **changes)

    def update_section(self, section: str, **changes: Any) -> None:
        """Apply validated changes to one section of the record ("intake", "plan", …)."""
        with self._lock:
            current: BaseModel = getattr(self.record, section)
            self.replace_section(
                section, type(current).model_validate({**current.model_dump(), **changes})
            )

    def restore(self, record: CaseRecord, revision: int) -> SaveResult | None:
        """Make an earlier version of the case current again, saved as a new revision (the
        versions after it stay in the history)."""
        with self._lock:
            self.record = record.model_copy(update={"case_id": self.record.case_id})
            self._dirty = True
            self._note = f"restored revision {revision}"
        return self.flush()

    def replace_section(self, section: str, value: BaseModel) -> None:
        """Put a whole new version of a section in the record, then (auto)save."""
        with self._lock:
            if value == getattr(self.record, section):
                return
            length = longest_text(value.model_dump())
            if length > MAX_FIELD_CHARS:
                self.on_status(too_long(length))  # the record keeps its last good version
                return
            # validate the whole record, so a bad value fails here and not at save time
            self.record = CaseRecord.model_validate(
                {**self.record.model_dump(), section: value.model_dump()}
            )
            self._dirty = True
        self._schedule()

    def _schedule(self) -> None:
        if self.autosave_delay <= 0:
            self.flush()
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.autosave_delay, self.flush)
            self._timer.daemon = True
            self._timer.start()
        self.on_status(SaveStatus("pending", "Saving…"))

    def flush(self) -> SaveResult | None:
        """Save now if anything changed. Failures are reported, and the change stays pending."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if not self._dirty:
                return None
            try:
                result = self.store.save(self.record, self.revision, self._note)
            except Exception as error:  # disk full, locked file: tell the user, keep the work
                log.exception("saving case %s failed", self.record.case_id)
                self.on_status(save_failed(error))
                return None
            self._dirty = False
            self._note = ""
            self.revision = result.revision.revision
            merged = result.merged_with is not None and result.revision.record != self.record
            self.record = result.revision.record
        time = result.revision.saved_at.astimezone().strftime("%H:%M:%S")
        if result.merged_with is None:
            self.on_status(SaveStatus("saved", f"Saved at {time} (revision {self.revision})."))
            return result
        message = (
            f"This case was also changed in another window (revision {result.merged_with}). "
            f"Both sets of changes are kept in revision {self.revision}."
        )
        if result.conflicts:
            fields = ", ".join(c.split(".", 1)[-1].replace("_", " ") for c in result.conflicts)
            message += (
                f" You both changed: {fields}. Your version is shown; the other one is kept "
                f"in revision {result.merged_with}."
            )
        self.on_status(SaveStatus("merged", message))
        if merged:
            self.on_merged(self.record)
        return result
