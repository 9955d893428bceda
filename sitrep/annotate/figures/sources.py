"""Where a figure comes from and what it is about: attributed source, place and as-of date of a sentence.

Sources are taken as written: "according to X" / "with reference to X" (X up to the next comma), the owner of
a toll ("the Health Ministry's latest toll"), or the subject of a reporting verb ("police said", "Officials
confirmed that", "..., said provincial spokesman X"). A source that is "he", "she" or "it" is the nearest person
(organisation for "it") named before it in the same or the two sentences before (`antecedent`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.annotate.context import Context
from sitrep.annotate.entities.factory import vocabulary as entity_vocabulary
from sitrep.annotate.figures.items import Vocab
from sitrep.annotate.quotes.parser import name_before_comma
from sitrep.models import Sentence
from sitrep.resolve.geocode import gazetteer

# where a source's words end: punctuation (not the colon of a time), "as of", a conjunction, a dash
_BOUNDARY = re.compile(r"[,;()“”\"«»]|:(?!\d)|\b(?:as\s+(?:of|at)|that|while|after|but)\b|\band\s+(?=[a-z])|"
                       r"\s[-–—]\s", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:it\s+(?:is|was|has\s+been)|(?:are|is|was|were|been|being|be))\s*$", re.IGNORECASE)
_STRIP_LEAD = re.compile(r"^(?:and|but|also|so|as|while)?\s*", re.IGNORECASE)
_STRIP_TAIL = re.compile(r"\s+(?:also|have|has|had|later|previously|earlier|now|then|again|officially)$", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "which", "who"}
# not a source: a clause ("13 people were killed"), or one who did not say it ("Police did not say how ...")
_NOT_SOURCE = re.compile(r"\d|\b(?:were|was|is|are|been|killed|injured|detained|died|not|never|declined|refused)\b|"
                         r"n't\b", re.IGNORECASE)
# where a clause ends: a semicolon, or a comma before a conjunction that starts another clause
_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s+(?!\d)", re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?:in|across|near|at|from|outside)\s+(?:the\s+)?(?:(?:[\w'’]+\s+){0,2}(?:city|town|village|province|region|"
    r"district|capital|state|county|governorate|prefecture)\s+of\s+)?"
    r"(?P<name>[A-Z][\w-]+(?:[\s-](?:de\s+|del\s+)?[A-Z][\w-]+){0,3})(?!['’]s)"
)
_NOT_PLACE = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "a", "an",
    "internet", "ministry", "office", "twitter", "facebook", "telegram", "addition", "total", "response", "order",
}
_MONTHS_AND_DAYS = ("january february march april may june july august september october november december "
                    "monday tuesday wednesday thursday friday saturday sunday")
_TIME_WORDS = set(_MONTHS_AND_DAYS.split()) | {"today", "yesterday", "week", "weekend", "month", "year", "night",
                                               "morning", "evening", "day"}
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|by|on|until|through)\s+(?:the\s+)?$", re.IGNORECASE)
_PREPOSITIONS = {"in", "on", "at", "from", "after", "before", "during", "near", "outside", "across", "for", "to"}
_NEW_CLAUSE = re.compile(r"\b(?:while|whereas|but)\b|;", re.IGNORECASE)
_SPEAKER_NAME = r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+"
_PERIOD_START = re.compile(r"\b(?:since|began|begun|started|broke\s+out|erupted|beginning|starting)\b[^,;.]*$",
                           re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


@dataclass(frozen=True)
class Attribution:
    text: str
    start: int  # sentence-relative position of the cue
    according: bool  # "according to X" style (preferred over a reporting verb)
    pronoun: bool


def _clean(source: str) -> str:
    source = _STRIP_TAIL.sub("", _STRIP_LEAD.sub("", source.strip(" ,.;:\n")).strip())
    return source.strip(" ,.;:")


def attributions(text: str, vocab: Vocab) -> list[Attribution]:
    """The attribution cues of one sentence, each with the source words as written."""
    found: list[Attribution] = []
    for match in vocab.according_re.finditer(text):
        rest = text[match.end() :]
        stop = _BOUNDARY.search(rest)
        source = _clean(rest[: stop.start()] if stop else rest)
        if source and len(source.split()) <= 14:
            found.append(Attribution(source, match.start(), True, source.lower() in _PRONOUNS))
    for match in vocab.tally_re.finditer(text):  # "the Health Ministry's latest toll stands at 13"
        source = _clean(match.group("source"))
        if _owns_counts(source):
            found.append(Attribution(source, match.start(), True, False))
    for match in vocab.reporting_re.finditer(text):
        before = text[: match.start()]
        if _PASSIVE_BEFORE.search(before):
            continue  # "it is reported that", "are reported to have"
        cut = 0
        for stop in _BOUNDARY.finditer(before):
            cut = stop.end()
        for verb in vocab.reporting_re.finditer(before):
            cut = max(cut, verb.end())
        subject = _clean(before[cut:])
        if not subject and before.rstrip().endswith(","):  # "..., said provincial spokesman X."
            rest = text[match.end() :]
            stop = _BOUNDARY.search(rest)
            subject = _clean(rest[: stop.start()] if stop else rest)
            subject = re.sub(r"\s+(?:on|in|at)\s+.*$", "", subject)
            if _NOT_SOURCE.search(subject):  # "..., Ann Vell, the agency's spokesperson, said the agency was ..."
                subject = _apposed(before)
        if subject and len(subject.split()) <= 12 and not _NOT_SOURCE.search(subject):
            found.append(Attribution(subject, match.start(), False, subject.lower() in _PRONOUNS))
    return sorted(found, key=lambda a: a.start)


def _owns_counts(source: str) -> bool:
    """The owner of a toll is a source when it is a body ("the Health Ministry", "police", "UNHCR"): "Kenya's
    death toll" is the toll in Kenya, "Hurricane Ida's toll" and "Monday's toll" are no one's statement."""
    last = source.split()[-1]
    if last[:1].islower() or last.lower() in _TIME_WORDS:
        return last[:1].islower()  # the tally pattern takes only agents in lower case ("the ministry", "police")
    acronym = last.isupper() and len(source.split()) == 1 and len(last) > 1
    return last in entity_vocabulary().org_cues or (acronym and not gazetteer().lookup_all(last))


