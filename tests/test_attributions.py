"""Attributions (issue 13, item 16): each idea is credited to the reference it comes from.

- The written contract's six elements: the Encyclopedia of Social Work's entry on case
  management (reference 004, "Establishing a Written Contract"), which cites Jones &
  Biesecker (1979) and Stein, Gambrill & Wiltse (1977). Not the practice guide.
- "Analyze and adjust": Bonnie Spring, quoted in the white paper "3 Principles for
  Effective Social Work Case Management" (Bitfocus / Clarity Human Services, 2016,
  references 000 and 001). Not the practice guide.
"""

import re
from pathlib import Path

from casework.checks.plan import contract_status
from casework.contract import contract_html
from casework.model import CaseRecord
from casework.rules import load_rules

REPO = Path(__file__).resolve().parent.parent
GUIDE = re.compile(r"practice guide|reference 002", re.IGNORECASE)
CONTRACT = re.compile(r"six (elements|parts|items)|written contract's", re.IGNORECASE)
ADJUST = re.compile(r"analy[sz]e (and|&) adjust", re.IGNORECASE)


def _texts() -> list[tuple[Path, list[str]]]:
    files = [
        *sorted((REPO / "casework").rglob("*.py")),
        *sorted((REPO / "casework").rglob("*.yaml")),
        *sorted((REPO / "notebooks").glob("*.ipynb")),
        REPO / "scripts" / "make_notebooks.py",
    ]
    return [(path, path.read_text(encoding="utf-8").splitlines()) for path in files]


def _credited_to_the_guide(pattern: re.Pattern[str]) -> list[str]:
    """Lines that name the idea with the practice guide within two lines of it."""
    wrong = []
    for path, lines in _texts():
        for number, line in enumerate(lines):
            if not pattern.search(line):
                continue
            window = " ".join(lines[max(0, number - 2) : number + 3])
            if GUIDE.search(window):
                wrong.append(f"{path.relative_to(REPO)}:{number + 1}: {line.strip()}")
    return wrong


def test_the_contracts_six_elements_are_credited_to_the_encyclopedia_entry_jones_biesecker_stein_gambrill_wiltse(
    eviction,
):
    """The six contract elements come from the Encyclopedia of Social Work's case-management
    entry (Jones & Biesecker 1979; Stein, Gambrill & Wiltse 1977), not the practice guide."""
    source = load_rules("care_plan")["contract_source"]
    for name in ("Encyclopedia of Social Work", "Jones & Biesecker", "Stein, Gambrill & Wiltse"):
        assert name in source
    assert not GUIDE.search(source)
    assert _credited_to_the_guide(CONTRACT) == []
    record = CaseRecord(case_id="eviction-family", scenario_id="eviction-family")
    html = contract_html(record, eviction, contract_status(record, eviction))
    assert "Jones &amp; Biesecker" in html and "Stein, Gambrill &amp; Wiltse" in html


def test_analyze_and_adjust_is_credited_to_spring_in_the_white_paper_not_the_practice_guide():
    """The phrase "analyze and adjust" is Bonnie Spring's, quoted in the Bitfocus / Clarity
    white paper (2016), not the practice guide's."""
    source = load_rules("monitoring")["source"]
    assert "Spring" in source and "white paper" in source
    assert _credited_to_the_guide(ADJUST) == []
