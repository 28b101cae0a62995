"""The EPAS competency map (issue 16): data an instructor can read and edit, applied to
exported case files with known counts."""

from __future__ import annotations

import csv
import io

import pytest

from casework.cohort import CaseExport, case_export
from casework.cohort_report import cohort_html, gradebook_csv, student_section_html
from casework.cohort_summary import cohort_summary
from casework.competencies import (
    MET,
    NOT_ATTEMPTED,
    NOT_YET,
    PARTLY,
    behavior_evidence,
    cohort_counts,
    competency_map,
    competency_status,
    signal_group,
    student_competencies,
)
from casework.model import STAGES, CaseRecord, Goal, LifeDomain
from casework.rules import load_rules
from tests.test_cohort import class_of

_FAMILIES = ("note.", "intake.", "assessment.", "plan.", "goal.", "monitoring.", "closure.", "safety.")


def test_the_map_names_nine_competency_numbers_and_real_stages_and_rules():
    data = load_rules("competencies")
    assert "CSWE" in data["source"] and "2022" in data["source"]
    ids = [c.id for c in competency_map()]
    assert ids == sorted(ids, key=int) and set(ids) <= {str(n) for n in range(1, 10)}
    # the mapping: language -> 1, ADEI -> 3, engagement -> 6, assessment -> 7,
    # planning -> 8, evaluation -> 9
    assert {"1", "3", "6", "7", "8", "9"} <= set(ids)
    for competency in competency_map():
        for behavior in competency.behaviors:
            assert behavior.id.startswith(f"{competency.id}.")
            assert set(behavior.stages) <= set(STAGES), behavior.id
            assert all(rule.startswith(_FAMILIES) for rule in behavior.rules), behavior.id
            assert set(behavior.requires) <= {"reflections", "gas_review", "committed"}


@pytest.mark.parametrize(
    ("statuses", "rolled_up"),
    [
        ([MET, MET, NOT_ATTEMPTED], MET),
        ([MET, NOT_YET], PARTLY),
        ([NOT_YET, PARTLY], NOT_YET),
        ([PARTLY, PARTLY], PARTLY),
        ([NOT_ATTEMPTED, NOT_ATTEMPTED], NOT_ATTEMPTED),
    ],
)
def test_a_competency_rolls_up_from_its_behaviors(statuses, rolled_up):
    assert competency_status(statuses) == rolled_up


def test_a_fixed_class_gives_known_counts_per_behavior(eviction):
    """3 students ready to close, 2 in monitoring, 1 who has opened nothing. The worked
    cases skip intake, score basic needs with no fact cited, name no strengths, write no
    reflection and never press "I'm done", so those behaviors show it; the new student
    attempted nothing."""
    counts = {c.behavior.id: c.counts for c in cohort_counts(class_of(eviction, 3, 2, 1))}
    assert counts["1.2"] == {MET: 5, PARTLY: 0, NOT_YET: 0, NOT_ATTEMPTED: 1}
    assert counts["6.2"][NOT_ATTEMPTED] == 6  # nobody started intake
    # clean language, but no reflection written: bias not yet reflected on
    assert counts["3.2"] == {MET: 0, PARTLY: 5, NOT_YET: 0, NOT_ATTEMPTED: 1}
    assert counts["7.1"] == {MET: 0, PARTLY: 0, NOT_YET: 5, NOT_ATTEMPTED: 1}  # no evidence
    assert counts["7.2"] == {MET: 0, PARTLY: 5, NOT_YET: 0, NOT_ATTEMPTED: 1}  # no strengths
    assert counts["9.1"] == {MET: 5, PARTLY: 0, NOT_YET: 0, NOT_ATTEMPTED: 1}  # GAS reviewed
    assert counts["9.2"] == {MET: 0, PARTLY: 5, NOT_YET: 0, NOT_ATTEMPTED: 1}  # not committed
    reteach = {c.behavior.id for c in cohort_counts(class_of(eviction, 3, 2, 1)) if c.reteach}
    assert reteach == {"3.2", "7.1", "7.2", "9.2"}


def _export(record, scenario, student="ana") -> CaseExport:
    return CaseExport.model_validate(case_export(record, scenario, student))


def test_judgmental_and_stereotyping_words_count_against_writing_and_adei(eviction):
    record = CaseRecord(
        case_id=eviction.id,
        scenario_id=eviction.id,
        intake={
            "presenting_issue": "Client is a lazy, noncompliant addict; like a lot of single mothers from that side of town she never pays.",
            "reflection": "You sound scared about the notice.",
        },
        learning={"reflections": {"intake": {"felt": "I felt rushed."}}},
    )
    export = _export(record, eviction)
    evidence = {b.id: behavior_evidence(export, b) for c in competency_map() for b in c.behaviors}
    assert evidence["1.2"].status in {PARTLY, NOT_YET} and evidence["1.2"].findings
    assert evidence["3.2"].status in {PARTLY, NOT_YET}
    assert evidence["6.2"].status != NOT_ATTEMPTED and not evidence["6.2"].missing
    assert evidence["8.1"].status == NOT_ATTEMPTED
    assert student_competencies(export)["8"] == NOT_ATTEMPTED


