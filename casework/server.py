"""Voilà as the workbook serves it: the start page at the server's root, kernels freed
when a page closes, and a cap on live kernels.

- Voilà's own root lists the notebook files, which means nothing to a student: `/`
  redirects to the landing app, with the query string kept (`/?student=ana`).
- A rendered page shuts its kernel down as it unloads by posting the `_xsrf` cookie back
  (Voilà's `beforeunload` handler), but Voilà never sets that cookie, so the shutdown got
  `403 '_xsrf' argument missing` and kernels lived on (voila-dashboards/voila#1458). The
  render handler here sets it.
- A class on one machine has a memory ceiling: past `CASEWORK_MAX_KERNELS` live kernels a
  new page gets a plain "the server is full" page instead of a kernel. Kernel counts are
  logged with each page.
- A page must say when its kernel is gone, and keep what was typed meanwhile: every
  rendered page carries `static/unsaved_guard.js` in its head (see that file).
- The cohort summary reads every student's exports: it is rendered only when the server
  runs for an instructor (`casework serve --instructor`, `CASEWORK_INSTRUCTOR=yes`).
Everything else, configuration included (`voila.json`), is Voilà's.
"""

from __future__ import annotations

import inspect
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tornado.web
from jupyter_server.utils import url_path_join
from voila.app import Voila

START_PAGE = "voila/render/00_start.ipynb"
MAX_KERNELS_ENV = "CASEWORK_MAX_KERNELS"
# Pages for instructors only: a class's server does not render them to students.
INSTRUCTOR_ENV = "CASEWORK_INSTRUCTOR"
INSTRUCTOR_PAGES = ("07_cohort_summary.ipynb",)
# About 150 MB a kernel after use: 40 fit a 8 GB machine beside the server and the OS.
DEFAULT_MAX_KERNELS = 40
GUARD_SCRIPT = (Path(__file__).parent / "static" / "unsaved_guard.js").read_text(encoding="utf-8")
HEAD_END = "</head>"

# The pages a class opens first, as it arrives together: what a preheated pool keeps ready.
CLASS_FIRST_PAGES = ("00_start.ipynb", "01_intake.ipynb")
# A used pool kernel is replaced after this many seconds, once the class has arrived:
# replacing it at once would start a second class's worth of kernels during the arrival.
POOL_REFILL_DELAY = 60

INSTRUCTOR_ONLY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>For instructors</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36em; margin: 3em auto;">
<h1>This page is for instructors</h1>
<p>The cohort summary reads every student's exported case file, so a class's server
does not show it. Instructors run it on their own machine:
<code>CASEWORK_INSTRUCTOR=yes make app</code>, or <code>casework serve --instructor</code>.</p>
<p><a href="00_start.ipynb">Back to the workbook</a></p>
</body></html>
"""

SERVER_FULL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The server is full</title>
<meta http-equiv="refresh" content="60"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36em; margin: 3em auto;">
<h1>The server is full right now</h1>
<p>Too many workbook pages are open at once. Your work is saved; nothing is lost.
Try again in a minute: this page reloads by itself.</p>
<p>Closing workbook tabs you are not using frees room for everyone.</p>
</body></html>
"""


def max_kernels() -> int:
    """The cap on live kernels, from `CASEWORK_MAX_KERNELS` (a positive whole number)."""
    raw = os.environ.get(MAX_KERNELS_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_KERNELS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{MAX_KERNELS_ENV} must be a positive whole number, not {raw!r}")
    return int(raw)


def pool_options(size: int, pages: tuple[str, ...] = CLASS_FIRST_PAGES) -> list[str]:
    """Voilà options keeping `size` kernels ready for each of `pages`, each having built
    its app and waiting to learn which student asked (`workspace.request_query`)."""
    if size < 1:
        raise ValueError(f"a pool holds at least one kernel, not {size}")
    pools = {"default": {"pool_size": 0}, **{page: {"pool_size": size} for page in pages}}
    return [
        "--preheat_kernel=True",
        f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}",
        f"--VoilaKernelManager.fill_delay={POOL_REFILL_DELAY}",
    ]


def pages_open(kernel_manager: object) -> int:
    """Kernels serving a page: every live kernel but those waiting in a preheated pool."""
    alive = len(kernel_manager.list_kernel_ids())  # type: ignore[attr-defined]
    pools = getattr(kernel_manager, "_pools", {})  # Voilà's pool: a dict of lists, by page
    return alive - sum(len(waiting) for waiting in pools.values())


