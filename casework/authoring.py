"""A new scenario file for trainers: a valid skeleton with every field in place, each
text marked TODO, so the apps list it at once and `casework validate` guides the rest."""

from __future__ import annotations

import json
import re
from importlib import resources

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


def scenario_skeleton(scenario_id: str, title: str) -> str:
    """The template with its id and title filled in. Raises ValueError for a bad id."""
    if not _ID.fullmatch(scenario_id):
        raise ValueError(
            f"'{scenario_id}' cannot be a scenario id: use lower-case letters, digits and "
            "dashes, starting with a letter or digit, e.g. 'job-loss-family'"
        )
    template = resources.files("casework").joinpath("templates/scenario.yaml").read_text("utf-8")
    # a JSON string is a valid YAML double-quoted scalar, whatever the title holds
    return template.replace("__ID__", scenario_id).replace("__TITLE__", json.dumps(title))


def skeleton_filename(scenario_id: str) -> str:
    return scenario_id.replace("-", "_") + ".yaml"
