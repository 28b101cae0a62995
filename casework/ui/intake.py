"""01 Intake: rapport, presenting issue, eligibility, urgency triage, baseline record.

The app only displays and collects. Every edit goes through the CaseSession (saved at
once); every verdict and piece of feedback comes from `casework.screening` and
`casework.checks.intake`.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from casework import prose
from casework.checks.intake import INTAKE_SECTIONS
from casework.model import CaseRecord, Scenario
from casework.screening import screen_eligibility, triage_levels
from casework.ui import components as ui
from casework.ui.errors import guarded
from casework.ui.stage import StageApp

_TEXT_FIELDS = {
    # field: (label, placeholder, rows; 0 rows means a one-line input)
    "reflection": ("Your reflection", "What you said back to show you understood…", 2),
    "client_wants": ("Wants from us", "In the client's words: what they want from this service", 2),
    "client_hopes": ("Hopes will happen", "In the client's words: what they hope will happen", 2),
    "client_strengths": (
        "Their strengths",
        "In the client's words: what they see as their strengths",
        2,
    ),
    "presenting_issue": (
        "Presenting issue",
        "Why the client is here now, with what they said in quotes",
        4,
    ),
    "referral_source": ("Referral source", "Who referred the client", 0),
    "contact_method": ("Contact method", "How the first contact happened", 0),
    "initial_observations": (
        "Initial observations",
        "What you saw and heard: behavior and statements",
        4,
    ),
}
_ANSWERS = [("Met", "met"), ("Not met", "not_met"), ("Can't tell yet", "unknown")]


def _hook(field: str) -> str:
    return field.replace("_", "-")


class IntakeApp(StageApp):
    """The intake stage as one composed widget. `IntakeApp()` in a notebook is the whole app."""

    notebook = "01_intake.ipynb"
    stage = "intake"
    title = "Stage 1 · Intake"
    subtitle = "First meeting: build trust, hear the story, screen, triage, record."

    def build_sections(self) -> list[widgets.Widget]:
        self.briefing = widgets.HTML()
        self.confidentiality = widgets.Checkbox(
            description="I explained confidentiality", indent=False
        )
        self.confidentiality_limits = widgets.Checkbox(
            description="I explained its limits (risk of harm, court orders)", indent=False
        )
        self.confidentiality.add_class("e2e-confidentiality")
        self.confidentiality_limits.add_class("e2e-confidentiality-limits")
        self.texts = {
            field: ui.text_input(label, hint, _hook(field), rows)
            for field, (label, hint, rows) in _TEXT_FIELDS.items()
        }
        self.criteria_box = widgets.VBox()
        self.answers: dict[str, widgets.RadioButtons] = {}
        self.signals_box = widgets.VBox()
        self.flags: dict[str, widgets.Checkbox] = {}
        levels = triage_levels()
        self.priority = widgets.RadioButtons(
            options=[
                (level.label, level.id) for level in sorted(levels.values(), key=lambda lv: lv.rank)
            ],
            value=None,
            description="Priority",
            layout=widgets.Layout(width="auto"),
        )
        self.priority.add_class("e2e-priority")

        self.feedback = {
            name: ui.feedback_panel(f"{_hook(name)}-feedback") for name in INTAKE_SECTIONS
        }
        self.buttons = {
            "rapport": ui.check_button("Check rapport", "check-rapport"),
            "presenting_issue": ui.check_button("Check presenting issue", "check-presenting-issue"),
            "eligibility": ui.check_button("Run eligibility screening", "run-screening"),
            "urgency": ui.check_button("Check triage", "check-triage"),
            "baseline": ui.check_button("Check baseline record", "check-baseline"),
        }
        for name, button in self.buttons.items():
            button.on_click(guarded(lambda _button, name=name: self.show_feedback(name)))
        self._observe()
        return self._layout_sections()

    # --- layout -------------------------------------------------------------------------

    def _layout_sections(self) -> list[widgets.Widget]:
        t = self.texts
        return [
            self.briefing,
            ui.section_title(
                1,
                "Rapport and confidentiality",
                "Explain confidentiality and its limits first. Then listen, reflect back what you "
                "heard without judging, and ask the client what they want, hope for, and see as "
                "their strengths. Record their answers in their own words.",
            ),
            self.confidentiality,
            self.confidentiality_limits,
            t["reflection"],
            t["client_wants"],
            t["client_hopes"],
            t["client_strengths"],
            self.buttons["rapport"],
            self.feedback["rapport"],
            ui.section_title(
                2,
                "Presenting issue",
                "Why is the client here now? Write it as the client put it, quoting at least one "
                "thing they said, and keep your own interpretation out.",
            ),
            t["presenting_issue"],
            self.buttons["presenting_issue"],
            self.feedback["presenting_issue"],
            ui.section_title(
                3,
                "Eligibility screening",
                "Decide each program rule from the evidence you gathered, then run the screening.",
            ),
            self.criteria_box,
            self.buttons["eligibility"],
            self.feedback["eligibility"],
            ui.section_title(
                4,
                "Urgency triage",
                "Tick what calls for faster action, then set the priority. Danger to anyone's "
                "safety outranks everything else.",
            ),
            self.signals_box,
            self.priority,
            self.buttons["urgency"],
            self.feedback["urgency"],
            ui.section_title(
                5,
                "Baseline record",
                "How the case began and what you observed: behavior you saw and words you "
                "heard, not conclusions.",
            ),
            t["referral_source"],
            t["contact_method"],
            t["initial_observations"],
            self.buttons["baseline"],
            self.feedback["baseline"],
        ]

    def _briefing_html(self, scenario: Scenario) -> str:
        client = scenario.client
        household = (
            ", ".join(
                f"{p.name} ({p.relation}{f', {p.age}' if p.age is not None else ''})"
                for p in client.household
            )
            or "lives alone"
        )
        what_they_say = [
            prose.quoted(scenario.presenting_issue.client_words),
            *(prose.quoted(p) for p in scenario.client_priorities),
        ]
        return (
            f"<div class='cw-panel cw-info e2e-briefing'><h2>{escape(scenario.title)}</h2>"
            f"<p><b>Setting:</b> {escape(scenario.setting)}</p>"
            f"<p><b>Client:</b> {escape(client.name)} ({escape(client.pronouns)}), {client.age}; "
            f"speaks {escape(', '.join(client.languages))}; household: {escape(household)}</p>"
            f"<p><b>Referral:</b> {escape(scenario.referral.source)} — {escape(scenario.referral.reason)} "
            f"({escape(scenario.referral.contact_method)})</p>"
            f"<p><b>In the first meeting the client says:</b></p>{ui.bullet_list(what_they_say)}</div>"
        )

    # --- scenario-specific inputs -------------------------------------------------------

    def _build_scenario_inputs(self, scenario: Scenario) -> None:
        self.answers = {}
        rows = []
        for criterion in scenario.eligibility.criteria:
            fact = scenario.eligibility.facts[criterion.fact]
            radio = widgets.RadioButtons(options=_ANSWERS, value=None, description="Decision")
            radio.add_class(f"e2e-criterion-{criterion.id}")
            radio.observe(guarded(self._on_answers), "value")
            self.answers[criterion.id] = radio
            rows.append(
                widgets.HTML(
                    f"<p><b>{escape(criterion.text)}</b><br>"
                    f"<span class='cw-muted'>Evidence: {escape(fact.evidence)}</span></p>"
                )
            )
            rows.append(radio)
        self.criteria_box.children = [
            widgets.HTML(f"<p>Program: <b>{escape(scenario.eligibility.program)}</b></p>"),
            *rows,
        ]
        self.flags = {}
        for signal in scenario.urgency_signals:
            box = widgets.Checkbox(
                description=signal.observation, indent=False, layout=widgets.Layout(width="95%")
            )
            box.add_class(f"e2e-signal-{signal.id}")
            box.observe(guarded(self._on_flags), "value")
            self.flags[signal.id] = box
        self.signals_box.children = list(self.flags.values())

    # --- record <-> widgets ---------------------------------------------------------------

    def _observe(self) -> None:
        for field, widget in self.texts.items():
            widget.observe(
                guarded(lambda change, field=field: self._edit(**{field: change["new"]})), "value"
            )
        self.confidentiality.observe(
            guarded(lambda change: self._edit(confidentiality_explained=change["new"])), "value"
        )
        self.confidentiality_limits.observe(
            guarded(lambda change: self._edit(confidentiality_limits_explained=change["new"])),
            "value",
        )
        self.priority.observe(guarded(lambda change: self._edit(priority=change["new"])), "value")

    def _edit(self, **changes: object) -> None:
        self.edit("intake", **changes)

    def _on_answers(self, _change: dict) -> None:
        self._edit(
            eligibility_answers={
                cid: radio.value for cid, radio in self.answers.items() if radio.value
            }
        )

    def _on_flags(self, _change: dict) -> None:
        self._edit(urgency_flags=[sid for sid, box in self.flags.items() if box.value])

    def show_record(self, record: CaseRecord) -> None:
        intake = record.intake
        for field, widget in self.texts.items():
            widget.value = getattr(intake, field)
        self.confidentiality.value = intake.confidentiality_explained
        self.confidentiality_limits.value = intake.confidentiality_limits_explained
        for cid, radio in self.answers.items():
            radio.value = intake.eligibility_answers.get(cid)
        for sid, box in self.flags.items():
            box.value = sid in intake.urgency_flags
        self.priority.value = intake.priority

    def start(self, scenario: Scenario) -> None:
        self._build_scenario_inputs(scenario)
        self.briefing.value = self._briefing_html(scenario)
        for panel in self.feedback.values():
            panel.value = ""

    def after_open(self, resumed: bool) -> None:
        if resumed:
            self._show_started_feedback()

    # --- feedback -------------------------------------------------------------------------

    def show_feedback(self, section: str) -> None:
        if self.session is None or self.scenario is None:
            return
        self.session.flush()
        intake, scenario = self.session.record.intake, self.scenario
        report = INTAKE_SECTIONS[section](intake, scenario)
        html = ""
        if section == "eligibility":
            result = screen_eligibility(scenario)
            html = (
                f"<div class='cw-panel cw-info e2e-verdict' role='status'><b>Screening result for "
                f"{escape(result.program)}: {escape(result.label)}</b>"
                f"{ui.bullet_list([r.reason for r in result.results])}</div>"
            )
        self.feedback[section].value = html + ui.report_html(report)

    def _show_started_feedback(self) -> None:
        """On resume, show feedback again for the sections the student has worked on."""
        assert self.session is not None
        intake = self.session.record.intake
        started = {
            "rapport": intake.confidentiality_explained or bool(intake.reflection),
            "presenting_issue": bool(intake.presenting_issue),
            "eligibility": bool(intake.eligibility_answers),
            "urgency": bool(intake.urgency_flags) or intake.priority is not None,
            "baseline": bool(intake.referral_source or intake.initial_observations),
        }
        for section, done in started.items():
            if done:
                self.show_feedback(section)
