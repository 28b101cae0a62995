"""The documentation coach: observable facts and quotes, not judgments or labels.

The words come from `casework/rules/documentation.yaml`; this module reads the context
around each match, because a keyword alone is a weak signal:

- inside a verbatim quotation, nothing is flagged (the words are the client's);
- after an attribution ("client said …", "according to her mother …") a label or
  feeling is the speaker's, so it becomes a gentle suggestion to quote exactly;
- a diagnosis cited with its source ("diagnosed with …", "per her psychiatrist") is
  not a label;
- adjectives are only judgments when they describe a person ("the client was
  difficult", not "it was difficult to find"); "clean" and "dirty" only when they
  describe a drug test or a person's use; "refused" not when the landlord refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from casework.checks.findings import Finding, Report
from casework.checks.lexicon import Group, PhraseIndex, Term
from casework.checks.safety import check_safety
from casework.checks.sentence_rules import check_sentences
from casework.checks.text import Passage
from casework.checks.tone import check_tone
from casework.rules import load_rules, word_list

_MAX_WALK = 8
_TRAILING_ATTRIBUTION = 30  # how far after a word "…, her mother said" is looked for
_POSSESSION = frozenset(
    {"has", "have", "had", "with", "of", "for", "about", "from", "on", "his", "her", "their"}
)
_TESTED = frozenset({"tested", "tests", "testing", "screened", "screens", "test", "screen"})
_AFTER_BARE_LABEL = frozenset({"during", "at", "with", "from", "in", "on", "today", "and", "when", "about",
    "throughout", "toward", "towards", "again", "since", "after", "before", "while", "upon"})  # fmt: skip
_DETERMINERS = frozenset({"a", "an", "the", "her", "his", "their", "my", "your", "our", "its",
    "this", "that", "some"})  # fmt: skip
# "has been told to …", "was asked": the client is spoken to, nobody is quoted
_PASSIVE = frozenset({"been", "was", "were", "is", "are", "be", "being", "get", "got"})
_STATUS_NEXT = frozenset({"for", "since", "now", "today", "from", "off", "again", "yet"})
# The person words that mean the client: anyone else is named in a judgment's message.
_CLIENT_WORDS = frozenset({"client", "clients", "patient", "patients", "participant", "consumer",
    "applicant", "customer", "member"})  # fmt: skip


@dataclass(frozen=True)
class Context:
    person_words: frozenset[str]
    linking_words: frozenset[str]
    institution_words: frozenset[str]
    attribution_cues: frozenset[str]
    worker_words: frozenset[str]
    diagnosis_cues: frozenset[str]
    clinical_sources: frozenset[str]
    substance_tests: frozenset[str]
    observable_cues: frozenset[str]
    negations: frozenset[str]
    quote_cues: frozenset[str]
    naming_verbs: frozenset[str]
    writer_verbs: frozenset[str]


@cache
def _rules() -> tuple[PhraseIndex, Context]:
    data = load_rules("documentation")
    context = Context(**{key: frozenset(words) for key, words in data["context"].items()})
    groups = [dict(group) for group in data["groups"]]
    return PhraseIndex(groups), context


@cache
def _first_names() -> frozenset[str]:
    return frozenset(name.lower() for name, _ in word_list("names_first"))


_CONTRACTION = re.compile(r"['’](?:s|re|m)$")
_PRONOUNS = frozenset({"he", "she", "they"})  # the people a note describes, not "you're"


class _Reader:
    """One passage with the context questions the rules ask of it."""

    def __init__(self, passage: Passage, context: Context):
        self.p = passage
        self.c = context
        self.norms = passage.norms
        self._attributed_from: dict[int, int | None] = {}
        self._diagnosis_sentences: set[int] | None = None

    def _is_person(self, index: int) -> bool:
        token = self.p.tokens[index]
        if token.norm in self.c.person_words:
            return True
        # "He's lazy", "they're demanding": a pronoun with its verb in one token
        pronoun = _CONTRACTION.sub("", token.norm)
        if pronoun != token.norm and pronoun in _PRONOUNS and pronoun in self.c.person_words:
            return True
        return token.text[:1].isupper() and token.norm in _first_names()

    def describes_person(self, start: int, end: int) -> bool:
        return self.person_described(start, end) is not None or self._subject_left_out(start, end)

    def _subject_left_out(self, start: int, end: int) -> bool:
        """Telegraphic notes drop the subject: "Hostile during the HV." "Lazy, sleeps until
        noon." The word opens its sentence and stands alone, not before a noun or "to"."""
        j = start
        while not self.p.is_sentence_start(j):
            if self.norms[j - 1] not in self.c.linking_words:
                return False
            j -= 1
        if end >= len(self.norms):
            return True
        gap = self.p.text[self.p.tokens[end - 1].end : self.p.tokens[end].start]
        return bool(re.search(r"[,;.:!]", gap)) or self.norms[end] in _AFTER_BARE_LABEL

    def person_described(self, start: int, end: int) -> int | None:
        """The index of the person the words at `start:end` describe, or None."""
        norms, clause = self.norms, self.p.clause_of(self.p.tokens[start].start)
        if (
            end < len(norms)
            and norms[end] in self.c.person_words
            and norms[end] not in {"i", "we", "you"}
        ):
            return end  # "difficult client", "angry man"
        if start > 0 and norms[start - 1] in _POSSESSION:
            return None  # "has ADHD", "with bipolar disorder": a condition, not a label
        j, coordinated = start - 1, 0
        while (
            j >= 0 and start - j <= _MAX_WALK and self.p.clause_of(self.p.tokens[j].start) == clause
        ):
            if self._is_person(j):
                return j
            word = norms[j]
            if word in self.c.linking_words:
                j -= 1
            elif word in {"and", "or"} and coordinated < 2:
                j, coordinated = j - 2, coordinated + 1  # skip "loud and" in "loud and aggressive"
            elif (
                coordinated < 2
                and "," in self.p.text[self.p.tokens[j].end : self.p.tokens[j + 1].start]
            ):
                j, coordinated = j - 1, coordinated + 1  # "loud, aggressive"
            else:
                return None
        return None

    def whose(self, start: int, end: int) -> str:
        """Whom a judgment is about, for its message: "the client's", "the boyfriend's"."""
        index = self.person_described(start, end)
        word = self.norms[index] if index is not None else "client"
        if index is not None and word not in self.c.person_words:
            return f"{self.p.tokens[index].text}'s"  # a first name: "Marisol's"
        if word in _CLIENT_WORDS:
            return "the client's"
        if (
            word in self.c.person_words
            and word.isalpha()
            and len(word) > 3
            and word not in {"they", "them", "himself", "herself", "themselves", "who"}
        ):
            return f"the {word}'s"
        return "a person's"

    def negated(self, start: int) -> bool:
        """Is the match denied: "is not a difficult person", "was never hostile"?"""
        clause, j = self.p.clause_of(self.p.tokens[start].start), start - 1
        people = 0
        while j >= 0 and start - j <= 5 and self.p.clause_of(self.p.tokens[j].start) == clause:
            word = self.norms[j]
            if word in self.c.negations:
                return True
            if word in self.c.person_words and people == 0:
                people += 1  # "Neither parent appeared …": the denial stands before the person
            elif people == 1 and j > 0 and self.norms[j - 1] in self.c.negations:
                pass  # "Neither foster parent …": one word qualifies the person
            elif word not in self.c.linking_words and word not in {"a", "an", "the"}:
                return False
            j -= 1
        return False

    def shown_after(self, end: int) -> bool:
        """Does the sentence go on to record what was seen or said (behaviour or a quote)?"""
        p = self.p
        if end >= len(self.norms):
            return False
        sentence = p.sentence_of(p.tokens[end - 1].start)
        for k in range(end, len(self.norms)):
            if p.sentence_of(p.tokens[k].start) != sentence:
                return False
            if self.norms[k] in self.c.observable_cues or p.in_quote(p.tokens[k].start):
                return True
        return False

    def _subject_is_institution(self, start: int, end: int) -> bool:
        """Is the word said of a thing or an institution ("the unit was noncompliant with
        the code", "refused by the landlord")? The nearest person or thing before it, in
        its clause, decides."""
        passive_by = end < len(self.norms) and self.norms[end] == "by"  # "refused by the landlord"
        if passive_by and any(w in self.c.institution_words for w in self.norms[end : end + 4]):
            return True
        clause, j = self.p.clause_of(self.p.tokens[start].start), start - 1
        while j >= 0 and start - j <= _MAX_WALK + 4:
            if self.p.clause_of(self.p.tokens[j].start) != clause:
                return False
            word = self.norms[j]
            if word in self.c.institution_words:
                return True
            if word in self.c.person_words or self._is_person(j):
                return False
            j -= 1
        return False

    def _describes_test_or_use(self, start: int, end: int) -> bool:
        norms = self.norms
        if end < len(norms) and norms[end] in self.c.substance_tests:
            return True
        if start > 0 and norms[start - 1] in _TESTED:
            return True  # "tested dirty for cocaine"
        # "the screen came back dirty", "Both UAs this month were dirty": the test is the
        # subject of its clause, a few words back
        clause, j = self.p.clause_of(self.p.tokens[start].start), start - 1
        while (
            j >= 0 and start - j <= _MAX_WALK and self.p.clause_of(self.p.tokens[j].start) == clause
        ):
            if norms[j] in self.c.substance_tests:
                return True
            if self._is_person(j) or norms[j] in self.c.person_words:
                break
            j -= 1
        if not self.describes_person(start, end):
            return False
        if end >= len(norms):
            return True
        next_clause = self.p.clause_of(self.p.tokens[end].start) != self.p.clause_of(
            self.p.tokens[start].start
        )
        sentence_ends = self.p.sentence_of(self.p.tokens[end].start) != self.p.sentence_of(
            self.p.tokens[start].start
        )
        return norms[end] in _STATUS_NEXT or next_clause or sentence_ends

    def applies(self, term: Term, start: int, end: int) -> bool:
        group, kind = term.group, term.group.context
        if group.observable_excuses and self.shown_after(end):
            return False
        if group.quote_excuses and self.p.sentence_quotes(self.p.tokens[start].start):
            return False
        if kind == "person":
            return self.describes_person(start, end) and not self.negated(start)
        if kind == "actor":
            return not self._subject_is_institution(start, end) and not self.negated(start)
        if kind == "substance":
            return self._describes_test_or_use(start, end)
        return True

    def _is_cue(self, j: int) -> bool:
        norms = self.norms
        word = norms[j]
        if word == "per":
            return j + 1 < len(norms) and (
                norms[j + 1] in self.c.person_words or norms[j + 1].endswith("'s")
            )
        if word not in self.c.attribution_cues:
            return False
        if word in {"told", "asked"} and j > 0 and norms[j - 1] in _PASSIVE:
            return False  # "has been told to …": the client was told, nobody is quoted
        if word in self.c.writer_verbs and self.p.is_sentence_start(j):
            return False  # "Felt like he was working me": no subject, so the writer
        if word.startswith("report") and norms[j + 1 : j + 2] in (["party"], ["source"]):
            return False  # "the reporting party is …": a role, not a report
        if word == "according":
            return j + 1 < len(norms) and norms[j + 1] == "to"
        earlier = norms[max(0, j - 2) : j]
        return not any(w in self.c.worker_words for w in earlier)

    @cached_property
    def _cue_earlier_in_clause(self) -> list[bool]:
        """For each token: does an attribution cue come before it in its clause? (one pass)"""
        p, seen, clause, result = self.p, False, -1, []
        for j, token in enumerate(p.tokens):
            current = p.clause_of(token.start)
            if current != clause:
                clause, seen = current, False
            result.append(seen)
            seen = seen or self._is_cue(j)
        return result

    def attributed(self, start: int) -> bool:
        """Is token `start` inside a clause that hands its words to a speaker?"""
        if self._cue_earlier_in_clause[start]:
            return True
        # Attribution after the words: "…, her mother said." / "…, per the incident report."
        p = self.p
        sentence = p.sentence_of(p.tokens[start].start)
        for k in range(start + 1, min(start + _TRAILING_ATTRIBUTION, len(self.norms))):
            if p.sentence_of(p.tokens[k].start) != sentence:
                break
            word = self.norms[k]
            comma_before = "," in p.text[p.tokens[start].end : p.tokens[k].start]
            if word in self.c.attribution_cues and self._is_person(k - 1):
                return "," in p.text[p.tokens[start].end : p.tokens[k - 1].start]
            if comma_before and (
                word == "per" or (word == "according" and self.norms[k + 1 : k + 2] == ["to"])
            ):
                return True
        return False

    def cites_diagnosis(self, start: int) -> bool:
        if self._diagnosis_sentences is None:
            found = set()
            for j, word in enumerate(self.norms):
                cited = word in self.c.diagnosis_cues or (
                    word in self.c.clinical_sources
                    and any(w in {"per", "by", "according"} for w in self.norms[max(0, j - 3) : j])
                )
                if cited:
                    found.add(self.p.sentence_of(self.p.tokens[j].start))
            self._diagnosis_sentences = found
        return self.p.sentence_of(self.p.tokens[start].start) in self._diagnosis_sentences


