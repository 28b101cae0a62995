"""Scales and scores as tables (pandas), ready for charts and reports.

pandas is imported inside each function: an app that has not drawn a table yet does
not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casework.checks.assessment import domain_label
from casework.model import Assessment, CaseRecord, LifeDomain, Scenario

if TYPE_CHECKING:
    import pandas as pd

INITIAL, REASSESSMENT = "Initial assessment", "Reassessment"
T_SCORE = "T-score"


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


def gas_table(record: CaseRecord) -> pd.DataFrame:
    """One row per review (day order): each goal's −2…+2 score and the summary T-score."""
    import pandas as pd

    from casework.checks.monitoring import gas_t_score, ordered_reviews

    # "Goal 1", "Goal 2": numbered as in the plan, so two goals never share a column
    goals = {key: f"Goal {n}" for n, key in enumerate(record.plan.goals, start=1)}
    rows = []
    for _key, review in ordered_reviews(record.monitoring):
        row: dict[str, object] = {"Day": review.day}
        for goal_id, label in goals.items():
            row[label] = review.scores.get(goal_id)
        row[T_SCORE] = gas_t_score(review.scores, record.monitoring.weights)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["Day", *goals.values(), T_SCORE])
    return frame.astype({T_SCORE: "Float64"})


def service_table(record: CaseRecord, scenario: Scenario) -> pd.DataFrame:
    """Referrals, attendance and completion per provider; a planned service never delivered
    shows as such."""
    import pandas as pd

    from casework.checks.monitoring import service_rows

    rows = [
        {
            "Provider": row.name,
            "In the plan": "yes" if row.planned else "no",
            "Referred on day": row.referred_day if row.referred_day is not None else "–",
            "Sessions offered": row.offered,
            "Sessions attended": row.attended,
            "Status": row.status,
        }
        for row in service_rows(record, scenario)
    ]
    columns = [
        "Provider",
        "In the plan",
        "Referred on day",
        "Sessions offered",
        "Sessions attended",
        "Status",
    ]
    return pd.DataFrame(rows, columns=columns)


def scores_over_time(record: CaseRecord, scenario: Scenario) -> pd.DataFrame:
    """Domain scores at each assessment: initial, the 02 reassessment, and each reassessment
    made in monitoring (labelled by the day of the sign that prompted it)."""
    from casework.checks.monitoring import warning_signs

    frame = domain_scores(record.assessment)
    days = {sign.id: sign.day for sign in warning_signs(scenario, record.monitoring)}
    for sign_id, ratings in record.monitoring.reassessments.items():
        column = f"Day {days[sign_id]}" if sign_id in days else sign_id
        frame[column] = [
            (ratings[d].score if d in ratings and ratings[d].score is not None else None)
            for d in LifeDomain
        ]
        frame[column] = frame[column].astype("Float64")
    return frame
