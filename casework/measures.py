"""Scales and scores as tables (pandas), ready for charts and reports.

pandas is imported inside each function: an app that has not drawn a table yet does
not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casework.checks.assessment import domain_label
from casework.model import Assessment, LifeDomain

if TYPE_CHECKING:
    import pandas as pd

INITIAL, REASSESSMENT = "Initial assessment", "Reassessment"


def domain_scores(assessment: Assessment) -> pd.DataFrame:
    """One row per life domain; a column per assessment (missing scores are NaN)."""
    import pandas as pd

    rows = {}
    for domain in LifeDomain:
        initial = assessment.initial.get(domain)
        again = assessment.reassessment.get(domain)
        rows[domain_label(domain)] = {
            INITIAL: initial.score if initial else None,
            REASSESSMENT: again.score if again else None,
        }
    frame = pd.DataFrame.from_dict(rows, orient="index", dtype="Float64")
    frame.index.name = "Life domain"
    return frame
