"""Text for the Markdown exports (case file, contract, interview answers)."""

from __future__ import annotations

from html import escape


def md_escape(text: str) -> str:
    """Text for a Markdown file, with raw HTML shown as text: a viewer renders Markdown's
    inline HTML, so "<script>" typed into a field must not become markup there."""
    return escape(text, quote=False)
