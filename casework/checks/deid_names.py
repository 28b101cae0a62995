"""Names and places found word by word: a listed name in any case, an unlisted one by the
words around it ("Kwabena said", "Mark's probation officer", "Rose (cl's aunt)"), a place
from the gazetteer, and the states and countries that Safe Harbor keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from casework.checks.deid_data import _NEVER_NAMES, _PLACE_CUES, _RELATIONS, _TITLES, _data
from casework.checks.text import Passage


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


# "Art, her husband, signs": a listed name, then a possessive pronoun and a relation
_RELATION_APPOSITION = re.compile(
    r"\s*,\s*(?:her|his|their|my|our)\s+(?:\w+\s+)?(?:husband|wife|partner|aunt|uncle|son|daughter|"
    r"mother|father|sister|brother|cousin|grandmother|grandfather|grandson|granddaughter|niece|nephew|"
    r"boyfriend|girlfriend|fiance|fiancé|fiancee|stepfather|stepmother|neighbor|neighbour|roommate|"
    r"caregiver|sponsor|friend)\s*,"
)
_PERSON_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:the\s+)?(?:cl|client|pt|patient|mom|dad|her|his|their)(?:'s|’s)\s+[a-z-]+\b"
    r"|(?:dob|d\.o\.b\.|date of birth|age|aged)\b"
    # "Patience, the maternal aunt, …", "Major, the older son, …"
    r"|the\s+(?:[\w'’]+\s+){0,2}?(?:aunt|uncle|son|daughter|mother|father|sister|brother|cousin|grandmother|"
    r"grandfather|niece|nephew|neighbor|neighbour|caregiver|partner|boyfriend|girlfriend|resident|tenant|"
    r"client|patient|guest|youth|student|veteran|participant|evacuee|customer|camper|borrower|"
    r"co-borrower|cosigner|co-signer|buyer|applicant|member|caller|driver|worker|aide|volunteer|roommate|"
    r"respondent|petitioner|complainant|plaintiff|defendant|party)\b"
    # "Sunny, the youngest, …": a child named by birth order
    r"|the\s+(?:youngest|oldest|eldest|middle\s+(?:child|one|girl|boy)|baby|older|younger|twin)\b\s*,"
    # "Storm, the 14-year-old, …"
    r"|the\s+(?:\d{1,2}|[a-z]+)[- ]year[- ]old\b"
    # "Sunny, the member's granddaughter, …"
    r"|the\s+[a-z]+(?:'s|’s)\s+(?:grand)?(?:daughter|son|child|mother|father|niece|nephew|aunt|uncle|"
    r"sister|brother|cousin|wife|husband|partner|caregiver|neighbor|neighbour|friend)\b"
    # "Aigerim Bekova, an exchange student, …": a person named with what they do
    r"|an?\s+(?:[a-z-]+\s+){0,2}?(?:student|worker|nurse|teacher|driver|farmworker|veteran|refugee|"
    r"neighbor|neighbour|volunteer|caregiver|grandmother|grandfather|widow|widower|mother|father|"
    r"teen|teenager|tenant|resident|migrant|asylum\s+seeker|fisherman|deckhand)\s*,)",
    re.I,
)
_APPOSITION = re.compile(
    r"\s*(?:,\s*\d{1,2}\s*,|\(\s*(?:the\s+)?(?:cl|client|pt|patient|mom|dad|her|his|their)?(?:'s|’s)?\s*[a-z-]+(?:\s+[a-z-]+){0,2}\s*\))"
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
    if (
        listed
        and following in {"has", "had"}
        and norms[i + 2 : i + 3]
        and norms[i + 2] in data.name_after
    ):
        return True  # "Hunter has missed three meetings"
    if (
        listed
        and following in _MEETS
        and spaced
        and norms[i + 2 : i + 3]
        and not _MET_THINGS.intersection(norms[i + 2 : i + 5])
    ):
        return True  # "Rocky met his PO", not "Grant met the deadline"
    if following == "was" and norms[i + 2 : i + 3] and norms[i + 2] in _PASSIVE_CUES:
        return True  # "Joy was seen"
    if norms[i] in {"will", "may"} and following in {"was", "is", "has", "had"}:
        return True  # "Will was sleeping": a modal verb is never followed by "was"
    if _called_a_name(norms, i):
        return True  # "River is the youth's chosen name"
    if (
        listed
        and following in {"is", "was"}
        and norms[i + 2 : i + 3] == ["still"]
        and norms[i + 3 : i + 4]
        and norms[i + 3] in _STILL_DOING
    ):
        return True  # "Hunter is still waiting on his crew share": someone doing something
    after = passage.text[tokens[i].end : tokens[i].end + 40]
    if _APPOSITION.match(after) or _PERSON_APPOSITION.match(after):
        return True  # "Rose (cl's aunt)", "Thanuja Ratnayake, pt's daughter"
    if listed and _RELATION_APPOSITION.match(after):
        return True
    previous = norms[first - 1] if (first := _name_run_start(passage, i)) > 0 else ""
    if previous == "per" and re.match(r"\s*,", after):
        return True  # "Per Justice, his mom left": a source named for what follows
    if previous in _MET and not passage.is_sentence_start(i):
        return True  # "drove out to see Grace": a capitalised word one goes to see
    if _goes_by(norms, first):
        return True  # "goes by Preacher at the encampment": the name a person uses
    if following == "and" and norms[i + 2 : i + 3] in (["his"], ["her"], ["their"]):
        return True
    if (
        following == "and"
        and i + 2 < len(tokens)
        and tokens[i + 2].text[:1].isupper()
        and norms[i + 2] in data.first
        and norms[i + 3 : i + 4] in (["both"], ["signed"], ["said"], ["came"], ["went"])
    ):
        return True  # "Destiny and Miles both signed": two people named together
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
    if listed and following == "in" and norms[i + 2 : i + 3] and re.search(r"\d", norms[i + 2]):
        return True  # "Ivy in 3C asked …": a name and the room the person is in
    # "Dawn from the food bank", "Patience from 3C": a name and where the person is
    return (
        listed
        and following == "from"
        and i + 2 < len(tokens)
        and (norms[i + 2] == "the" or any(c.isdigit() for c in norms[i + 2]))
    )


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


_MEETS = frozenset({"met", "meets", "sees"})
# What a thing or a plan meets: "Grant met the deadline", "May meets the criteria"
_MET_THINGS = frozenset({"deadline", "deadlines", "criteria", "criterion", "requirement",
    "requirements", "goal", "goals", "threshold", "standard", "standards", "target", "targets",
    "need", "needs", "eligibility", "cap", "limit", "benchmark", "expectations", "conditions",
    "no", "little", "growth", "results", "improvement"})  # fmt: skip
_MOVES = frozenset({"moved", "moves", "moving", "relocated", "relocating", "returned", "fled"})
_FAMILY = frozenset({"kids", "children", "baby", "family", "boys", "girls", "twins", "grandkids"})
_PASSIVE_CUES = frozenset({
    "seen", "placed", "picked", "removed", "admitted", "discharged", "referred", "interviewed",
    "born", "arrested", "released", "evicted", "hospitalized", "diagnosed", "adopted", "absent",
    "tardy", "suspended", "expelled", "truant", "able", "unable",
    # states only a person is in: "Summer was tearful at the visit"
    "tearful", "crying", "upset", "agitated", "asleep", "awake", "cooperative", "alert",
    "oriented", "pleasant", "withdrawn", "distressed", "confused", "calm", "quiet", "angry",
    "sober", "intoxicated", "sleeping", "sitting", "standing", "waiting", "smiling", "laughing",
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
    if f"{norm} {following}" in data.named_things or f"{previous} {norm}" in data.named_things:
        return False  # "how Amber Alerts work", "on Christmas Eve": not a person
    if (
        previous == "and"
        and i >= 2
        and (norm in data.first or _maybe_name_word(token.text))
        and not passage.is_sentence_start(i)
        and _reads_as_name(passage, i - 2, proper, declared)
    ):
        return True  # "Brooke and Sky share the bunk": a capitalised word joined to a name
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
            cued = (
                previous in data.name_cues
                or following in data.name_after
                # "Dawn (foster mom) reports": a role in brackets after a name
                or (
                    passage.text[token.end : token.end + 2].lstrip().startswith("(")
                    and any(w in data.name_cues for w in passage.norms[i + 1 : i + 4])
                )
                # "Precious is the name of the child", "River is the youth's chosen name":
                # said to be a name
                or tuple(passage.norms[i + 1 : i + 4]) in _IS_THE_NAME
                or _called_a_name(passage.norms, i)
            )
            return not data.first[norm] or not passage.is_sentence_start(i) or cued
        # "moved to Springfield": a place cue outranks the surname list
        place_cued = norm in data.places and previous in _PLACE_CUES and role not in _TITLES
        # "the Springfield office", "our Springfield clinic": a listed place naming a place
        place_shaped = norm in data.places and _base(following) in _FACILITY_NOUNS | _AREA_NOUNS
        return (
            norm in data.last
            and not data.last[norm]
            # "scored 238 on CASAS": a word in capitals alone is an acronym, not a surname
            and not (token.text.isupper() and len(token.text) >= 4)
            and not passage.is_sentence_start(i)
            and not place_cued
            and not place_shaped
        )
    if _shape(token.text) != "lower" or norm not in data.first:
        return False
    if previous in _TITLES | {"named", "called", "nicknamed"} or _goes_by(passage.norms, i):
        # "named an adult", "called the office": an article or possessive is no name
        return norm not in _DETERMINERS
    # A lower-case name that is no everyday word: "maria", "brandon" (not "will", "foster").
    return (
        norm not in data.everyday
        and len(norm) > 2
        and token.text.capitalize() not in data.not_names
    )


# what only a person is "still" doing ("Hunter is still waiting"), unlike "Rent is still
# pending" or "Hope is still missing"
_STILL_DOING = frozenset({"waiting", "staying", "living", "sleeping", "working", "looking",
    "asking", "hoping", "talking", "calling", "using", "drinking", "attending", "crying",
    "refusing", "couch-surfing", "searching"})  # fmt: skip
_NAME_KINDS = frozenset({"chosen", "given", "first", "legal", "preferred", "middle", "real",
    "full", "birth", "street", "nick", "pet", "'s", "new"})  # fmt: skip


def _goes_by(norms: list[str], i: int) -> bool:
    """ "goes by Preacher", "went by tiny": the word after is the name a person uses."""
    return i >= 2 and norms[i - 1] == "by" and norms[i - 2] in {"goes", "go", "going", "went"}


def _called_a_name(norms: list[str], i: int) -> bool:
    """ "River is the youth's chosen name": the word is said to be someone's name."""
    if norms[i + 1 : i + 2] != ["is"] or not set(norms[i + 2 : i + 3]) & _DETERMINERS:
        return False
    after = norms[i + 3 : i + 7]
    at = after.index("name") if "name" in after else -1
    return at > 0 and after[at - 1] in _NAME_KINDS


