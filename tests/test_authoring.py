"""`casework new scenario`: a skeleton that is valid as written and never overwrites."""

from pathlib import Path

import pytest

from casework.authoring import scenario_skeleton
from casework.cli import main
from casework.scenarios import load_catalogue, load_scenario
from casework.screening import screen_eligibility, triage


def test_the_skeleton_is_a_valid_scenario_that_agrees_with_its_own_notes(tmp_path: Path):
    path = tmp_path / "job_loss.yaml"
    path.write_text(scenario_skeleton("job-loss", 'Losing a job: "the first week"'))
    scenario = load_scenario(path)
    assert scenario.id == "job-loss" and scenario.title == 'Losing a job: "the first week"'
    assert screen_eligibility(scenario).verdict == scenario.instructor_notes.eligibility_verdict
    assert triage(scenario.urgency_signals).level.id == scenario.instructor_notes.priority
    assert "TODO" in scenario.presenting_issue.client_words  # what the trainer replaces


def test_new_scenario_writes_a_file_the_validator_and_the_apps_accept(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("CASEWORK_SCENARIOS", str(tmp_path))
    assert main(["new", "scenario", "job-loss", "--title", "Losing a job"]) == 0
    path = tmp_path / "job_loss.yaml"
    assert "casework validate" in capsys.readouterr().err
    assert main(["validate", str(path)]) == 0
    assert "job-loss" in load_catalogue(tmp_path).scenarios


def test_new_scenario_never_overwrites_and_explains_a_bad_id(tmp_path, capsys):
    target = tmp_path / "mine.yaml"
    target.write_text("my work")
    assert main(["new", "scenario", "mine", "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err and target.read_text() == "my work"
    assert main(["new", "scenario", "Job Loss", "-o", str(tmp_path / "x.yaml")]) == 2
    assert "cannot be a scenario id" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["", "-lead", "UPPER", "with space", "dots.no"])
def test_bad_ids_are_refused(bad):
    with pytest.raises(ValueError, match="cannot be a scenario id"):
        scenario_skeleton(bad, "t")