def _apposed(before: str) -> str:
    """The speaker set off by commas before a reporting verb: "Briefing reporters, Ann Vell, spokesperson for the
    agency, said ..." -> "Ann Vell" (the name before its role), "..., the head of the agency, Ann Vell, said" ->
    "Ann Vell"; "" when the last comma-set phrase is no speaker."""
    parts = [part.strip() for part in before.rstrip().rstrip(",").split(",")]
    if len(parts) < 2:
        return ""
    last, previous = parts[-1], parts[-2]
    if (re.fullmatch(_SPEAKER_NAME, previous) and not re.fullmatch(_SPEAKER_NAME, last)
            and previous.split()[0].lower() not in _PREPOSITIONS):
        return previous  # the name, then its role ("the spokesperson ...", "Spokesperson for ...")
    return last if re.search(r"(?-i:[A-Z])", last) and len(last.split()) <= 8 else ""


def choose(found: list[Attribution], position: int, text: str = "") -> str | None:
    """The source for a count at sentence-relative `position` of `text`: "according to" before it (the first
    source of a statement retold: "According to X, the envoy noted that ..."), unless a new clause opens between
    them ("..., according to the ministry, while activists say dozens died"); then a reporting verb before it,
    then the first after it; a bare pronoun only when nothing else is there."""
    named = [a for a in found if not a.pronoun] or found
    before = [a for a in named if a.start < position]
    according = [a for a in before if a.according and not _NEW_CLAUSE.search(text, a.start, position)]
    for pool in (according, before):
        if pool:
            return pool[-1].text
    after = [a for a in named if a.start >= position]
    return after[0].text if after else None


