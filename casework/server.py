"""Voilà as the workbook serves it: the start page at the server's root.

Voilà's own root lists the notebook files, which means nothing to a student. This
subclass adds one route in front of Voilà's: `/` redirects to the landing app, with
the query string kept (so `/?student=ana` opens Ana's start page). Everything else,
configuration included (`voila.json`), is Voilà's.
"""

from __future__ import annotations

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

if __name__ == "__main__":
    main()
