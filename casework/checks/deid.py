"""De-identification: find the details that could single out a real person.

Patterns, cue words and generalisations live in `casework/rules/deid.yaml`; names come
from US Census lists and places from GeoNames (`names_*.txt`, `places_us.txt`). Phone
numbers are found with Google's `phonenumbers` library. Counts, durations and years on
their own ("10 of 12 meetings", "within 30 days", "in 2019") are not identifiers.

`find_identifiers(text, declared=...)` always reports the declared fictional names of a
scenario: a sanitized example must not carry them either. Scenario files themselves are
checked with `identifiers_in_document`, which accepts their declared names and places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

import phonenumbers

from casework.checks.findings import Finding, Report
from casework.checks.text import Passage
from casework.rules import load_rules, word_list

_MESSAGES = {
    "name": "reads as a person's name",
    "place": "names a place smaller than a state",
    "address": "is part of a street address",
    "employer": "names an employer",
    "school": "names a school",
    "facility": "names a facility or organisation that could locate the person",
    "date": "is a date more precise than the year",
    "age": "is an age over 89",
    "phone": "is a phone or fax number",
    "email": "is an e-mail address",
    "url": "is a web address",
    "ip-address": "is an IP address",
    "ssn": "is a social security number",
    "record-number": "looks like a case, record, account, licence or plate number",
    "handle": "is a social media handle",
    "initials": "are initials, which come from a real name",
    "event": "describes an event unique enough to point to one person or family",
}
_RELATIONS = frozenset({
    "mama", "papa", "auntie", "tia", "tio", "abuela", "abuelo", "nana", "granny", "grandma", "grandpa",
    "son", "daughter", "mother", "father", "mom", "dad", "husband", "wife", "partner", "boyfriend",
    "girlfriend", "grandmother", "grandfather", "grandson", "granddaughter", "niece", "nephew",
    "cousin", "aunt", "uncle", "sister", "brother", "friend", "neighbor", "neighbour", "roommate",
    "caseworker", "landlord", "teacher", "counselor", "counsellor", "therapist", "supervisor", "boss",
    "coworker", "stepson", "stepdaughter", "stepmother", "stepfather", "baby", "spouse", "fiance",
    "fiancee", "sponsor", "mentor", "named", "called", "nicknamed",
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


def _finding(kind: str, text: str, start: int, end: int) -> Finding:
    data = _data()
    return Finding(
        rule=f"deid.{kind}",
        category=kind,
        severity="error",
        message=f"“{text[start:end]}” {_MESSAGES[kind]}, which can identify a real person.",
        suggestion=f"Generalise it: {data.generalise[kind]}.",
        source=data.source,
        start=start,
        end=end,
    )


def _generic(name: str) -> bool:
    """A school or facility named only by kind ("the Community Center") identifies nobody."""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return all(word in _data().generic for word in words[:-1])


def _phones(text: str) -> Iterator[tuple[int, int]]:
    matcher = phonenumbers.PhoneNumberMatcher(
        text, "US", leniency=phonenumbers.Leniency.POSSIBLE, max_tries=10_000
    )
    for match in matcher:
        yield match.start, match.end


def _shape(token_text: str) -> str:
    if token_text.isupper() and len(token_text) > 1:
        return "caps"
    if token_text[:1].isupper():
        return "title"
    return "lower"


_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "dr", "rev"})


def _base(word: str) -> str:
    """A word without its possessive: "Mark's" → "Mark"."""
    return word[:-2] if word[-2:] in {"'s", "’s"} else word


_PERSON_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:the\s+)?(?:cl|client|pt|patient|mom|dad|her|his|their)(?:'s|’s)\s+[a-z-]+\b"
    r"|(?:dob|d\.o\.b\.|date of birth|age|aged)\b"
    # "Patience, the maternal aunt, …", "Major, the older son, …"
    r"|the\s+(?:\w+\s+)?(?:aunt|uncle|son|daughter|mother|father|sister|brother|cousin|grandmother|"
    r"grandfather|niece|nephew|neighbor|neighbour|caregiver|partner|boyfriend|girlfriend)\b)",
    re.I,
)
_APPOSITION = re.compile(
    r"\s*(?:,\s*\d{1,2}\s*,|\(\s*(?:the\s+)?(?:cl|client|pt|patient|mom|dad|her|his|their)?(?:'s|’s)?\s*[a-z-]+\s*\))"
)


def _name_run_end(passage: Passage, i: int) -> int:
    """The last token of the capitalised words from i that could be one name
    ("Oluwaseun Adeyemi", "Pierre-Louis"), at most four."""
    tokens, j = passage.tokens, i
    while j + 1 < len(tokens) and j - i < 3:
        gap = passage.text[tokens[j].end : tokens[j + 1].start]
        following = tokens[j + 1].text
        if gap not in {" ", "-"} or not (
            _maybe_name_word(following)
            or (
                following[:1].isupper()
                and following not in _NEVER_NAMES
                and _base(following).lower() in _data().first
            )
        ):
            break
        j += 1
    return j


def _name_run_start(passage: Passage, i: int) -> int:
    """The first token of the run of capitalised words that ends at token i."""
    tokens, j = passage.tokens, i
    while j > 0 and passage.text[tokens[j - 1].end : tokens[j].start] in {" ", "-"}:
        if not _maybe_name_word(tokens[j - 1].text):
            break
        j -= 1
    return j


def _person_cued(passage: Passage, i: int, listed: bool) -> bool:
    """Does what comes after the name at token i make it a person: "Hope told me", "Mark's
    probation officer", "Jesus and his brother", "Rose (cl's aunt)", "Faith, 16,"? `listed`:
    the word is on a name list, so weaker cues ("Dawn from the food bank") count too."""
    data, tokens, norms = _data(), passage.tokens, passage.norms
    if listed or not passage.is_sentence_start(i):
        i = _name_run_end(passage, i)  # an unknown word opening a sentence needs its own cue
    following = norms[i + 1] if i + 1 < len(norms) else ""
    spaced = i + 1 < len(tokens) and passage.text[tokens[i].end : tokens[i + 1].start] == " "
    if (following in data.name_after and spaced) or _base(norms[i]) != norms[i]:
        return True  # "Kwabena said", "Mark's"
    if following == "was" and norms[i + 2 : i + 3] and norms[i + 2] in _PASSIVE_CUES:
        return True  # "Joy was seen"
    after = passage.text[tokens[i].end : tokens[i].end + 40]
    if _APPOSITION.match(after) or _PERSON_APPOSITION.match(after):
        return True  # "Rose (cl's aunt)", "Thanuja Ratnayake, pt's daughter"
    previous = norms[first - 1] if (first := _name_run_start(passage, i)) > 0 else ""
    if previous == "per" and re.match(r"\s*,", after):
        return True  # "Per Justice, his mom left": a source named for what follows
    if following == "and" and norms[i + 2 : i + 3] in (["his"], ["her"], ["their"]):
        return True
    if (
        following == "and"
        and norms[i + 2 : i + 3] == ["the"]
        and norms[i + 3 : i + 4]
        and (norms[i + 3] in _FAMILY)
    ):
        return True  # "Dawn and the kids are on the waitlist"
    start = _name_run_start(passage, i)
    if (
        i > start
        and following in {"is", "was", "has", "had"}
        and all(_maybe_name_word(t.text) or t.norm in data.first for t in tokens[start : i + 1])
    ):
        return True  # "Jinna Langrine is staying with cousins": a full name, then its verb
    age = norms[i + 2] if i + 2 < len(norms) else ""
    if following in {"is", "was", "turned", "turns"} and age.isdigit() and len(age) <= 3:
        return True  # "Ludmila Petrova is 91"
    start = _name_run_start(passage, i)
    if start > 0 and norms[start - 1] in _OBJECT_VERBS and not passage.is_sentence_start(start):
        return True  # "helped Blessing fill out the form"
    relation = norms[i + 3] if i + 3 < len(norms) else ""
    if (
        following in {"is", "was"}
        and norms[i + 2 : i + 3] in (["the"], ["her"], ["his"], ["their"])
        and relation in _RELATIONS
    ):
        return True  # "Parvathi Ramasubramanian is the daughter listed as proxy"
    if (
        following == "and"
        and i + 2 < len(tokens)
        and (_maybe_name_word(tokens[i + 2].text) or norms[i + 2] in data.first)
        and tokens[i + 2].text[:1].isupper()
        and _person_cued(passage, i + 2, listed)
    ):
        return True  # "Hope and Faith (twins) were placed": named together
    return listed and following == "from" and norms[i + 2 : i + 3] == ["the"]


_CALENDAR = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
})  # fmt: skip
_SPEECH_VERBS = frozenset({"said", "told", "asked", "texted", "called", "reported", "stated",
    "explained", "says", "tells", "asks"})  # fmt: skip
# Verbs whose object, capitalised, is a person: "helped Blessing fill out the form"
_OBJECT_VERBS = frozenset({"helped", "told", "asked", "met", "saw", "visited", "drove", "reminded",
    "gave", "picked", "hugged", "thanked", "texted", "phoned", "interviewed", "accompanied"})  # fmt: skip


def _calendar_cue(previous: str) -> bool:
    """Is the word before a calendar word one that makes it a date ("on Sunday", "last May")?"""
    return previous in {"on", "last", "next", "this", "every", "each", "since", "until", "by", "in"}


_FAMILY = frozenset({"kids", "children", "baby", "family", "boys", "girls", "twins", "grandkids"})
_PASSIVE_CUES = frozenset({
    "seen", "placed", "picked", "removed", "admitted", "discharged", "referred", "interviewed",
    "born", "arrested", "released", "evicted", "hospitalized", "diagnosed", "adopted", "absent",
    "tardy", "suspended", "expelled", "truant",
})  # fmt: skip


def _maybe_name_word(word: str) -> bool:
    """Could this capitalised word be a name nobody listed: not a pronoun, role, month,
    state or everyday label?"""
    data, base = _data(), _base(word)
    lower = base.lower()
    return (
        base[:1].isupper()
        and not base.isupper()
        and base.replace("-", "").isalpha()
        and len(base) > 2
        and not lower.endswith(("ing", "ed"))  # "Heating works", "Organised:" open a note line
        and base not in _NEVER_NAMES
        and base not in data.not_names
        and base.capitalize() not in data.not_names
        and lower not in data.not_person_names
        and lower.removesuffix("s") not in data.not_person_names
        and lower not in _RELATIONS
        and lower not in data.states
        and lower not in data.places
    )


def _reads_as_name(passage: Passage, i: int, proper: bool, declared: set[str]) -> bool:
    """Is token i a person's name? Declared names always are; list names by case and cue."""
    data, token = _data(), passage.tokens[i]
    norm = _base(passage.norms[i])
    previous = passage.norms[i - 1] if i else ""
    following = passage.norms[i + 1] if i + 1 < len(passage.norms) else ""
    if norm in declared:
        return True
    text = _base(token.text)
    if text in _CALENDAR and following in _SPEECH_VERBS and not _calendar_cue(previous):
        return True  # "Sunday told night staff": a day cannot speak
    if text in _NEVER_NAMES or norm in _RELATIONS or norm in data.not_person_names:
        return False
    if re.match(r"-[a-z]", passage.text[token.end : token.end + 2]):
        return False  # "an Oscar-worthy performance": part of a compound word
    if text[:1].isupper() and not text.isupper() and text not in _NEVER_NAMES:
        listed = norm in data.first
        if (listed or _maybe_name_word(text)) and _person_cued(passage, i, listed):
            return True  # "Hope told me", "Kwabena said", "Mark's probation officer"
    # "…with my supervisor. As a result": a role word does not cue across a sentence end
    honorific = previous in _HONORIFICS  # "Mrs. O'Brien": the full stop ends no sentence
    role = "" if passage.is_sentence_start(i) and not honorific else previous
    listed = token.text in data.not_names or token.text.capitalize() in data.not_names
    if (
        token.text[:1].isupper()
        and role in _RELATIONS
        and token.text not in _NEVER_NAMES
        # "called APS", "her worker at CPS": an agency, not a person
        and not (listed and (token.text.isupper() or role == "called"))
    ):
        return True  # "her daughter Aaliyah": a name even if no list knows it
    if honorific and token.text.isalpha() and len(norm) > 1:
        return True  # "Dr. Williams", "mr. nguyen": whatever the case
    if role in _TITLES and token.text[:1].isupper():
        return True  # "Officer Ramirez", not "an officer brought"
    if proper:
        if role in _TITLES:
            return True
        if norm in data.states and previous in _PLACE_CUES:
            return False  # "moved from Georgia": the state, kept under Safe Harbor
        if norm in data.first:
            # A name that is also a word ("Hope") needs a cue when it opens a sentence.
            cued = previous in data.name_cues or following in data.name_after
            return not data.first[norm] or not passage.is_sentence_start(i) or cued
        # "moved to Springfield": a place cue outranks the surname list
        place_cued = norm in data.places and previous in _PLACE_CUES and role not in _TITLES
        return (
            norm in data.last
            and not data.last[norm]
            and not passage.is_sentence_start(i)
            and not place_cued
        )
    if _shape(token.text) != "lower" or norm not in data.first:
        return False
    if previous in _TITLES | {"named", "called", "nicknamed"}:
        return True
    # A lower-case name that is no everyday word: "maria", "brandon" (not "will", "foster").
    return (
        norm not in data.everyday
        and len(norm) > 2
        and token.text.capitalize() not in data.not_names
    )


def _names(passage: Passage, declared: set[str]) -> Iterator[tuple[str, int, int]]:
    """Person names (and gazetteer places) found token by token."""
    data, tokens, norms = _data(), passage.tokens, passage.norms
    i = 0
    while i < len(tokens):
        token = tokens[i]
        shape = _shape(token.text)
        previous = norms[i - 1] if i else ""
        proper = (
            shape != "lower"
            and token.text.capitalize() not in data.not_names
            and token.text not in data.not_names
        )
        capital = token.text[:1].isupper()
        state = _state_at(passage, i) if capital else None
        following = norms[state] if state is not None and state < len(norms) else ""
        if state is not None and (following not in data.name_after or previous in _PLACE_CUES):
            i = state  # Safe Harbor keeps states and countries: "moved from New York"
            continue
        if not _reads_as_name(passage, i, proper, declared):
            place = (
                _place_at(passage, i, previous)
                if capital and not passage.is_sentence_start(i)
                else None
            )
            if place:
                yield "place", token.start, tokens[place - 1].end
            elif _unlisted_facility(passage, i):
                yield "facility", token.start, tokens[i + 1].end
            elif previous in {"near", "outside"} and _maybe_name_word(token.text):
                yield "place", token.start, token.end  # "near Chinle": a town no list has
            i = place or i + 1
            continue
        end = i + 1
        # A surname after a first name: "Dana Reyes", "DANA REYES", "dana reyes".
        while end < len(tokens) and end - i < 4:
            nxt = tokens[end]
            gap = passage.text[tokens[end - 1].end : nxt.start]
            if gap.strip() not in {"", "-"} or "\n" in gap:
                break
            if (
                _shape(nxt.text) != "lower"
                and nxt.text not in data.not_names
                and nxt.text not in _NEVER_NAMES
            ) or (nxt.norm in data.last and not data.last[nxt.norm]):
                end += 1
            else:
                break
        first = i
        # "Sahra Jama": an unlisted given name just before a listed family name belongs to it
        while (
            first > 0
            and i - first < 2
            and passage.text[tokens[first - 1].end : tokens[first].start] in {" ", "-"}
            and _maybe_name_word(tokens[first - 1].text)
            and _base(tokens[first - 1].text) == tokens[first - 1].text
        ):
            first -= 1
        honorific = first > 0 and norms[first - 1] in _HONORIFICS
        last = tokens[end - 1]
        stop = last.start + len(_base(last.text))  # "Mark's": the name without the possessive
        yield "name", tokens[first - 1].start if honorific else tokens[first].start, stop
        i = end


_FACILITY_NOUNS = frozenset({
    "clinic", "hospital", "school", "church", "mosque", "temple", "shelter", "center", "centre",
    "office", "pantry", "jail", "academy", "library", "apartments", "motel", "plant", "factory",
})  # fmt: skip


def _unlisted_facility(passage: Passage, i: int) -> bool:
    """ "the Chinle clinic": a proper name before a kind of place names that place."""
    norms = passage.norms
    return (
        0 < i < len(norms) - 1
        and norms[i - 1] == "the"
        and norms[i + 1] in _FACILITY_NOUNS
        and _maybe_name_word(passage.tokens[i].text)
    )


def _state_at(passage: Passage, i: int) -> int | None:
    """If a state's name starts at token i (and is not part of a longer place), the index
    just after it."""
    data, norms = _data(), passage.norms
    for length in (3, 2, 1):
        name = _base(" ".join(norms[i : i + length]))  # "the state of Georgia's"
        if len(norms[i : i + length]) == length and (name in data.states or name in data.countries):
            longer = _place_at(passage, i, "")
            return None if longer is not None and longer > i + length else i + length
    return None


def _place_at(passage: Passage, i: int, previous: str) -> int | None:
    """If a gazetteer place starts at token i, the index just after it."""
    data, norms, tokens = _data(), passage.norms, passage.tokens
    for name in data.multiword_places.get(norms[i], ()):
        words = name.split()
        if norms[i : i + len(words)] == words and all(
            t.text[:1].isupper() for t in tokens[i : i + len(words)]
        ):
            return i + len(words)
    norm = norms[i]
    known = norm in data.places and tokens[i].text not in data.not_names
    if known and (not data.places[norm] or previous in _PLACE_CUES):
        return i + 1
    return None


def _merge(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join overlapping spans, so one identifier gives one finding (named by its longest part),
    and a workplace with the street it is on."""
    spans.sort(key=lambda s: (s[1], -(s[2] - s[1])))
    kept: list[tuple[str, int, int]] = []
    for kind, start, end in spans:
        if kept and start < kept[-1][2]:
            last_kind, last_start, last_end = kept[-1]
            longer = kind if end - start > last_end - last_start else last_kind
            kept[-1] = (longer, last_start, max(last_end, end))
            continue
        kept.append((kind, start, end))
    joined: list[tuple[str, int, int]] = []
    for kind, start, end in kept:
        if (
            joined
            and joined[-1][0] in {"employer", "facility", "school"}
            and kind == "address"
            and _JOINED.fullmatch(text[joined[-1][2] : start])
        ):
            joined[-1] = (joined[-1][0], joined[-1][1], end)
            continue
        joined.append((kind, start, end))
    return joined


_BORN = re.compile(
    r"(?i)\bborn\s+(?:in\s+|around\s+|about\s+)?(?:[a-z]+\.?\s+)?(?P<year>1[89]\d\d)\b"
)
# "the Waffle Stop on Route 9": a workplace and where it is, one identifier
_JOINED = re.compile(r"\s+(?:on|at|off)\s+")
_HABITUAL = re.compile(
    r"(?i)\b(?:usually|typically|always|often|seasonal|every|each|annually|tends? to)\b"
)
# "pain 6/10", "rates it 7/10": a score, not a date
_SCORE = re.compile(
    r"(?i)\b(?:pain|rates?|rated|rating|scale|score|level|anxiety|mood)\b[^.;\n]{0,20}$"
)
_EVERY = re.compile(r"(?i)\b(?:every|each|most|any|all|through)\s+$")
_MONTHLY = re.compile(
    r"(?i)\b(?:of\s+(?:each|every|the)\s+month|each\s+month|every\s+month|a\s+month|monthly|"
    r"per\s+month|rent|due|paydays?|paychecks?|grace\s+period)\b"
)


def _whole_event(text: str, start: int, end: int) -> tuple[str, int, int]:
    """An event is marked with its whole sentence ("He's the man firefighters pulled from the
    river last month, the rescue that led every local newscast"): every part of it helps
    single the person out."""
    sentence_start = (
        max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start)) + 1
    )
    while sentence_start < start and text[sentence_start].isspace():
        sentence_start += 1
    stops = [i for i in (text.find(".", end), text.find(";", end), text.find("\n", end)) if i >= 0]
    return "event", sentence_start, min(stops, default=len(text))


def _born_over_89(text: str) -> Iterator[tuple[str, int, int]]:
    """A birth year that puts the person over 89 today gives their age away."""
    for match in _BORN.finditer(text):
        if date.today().year - int(match["year"]) > 89:
            yield "age", match.start(), match.end("year")  # "born in 1929"


def _recurring(text: str, start: int, end: int) -> bool:
    """A month or a day of the month that recurs ("every March", "the 1st of each month",
    "rent is due on the 5th") dates no event in anyone's life."""
    if _EVERY.search(text[max(0, start - 12) : start]):
        return True
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    if _HABITUAL.search(text, sentence_start, start) and not re.search(r"\d", text[start:end]):
        return True  # "work usually picks up in June": a month that comes every year
    span = text[start:end]
    if re.fullmatch(r"\d{1,2}/10", span) and _SCORE.search(text[max(0, start - 30) : start]):
        return True
    if not re.search(r"\d(?:st|nd|rd|th)\b", span):
        return False
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end = min(
        (i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text)
    )
    return bool(_MONTHLY.search(text[sentence_start:sentence_end]))


def find_identifiers(text: str, declared: Iterable[str] = ()) -> Report:
    """Every identifier in `text`. `declared` lists a scenario's fictional names, always caught."""
    data = _data()
    declared_words = {part.lower() for name in declared for part in name.split() if len(part) > 1}
    spans: list[tuple[str, int, int]] = []
    lowered = text.lower()
    for kind, pattern, needs in data.patterns:
        if needs and not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(text):
            start, end = (
                match.span("name")
                if "name" in pattern.groupindex and match.group("name")
                else match.span()
            )
            if end > start and not (kind in {"school", "facility"} and _generic(text[start:end])):
                spans.append((kind, start, end))
    spans += [("phone", start, end) for start, end in _phones(text)]
    spans += [("employer", m.start(), m.end()) for m in data.employers.finditer(text)]
    spans += list(_names(Passage(text), declared_words))
    spans += list(_born_over_89(text))
    spans = [span for span in spans if not (span[0] == "date" and _recurring(text, *span[1:]))]
    spans = [_whole_event(text, *span[1:]) if span[0] == "event" else span for span in spans]
    findings = [_finding(kind, text, start, end) for kind, start, end in _merge(text, spans)]
    return Report(tuple(findings))


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}.{index}")


def identifiers_in_document(data: dict, allowed: Iterable[str]) -> list[tuple[str, Finding]]:
    """Check every string in a nested document, accepting the declared fictional names and
    places; each finding comes with its field path."""
    allowed_words = {part.lower() for name in allowed for part in re.findall(r"[^\W_]+", name)}
    allowed_words |= _HONORIFICS  # "Mr. Moss" is declared when "Moss" is

    def declared(found: str) -> bool:
        words = [w.lower() for w in re.findall(r"[^\W_]+", found)]
        return bool(words) and all(w in allowed_words for w in words)

    return [
        (path, finding)
        for path, text in _strings(data, "")
        for finding in find_identifiers(text).findings
        if not declared(text[finding.start : finding.end])
    ]
