"""Throughput of the checks on a generated corpus, against proselint in the same run.

    make bench            # or: .venv/bin/python benchmarks/checks.py [--texts N]

Every check is called one text at a time, as the apps and the CLI call it. proselint
(installed by `make bench`) lints the same note corpus through its Python API with its
default checks. Targets (issue 3): the coach ≥ 5 000 sentences/s on one core and ≥ 5×
proselint's rate.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from casework.checks.deid import find_identifiers
from casework.checks.goal import check_goal
from casework.checks.note import check_note

SUBJECTS = [
    "Client",
    "She",
    "He",
    "The client",
    "Her mother",
    "The tenant",
    "Client's partner",
    "They",
]
JUDGMENTS = [
    "was manic", "claims she paid", "refused the referral", "is an addict", "was hostile", "is lazy",
    "had a dirty screen", "is in denial", "lacks insight", "was noncompliant", "seemed paranoid",
    "is clearly lying", "doesn't care about the kids", "was difficult", "is wheelchair bound",
]  # fmt: skip
OBSERVATIONS = [
    "arrived 20 minutes late", "said she paid the rent on day 3", "declined the referral", "paced the room",
    "tested negative on day 14", "brought two pay stubs", "cried when talking about her son",
    "asked for a ride to the clinic", "did not answer two calls", "signed the release form",
    'said, "I am so tired of this"', "reported feeling hopeless", "uses a wheelchair",
]  # fmt: skip
TAILS = [
    "",
    " during the home visit",
    " at the office",
    " on day 12",
    " after the hearing",
    " again this week",
]
GOAL_VERBS = [
    "attend",
    "submit",
    "improve",
    "work on",
    "call",
    "obtain",
    "understand",
    "pay",
    "save",
    "sign",
]
GOAL_OBJECTS = ["three AA meetings a week", "the housing application", "her parenting", "the landlord",
                "a state ID card", "her budget", "rent in full", "$200 for a deposit", "the lease"]  # fmt: skip
GOAL_TIMES = [
    "by day 30",
    "within 14 days",
    "soon",
    "for the next 12 weeks",
    "",
    "eventually",
    "by Friday",
]
DEID_PARTS = ["Met Ms. Carter at 14 Elm Street.", "Client attended 10 of 12 meetings.", "Call 555-201-3344.",
              "Her son Mateo is nine.", "She works at a grocery store.", "Seen on March 3.",
              "Client lives in the county.", "Her e-mail is dana@example.org.", "She is in her thirties."]  # fmt: skip


def corpus(count: int, seed: int = 7) -> tuple[list[str], list[str], list[str]]:
    rng = random.Random(seed)
    notes = [
        f"{rng.choice(SUBJECTS)} {rng.choice(JUDGMENTS if rng.random() < 0.5 else OBSERVATIONS)}{rng.choice(TAILS)}."
        for _ in range(count)
    ]
    goals = [
        f"{rng.choice(['Client', 'Marisol', 'We'])} will {rng.choice(GOAL_VERBS)} {rng.choice(GOAL_OBJECTS)} "
        f"{rng.choice(GOAL_TIMES)}".strip()
        + "."
        for _ in range(count)
    ]
    deid = [" ".join(rng.sample(DEID_PARTS, 3)) for _ in range(count)]
    return notes, goals, deid


def rate(check: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        check(text)
    return len(texts) / (time.perf_counter() - start)


def proselint_check() -> Callable[[str], object]:
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("<note>", text).lint()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    notes, goals, deid = corpus(args.texts)
    for check, texts in ((check_note, notes), (check_goal, goals), (find_identifiers, deid)):
        check(texts[0])  # load word lists before timing
    proselint = proselint_check()
    proselint(notes[0])

    rates: dict[str, list[float]] = {"note": [], "goal": [], "deid": [], "proselint": []}
    for _ in range(args.rounds):  # interleaved, so load on the machine affects all alike
        rates["note"].append(rate(check_note, notes))
        rates["goal"].append(rate(check_goal, goals))
        rates["deid"].append(rate(find_identifiers, deid))
        rates["proselint"].append(rate(proselint, notes[: max(1000, args.texts // args.rounds)]))
    median = {name: statistics.median(values) for name, values in rates.items()}

    print(
        f"{args.texts} generated texts per check, {args.rounds} interleaved rounds, one text at a time\n"
    )
    print(f"{'check':<28}{'texts/s':>10}{'vs proselint':>14}")
    rows = [
        ("note (documentation coach)", median["note"]),
        ("goal (SMART)", median["goal"]),
        ("deid (de-identification)", median["deid"]),
        ("proselint, same notes", median["proselint"]),
    ]
    for name, value in rows:
        print(f"{name:<28}{value:>10,.0f}{value / median['proselint']:>13.1f}×")
    ratio = median["note"] / median["proselint"]
    print(
        f"\ncoach target ≥ 5,000/s: {'met' if median['note'] >= 5000 else 'NOT met'}; "
        f"≥ 5× proselint: {'met' if ratio >= 5 else 'NOT met'} ({ratio:.1f}×)"
    )


if __name__ == "__main__":
    main()