def antecedent(ctx: Context, number: int, source: str, vocab: Vocab) -> str | None:
    """The name a source "he" / "she" / "it" stands for in sentence `number`: the last named source of the three
    sentences before it that is a person (an organisation for "it") - "Smith said ... She said he died in her
    arms" is Smith, not the man who died; else the pronoun as written (the nearest name is as often the person
    talked about as the one talking). A source "which" / "who" is the name its clause hangs on ("the Health
    Ministry, which put the toll at 13"), else none."""
    lowered = source.lower()
    if lowered in {"which", "who"}:
        here = ctx.sentences[number]
        for relative in re.finditer(rf",\s*({lowered})\b", here.text, re.IGNORECASE):
            named = name_before_comma(ctx.text, ctx.mentions, here.start + relative.start(1),
                                      ("organization", "person"))
            if named:
                return named.text
        return None
    if lowered not in {"he", "she", "it"}:
        return source
    kind = "organization" if lowered == "it" else "person"
    sentence = ctx.sentences[number]
    at = re.search(rf"\b{lowered}\b", sentence.text, re.IGNORECASE)
    end = sentence.start + (at.start() if at else 0)
    names = [m for m in ctx.mentions if m.kind == kind and ctx.sentences[max(0, number - 3)].start <= m.start
             and m.end <= end]
    for earlier in reversed(ctx.sentences[max(0, number - 3) : number]):
        for cited in reversed(attributions(earlier.text, vocab)):
            lo = earlier.text.find(cited.text)
            spoke = [m for m in names if earlier.start + lo <= m.start < earlier.start + lo + len(cited.text)]
            if lo >= 0 and spoke and not cited.pronoun:
                return spoke[-1].text
    return source


def carries(text: str, vocab: Vocab) -> bool:
    """True when a sentence continues the previous one's attribution ("In addition, ...", "Of them, ...")."""
    return vocab.carry_re.search(text) is not None


def count_clause(text: str, sentence: Sentence, position: int) -> tuple[int, int]:
    """The clause of the sentence that holds the count: a place named in another clause ("..., and detainees
    were beaten in Osh") is where something else happened."""
    start, end = sentence.start, sentence.end
    for match in _CLAUSE.finditer(text, sentence.start, sentence.end):
        if match.end() <= position:
            start = match.end()
        elif match.start() > position:
            end = match.start()
            break
    return start, end


def place_of(ctx: Context, sentence: Sentence, position: int, vocab: Vocab) -> str | None:
    """Place mention nearest the count in its clause (from the entities extractor when present, else a light
    pattern)."""
    venue = vocab.venue_re
    text = ctx.article.text
    clause_start, clause_end = count_clause(text, sentence, position)

    def said_there(start: int) -> bool:  # "told reporters in New York": where it was said, not where it happened
        return venue is not None and venue.search(text[max(sentence.start, start - 60) : start]) is not None

    places = [m for m in ctx.mentions if m.kind == "place" and clause_start <= m.start < clause_end
              and not said_there(m.start)]
    if places:
        return min(places, key=lambda m: abs(m.start - position)).text
    best: tuple[int, str] | None = None
    for match in _PLACE.finditer(sentence.text):
        name = match.group("name")
        if name.split()[0].lower() in _NOT_PLACE:
            continue
        if said_there(sentence.start + match.start("name")):
            continue
        at = sentence.start + match.start("name")
        if not clause_start <= at < clause_end:
            continue
        if any(m.kind != "place" and m.start <= at < m.end for m in ctx.mentions):
            continue  # "employees of the UN in the country": a name the entities stage knows is no place
        distance = abs(sentence.start + match.start() - position)
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


def date_of(ctx: Context, sentence: Sentence) -> str | None:
    """As-of date: a date the sentence gives as such ("as of 2 March", "on January 6"), else the article date; a
    date that starts the period counted ("since the unrest began on 2 March") is none."""
    for time in ctx.times:
        if time.type != "DATE" or not (sentence.start <= time.start < sentence.end):
            continue
        if _PERIOD_START.search(ctx.text[max(sentence.start, time.start - 60) : time.start]):
            continue  # "killed since the protests began on 2 March": when the count began, not its date
        if _ISO_DATE.match(time.value) and _AS_OF.search(ctx.text[max(sentence.start, time.start - 12) : time.start]):
            return time.value
    return ctx.published
