"""04 Monitoring: the scenario's timeline unfolds one event at a time; the student writes a
contact note for each, reviews the goals by Goal Attainment Scaling, records service use,
and answers every warning sign before the case moves on ("analyze and adjust").

The app only displays and collects: signs, scores and feedback come from
`casework.checks.monitoring`, tables from `casework.measures`, pictures from
`casework.charts`.
"""

from __future__ import annotations

from functools import cache
from html import escape

import ipywidgets as widgets

from casework.checks.findings import Report
from casework.checks.gas import check_gas_review, gas_measurable
from casework.checks.monitoring import (
    check_event_note,
    check_services,
    current_day,
    event_label,
    gas_levels,
    latest_ratings,
    plan_fingerprint,
    service_rows,
    unsettled_signs,
    warning_signs,
)
from casework.checks.plan import (
    contract_status,
    party_name,
    release_to_dos,
    resources_by_id,
)
from casework.model import (
    ActionStep,
    Adjustment,
    CaseRecord,
    GasReview,
    LifeDomain,
    Scenario,
    ServiceUse,
    TimelineEvent,
)
from casework.ui import components as ui
from casework.ui.care_plan import next_id, party_options
from casework.ui.errors import guarded
from casework.ui.gas_levels import levels_html
from casework.ui.signs import SignCard
from casework.ui.stage import StageApp


class EventCard(widgets.VBox):
    """One unfolded event: what happened, and the student's contact note about it."""

    def __init__(self, app: MonitoringApp, index: int, event: TimelineEvent):
        super().__init__()
        self.event = event
        self.add_class("cw-card")
        self.add_class(f"e2e-event-{index}")
        statement = (
            f"<p class='cw-quote'>“{escape(event.client_statement)}”</p>"
            if event.client_statement
            else ""
        )
        self.note = ui.text_input(
            "Contact note",
            "Date, how you met, who was there, what the client said (in quotes), services, next step",
            "note",
            rows=4,
        )
        self.check = widgets.Button(description="Check this note", tooltip="Check this note")
        self.check.add_class("e2e-check-note")
        self.feedback = ui.feedback_panel("note-feedback")
        self.children = [
            widgets.HTML(
                f"<h3>Day {event.day} · {escape(event_label(event.kind))}</h3>"
                f"<p>{escape(event.summary)}</p>{statement}"
            ),
            self.note,
            self.check,
            self.feedback,
        ]
        self.note.observe(guarded(lambda change: app.edit_note(index, change["new"])), "value")
        self.check.on_click(guarded(lambda _b: self.show_feedback()))

    def show_feedback(self) -> None:
        text = self.note.value
        report = check_event_note(text, self.event.kind)
        marked = ui.highlighted_html(text, report) if text.strip() else ""
        self.feedback.value = marked + ui.report_html(report)


