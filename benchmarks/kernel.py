"""What an app costs its kernel: import-and-build time and resident memory, against a
kernel that imported ipywidgets, pandas and matplotlib.

    .venv/bin/python benchmarks/kernel.py [--rounds 5]

Each measurement is a new Python kernel (jupyter_client, as Voilà starts them) that runs
one cell: the baseline cell imports ipywidgets, pandas and matplotlib.pyplot; an app's
cell is its notebook's own code, building the app on a whole worked case. The cell times
itself; a second cell reports when the charts the app queued after it are drawn too, and
resident memory (VmRSS) is read from /proc after that. Kernels are started in
interleaved, shuffled rounds. Targets (issue 6): ≤ 1.2× the baseline for both.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from pathlib import Path

import nbformat
from harness import APPS, REPO, median, seeded_case_file
from jupyter_client.manager import start_new_kernel

BASELINE = "ipywidgets + pandas + matplotlib"
BASELINE_CODE = "import ipywidgets, pandas, matplotlib.pyplot"
_TIMED = """
import time as _t
_start = _t.perf_counter()
{code}
print("__elapsed__", _t.perf_counter() - _start)
"""
_SETTLED = 'print("__settled__", _t.perf_counter() - _start)'
# only an app's kernel waits for its late panels: the baseline must not import casework
_APP_SETTLED = "from casework.ui.components import wait_for_late_panels\nwait_for_late_panels()\n"


def app_code(notebook: str) -> str:
    cells = nbformat.read(REPO / "notebooks" / notebook, as_version=4).cells
    return "\n".join(c.source for c in cells if c.cell_type == "code")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def measure(code: str, settle: str, env: dict[str, str]) -> tuple[float, float, float]:
    manager, client = start_new_kernel(kernel_name="python3", env=env, cwd=str(REPO))
    try:
        output: list[str] = []

        def collect(message: dict) -> None:
            if message["msg_type"] == "stream":
                output.append(message["content"]["text"])
            elif message["msg_type"] == "error":
                output.append("\n".join(message["content"]["traceback"]))

        reply = client.execute_interactive(
            _TIMED.format(code=code), output_hook=collect, timeout=120
        )
        # a second cell runs once the first one's queued work (charts) is done
        client.execute_interactive(settle + _SETTLED, output_hook=collect, timeout=120)
        text = "".join(output)
        if reply["content"]["status"] != "ok" or "__settled__" not in text:
            raise RuntimeError(f"the cell failed:\n{text}")
        elapsed = float(text.split("__elapsed__")[1].split()[0])
        settled = float(text.split("__settled__")[1].split()[0])
        return elapsed, settled, rss_mb(manager.provisioner.process.pid)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="casework-kernel-"))
    seed = seeded_case_file(home)
    seed.rename(home / "casework.sqlite3")  # the default case file, open on the worked case
    env = {
        **os.environ,
        "CASEWORK_HOME": str(home),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }
    cells = {BASELINE: BASELINE_CODE, **{n: app_code(n) for n in APPS}}
    times: dict[str, list[float]] = {name: [] for name in cells}
    settled: dict[str, list[float]] = {name: [] for name in cells}
    memory: dict[str, list[float]] = {name: [] for name in cells}
    rng = random.Random(6)
    for round_number in range(1, args.rounds + 1):
        order = list(cells)
        rng.shuffle(order)
        for name in order:
            settle = "" if name == BASELINE else _APP_SETTLED
            elapsed, done, rss = measure(cells[name], settle, env)
            times[name].append(elapsed)
            settled[name].append(done)
            memory[name].append(rss)
        print(f"round {round_number}/{args.rounds} done", flush=True)
    base_t, base_m = median(times[BASELINE]), median(memory[BASELINE])
    print(
        f"\nKernel cost of each app (median of {args.rounds}) vs a kernel that imported {BASELINE}"
    )
    print(
        f"{'cell':<34}{'import+build s':>15}{'ratio':>7}{'RSS MB':>9}{'ratio':>7}  target  {'+charts s':>9}"
    )
    for name in cells:
        t, m = median(times[name]), median(memory[name])
        target = "" if name == BASELINE else "≤1.2 both"
        print(
            f"{name:<34}{t:>15.2f}{t / base_t:>7.2f}{m:>9.0f}{m / base_m:>7.2f}  {target:<9}"
            f"{median(settled[name]):>6.2f}"
        )
    print(
        "import+build: the cell that builds the app (the app is on screen when it ends); "
        "+charts: until the charts queued after it are drawn. RSS after both."
    )


if __name__ == "__main__":
    main()