def with_kernel_care(handler: type) -> type:
    """The render handler, setting the `_xsrf` cookie its page needs to shut its kernel
    down on unload, and refusing a new page once `max_kernels()` kernels are alive."""

    class CaredFor(handler):  # type: ignore[misc, valid-type]
        casework_cared_for = True
        _guarded = False

        def write(self, chunk: str | bytes | dict) -> None:
            # Voilà streams the page in pieces; the guard goes in the piece that closes
            # <head>, so it runs before the page opens its kernel connection.
            if not self._guarded and isinstance(chunk, str) and HEAD_END in chunk:
                self._guarded = True
                chunk = chunk.replace(HEAD_END, f"<script>{GUARD_SCRIPT}</script>{HEAD_END}", 1)
            super().write(chunk)

        async def prepare(self, *args: object, **kwargs: object) -> None:
            result = super().prepare(*args, **kwargs)
            if inspect.isawaitable(result):
                await result
            self.xsrf_token  # noqa: B018  (reading it sets the cookie)
            page = self.request.path.rsplit("/", 1)[-1]
            if page in INSTRUCTOR_PAGES and not self.settings["casework_instructor"]:
                self.set_status(404)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(INSTRUCTOR_ONLY_PAGE)
                return
            alive = pages_open(self.kernel_manager)
            self.log.info("casework: %d kernel(s) alive as a page opens", alive)
            if alive >= self.settings["casework_max_kernels"]:
                self.log.warning("casework: kernel cap (%d) reached; page refused", alive)
                self.set_status(503)
                self.set_header("Retry-After", "60")
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(SERVER_FULL_PAGE)

    CaredFor.__name__ = CaredFor.__qualname__ = f"KernelCared{handler.__name__}"
    return CaredFor


class StartPageRedirect(tornado.web.RequestHandler):
    def initialize(self, target: str) -> None:
        self.target = target

    def get(self) -> None:
        query = self.request.query
        self.redirect(self.target + (f"?{query}" if query else ""))


class CaseworkVoila(Voila):
    def init_settings(self, *args: object, **kwargs: object) -> dict:
        settings = super().init_settings(*args, **kwargs)
        settings["casework_max_kernels"] = max_kernels()
        settings["casework_instructor"] = os.environ.get(INSTRUCTOR_ENV, "").lower() == "yes"
        return settings

    def init_handlers(self) -> list:
        from voila.tornado.handler import TornadoVoilaHandler

        root = (
            url_path_join(self.server_url, "/?"),
            StartPageRedirect,
            {"target": url_path_join(self.server_url, START_PAGE)},
        )
        handlers = []
        for route in super().init_handlers():
            if isinstance(route[1], type) and issubclass(route[1], TornadoVoilaHandler):
                route = (route[0], with_kernel_care(route[1]), *route[2:])
            handlers.append(route)
        return [root, *handlers]


main = CaseworkVoila.launch_instance
REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def background(
    command: list[str],
    probe_url: str,
    log_path: Path,
    *,
    cwd: Path,
    env: dict[str, str],
    what: str,
    timeout: float = 90,
) -> Iterator[None]:
    """Run `command` in the background, its output to `log_path`, until the block ends;
    the block starts once `probe_url` answers. Raises RuntimeError, with the log's end, if
    the process dies or does not answer in time."""
    with open(log_path, "w+") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    with urllib.request.urlopen(probe_url, timeout=2):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(f"{what} did not start:\n{log.read()[-3000:]}") from None
                    time.sleep(0.3)
            yield
        finally:
            process.terminate()  # servers stop their children (kernels, proxies) with them
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def running(
    home: Path,
    log_path: Path,
    notebooks: Path | None = None,
    options: tuple[str, ...] = (),
    **env: str,
) -> Iterator[str]:
    """This server in the background on a free loopback port, saving case files in `home`;
    yields its base URL. For the browser tests and the benchmarks, which must measure the
    server a student meets (run from the repository root, so `voila.json` applies)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "casework.server",
        str(notebooks or REPO / "notebooks"),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--no-browser",
        *options,
    ]
    with background(
        command,
        f"{url}/voila/api/contents",
        log_path,
        cwd=REPO,
        env={**os.environ, "CASEWORK_HOME": str(home), **env},
        what="Voilà",
    ):
        yield url


if __name__ == "__main__":
    main()
