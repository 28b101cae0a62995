"""JSON exports of case files and the instructor's cohort summary."""

import csv
import json
from pathlib import Path

import pytest

from casework.cli import main
from casework.cohort import (
    CaseExport,
    CohortError,
    FindingSummary,
    case_export,
    case_json,
    load_exports,
)
from casework.cohort_report import cohort_html, write_cohort_files
from casework.cohort_summary import cohort_summary, gas_outcome
from casework.model import CaseRecord
from casework.workspace import store_for
from tests.casefiles import monitored, ready_to_close


def class_of(eviction, closed: int, monitoring: int, new: int) -> list[CaseExport]:
    """A fixed class: `closed` students finished, `monitoring` mid-way, `new` just began."""
    records = (
        [ready_to_close(eviction)] * closed
        + [monitored(eviction)] * monitoring
        + [CaseRecord(case_id=eviction.id, scenario_id=eviction.id)] * new
    )
    return [
        CaseExport.model_validate(case_export(record, eviction, f"s{number:02d}"))
        for number, record in enumerate(records)
    ]


def test_an_export_says_where_each_stage_stands_and_keeps_the_whole_record(eviction):
    record = ready_to_close(eviction)
    export = json.loads(case_json(record, eviction, "ana-3"))
    assert export["format"] == "casework-case-export/1" and export["student"] == "ana-3"
    # the worked case skips intake; the supervisor has not approved closure yet
    states = [s["state"] for s in export["stages"]]
    assert states == ["not_started", "started", "done", "done", "started"]
    assert CaseRecord.model_validate(export["record"]) == record
    checks = {(c["stage"], c["check"]): c["passed"] for c in export["checks"]}
    assert checks[("closure", "supervisor review")] is True
    assert export["closure"]["judgement"] == "ready"
    assert export["gas"]["reviews"] >= 1


def test_the_summary_counts_a_fixed_class(eviction):
    summary = cohort_summary(class_of(eviction, closed=3, monitoring=2, new=1))
    assert summary.students == 6
    stages = summary.stages.set_index("stage")
    assert stages.loc["closure", "started"] == 3 and stages.loc["closure", "not_started"] == 3
    assert stages.loc["plan", "done"] == 5 and stages.loc["plan", "not_started"] == 1
    checks = summary.checks.set_index(["stage", "check"])
    # counted over the students who started the stage
    assert tuple(checks.loc[("closure", "supervisor review"), ["students", "passed"]]) == (3, 3)
    assert tuple(checks.loc[("plan", "care plan"), ["students", "passed"]]) == (5, 5)
    assert checks.loc[("closure", "closure summary"), "share"] == 1.0
    closure = summary.closure.set_index(["measure", "value"])["students"]
    assert closure[("student's call matches the record", "yes")] == 3
    assert closure[("record supports", "Ready, with conditions")] == 2
    # a student who has made no call has not attempted it: not counted as a mismatch
    assert closure[("student's call matches the record", "not attempted")] == 3
    gas = summary.gas.set_index("outcome")["students"]
    assert gas["above the expected outcome"] == 5 and gas["no GAS review"] == 1


def test_each_finding_counts_once_per_student_most_common_first(eviction):
    summary = cohort_summary(class_of(eviction, closed=2, monitoring=3, new=4))
    assert not summary.findings.empty
    for _group, rows in summary.findings.groupby("group", sort=False):
        counts = list(rows["students"])
        assert counts == sorted(counts, reverse=True) and counts[0] <= 5  # the 4 new add none


@pytest.mark.parametrize(
    ("t", "outcome"),
    [
        (None, "no GAS review"),
        (42.0, "below the expected outcome"),
        (50.2, "the expected outcome"),
        (61.0, "above the expected outcome"),
    ],
)
def test_gas_outcomes_read_t_50_as_expected(t, outcome):
    assert gas_outcome(t) == outcome


def test_a_broken_export_is_named_with_its_field(tmp_path: Path, eviction):
    good = case_export(ready_to_close(eviction), eviction, "s01")
    (tmp_path / "s01.json").write_text(json.dumps(good))
    broken = {**good, "gas": {"reviews": "many", "latest_t_score": None}}
    (tmp_path / "s02.json").write_text(json.dumps(broken))
    with pytest.raises(CohortError, match=r"s02\.json: field 'gas\.reviews'"):
        load_exports(tmp_path)
    (tmp_path / "s02.json").write_text("{not json")
    with pytest.raises(CohortError, match=r"s02\.json: not a readable JSON file"):
        load_exports(tmp_path)