def _finding(
    group: Group, term: Term, text: str, start: int, end: int, attributed: bool, whose: str
) -> Finding:
    if attributed:
        return Finding(
            rule=group.id,
            category=group.category,
            severity="info",
            message=(
                f"“{text}” is reported from someone else, which is right. Put their exact words in "
                "quotation marks so the reader knows the word is theirs, not yours."
            ),
            suggestion=f"Client said, “…{text}…”",
            source=group.source,
            start=start,
            end=end,
        )
    suggestion = f"{term.instead}. For example: {group.example}" if term.instead else group.example
    return Finding(
        rule=group.id,
        category=group.category,
        severity=group.severity,  # type: ignore[arg-type]
        message=f"{group.message.format(term=text, whose=whose)} {group.why}",
        suggestion=suggestion,
        source=group.source,
        start=start,
        end=end,
    )


_PHRASAL = frozenset({"in", "back", "off", "out", "up", "on"})
# "…, which is her name for the seedless ones": the quoted words are named as someone's own
_NAMED_AFTER = re.compile(
    r"[^.;\n]{0,40}?\b(?:is|was|are|were)\s+(?:her|his|their|my|our|the\s+\w+['’]s)\s+"
    r"(?:own\s+)?(?:name|word|term|nickname)\s+for\b",
    re.I,
)
_AMOUNTS = frozenset({"a few", "a lot", "a little", "a couple", "a bit", "a while", "a ton"})
# A rating copied from a form ("rated 'meets expectations'", "review was 'satisfactory'"):
# the form's own words, quoted exactly
_RATINGS = frozenset({
    "meets expectations", "exceeds expectations", "below expectations", "needs improvement",
    "satisfactory", "unsatisfactory", "proficient", "not proficient", "partially proficient",
    "incomplete", "pass", "fail",
})  # fmt: skip
_SHORT_QUOTE = re.compile(r"^[\"“‘']\s*[^\W_]+(?:['’][^\W_]+)?(?:\s+[^\W_]+)?\s*[.,!?]?[\"”’']$")
# Inside the client's report, three words set apart read the same way: "ran out early".
_REPORTED_QUOTE = re.compile(
    r"^[\"“‘']\s*[^\W_]+(?:['’][^\W_]+)?(?:\s+[^\W_]+){0,2}\s*[.,!?]?[\"”’']$"
)


