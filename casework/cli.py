"""`casework …`: serve the apps, validate scenario files, print the scenario schema."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from casework.checks.deid import identifiers_in_document
from casework.model import Scenario
from casework.scenarios import Problem, ScenarioError, json_schema, load_scenario

REPO = Path(__file__).resolve().parent.parent


def identifier_problems(scenario: Scenario) -> list[Problem]:
    """Real-looking identifiers in a scenario, as problems located by field."""
    allowed = [*scenario.fictional_names, *scenario.fictional_places]
    return [
        Problem(
            path,
            f"{finding.message} {finding.suggestion} (declare invented names in fictional_names)",
        )
        for path, finding in identifiers_in_document(scenario.model_dump(mode="json"), allowed)
    ]


def validate(paths: list[Path]) -> int:
    failed = 0
    for path in paths:
        try:
            scenario = load_scenario(path)
            problems = identifier_problems(scenario)
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
    return 1 if failed else 0


def serve(port: int, host: str) -> int:
    """Run Voilà on the notebooks folder, from the repository root so voila.json applies."""
    os.chdir(REPO)
    args = [
        sys.executable,
        "-m",
        "voila",
        str(REPO / "notebooks"),
        f"--port={port}",
        f"--Voila.ip={host}",
        "--no-browser",
    ]
    print(f"Serving the casework apps at http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    os.execv(sys.executable, args)
    return 0  # not reached


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="casework", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="serve every app with Voilà")
    serve_cmd.add_argument("--port", type=int, default=8866)
    serve_cmd.add_argument("--host", default="127.0.0.1")
    validate_cmd = commands.add_parser("validate", help="check scenario files")
    validate_cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")
    commands.add_parser("schema", help="print the scenario JSON Schema")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.files)
    if args.command == "schema":
        print(json_schema())
        return 0
    return serve(args.port, args.host)


if __name__ == "__main__":
    sys.exit(main())
