"""Voilà as the workbook serves it: the start page at the server's root.

Voilà's own root lists the notebook files, which means nothing to a student. This
subclass adds one route in front of Voilà's: `/` redirects to the landing app, with
the query string kept (so `/?student=ana` opens Ana's start page). Everything else,
configuration included (`voila.json`), is Voilà's.
"""

from __future__ import annotations

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


class StartPageRedirect(tornado.web.RequestHandler):
    def initialize(self, target: str) -> None:
        self.target = target

    def get(self) -> None:
        query = self.request.query
        self.redirect(self.target + (f"?{query}" if query else ""))


class CaseworkVoila(Voila):
    def init_handlers(self) -> list:
        root = (
            url_path_join(self.server_url, "/?"),
            StartPageRedirect,
            {"target": url_path_join(self.server_url, START_PAGE)},
        )
        return [root, *super().init_handlers()]


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
