"""Every check returns, with valid spans, on any Unicode text up to 100 000 characters."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from casework.checks.deid import find_identifiers
from casework.checks.goal import check_goal
from casework.checks.note import check_note
from casework.checks.plain import check_plain_language

CHECKS = [check_note, check_goal, find_identifiers, check_plain_language]
# Words that trigger rules, mixed into random Unicode so the rule paths run too.
SEEDS = [
    "claims",
    "“",
    '"',
    "Mr.",
    "Dayton",
    "refused",
    "clean",
    "555-201-3344",
    "by day 30",
    "want to die",  # the safety rules (rules/safety.yaml) run on the same text
    "denies",
    "will help the",
    "kids home alone",
    "\n",
    " ",
    "—",
]


@st.composite
def texts(draw) -> str:
    piece = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
    seeds = draw(st.lists(st.sampled_from(SEEDS), max_size=8))
    unit = piece + " ".join(seeds)
    repeat = draw(st.sampled_from([1, 1, 1, 10, 100_000 // max(1, len(unit))]))
    return (unit * repeat)[:100_000]


def _valid(text: str, report) -> None:
    for finding in report.findings:
        assert finding.severity in {"info", "warning", "error"}
        assert finding.rule and finding.message
        assert finding.start is not None and finding.end is not None
        assert 0 <= finding.start <= finding.end <= len(text)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts())
def test_every_check_handles_any_text(text):
    for check in CHECKS:
        _valid(text, check(text))


@settings(max_examples=200)
@given(st.text(max_size=300))
# goals that end on a helping word, where the action would be read past the last word
@example("HELP")
@example("Client will help the")
@example("Support")
def test_short_arbitrary_unicode(text):
    for check in CHECKS:
        _valid(text, check(text))


def test_the_longest_texts_still_return():
    text = ("Client claims 555-201-3344 “x” each week Mr. Smith at 14 Elm St. " * 2000)[:100_000]
    for check in CHECKS:
        _valid(text, check(text))
