"""Achievable, for money: a sum to save or pay, a monthly amount, a purchase or paid help,
weighed against the income the goal line itself states (`realism.money` in
`casework/rules/smart.yaml`, with its sources). Nothing is said when no income is stated.
"""

from __future__ import annotations

import math
import re
from typing import Any

from casework.checks.goal_figures import _money, _plural, _realism_patterns
from casework.checks.goal_parse import (
    Criterion,
    _lists,
    _Parse,
)
from casework.checks.text import Passage

_PER_MONTH = {"hour": 0.0, "hr": 0.0, "day": 30, "daily": 30, "week": 52 / 12, "wk": 52 / 12,
              "weekly": 52 / 12, "month": 1, "mo": 1, "mth": 1, "monthly": 1, "year": 1 / 12,
              "yr": 1 / 12, "yearly": 1 / 12, "annually": 1 / 12, "hourly": 0.0}  # fmt: skip


_INCOME_AFTER = re.compile(
    r"\s*(?:social\s+security\s+|ssi\s+|ssdi\s+|pension\s+|disability\s+)?"
    r"(?:check|checks|paycheck|income|budget|stipend|allotment|benefits?|take-home(?:\s+pay)?)\b",
    re.I,
)
# "pays $650 rent", "rent is $650": the part of the income already spent each month
_RENT = re.compile(
    r"\bpays?\s+\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?:\s*(?:a|per)\s+month|\s*/\s*mo)?\s+(?:in\s+|for\s+)?rent\b"
    r"|\brent\s+(?:is|of)\s+\$\s?(?P<amount2>\d{1,3}(?:,\d{3})+|\d+)",
    re.I,
)
_ON_RATE = re.compile(r"\bon\s+(?:an?\s+)?$", re.I)
_FULL_TIME = re.compile(r"\bfull[- ]time\b", re.I)
_NO_INCOME = re.compile(
    r"\bno\s+(?:income|earnings)\b(?!\s+(?:limit|requirement|cap|test|ceiling|rules?))|\bzero\s+income\b",
    re.I,
)


# "$1,400 in monthly income": the period and the word income after the amount
_IN_INCOME = re.compile(
    r"\s+in\s+(monthly|weekly|yearly|annual)\s+(?:income|benefits?|earnings|wages|pay)\b", re.I
)
# "will put $5,000 into savings each month": the rate a few words after the amount
_EACH_MONTH = re.compile(
    r"\s+(?:into|in|to|toward|towards)\s+(?:[\w-]+\s+){0,2}?(?:each|every)\s+month\b", re.I
)
_PERIOD_BEFORE = re.compile(r"\b(monthly|weekly|yearly|annual)\b[^$\d]{0,20}$", re.I)


def _period_before(text: str, start: int) -> str | None:
    """The period named just before an income amount ("a monthly income of $1,050")."""
    match = _PERIOD_BEFORE.search(text, max(0, start - 30), start)
    word = match[1].lower() if match else None
    return "yearly" if word == "annual" else word


def _role(actor: str | None) -> str:
    """The goal's actor for an example sentence: a role in lower case ("guest"), a name as is."""
    if not actor:
        return "client"
    return actor.lower() if actor.lower() in _lists()["actors"] else actor


