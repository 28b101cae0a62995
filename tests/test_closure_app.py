"""The closure app driven from Python: readiness beside the student's call, procedures,
the summary, the supervisor sending closure back and then approving it, and the export."""

import base64
import re

import pytest

from casework.store import CaseStore
from casework.ui.closure import ClosureApp
from tests.casefiles import monitored, ready_to_close


@pytest.fixture
def app(store: CaseStore, eviction) -> ClosureApp:
    store.save(
        ready_to_close(eviction).model_copy(update={"closure": monitored(eviction).closure}), None
    )
    app = ClosureApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    return app


def saved(store: CaseStore):
    return store.latest("eviction-family").record


def complete_the_ending(app: ClosureApp) -> None:
    app.judgement.value = "ready"
    app.notice_day.value = "70"
    app.closing_day.value = "90"
    app.progress_reviewed.value = True
    app.crisis_plan.value = (
        "If rent is late again, Marisol calls the Rent Relief Fund in the first week."
    )
    app.handoff.value = "Hillcrest Church Pantry: walk in on Tuesday or Saturday mornings."
    app.follow_up.value = "The case manager will phone Marisol on day 120."
    app.reason.value = "Goals met: housing is stable and natural supports are in place."
    app.exit_destination.value = "permanent"


def make_own_call(app: ClosureApp, judgement: str = "ready") -> None:
    app.judgement.value = judgement
    app.judgement_reason.value = "The rent is current and her sister helps each week."


def test_the_records_verdict_waits_for_the_students_own_call(app):
    """Issue 13, item 18, and the design's learning loop: the student commits to a call,
    with a reason, before the record's verdict or its indicators appear."""
    assert "Verdict" not in app.indicators.value
    assert "a strong tie with Sister" not in app.indicators.value
    assert "once you have made your own call" in app.indicators.value
    app.judgement.value = "ready"
    assert "Verdict" not in app.indicators.value, "a call without a reason is not yet a call"
    app.compare.click()
    assert "Say why" in app.comparison.value and "matches" not in app.comparison.value
    app.judgement_reason.value = "The rent is current and her sister helps each week."
    assert "Verdict from the record: Ready to close" in app.indicators.value


def test_readiness_shows_each_indicator_with_its_evidence(app):
    make_own_call(app)
    assert "Verdict from the record: Ready to close" in app.indicators.value
    assert "a strong tie with Sister" in app.indicators.value
    assert "+1 (somewhat more than expected) on day 60" in app.indicators.value


def test_the_students_call_is_compared_and_a_difference_explained(app):
    make_own_call(app, "not_yet")
    app.compare.click()
    assert "You judged “not yet”, but the record shows" in app.comparison.value
    app.judgement.value = "ready"
    app.compare.click()
    assert "Your judgement matches the record" in app.comparison.value


def test_an_early_request_is_sent_back_with_the_missing_items_then_approved(app, store):
    app.request.click()
    review = saved(store).closure.review
    assert review.status == "sent_back"
    joined = " ".join(review.comments)
    for missing in (
        "Advance notice given",
        "Follow-up planned",
        "Exit destination recorded",
        "Give your own judgement",
        "There is no closure summary",
    ):
        assert missing in joined, missing
    assert "Sent back" in app.review.value
    complete_the_ending(app)
    assert saved(store).closure.review.status == "draft", "a change reopens the review"
    app.draft.click()
    assert app.summary.value.startswith("Closure summary: Marisol Vega")
    assert "Hillcrest Church Pantry" in app.summary.value
    app.request.click()
    review = saved(store).closure.review
    assert review.status == "approved", review.comments
    assert review.requests == 2
    assert "Approved" in app.review.value


def test_a_judgemental_summary_is_flagged_and_sent_back(app, store):
    complete_the_ending(app)
    app.summary.value = "Marisol was noncompliant with the budget plan but the rent is paid."
    app.check_summary.click()
    assert ">noncompliant</mark>" in app.summary_feedback.value
    app.request.click()
    assert any("noncompliant" in c for c in saved(store).closure.review.comments)


def test_the_draft_never_overwrites_the_students_text(app):
    app.summary.value = "My own words."
    app.draft.click()
    assert app.summary.value == "My own words."
    assert "kept" in app.summary_feedback.value


def test_a_day_that_is_not_a_number_is_explained_and_not_saved(app, store):
    app.notice_day.value = "next week"
    assert "as a number" in app.procedures.value
    assert saved(store).closure.notice_day is None


def test_the_case_file_exports_as_html_with_every_stage(app, home):
    complete_the_ending(app)
    app.export_html_button.click()
    path = home / "exports" / "eviction-family-case-file.html"
    html = path.read_text(encoding="utf-8")
    for heading in ("1. Intake", "2. Assessment", "3. Care plan", "4. Monitoring", "5. Closure"):
        assert heading in html
    assert html.count("data:image/png;base64,") == 4
    link = re.search(
        r"href='data:text/html;charset=utf-8;base64,([^']+)'", app.export_message.value
    )
    assert base64.b64decode(link.group(1)).decode("utf-8") == html
    app.export_md.click()
    assert (home / "exports" / "eviction-family-case-file.md").read_text().startswith("# Case file")
    # one link for each format, both on screen
    assert "Download the case file (Markdown)" in app.export_message.value
    assert "Download the case file (HTML)" in app.export_message.value


def test_a_case_not_yet_monitored_opens_and_is_sent_back_with_reasons(home):
    store = CaseStore()
    app = ClosureApp(store=store, autosave_delay=0)
    app.picker.value = "eviction-family"
    make_own_call(app)
    assert "Not yet ready" in app.indicators.value
    assert "The care plan has no goals yet" in app.indicators.value
    app.request.click()
    comments = " ".join(saved(store).closure.review.comments)
    assert "8 timeline events are still to come" in comments
    app.draft.click()
    assert "Closure summary: Marisol Vega" in app.summary.value
    app.export_html_button.click()
    assert (home / "exports" / "eviction-family-case-file.html").exists()
