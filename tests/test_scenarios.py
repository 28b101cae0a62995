"""Shipped scenarios, the scenario validator and the `casework validate` / `schema` CLI."""

import json
from pathlib import Path

import pytest
import yaml

from casework.cli import identifier_problems, main
from casework.model import EventKind, LifeDomain
from casework.scenarios import ScenarioError, load_scenario, scenario_files
from casework.screening import screen_eligibility, triage

SHIPPED = scenario_files()


def test_at_least_three_scenarios_from_different_settings(catalogue):
    assert len(catalogue.scenarios) >= 3
    assert len({s.setting for s in catalogue.scenarios.values()}) == len(catalogue.scenarios)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_scenario_is_complete(path: Path):
    scenario = load_scenario(path)
    assert set(scenario.domains) == set(LifeDomain)
    assert scenario.later_disclosures
    kinds = [event.kind for event in scenario.timeline]
    assert len(kinds) >= 6
    for needed in (EventKind.appointment_missed, EventKind.crisis, EventKind.disclosure):
        assert needed in kinds


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_model_answers_agree_with_the_rules(path: Path):
    scenario = load_scenario(path)
    assert screen_eligibility(scenario).verdict == scenario.instructor_notes.eligibility_verdict
    assert triage(scenario.urgency_signals).level.id == scenario.instructor_notes.priority


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_scenario_has_no_real_looking_identifiers(path: Path):
    assert identifier_problems(load_scenario(path)) == []


def test_scenarios_cover_every_priority_and_a_pending_verdict(catalogue):
    priorities = {s.instructor_notes.priority for s in catalogue.scenarios.values()}
    verdicts = {s.instructor_notes.eligibility_verdict for s in catalogue.scenarios.values()}
    assert {"immediate", "urgent"} <= priorities
    assert "pending" in verdicts


def _shipped_data() -> dict:
    return yaml.safe_load(SHIPPED[0].read_text())


def _write(tmp_path: Path, data: dict, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


def test_validate_names_file_and_both_fields(tmp_path: Path, capsys):
    data = _shipped_data()
    del data["referral"]["source"]
    data["client"]["favourite_colour"] = "green"
    path = _write(tmp_path, data)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "broken.yaml" in err
    assert "referral.source" in err and "missing" in err
    assert "client.favourite_colour" in err and "unknown field" in err


def test_validate_names_the_line_of_a_yaml_syntax_error(tmp_path: Path, capsys):
    path = tmp_path / "syntax.yaml"
    path.write_text("id: demo\ntitle: ok\nsummary: [unclosed\nsetting: x\n")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "syntax.yaml" in err and "line 4" in err


def test_validate_reports_a_criterion_that_names_an_unknown_fact(tmp_path: Path):
    data = _shipped_data()
    data["eligibility"]["criteria"][0]["fact"] = "no_such_fact"
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_write(tmp_path, data))
    problem = caught.value.problems[0]
    assert problem.field == "eligibility"
    assert "no_such_fact" in problem.message


def test_validate_rejects_a_timeline_without_a_crisis(tmp_path: Path):
    data = _shipped_data()
    data["timeline"] = [e for e in data["timeline"] if e["kind"] != "crisis"]
    data["timeline"] += [{"day": 90, "kind": "contact", "summary": "Check-in call."}]
    with pytest.raises(ScenarioError, match="crisis"):
        load_scenario(_write(tmp_path, data))


def test_validate_rejects_real_looking_identifiers(tmp_path: Path, capsys):
    data = _shipped_data()
    data["summary"] = "She lives at 42 Birch Lane and her phone is 555-201-3344."
    assert main(["validate", str(_write(tmp_path, data))]) == 1
    err = capsys.readouterr().err
    assert "summary" in err and "street address" in err and "phone" in err


def test_validate_rejects_an_undeclared_household_name(tmp_path: Path):
    data = _shipped_data()
    data["client"]["household"][0]["name"] = "Benedikt"
    with pytest.raises(ScenarioError, match="fictional_names must declare Benedikt"):
        load_scenario(_write(tmp_path, data))


def test_validate_summarises_good_files_and_exits_zero(capsys):
    assert main(["validate", *map(str, SHIPPED)]) == 0
    summaries, _, review = capsys.readouterr().out.strip().partition("\n\n")
    assert len(summaries.splitlines()) == len(SHIPPED)
    assert all(line.startswith("✓") and "timeline events" in line for line in summaries.splitlines())
    assert review.startswith(f"Casting review of {len(SHIPPED)} scenarios")


def test_validate_reports_an_unreadable_file(tmp_path: Path, capsys):
    assert main(["validate", str(tmp_path / "missing.yaml")]) == 1
    assert "missing.yaml" in capsys.readouterr().err


def test_schema_is_json_schema_of_the_scenario(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Scenario"
    assert {"eligibility", "urgency_signals", "timeline"} <= set(schema["required"])


def test_a_file_that_is_not_utf8_is_listed_as_bad_and_validate_names_it(tmp_path, capsys):
    """Issue 17: a Latin-1 file once stopped every app; now it is one bad scenario."""
    from casework.cli import main
    from casework.scenarios import load_catalogue

    shipped = Path(__file__).resolve().parents[1] / "scenarios" / "eviction_family.yaml"
    (tmp_path / "good.yaml").write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("id: cafe\ntitle: \"Caf\xe9 worker\"\n".encode("latin-1"))
    catalogue = load_catalogue(tmp_path)
    assert list(catalogue.scenarios) == ["eviction-family"]
    assert len(catalogue.errors) == 1 and "latin1.yaml" in str(catalogue.errors[0])
    assert "not UTF-8" in str(catalogue.errors[0]) and "line 2" in str(catalogue.errors[0])
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "latin1.yaml" in err and "not UTF-8" in err and "Traceback" not in err
