"""Write the notebooks from their text here, so they stay thin and are stored clean.

Run `python scripts/make_notebooks.py` after editing; tests check the committed files
match (no outputs, no execution counts).
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}

STAGES = [
    (
        "01_intake.ipynb",
        "Intake",
        "rapport, presenting issue, eligibility, urgency, baseline record",
    ),
    (
        "02_assessment.ipynb",
        "Assessment",
        "life-domain scores with evidence, strengths, eco-map, reassessment",
    ),
    (
        "03_care_plan.ipynb",
        "Care plan",
        "SMART goals, action steps, consent, the written contract",
    ),
    (None, "Monitoring", "contact notes, goal reviews, analyze and adjust (coming next)"),
    (None, "Closure", "readiness, procedures, the closure summary (coming next)"),
]


def landing() -> nbformat.NotebookNode:
    rows = "\n".join(
        f"| {n} | [{title}]({path}) | {what} |" if path else f"| {n} | {title} | {what} |"
        for n, (path, title, what) in enumerate(STAGES, start=1)
    )
    text = f"""# Casework: a practice workbook for case management

Work one fictional client's case from the first meeting to closure, with feedback at
every step on the skills that matter most: recording what you saw and heard rather
than judgments, writing goals the client owns, and knowing when a case is ready to
close.

Every scenario is a composite: the people, places and events are invented.
Everything you type is saved as you go, on this computer, and is there when you come
back.

| Stage | App | What you practise |
|---|---|---|
{rows}

Start with **Intake** and choose a scenario there; the later stages open the same case.
"""
    return new_notebook(cells=[new_markdown_cell(text, id="welcome")], metadata=KERNEL)


def intake() -> nbformat.NotebookNode:
    text = """# Stage 1 · Intake

The first meeting decides whether the client comes back. In it you:

1. **Build rapport.** Explain confidentiality *and its limits* before you ask anything
   personal. Reflect back what you hear: empathy, not sympathy, and no judgment. Ask
   what the client wants from the service, what they hope will happen, and what they
   see as their strengths, and write down their answers in their words.
2. **Hear the presenting issue** in the client's own words: why now?
3. **Screen eligibility** against the program's written rules, from evidence, not
   impressions. Missing proof makes a decision *pending*, not a refusal.
4. **Triage urgency.** Danger to anyone's safety comes first; a basic need about to be
   lost comes next; everything else follows the usual pace.
5. **Start the record**: referral source, how contact happened, and what you observed.

Each section has a button that checks your work and explains why. Your work is saved
as you type."""
    return _stage(text, "intake", "IntakeApp")


def _stage(text: str, module: str, app: str) -> nbformat.NotebookNode:
    code = f"from casework.ui.{module} import {app}\n\n{app}()"
    return new_notebook(
        cells=[new_markdown_cell(text, id="teaching"), new_code_cell(code, id="app")],
        metadata=KERNEL,
    )


def assessment() -> nbformat.NotebookNode:
    text = """# Stage 2 · Assessment

An assessment is a picture of a whole life, drawn with the client, that the plan will
be built on. In it you:

1. **Score each life domain** (basic needs, health, social support, work and
   education, legal, safety) on a 1–5 scale: 1 *in crisis*, 2 *vulnerable*, 3 *safe*,
   4 *building capacity*, 5 *empowered*. Tick the facts each score rests on. When
   unsure between two levels, choose the lower one. A domain in crisis needs an action
   today.
2. **Record strengths beside needs**: personal qualities, people who help, the
   community around them, past successes, culture. An assessment of problems alone
   tells the client only what is wrong.
3. **Draw the eco-map**: the people and systems around the client, which ties are
   strong, tenuous or stressful, and which way support flows.
4. **Reassess.** Clients tell you more as trust grows. When a later visit brings new
   information, score again; both assessments are kept, and the chart shows the
   change.

Open the same scenario you used at intake: your case file carries over."""
    return _stage(text, "assessment", "AssessmentApp")


def care_plan() -> nbformat.NotebookNode:
    text = """# Stage 3 · Care plan

A care plan is an agreement, not a prescription. In it you:

1. **Write goals in the client's priorities**, each one SMART: specific, measurable,
   achievable, relevant and time-bound. The checklist under each goal updates as you
   type, and it uses the case: the plan's time limit, the assessed needs, what the
   client said matters.
2. **Break each goal into steps**: what, who is responsible, by when, how often,
   where, what could get in the way and what you will do about it. Everyone in the
   plan, the client and you included, has at least one task.
3. **Ask for consent** before a provider is named: the client's release says what
   may be shared with whom, and why.
4. **Write the contract** with its six parts (realistic goals, time limits, planned
   actions, who is responsible, what happens if a party does not act, signatures with
   dates) and check that the client's copy is easy to read.

Open the same scenario as before: the assessment's needs and the client's words from
intake are shown at the top."""
    return _stage(text, "care_plan", "CarePlanApp")


def main() -> None:
    notebooks = {
        "00_start.ipynb": landing(),
        "01_intake.ipynb": intake(),
        "02_assessment.ipynb": assessment(),
        "03_care_plan.ipynb": care_plan(),
    }
    for name, notebook in notebooks.items():
        nbformat.write(notebook, NOTEBOOKS / name)


if __name__ == "__main__":
    main()
