"""The care plan's consent section: the client's releases of information, one per provider.

A release says with whom (the provider), what may be shared, why, the day it was signed,
when it ends (a day or an event), and, if the client takes it back, the day it was
revoked. The form only collects and shows; what a release needs, and what the law says
about reports and emergencies, is in `casework.checks.consent` and `rules/consent.yaml`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from casework import prose
from casework.checks.consent import (
    basis_note,
    consent_texts,
    recorded_message,
    release_missing,
    until,
)
from casework.model import CaseRecord, Release, Scenario
from casework.ui import components as ui
from casework.ui.errors import guarded

if TYPE_CHECKING:
    from casework.ui.care_plan import CarePlanApp


def release_line(name: str, release: Release) -> str:
    """One release on file, in a line: what, why, signed, until when, revoked."""
    signed = f"signed day {release.signed_day}" if release.signed_day is not None else "not signed"
    why = prose.purpose(release.purpose) if release.purpose.strip() else "for (why?)"
    parts = [f"{name}: {release.shared or '(what?)'} — {why}", signed]
    parts.append(until(release) or "no end set")
    if release.revoked_day is not None:
        parts.append(f"revoked on day {release.revoked_day}: share nothing more")
    return ", ".join(parts)


class ReleaseForm(widgets.VBox):
    """Record a release, its end and its revocation; list the releases on file."""

    def __init__(self, app: CarePlanApp):
        super().__init__()
        self.app = app
        self.provider = ui.dropdown("Provider", "release-provider", width="60%")
        self.shared = ui.text_input(
            "What may be shared", "e.g. contact details and the eviction notice", "release-shared"
        )
        self.purpose = ui.text_input(
            "For what purpose", "e.g. to book legal advice", "release-purpose"
        )
        self.signed_day = ui.day_input("Signed on (day)", "release-day")
        self.expires_day = ui.day_input("Ends on (day)", "release-expires-day")
        self.expires_event = ui.text_input(
            "Or ends when", "e.g. when the case closes", "release-expires-event"
        )
        self.record = ui.check_button("Record the release", "record-release")
        self.revoked_day = ui.day_input("Revoked on (day)", "release-revoked-day")
        self.revoke = ui.check_button("Record that the client revoked it", "revoke-release")
        self.message = ui.feedback_panel("release-message")
        self.listing = widgets.HTML()
        self.bases = widgets.HTML()
        self.bases.add_class("e2e-consent-bases")
        self.children = [
            self.bases,
            self.provider,
            self.shared,
            self.purpose,
            self.signed_day,
            self.expires_day,
            self.expires_event,
            self.record,
            self.revoked_day,
            self.revoke,
            self.message,
            self.listing,
        ]
        self.provider.observe(guarded(lambda c: self._on_provider(c["new"])), "value")
        self.record.on_click(guarded(lambda _b: self._record()))
        self.revoke.on_click(guarded(lambda _b: self._revoke()))

    # --- display ------------------------------------------------------------------------

    def start(self, scenario: Scenario) -> None:
        self.provider.options = [("Choose…", None), *((r.name, r.id) for r in scenario.resources)]
        self.message.value = ""
        texts = consent_texts()
        lines = [escape(note) for r in scenario.resources if (note := basis_note(r.id, scenario))]
        listed = "".join(f"<li>{line}</li>" for line in lines)
        self.bases.value = (
            "<div class='cw-panel cw-info'>"
            + (f"<p><b>No release needed:</b></p><ul>{listed}</ul>" if lines else "")
            + f"<p><b>Someone who is not your client:</b> {escape(texts['third_party'])}</p>"
            f"<p class='cw-muted'><small>{escape(texts['not_legal_advice'])}</small></p></div>"
        )

    def show(self, record: CaseRecord, scenario: Scenario) -> None:
        if not record.plan.releases:
            self.listing.value = "<p class='cw-muted'>No releases recorded yet.</p>"
            return
        names = {r.id: r.name for r in scenario.resources}
        items = [release_line(names.get(p, p), r) for p, r in record.plan.releases.items()]
        self.listing.value = (
            f"<div class='e2e-releases'><b>Releases on file</b>{ui.bullet_list(items)}</div>"
        )

    def _say(self, severity: str, text: str) -> None:
        self.message.value = ui.message_html(severity, text)

    def _on_provider(self, provider: str | None) -> None:
        """Show what is on file for the provider chosen, so the student edits, not retypes."""
        if self.app.session is None or self.app.scenario is None:
            return
        release = self.app.record.plan.releases.get(provider or "", Release())
        self.shared.value, self.purpose.value = release.shared, release.purpose
        self.expires_event.value = release.expires_event
        for field, day in (
            (self.signed_day, release.signed_day),
            (self.expires_day, release.expires_day),
            (self.revoked_day, release.revoked_day),
        ):
            field.value = "" if day is None else str(day)
        note = basis_note(provider, self.app.scenario) if provider else None
        self.message.value = ui.message_html("info", note) if note else ""

    # --- collect ------------------------------------------------------------------------

    def _days(self, *fields: widgets.Text) -> list[int | None] | None:
        """Each field's day, or None (after saying so) when one is not a number."""
        if any(f.value.strip() and ui.parse_day(f.value) is None for f in fields):
            self._say("warning", "Write each day as a number of days from intake, e.g. 14.")
            return None
        return [ui.parse_day(f.value) for f in fields]

    def _record(self) -> None:
        app = self.app
        if app.session is None or app.scenario is None:
            return
        provider = self.provider.value
        if provider is None:
            self._say("warning", "Choose the provider the release is for.")
            return
        days = self._days(self.signed_day, self.expires_day, self.revoked_day)
        if days is None:
            return
        signed, expires, revoked = days
        release = Release(
            shared=self.shared.value.strip(),
            purpose=self.purpose.value.strip(),
            signed_day=signed,
            expires_day=expires,
            expires_event=self.expires_event.value.strip(),
            revoked_day=revoked,
        )
        app.save_release(provider, release)
        problem = release_missing(app.record.plan, provider, app.scenario)
        if problem:
            self._say("warning", f"Saved, but not complete yet. {problem}")
        else:
            self._say("good", recorded_message(provider, release, app.scenario))

    def _revoke(self) -> None:
        app = self.app
        if app.session is None or app.scenario is None:
            return
        provider = self.provider.value
        release = app.record.plan.releases.get(provider or "")
        if release is None:
            self._say("warning", "Choose a provider with a release on file.")
            return
        days = self._days(self.revoked_day)
        if days is None:
            return
        if days[0] is None:
            self._say("warning", "Write the day the client revoked the release, e.g. 40.")
            return
        app.save_release(provider, release.model_copy(update={"revoked_day": days[0]}))
        self._say("warning", release_missing(app.record.plan, provider, app.scenario) or "")