def _scare_quotes(reader: _Reader, reported: list[tuple[int, int]]) -> list[Finding]:
    """A word or two in quotation marks, not reported as speech, signals doubt. A word or
    two quoted inside the client's report (“says she “fell””) is added to `reported`: it
    may be precision or doubt, which the tone model weighs (`check_tone`)."""
    p, findings = reader.p, []
    for start, end in p.quotes:
        short = _SHORT_QUOTE.match(p.text[start:end])
        if not short and not _REPORTED_QUOTE.match(p.text[start:end]):
            continue
        before = p.text[:start].rstrip()
        if not before or before[-1] in ":.!?,(\n":
            continue
        previous = p.token_index_at(start - 1)
        clause = p.clause_of(start)
        named = any(
            p.norms[j] in reader.c.naming_verbs
            and p.norms[j + 1] not in _PHRASAL  # "called in sick with “the flu”" names nothing
            for j in range(max(0, previous - 4), previous)
            if p.clause_of(p.tokens[j].start) == clause
        )
        if previous >= 0 and (p.norms[previous] in reader.c.quote_cues or named):
            # "described it as “cold”", "called the new mattress “a miracle”": a word reported
            continue
        # A label in quotation marks ("her “husband”", "with “the flu”") doubts the label
        # even in reported speech; a describing word ("stays over “sometimes”") is precision.
        quoted = p.norms[
            p.token_index_at(start) + (p.tokens[p.token_index_at(start)].start < start)
        ]
        # ... but a description after "is"/"have been" is the speaker's own: said the kids
        # have been "a handful"
        described = p.norms[previous] in _PASSIVE - {"get", "got"}
        # ("drinking “a few” beers" quotes an amount, which the worker can then count)
        amount = p.text[start:end].strip("\"“”‘’' ").lower() in _AMOUNTS
        label = (
            not described
            and not amount
            and (p.norms[previous] in _DETERMINERS or quoted in _DETERMINERS)
        )
        if previous >= 0 and reader.attributed(previous) and not label:
            # inside reported speech: Client said he stays over "sometimes."
            reported.append((start, end))
            continue
        if not short or p.text[start:end].strip("\"“”‘’' .,").lower() in _RATINGS:
            continue
        if _NAMED_AFTER.match(p.text, end):
            continue  # "the “miracle grapes”, which is her name for the red ones": her word
        findings.append(
            Finding(
                rule="note.scare-quotes",
                category="credibility",
                severity="warning",
                message=(
                    f"{p.text[start:end]} in quotation marks reads as doubt (scare quotes): a word "
                    "or a label set apart like this tells the reader not to believe it. Quotation "
                    "marks are for the client's exact words, in full."
                ),
                suggestion="Quote the whole statement and say who said it: Client said, “My husband pays the rent.” Or drop the quotation marks.",
                source="Goddu et al. 2018 and Beach et al. 2021 (quotation marks that signal doubt); NASW standard 10",
                start=start,
                end=end,
            )
        )
    return findings


