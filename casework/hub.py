"""What a student's single-user server lets through on JupyterHub: the workbook only.

JupyterHub's single-user server is a full Jupyter server. A student needs the Voilà
pages and the one kernel each page runs, nothing else: not the file browser, not the
contents or sessions API, not terminals, and not the kernel list (from which a page
could start or reach other kernels). `WorkbookOnlyAuthorizer` keeps the hub's own check
(is this person allowed on this server at all?) and refuses everything outside that.
It is named by `deploy/jupyterhub/singleuser_config.py`.

This module is also a Jupyter server extension (`casework.hub`), loaded there too: it gives
the hub's Voilà pages what `casework serve` gives them (`casework.server`): the guard
against lost text, the kernel cap, and the instructor's pages withheld from students.
"""

from __future__ import annotations

import os
import re
from typing import Any

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

# API resources a workbook page never uses
_REFUSED_RESOURCES = frozenset({"contents", "sessions", "terminals", "files", "nbconvert"})
# A page talks to its own kernel by id: /api/kernels/<id>, /api/kernels/<id>/channels
_ONE_KERNEL = re.compile(r"/api/kernels/[0-9a-f-]{8,}(?:/|$)")


def allowed(resource: str, path: str) -> bool:
    """May a workbook page use `resource` at `path` (the request's path)?"""
    if resource in _REFUSED_RESOURCES:
        return False
    if resource == "kernels":
        return bool(_ONE_KERNEL.search(path))
    return True


class WorkbookOnlyAuthorizer(JupyterHubAuthorizer):  # type: ignore[misc]
    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        if not allowed(resource, handler.request.path):
            handler.log.warning(
                "casework: refused %s %s (%s on %s): the workbook only",
                handler.request.method,
                handler.request.path,
                action,
                resource,
            )
            return False
        return super().is_authorized(handler, user, action, resource)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "casework.hub"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from casework.server import INSTRUCTOR_ENV, max_kernels

    settings = serverapp.web_app.settings
    settings.setdefault("casework_max_kernels", max_kernels())
    settings.setdefault(
        "casework_instructor", os.environ.get(INSTRUCTOR_ENV, "").lower() == "yes"
    )
    # Extensions load in alphabetical order, so Voilà adds its routes after this one:
    # routes already there are wrapped now, the ones added later as they are added.
    web_app = serverapp.web_app
    care_for_voila_pages(web_app)
    add_handlers = web_app.add_handlers

    def add_cared_for_handlers(host_pattern: str, handlers: list) -> None:
        add_handlers(host_pattern, handlers)
        care_for_voila_pages(web_app)

    web_app.add_handlers = add_cared_for_handlers


def care_for_voila_pages(web_app: Any) -> int:
    """Wrap every Voilà render route with `casework.server.with_kernel_care`; how many."""
    from voila.tornado.handler import TornadoVoilaHandler

    from casework.server import with_kernel_care

    wrapped = 0
    routers = [web_app.default_router]
    while routers:
        for rule in routers.pop().rules:
            target = rule.target
            if hasattr(target, "rules"):
                routers.append(target)
            elif (
                isinstance(target, type)
                and issubclass(target, TornadoVoilaHandler)
                and not getattr(target, "casework_cared_for", False)
            ):
                rule.target = with_kernel_care(target)
                wrapped += 1
    return wrapped
