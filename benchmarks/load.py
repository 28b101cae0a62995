"""A class arriving at once, measured on the server side: no browser on this machine.

    .venv/bin/python benchmarks/load.py [--students 30] [--app 01_intake.ipynb] [--pool]

Each student is a coroutine doing what a page does, over HTTP and the kernel websocket:
GET the app under their own name (`?student=s07`: Voilà starts a kernel and runs the
notebook), connect to the kernel, and fetch every widget's state the way the page's
widget manager does (`request_states` on `jupyter.widget.control`). "Ready" is the
moment those states arrive: the page could now draw its controls.

Then the pages close. Half leave as a tab does (Voilà's shutdown on unload, with the
`_xsrf` cookie); the other half just drop the connection, as a crashed tab or a laptop
lid does, and are left to the cull (`voila.json`: 60 s without a page).

Reported:
- p50/p95 seconds until the widgets are ready, for one student alone (the baseline
  measured in this run) and for the class at once, and their ratio;
- errors (a failed request, an error on the page, no widget state);
- memory at the peak: the server and the sum over kernels;
- kernels alive (kernel processes of the server) 60 s and 120 s after the pages close.

Targets (issue 17): 30 at once, p95 ≤ 12 s, and zero kernels left 2 minutes after the
pages close; with a preheated pool sized for the class (`--pool`), p95 ≤ 4 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from harness import median, percentile
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from casework.server import POOL_REFILL_DELAY, pool_options, running

ERROR_MARKERS = ("Traceback", "There was an error", "Something went wrong", "cannot open")
CONFIG = re.compile(
    r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', re.S
)


@dataclass
class Visit:
    student: str
    seconds_to_html: float = float("nan")
    seconds_to_ready: float = float("nan")
    widgets: int = 0
    kernel_id: str = ""
    error: str = ""
    cookies: dict[str, str] = field(default_factory=dict)


def message(channel: str, msg_type: str, content: dict, session: str) -> dict:
    return {
        "channel": channel,
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "session": session,
            "username": "load",
            "version": "5.3",
            "date": "",
        },
        "parent_header": {},
        "metadata": {"version": "1.0.0"},  # ipywidgets' control comm protocol
        "content": content,
        "buffers": [],
    }


def decoded(frame: str | bytes) -> dict:
    """A kernel message from the websocket: JSON text, or (with binary buffers) the legacy
    binary frame whose first part is the JSON."""
    if isinstance(frame, str):
        return json.loads(frame)
    count = int.from_bytes(frame[0:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i : 8 + 4 * i], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0] : end].decode("utf-8"))


async def widget_states(ws_url: str, cookie: str, timeout: float) -> dict:
    """Connect to the kernel as the page does and fetch every widget's state."""
    session = uuid.uuid4().hex
    connection = await websocket_connect(
        HTTPRequest(f"{ws_url}?session_id={session}", headers={"Cookie": cookie}),
        max_message_size=256 * 1024 * 1024,
    )
    try:
        comm_id = uuid.uuid4().hex
        opening = {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}}
        await connection.write_message(json.dumps(message("shell", "comm_open", opening, session)))
        asking = {"comm_id": comm_id, "data": {"method": "request_states"}}
        await connection.write_message(json.dumps(message("shell", "comm_msg", asking, session)))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no widget state from the kernel")
            frame = await asyncio.wait_for(connection.read_message(), left)
            if frame is None:
                raise ConnectionError("the kernel connection closed")
            reply = decoded(frame)
            data = reply.get("content", {}).get("data", {})
            if reply.get("msg_type") == "comm_msg" and data.get("method") == "update_states":
                return data.get("states", {})
    finally:
        connection.close()


