"""Whose case file an app opens: one person's by default, or a named student's in a class.

On a laptop the workbook has one user and one case file. When a class shares one Voilà
server, each student adds `?student=NAME` to the address (the landing page keeps it on
every link) and gets a case file of their own, so nobody opens another's work by
accident. This is a convenience, not a lock: anyone who types another name sees that
file. A class that needs sign-in gives each student their own server (JupyterHub).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from casework.errors import UserFacingError
from casework.store import CaseStore, data_home

STUDENT_PARAM = "student"
_STUDENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")


class WorkspaceError(UserFacingError, ValueError):
    """The address names a student in a way that cannot be a file name."""


def student_from_query(query: str) -> str | None:
    """The student named in a query string (`student=ana-3`), or None for the default file."""
    values = parse_qs(query.lstrip("?"), keep_blank_values=True).get(STUDENT_PARAM, [])
    if not values:
        return None
    # "?student=" with nothing (or only spaces) after it is a name left out, not a wish for
    # the shared file: opening that file would show one student another's work.
    return checked_student(values[-1].strip())


def checked_student(name: str) -> str:
    """`name` if it can name a student's case file, else a WorkspaceError saying why."""
    if not name:
        raise WorkspaceError(
            "The address says ?student= but gives no name. Add yours, for example "
            "?student=ana-3, so you open your own case file."
        )
    if not _STUDENT_NAME.fullmatch(name):
        raise WorkspaceError(
            f"“{name[:60]}” cannot be used as a student name. Use up to 40 "
            "letters, digits, dots, dashes or underscores, starting with a letter or digit, "
            "for example ?student=ana-3."
        )
    return name


def request_query() -> str:
    """The query string of the page this kernel serves: Voilà passes it as QUERY_STRING.

    A preheated kernel starts before anyone asks for its page, so it waits here for the
    request; the app is then built for the student who asked."""
    if os.environ.get("VOILA_PREHEAT") == "True":
        os.environ.update(wait_for_request())
    return os.environ.get("QUERY_STRING", "")


def preheat_query_url(env: Mapping[str, str]) -> str:
    """Where Voilà tells a preheated kernel about the request it now serves."""
    protocol = env.get("VOILA_WS_PROTOCOL", "ws")
    host = env.get("VOILA_APP_IP", "127.0.0.1")
    port = env.get("VOILA_APP_PORT", "8866")
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{env['VOILA_KERNEL_ID']}"


def wait_for_request() -> dict[str, str]:
    """Block until Voilà hands this preheated kernel a request; its CGI-style variables.

    The same exchange as `voila.utils.wait_for_request`, without importing `voila`, which
    pulls in the whole server and JupyterLab's (about 7 s of CPU in every pooled kernel on
    a busy 2-core machine)."""
    from websockets.sync.client import connect

    with connect(preheat_query_url(os.environ), open_timeout=5) as socket:
        return {str(k): str(v) for k, v in json.loads(socket.recv()).items()}


def student_file(student: str) -> Path:
    """Where a student's case file lives (it may not exist yet)."""
    return data_home() / "students" / f"{student}.sqlite3"


def store_for(student: str | None) -> CaseStore:
    if student is None:
        return CaseStore()
    return CaseStore(student_file(student))


def for_request(student: str | None = None) -> tuple[str | None, CaseStore]:
    """The student this page is for (given, or named in its address) and their case file."""
    student = student or student_from_query(request_query())
    return student, store_for(student)


def link_query(student: str | None) -> str:
    """What to append to a link so the next app opens the same student's file."""
    return "?" + urlencode({STUDENT_PARAM: student}) if student else ""
