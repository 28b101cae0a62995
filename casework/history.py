"""The case file's history in words: which revisions there are and what each changed.

Every save is a revision that is never rewritten (casework/store.py). A student can look
back and restore an earlier version of the whole case; restoring saves it as a new
revision, so the versions after it stay in the history too.
"""

from __future__ import annotations

from typing import Any

from casework.model import CaseRecord
from casework.store import Revision

# Parts of the record a student did not write: not worth listing as a change
_IGNORED = frozenset({"created_at", "schema_version"})
_SECTION_NAMES = {
    "intake": "Intake",
    "assessment": "Assessment",
    "plan": "Care plan",
    "monitoring": "Monitoring",
    "closure": "Closure",
    "learning": "Reflections",
}


def changed_fields(old: CaseRecord, new: CaseRecord) -> list[str]:
    """The dotted fields that differ between two versions ("intake.presenting_issue")."""
    found: list[str] = []

    def walk(a: Any, b: Any, path: str) -> None:
        if a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in dict.fromkeys([*a, *b]):
                walk(a.get(key), b.get(key), f"{path}.{key}" if path else str(key))
            return
        found.append(path)

    walk(
        old.model_dump(mode="json", exclude=_IGNORED),
        new.model_dump(mode="json", exclude=_IGNORED),
        "",
    )
    return found


def describe_changes(fields: list[str], limit: int = 6) -> str:
    """A short sentence naming what changed, by part of the case."""
    if not fields:
        return "the same as your case now"
    named = [
        f"{_SECTION_NAMES.get(f.split('.')[0], f.split('.')[0])}: {f.split('.', 1)[-1].replace('_', ' ')}"
        for f in fields[:limit]
    ]
    more = f", and {len(fields) - limit} more" if len(fields) > limit else ""
    return "differs from your case now in " + "; ".join(named) + more


def revision_label(revision: Revision) -> str:
    when = revision.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    note = f" ({revision.note})" if revision.note else ""
    return f"Revision {revision.revision}, saved {when}{note}"
