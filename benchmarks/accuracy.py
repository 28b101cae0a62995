"""Score a labelled set through the installed `casework check` CLI, as an evaluator would.

    .venv/bin/python benchmarks/accuracy.py note LABELLED.tsv
    .venv/bin/python benchmarks/accuracy.py goal tests/data/goals.tsv

LABELLED.tsv: one `label<TAB>text` per line (`#` comments allowed). The positive labels
are `judgmental` (note), `smart` (goal) and `identifier` (deid); anything else is negative.
A text counts as flagged when `ok` is false (for goals: when `smart` is true).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

POSITIVE = {"note": "judgmental", "goal": "smart", "deid": "identifier"}


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in POSITIVE:
        print(__doc__, file=sys.stderr)
        return 2
    kind, path = sys.argv[1], Path(sys.argv[2])
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if len(row) >= 2 and not row[0].startswith("#")]
    command = shutil.which("casework", path=str(Path(sys.executable).parent)) or "casework"
    result = subprocess.run(
        [command, "check", kind, "--lines", "--json"],
        input="\n".join(row[1] for row in rows) + "\n",
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    flagged = [o["smart"] if kind == "goal" else not o["ok"] for o in outputs]
    positive = [row[0] == POSITIVE[kind] for row in rows]
    tp = sum(f and p for f, p in zip(flagged, positive, strict=True))
    fp = sum(f and not p for f, p in zip(flagged, positive, strict=True))
    pos, neg = sum(positive), len(positive) - sum(positive)
    agreement = sum(f == p for f, p in zip(flagged, positive, strict=True)) / len(rows)
    print(
        f"{len(rows)} texts: recall {tp / max(pos, 1):.3f}, false-positive rate {fp / max(neg, 1):.3f}, agreement {agreement:.3f}"
    )
    for row, f, p in zip(rows, flagged, positive, strict=True):
        if f != p:
            print(f"  {'missed' if p else 'false positive'}: {row[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
