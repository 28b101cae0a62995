"""What a student's single-user server lets through on JupyterHub: the workbook only.

JupyterHub's single-user server is a full Jupyter server. A student needs the Voilà
pages and the one kernel each page runs, nothing else: not the file browser, not the
contents or sessions API, not terminals, and not the kernel list (from which a page
could start or reach other kernels). `WorkbookOnlyAuthorizer` keeps the hub's own check
(is this person allowed on this server at all?) and refuses everything outside that.
It is named by `deploy/jupyterhub/singleuser_config.py`.
"""

from __future__ import annotations

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
