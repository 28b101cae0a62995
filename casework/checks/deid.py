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
from datetime import date

import phonenumbers

from casework.checks.deid_data import _data
from casework.checks.deid_names import _HONORIFICS, _names
from casework.checks.findings import Finding, Report
from casework.checks.text import Passage

_MESSAGES = {
    "name": "reads as a person's name",
    "place": "names a place smaller than a state",
    "address": "is part of a street address",
    "employer": "names an employer",
    "school": "names a school",
    "facility": "names a facility or organization that could locate the person",
    "date": "is a date more precise than the year",
    "age": "is an age over 89",
    "phone": "is a phone or fax number",
    "email": "is an e-mail address",
    "url": "is a web address",
    "ip-address": "is an IP address",
    "ssn": "is a social security number",
    "record-number": "looks like a case, record, account, license or plate number",
    "handle": "is a social media handle",
    "initials": "are initials, which come from a real name",
    "event": "describes an event unique enough to point to one person or family",
}


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


_HYPHENED = re.compile(r"[^\W\d_]+-[^\W\d_]+")


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


# What belongs to a name or a place found by one word: a title before it ("Officer
# Daniels"), a surname's initial after it ("Tony D."), and the capitalised words that finish
# it ("Eureka Springs", "Hendricks Tool & Die").
_TITLE_BEFORE = re.compile(
    r"(?:Officer|Judge|Coach|Pastor|Deputy|Detective|Sgt\.?|Sergeant|Trooper|Nurse|Dr\.?)\s+$"
)
_REST_OF_NAME = re.compile(r"(?:\s+(?:&\s+)?[A-Z][a-z][\w'’-]*|\s+[A-Z]\.(?!\w))+")


