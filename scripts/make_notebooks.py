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
    (None, "Assessment", "life domains, strengths, eco-map (coming next)"),
    (None, "Care plan", "SMART goals, action steps, the written contract (coming next)"),
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
    code = "from casework.ui.intake import IntakeApp\n\nIntakeApp()"
    return new_notebook(
        cells=[new_markdown_cell(text, id="teaching"), new_code_cell(code, id="app")],
        metadata=KERNEL,
    )


def main() -> None:
    for name, notebook in {"00_start.ipynb": landing(), "01_intake.ipynb": intake()}.items():
        nbformat.write(notebook, NOTEBOOKS / name)


if __name__ == "__main__":
    main()
