"""Rules and word lists as data files, each naming its source."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: about ten times faster than the pure
# Python one, which every app otherwise pays at start for the scenarios and the rules.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """`yaml.safe_load`, with the fast parser when there is one."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def one_line(text: object) -> str:
    """A rule file's text as one line with single spaces, however the YAML folded it."""
    return " ".join(str(text).split())


@cache
def load_rules(name: str) -> dict[str, Any]:
    """Read `casework/rules/<name>.yaml` once per process."""
    text = resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return parse_yaml(text)


@cache
def word_list(name: str) -> tuple[tuple[str, bool], ...]:
    """Read `casework/rules/<name>.txt`: one entry a line, `#` comments, a tab and `w` marking
    an entry that is also a common English word."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, mark = line.partition("\t")
        entries.append((word.strip(), mark.strip() == "w"))
    return tuple(entries)
