"""Write the notebooks from their text here, so they stay thin and are stored clean.

Run `python scripts/make_notebooks.py` after editing; tests check the committed files
match (no outputs, no execution counts).
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}


def landing() -> nbformat.NotebookNode:
    text = """# Casework: a practice workbook for case management

Work one fictional client's case from the first meeting to closure, with feedback at
every step on the skills that matter most: recording what you saw and heard rather
than judgments, writing goals the client owns, and knowing when a case is ready to
close.

Every scenario is a composite: the people, places and events are invented.
Everything you type is saved as you go and is there when you come back.

Choose a scenario below. The list of stages shows how far your case has got and what
each stage still needs; open a stage from its link, or from the bar at the top of
every app."""
    code = "from casework.ui.landing import LandingApp\n\nLandingApp.launch()"
    return new_notebook(
        cells=[new_markdown_cell(text, id="welcome"), new_code_cell(code, id="app")],
        metadata=KERNEL,
    )


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
    code = f"from casework.ui.{module} import {app}\n\n{app}.launch()"
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
   today. The levels follow the Arizona Self-Sufficiency Matrix, whose 17 domains are
   folded into these six: a child's schooling and childcare count under work and
   education, parenting under social support, and a domain is scored at its part worst
   off. As on the matrix, a household with a notice to leave is in crisis for housing.
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
   client said matters. Under each goal, write with the client what its Goal
   Attainment Scaling levels look like, from −2 (much less than expected) to +2 (much
   more), with 0 the outcome you both think most likely. The goal reviews in
   monitoring are scored against these levels, so they are written now, in advance.
2. **Break each goal into steps**: what, who is responsible, by when, how often,
   where, what could get in the way and what you will do about it. Everyone in the
   plan, the client and you included, has at least one task.
3. **Ask for consent** before anything about the client is shared: the client's
   release says what may be shared with whom, why, and until when, and the client may
   revoke it. A release governs what you share, not who is named in the plan. A report
   of suspected abuse or neglect, or a call in an emergency, needs no consent: tell the
   client when it is safe to. Someone who is not your client gives their own consent.
4. **Write the contract** with its six parts (realistic goals, time limits, planned
   actions, who is responsible, what happens if a party does not act, signatures with
   dates), as the *Encyclopedia of Social Work*'s entry on case management lists them
   after Jones & Biesecker and Stein, Gambrill & Wiltse, and check that the client's
   copy is easy to read.

Open the same scenario as before: the assessment's needs and the client's words from
intake are shown at the top."""
    return _stage(text, "care_plan", "CarePlanApp")


def monitoring() -> nbformat.NotebookNode:
    text = """# Stage 4 · Monitoring

Plans meet real life. In monitoring you follow the case as it unfolds:

1. **Write a note for every contact**, kept or missed: the day, how you met, who was
   there, what the client said in their own words, the services given or arranged,
   and the next step. Write what you saw and heard, not labels ("did not come to the
   session and did not answer two calls", not "noncompliant").
2. **Review the goals by Goal Attainment Scaling**: find the level, written for each
   goal in the care plan before any review, that matches what happened, from −2 (much
   less than expected) through 0 (as expected) to +2 (much more). A goal with no
   written levels cannot be scored: without them a score is an opinion, not a measure
   (Kiresuk & Sherman 1968). The summary T-score is 50 when the goals are on track as
   a whole.
3. **Track the services**: referrals, sessions offered and attended, completion. A
   service that was planned but never started is a gap in the plan.
4. **Analyze and adjust** (Bonnie Spring's phrase, quoted in Clarity Human Services'
   white paper *3 Principles for Effective Social Work Case Management*). A crisis, new
   information, missed contacts piling up or a falling T-score all call for a response
   before the case moves on: reassess, change the plan, or write down why the plan
   stays as it is.
5. **Act on danger first.** When someone may be hurt (thoughts of suicide, an overdose,
   a child or an older adult who may be abused, neglected or exploited), make a safety
   response before anything else: make people safe now, consult your supervisor the
   same day, decide whether to report (reasonable suspicion, not proof; to CPS for a
   child, APS for an older or dependent adult), tell the client when it is safe to, and
   document what you asked, heard and did. The answer key appears once you commit your
   response. Reporting laws vary by state: follow your agency's protocol and your
   state's law.

Open the same scenario as before: the goals and providers come from your care plan."""
    return _stage(text, "monitoring", "MonitoringApp")


