"""Three-way merge of JSON-like values: how a stale save keeps both people's work."""

from __future__ import annotations

from typing import Any

_ABSENT = object()


def merge3(base: Any, ours: Any, theirs: Any, path: str = "") -> tuple[Any, list[str]]:
    """Merge `ours` and `theirs`, both edited from `base`.

    A field changed on one side only takes that side's value. A field changed differently
    on both sides is a conflict: `ours` wins (it is what the person saving is looking
    at) and its dotted path is returned so they can be told. Mappings merge field by
    field; anything else (including lists) is one value.
    """
    if ours == theirs:
        return ours, []
    if ours == base:
        return theirs, []
    if theirs == base:
        return ours, []
    if isinstance(ours, dict) and isinstance(theirs, dict):
        base_map = base if isinstance(base, dict) else {}
        merged: dict[str, Any] = {}
        conflicts: list[str] = []
        for key in dict.fromkeys([*theirs, *ours]):
            value, inner = merge3(
                base_map.get(key, _ABSENT),
                ours.get(key, _ABSENT),
                theirs.get(key, _ABSENT),
                f"{path}.{key}" if path else str(key),
            )
            conflicts.extend(inner)
            if value is not _ABSENT:
                merged[key] = value
        return merged, conflicts
    return ours, [path or "(whole record)"]
