"""Earlier versions of the case: see what each one changed, and restore one.

Closed by default at the foot of every stage app. Restoring saves the chosen version as
a new revision, so nothing after it is lost either. Logic: `casework/history.py`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from casework.history import changed_fields, describe_changes, revision_label
from casework.ui import components as ui
from casework.ui.errors import guarded

if TYPE_CHECKING:
    from casework.ui.stage import StageApp

# The newest revisions are the ones a student looks for; older ones stay in the file.
SHOWN = 30


class HistoryPanel(widgets.VBox):
    def __init__(self, app: StageApp):
        super().__init__()
        self.app = app
        self.add_class("e2e-history")
        self.open = widgets.Button(
            description="Show earlier versions", tooltip="Show earlier versions"
        )
        self.open.add_class("e2e-history-open")
        self.pick = widgets.Dropdown(
            description="Version",
            options=[],
            style=ui.LABEL_STYLE,
            layout=widgets.Layout(width="95%"),
        )
        self.pick.add_class("e2e-history-pick")
        self.detail = widgets.HTML()
        self.detail.add_class("e2e-history-detail")
        self.restore = ui.check_button("Restore this version", "history-restore")
        self.message = widgets.HTML()
        self.message.add_class("e2e-history-message")
        self.body = widgets.VBox([self.pick, self.detail, self.restore, self.message])
        self.body.layout.display = "none"
        self.children = [
            widgets.HTML(
                "<h2 class='cw-section-title'>Earlier versions</h2><p class='cw-muted'>Every "
                "save is kept. Look back at an earlier version of this case and, if you need "
                "to, make it current again; the versions since stay in the history.</p>"
            ),
            self.open,
            self.body,
        ]
        self.open.on_click(guarded(lambda _b: self.show()))
        self.pick.observe(guarded(lambda _change: self._describe()), "value")
        self.restore.on_click(guarded(lambda _b: self._restore()))

    def show(self) -> None:
        session = self.app.session
        if session is None:
            return
        session.flush()
        revisions = session.store.history(session.record.case_id)[-SHOWN:][::-1]
        self._revisions = {r.revision: r for r in revisions}
        self.pick.options = [(revision_label(r), r.revision) for r in revisions]
        self.body.layout.display = None
        self.message.value = ""
        if not revisions:
            self.detail.value = "<p>Nothing saved yet.</p>"
            return
        self.pick.value = revisions[min(1, len(revisions) - 1)].revision
        self._describe()

    def _describe(self) -> None:
        session, number = self.app.session, self.pick.value
        if session is None or number is None:
            return
        fields = changed_fields(session.record, self._revisions[number].record)
        self.detail.value = f"<p>{escape(revision_label(self._revisions[number]))}: {escape(describe_changes(fields))}.</p>"
        self.restore.disabled = not fields

    def _restore(self) -> None:
        session, number = self.app.session, self.pick.value
        if session is None or number is None:
            return
        result = session.restore(self._revisions[number].record, number)
        if result is None:
            return  # the save status says why
        self.app.refresh()
        self.show()
        self.message.value = ui.message_html(
            "good",
            f"Revision {number} is your case again, saved as revision {result.revision.revision}; "
            "the versions in between are still in the history.",
        )
