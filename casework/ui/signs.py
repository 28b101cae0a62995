"""A warning sign in monitoring and the student's answer to it ("analyze and adjust").

Most signs are answered by reassessing, changing the plan or documenting why the plan
continues. A safety sign (someone may be in danger) is answered by a safety response
instead (`casework.ui.safety.SafetyCard`). Whether an answer settles a sign comes from
`casework.checks.monitoring.response_status`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from casework.checks.monitoring import Sign, response_status
from casework.checks.safety_response import SafetySign
from casework.model import Adjustment, CaseRecord, DomainRating, LifeDomain, Scenario
from casework.rules import load_rules
from casework.ui import components as ui
from casework.ui.assessment import DomainCard
from casework.ui.errors import guarded
from casework.ui.safety import SafetyCard

if TYPE_CHECKING:
    from casework.ui.monitoring import MonitoringApp


class SignCard(widgets.VBox):
    """A warning sign, the student's response to it, and whether that response settles it."""

    def __init__(self, app: MonitoringApp, sign: Sign, scenario: Scenario):
        super().__init__()
        self.app, self.sign = app, sign
        self.add_class("cw-card")
        self.add_class(f"e2e-sign-{sign.id}")
        labels = load_rules("monitoring")["responses"]
        self.kind = ui.radio_choice(
            "Response",
            "response",
            [(labels[k], k) for k in ("reassess", "change_plan", "explain")],
        )
        self.text = ui.text_input(
            "What changes, and why",
            "What you and the client decided, in observable terms",
            "response-text",
            rows=2,
        )
        self.status = widgets.HTML()
        self.status.add_class("e2e-sign-status")
        self.scenario = scenario
        # the six domain cards are built only when the student chooses to reassess
        self.cards: dict[LifeDomain, DomainCard] = {}
        self.reassessment = widgets.VBox()
        self.reassessment.layout.display = "none"
        # a safety sign is answered by a safety response, not by the adjust menu
        self.safety: SafetyCard | None = None
        if isinstance(sign, SafetySign):
            self.safety = SafetyCard(app, sign, lambda: self.show_status(app.record))
        heading = widgets.HTML(
            f"<h3>Day {sign.day} · {escape(sign.title)}</h3><p>{escape(sign.detail)}</p>"
            f"<p class='cw-muted'>{escape(sign.why)}</p>"
            + (
                ui.message_html(
                    "info",
                    "A significant change: reassess with the client, using the same "
                    "scale as the first assessment.",
                )
                if sign.reassess
                else ""
            )
        )
        if self.safety is not None:
            self.children = [heading, self.safety, self.status]
            return
        self.children = [heading, self.kind, self.text, self.status, self.reassessment]
        self.kind.observe(
            guarded(lambda change: app.edit_response(sign.id, kind=change["new"])), "value"
        )
        self.text.observe(
            guarded(lambda change: app.edit_response(sign.id, text=change["new"])), "value"
        )

    def _build_cards(self) -> None:
        extra_fact = f"Day {self.sign.day}: {self.sign.detail}"
        self.cards = {
            domain: DomainCard(
                domain,
                [*self.scenario.domains[domain].facts, extra_fact],
                lambda d: self.app.edit_reassessment(self.sign.id, d),
            )
            for domain in LifeDomain
        }
        self.reassessment.children = [
            widgets.HTML(
                "<p class='cw-muted'>Reassess with the client. The scores start from your "
                "latest ones: change what this event changes.</p>"
            ),
            *self.cards.values(),
        ]

    def show(self, record: CaseRecord) -> None:
        if self.safety is not None:
            self.safety.show(record)
            self.show_status(record)
            return
        response = record.monitoring.responses.get(self.sign.id, Adjustment())
        self.kind.value = response.kind
        self.text.value = response.text
        if self.kind.value == "reassess":
            if not self.cards:
                self._build_cards()
            ratings = record.monitoring.reassessments.get(self.sign.id, {})
            for domain, card in self.cards.items():
                card.show(ratings.get(domain, DomainRating()))
        self.show_status(record)

    def show_status(self, record: CaseRecord) -> None:
        self.reassessment.layout.display = None if self.kind.value == "reassess" else "none"
        status = response_status(self.sign, record)
        self.status.value = ui.message_html("good" if status.settled else "warning", status.message)

    def ratings(self) -> dict[LifeDomain, DomainRating]:
        return {domain: card.rating() for domain, card in self.cards.items()}
