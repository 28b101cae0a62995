"""02 Assessment: score the life domains with evidence, record strengths, draw the eco-map,
and reassess when new information comes to light.

The app only displays and collects: scores, comparisons and feedback come from
`casework.checks.assessment`, the pictures from `casework.charts`.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from casework import ecomap
from casework.checks.assessment import (
    CRISIS,
    NEED_AT_MOST,
    STRENGTH_LABELS,
    check_assessment,
    compare_scores,
    domain_covers,
    domain_label,
    expected_scores,
    level_name,
    levels,
    score_changes,
)
from casework.model import (
    Assessment,
    CaseRecord,
    DomainRating,
    LifeDomain,
    Scenario,
    StrengthCategory,
    Tie,
)
from casework.ui import components as ui
from casework.ui.errors import guarded
from casework.ui.stage import StageApp

INITIAL, REASSESSMENT = "initial", "reassessment"
PHASE_SETTING = "assessment-phase:"  # + case id: the mode the student last worked in
_PHASES = [("Initial assessment", INITIAL), ("Reassessment", REASSESSMENT)]


def _hook(name: str) -> str:
    return name.replace("_", "-")


class DomainCard(widgets.VBox):
    """One life domain: the facts to cite, the score with its level descriptions, a note."""

    def __init__(self, domain: LifeDomain, facts: list[str], on_change):
        super().__init__()
        self.domain = domain
        self.facts = facts
        self.add_class(f"e2e-domain-{_hook(domain.value)}")
        self.add_class("cw-card")
        self.evidence = [
            widgets.Checkbox(description=fact, indent=False, layout=widgets.Layout(width="95%"))
            for fact in facts
        ]
        self.score = widgets.RadioButtons(
            options=[(f"{level.score} · {level.name}", level.score) for level in levels(domain)],
            value=None,
            description="Score",
            layout=widgets.Layout(width="14em"),
        )
        self.score.add_class("e2e-score")
        descriptions = "".join(
            f"<li><b>{level.score} · {escape(level.name)}</b>: {escape(level.description)}</li>"
            for level in levels(domain)
        )
        self.note = ui.text_input(
            "What you saw and heard",
            "Observable facts and the client's words, not conclusions",
            "domain-note",
            rows=2,
        )
        self.action = ui.text_input(
            "Immediate action",
            "In crisis: what happens today, who does it (or why nothing needs to)",
            "immediate-action",
        )
        self.action.layout.display = "none"
        self.children = [
            widgets.HTML(
                f"<h3>{escape(domain_label(domain))}</h3>"
                f"<p class='cw-muted'>Covers {escape(domain_covers(domain))}. "
                "Tick the facts your score rests on:</p>"
            ),
            *self.evidence,
            widgets.HBox(
                [
                    self.score,
                    widgets.HTML(f"<ul class='cw-levels'>{descriptions}</ul>"),
                ]
            ),
            self.note,
            self.action,
        ]
        for box in self.evidence:
            box.observe(guarded(lambda _c: on_change(self.domain)), "value")
        for field in (self.score, self.note, self.action):
            field.observe(guarded(lambda _c: on_change(self.domain)), "value")

    def rating(self) -> DomainRating:
        return DomainRating(
            score=self.score.value,
            evidence=[
                fact for fact, box in zip(self.facts, self.evidence, strict=True) if box.value
            ],
            note=self.note.value,
            immediate_action=self.action.value,
        )

    def show(self, rating: DomainRating) -> None:
        for fact, box in zip(self.facts, self.evidence, strict=True):
            box.value = fact in rating.evidence
        self.score.value = rating.score
        self.note.value = rating.note
        self.action.value = rating.immediate_action
        self.show_action_field()

    def show_action_field(self) -> None:
        self.action.layout.display = None if self.score.value == CRISIS else "none"


class AssessmentApp(StageApp):
    """The assessment stage as one composed widget. `AssessmentApp()` is the whole app."""

    notebook = "02_assessment.ipynb"
    stage = "assessment"
    title = "Stage 2 · Assessment"
    subtitle = (
        "Score each life domain with the client, on the evidence; record strengths beside "
        "needs; map the supports; reassess when the picture changes."
    )

    def build_sections(self) -> list[widgets.Widget]:
        self.phase = INITIAL
        self.briefing = widgets.HTML()
        self.phase_picker = widgets.ToggleButtons(
            options=_PHASES, value=INITIAL, description="Editing"
        )
        self.phase_picker.add_class("e2e-phase")
        self.phase_picker.observe(guarded(self._on_phase), "value")
        self.phase_note = widgets.HTML()
        self.cards: dict[LifeDomain, DomainCard] = {}
        self.cards_box = widgets.VBox()
        self.domain_chart = ui.ChartPanel("domain-chart")
        self.changes = widgets.HTML()
        self.strengths = {
            category: ui.text_input(
                STRENGTH_LABELS[category],
                "One strength a line",
                f"strength-{_hook(category)}",
                rows=2,
            )
            for category in StrengthCategory
        }
        for category, field in self.strengths.items():
            field.observe(
                guarded(lambda change, c=category: self._on_strength(c, change["new"])), "value"
            )
        self.needs_summary = widgets.HTML()

        self.tie_name = widgets.Combobox(
            description="Person or system",
            placeholder="e.g. Sister, landlord, school",
            ensure_option=False,
            style=ui.LABEL_STYLE,
            layout=widgets.Layout(width="60%"),
        )
        self.tie_name.add_class("e2e-tie-name")
        self.tie_kind = ui.dropdown(
            "Tie",
            "tie-kind",
            [(label, kind) for kind, label in ecomap.TIE_LABELS.items()],
            width="34em",
            value="strong",
        )
        self.tie_flow = ui.dropdown(
            "Support",
            "tie-flow",
            [(label, flow) for flow, label in ecomap.FLOW_LABELS.items()],
            width="34em",
            value="to_client",
        )
        self.add_tie = ui.check_button("Add to the eco-map", "add-tie")
        self.add_tie.on_click(guarded(lambda _b: self._on_add_tie()))
        self.tie_message = widgets.HTML()
        self.ties_box = widgets.VBox()
        self.ecomap_chart = ui.ChartPanel("ecomap")

        self.disclosures_box = widgets.VBox()
        self.check = ui.check_button("Check my assessment", "check-assessment")
        self.check.on_click(guarded(lambda _b: self.show_feedback()))
        self.feedback = ui.feedback_panel("assessment-feedback")
        self.compare = ui.check_button("Compare with the instructor's reading", "compare")
        self.compare.on_click(guarded(lambda _b: self.show_comparison()))
        self.comparison = ui.feedback_panel("comparison")
        return [
            self.briefing,
            ui.section_title(
                1,
                "Score each life domain",
                "Score with the client, on the facts you have. Tick the facts each score rests on. "
                "When you hesitate between two levels, choose the lower one. A domain in crisis "
                "needs an action today.",
            ),
            self.phase_picker,
            self.phase_note,
            self.cards_box,
            self.domain_chart,
            self.changes,
            ui.section_title(
                2,
                "Strengths beside needs",
                "Every person has strengths the plan can build on. Ask about each category and "
                "record what the client says, one strength a line.",
            ),
            self.needs_summary,
            *self.strengths.values(),
            ui.section_title(
                3,
                "Eco-map",
                "Who and what is around the client? Add each person or system, how strong or "
                "stressful the tie is, and which way support flows.",
            ),
            self.tie_name,
            self.tie_kind,
            self.tie_flow,
            self.add_tie,
            self.tie_message,
            self.ties_box,
            self.ecomap_chart,
            ui.section_title(
                4,
                "New information",
                "Assessment goes on through the whole case. When the client tells you something "
                "new, read it, then reassess the domains it touches.",
            ),
            self.disclosures_box,
            ui.section_title(
                5,
                "Check and compare",
                "Check the assessment for evidence, strengths and language; then compare your "
                "scores with the instructor's reading.",
            ),
            self.check,
            self.feedback,
            self.compare,
            self.comparison,
        ]

    # --- scenario --------------------------------------------------------------------------

    def start(self, scenario: Scenario) -> None:
        self.cards = {
            domain: DomainCard(domain, scenario.domains[domain].facts, self._on_domain)
            for domain in LifeDomain
        }
        self.cards_box.children = list(self.cards.values())
        self.tie_name.options = ecomap.suggested_names(scenario)
        self.feedback.value = self.comparison.value = self.tie_message.value = ""
        # the student's mode is kept with their file: a reload reopens the reassessment
        self.phase = self.store.get_setting(PHASE_SETTING + scenario.id) or INITIAL

    def _briefing_html(self, record: CaseRecord, scenario: Scenario) -> str:
        presenting = (
            record.intake.presenting_issue.strip() or scenario.presenting_issue.client_words
        )
        return (
            f"<div class='cw-panel cw-info e2e-briefing'><h2>{escape(scenario.title)}</h2>"
            f"<p><b>Client:</b> {escape(scenario.client.name)}, {scenario.client.age}</p>"
            f"<p><b>Presenting issue (from intake):</b> {escape(presenting)}</p></div>"
        )

    # --- record <-> widgets -------------------------------------------------------------------

    def _ratings(self, assessment: Assessment) -> dict[LifeDomain, DomainRating]:
        return assessment.initial if self.phase == INITIAL else assessment.reassessment

    def show_record(self, record: CaseRecord) -> None:
        assert self.scenario is not None
        assessment = record.assessment
        self.briefing.value = self._briefing_html(record, self.scenario)
        if self.phase == REASSESSMENT and not assessment.revealed:
            self.phase = INITIAL
        self.phase_picker.value = self.phase
        ratings = self._ratings(assessment)
        for domain, card in self.cards.items():
            card.show(ratings.get(domain, DomainRating()))
        for category, field in self.strengths.items():
            field.value = assessment.strengths.get(category, "")
        self._show_phase_note(assessment)
        self._show_disclosures(assessment)
        self._show_ties(assessment)
        self._show_summaries(assessment)

    def _on_domain(self, domain: LifeDomain) -> None:
        card = self.cards[domain]
        card.show_action_field()
        if self._loading or self.session is None:
            return
        assessment = self.record.assessment
        section = self.phase
        ratings = {**getattr(assessment, section), domain: card.rating()}
        self.edit("assessment", **{section: ratings})
        self._show_summaries(self.record.assessment)

    def _on_strength(self, category: StrengthCategory, text: str) -> None:
        if self._loading or self.session is None:
            return
        strengths = {**self.record.assessment.strengths, category: text}
        self.edit("assessment", strengths=strengths)

    def _on_phase(self, change: dict) -> None:
        if self._loading or self.session is None:
            return
        assessment = self.record.assessment
        if change["new"] == REASSESSMENT and not assessment.revealed:
            self.phase_picker.value = INITIAL
            self.phase_note.value = (
                "<div class='cw-panel cw-info' role='status'>The reassessment opens when there is "
                "new information: reveal a later visit in section 4 first.</div>"
            )
            return
        self.phase = change["new"]
        self.store.set_setting(PHASE_SETTING + self.record.case_id, self.phase)
        if self.phase == REASSESSMENT and not assessment.reassessment:
            # start from the first picture; the student changes what the new facts change
            self.edit("assessment", reassessment=dict(assessment.initial))
        self.refresh()

    def _show_phase_note(self, assessment: Assessment) -> None:
        if self.phase == REASSESSMENT:
            self.phase_note.value = (
                "<div class='cw-panel cw-info' role='status'>You are editing the reassessment. It "
                "started as a copy of your initial scores: change what the new information changes. "
                "The initial assessment is kept as it was.</div>"
            )
        else:
            self.phase_note.value = ""

    def _show_summaries(self, assessment: Assessment) -> None:
        def draw():
            from casework.charts import domain_chart
            from casework.measures import domain_scores

            return domain_chart(domain_scores(assessment))

        scores = (
            {d: r.score for d, r in assessment.initial.items()},
            {d: r.score for d, r in assessment.reassessment.items()},
        )
        self.domain_chart.show(scores, draw)
        changes = score_changes(assessment.initial, assessment.reassessment)
        if assessment.reassessment:
            rows = "".join(
                f"<li>{escape(domain_label(d))}: {assessment.initial[d].score} → "
                f"{assessment.reassessment[d].score} "
                f"({'no change' if delta == 0 else ('up ' if delta > 0 else 'down ') + str(abs(delta))})</li>"
                for d, delta in changes.items()
            )
            self.changes.value = f"<div class='cw-panel cw-info e2e-changes'><b>Initial → reassessment</b><ul>{rows}</ul></div>"
        else:
            self.changes.value = ""
        ratings = self._ratings(assessment)
        needs = [
            f"{domain_label(d)} ({r.score} · {level_name(r.score)})"
            for d, r in ratings.items()
            if r.score is not None and r.score <= NEED_AT_MOST
        ]
        self.needs_summary.value = (
            f"<p><b>Needs you scored:</b> {escape(', '.join(needs))}</p>" if needs else ""
        )

    # --- eco-map --------------------------------------------------------------------------

    def _on_add_tie(self) -> None:
        if self.session is None:
            return
        name = self.tie_name.value.strip()
        if not name:
            self.tie_message.value = (
                "<div class='cw-panel cw-warning' role='alert'>! Name the person or system first "
                "(for example “Sister” or “Landlord”).</div>"
            )
            return
        ties = dict(self.record.assessment.ties)
        ties[ecomap.tie_id(name, ties)] = Tie(
            name=name, kind=self.tie_kind.value, flow=self.tie_flow.value
        )
        self.session.update_section("assessment", ties=ties)
        self.tie_name.value = ""
        self.tie_message.value = ""
        self._show_ties(self.record.assessment)

    def _remove_tie(self, key: str) -> None:
        if self.session is None:
            return
        ties = {k: v for k, v in self.record.assessment.ties.items() if k != key}
        self.session.update_section("assessment", ties=ties)
        self._show_ties(self.record.assessment)

    def _show_ties(self, assessment: Assessment) -> None:
        rows = []
        for key, tie in assessment.ties.items():
            remove = widgets.Button(
                description="Remove",
                tooltip=f"Remove {tie.name}",
                layout=widgets.Layout(width="auto"),
            )
            remove.add_class("e2e-remove-tie")
            remove.on_click(guarded(lambda _b, key=key: self._remove_tie(key)))
            label = widgets.HTML(
                f"{escape(tie.name)}: {escape(ecomap.TIE_LABELS[tie.kind].lower())} tie, "
                f"{escape(ecomap.FLOW_LABELS[tie.flow].lower())}"
            )
            rows.append(widgets.HBox([label, remove]))
        self.ties_box.children = rows
        assert self.scenario is not None
        layout = ecomap.layout(self.scenario.client.name, assessment.ties)

        def draw():
            from casework.charts import ecomap_chart

            return ecomap_chart(layout)

        self.ecomap_chart.show((self.scenario.client.name, assessment.ties), draw)

    # --- new information ------------------------------------------------------------------

    def _show_disclosures(self, assessment: Assessment) -> None:
        assert self.scenario is not None
        rows: list[widgets.Widget] = []
        for disclosure in self.scenario.later_disclosures:
            if disclosure.id in assessment.revealed:
                rows.append(
                    widgets.HTML(
                        f"<div class='cw-panel cw-warning e2e-disclosure'><b>Day {disclosure.day} · "
                        f"{escape(domain_label(disclosure.domain))}</b><br>{escape(disclosure.text)}"
                        "<br><i>Reassess: choose “Reassessment” in section 1.</i></div>"
                    )
                )
                continue
            button = ui.check_button(f"Reveal: a later visit (day {disclosure.day})", "reveal")
            button.on_click(guarded(lambda _b, d=disclosure.id: self._reveal(d)))
            rows.append(button)
        self.disclosures_box.children = rows

    def _reveal(self, disclosure_id: str) -> None:
        if self.session is None:
            return
        revealed = [*self.record.assessment.revealed, disclosure_id]
        self.session.update_section("assessment", revealed=revealed)
        self._show_disclosures(self.record.assessment)

    # --- feedback -------------------------------------------------------------------------

    def show_feedback(self) -> None:
        if self.session is None or self.scenario is None:
            return
        self.session.flush()
        # the reassessment is checked beside the initial assessment, whose open findings
        # still stand: checking one must not hide the other
        phases = [INITIAL, REASSESSMENT] if self.phase == REASSESSMENT else [INITIAL]
        headings = {INITIAL: "Initial assessment", REASSESSMENT: "Reassessment"}
        self.feedback.value = "".join(
            ui.report_html(check_assessment(self.record.assessment, self.scenario, p), headings[p])
            for p in phases
        )

    def show_comparison(self) -> None:
        if self.session is None or self.scenario is None:
            return
        assessment = self.record.assessment
        revealed = assessment.revealed if self.phase == REASSESSMENT else []
        comparisons = compare_scores(
            self._ratings(assessment), expected_scores(self.scenario, revealed), self.scenario
        )
        items = "".join(
            f"<div class='cw-panel cw-{'good' if c.gap == 0 else 'info' if c.gap is None or abs(c.gap) == 1 else 'warning'}'>"
            f"{escape(c.message)}</div>"
            for c in comparisons
        )
        self.comparison.value = (
            "<p class='cw-muted'>The instructor's reading is one careful view, not the answer: "
            "what matters is that your score follows from the facts.</p>" + items
        )

    def after_open(self, resumed: bool) -> None:
        if resumed and any(r.score for r in self.record.assessment.initial.values()):
            self.show_feedback()
