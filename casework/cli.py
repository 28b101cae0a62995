"""`casework …`: serve the apps, validate scenario files, print the scenario schema."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casework.model import Scenario
    from casework.scenarios import Problem

REPO = Path(__file__).resolve().parent.parent


def identifier_problems(scenario: Scenario) -> list[Problem]:
    """Real-looking identifiers in a scenario, as problems located by field."""
    from casework.checks.deid import identifiers_in_document
    from casework.scenarios import Problem

    allowed = [*scenario.fictional_names, *scenario.fictional_places]
    return [
        Problem(
            path,
            f"{finding.message} {finding.suggestion} (declare invented names in fictional_names)",
        )
        for path, finding in identifiers_in_document(scenario.model_dump(mode="json"), allowed)
    ]


def answer_key_problems(scenario: Scenario) -> list[Problem]:
    """An answer key that is missing or fails the product's own checks, located by field."""
    from casework.answer_key import key_problems
    from casework.scenarios import Problem

    return [Problem(field, message) for field, message in key_problems(scenario)]


def validate(paths: list[Path]) -> int:
    from casework.scenarios import ScenarioError, load_scenario

    failed, loaded = 0, []
    for path in paths:
        try:
            scenario = load_scenario(path)
            loaded.append(scenario)
            problems = identifier_problems(scenario) + answer_key_problems(scenario)
            if problems:
                raise ScenarioError(path, problems)
        except ScenarioError as error:
            failed += 1
            print(f"✗ {error}", file=sys.stderr)
            continue
        print(
            f"✓ {path.name}: {scenario.id} — “{scenario.title}”, "
            f"{len(scenario.eligibility.criteria)} eligibility criteria, "
            f"{len(scenario.urgency_signals)} urgency signals, "
            f"{len(scenario.timeline)} timeline events"
        )
    if len(loaded) > 1:  # a pattern shows across a library, not in one case
        from casework.casting import casting_problems, casting_report

        print(f"\nCasting review of {len(loaded)} scenarios:\n{casting_report(loaded)}")
        for problem in casting_problems(loaded):
            print(f"! {problem}")
    return 1 if failed else 0


