"""The de-identification check's data: rule file, name and place lists, and the word sets
that say when a capitalised word is a person, a place or neither (`deid.py`, `deid_names.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from casework.rules import load_rules, word_list

_RELATIONS = frozenset({
    "mama", "papa", "auntie", "tia", "tio", "abuela", "abuelo", "nana", "granny", "grandma", "grandpa",
    "son", "daughter", "mother", "father", "mom", "dad", "husband", "wife", "partner", "boyfriend",
    "girlfriend", "grandmother", "grandfather", "grandson", "granddaughter", "niece", "nephew",
    "cousin", "aunt", "uncle", "sister", "brother", "friend", "neighbor", "neighbour", "roommate",
    "caseworker", "landlord", "teacher", "counselor", "counsellor", "therapist", "supervisor", "boss",
    "coworker", "stepson", "stepdaughter", "stepmother", "stepfather", "baby", "spouse", "fiance",
    "fiancee", "sponsor", "mentor", "named", "called", "nicknamed", "releasee", "parolee",
    "probationer", "buyer", "homebuyer", "seller", "borrower", "dtr",
})  # fmt: skip
# Capitalised words that follow a relation without being a name: "her son Monday", "my mom Said".
_NEVER_NAMES = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "Is", "Was", "Has", "Had", "Said", "And", "The", "Who", "When", "Also", "Again",
    "I",  # "talked with my supervisor I am asking…": the pronoun, never a name
})  # fmt: skip
_TITLES = frozenset(
    {"mr", "mrs", "ms", "mx", "miss", "dr", "rev", "officer", "judge", "pastor", "coach"}
)
# Words that make the next capitalised word a place: "moved from Dayton".
_PLACE_CUES = frozenset(
    {
        "in",
        "from",
        "to",
        "near",
        "outside",
        "around",
        "of",
        "at",
        "moved",
        "lives",
        "visiting",
        "toward",
        "towards",
    }
)


@dataclass(frozen=True)
class _Data:
    # (kind, pattern, needs): a pattern with `needs` runs only on a text that contains one
    # of those words (lower case), so rare kinds cost almost nothing on ordinary text
    patterns: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]
    generalise: dict[str, str]
    source: str
    not_names: frozenset[str]
    name_cues: frozenset[str]
    name_after: frozenset[str]
    everyday: frozenset[str]
    not_person_names: frozenset[str]
    named_things: frozenset[str]  # "amber alert": two words, a name among them, no person
    first: dict[str, bool]  # lower-case name → also a common word
    last: dict[str, bool]
    places: dict[str, bool]
    multiword_places: dict[str, tuple[str, ...]]
    states: frozenset[str]  # lower case: a state is broad enough to keep (Safe Harbor)
    countries: frozenset[str]  # lower case: a country is broader still
    employers: re.Pattern[str]
    generic: frozenset[str]


@cache
def _data() -> _Data:
    rules = load_rules("deid")
    places = {name.lower(): common for name, common in word_list("places_us")}
    multiword: dict[str, tuple[str, ...]] = {}
    for name in places:
        words = tuple(name.split())
        if len(words) > 1:
            multiword.setdefault(words[0], ())
            # longest first, so "New York City" is found before "New York"
            multiword[words[0]] = tuple(sorted((*multiword[words[0]], name), key=len, reverse=True))
    employers = sorted(rules["employers"], key=len, reverse=True)
    return _Data(
        patterns=tuple(
            (rule["id"], re.compile(rule["regex"], re.MULTILINE), tuple(rule.get("needs", ())))
            for rule in rules["patterns"]
        ),
        generalise=rules["generalise"],
        source=rules["source"],
        not_names=frozenset(rules["not_names"]),
        name_cues=frozenset(rules["name_cues"]),
        name_after=frozenset(rules["name_after"]),
        # the world list's word-names ("Blessing", "Promise") are everyday words in lower case
        everyday=frozenset(rules["everyday_words"])
        | {name.lower() for name, common in word_list("names_world") if common},
        not_person_names=frozenset(rules["not_person_names"]),
        named_things=frozenset(rules["named_things"]),
        first={
            name.lower(): common
            for names in ("names_first", "names_world")
            for name, common in word_list(names)
        },
        last={name.lower(): common for name, common in word_list("names_last")},
        places=places,
        multiword_places=multiword,
        states=frozenset(state.lower() for state in rules["states"]),
        countries=frozenset(country.lower() for country in rules["countries"]),
        generic=frozenset(rules["generic_place_words"]),
        # brands as written ("Target", "TARGET"), so the words "target" and "gap" stay words
        employers=re.compile(
            r"(?<![\w'])(?:"
            + "|".join(
                re.escape(e) for name in employers for e in dict.fromkeys((name, name.upper()))
            )
            + r")(?![\w'])"
        ),
    )
