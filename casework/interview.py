"""A candidate's interview preparation: the sanitized case story and the practice answers,
kept as one draft in the student's case file, and exported as Markdown."""

from __future__ import annotations

from pydantic import BaseModel, Field

from casework.checks.interview import StoryReport, check_answer, check_story, prompts
from casework.markdown import md_escape

DRAFT_NAME = "interview-prep"


class InterviewDraft(BaseModel):
    story: str = ""
    answers: dict[str, str] = Field(default_factory=dict)  # prompt id -> answer


def _status(report: StoryReport) -> str:
    if report.ok:
        return "passes the checks"
    problems = sum(f.severity in ("warning", "error") for f in report.findings)
    return f"{problems} point(s) to revise"


def answers_markdown(draft: InterviewDraft) -> str:
    """Every answer under its question, each with where it stands against the checks."""
    lines = ["# Interview preparation", ""]
    if draft.story.strip():
        lines += [
            "## My sanitized case example",
            "",
            md_escape(draft.story.strip()),
            "",
            f"*Check: {_status(check_story(draft.story))}.*",
            "",
        ]
    for question in prompts():
        answer = draft.answers.get(question.id, "").strip()
        lines += [f"## {question.question}", ""]
        if answer:
            status = _status(check_answer(question.id, answer))
            lines += [md_escape(answer), "", f"*Check: {status}.*", ""]
        else:
            lines += ["*Not answered yet.*", ""]
    return "\n".join(lines)