_IS_THE_NAME = frozenset(
    ("is", owner, "name") for owner in ("the", "her", "his", "their", "a", "my", "our")
)
# "grew up in Marfa", "a cousin out in Tonopah": the words before "up in" / "out in"
_GREW = frozenset({
    "grew", "growing", "raised", "brought", "cousin", "aunt", "uncle", "family", "friend",
    "friends", "sister", "brother", "mother", "father", "grandmother", "grandfather", "way",
})  # fmt: skip
_MET = frozenset({"see", "saw", "seeing", "visit", "visited", "visiting", "met", "meet"})
_LIVES = frozenset({
    "lives", "live", "living", "lived", "resides", "residing", "stays", "staying", "raised", "born",
})  # fmt: skip
_DETERMINERS = frozenset(
    {"a", "an", "the", "his", "her", "their", "my", "our", "your", "no", "one"}
)


def _unlisted_town(passage: Passage, i: int, previous: str) -> bool:
    """Does token i name a town no list has, by where it stands: "near Chinle", "lives in
    Shiprock", "moved the kids to Chinle"?"""
    norms = passage.norms
    if previous in {"near", "outside"} or (previous in {"in", "from"} and _town_of(passage, i)):
        return True
    if previous == "from" and i >= 3 and norms[i - 2] in {"down", "up", "over", "in"}:
        return True  # "drives down from Brattleboro on weekends": where someone comes from
    if passage.tokens[i].text in _data().generic:
        return False
    if previous == "in" and i >= 2 and norms[i - 2] in _LIVES:
        return True  # where a person lives
    if previous == "in" and i >= 3 and norms[i - 2] in {"up", "out"} and norms[i - 3] in _GREW:
        return True  # "grew up in Marfa", "staying with a cousin out in Tonopah"
    if (
        previous == "in"
        and i >= 3
        and passage.tokens[i - 2].text[:1].isupper()
        and not passage.is_sentence_start(i - 2)
        and norms[i - 2] not in _data().not_person_names
        and any(w in {"at", "for"} for w in norms[max(0, i - 5) : i - 2])
    ):
        return True  # "works at Brenner Poultry in Casterville": where the workplace is
    return previous == "to" and any(w in _MOVES for w in norms[max(0, i - 5) : i - 1])


