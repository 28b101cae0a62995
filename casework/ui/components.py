"""Shared pieces of every app: headers, text inputs, feedback panels, the save status.

Everything shown in HTML goes through `html.escape` here, so a student's text (or a
scenario author's) is always displayed as text and never run as markup.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from casework.checks.findings import Finding, Report
from casework.session import SaveStatus
from casework.store import data_home
from casework.ui.errors import report

if TYPE_CHECKING:
    from casework.charts import Chart

_STYLE = """
<style>
.cw-panel { border-left: 4px solid #6b7280; padding: 0.4em 0.8em; margin: 0.3em 0; background: #f9fafb; }
.cw-good { border-color: #15803d; }
.cw-info { border-color: #1d4ed8; }
.cw-warning { border-color: #b45309; }
.cw-error { border-color: #b91c1c; }
.cw-tag { font-weight: 600; }
.cw-muted { color: #4b5563; }
.cw-section-title { margin: 1.2em 0 0.2em 0; }
/* Headings step down one level at a time (for screen readers) but keep their old size. */
.widget-html h2 { font-size: 1.17em; }
.widget-html h3 { font-size: 1em; }
.cw-quote { font-style: italic; }
.cw-lead { font-size: 1.05em; color: #374151; margin: 0.2em 0 0.8em 0; }
.cw-smart, .cw-checklist { list-style: none; padding-left: 0; }
mark.cw-mark { background: #fde68a; border-bottom: 2px solid #b45309; }
.cw-columns { display: flex; flex-wrap: wrap; gap: 0 2em; }
.cw-col { flex: 1 1 18em; min-width: 0; }
.cw-pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.cw-scroll { overflow-x: auto; max-width: 100%; }
/* A question as the label of its answer box: on its own line above it, wrapped, never cut. */
.cw-stacked { flex-wrap: wrap !important; height: auto !important; }
.cw-stacked > .widget-label {
  width: 100% !important; max-width: 100% !important; white-space: normal !important;
  height: auto !important; line-height: 1.4; text-align: left !important; font-weight: 600;
  margin: 0.6em 0 0.3em 0;
}
.cw-stacked > textarea { flex: 1 1 100% !important; }
.cw-table td { vertical-align: top; line-height: 1.35; }
.widget-html .cw-panel a, .widget-html .cw-card a { color: #1d4ed8; text-decoration: underline; }
.cw-highlighted { white-space: pre-wrap; margin: 0.3em 0; padding: 0.3em 0.6em; border-left: 3px solid #d1d5db; }
.cw-table { border-collapse: collapse; margin: 0.4em 0; }
.cw-table th, .cw-table td { padding: 0.2em 0.7em; text-align: left; border-bottom: 1px solid #e5e7eb; }
.cw-nav { margin: 0 0 0.6em 0; font-size: 0.95em; }
.cw-nav a, .cw-stage a { color: #1d4ed8; }
.cw-stages { list-style: none; padding-left: 0; }
.cw-card { border-top: 1px solid #e5e7eb; padding-top: 0.4em; margin-top: 0.6em; }
/* A link that starts something looks like a button, not like bold text. */
.widget-html a.cw-button-link {
  display: inline-block; padding: 0.45em 1em; border-radius: 4px; background: #1d4ed8;
  color: #fff; text-decoration: none; font-weight: 600;
}
.widget-html a.cw-button-link:hover { background: #1e40af; }
/* A checkbox's words wrap onto a second line rather than being cut short. */
.widget-checkbox { width: auto !important; max-width: 100%; height: auto !important; }
.widget-checkbox > label, .widget-checkbox .widget-label-basic {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  width: auto !important; max-width: 100%;
}
/* Where the keyboard is, clearly (WCAG 2.2 focus appearance): a thick dark ring with a
   light halo, visible on white and on the blue buttons alike. */
.jupyter-widgets :focus-visible, .widget-html a:focus-visible, .cw-page-banner button:focus-visible {
  outline: 3px solid #1e3a8a !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 5px #fff !important;
}
/* On a phone the label column would squeeze every field: labels go above their fields. */
@media (max-width: 640px) {
  .widget-inline-hbox { flex-wrap: wrap !important; width: 100% !important; height: auto !important; }
  .widget-inline-hbox > .widget-label {
    width: 100% !important; max-width: 100% !important; text-align: left !important;
  }
  .widget-inline-hbox > input, .widget-inline-hbox > textarea,
  .widget-inline-hbox > select, .widget-inline-hbox > .widget-radio-box {
    flex: 1 1 100% !important; width: 100% !important; min-width: 0 !important;
  }
  /* A row of buttons wraps instead of squeezing "Remove" to "R…". */
  .widget-hbox { flex-wrap: wrap !important; }
  button.widget-button {
    flex-shrink: 0 !important; max-width: 100%; white-space: normal !important;
    height: auto !important; min-height: 28px;
  }
}
/* A long choice (a client's priority in their words) wraps instead of running off. */
.widget-radio-box label {
  white-space: normal !important; height: auto !important; line-height: 1.35;
  display: flex !important; align-items: flex-start; gap: 0.1em;
  flex-direction: row-reverse; justify-content: flex-end; /* the dot comes last in the DOM */
}
.widget-radio-box label > input { flex: none; margin-top: 0.2em; }
</style>
"""

# One label column for every app: wide enough for the longest label, so none is cut short.
LABEL_STYLE = {"description_width": "16em"}

# Severity is always spelled out in words beside the colour, never colour alone.
_SEVERITY_TAGS = {"error": "✗ Change this", "warning": "! Improve", "info": "i Consider"}


def style_sheet() -> widgets.HTML:
    return widgets.HTML(_STYLE)


def header(title: str, subtitle: str) -> widgets.HTML:
    """The app's opening line. The notebook's own heading names the stage, so the title is
    not repeated on the page; it stays as the region's accessible name."""
    return widgets.HTML(
        f"<p class='cw-lead' role='note' aria-label='{escape(title, quote=True)}'>{escape(subtitle)}</p>"
    )


def nav_html(current: str, query: str) -> str:
    """The workbook's stage bar: the landing page and every stage, the current one marked.

    Links are relative, so they work under any Voilà base URL; `query` carries the
    student's name from page to page."""
    from casework.progress import INTERVIEW_NOTEBOOK, STAGES

    pages = [(stage.notebook, f"{n} {stage.title}") for n, stage in enumerate(STAGES, start=1)]
    pages.append((INTERVIEW_NOTEBOOK, "Interview practice"))
    links = [f"<a href='00_start.ipynb{escape(query, quote=True)}'>All stages</a>"]
    for notebook, label in pages:
        if notebook == current:
            links.append(f"<strong aria-current='page'>{escape(label)}</strong>")
        else:
            links.append(f"<a href='{notebook}{escape(query, quote=True)}'>{escape(label)}</a>")
    return "<nav class='cw-nav' aria-label='Workbook stages'>" + " · ".join(links) + "</nav>"


def catalogue_problems_html(errors: Sequence[Exception]) -> str:
    """Scenario files that failed to load, each named with its field, for the trainer."""
    if not errors:
        return ""
    items = "".join(f"<li><pre>{escape(str(error))}</pre></li>" for error in errors)
    return (
        "<div class='cw-panel cw-warning e2e-catalogue-problems' role='alert'><b>! Some scenario "
        "files could not be loaded</b> and are left out of the list. The other scenarios work "
        f"as usual. Ask your trainer to fix these files:<ul>{items}</ul></div>"
    )


def section_title(number: int, title: str, teaching: str) -> widgets.HTML:
    return widgets.HTML(
        f"<h2 class='cw-section-title'>{number}. {escape(title)}</h2>"
        f"<p class='cw-muted'>{escape(teaching)}</p>"
    )


def text_input(
    label: str, placeholder: str, hook: str, rows: int = 0
) -> widgets.Text | widgets.Textarea:
    """A labelled input that syncs as the user types; `rows` > 0 makes it a text area."""
    kind, extra = (widgets.Textarea, {"rows": rows}) if rows else (widgets.Text, {})
    field = kind(
        description=label,
        placeholder=placeholder,
        continuous_update=True,
        style=LABEL_STYLE,
        layout=widgets.Layout(width="95%"),
        **extra,
    )
    field.add_class(f"e2e-{hook}")
    return field


class PromptedDropdown(widgets.Dropdown):
    """A dropdown whose first option is a prompt standing for nothing chosen ("Choose a
    scenario…" → None). ipywidgets draws a blank box whenever the value is None, so a
    student saw no prompt at all; this one shows the prompt instead."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._show_prompt()
        self.observe(self._show_prompt, names=["index", "options"])

    def _show_prompt(self, _change: object = None) -> None:
        if self.index is None and self._options_values and self._options_values[0] is None:
            self.index = 0


def goal_options(goals: dict, none_yet: str) -> list[tuple[str, str | None]]:
    """Goals to choose from: a prompt, then "Goal 1: Within 60 days, Marisol will…" (the
    first words, enough to tell goals apart on a phone); `none_yet` when there is none."""
    if not goals:
        return [(none_yet, None)]
    choices: list[tuple[str, str | None]] = [("Choose a goal…", None)]
    for number, (goal_id, goal) in enumerate(goals.items(), start=1):
        words = goal.text.split()
        opening = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
        choices.append((f"Goal {number}: {opening or '(not written yet)'}", goal_id))
    return choices


def dropdown(
    label: str, hook: str, options: list | tuple = (), width: str = "60%", **extra: object
) -> widgets.Dropdown:
    """A labelled choice in the shared label column; `options` may be set later."""
    field = PromptedDropdown(
        options=list(options),
        description=label,
        style=LABEL_STYLE,
        layout=widgets.Layout(width=width),
        **extra,
    )
    field.add_class(f"e2e-{hook}")
    return field


def radio_choice(label: str, hook: str, options: list | tuple) -> widgets.RadioButtons:
    """A labelled one-of-a-few choice with nothing chosen yet: the student makes the call."""
    field = widgets.RadioButtons(
        options=list(options),
        value=None,
        description=label,
        style=LABEL_STYLE,
        layout=widgets.Layout(width="auto"),
    )
    field.add_class(f"e2e-{hook}")
    return field


def day_input(description: str, hook: str) -> widgets.Text:
    """A day number that may be left blank (an IntText cannot be empty)."""
    field = widgets.Text(
        description=description,
        placeholder="day number, e.g. 14",
        style=LABEL_STYLE,
        layout=widgets.Layout(width="32em"),
    )
    field.add_class(f"e2e-{hook}")
    return field


def parse_day(text: str) -> int | None:
    """ "14" or "day 14" → 14; blank or anything else → None (the caller explains)."""
    text = text.strip().lower().removeprefix("day").strip()
    return int(text) if text.isdigit() else None


_MIME = {".md": "text/markdown", ".html": "text/html", ".csv": "text/csv"}


def download_link(filename: str, content: str, hook: str, label: str) -> str:
    """A link that downloads `content` (a data URI: Voilà does not serve the data folder)."""
    data = base64.b64encode(content.encode("utf-8")).decode("ascii")
    mime = _MIME.get(Path(filename).suffix, "text/plain")
    return (
        f"<a download='{escape(filename, quote=True)}' href='data:{mime};charset=utf-8;base64,"
        f"{data}' class='e2e-{escape(hook, quote=True)}'>{escape(label)}</a>"
    )


def export_html(filename: str, content: str, hook: str, label: str, student: str | None) -> str:
    """Save an export in the student's own exports folder and offer it as a download link
    (a data URI, so it works in Voilà, where the server does not serve the data folder).
    On a class server each student's exports are kept apart, and no server path is shown."""
    folder = data_home() / "exports" / (student or "")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_text(content, encoding="utf-8")
    return (
        "<div class='cw-panel cw-good' role='status'>✓ Saved as "
        f"<code>{escape(path.name)}</code> in your exports. "
        f"{download_link(path.name, content, hook, label)}</div>"
    )


_MESSAGE_ICONS = {"error": "✗", "warning": "!", "good": "✓", "info": "i"}


def message_html(severity: str, text: str) -> str:
    """A one-line panel for the learner: an icon and words beside the colour; problems are
    announced to screen readers at once (alert), the rest politely (status)."""
    role = "alert" if severity in ("warning", "error") else "status"
    return (
        f"<div class='cw-panel cw-{severity}' role='{role}'>"
        f"{_MESSAGE_ICONS[severity]} {escape(text)}</div>"
    )


class LatePanel(widgets.HTML):
    """HTML that is slow to make (a chart, a reading grade), made only when its data has
    changed, and made beside the page rather than before it.

    matplotlib costs about a second to import and a tenth of a second a figure; the
    reading grade's syllable dictionary takes over a second to load. Too much for every
    keystroke, and too much to keep a student waiting for the form or for the answer to a
    click. In a kernel the work runs on one worker thread while the kernel goes on
    answering the page; the result is shown from the kernel's own loop. Without a
    running loop (scripts, tests) it is made at once."""

    PLACEHOLDER = "<p class='cw-muted cw-pending' role='status'>Working it out…</p>"

    def __init__(self, hook: str):
        super().__init__()
        self.hook = hook
        self._key: object = object()

    def show(self, key: object, render: Callable[[], str] | None) -> None:
        """`key` stands for the data; `render` makes the HTML (None shows nothing)."""
        if key == self._key:
            return
        self._key = key
        if render is None:
            self.value = ""
            return
        loop = _kernel_loop()
        if loop is None:
            self.value = render()
            return
        if not self.value:
            self.value = self.PLACEHOLDER  # older content stays up until the new is ready
        made = loop.run_in_executor(_late_worker(), render)
        made.add_done_callback(lambda future: self._show_made(key, future))

    # Seconds after which a made panel is sent again. A panel finished between the end of
    # Voilà's run of the notebook and the page's own connection to the kernel is sent to
    # nobody (the kernel's messages are not kept for a page not yet connected), and the
    # page would say "Drawing the chart…" for ever; sending the same state again is harmless.
    RESEND_AFTER = (1.0, 3.0, 8.0, 20.0)

    def _show_made(self, key: object, future: asyncio.Future) -> None:
        if future.exception() is not None:
            report(future.exception(), "drawing part of the page")  # type: ignore[arg-type]
        elif key == self._key:  # else a newer change has its own on the way
            self.value = future.result()
            loop = _kernel_loop()
            for delay in self.RESEND_AFTER if loop is not None else ():
                loop.call_later(delay, self._resend, key)

    def _resend(self, key: object) -> None:
        if key == self._key and self.comm is not None:
            self.send_state("value")


def _kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The running loop of the IPython kernel we are in, else None.

    A running loop alone is not enough: Playwright's sync API (in the browser tests)
    leaves one running in the test process, where there is no kernel to show results."""
    from IPython import get_ipython

    if getattr(get_ipython(), "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


@cache
def _late_worker() -> ThreadPoolExecutor:
    # One thread: late panels are made in the order asked, and never two matplotlib
    # figures at once.
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="casework-late")


def wait_for_late_panels(timeout: float = 120) -> None:
    """Block until every late panel asked for so far is made (for measurements)."""
    _late_worker().submit(lambda: None).result(timeout)


class ChartPanel(LatePanel):
    """A chart in a `LatePanel`, with its title, axis labels and alt text."""

    PLACEHOLDER = "<p class='cw-muted cw-pending' role='status'>Drawing the chart…</p>"

    def show(self, key: object, draw: Callable[[], Chart] | None) -> None:  # type: ignore[override]
        super().show(key, None if draw is None else lambda: draw().html(self.hook))


def check_button(label: str, hook: str) -> widgets.Button:
    button = widgets.Button(description=label, button_style="primary", tooltip=label)
    button.layout = widgets.Layout(width="auto", align_self="flex-start")
    button.add_class(f"e2e-{hook}")
    return button


def _finding_html(finding: Finding) -> str:
    parts = [
        f"<div class='cw-panel cw-{finding.severity}'>",
        f"<span class='cw-tag'>{escape(_SEVERITY_TAGS[finding.severity])}:</span> ",
        escape(finding.message),
    ]
    if finding.suggestion:
        parts.append(f"<br><span class='cw-tag'>Try:</span> {escape(finding.suggestion)}")
    if finding.source:
        parts.append(f"<br><small class='cw-muted'>Why: {escape(finding.source)}</small>")
    parts.append("</div>")
    return "".join(parts)


def report_html(report: Report, heading: str | None = None) -> str:
    parts = [f"<h3>{escape(heading)}</h3>"] if heading else []
    parts += [
        f"<div class='cw-panel cw-good'><span class='cw-tag'>✓ Works:</span> {escape(s)}</div>"
        for s in report.strengths
    ]
    parts += [_finding_html(f) for f in report.findings]
    if report.ok and not report.strengths:
        parts.append(
            "<div class='cw-panel cw-good'><span class='cw-tag'>✓</span> Nothing to change.</div>"
        )
    return "".join(parts)


def feedback_panel(hook: str) -> widgets.HTML:
    panel = widgets.HTML()
    panel.add_class(f"e2e-{hook}")
    return panel


_STATUS_ICONS = {"saved": "✓", "pending": "…", "failed": "✗", "merged": "⇄"}


def status_html(status: SaveStatus) -> str:
    severity = {"failed": "error", "merged": "warning"}.get(status.state, "good")
    return (
        f"<div class='cw-panel cw-{severity}' role='status'>"
        f"{_STATUS_ICONS.get(status.state, '')} {escape(status.message)}</div>"
    )


def bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def highlighted_html(text: str, report: Report) -> str:
    """The text with each flagged span marked, so the learner sees where, not only what.

    Findings that cover the whole text (e.g. "the note has no date") are not marked."""
    spans = sorted(
        (f.start, f.end, f)
        for f in report.findings
        if f.start is not None and f.end is not None and (f.start, f.end) != (0, len(text))
    )
    parts, position = [], 0
    for start, end, finding in spans:
        if start < position:  # overlapping spans: the first one is marked
            continue
        label = escape(_SEVERITY_TAGS[finding.severity] + ": " + finding.message, quote=True)
        parts.append(escape(text[position:start]))
        parts.append(f"<mark class='cw-mark' title='{label}'>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return f"<blockquote class='cw-highlighted e2e-highlighted'>{''.join(parts)}</blockquote>"