def check_note(text: str) -> Report:
    """Check a note's language. `ok` is false when anything should be rewritten."""
    index, context = _rules()
    passage = Passage(text)
    reader = _Reader(passage, context)
    norms, tokens = passage.norms, passage.tokens
    findings: list[Finding] = []
    i = 0
    while i < len(norms):
        matched = False
        for term in index.matches(norms, i):
            end = i + len(term.words)
            if passage.in_quote(tokens[i].start) or not reader.applies(term, i, end):
                continue
            group = term.group
            if group.diagnosis_excuses and reader.cites_diagnosis(i):
                continue
            attributed = (
                group.attribution_excuses and group.severity != "info" and reader.attributed(i)
            )
            span_start, span_end = tokens[i].start, tokens[end - 1].end
            whose = reader.whose(i, end) if group.context == "person" else "the client's"
            findings.append(
                _finding(
                    group, term, text[span_start:span_end], span_start, span_end, attributed, whose
                )
            )
            i, matched = end, True
            break
        if not matched:
            i += 1
    reported: list[tuple[int, int]] = []
    findings.extend(_scare_quotes(reader, reported))
    findings.extend(check_sentences(passage))
    findings.extend(check_tone(passage, findings, reported))
    # Risk to life or safety is not a wording matter: what to do next (rules/safety.yaml).
    findings.extend(check_safety(text, passage))
    findings.sort(key=lambda f: f.start or 0)
    strengths = ()
    if passage.quotes and not any(f.severity != "info" for f in findings):
        strengths = ("You quote the client's own words, which keeps their view on the record.",)
    return Report(tuple(findings), strengths)


@cache
def _note_elements() -> tuple[str, list[tuple[dict, list[re.Pattern[str]]]]]:
    data = load_rules("contact_note")
    return data["source"], [(e, [re.compile(p) for p in e["patterns"]]) for e in data["elements"]]


def check_contact_note(text: str, kind: str | None = None) -> Report:
    """A whole contact note: the coach's language findings plus what the note leaves out.
    `kind` is the timeline event's kind: some elements do not apply to every contact."""
    language = check_note(text)
    source, elements = _note_elements()
    missing, present = [], []
    for element, patterns in elements:
        if kind is not None and kind in element.get("not_for", ()):
            continue
        if any(pattern.search(text) for pattern in patterns):
            present.append(element["label"])
            continue
        missing.append(
            Finding(
                rule=f"note.completeness.{element['id'].replace('_', '-')}",
                category="completeness",
                severity="warning",
                message=f"The note does not record {element['label']}. {element['why']}",
                suggestion=f"Add it, for example: {element['example']}",
                source=source,
                start=0,
                end=len(text),
            )
        )
    strengths = language.strengths + (
        (f"The note records {', '.join(present)}.",) if present else ()
    )
    return Report(language.findings + tuple(missing), strengths)