def closure() -> nbformat.NotebookNode:
    text = """# Stage 5 · Closure

Ending well is part of the help. In closure you:

1. **Decide whether the case is ready**, then compare your call with what the record
   shows: goals met, the client's own skills with services, natural supports, or
   another reason to end (disengagement despite outreach, lost eligibility, a
   better-fitting service).
2. **Plan the ending with the client**: notice well in advance, a review of the
   progress together, a plan for trouble, the resources handed over with how to reach
   them, a follow-up, the closure reason and where the client goes next, in HUD's
   destination groups (HMIS Data Standards, 3.12): emergency shelter counts as
   homeless, transitional housing as temporary, foster care and nursing homes as
   institutional.
3. **Write the closure summary**, starting from a draft built from the record.
4. **Ask the practice supervisor to approve the closure.** Requests that are not ready
   come back with the missing items.
5. **Export the whole case file** as Markdown or as one HTML page with its charts."""
    return _stage(text, "closure", "ClosureApp")


def interview_prep() -> nbformat.NotebookNode:
    text = """# Interview preparation

Interviewers for case management roles ask you to show your method on a real case,
and you must not identify the people in it. Here you:

1. **Build a sanitized case example.** Write the story you would tell. Every name,
   place, date and number is marked as you type, with a way to say it in general
   terms. Blend details from more than one case (a *composite*), so none can be
   recognized.
2. **Give it a shape the listener can follow**: the situation, your task, the actions
   you took, and the result (STAR). Spend the time on your method (assessment, plan,
   coordination, closure) and on why you chose what you did, not on dramatic detail.
3. **Rehearse the usual questions** about the case management process. Each answer is
   saved and checked, and you can export them all.

The documentation coach reads your story too: facts and the client's words, not
labels."""
    code = "from casework.ui.interview import InterviewApp\n\nInterviewApp.launch()"
    return new_notebook(
        cells=[new_markdown_cell(text, id="teaching"), new_code_cell(code, id="app")],
        metadata=KERNEL,
    )


def cohort_summary() -> nbformat.NotebookNode:
    text = """# For instructors · A cohort at a glance

Collect each student's case file as a JSON export
(`casework export eviction-family --format json --student NAME -o NAME.json`) into one
folder: `cohort/` in the workbook's data folder, or the folder named by the
`CASEWORK_COHORT` environment variable. The app reads them all as it opens; after adding
files, press **Read the exports**.

- **Competencies (2022 EPAS):** how many students showed each behavior in their case
  file, and which behaviors need re-teaching. The map is data you can edit:
  `casework/rules/competencies.yaml`.
- **Teaching signals:** the commonest findings per group (language and stigma, safety,
  SMART goals, consent, missing work), so the language findings are never crowded out.
- **One student:** their stages, first attempt or revised after the model answer,
  competency evidence and reflections.

The report (`cohort-summary.html`, with a page per student in `students/`), every figure
as a CSV, and `gradebook.csv` (one row per student, one column per competency) are saved
in the same folder as the exports. `casework cohort FOLDER` writes the same files."""
    code = "from casework.ui.cohort import CohortApp\n\nCohortApp.launch()"
    return new_notebook(
        cells=[new_markdown_cell(text, id="teaching"), new_code_cell(code, id="app")],
        metadata=KERNEL,
    )


def main() -> None:
    notebooks = {
        "00_start.ipynb": landing(),
        "01_intake.ipynb": intake(),
        "02_assessment.ipynb": assessment(),
        "03_care_plan.ipynb": care_plan(),
        "04_monitoring.ipynb": monitoring(),
        "05_closure.ipynb": closure(),
        "06_interview_prep.ipynb": interview_prep(),
        "07_cohort_summary.ipynb": cohort_summary(),
    }
    for name, notebook in notebooks.items():
        nbformat.write(notebook, NOTEBOOKS / name)


if __name__ == "__main__":
    main()
