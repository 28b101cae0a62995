"""Find, load and validate scenario files, with errors that name the file and the field."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from casework.model import Scenario
from casework.rules import parse_yaml

SCENARIO_DIR_ENV = "CASEWORK_SCENARIOS"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file, located as precisely as we can."""

    field: str  # dotted path such as "eligibility.criteria.0.fact", or "" for the file
    message: str
    line: int | None = None

    def describe(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class ScenarioError(ValueError):
    """A scenario file that cannot be used. `problems` lists every fault found."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p.describe()}" for p in problems)
        super().__init__(f"{path.name}: {len(problems)} problem(s)\n{lines}")


def scenario_dir() -> Path:
    """Where the shipped scenarios live; `CASEWORK_SCENARIOS` points elsewhere."""
    override = os.environ.get(SCENARIO_DIR_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "scenarios"


def scenario_files(directory: Path | None = None) -> list[Path]:
    folder = directory or scenario_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def _field_path(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location)


def _problems_from(error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors():
        field = _field_path(item["loc"])
        if item["type"] == "extra_forbidden":
            message = "unknown field (check the spelling against `casework schema`)"
        elif item["type"] == "missing":
            message = "required field is missing"
        else:
            message = item["msg"].removeprefix("Value error, ")
        problems.append(Problem(field=field, message=message))
    return problems


def parse_scenario(text: str, path: Path) -> Scenario:
    """Parse and validate scenario YAML; raise ScenarioError naming the file and fields."""
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        raise ScenarioError(path, [Problem("", f"YAML syntax error: {reason}", line)]) from None
    if not isinstance(data, dict):
        raise ScenarioError(path, [Problem("", "expected a mapping of fields at the top level")])
    try:
        return Scenario.model_validate(data)
    except ValidationError as error:
        raise ScenarioError(path, _problems_from(error)) from None


def load_scenario(path: Path) -> Scenario:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ScenarioError(
            path, [Problem("", f"cannot read the file ({error.strerror})")]
        ) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ScenarioError(
            path,
            [
                Problem(
                    "",
                    f"not UTF-8 text (byte {error.object[error.start]:#04x}): save the file "
                    "as UTF-8 in your editor",
                    line,
                )
            ],
        ) from None
    return parse_scenario(text, path)


@dataclass(frozen=True)
class Catalogue:
    """Every scenario file in a folder: the ones that load, and the ones that do not."""

    scenarios: dict[str, Scenario]
    errors: list[ScenarioError]

    def titles(self, practice_area: str | None = None) -> list[tuple[str, str]]:
        """(title, id) of each scenario, by title; only one field of practice if given."""
        chosen = [
            s
            for s in self.scenarios.values()
            if practice_area is None or s.practice_area == practice_area
        ]
        return sorted(((s.title, s.id) for s in chosen), key=lambda t: t[0])

    def practice_areas(self) -> list[str]:
        return sorted({s.practice_area for s in self.scenarios.values() if s.practice_area})


def load_catalogue(directory: Path | None = None) -> Catalogue:
    scenarios: dict[str, Scenario] = {}
    errors: list[ScenarioError] = []
    for path in scenario_files(directory):
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            errors.append(error)
            continue
        if scenario.id in scenarios:
            errors.append(ScenarioError(path, [Problem("id", f"'{scenario.id}' is used twice")]))
            continue
        scenarios[scenario.id] = scenario
    return Catalogue(scenarios, errors)


def json_schema() -> str:
    return json.dumps(Scenario.model_json_schema(), indent=2)