def test_a_vague_goal_is_a_teaching_signal_in_the_export(eviction):
    """The instructor found "Client will find housing soon." left no finding."""
    record = CaseRecord(
        case_id=eviction.id,
        scenario_id=eviction.id,
        plan={"goals": {"g1": Goal(text="Client will find housing soon.", domain=LifeDomain.basic_needs)}},
    )
    export = _export(record, eviction)
    smart = next(c for c in export.checks if c.check == "SMART goals")
    assert not smart.passed and any(f.rule.startswith("goal.") for f in smart.findings)
    assert behavior_evidence(export, _behavior("8.1")).status in {PARTLY, NOT_YET}
    summary = cohort_summary([export])
    assert "SMART goals" in set(summary.findings["group"])


def _behavior(behavior_id):
    return next(b for c in competency_map() for b in c.behaviors if b.id == behavior_id)


def test_language_findings_are_not_crowded_out_by_missing_fields(eviction):
    assert signal_group("note.character") == "Language and stigma"
    assert signal_group("safety.report.missed") == "Safety"
    assert signal_group("assessment.unscored") == "Missing or incomplete work"
    hostile = CaseRecord(
        case_id=eviction.id,
        scenario_id=eviction.id,
        intake={"presenting_issue": "Client was hostile and noncompliant."},
    )
    summary = cohort_summary([_export(hostile, eviction), *class_of(eviction, 3, 2, 1)])
    language = summary.findings[summary.findings["group"] == "Language and stigma"]
    assert not language.empty


def test_gradebook_has_a_row_per_student_and_a_column_per_competency(eviction):
    summary = cohort_summary(class_of(eviction, 2, 1, 1))
    rows = list(csv.reader(io.StringIO(gradebook_csv(summary))))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["username", "scenario"]
    assert header[2:] == [c.label for c in competency_map()]
    assert [r[0] for r in body] == ["s00", "s01", "s02", "s03"]
    assert {cell for r in body for cell in r[2:]} <= {MET, PARTLY, NOT_YET, NOT_ATTEMPTED}
    assert body[3][2:] == [NOT_ATTEMPTED] * len(competency_map())


def test_the_cohort_page_shows_no_nan_and_no_raw_ids(eviction):
    page = cohort_html(cohort_summary(class_of(eviction, 2, 2, 3)))
    text = page.split("<main>", 1)[-1]
    for raw in ("nan", "not_yet", "ready_with_conditions", "sent_back", "not_started", "basic_needs", "None"):
        assert raw not in text, raw
    assert "re-teach" in text and "Competency 7" in text


def test_a_student_page_keeps_first_attempt_and_reflections_apart(eviction):
    record = CaseRecord(
        case_id=eviction.id,
        scenario_id=eviction.id,
        intake={"presenting_issue": "second version"},
        learning={
            "committed": {"intake": {"revision": 2, "first_attempt": {"presenting_issue": "first"}}},
            "reflections": {"intake": {"weighed": "I weighed the notice."}},
        },
    )
    page = student_section_html(_export(record, eviction, "bea"), 0)
    assert "revised after the model answer" in page and "I weighed the notice." in page
    assert "not committed yet" in page  # the other stages


def test_the_cohort_app_reads_a_folder_and_opens_a_students_page(eviction, tmp_path, home):
    from casework.ui.cohort import CohortApp

    folder = tmp_path / "exports"
    folder.mkdir()
    for export in class_of(eviction, 1, 1, 1):
        (folder / f"{export.student}.json").write_text(export.model_dump_json(), encoding="utf-8")
    app = CohortApp(folder=folder)
    assert "Read 3 exported case file(s)" in app.status.value
    assert "Competency 7" in app.report.value and "gradebook" in app.files.value
    assert (folder / "gradebook.csv").exists() and (folder / "students" / "s01.html").exists()
    app.student.pick.value = 1
    assert "s01" in app.student.page.value and "Download this page" in app.student.page.value

    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    app.load()
    # one bad file is left out, named, and the rest still read
    assert "broken.json" in app.status.value and "Read 3 exported case file(s)" in app.status.value

    empty = CohortApp(folder=tmp_path / "nothing-here")
    assert "Read the exports" in empty.status.value
    assert "run this cell again" not in empty.status.value
