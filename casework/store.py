"""The student's case file: every change saved at once, every revision kept.

Case records are documents of practice, so history is append-only: a save adds a
revision and never rewrites one. SQLite gives the all-or-nothing write: a process
killed mid-save leaves the last committed revision intact. A save made from an older
revision (a second browser tab) is merged with what was saved since, field by field,
so neither tab's work disappears; where both changed the same field, the saver's
version is current and the other stays in the history.

A file that cannot be read as a case file is set aside under a dated name (never
deleted) and a new one started; a read-only file opens read-only; a revision that no
longer reads (one damaged row) is passed over for the last good one. `problem` says
which, in words for the student.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from casework.merge import merge3
from casework.model import CaseRecord

DATA_HOME_ENV = "CASEWORK_HOME"
# How revisions are stored; a file written before (plain JSON) is backed up, under a dated
# name, before its first compressed revision is added.
STORAGE_FORMAT = "zlib-1"
_FORMAT_KEY = "storage_format"
log = logging.getLogger(__name__)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS revisions (
    case_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    base_revision INTEGER,
    saved_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    PRIMARY KEY (case_id, revision)
);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS drafts (
    name TEXT PRIMARY KEY,
    saved_at TEXT NOT NULL,
    body TEXT NOT NULL
);
"""


def data_home() -> Path:
    """Where case files live: `CASEWORK_HOME`, else the platform's per-user data folder."""
    override = os.environ.get(DATA_HOME_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "casework"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "casework"
    xdg = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(xdg) / "casework"


def _pack(body_json: str) -> bytes:
    """A revision's body as stored: zlib-compressed JSON. Every revision is a whole record
    (any saved point can be read on its own); compressing it keeps a long note, saved at
    each pause in typing, from adding its full size every time."""
    return zlib.compress(body_json.encode("utf-8"), 6)


def _unpack(body: str | bytes) -> str:
    """A stored body as JSON text: compressed, or plain JSON from files saved before."""
    return zlib.decompress(body).decode("utf-8") if isinstance(body, bytes) else body


@dataclass(frozen=True)
class Revision:
    case_id: str
    revision: int
    base_revision: int | None
    saved_at: datetime
    note: str
    record: CaseRecord


@dataclass(frozen=True)
class SaveResult:
    revision: Revision
    merged_with: int | None = None  # the newer revision this save was merged into
    conflicts: tuple[str, ...] = ()  # fields both sides changed; the saver's value won


class ReadOnlyCaseFile(PermissionError):
    """A save to a case file the workbook may read but not write."""

    def __str__(self) -> str:
        return "this case file is read-only"


class CaseStore:
    """Case records in one SQLite file under the data home."""

    def __init__(self, path: Path | None = None):
        self.path = path or data_home() / "casework.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = False
        self.problem: str | None = None  # what a student should be told about this file
        if self.path.exists() and not os.access(self.path, os.W_OK):
            self.read_only = True
            self.problem = (
                "Your case file is read-only, so you can read your work but changes will not "
                "be saved. Ask your instructor to make it writable again."
            )
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            if self.read_only:
                raise
            self._set_aside(error)
            self._open()

    def _open(self) -> None:
        with self._connect() as db:
            if not self.read_only:
                db.executescript(_SCHEMA)
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("the file fails SQLite's integrity check")
            if self.read_only:
                return
            stored = db.execute(
                "SELECT value FROM settings WHERE key = ?", (_FORMAT_KEY,)
            ).fetchone()
            if stored is None or stored[0] != STORAGE_FORMAT:
                if db.execute("SELECT 1 FROM revisions LIMIT 1").fetchone():
                    self._back_up(db)
                db.execute(
                    "INSERT INTO settings VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (_FORMAT_KEY, STORAGE_FORMAT),
                )

    def _back_up(self, db: sqlite3.Connection) -> Path:
        """A dated copy of the whole file (SQLite's online backup), kept beside it."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        copy = self.path.with_name(f"{self.path.name}.backup-{stamp}")
        target = sqlite3.connect(copy)
        try:
            db.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()
        log.info("case file %s backed up as %s before a storage change", self.path, copy)
        return copy

    def _set_aside(self, error: sqlite3.DatabaseError) -> None:
        """Keep a damaged file under a dated name, never deleted, and start a new one."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        self.path.rename(kept)
        for suffix in ("-wal", "-shm"):
            journal = self.path.with_name(self.path.name + suffix)
            if journal.exists():
                journal.rename(kept.with_name(kept.name + suffix))
        log.error("case file %s could not be read (%s); kept as %s", self.path, error, kept)
        self.problem = (
            "Your case file could not be read (it may have been damaged), so it was kept "
            f"aside as {kept.name} and a new one started. Nothing was deleted: tell your "
            "instructor, who can recover what it holds."
        )

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A connection per operation: safe across the autosave thread and across processes.
        if self.read_only:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
        else:
            db = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        try:
            if not self.read_only:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=FULL")
            yield db
        finally:
            db.close()

    @staticmethod
    def _revision(row: tuple) -> Revision:
        case_id, revision, base, saved_at, note, body = row
        return Revision(
            case_id,
            revision,
            base,
            datetime.fromisoformat(saved_at),
            note,
            CaseRecord.model_validate_json(_unpack(body)),
        )

    _COLUMNS = "case_id, revision, base_revision, saved_at, note, body"

    def latest(self, case_id: str) -> Revision | None:
        """The newest revision that reads; a damaged row is passed over, not lost."""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {self._COLUMNS} FROM revisions WHERE case_id = ? ORDER BY revision DESC",
                (case_id,),
            )
            for row in rows:
                try:
                    return self._revision(row)
                except (ValueError, TypeError, zlib.error) as error:
                    log.error("case %s revision %s does not read (%s)", case_id, row[1], error)
        return None

    def revision(self, case_id: str, number: int) -> Revision:
        with self._connect() as db:
            row = db.execute(
                f"SELECT {self._COLUMNS} FROM revisions WHERE case_id = ? AND revision = ?",
                (case_id, number),
            ).fetchone()
        if row is None:
            raise KeyError(f"case {case_id!r} has no revision {number}")
        return self._revision(row)

    def history(self, case_id: str) -> list[Revision]:
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {self._COLUMNS} FROM revisions WHERE case_id = ? ORDER BY revision",
                (case_id,),
            ).fetchall()
        return [self._revision(row) for row in rows]

    def case_ids(self) -> list[str]:
        with self._connect() as db:
            rows = db.execute("SELECT DISTINCT case_id FROM revisions ORDER BY case_id").fetchall()
        return [row[0] for row in rows]

    @staticmethod
    def _head(db: sqlite3.Connection, case_id: str) -> tuple[int, tuple[int, dict] | None]:
        """The last revision number, and the newest revision that reads (number, body):
        a save merges with good work, never with a damaged row."""
        rows = db.execute(
            "SELECT revision, body FROM revisions WHERE case_id = ? ORDER BY revision DESC",
            (case_id,),
        ).fetchall()
        for number, body in rows:
            try:
                data = json.loads(_unpack(body))
                CaseRecord.model_validate(data)
            except (ValueError, TypeError, zlib.error):
                continue
            return rows[0][0], (number, data)
        return (rows[0][0] if rows else 0), None

    @staticmethod
    def _base(db: sqlite3.Connection, record: CaseRecord, base_revision: int | None) -> dict:
        """The version `record` was edited from; a blank record if it was never saved."""
        if base_revision is not None:
            row = db.execute(
                "SELECT body FROM revisions WHERE case_id = ? AND revision = ?",
                (record.case_id, base_revision),
            ).fetchone()
            if row:
                return json.loads(_unpack(row[0]))
        blank = CaseRecord(
            case_id=record.case_id, scenario_id=record.scenario_id, created_at=record.created_at
        )
        return json.loads(blank.model_dump_json())

    def save(self, record: CaseRecord, base_revision: int | None, note: str = "") -> SaveResult:
        """Append `record` as a new revision; merge it first if it was edited from an old one.
        `note` says why, when it is not plain editing ("restored revision 4")."""
        if self.read_only:
            raise ReadOnlyCaseFile(self.path)
        ours = json.loads(record.model_dump_json())
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # take the write lock before reading the head
            try:
                last, head = self._head(db, record.case_id)
                merged_with, conflicts, body = None, [], ours
                if head is not None and head[0] != base_revision:
                    body, conflicts = merge3(self._base(db, record, base_revision), ours, head[1])
                    merged_with = head[0]
                number = last + 1
                if merged_with is not None:
                    note = (note + "; " if note else "") + f"merged with revision {merged_with}"
                    if conflicts:
                        note += "; both changed " + ", ".join(conflicts)
                saved = CaseRecord.model_validate(body)
                saved_at = datetime.now(UTC)
                db.execute(
                    "INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        record.case_id,
                        number,
                        base_revision,
                        saved_at.isoformat(),
                        note,
                        _pack(saved.model_dump_json()),
                    ),
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        revision = Revision(record.case_id, number, base_revision, saved_at, note, saved)
        return SaveResult(revision, merged_with, tuple(conflicts))

    def get_setting(self, key: str) -> str | None:
        with self._connect() as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        if self.read_only:
            return  # a convenience (which case was open last): nothing to lose
        with self._connect() as db:
            db.execute(
                "INSERT INTO settings VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def save_draft(self, name: str, body: dict) -> datetime:
        """Keep the latest version of work that is not a case (interview answers); each
        save replaces the last, so it holds everything typed so far."""
        if self.read_only:
            raise ReadOnlyCaseFile(self.path)
        saved_at = datetime.now(UTC)
        with self._connect() as db:
            db.execute(
                "INSERT INTO drafts VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                "saved_at = excluded.saved_at, body = excluded.body",
                (name, saved_at.isoformat(), json.dumps(body)),
            )
        return saved_at

    def draft(self, name: str) -> dict | None:
        with self._connect() as db:
            row = db.execute("SELECT body FROM drafts WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else None
