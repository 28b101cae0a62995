"""03 Care plan: SMART goals in the client's priorities, action steps with a person
responsible for each, the client's consent before anything is shared with a provider, and
the written contract.

The app only displays and collects: every rule is in `casework.checks.plan`, the
contract document in `casework.contract`.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from casework import prose
from casework.checks.assessment import CRISIS, current_ratings, domain_label, level_name
from casework.checks.gas import check_levels_after_review
from casework.checks.goal import GoalReport
from casework.checks.plain import check_plain_language
from casework.checks.plan import (
    CASE_MANAGER,
    CLIENT,
    check_plan,
    check_plan_goal,
    contract_status,
    participants,
    party_name,
    release_to_dos,
)
from casework.contract import contract_html, contract_markdown, contract_text
from casework.model import ActionStep, CaseRecord, Goal, LifeDomain, Release, Scenario, Signature
from casework.ui import components as ui
from casework.ui.errors import guarded
from casework.ui.gas_levels import GasLevelsEditor
from casework.ui.releases import ReleaseForm
from casework.ui.stage import StageApp

_CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


def smart_html(report: GoalReport) -> str:
    """The five SMART criteria as a checklist: met, not met, or not yet known, with why."""
    rows = []
    for name in _CRITERIA:
        criterion = report.criteria[name]
        mark, css = {True: ("✓", "good"), False: ("✗", "warning"), None: ("?", "info")}[
            criterion.met
        ]
        state = {True: "met", False: "not met", None: "not known yet"}[criterion.met]
        rows.append(
            f"<li class='cw-panel cw-{css} e2e-smart-{name.replace('_', '-')}' data-met='{state}'>"
            f"<b>{mark} {name.replace('_', '-').capitalize()}</b> ({state}): {escape(criterion.reason)}</li>"
        )
    suggestion = next((f.suggestion for f in report.findings if f.suggestion), None)
    better = (
        f"<p><b>A shape that would work:</b> <span class='cw-quote'>{escape(suggestion)}</span></p>"
        if suggestion
        else ""
    )
    verdict = "✓ SMART" if report.smart else "Not SMART yet"
    return f"<p><b>{verdict}</b></p><ul class='cw-smart'>{''.join(rows)}</ul>{better}"


def party_options(scenario: Scenario) -> list[tuple[str, str]]:
    """Who can take a step, as dropdown options: the client, the case manager, each provider."""
    return [
        ("Client: " + scenario.client.name, CLIENT),
        ("Case manager", CASE_MANAGER),
        *((r.name, r.id) for r in scenario.resources),
    ]


def next_id(prefix: str, taken: set[str]) -> str:
    """One past the highest id in use, so a removed goal's id is never given to a new one."""
    numbers = [int(key[len(prefix) :]) for key in taken if key[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


class GoalCard(widgets.VBox):
    """One goal: its sentence with live SMART feedback, what it serves, and its steps."""

    def __init__(self, app: CarePlanApp, goal_id: str, number: int):
        super().__init__()
        self.app, self.goal_id = app, goal_id
        self.add_class(f"e2e-goal-{goal_id}")
        self.add_class("cw-card")
        self.text = ui.text_input(
            f"Goal {number}", "Who will do what, how much, by when", "goal-text", rows=2
        )
        self.domain = ui.dropdown(
            "Life domain",
            "goal-domain",
            [("(none)", None), *((domain_label(d), d.value) for d in LifeDomain)],
            width="34em",
        )
        # radio buttons, not a dropdown: the client's words are long and must be read whole
        self.priority = ui.radio_choice("Client's priority", "goal-priority", [])
        self.feedback = ui.feedback_panel("smart-feedback")
        self.steps = widgets.VBox()
        remove = widgets.Button(description="Remove this goal", tooltip=f"Remove goal {number}")
        remove.add_class("e2e-remove-goal")
        remove.on_click(guarded(lambda _b: app.remove_goal(goal_id)))
        # the goal's GAS levels, written now so the reviews in monitoring are a measure
        self.gas = GasLevelsEditor(lambda levels: app.edit_goal(goal_id, gas_levels=levels))
        self.children = [
            self.text,
            self.domain,
            self.priority,
            self.feedback,
            self.gas,
            self.steps,
            remove,
        ]
        self.text.observe(guarded(lambda c: app.edit_goal(goal_id, text=c["new"])), "value")
        self.domain.observe(guarded(lambda c: app.edit_goal(goal_id, domain=c["new"])), "value")
        self.priority.observe(
            guarded(lambda c: app.edit_goal(goal_id, priority=c["new"] or "")), "value"
        )


class CarePlanApp(StageApp):
    """The care-plan stage as one composed widget. `CarePlanApp()` is the whole app."""

    notebook = "03_care_plan.ipynb"
    stage = "care_plan"
    title = "Stage 3 · Care plan"
    subtitle = (
        "Goals the client owns, steps everyone shares, consent before any referral, and a "
        "written agreement everyone signs."
    )

    def build_sections(self) -> list[widgets.Widget]:
        self.briefing = widgets.HTML()
        self.time_limit = widgets.BoundedIntText(
            value=90,
            min=1,
            max=730,
            description="Plan length (days)",
            style=ui.LABEL_STYLE,
        )
        self.time_limit.add_class("e2e-time-limit")
        self.time_limit.observe(
            guarded(lambda c: self._on_plan_text(time_limit_days=c["new"])), "value"
        )
        self.goal_cards: dict[str, GoalCard] = {}
        self.goals_box = widgets.VBox()
        self.add_goal_button = ui.check_button("Add a goal", "add-goal")
        self.add_goal_button.on_click(guarded(lambda _b: self.add_goal()))
        self.crisis_box = widgets.VBox()

        # the step form
        self.step_goal = ui.dropdown("For goal", "step-goal", width="95%")
        self.step_what = ui.text_input("What", "One action anyone could see", "step-what")
        self.step_who = ui.dropdown("Who is responsible", "step-who", width="60%")
        self.step_due = ui.day_input("By (day)", "step-due")
        self.step_often = ui.text_input("How often", "once, weekly, every visit…", "step-often")
        self.step_where = ui.text_input(
            "Where", "office, home visit, by phone, the clinic…", "step-where"
        )
        self.step_resource = ui.dropdown("Resource used", "step-resource", width="60%")
        self.step_barrier = ui.text_input(
            "What could get in the way", "e.g. no bus fare", "step-barrier"
        )
        self.step_mitigation = ui.text_input(
            "What we will do about it", "e.g. bus pass from the office", "step-mitigation"
        )
        self.step_after = widgets.SelectMultiple(
            description="Only after",
            rows=3,
            style=ui.LABEL_STYLE,
            layout=widgets.Layout(width="95%"),
        )
        self.step_after.add_class("e2e-step-after")
        self.add_step_button = ui.check_button("Add this step", "add-step")
        self.add_step_button.on_click(guarded(lambda _b: self.add_step()))
        self.step_message = ui.feedback_panel("step-message")

        self.release_form = ReleaseForm(self)

        # contract
        self.if_not_done = ui.text_input(
            "If a party does not act",
            "What we agreed happens if a step is missed, by anyone",
            "if-not-done",
            rows=2,
        )
        self.if_not_done.observe(
            guarded(lambda c: self._on_plan_text(if_not_done=c["new"])), "value"
        )
        self.signatures_box = widgets.VBox()
        self.signature_fields: dict[str, tuple[widgets.Text, widgets.Text]] = {}
        self.plan_check = ui.check_button("Check the whole plan", "check-plan")
        self.plan_check.on_click(guarded(lambda _b: self.show_plan_feedback()))
        self.plan_feedback = ui.feedback_panel("plan-feedback")
        self.contract = ui.feedback_panel("contract")
        self.plain = ui.LatePanel("plain-language")
        self.plain.add_class("e2e-plain-language")
        self.export_button = ui.check_button("Export the contract (Markdown)", "export-contract")
        self.export_button.on_click(guarded(lambda _b: self.export_contract()))
        self.export_message = ui.feedback_panel("export-message")
        return [
            self.briefing,
            ui.section_title(
                1,
                "Goals in the client's priorities",
                "Write each goal with the client, in their priorities: who will do what, how much, "
                "by when. The checklist under each goal updates as you type.",
            ),
            self.time_limit,
            self.goals_box,
            self.add_goal_button,
            self.crisis_box,
            ui.section_title(
                2,
                "Action steps",
                "Break each goal into steps. Each step has one person responsible, a day it is due, "
                "where and how often it happens, and what could get in the way.",
            ),
            self.step_goal,
            self.step_what,
            self.step_who,
            self.step_due,
            self.step_often,
            self.step_where,
            self.step_resource,
            self.step_barrier,
            self.step_mitigation,
            self.step_after,
            self.add_step_button,
            self.step_message,
            ui.section_title(
                3,
                "Consent to share information",
                "A release governs what you share, not who is named in the plan. Before a "
                "referral is sent or anything about the client is shared with a provider, the "
                "client signs a release: what may be shared, why, and until when. The client "
                "may revoke it at any time; from then on nothing more is shared.",
            ),
            self.release_form,
            ui.section_title(
                4,
                "The written contract",
                "The agreement has six parts: realistic goals, time limits, planned actions, who "
                "is responsible, what happens if someone does not act, and everyone's signature.",
            ),
            self.if_not_done,
            self.signatures_box,
            self.plan_check,
            self.plan_feedback,
            self.contract,
            self.plain,
            self.export_button,
            self.export_message,
        ]

    # --- scenario --------------------------------------------------------------------------

    def start(self, scenario: Scenario) -> None:
        self._uncovered = None
        providers = [(r.name, r.id) for r in scenario.resources]
        self.step_who.options = [("Choose…", None), *party_options(scenario)]
        self.step_resource.options = [("(none)", None), *providers]
        self.release_form.start(scenario)
        for panel in (
            self.step_message,
            self.plan_feedback,
            self.export_message,
        ):
            panel.value = ""

    def _briefing_html(self, record: CaseRecord, scenario: Scenario) -> str:
        said = [*scenario.client_priorities]
        said += [t for t in (record.intake.client_wants, record.intake.client_hopes) if t.strip()]
        ratings = current_ratings(record.assessment)
        needs = [
            f"{domain_label(d)}: {r.score} · {level_name(r.score)}"
            for d, r in ratings.items()
            if r.score is not None and r.score <= 3
        ]
        needs_html = (
            ui.bullet_list(needs)
            if needs
            else "<p class='cw-muted'>No domains scored yet: the assessment (stage 2) feeds this plan.</p>"
        )
        return (
            f"<div class='cw-panel cw-info e2e-briefing'><h2>{escape(scenario.title)}</h2>"
            f"<p><b>What {escape(scenario.client.name)} says matters most:</b></p>"
            f"{ui.bullet_list([prose.quoted(p) for p in said])}"
            f"<p><b>Needs from the assessment:</b></p>{needs_html}</div>"
        )

    # --- record -> widgets ------------------------------------------------------------------

    def show_record(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        plan = record.plan
        self.briefing.value = self._briefing_html(record, self.scenario)
        self.time_limit.value = plan.time_limit_days or 90
        self.if_not_done.value = plan.if_not_done
        self._build_goal_cards(record)
        self._show_crisis(record)
        self._show_step_options(record)
        self._show_releases(record)
        self._build_signatures(record)
        self._show_contract(record)

    def _build_goal_cards(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        priorities = [("(none)", ""), *((p, p) for p in self.scenario.client_priorities)]
        priorities += [
            (t, t) for t in (record.intake.client_wants, record.intake.client_hopes) if t.strip()
        ]
        cards = {}
        for number, (goal_id, goal) in enumerate(record.plan.goals.items(), start=1):
            card = self.goal_cards.get(goal_id)
            if card is None or card.text.description != f"Goal {number}":
                card = GoalCard(self, goal_id, number)
            card.priority.options = list(
                dict.fromkeys(
                    [*priorities, *([(goal.priority, goal.priority)] if goal.priority else [])]
                )
            )
            card.text.value = goal.text
            card.domain.value = goal.domain.value if goal.domain else None
            card.priority.value = goal.priority
            card.feedback.value = (
                smart_html(check_plan_goal(goal, record, self.scenario))
                if goal.text.strip()
                else ""
            )
            card.steps.children = self._step_rows(goal_id, goal)
            card.gas.show(goal.gas_levels, check_levels_after_review(record.monitoring, goal_id))
            cards[goal_id] = card
        self.goal_cards = cards
        self.goals_box.children = list(cards.values())

    def _step_rows(self, goal_id: str, goal: Goal) -> list[widgets.Widget]:
        assert self.scenario is not None
        rows: list[widgets.Widget] = []
        if goal.steps:
            rows.append(widgets.HTML("<b>Steps</b>"))
        for step_id, step in goal.steps.items():
            who = party_name(step.who, self.scenario) if step.who else "nobody yet"
            due = f"day {step.due_day}" if step.due_day is not None else "no date"
            label = widgets.HTML(
                f"<span class='e2e-step'>{escape(who)}: {escape(step.what)} — by {escape(due)}"
                f"{', ' + escape(step.how_often) if step.how_often else ''}"
                f"{', ' + escape(step.where) if step.where else ''}</span>"
            )
            remove = widgets.Button(
                description="Remove",
                tooltip=f"Remove step: {step.what}",
                layout=widgets.Layout(width="auto"),
            )
            remove.add_class("e2e-remove-step")
            remove.on_click(guarded(lambda _b, s=step_id: self.remove_step(goal_id, s)))
            rows.append(widgets.HBox([label, remove]))
        return rows

    def _show_step_options(self, record: CaseRecord) -> None:
        goals = ui.goal_options(record.plan.goals, "Add a goal first")
        current = self.step_goal.value
        self.step_goal.options = goals
        if current is not None and current in dict(goals).values():
            self.step_goal.value = current
        steps = [
            (s.what or sid, sid) for g in record.plan.goals.values() for sid, s in g.steps.items()
        ]
        self.step_after.options = steps

    def _show_crisis(self, record: CaseRecord) -> None:
        """A reason box for each domain in crisis that no goal is linked to."""
        covered = {g.domain for g in record.plan.goals.values() if g.domain and g.text.strip()}
        uncovered = [
            domain
            for domain, rating in current_ratings(record.assessment).items()
            if rating.score == CRISIS and domain not in covered
        ]
        if uncovered == getattr(self, "_uncovered", None):
            return  # rebuilding would replace boxes the student may be typing in
        self._uncovered = uncovered
        rows = []
        for domain in uncovered:
            field = ui.text_input(
                "Why no goal",
                f"{domain_label(domain)} is in crisis: link a goal to it, or say how it is handled",
                f"crisis-reason-{domain.value.replace('_', '-')}",
                rows=2,
            )
            rows.append(
                widgets.HTML(
                    f"<div class='cw-panel cw-error' role='alert'>✗ <b>{escape(domain_label(domain))}</b> "
                    "is scored 1 (in crisis) and no goal is linked to it.</div>"
                )
            )
            field.value = record.plan.crisis_reasons.get(domain, "")
            field.observe(guarded(lambda c, d=domain: self._on_crisis_reason(d, c["new"])), "value")
            rows.append(field)
        self.crisis_box.children = rows

    def _show_releases(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        self.release_form.show(record, self.scenario)

    def _build_signatures(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        rows: list[widgets.Widget] = [
            widgets.HTML("<b>Signatures</b> (each party signs and dates)")
        ]
        fields = {}
        for party in participants(record.plan, self.scenario):
            signature = record.plan.signatures.get(party, Signature())
            hook = party.replace("_", "-")
            name = ui.text_input(
                f"{party_name(party, self.scenario)}", "Name as signed", f"sign-{hook}"
            )
            name.style = {"description_width": "initial"}  # a provider's name may be long
            name.layout.width = "60%"
            day = ui.day_input("Day signed", f"sign-day-{hook}")
            name.value = signature.name
            day.value = "" if signature.day is None else str(signature.day)
            name.observe(guarded(lambda _c, p=party: self._on_signature(p)), "value")
            day.observe(guarded(lambda _c, p=party: self._on_signature(p)), "value")
            fields[party] = (name, day)
            rows.append(widgets.HBox([name, day]))
        self.signature_fields = fields
        self.signatures_box.children = rows

    def _show_contract(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        status = contract_status(record, self.scenario)
        self.contract.value = contract_html(record, self.scenario, status)
        text = contract_text(record, self.scenario)

        def render() -> str:
            plain = check_plain_language(text)
            return (
                f"<p class='e2e-grade'><b>Client's copy:</b> reads at about grade {plain.grade} "
                f"(aim for {plain.target_grade} or below).</p>"
                + ui.report_html(type(plain)(plain.findings[:5], plain.strengths))
            )

        self.plain.show(text, render)

    # --- widgets -> record ------------------------------------------------------------------

    def _save_plan(self, **changes: object) -> None:
        if self._loading or self.session is None:
            return
        self.session.update_section("plan", **changes)

    def edit_goal(self, goal_id: str, **changes: object) -> None:
        if self._loading or self.session is None or self.scenario is None:
            return
        goals = dict(self.record.plan.goals)
        goals[goal_id] = Goal.model_validate({**goals[goal_id].model_dump(), **changes})
        self._save_plan(goals=goals)
        self._recheck()

    def _recheck(self) -> None:
        """After an edit that can change any verdict: goal checklists, crisis reasons, contract."""
        assert self.scenario is not None
        record = self.record
        for goal_id, card in self.goal_cards.items():
            goal = record.plan.goals[goal_id]
            card.feedback.value = (
                smart_html(check_plan_goal(goal, record, self.scenario))
                if goal.text.strip()
                else ""
            )
        self._loading = True
        try:
            self._show_step_options(record)
            self._show_crisis(record)
        finally:
            self._loading = False
        self._show_contract(record)

    def add_goal(self) -> None:
        if self.session is None:
            return
        goals = dict(self.record.plan.goals)
        goals[next_id("g", set(goals))] = Goal()
        self._save_plan(goals=goals)
        self.refresh()

    def remove_goal(self, goal_id: str) -> None:
        if self.session is None:
            return
        goals = {k: v for k, v in self.record.plan.goals.items() if k != goal_id}
        self._save_plan(goals=goals)
        self.refresh()

    def _message(self, panel: widgets.HTML, severity: str, text: str) -> None:
        panel.value = ui.message_html(severity, text)

    def add_step(self) -> None:
        """Add the step in the form; refuse (keeping the form) when something is missing."""
        if self.session is None or self.scenario is None:
            return
        goal_id = self.step_goal.value
        if goal_id not in self.record.plan.goals:
            self._message(self.step_message, "warning", "Add a goal first, then its steps.")
            return
        if self.step_due.value.strip() and ui.parse_day(self.step_due.value) is None:
            self._message(
                self.step_message,
                "warning",
                "Write the due day as a number of days from intake, e.g. 14.",
            )
            return
        missing = [
            label
            for label, ok in (
                ("what will be done", self.step_what.value.strip()),
                ("who is responsible", self.step_who.value),
            )
            if not ok
        ]
        if missing:
            self._message(
                self.step_message, "warning", f"Say {' and '.join(missing)} before adding the step."
            )
            return
        step = ActionStep(
            what=self.step_what.value.strip(),
            who=self.step_who.value,
            due_day=ui.parse_day(self.step_due.value),
            how_often=self.step_often.value.strip(),
            where=self.step_where.value.strip(),
            barrier=self.step_barrier.value.strip(),
            mitigation=self.step_mitigation.value.strip(),
            resource=self.step_resource.value or "",
            after=list(self.step_after.value),
        )
        plan = self.record.plan
        goals = dict(plan.goals)
        taken = {sid for g in goals.values() for sid in g.steps}
        goal = goals[goal_id]
        goals[goal_id] = goal.model_copy(
            update={"steps": {**goal.steps, next_id("s", taken): step}}
        )
        self._save_plan(goals=goals)
        for field in (
            self.step_what,
            self.step_due,
            self.step_often,
            self.step_where,
            self.step_barrier,
            self.step_mitigation,
        ):
            field.value = ""
        added = f"Step added to goal {list(goals).index(goal_id) + 1}."
        # naming a provider is allowed; sharing with them waits for the client's release
        to_do = release_to_dos(plan, step, self.scenario)
        if to_do:
            self._message(self.step_message, "info", f"{added} To do: {' '.join(to_do)}")
        else:
            self._message(self.step_message, "good", added)
        self.refresh()

    def remove_step(self, goal_id: str, step_id: str) -> None:
        if self.session is None:
            return
        goals = dict(self.record.plan.goals)
        goal = goals[goal_id]
        goals[goal_id] = goal.model_copy(
            update={"steps": {k: v for k, v in goal.steps.items() if k != step_id}}
        )
        self._save_plan(goals=goals)
        self.refresh()

    def save_release(self, provider: str, release: Release) -> None:
        """Keep the client's release for `provider` (what the release form collected)."""
        if self.session is None:
            return
        self._save_plan(releases={**self.record.plan.releases, provider: release})
        self.refresh()

    def _on_crisis_reason(self, domain: LifeDomain, text: str) -> None:
        if self._loading or self.session is None:
            return
        self._save_plan(crisis_reasons={**self.record.plan.crisis_reasons, domain: text})
        self._show_contract(self.record)

    def _on_plan_text(self, **changes: object) -> None:
        if self._loading or self.session is None:
            return
        self._save_plan(**changes)
        self._recheck()

    def _on_signature(self, party: str) -> None:
        if self._loading or self.session is None:
            return
        name, day = self.signature_fields[party]
        signatures = {
            **self.record.plan.signatures,
            party: Signature(name=name.value.strip(), day=ui.parse_day(day.value)),
        }
        self._save_plan(signatures=signatures)
        self._show_contract(self.record)

    # --- feedback and export ----------------------------------------------------------------

    def show_plan_feedback(self) -> None:
        if self.session is None or self.scenario is None:
            return
        self.session.flush()
        self.plan_feedback.value = ui.report_html(
            check_plan(self.record, self.scenario), "The whole plan"
        )

    def export_contract(self) -> None:
        if self.session is None or self.scenario is None:
            return
        self.session.flush()
        markdown = contract_markdown(self.record, self.scenario)
        self.export_message.value = ui.export_html(
            f"{self.record.case_id}-contract.md",
            markdown,
            "download-contract",
            "Download the contract",
            self.student,
        )

    def after_open(self, resumed: bool) -> None:
        if resumed and self.record.plan.goals:
            self.show_plan_feedback()