def _names(passage: Passage, declared: set[str]) -> Iterator[tuple[str, int, int]]:
    """Person names (and gazetteer places) found token by token."""
    data, tokens, norms = _data(), passage.tokens, passage.norms
    i = 0
    while i < len(tokens):
        token = tokens[i]
        shape = _shape(token.text)
        previous = norms[i - 1] if i else ""
        bare = _base(token.text)  # "NIDA's guide": the possessive of a listed non-name
        proper = (
            shape != "lower"
            and bare.capitalize() not in data.not_names
            and bare not in data.not_names
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
            elif _unlisted_town(passage, i, previous) and _maybe_name_word(token.text):
                # "near Chinle", "lives in Window Rock": a town no list has, all its words
                stop = i + 1
                while (
                    stop < len(tokens)
                    and stop - i < 3
                    and tokens[stop].text[:1].isupper()
                    and passage.text[tokens[stop - 1].end : tokens[stop].start] == " "
                    and tokens[stop].text not in data.not_names
                ):
                    stop += 1
                yield "place", token.start, tokens[stop - 1].end
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
        # "Rahaf al-Tamimi", "Ahmed bin Saleh", "Fatima az-Zahra": a particle joins a given
        # name to the family name
        if (
            first >= 2
            and (
                norms[first - 1] in _PARTICLES
                or (
                    norms[first - 1] in _HYPHENED_PARTICLES
                    and passage.text[tokens[first - 1].end : tokens[first].start] == "-"
                )
            )
            and passage.text[tokens[first - 2].end : tokens[first - 1].start] == " "
            and _maybe_name_word(tokens[first - 2].text)
            and norms[first - 2] not in data.not_person_names
        ):
            first -= 2
        honorific = first > 0 and norms[first - 1] in _HONORIFICS
        last = tokens[end - 1]
        stop = last.start + len(_base(last.text))  # "Mark's": the name without the possessive
        yield "name", tokens[first - 1].start if honorific else tokens[first].start, stop
        i = end


_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "bint", "ben", "van", "von", "de", "da", "di", "del"}
)
# the Arabic article as it sounds before some letters ("az-Zahra", "ash-Shami", "ad-Din"):
# a particle only when a hyphen joins it to the name, as "as", "at" and "an" are English words
_HYPHENED_PARTICLES = frozenset(
    {"az", "as", "ash", "ad", "adh", "ar", "at", "ath", "an", "ud", "ul"}
)
_FACILITY_NOUNS = frozenset({
    "clinic", "hospital", "school", "church", "mosque", "temple", "shelter", "center", "centre",
    "office", "pantry", "jail", "academy", "library", "apartments", "motel", "plant", "factory",
    "chapter",  # "the Chinle chapter house": a Navajo Nation chapter names its community
})  # fmt: skip
_AREA_NOUNS = frozenset({"area", "branch", "county", "district", "region", "neighborhood", "site"})


def _unlisted_facility(passage: Passage, i: int) -> bool:
    """ "the Chinle clinic": a proper name before a kind of place names that place."""
    norms = passage.norms
    return (
        0 < i < len(norms) - 1
        and norms[i - 1] == "the"
        and norms[i + 1] in _FACILITY_NOUNS
        and _maybe_name_word(passage.tokens[i].text)
    )


_ON_TRIBAL_LAND = re.compile(
    r"\s+on\s+the\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Nation|Reservation|Pueblo|Rancheria)\b"
)


def _town_of(passage: Passage, i: int) -> bool:
    """Is the word at token i a town placed in its state or on tribal land ("in Chinle on
    the Navajo Nation", "from Kayenta, Arizona")?"""
    after = passage.text[passage.tokens[i].end : passage.tokens[i].end + 60]
    if _ON_TRIBAL_LAND.match(after):
        return True
    state = re.match(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", after)
    return bool(state) and state[1].lower() in _data().states


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