def _whole_name(text: str, kind: str, start: int, end: int) -> tuple[str, int, int]:
    title = _TITLE_BEFORE.search(text, max(0, start - 12), start) if kind == "name" else None
    rest = _REST_OF_NAME.match(text, end)
    if rest:
        words = re.findall(r"[A-Z][\w'’-]*", rest.group(0))
        if any(w in _data().not_names or w in _data().name_after for w in words):
            rest = None  # "Hope Monday" is no name; stop before a word that is never one
    end = rest.end() if rest else end
    if text[end : end + 1] == "." and re.search(r"\b[A-Z]$", text[start:end]):
        end += 1  # "Tony D.": the initial's full stop
    return kind, title.start() if title else start, end


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
    r"(?i)\b(?:usually|typically|always|often|seasonal|every|each|annually|tends? to|runs? (?:low|out|short))\b"
)
# "pain 6/10", "rates it 7/10": a score, not a date
_SCORE = re.compile(
    r"(?i)\b(?:pain|rates?|rated|rating|scale|score|level|anxiety|mood)\b[^.;\n]{0,20}$"
)
# "In August the counselor reviews the list for all incoming students": a yearly routine
_YEARLY = re.compile(
    r"(?i)\b(?:each|every)\s+(?:year|fall|spring|summer|winter|school\s+year)\b|\bannually\b|"
    r"\ball\s+(?:incoming|new|returning)\s+(?:students|residents|tenants|families|clients)\b|"
    # "Fall term registration opens in August": an institution's calendar
    r"\b(?:registration|enrol(?:l)?ment|term|semester|season|school|classes|camp)\s+(?:\w+\s+){0,2}(?:opens?|closes?|starts?|begins?|ends?|runs?)\b|"
    # "The produce van does not run in August": a service's own schedule
    r"\b(?:van|bus|route|shuttle|program|pantry|market|clinic|office)\s+(?:\w+\s+){0,2}(?:runs?|operates?|opens?|closes?|delivers?)\b|"
    # "Heating bills spike in January": a seasonal pattern, not an event in a life
    r"\b(?:bills?|costs?|prices?|usage|demand|calls|visits|admissions)\s+(?:\w+\s+){0,2}(?:spike|spikes|peak|peaks|climb|climbs|jump|jumps|double|doubles|triple|triples|swell|swells)\b"
)
# "every March", "each May and October": a month in a list after "each" recurs too
_EVERY = re.compile(
    r"(?i)\b(?:every|each|most|any|all|through)\s+(?:\w+\s*(?:,\s*|\s+and\s+|\s+or\s+)){0,3}$"
)
_MONTHLY = re.compile(
    r"(?i)\b(?:of\s+(?:each|every|the)\s+month|each\s+month|every\s+month|a\s+month|monthly|"
    r"per\s+month|rent|due|paydays?|paychecks?|grace\s+period|payments|deposits|posts|arrives|"
    r"runs?\s+out|ssi|ssdi|snap|ebt|tanf|benefits|pension)\b"
)
# "The building is 90 years old": the age of a thing identifies nobody
_THING_AGE = re.compile(
    r"(?i)\b(?:building|house|farmhouse|rowhouse|duplex|cabin|home|car|truck|van|trailer|roof|furnace|boiler|heater|church|"
    r"school|tree|bridge|structure|complex|apartment|unit|property|farm|barn|business|company|"
    r"store|shop|program|agency|photo|letter|law|statute|lease|mill|plant|hotel|motel)s?"
    r"(?:\s+[\w'-]+){0,3}\s+(?:is|was|are|were|being|stands)\s+(?:about\s+|over\s+|nearly\s+|almost\s+|more\s+than\s+|well\s+over\s+)?$"
)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or the clause after a semicolon) around text[start:end], its
    leading spaces left out."""
    first = max(text.rfind(mark, 0, start) for mark in ".;\n") + 1
    while first < start and text[first].isspace():
        first += 1
    stops = [i for i in (text.find(mark, end) for mark in ".;\n") if i >= 0]
    return first, min(stops, default=len(text))


def _whole_event(text: str, start: int, end: int) -> tuple[str, int, int]:
    """An event is marked with its whole sentence ("He's the man firefighters pulled from the
    river last month, the rescue that led every local newscast"): every part of it helps
    single the person out. A clause after a semicolon ("…; the clip went viral") speaks of
    the one before it, so the mark takes both."""
    first, last = _sentence(text, start, end)
    if first > 0 and text[:first].rstrip().endswith(";"):
        first = _sentence(text, first - 2, first - 2)[0]
    return "event", first, last


def _born_over_89(text: str) -> Iterator[tuple[str, int, int]]:
    """A birth year that puts the person over 89 today gives their age away."""
    for match in _BORN.finditer(text):
        if date.today().year - int(match["year"]) > 89:
            yield "age", match.start(), match.end("year")  # "born in 1929"


def _recurring(text: str, start: int, end: int) -> bool:
    """A month or a day of the month that recurs ("every March", "the 1st of each month",
    "rent is due on the 5th") dates no event in anyone's life."""
    if _EVERY.search(text[max(0, start - 40) : start]):
        return True
    first, last = _sentence(text, start, end)
    undated = not re.search(r"\d", text[start:end])
    if undated and (_HABITUAL.search(text, first, start) or _YEARLY.search(text, first, last)):
        return True  # "work usually picks up in June": a month that comes every year
    span = text[start:end]
    if re.fullmatch(r"\d{1,2}/10", span) and _SCORE.search(text[max(0, start - 30) : start]):
        return True
    if not re.search(r"\d(?:st|nd|rd|th)\b", span):
        return False
    return bool(_MONTHLY.search(text, first, last))


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
    # "Al-Anon" is a fellowship, not a man named Al
    spans += [
        span
        for span in _names(Passage(text), declared_words)
        if _HYPHENED.match(text, span[1]) is None
        or _HYPHENED.match(text, span[1]).group(0) not in data.not_names
    ]
    spans += list(_born_over_89(text))
    spans = [span for span in spans if not (span[0] == "date" and _recurring(text, *span[1:]))]
    spans = [
        span
        for span in spans
        if not (span[0] == "age" and _THING_AGE.search(text[max(0, span[1] - 60) : span[1]]))
    ]
    spans = [_whole_event(text, *span[1:]) if span[0] == "event" else span for span in spans]
    spans = [_whole_name(text, *span) if span[0] in {"name", "place"} else span for span in spans]
    findings = [_finding(kind, text, start, end) for kind, start, end in _merge(text, spans)]
    return Report(tuple(findings))


def text_fields(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a nested document, with its path (`timeline.3.summary`)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_fields(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_fields(item, f"{path}.{index}")


def identifiers_in_document(data: dict, allowed: Iterable[str]) -> list[tuple[str, Finding]]:
    """Check every string in a nested document, accepting the declared fictional names and
    places; each finding comes with its field path."""
    allowed_words = {part.lower() for name in allowed for part in re.findall(r"[^\W_]+", name)}
    allowed_words |= _HONORIFICS  # "Mr. Moss" is declared when "Moss" is

    allowed = list(allowed)
    names = sorted((name for name in allowed if name.strip()), key=len, reverse=True)

    def declared(text: str, start: int, end: int) -> bool:
        found = text[start:end]
        words = [w.lower() for w in re.findall(r"[^\W_]+", found)]
        if words and all(w in allowed_words for w in words):
            return True
        # "Call Northside Recovery Clinic", "Welcome Marisol", "to the Tuesday Women's
        # Recovery Circle": a declared name with lower-case words, or a sentence's first
        # word, around it
        rest = found
        for name in names:
            rest = rest.replace(name, " ")
        if rest == found:
            return False
        others = re.findall(r"[^\W_]+", rest)
        opens = found.startswith(others[0]) if others else False
        sentence_start = not text[:start].strip() or bool(re.search(r"[.!?:\"“]\s*$", text[:start]))
        return all(
            w.islower() or w.lower() in allowed_words or (k == 0 and opens and sentence_start)
            for k, w in enumerate(others)
        )

    return [
        (path, finding)
        for path, text in text_fields(data)
        for finding in find_identifiers(text).findings
        if not declared(text, finding.start, finding.end)
    ]