def _money_realism(
    text: str, passage: Passage, parse: _Parse, rules: dict[str, Any]
) -> Criterion | None:
    """A sum to save or pay, or a purchase in cash, far beyond the income the line states."""
    money = rules["money"]
    if "$" not in text or not parse.verbs:
        return None
    # "will have first month, last month and a $2,000 deposit saved": a saving too
    saved = parse.verbs[0] == "have" and re.search(r"\bsaved\b", text, re.I)
    if parse.verbs[0] not in money["verbs"] and not saved:
        return None
    patterns = _realism_patterns()
    income: float | None = None
    rates: list[tuple[str, float, str]] = []  # (as written, a month, its unit)
    lumps: list[float] = []
    income_words: str | None = None
    hired: tuple[str, float] | None = None
    rent = _RENT.search(text)
    for match in patterns["money"].finditer(text):
        if rent and rent.start() <= match.start() < rent.end():
            continue  # the rent the line states is spent, not saved (see below)
        amount = float(match["amount"].replace(",", "")) * (1000 if match["k"] else 1)
        per = patterns["per"].match(text, match.end())
        unit = (per["per"] or per["adv"]).lower() if per else None
        end = per.end() if per else match.end()
        cue = patterns["income_cue"].search(text, max(0, match.start() - 30), match.start())
        if not per and (monthly := _EACH_MONTH.match(text, match.end())):
            unit, end = "month", monthly.end()  # "$5,000 into savings each month"
        if not per and (stated := _IN_INCOME.match(text, match.end())):
            unit, end = stated[1].lower().replace("annual", "yearly"), stated.end()
            cue = stated
        # "on a $1,100 monthly check": a rate that names itself as income
        cue = cue or (unit and _INCOME_AFTER.match(text, end))
        # "Tenant on $1,100/mo will pay …": a monthly rate someone lives on
        cue = cue or (unit and _ON_RATE.search(text, max(0, match.start() - 6), match.start()))
        # "$943 SSI", "$1,400/mo VA pension": a benefit named after the amount or its rate
        benefit = patterns["benefit"].match(text, match.end()) or patterns["benefit"].match(
            text, end
        )
        if unit in {"hour", "hr", "hourly"}:  # a wage: "20 hrs/wk at $11/hr"
            hours = patterns["hours"].search(text)
            if not cue and not hours and _FULL_TIME.search(text):
                # "hire a full-time caregiver at $28/hr": a cost, counted at the fewest hours
                # that are full time
                hired = (
                    text[match.start() : end].strip(),
                    amount * money["least_full_time_hours"] * 52 / 12,
                )
            elif hours and income is None:
                income = amount * float(hours["h"]) * 52 / 12
            elif income is None and cue:  # "earns $11 an hour": counted as full time at most
                full_time = money["full_time_hours"]
                income = amount * full_time * 52 / 12
                income_words = (
                    f"${amount:,.2f}".removesuffix(".00") + f" an hour (about {_money(income)} "
                    f"a month before taxes, even at {full_time} hours a week)"
                )
        elif cue or benefit:
            # "a monthly income of $1,050": the period may come before the amount
            ahead = (unit or _period_before(text, match.start())) if cue else unit
            if income is None and (ahead or benefit):
                income = amount * (_PER_MONTH[ahead] if ahead else 1)  # benefits are monthly
        elif unit:
            rates.append((text[match.start() : end].strip(), amount * _PER_MONTH[unit], unit))
        elif not re.search(
            r"\btowards?\s+(?:the\s+|her\s+|his\s+|their\s+)?$",
            text[max(0, match.start() - 16) : match.start()],
            re.I,
        ):
            lumps.append(amount)
    source = str(money["source"])
    if income_words:
        source = f"{source}; {money['full_time_note']}"
    if not income and re.search(r"\bminimum[- ]wage\b", text, re.I):
        hours = patterns["hours"].search(text)
        if hours:  # "works 12 hrs a week at minimum wage": at most this, even at a high wage
            ceiling = money["minimum_wage_ceiling"]
            income = float(hours["h"]) * ceiling * 52 / 12
            income_words = (
                f"{hours['h']} hours a week at minimum wage (less than {_money(income)} a "
                f"month, even at ${ceiling} an hour)"
            )
            source = f"{source}; {money['minimum_wage_note']}"
    if income and hired and hired[1] > income:
        least = money["least_full_time_hours"]
        return Criterion(
            False,
            f"Full-time help at {hired[0]} costs about {_money(hired[1])} a month even at {least} "
            f"hours a week, more than the whole income the goal states ({_money(income)} a "
            "month). Name a source that could pay (Medicaid home care, a waiver program, family "
            f"help) and a first step, e.g. “By day 14 CM and {_role(parse.actor)} will apply for "
            "the Medicaid personal care program, and CM will confirm the assessment date”.",
            f"{money['source']}; {money['least_full_time_note']}",
        )
    if not income and lumps and parse.deadline_days and _NO_INCOME.search(text):
        verb = parse.verbs[0]
        if (
            verb in {"save", "pay", "repay", "put", "set", "deposit", "contribute", "raise"}
            or saved
        ):
            return Criterion(
                False,
                f"The goal says there is no income, so {_money(lumps[0])} in "
                f"{parse.deadline_days} days has to come from somewhere the goal does not name. "
                "Name the source and a first step toward it, e.g. “By day 7 "
                f"{_role(parse.actor)} will apply to an emergency assistance fund for it, "
                "and show CM the receipt”.",
                str(money["source"]),
            )
        if verb in {"buy", "purchase"}:  # a purchase with no income: a loan still needs one
            return Criterion(
                False,
                f"The goal says there is no income, so paying {_money(lumps[0])} for it in "
                f"{parse.deadline_days} days needs money from somewhere the goal does not "
                "name, and a lender asks for income too. Name the source, or set a first step, "
                f"e.g. “By day 14 {_role(parse.actor)} will meet a financial counselor to plan "
                "what fits the budget while there is no income”.",
                str(money["source"]),
            )
    if not income:
        return None  # no income stated: say nothing about what the budget allows
    if rates:
        written, monthly, unit = max(rates, key=lambda r: r[1])
        paid = float((rent["amount"] or rent["amount2"]).replace(",", "")) if rent else 0.0
        if rent and income > paid and monthly > income - paid:
            left = income - paid
            return Criterion(
                False,
                f"{written} is more than what the income the goal states leaves after the rent "
                f"it names: {_money(income)} a month less {_money(paid)} rent is "
                f"{_money(left)}, before food and bills. Set a monthly amount below "
                f"{_money(left)} that the written budget allows, and the total it reaches in "
                "the time the goal gives.",
                source,
            )
        if monthly > income:
            as_monthly = "" if _PER_MONTH[unit] == 1 else f" ({_money(monthly)} a month)"
            return Criterion(
                False,
                f"{written}{as_monthly} is more than the whole income the goal "
                f"states, {_money(income)} a month, before rent and food. Set a monthly amount "
                f"the written budget leaves after rent, food and bills (less than "
                f"{_money(income)}), and the total it reaches in the time the goal gives.",
                source,
            )
        return None
    days = parse.deadline_days
    if not days:
        return None
    # Income comes in by the month: a month's rent is due out of a month's income, however
    # few days the goal gives; count every month the goal's time touches.
    months = max(1, math.ceil(days / 30))
    total = income * months
    verb = parse.verbs[0]
    if lumps and lumps[0] > total:
        target = lumps[0]
        paying = verb in {"pay", "repay", "clear", "settle"}
        plan = "a payment plan" if paying else "a savings amount"
        doing = "pay" if paying else "save"
        cannot = "cover" if verb in {"buy", "purchase"} else doing
        return Criterion(
            False,
            f"{income_words or _money(income) + ' a month'} cannot {cannot} {_money(target)} in {days} days: all "
            f"of it, {_plural(months, 'month')}, comes to {_money(total)}, before rent and "
            f"food, and even every dollar would take {_plural(math.ceil(target / income), 'month')}. "
            f"Set {plan} the budget "
            f"allows, e.g. “{parse.actor or 'Client'} will {doing} $[the amount the budget "
            f"leaves] a month toward the {_money(target)} for the next {days} days, shown by "
            "the statements”" + (", or ask the creditor about a hardship plan." if paying else "."),
            source,
        )
    if verb in {"buy", "purchase"} and any(c in text.lower() for c in money["cash_cues"]):
        window = passage.norms[(parse.verb_index or 0) : (parse.verb_index or 0) + 5]
        item = next((w for w in window if w in money["purchase_floors"]), None)
        if item and total < money["purchase_floors"][item]:
            return Criterion(
                False,
                f"About {_money(income)} a month comes to about {_money(total)} in "
                f"{_plural(months, 'month')}, "
                f"and a {item} bought with cash costs far more ({money['purchase_note']}). Set "
                "a step the income allows, e.g. “By month "
                f"{max(1, math.ceil(days / 30))} {parse.actor or 'Client'} will meet a "
                "HUD-approved housing counselor and open a savings account for a down payment, "
                "and show CM the first statement”.",
                f"{source}; {money['purchase_note']}",
            )
    return None