def _read_inputs(files: list[str]) -> list[tuple[str, str]]:
    """(name, content) for each input; `-` or no file is standard input."""
    inputs = []
    for name in files or ["-"]:
        if name == "-":
            try:  # decode strictly: UTF-8 mode would otherwise smuggle bad bytes through
                inputs.append(("<stdin>", sys.stdin.buffer.read().decode("utf-8")))
            except UnicodeDecodeError as error:
                raise InputError(
                    f"cannot read standard input: not UTF-8 text ({error.reason})"
                ) from None
            continue
        try:
            inputs.append((name, Path(name).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            raise InputError(f"cannot read {name}: {reason}") from None
    return inputs


class InputError(Exception):
    """Input the command cannot use: reported with exit status 2."""


def check(kind: str, files: list[str], lines: bool, as_json: bool) -> int:
    from casework.checks.run import CHECKS, render_text, report_dict

    try:
        inputs = _read_inputs(files)
    except InputError as error:
        print(f"casework check: {error}", file=sys.stderr)
        return 2
    texts = (
        [line for _, content in inputs for line in content.splitlines()]
        if lines
        else [c for _, c in inputs]
    )
    run = CHECKS[kind]
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    out = sys.stdout
    for text in texts:
        report = run(text)
        if as_json:
            out.write(json.dumps(report_dict(text, report), ensure_ascii=False) + "\n")
        else:
            out.write(render_text(text, report, colour) + "\n\n")
    out.flush()
    return 0


def serve(port: int, host: str, instructor: bool = False, pool: int = 0) -> int:
    """Run Voilà on the notebooks folder, from the repository root so voila.json applies.
    `instructor`: also serve the instructor's pages (the cohort summary); `pool`: keep that
    many kernels ready for the pages a class opens first."""
    from casework.server import pool_options

    if pool < 0:
        print(
            f"casework serve: --pool is a number of kernels, 0 or more, not {pool}", file=sys.stderr
        )
        return 2
    os.chdir(REPO)
    if instructor:
        os.environ["CASEWORK_INSTRUCTOR"] = "yes"
    args = [
        sys.executable,
        "-m",
        "casework.server",
        str(REPO / "notebooks"),
        f"--port={port}",
        f"--Voila.ip={host}",
        "--no-browser",
        *(pool_options(pool) if pool else []),
    ]
    print(f"Serving the casework apps at http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    os.execv(sys.executable, args)
    return 0  # not reached


def export(case_id: str, format: str, output: Path | None, student: str | None = None) -> int:
    """Write one case file as Markdown, a self-contained HTML page, or JSON for `cohort`."""
    from casework.report import export_case
    from casework.scenarios import load_catalogue
    from casework.workspace import WorkspaceError, checked_student, store_for, student_file

    try:
        name = checked_student(student) if student is not None else None
    except WorkspaceError as error:
        print(f"casework export: {error}", file=sys.stderr)
        return 2
    if name is not None and not student_file(name).exists():
        # opening the store would create an empty file for a name someone mistyped
        folder = student_file(name).parent
        known = sorted(p.stem for p in folder.glob("*.sqlite3")) if folder.is_dir() else []
        print(
            f"casework export: no student '{name}' (students: {', '.join(known) or 'none yet'})",
            file=sys.stderr,
        )
        return 2
    store = store_for(name)
    latest = store.latest(case_id)
    if latest is None:
        known = ", ".join(store.case_ids()) or "none yet"
        print(
            f"casework export: no case '{case_id}' in {store.path} (cases: {known})",
            file=sys.stderr,
        )
        return 2
    catalogue = load_catalogue()
    scenario = catalogue.scenarios.get(latest.record.scenario_id)
    if scenario is None:
        print(
            f"casework export: case '{case_id}' uses scenario '{latest.record.scenario_id}', "
            "which is not in scenarios/",
            file=sys.stderr,
        )
        return 2
    if format == "json":
        from casework.cohort import case_json

        document = case_json(latest.record, scenario, student)
    else:
        document = export_case(latest.record, scenario, format)
    if output is None:
        sys.stdout.write(document)
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(document, encoding="utf-8")
    print(f"Wrote {output} ({len(document.encode('utf-8')):,} bytes)", file=sys.stderr)
    return 0


def cohort(folder: Path, output_dir: Path | None) -> int:
    """Summarise a folder of JSON exports as a CSV and an HTML page."""
    from casework.cohort import CohortError, read_exports
    from casework.cohort_report import write_cohort_files
    from casework.cohort_summary import cohort_summary

    try:
        exports, skipped = read_exports(folder)
    except CohortError as error:
        print(f"casework cohort: {error}", file=sys.stderr)
        return 2
    for reason in skipped:
        print(f"casework cohort: left out {reason}", file=sys.stderr)
    if not exports:
        print(
            f"casework cohort: no *.json exports in {folder}; make them with "
            "`casework export CASE --format json -o FILE.json`",
            file=sys.stderr,
        )
        return 2
    print(f"Summarising {len(exports)} case file(s)…", file=sys.stderr)
    files = write_cohort_files(cohort_summary(exports), output_dir or folder)
    print(
        f"Wrote {files.csv}, {files.html}, the gradebook {files.gradebook} and a page per "
        f"student in {files.students}",
        file=sys.stderr,
    )
    return 0


def new_scenario(scenario_id: str, title: str | None, output: Path | None) -> int:
    """Write a valid scenario skeleton for a trainer to fill in; never overwrite a file."""
    from casework.authoring import scenario_skeleton, skeleton_filename
    from casework.scenarios import scenario_dir

    try:
        text = scenario_skeleton(scenario_id, title or scenario_id.replace("-", " ").capitalize())
    except ValueError as error:
        print(f"casework new scenario: {error}", file=sys.stderr)
        return 2
    path = output or scenario_dir() / skeleton_filename(scenario_id)
    if path.exists():
        print(
            f"casework new scenario: {path} already exists; choose another id or -o FILE",
            file=sys.stderr,
        )
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(
        f"Wrote {path}. Replace each TODO, then check it with: casework validate {path}\n"
        "The guide with a worked example: scenarios/README.md",
        file=sys.stderr,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="casework", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="serve every app with Voilà")
    serve_cmd.add_argument("--port", type=int, default=8866)
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument(
        "--instructor",
        action="store_true",
        help="also serve the cohort summary (07): on an instructor's own machine, not a class's",
    )
    serve_cmd.add_argument(
        "--pool",
        type=int,
        default=0,
        metavar="N",
        help="for a class arriving together: keep N kernels ready for the start page and "
        "intake (about 100 MB each)",
    )
    validate_cmd = commands.add_parser("validate", help="check scenario files")
    validate_cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")
    commands.add_parser("schema", help="print the scenario JSON Schema")
    check_cmd = commands.add_parser(
        "check", help="check goals, notes, de-identification or plain language"
    )
    check_cmd.add_argument("kind", choices=["goal", "note", "deid", "plain"])
    check_cmd.add_argument(
        "files", nargs="*", metavar="FILE", help="files to check; '-' or none reads standard input"
    )
    check_cmd.add_argument(
        "--lines", action="store_true", help="check every input line as a separate text"
    )
    check_cmd.add_argument(
        "--json", action="store_true", help="print one JSON object per text, one per line"
    )
    export_cmd = commands.add_parser(
        "export", help="write a case file as Markdown, HTML, or JSON (for `cohort`)"
    )
    export_cmd.add_argument("case", metavar="CASE", help="the case id (the scenario id)")
    export_cmd.add_argument("--format", choices=["md", "html", "json"], default="md")
    export_cmd.add_argument(
        "--student", help="the student's case file (as in ?student=NAME); default: your own"
    )
    export_cmd.add_argument(
        "--output", "-o", type=Path, help="file to write (default: standard output)"
    )
    new_cmd = commands.add_parser("new", help="start a new scenario file from a valid skeleton")
    new_cmd.add_argument("kind", choices=["scenario"])
    new_cmd.add_argument("id", metavar="ID", help="the scenario id, e.g. job-loss-family")
    new_cmd.add_argument("--title", help="the title students see in the list")
    new_cmd.add_argument(
        "--output", "-o", type=Path, help="file to write (default: scenarios/ID.yaml)"
    )
    cohort_cmd = commands.add_parser(
        "cohort", help="summarise a folder of JSON exports as a CSV and an HTML page"
    )
    cohort_cmd.add_argument("folder", type=Path, metavar="DIR")
    cohort_cmd.add_argument(
        "--output-dir", "-o", type=Path, help="where to write the summary (default: DIR)"
    )
    # Files may come after options ("check note --json -"): argparse leaves those over.
    args, extra = parser.parse_known_args(argv)
    unknown = [arg for arg in extra if arg.startswith("-") and arg != "-"]
    if unknown or (extra and args.command != "check"):
        parser.error(f"unrecognized arguments: {' '.join(unknown or extra)}")
    if args.command == "check":
        return check(args.kind, [*args.files, *extra], args.lines, args.json)
    if args.command == "export":
        return export(args.case, args.format, args.output, args.student)
    if args.command == "new":
        return new_scenario(args.id, args.title, args.output)
    if args.command == "cohort":
        return cohort(args.folder, args.output_dir)
    if args.command == "validate":
        return validate(args.files)
    if args.command == "schema":
        from casework.scenarios import json_schema

        print(json_schema())
        return 0
    return serve(args.port, args.host, args.instructor, args.pool)


if __name__ == "__main__":
    sys.exit(main())
