"""Rules and word lists as data files, each naming its source."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_rules(name: str) -> dict[str, Any]:
    """Read `casework/rules/<name>.yaml` once per process."""
    text = resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
