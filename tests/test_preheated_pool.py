"""A preheated pool (issue 17): kernels that built their app before anyone asked still open
the file of the student who asked, and the kernel cap counts pages, not waiting kernels."""

from __future__ import annotations

import json
import sys
import threading

import pytest
from websockets.sync.server import serve

from casework import workspace
from casework.server import pages_open, pool_options
from casework.ui.intake import IntakeApp


@pytest.fixture
def voila_query_socket(monkeypatch):
    """Voilà's side of the exchange: hands the waiting kernel the request's variables."""
    asked: list[str] = []

    def handler(connection) -> None:
        asked.append(connection.request.path)
        connection.send(json.dumps({"QUERY_STRING": "student=ana-3", "SERVER_PORT": "8866"}))

    with serve(handler, "127.0.0.1", 0) as server:
        port = server.socket.getsockname()[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        monkeypatch.setenv("VOILA_PREHEAT", "True")
        monkeypatch.setenv("VOILA_KERNEL_ID", "k-123")
        monkeypatch.setenv("VOILA_APP_PORT", str(port))
        monkeypatch.setenv("VOILA_SERVER_URL", "/class/")
        monkeypatch.delenv("QUERY_STRING", raising=False)
        yield asked
        server.shutdown()


def test_a_preheated_kernel_waits_for_the_request_and_learns_who_asked(voila_query_socket):
    assert workspace.request_query() == "student=ana-3"
    assert voila_query_socket == ["/class/voila/query/k-123"]


def test_a_preheated_app_opens_the_file_of_the_student_who_asked(home, voila_query_socket):
    app = IntakeApp()
    assert app.student == "ana-3"
    assert app.store.path == home / "students" / "ana-3.sqlite3"
    assert "student=ana-3" in app.children[1].value  # the links keep the student


def test_waiting_for_the_request_does_not_import_voila(voila_query_socket, monkeypatch):
    monkeypatch.delitem(sys.modules, "voila", raising=False)
    workspace.request_query()
    assert "voila" not in sys.modules  # importing it costs a pooled kernel seconds of CPU


def test_the_pool_keeps_kernels_for_the_pages_a_class_opens_first():
    options = pool_options(30)
    assert "--preheat_kernel=True" in options
    pools = json.loads(next(o for o in options if "kernel_pools_config" in o).split("=", 1)[1])
    assert pools == {
        "default": {"pool_size": 0},
        "00_start.ipynb": {"pool_size": 30},
        "01_intake.ipynb": {"pool_size": 30},
    }
    with pytest.raises(ValueError, match="at least one kernel"):
        pool_options(0)


class FakeKernels:
    def __init__(self, alive: int, pools: dict[str, list[object]]):
        self._alive, self._pools = alive, pools

    def list_kernel_ids(self) -> list[str]:
        return [f"k{n}" for n in range(self._alive)]


def test_kernels_waiting_in_the_pool_do_not_count_against_the_cap():
    assert (
        pages_open(FakeKernels(45, {"00_start.ipynb": [1] * 20, "01_intake.ipynb": [1] * 20})) == 5
    )
    assert pages_open(FakeKernels(7, {})) == 7


def test_serve_refuses_a_negative_pool_in_words(capsys):
    from casework.cli import main

    assert main(["serve", "--pool", "-3"]) == 2
    assert capsys.readouterr().err == (
        "casework serve: --pool is a number of kernels, 0 or more, not -3\n"
    )