async def visit(base: str, app: str, student: str, timeout: float) -> Visit:
    result = Visit(student)
    client = AsyncHTTPClient()
    started = time.monotonic()
    try:
        response = await client.fetch(
            f"{base}/voila/render/{app}?student={student}",
            request_timeout=timeout,
            raise_error=False,
        )
        result.seconds_to_html = time.monotonic() - started
        body = response.body.decode("utf-8", "replace")
        if response.code != 200:
            result.error = f"HTTP {response.code}"
            return result
        marker = next((m for m in ERROR_MARKERS if m in body), None)
        config = CONFIG.search(body)
        if marker or not config:
            shown = re.sub(r"<[^>]+>|\s+", " ", body)[-300:]
            result.error = f"the page shows {marker!r}" if marker else f"no kernel: {shown}"
            return result
        result.kernel_id = json.loads(config.group(1))["kernelId"]
        for header in response.headers.get_list("Set-Cookie"):
            jar = SimpleCookie(header)
            result.cookies.update({name: morsel.value for name, morsel in jar.items()})
        cookie = "; ".join(f"{k}={v}" for k, v in result.cookies.items())
        ws_url = base.replace("http", "ws", 1) + f"/api/kernels/{result.kernel_id}/channels"
        left = timeout - (time.monotonic() - started)
        states = await widget_states(ws_url, cookie, left)
        result.seconds_to_ready = time.monotonic() - started
        result.widgets = len(states)
        if not states:
            result.error = "no widgets"
        elif f"student={student}" not in json.dumps(states):
            # the app's links carry the student it was built for: a preheated kernel
            # must still open the file of the student who asked
            result.error = "the page is not this student's"
    except Exception as error:  # any failure is a student who could not work: count it
        result.error = f"{type(error).__name__}: {error}"
    return result


async def leave(base: str, visit: Visit, politely: bool) -> None:
    """Close the page: Voilà's shutdown on unload (as a tab closes), or nothing at all."""
    if not politely or not visit.kernel_id:
        return
    xsrf = visit.cookies.get("_xsrf", "")
    await AsyncHTTPClient().fetch(
        f"{base}/voila/api/shutdown/{visit.kernel_id}",
        method="POST",
        body=b"",
        headers={"X-XSRFToken": xsrf, "Cookie": f"_xsrf={xsrf}"},
        raise_error=False,
    )


