"""`casework check` as other tools call it: the installed command, exactly per its contract."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CASEWORK = shutil.which("casework", path=str(Path(sys.executable).parent)) or shutil.which(
    "casework"
)


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    assert CASEWORK, "the casework command is not installed"
    return subprocess.run(
        [CASEWORK, "check", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_json_lines_one_object_per_line_in_input_order():
    result = run(
        "note", "--lines", "--json", stdin="Client claims she paid.\nClient said she paid.\n"
    )
    assert result.returncode == 0
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in objects] == ["Client claims she paid.", "Client said she paid."]
    assert [o["ok"] for o in objects] == [False, True]
    finding = objects[0]["findings"][0]
    assert set(finding) == {
        "rule",
        "category",
        "severity",
        "message",
        "start",
        "end",
        "suggestion",
        "source",
    }
    assert objects[0]["text"][finding["start"] : finding["end"]] == "claims"


def test_goal_json_adds_smart_and_criteria():
    result = run("goal", "--json", "-", stdin="Client will submit the form by day 10.")
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert obj["smart"] is True
    assert set(obj["criteria"]) == {
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    }
    assert obj["criteria"]["achievable"] == {
        "met": None,
        "reason": obj["criteria"]["achievable"]["reason"],
    }


def test_files_are_texts_and_lines_split_them(tmp_path: Path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Call 555-201-3344.\nNothing here.\n")
    second.write_text("Met Ms. Carter.")
    whole = run("deid", "--json", str(first), str(second))
    assert [json.loads(line)["ok"] for line in whole.stdout.splitlines()] == [False, False]
    split = run("deid", "--json", "--lines", str(first), str(second))
    assert [json.loads(line)["ok"] for line in split.stdout.splitlines()] == [False, True, False]


def test_readable_output_marks_the_span():
    result = run("note", stdin="Client claims she paid.")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    marked = next(
        i for i, line in enumerate(lines) if line.strip() == "Client claims she paid." and i > 0
    )
    assert lines[marked + 1].index("^") == lines[marked].index("claims")
    assert "\033[" not in result.stdout  # no colour codes when not a terminal


@pytest.mark.parametrize(
    ("args", "message"),
    [(("note", "/no/such/file"), "cannot read /no/such/file"), (("spelling",), "invalid choice")],
)
def test_bad_usage_or_unreadable_input_exits_2_with_a_message(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr


def test_binary_input_is_unreadable(tmp_path: Path):
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\xff\xfe\x00\x81")
    result = run("note", str(blob))
    assert result.returncode == 2 and "cannot read" in result.stderr


def test_undecodable_standard_input_exits_2():
    assert CASEWORK
    result = subprocess.run(
        [CASEWORK, "check", "note"], input=b"\xff\xfe\x00\x81", capture_output=True, timeout=60
    )
    assert result.returncode == 2 and b"not UTF-8" in result.stderr