class MonitoringApp(StageApp):
    """The monitoring stage as one composed widget. `MonitoringApp()` is the whole app."""

    notebook = "04_monitoring.ipynb"
    stage = "monitoring"
    title = "Stage 4 · Monitoring"
    subtitle = (
        "Follow the case as it unfolds: a note for every contact, goal reviews by Goal "
        "Attainment Scaling, and a change of course when the client is getting worse."
    )

    def build_sections(self) -> list[widgets.Widget]:
        self.briefing = widgets.HTML()
        self.events_box = widgets.VBox()
        self.event_cards: dict[int, EventCard] = {}
        self.next_button = ui.check_button("Next event", "next-event")
        self.next_button.on_click(guarded(lambda _b: self.advance()))
        self.next_message = widgets.HTML()
        self.next_message.add_class("e2e-next-message")

        self.signs_box = widgets.VBox()
        self.sign_cards: dict[str, SignCard] = {}
        self.change_goal = ui.dropdown("For goal", "change-goal", width="95%")
        self.change_what = ui.text_input(
            "New step", "What will be done, in the words you agreed", "change-what"
        )
        self.change_who = ui.dropdown("Who does it", "change-who")
        self.change_due = ui.day_input("By (day)", "change-due")
        # what the written contract asks of every step, asked here too (issue 18)
        self.change_often = ui.text_input("How often", "once, weekly, every visit…", "change-often")
        self.change_where = ui.text_input(
            "Where", "office, home visit, by phone, the clinic…", "change-where"
        )
        self.change_button = ui.check_button("Add this step to the plan", "add-change")
        self.change_button.on_click(guarded(lambda _b: self.add_plan_step()))
        self.change_message = widgets.HTML()
        self.change_message.add_class("e2e-change-message")
        self.scores_chart = ui.ChartPanel("scores-over-time")

        self.review_day = ui.day_input("Review on (day)", "review-day")
        self.review_box = widgets.VBox()
        self.review_fields: dict[str, tuple[widgets.Dropdown, widgets.BoundedFloatText]] = {}
        self.save_review_button = ui.check_button("Save this review", "save-review")
        self.save_review_button.on_click(guarded(lambda _b: self.save_review()))
        self.review_message = widgets.HTML()
        self.reviews_table = ui.LatePanel("reviews-table")
        self.gas_chart = ui.ChartPanel("gas-chart")

        self.services_box = widgets.VBox()
        self.services_table = ui.LatePanel("services-table")
        self.services_chart = ui.ChartPanel("services-chart")
        self.services_feedback = ui.feedback_panel("services-feedback")
        return [
            self.briefing,
            ui.section_title(
                1,
                "The case unfolds",
                "Each event is something that happened between contacts. Write the contact "
                "note for it: the day, how you met, who was there, what the client said in "
                "their words, the services, and the next step. Record what you saw and heard, "
                "not labels.",
            ),
            self.events_box,
            self.next_button,
            self.next_message,
            ui.section_title(
                2,
                "Analyze and adjust",
                "A crisis, new information, missed contacts piling up or falling goal scores "
                "call for a response before the case moves on: reassess, change the plan, or "
                "write down why the plan stays as it is.",
            ),
            self.signs_box,
            widgets.HTML("<h3>Change the plan</h3>"),
            self.change_goal,
            self.change_what,
            self.change_who,
            self.change_due,
            self.change_often,
            self.change_where,
            self.change_button,
            self.change_message,
            self.scores_chart,
            ui.section_title(
                3,
                "Goal reviews",
                "Score each goal by the level, written in the care plan before any review, "
                "that matches what happened: −2 much less than expected, 0 as expected, +2 "
                "much more. A goal with no written levels cannot be scored: a score without "
                "them is an opinion, not a measure. The summary T-score is 50 when the goals "
                "are on track; weights say which goals matter most to the client.",
            ),
            self.review_day,
            self.review_box,
            self.save_review_button,
            self.review_message,
            self.reviews_table,
            self.gas_chart,
            ui.section_title(
                4,
                "Service use",
                "For each service in the plan: when the referral went out, how many sessions "
                "were offered and attended, and whether it was completed.",
            ),
            self.services_box,
            self.services_table,
            self.services_chart,
            self.services_feedback,
        ]

    # --- scenario and record ----------------------------------------------------------

    def start(self, scenario: Scenario) -> None:
        self.event_cards, self.sign_cards = {}, {}
        self.events_box.children = self.signs_box.children = ()
        self.next_message.value = self.change_message.value = self.review_message.value = ""
        # None: draw the review and service forms on the first showing, even when empty
        self._goal_keys: tuple | None = None
        self._service_keys: tuple | None = None
        self.service_fields: dict[str, tuple] = {}
        self.review_fields = {}

    def show_record(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        scenario = self.scenario
        self.briefing.value = (
            f"<div class='cw-panel cw-info e2e-briefing'><h2>{escape(scenario.title)}</h2>"
            f"<p><b>Client:</b> {escape(scenario.client.name)}. "
            f"<b>Goals in the plan:</b> {len(record.plan.goals)}. "
            f"<b>Now:</b> day {current_day(scenario, record.monitoring)}, "
            f"{record.monitoring.shown} of {len(scenario.timeline)} events.</p></div>"
        )
        self._show_events(record)
        self._show_signs(record)
        self._show_change_form(record)
        self._show_reviews(record)
        self._show_services(record)

    def _show_events(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        for index, event in enumerate(self.scenario.timeline[: record.monitoring.shown]):
            if index not in self.event_cards:
                self.event_cards[index] = EventCard(self, index, event)
            self.event_cards[index].note.value = record.monitoring.notes.get(str(index), "")
        self.events_box.children = list(self.event_cards.values())
        remaining = self.scenario.timeline[record.monitoring.shown :]
        if remaining:
            self.next_button.description = f"Next: what happens on day {remaining[0].day}"
            self.next_button.disabled = False
        else:
            self.next_button.description = "The timeline is complete"
            self.next_button.disabled = True

    def _show_signs(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        signs = warning_signs(self.scenario, record.monitoring)
        for sign in signs:
            if sign.id not in self.sign_cards:
                self.sign_cards[sign.id] = SignCard(self, sign, self.scenario)
            self.sign_cards[sign.id].show(record)
        self.signs_box.children = [self.sign_cards[s.id] for s in signs] or [
            widgets.HTML("<p class='cw-muted'>No warning sign so far.</p>")
        ]
        self._show_scores_chart(record)

    def _show_scores_chart(self, record: CaseRecord) -> None:
        scenario = self.scenario
        assert scenario is not None

        def draw():
            from casework.charts import domain_chart
            from casework.measures import scores_over_time

            return domain_chart(scores_over_time(record, scenario), "Life-domain scores over time")

        assessment, again = record.assessment, record.monitoring.reassessments
        key = (assessment.initial, assessment.reassessment, again)
        self.scores_chart.show(key, draw if again else None)

    def _show_change_form(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        current = self.change_goal.value
        goals = ui.goal_options(record.plan.goals, "No goals yet: write them in the care-plan app")
        self.change_goal.options = goals
        if current is not None and current in dict(goals).values():
            self.change_goal.value = current
        self.change_who.options = [("Choose…", None), *party_options(self.scenario)]

    # --- edits ------------------------------------------------------------------------

    def edit_note(self, index: int, text: str) -> None:
        if self._loading or self.session is None:
            return
        notes = {**self.record.monitoring.notes, str(index): text}
        self.edit("monitoring", notes=notes)

    def edit_response(self, sign_id: str, **changes: object) -> None:
        if self._loading or self.session is None:
            return
        monitoring = self.record.monitoring
        current = monitoring.responses.get(sign_id) or Adjustment(
            plan_before=plan_fingerprint(self.record.plan)
        )
        updated = current.model_copy(update=changes)
        reassessments = dict(monitoring.reassessments)
        if changes.get("kind") == "reassess" and sign_id not in reassessments:
            # start from the latest picture; the student changes what the event changed
            reassessments[sign_id] = latest_ratings(self.record)
        self.edit(
            "monitoring",
            responses={**monitoring.responses, sign_id: updated},
            reassessments=reassessments,
        )
        card = self.sign_cards.get(sign_id)
        if card is not None:
            if "kind" in changes:
                self._loading = True
                try:
                    card.show(self.record)
                finally:
                    self._loading = False
            card.show_status(self.record)

    def edit_reassessment(self, sign_id: str, domain: LifeDomain) -> None:
        card = self.sign_cards.get(sign_id)
        if card is not None:
            card.cards[domain].show_action_field()
        if self._loading or self.session is None or card is None:
            return
        reassessments = {**self.record.monitoring.reassessments, sign_id: card.ratings()}
        self.edit("monitoring", reassessments=reassessments)
        card.show_status(self.record)
        self._show_scores_chart(self.record)

    def _register_signs(self) -> None:
        """Note the plan as it stands when each new sign appears, so a later change shows."""
        assert self.scenario is not None
        monitoring = self.record.monitoring
        fingerprint = plan_fingerprint(self.record.plan)
        fresh = {
            sign.id: Adjustment(plan_before=fingerprint)
            for sign in warning_signs(self.scenario, monitoring)
            if sign.id not in monitoring.responses and sign.kind != "safety"
        }
        if fresh:
            self.edit("monitoring", responses={**monitoring.responses, **fresh})

    def advance(self) -> None:
        """Show the next event, unless a warning sign is still unanswered."""
        if self.session is None or self.scenario is None:
            return
        self.session.flush()
        blocking = unsettled_signs(self.scenario, self.record)
        if blocking:
            items = "".join(
                f"<li><b>Day {sign.day}, {escape(sign.title.lower())}:</b> {escape(status.message)}</li>"
                for sign, status in blocking
            )
            self.next_message.value = (
                "<div class='cw-panel cw-warning' role='alert'>! The case cannot move on yet. "
                "Carrying on unchanged when the record shows trouble is how clients fall "
                f"through the cracks. Answer first:<ul>{items}</ul></div>"
            )
            return
        if self.record.monitoring.shown >= len(self.scenario.timeline):
            return
        self.edit("monitoring", shown=self.record.monitoring.shown + 1)
        self._register_signs()
        self.session.flush()
        event = self.scenario.timeline[self.record.monitoring.shown - 1]
        self.next_message.value = ui.message_html(
            "info",
            f"Day {event.day}: {event_label(event.kind).lower()}. Write the note for it above.",
        )
        self.refresh()

    def add_plan_step(self) -> None:
        if self.session is None or self.scenario is None:
            return
        goal_id, what, who = (
            self.change_goal.value,
            self.change_what.value.strip(),
            self.change_who.value,
        )
        due_text = self.change_due.value
        often, where = self.change_often.value.strip(), self.change_where.value.strip()
        # the written contract needs each of these for every step: ask now, not later
        if not self.record.plan.goals:
            problem = "The plan has no goal yet: write the goals in the care-plan app first."
        elif goal_id is None:
            problem = "Choose the goal this step serves."
        elif not what:
            problem = "Say what the new step is, for example “Go to the family support group on Thursday”."
        elif who is None:
            problem = "Choose who does it: every step in the contract has one person responsible."
        elif ui.parse_day(due_text) is None:
            problem = "Write by which day, as a number of days from intake, e.g. 40."
        elif not often:
            problem = "Say how often, for example “once” or “weekly”."
        elif not where:
            problem = "Say where, for example “the clinic” or “by phone”."
        else:
            problem = ""
        if problem:
            self.change_message.value = ui.message_html("warning", problem)
            return
        resource = who if who in resources_by_id(self.scenario) else ""
        step = ActionStep(
            what=what,
            who=who,
            due_day=ui.parse_day(due_text),
            how_often=often,
            where=where,
            resource=resource,
        )
        plan = self.record.plan
        goal = plan.goals[goal_id]
        steps = {**goal.steps, next_id("s", set(goal.steps)): step}
        goals = {**plan.goals, goal_id: goal.model_copy(update={"steps": steps})}
        self.session.replace_section("plan", plan.model_copy(update={"goals": goals}))
        self.session.flush()
        for field in (self.change_what, self.change_due, self.change_often, self.change_where):
            field.value = ""
        to_do = release_to_dos(self.record.plan, step, self.scenario)
        self.change_message.value = (
            ui.message_html(
                "good", f"Added to the plan: “{what}” ({party_name(who, self.scenario)})."
            )
            + self._contract_after_change()
            + "".join(ui.message_html("info", problem) for problem in to_do)
        )
        for card in self.sign_cards.values():
            card.show_status(self.record)
        self._show_services(self.record)

    def _contract_after_change(self) -> str:
        """What the changed plan's written contract now lacks, and where to mend it."""
        assert self.scenario is not None
        status = contract_status(self.record, self.scenario)
        if status.complete:
            return ""
        return ui.message_html(
            "warning",
            f"The written contract is not complete now. {status.gaps()} Complete it in the care "
            "plan (stage 3, “The written contract”), and have it signed again.",
        )

    # --- goal reviews -------------------------------------------------------------------

    def _show_reviews(self, record: CaseRecord) -> None:
        goal_keys = tuple(
            (k, g.text, tuple(sorted(g.gas_levels.items()))) for k, g in record.plan.goals.items()
        )
        if goal_keys != self._goal_keys:
            self._goal_keys = goal_keys
            self.review_fields = {}
            options = [("Not scored", None)] + [
                (f"{score:+d} · {label}", score) for score, label in gas_levels().items()
            ]
            rows = []
            for number, (key, goal) in enumerate(record.plan.goals.items(), start=1):
                score = ui.dropdown(f"Goal {number}", f"gas-{key}", options, width="34em")
                weight = widgets.BoundedFloatText(
                    value=1.0,
                    min=0.0,
                    max=10.0,
                    step=0.5,
                    description="Weight",
                    layout=widgets.Layout(width="12em"),
                )
                weight.add_class(f"e2e-weight-{key}")
                weight.observe(guarded(lambda c, k=key: self._on_weight(k, c["new"])), "value")
                self.review_fields[key] = (score, weight)
                # scored against the levels written in advance, shown beside the choice;
                # a goal without them cannot be scored (Goal Attainment Scaling)
                score.disabled = not gas_measurable(goal)
                written = (
                    ui.message_html(
                        "warning",
                        f"Goal {number} cannot be scored yet: its Goal Attainment Scaling "
                        "levels (at least the expected outcome and both extremes) are not "
                        "written. Write them with the client in the care-plan app first: a "
                        "score without them is an opinion, not a measure.",
                    )
                    if score.disabled
                    else levels_html(goal)
                )
                rows += [
                    widgets.HTML(
                        f"<p class='cw-muted'>Goal {number}: {escape(goal.text or '(no text yet)')}</p>"
                        + written
                    ),
                    widgets.HBox([score, weight]),
                ]
            self.review_box.children = rows or [
                widgets.HTML("<p class='cw-muted'>Write the goals in the care-plan app first.</p>")
            ]
        for key, (_score, weight) in self.review_fields.items():
            weight.value = record.monitoring.weights.get(key, 1.0)
        if not self.review_day.value.strip():
            assert self.scenario is not None
            self.review_day.value = str(current_day(self.scenario, record.monitoring))
        monitoring = record.monitoring
        if not monitoring.reviews:  # nothing to tabulate or draw: pandas and matplotlib wait
            self.reviews_table.show("none", lambda: "<p class='cw-muted'>No review yet.</p>")
            self.gas_chart.show(None, None)
            return

        @cache  # the table and the chart are made one after the other on the late worker
        def table():
            from casework.measures import gas_table

            return gas_table(record)

        def table_html() -> str:
            html = table().to_html(
                index=False,
                na_rep="–",
                float_format=lambda v: f"{v:.1f}",
                border=0,
                classes="cw-table",
            )
            return f"<div class='e2e-reviews'>{html}</div>"

        def draw():
            from casework.charts import gas_chart

            return gas_chart(table())

        key = (monitoring.reviews, monitoring.weights, goal_keys)
        self.reviews_table.show(key, table_html)
        self.gas_chart.show(key, draw)

    def _on_weight(self, goal_id: str, weight: float) -> None:
        if self._loading or self.session is None:
            return
        self.edit("monitoring", weights={**self.record.monitoring.weights, goal_id: weight})

    def save_review(self) -> None:
        if self.session is None or self.scenario is None:
            return
        day = ui.parse_day(self.review_day.value)
        scores = {
            key: field.value
            for key, (field, _w) in self.review_fields.items()
            if field.value is not None
        }
        if day is None:
            self.review_message.value = ui.message_html(
                "warning", "Give the review's day as a number, e.g. 30."
            )
            return
        if not scores:
            self.review_message.value = ui.message_html(
                "warning",
                "Score at least one goal: where is the client now, against what you expected?",
            )
            return
        unwritten = check_gas_review(self.record.plan, scores)
        if not unwritten.ok:
            self.review_message.value = "".join(
                ui.message_html("warning", f.message) for f in unwritten.findings
            )
            return
        reviews = dict(self.record.monitoring.reviews)
        reviews[next_id("r", set(reviews))] = GasReview(day=day, scores=scores)
        self.edit("monitoring", reviews=reviews)
        self._register_signs()
        self.session.flush()
        for field, _weight in self.review_fields.values():
            field.value = None
        self.review_message.value = ui.message_html("good", f"Review of day {day} saved.")
        self.refresh()

    # --- services -----------------------------------------------------------------------

    def _show_services(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        scenario = self.scenario
        rows = service_rows(record, self.scenario)
        keys = tuple(row.resource for row in rows)
        if keys != self._service_keys:
            self._service_keys = keys
            self.service_fields = {}
            boxes = []
            for row in rows:
                referred = ui.day_input("Referred on (day)", f"referred-{row.resource}")
                offered = widgets.BoundedIntText(
                    min=0, max=999, description="Offered", layout=widgets.Layout(width="11em")
                )
                attended = widgets.BoundedIntText(
                    min=0, max=999, description="Attended", layout=widgets.Layout(width="11em")
                )
                completed = widgets.Checkbox(
                    description="Completed", indent=False, layout=widgets.Layout(width="8em")
                )
                for field, hook in (
                    (offered, "offered"),
                    (attended, "attended"),
                    (completed, "completed"),
                ):
                    field.add_class(f"e2e-{hook}-{row.resource}")
                for field in (referred, offered, attended, completed):
                    field.observe(guarded(lambda _c, r=row.resource: self._on_service(r)), "value")
                self.service_fields[row.resource] = (referred, offered, attended, completed)
                boxes += [
                    widgets.HTML(f"<h3>{escape(row.name)}</h3>"),
                    referred,
                    widgets.HBox([offered, attended, completed]),
                ]
            self.services_box.children = boxes or [
                widgets.HTML("<p class='cw-muted'>No provider is named in the plan yet.</p>")
            ]
        for resource, (referred, offered, attended, completed) in self.service_fields.items():
            use = record.monitoring.services.get(resource, ServiceUse())
            referred.value = "" if use.referred_day is None else str(use.referred_day)
            offered.value, attended.value, completed.value = (
                use.sessions_offered,
                use.sessions_attended,
                use.completed,
            )
        if rows:

            @cache  # made once for the table and the chart, on the late worker
            def table():
                from casework.measures import service_table

                return service_table(record, scenario)

            def table_html() -> str:
                html = table().to_html(index=False, na_rep="–", border=0, classes="cw-table")
                return f"<div class='e2e-services-table'>{html}</div>"

            def draw():
                from casework.charts import service_chart

                return service_chart(table())

            drawn = tuple(rows)
            self.services_table.show(drawn, table_html)
            self.services_chart.show(drawn, draw)
        else:
            self.services_table.show((), None)
            self.services_chart.show((), None)
        findings = check_services(record, self.scenario)
        self.services_feedback.value = ui.report_html(Report(tuple(findings)), "Service check")

    def _on_service(self, resource: str) -> None:
        if self._loading or self.session is None:
            return
        referred, offered, attended, completed = self.service_fields[resource]
        use = ServiceUse(
            referred_day=ui.parse_day(referred.value),
            sessions_offered=offered.value,
            sessions_attended=attended.value,
            completed=completed.value,
        )
        self.edit("monitoring", services={**self.record.monitoring.services, resource: use})
        self._show_services(self.record)

    def after_open(self, resumed: bool) -> None:
        if self.record.monitoring.shown == 0:
            assert self.scenario is not None
            first = self.scenario.timeline[0]
            self.next_message.value = ui.message_html(
                "info",
                f"Nothing has happened since the plan was agreed. Press “Next” to see day {first.day}.",
            )
        if not self.record.plan.goals:
            self.next_message.value += ui.message_html(
                "warning",
                "The care plan has no goals yet. You can follow the timeline, but the goal "
                "reviews and the plan changes need the goals from the care-plan app.",
            )