def test_the_html_page_escapes_what_students_wrote(eviction):
    export = class_of(eviction, closed=1, monitoring=0, new=0)[0]
    hostile = export.model_copy(
        update={
            "checks": [
                export.checks[0].model_copy(
                    update={
                        "attempted": True,
                        "passed": False,
                        "findings": [
                            FindingSummary(
                                rule="x", severity="warning", message="<script>x</script>"
                            )
                        ],
                    }
                )
            ]
        }
    )
    page = cohort_html(cohort_summary([hostile]))
    assert "<script>x" not in page and "&lt;script&gt;x" in page


def test_export_json_and_cohort_from_the_command_line(home: Path, eviction, tmp_path: Path, capsys):
    exports = tmp_path / "exports"
    # the export makes its folder
    for number, record in enumerate([ready_to_close(eviction), monitored(eviction)]):
        store_for(f"s{number}").save(record, None)
        code = main(
            [
                "export",
                eviction.id,
                "--format",
                "json",
                "--student",
                f"s{number}",
                "-o",
                str(exports / f"s{number}.json"),
            ]
        )
        assert code == 0
    assert main(["cohort", str(exports), "-o", str(tmp_path / "out")]) == 0
    assert "Summarising 2 case file(s)" in capsys.readouterr().err
    with (tmp_path / "out" / "cohort-summary.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    review = next(r for r in rows if r["section"] == "check" and r["item"] == "supervisor review")
    assert (review["count"], review["of"]) == ("1", "1")  # one of the two reached closure
    page = (tmp_path / "out" / "cohort-summary.html").read_text()
    assert page.count("<img src='data:image/png;base64,") == 4


def test_cohort_on_an_empty_or_missing_folder_says_what_to_do(tmp_path: Path, capsys):
    assert main(["cohort", str(tmp_path)]) == 2
    assert "casework export CASE --format json" in capsys.readouterr().err
    assert main(["cohort", str(tmp_path / "nowhere")]) == 2
    assert "not a folder of exported case files" in capsys.readouterr().err


def test_export_refuses_a_bad_student_name(home: Path, capsys):
    assert main(["export", "eviction-family", "--format", "json", "--student", "../etc"]) == 2
    assert "cannot be used as a student name" in capsys.readouterr().err


def test_export_for_a_student_who_does_not_exist_creates_nothing(home: Path, capsys):
    store_for("ana-3").set_setting("probe", "yes")  # one student who does exist
    assert main(["export", "eviction-family", "--student", "anna"]) == 2
    assert capsys.readouterr().err == ("casework export: no student 'anna' (students: ana-3)\n")
    assert not (home / "students" / "anna.sqlite3").exists()


def test_written_files_land_where_asked(tmp_path: Path, eviction):
    summary = cohort_summary(class_of(eviction, closed=1, monitoring=1, new=0))
    files = write_cohort_files(summary, tmp_path / "deep" / "folder")
    csv_path, html_path = files.csv, files.html
    assert csv_path.read_text().startswith("section,stage,item,count,of\n")
    assert html_path.read_text().startswith("<!DOCTYPE html>")


def test_crafted_exports_are_left_out_by_name_and_summaries_are_recomputed(
    eviction, tmp_path, capsys
):
    """Issue 17: NaN, Infinity and deep nesting are refused naming the file, a bad file
    does not stop the report, a tampered summary changes nothing, formulas stay text."""
    good = case_export(
        CaseRecord(case_id=eviction.id, scenario_id=eviction.id), eviction, '=HYPERLINK("x")'
    )
    tampered = json.loads(json.dumps(good))
    tampered["student"] = "tamper"
    for stage in tampered["stages"]:
        stage["state"] = "done"
    for check in tampered["checks"]:
        check["attempted"], check["passed"], check["findings"] = True, True, []
    (tmp_path / "a-good.json").write_text(json.dumps(good))
    (tmp_path / "b-tampered.json").write_text(json.dumps(tampered))
    (tmp_path / "c-nan.json").write_text(json.dumps(good).replace('"reviews": 0', '"reviews": NaN'))
    (tmp_path / "d-inf.json").write_text('{"format": "casework-case-export/1", "x": Infinity}')
    (tmp_path / "e-deep.json").write_text("[" * 5000 + "]" * 5000)

    assert main(["cohort", str(tmp_path), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    for name in ("c-nan.json", "d-inf.json", "e-deep.json"):
        assert f"left out {name}" in err, name
    assert "Summarising 2 case file(s)" in err
    summary_rows = list(csv.DictReader((tmp_path / "out" / "cohort-summary.csv").open()))
    done = [r for r in summary_rows if r["section"] == "stage" and r["item"] == "done"]
    assert all(r["count"] == "0" for r in done)  # the tampered "done" was recomputed away
    gradebook = (tmp_path / "out" / "gradebook.csv").read_text()
    assert "'=HYPERLINK" in gradebook and "\n=HYPERLINK" not in gradebook