def server_pid(port: str) -> int:
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"casework.server" in words and f"--port={port}".encode() in words:
            return int(cmdline.parent.name)
    raise RuntimeError("the server's process was not found")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def kernel_pids(server: int) -> list[int]:
    """The server's child processes: its kernels."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == server:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def memory(server: int) -> tuple[float, float, int]:
    """RSS of the server, the sum over its kernels (its child processes), and their count."""
    kernels = []
    for pid in kernel_pids(server):
        try:
            kernels.append(rss_mb(pid))
        except OSError:  # a kernel that ended while we looked
            continue
    return rss_mb(server), sum(kernels), len(kernels)


async def class_at_once(base: str, app: str, students: list[str], timeout: float) -> list[Visit]:
    return list(await asyncio.gather(*(visit(base, app, s, timeout) for s in students)))


def line(label: str, visits: list[Visit]) -> str:
    ready = [v.seconds_to_ready for v in visits if not v.error]
    html = [v.seconds_to_html for v in visits if not v.error]
    if not ready:
        return f"{label:<22} every page failed"
    return (
        f"{label:<22} {len(visits):>3}  {median(html):6.1f}  {percentile(html, 0.95):6.1f}  "
        f"{median(ready):6.1f}  {percentile(ready, 0.95):6.1f}  "
        f"{sum(1 for v in visits if v.error):>6}"
    )


async def run(args: argparse.Namespace, base: str) -> None:
    AsyncHTTPClient.configure(None, max_clients=args.students + 5)
    server = server_pid(base.rsplit(":", 1)[1])
    if args.pool:
        await asyncio.sleep(args.pool_wait)  # the pool fills before the class arrives
    solo = await class_at_once(base, args.app, ["solo"], args.timeout)
    await asyncio.gather(*(leave(base, v, True) for v in solo))
    await asyncio.sleep(3)
    if args.pool:  # the pool replaces the solo visit's kernel after its delay
        await asyncio.sleep(POOL_REFILL_DELAY + 20)

    names = [f"s{n:02d}" for n in range(1, args.students + 1)]
    before = {pid: cpu_seconds(pid) for pid in kernel_pids(server)}
    server_cpu = cpu_seconds(server)
    visits = await class_at_once(base, args.app, names, args.timeout)
    server_cpu = cpu_seconds(server) - server_cpu
    # a pool's kernels started before the class came: only what they spent since counts
    kernel_cpu = sum(cpu_seconds(pid) - before.get(pid, 0.0) for pid in kernel_pids(server))
    server_mb, kernels_mb, kernel_count = memory(server)
    await asyncio.gather(*(leave(base, v, i % 2 == 0) for i, v in enumerate(visits)))
    closed = time.monotonic()
    alive = {}
    for after in (60, 120):
        await asyncio.sleep(max(0.0, closed + after - time.monotonic()))
        alive[after] = memory(server)[2]  # kernel processes still running
    idle = args.pool_size if args.pool else 0

    print(
        f"\nLoad on one server: {args.app}, {args.students} students at once"
        f"{' (preheated pool)' if args.pool else ''}\n"
    )
    print(f"{'':<22} {'n':>3}  {'html':>6}  {'p95':>6}  {'ready':>6}  {'p95':>6}  {'errors':>6}")
    print(f"{'':<22} {'':>3}  {'p50 s':>6}  {'s':>6}  {'p50 s':>6}  {'s':>6}")
    print(line("one student alone", solo))
    print(line("the class at once", visits))
    ready = [v.seconds_to_ready for v in visits if not v.error]
    solo_ready = [v.seconds_to_ready for v in solo if not v.error]
    if ready and solo_ready:
        print(f"\np95 ready at once / alone: {percentile(ready, 0.95) / solo_ready[0]:.1f}×")
    print(
        f"memory at the peak: server {server_mb:.0f} MB; {kernel_count} kernel processes "
        f"{kernels_mb:.0f} MB ({kernels_mb / max(kernel_count, 1):.0f} MB each)"
    )
    print(
        f"CPU per page: kernel {kernel_cpu / args.students:.2f} s, server "
        f"{server_cpu / args.students:.2f} s (2 cores: a class of {args.students} needs at "
        f"least {(kernel_cpu + server_cpu) / 2:.0f} s of wall time)"
    )
    print(
        f"kernels alive 60 s after the pages closed: {alive[60]}; after 120 s: {alive[120]}"
        f"{f' (the preheated pool keeps {idle} per app waiting)' if idle else ''}"
    )
    for v in visits:
        if v.error:
            print(f"  {v.student}: {v.error}")
    target = 4 if args.pool else 12
    p95 = percentile(ready, 0.95) if ready else float("inf")
    errors = sum(1 for v in visits if v.error)
    print(
        f"\ntarget: p95 ≤ {target} s → {'met' if p95 <= target else 'NOT met'} ({p95:.1f} s); "
        f"errors 0 → {'met' if errors == 0 else 'NOT met'}; kernels left after 120 s "
        f"{'met' if alive[120] <= idle else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--app", default="01_intake.ipynb")
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--pool", action="store_true", help="serve from a preheated pool")
    parser.add_argument("--pool-size", type=int, default=0, help="default: the class size")
    parser.add_argument("--pool-wait", type=float, default=90, help="seconds to let it fill")
    parser.add_argument("--log", type=Path, default=Path(tempfile.gettempdir()) / "load-voila.log")
    args = parser.parse_args()
    args.pool_size = args.pool_size or args.students
    # the pool `casework serve --pool N` keeps, for the app measured
    options = tuple(pool_options(args.pool_size, (args.app,))) if args.pool else ()
    with tempfile.TemporaryDirectory() as home:
        print(f"server log: {Path(home) / 'voila.log'} (copied to {args.log})", flush=True)
        caps = {"CASEWORK_MAX_KERNELS": str(args.students + args.pool_size + 10)}
        log = Path(home) / "voila.log"
        with running(Path(home), log, options=options, **caps) as base:
            try:
                asyncio.run(run(args, base))
            finally:
                shutil.copy(log, args.log)


if __name__ == "__main__":
    main()
