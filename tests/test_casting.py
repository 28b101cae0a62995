"""The casting review across the scenario library (issue 19; scenarios/README.md)."""

import subprocess
import sys
from pathlib import Path

from casework.casting import casting_by_role, casting_problems
from casework.model import Casting
from casework.scenarios import load_catalogue

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
LIBRARY = list(load_catalogue(SCENARIOS).scenarios.values())


def test_every_shipped_scenario_lists_its_casting_with_the_client_first():
    for scenario in LIBRARY:
        casting = scenario.instructor_notes.casting
        assert casting and casting[0].role == "client", scenario.id
        assert casting[0].name == scenario.client.name


def test_the_shipped_library_passes_the_review_and_reports_each_role():
    assert casting_problems(LIBRARY) == []
    by_role = casting_by_role(LIBRARY)
    assert {"client", "source_of_risk", "helper"} <= by_role.keys()
    assert len({background for _, _, background in by_role["source_of_risk"]}) >= 2


def _recast(scenario, background: str):
    notes = scenario.instructor_notes
    casting = [
        Casting(
            name=c.name,
            role=c.role,
            background=background if c.role == "source_of_risk" else c.background,
        )
        for c in notes.casting
    ]
    return scenario.model_copy(
        update={"instructor_notes": notes.model_copy(update={"casting": casting})}
    )


def test_a_library_whose_every_source_of_risk_shares_one_background_fails():
    recast = [_recast(s, "Black American, from the city") for s in LIBRARY]
    problems = casting_problems(recast)
    assert (
        len(problems) == 1
        and "every person cast as a source of risk is black american" in problems[0]
    )


def test_a_scenario_without_casting_is_named():
    notes = LIBRARY[0].instructor_notes
    bare = LIBRARY[0].model_copy(
        update={"instructor_notes": notes.model_copy(update={"casting": []})}
    )
    assert any(LIBRARY[0].id in p and "casting is empty" in p for p in casting_problems([bare]))


def test_validate_prints_the_casting_review_for_a_library():
    files = sorted(str(p) for p in SCENARIOS.glob("*.yaml"))
    casework = Path(sys.executable).with_name("casework")
    result = subprocess.run(
        [casework, "validate", *files], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"Casting review of {len(files)} scenarios" in result.stdout
    risks = [
        line for line in result.stdout.splitlines() if line.startswith("Cast as a source of risk:")
    ]
    assert risks and all(
        name in risks[0] for _, name, _ in casting_by_role(LIBRARY)["source_of_risk"]
    )
    assert "\n! " not in result.stdout
