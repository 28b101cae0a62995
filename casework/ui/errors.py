"""Failures as a plain message with what to do; the traceback goes to the server's log.

A student must never meet a Python traceback. Every widget callback is wrapped by
`guarded`, and every app is built through `open_app`: whatever goes wrong is logged in
full for the trainer (Voilà's terminal, or `voila.log`), and the page says, in words,
that saved work is safe and what to try next.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import IO, Any, TypeVar

import ipywidgets as widgets

from casework.errors import UserFacingError

log = logging.getLogger("casework.ui")
F = TypeVar("F", bound=Callable[..., Any])


def _server_log() -> IO[str]:
    # In a kernel, fd 2 is also forwarded to the page; ipykernel keeps a copy of the real
    # stderr (the server's log) for its own logging, and so do we.
    original = getattr(sys.stderr, "_original_stdstream_copy", None)
    if original is not None:
        return open(original, "w", buffering=1, closefd=False)
    return sys.__stderr__ or sys.stderr


def _ensure_handler() -> None:
    if not any(getattr(h, "casework", False) for h in log.handlers):
        handler = logging.StreamHandler(_server_log())
        handler.casework = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("[casework %(asctime)s] %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def message_for(error: BaseException, doing: str) -> str:
    """What the student reads: what happened, that the work is safe, and what to do."""
    if isinstance(error, UserFacingError):
        return str(error)
    stamp = datetime.now().strftime("%H:%M:%S")
    return (
        f"Something went wrong while {doing}. Everything saved before this is safe. "
        "Try once more; if it happens again, reload the page (your work comes back) and "
        f"tell your trainer the time, {stamp}, so they can find the details in the server's log."
    )


def error_html(error: BaseException, doing: str) -> str:
    return (
        "<div class='cw-panel cw-error' role='alert'><span class='cw-tag'>✗ Problem</span> "
        f"{escape(message_for(error, doing))}</div>"
    )


class ErrorPanel(widgets.HTML):
    """Where a failed action says so. The latest app's panel receives the reports."""

    current: ErrorPanel | None = None

    def __init__(self) -> None:
        super().__init__()
        self.add_class("e2e-error")
        ErrorPanel.current = self

    def show(self, error: BaseException, doing: str) -> None:
        self.value = error_html(error, doing)

    def clear(self) -> None:
        self.value = ""


def report(error: BaseException, doing: str) -> None:
    _ensure_handler()
    log.error("while %s", doing, exc_info=error)
    if ErrorPanel.current is not None:
        ErrorPanel.current.show(error, doing)


def guarded(callback: F, doing: str = "carrying out your last action") -> F:
    """`callback`, reporting any failure instead of letting it reach the widget machinery."""

    @functools.wraps(callback)
    def safe(*args: Any, **kwargs: Any) -> Any:
        try:
            result = callback(*args, **kwargs)
        except Exception as error:
            report(error, doing)
            return None
        if ErrorPanel.current is not None and ErrorPanel.current.value:
            ErrorPanel.current.clear()  # the action worked: the earlier problem is over
        return result

    return safe  # type: ignore[return-value]


def open_app(build: Callable[[], widgets.Widget], what: str) -> widgets.Widget:
    """The app `build` makes, or a plain message saying why it could not open."""
    try:
        return build()
    except Exception as error:
        _ensure_handler()
        log.error("while opening %s", what, exc_info=error)
        return widgets.HTML(error_html(error, f"opening {what}"))
