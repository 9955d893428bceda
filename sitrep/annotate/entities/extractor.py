"""Entity mentions: spaCy NER on candidate sentences, corrected by rules, keyed for cross-article resolution.

Only candidate sentences (`candidates.worth_ner`: sentences carrying facts - numbers, count words, quotes,
reporting / call verbs, dates, event triggers, the lead - whose names the cheap rules cannot settle) go through
NER; in the others names come from cheap rules (titles, "city of X", acronyms, gazetteer runs) and from repeats of
the names recognised elsewhere in the article (a place also in the NER sentences where the model missed it).

Per sentence (never across one): spaCy's PERSON / ORG / GPE / LOC / FAC spans are trimmed ("the", bullets,
trailing punctuation), cut at commas and after leading titles, and relabelled by evidence in this order:
organisation cue word (Ministry, Office, Police ...) > title or role next to the name (Mr., spokesman, Special
Representative ...) > gazetteer hit > subject of a reporting verb ("said Bachelet") > spaCy's label. Rules add
"Ms. X" names spaCy missed and acronyms in parentheses joined to their long form. Then, over the article,
surnames of known persons turn single-word mentions into persons, and one surface text gets one kind; a
capitalised head word alone ("the Ministry") carries the name of the body named before it, and the article's own
site name is an organisation.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from typing import Any

from sitrep.annotate.context import Context
from sitrep.annotate.entities import organisations, parser
from sitrep.annotate.entities.candidates import (
    carries_facts,
    gazetteer_places,
    missed_by_ner,
    repeats,
    titled_names,
    worth_ner,
)
from sitrep.annotate.entities.factory import Vocabulary, vocabulary
from sitrep.annotate.entities.items import Candidate, Kind
from sitrep.annotate.entities.keys import name_key, surname_key
from sitrep.annotate.nlp import Parsed, parse_sentences
from sitrep.models import Mention, Sentence
from sitrep.resolve.geocode import context_country, dominant_country, gazetteer, geocode
from sitrep.resolve.regions import called_region, without_region_word

log = logging.getLogger(__name__)

LABELS: dict[str, Kind] = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                           "FAC": "place"}
_TITLED = r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})"
_NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_SITES = {"City", "Hall", "Airport", "airport", "Square", "Station", "Avenue", "Street"}
_SETTLEMENT_WORDS = r"(?:city|cities|town|towns|village|villages|region|regions|province|provinces)"
_PLACE_PREPOSITIONS = r"(?:in|into|at|near|to|towards?|from|outside|across|throughout)"
_LISTED = r"(?:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?(?:,\s+|\s+and\s+)){0,3}"  # "to Osh, Bishkek and "
_SETTLEMENT = rf"\b{_SETTLEMENT_WORDS} of ([A-Z][\w'’-]+(?:-[A-Z][\w'’]+)?)"
_ROLED = (r"\b(?:High Commissioner for Human Rights|High Commissioner|President|Special Representative"
          r"|Secretary-General|Secretary General|Prime Minister|Minister|Spokesperson|Spokesman|Ambassador)\s+"
          r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})")


def extract(ctx: Context) -> tuple[Mention, ...]:
    vocab = vocabulary()
    facts = carries_facts(ctx)
    worth = worth_ner(ctx, facts)
    found = _ner_candidates(ctx.text, [s for s, w in zip(ctx.sentences, worth, strict=True) if w], vocab)
    rules = {s.start: rule_candidates(ctx.text, s, titled_names(ctx.text, s))
             for s, w in zip(ctx.sentences, worth, strict=True) if not w}
    late = missed_by_ner(ctx, facts, worth, found + [c for cs in rules.values() for c in cs])
    found.extend(_ner_candidates(ctx.text, [s for s, w in zip(ctx.sentences, late, strict=True) if w], vocab))
    rest = [s for s, w, again in zip(ctx.sentences, worth, late, strict=True) if not (w or again)]
    for sentence in rest:
        found.extend(rules[sentence.start])
    found = article_pass(_dedupe(found), vocab)
    # In a sentence NER read, only a place it found elsewhere but missed here is added ("in Osh and Jalal-Abad"):
    # persons and organisations it leaves out there are often a product or a premodifier ("the Dow Jones index").
    unread, starts = {s.start for s in rest}, [s.start for s in ctx.sentences]
    extra = [c for c in repeats(ctx.text, list(ctx.sentences), found)
             if c.kind == "place" or starts[bisect_right(starts, c.start) - 1] in unread]
    for sentence in rest:
        extra.extend(gazetteer_places(ctx.text, sentence, vocab.not_names))
    found = organisations.publisher(article_pass(_dedupe(found + extra), vocab), ctx.article.site)
    return to_mentions(organisations.bare_heads(found, ctx.text, vocab.org_cues), ctx.text)


def _ner_candidates(text: str, sentences: list[Sentence], vocab: Vocabulary) -> list[Candidate]:
    return [c for parsed in parse_sentences(sentences) for c in sentence_candidates(text, parsed, vocab)]


def sentence_candidates(text: str, parsed: Parsed, vocab: Vocabulary) -> list[Candidate]:
    """Candidates of one sentence: NER spans relabelled by rules, titled names, acronyms."""
    out: list[Candidate] = []
    # a heading of one or two words ("Background", "Internet") gives the model no context to label it, and a
    # line in capitals ("RELEASE PROTESTERS DETAINED AFTER ELECTIONS") no casing to tell names by
    words = parsed.sentence.text.split()
    heading = len(words) <= 2 or not any(ch.islower() for ch in parsed.sentence.text)
    for ent in parsed.doc.ents:
        kind = LABELS.get(ent.label_) or _misread_place(text, ent.text, ent.label_)
        if kind is None or (heading and not gazetteer().lookup_all(ent.text)):
            continue
        for start, end in parser.split_commas(text, parsed.offset(ent.start_char), parsed.offset(ent.end_char)):
            out.extend(_from_span(text, parsed, start, end, kind, vocab))
    return rule_candidates(text, parsed.sentence, out)


def rule_candidates(text: str, sentence: Sentence, found: list[Candidate]) -> list[Candidate]:
    """`found` plus the names rules see without NER: titled names, "city of X", acronyms in parentheses."""
    out = list(found)
    for match in [*re.finditer(_TITLED, sentence.text), *re.finditer(_ROLED, sentence.text)]:
        start, end = parser.trim(text, sentence.start + match.start(1), sentence.start + match.end(1))
        if end > start and not any(c.start < end and start < c.end for c in out):
            out.append(Candidate(start, end, text[start:end], "person", "title"))
    for match in re.finditer(_SETTLEMENT, sentence.text):
        start, end = sentence.start + match.start(1), sentence.start + match.end(1)
        if gazetteer().knows(text[start:end]) and not any(c.start < end and start < c.end for c in out):
            out.append(Candidate(start, end, text[start:end], "place", "gazetteer"))
    return _acronyms(text, sentence, out)


def _from_span(text: str, parsed: Parsed, start: int, end: int, kind: Kind, vocab: Vocabulary) -> list[Candidate]:
    start, end = parser.trim(text, start, end)
    if not _titled_company(text, start, end, kind, vocab):
        start, titled = parser.strip_leading_title(text, start, end, vocab)
    else:
        titled = False
    if end <= start:
        return []
    words = parser.words_with_offsets(text, start, end)
    out: list[Candidate] = []
    # "the UN Human Rights Michel Bachelet": an organisation followed by a person's name.
    split = _trailing_person(words, vocab) if kind == "organization" and not titled else 0
    if split:
        org_start, org_end = parser.trim(text, start, words[split - 1][2])
        out.extend(_keep(text, parsed, org_start, org_end, "organization", vocab))
        out.append(Candidate(words[split][1], end, text[words[split][1] : end], "person", "title"))
        return out
    return _keep(text, parsed, start, end, kind, vocab, titled)


def _titled_company(text: str, start: int, end: int, kind: Kind, vocab: Vocabulary) -> bool:
    """An organisation whose name is a one-word title and one more word, or ends in an organisation cue ("General
    Motors", "General Motors Corporation"): the title is part of the name, not a person's rank."""
    words = text[start:end].split()
    if kind != "organization" or len(words) < 2 or vocab.title_at_start(words) != 1:
        return False
    return len(words) == 2 or words[-1] in vocab.org_cues


def _trailing_person(words: list[tuple[str, int, int]], vocab: Vocabulary) -> int:
    """Index of the first word of a two-word personal name ending an organisation span, or 0."""
    if len(words) < 4:
        return 0
    head, tail = words[:-2], [w for w, _, _ in words[-2:]]
    has_org = any((w.isupper() and len(w) > 1) or w in vocab.org_cues for w, _, _ in head)
    if head[-1][0].lower() in {"of", "for", "and", "the", "on", "in", "to"}:
        return 0
    plain = all(w[:1].isupper() and w[1:].islower() and w not in vocab.org_cues for w in tail)
    return len(words) - 2 if has_org and plain else 0


def _keep(text: str, parsed: Parsed, start: int, end: int, kind: Kind, vocab: Vocabulary,
          titled: bool = False) -> list[Candidate]:
    span = text[start:end]
    words = span.split()
    if not words or not parser.is_latin(span) or span.lower() in vocab.not_names:
        return []
    if not any(parser.is_capitalised(w) for w in words) or not any(ch.isalpha() for ch in span):
        return []
    if kind == "person" and re.search(r"\d\s*$", text[parsed.sentence.start : start]):
        return []  # "16 GB", "the 787 Dreamliner": a unit or a product after a number
    if span in vocab.demonyms or (len(words) == 1 and words[0].rstrip("s") in vocab.demonyms):
        return []
    if vocab.title_at_start(words) == len(words):
        return []  # a bare title ("Special Representative", "The Supreme Commissar")
    pair = _places_joined(text, start, end)
    if pair:
        return pair
    if kind == "place" and len(words) > 1 and words[-1].islower():
        return _place_with_noun(text, parsed, start, end, vocab)
    after = re.match(r"\s+([A-Z][a-z]+)", text[end : end + 40])
    if len(words) == 1 and after:
        if kind == "organization" and after.group(1) in vocab.org_cues:  # "the Interior Ministry" cut short
            return _keep(text, parsed, start, end + after.end(), "organization", vocab, titled)
        if span in vocab.portfolios and vocab.title_at_start([after.group(1)]):
            return []  # "Interior Minister Dzhamshid Tursunov": the portfolio of a title, not an organisation
    if any(w.strip("(),.") in vocab.org_cues for w in words) and not titled:
        return [Candidate(start, end, span, "organization", "org_cue")]
    places = gazetteer().lookup_all(span)
    # an organisation-labelled name is a place where the article uses it as one ("in the city of Jalal-Abad"),
    # even when the gazetteer knows it only as another name of the place
    if places and not titled and (kind == "place" or (kind == "organization" and _place_use(text, span, places))
                                  or (kind == "person" and (any(c.primary for c in places)
                                                            or _place_use(text, span, places)))):
        return [Candidate(start, end, span, "place", "gazetteer")]
    region = without_region_word(span)  # "Rakhine State", or "Rakhine" before "state"
    if not titled and kind != "person" and (region != span or called_region(text, end)) and (
            gazetteer().lookup_regions(region)):
        return [Candidate(start, end, span, "place", "gazetteer")]
    if len(words) > 1 and set(words[1:]) <= _SITES and any(c.primary for c in gazetteer().lookup_all(words[0])):
        return [Candidate(start, start + len(words[0]), words[0], "place", "gazetteer")]  # "Almaty City Hall"
    near_title = titled or parser.title_before(text, start, vocab) or parser.title_after(text, end, vocab)
    capitalised = all(parser.is_capitalised(w) for w in words) and not span.replace(".", "").isupper()
    if near_title and len(words) <= 4 and capitalised:
        return [Candidate(start, end, span, "person", "title")]
    return [Candidate(start, end, span, kind, "ner")]


def _place_with_noun(text: str, parsed: Parsed, start: int, end: int, vocab: Vocabulary) -> list[Candidate]:
    """A place span that ends in common nouns ("the Kyrgyz city", "Osh city police"): an organisation when a noun
    is one ("police"), else only its capitalised words are a name, and a demonym alone is none."""
    words = parser.words_with_offsets(text, start, end)
    while words and words[-1][0].islower():
        if words[-1][0].capitalize() in vocab.org_cues:
            return [Candidate(start, end, text[start:end], "organization", "org_cue")]
        words.pop()
    return _keep(text, parsed, start, words[-1][2], "place", vocab) if words else []


def _places_joined(text: str, start: int, end: int) -> list[Candidate]:
    """"Osh and Jalal-Abad" taken as one name: two places when both sides are gazetteer places."""
    match = re.fullmatch(r"(.+?)(\s+and\s+)(.+)", text[start:end])
    if match is None or not all(gazetteer().lookup_all(match.group(i)) for i in (1, 3)):
        return []
    second = start + match.end(2)
    return [Candidate(start, start + len(match.group(1)), match.group(1), "place", "gazetteer"),
            Candidate(second, end, match.group(3), "place", "gazetteer")]


def _misread_place(text: str, span: str, label: str) -> Kind | None:
    """A name the model gave a label we do not keep ("entered Jalal-Abad" as a PRODUCT, "in Osh" as an EVENT) is
    a place when the gazetteer knows it and the article uses it as one; numbers, dates and quantities never are."""
    if label in _NUMERIC_LABELS:
        return None
    places = gazetteer().lookup_all(span)
    return "place" if places and _place_use(text, span, places) else None


def _place_use(text: str, span: str, places: list[Any]) -> bool:
    """An organisation-labelled gazetteer name is a place when it is a country or the article uses it as one
    ("in Almaty", "near Toulouse", "spread to Bishkek and Jalal-Abad"), or a city of a million people; else it is
    the company or agency named after it ("Toyota", "Xinhua")."""
    if any(c.place.kind == "country" or c.place.population >= 1_000_000 for c in places):
        return True
    return re.search(rf"\b(?:{_PLACE_PREPOSITIONS}\s+(?:the\s+)?|{_SETTLEMENT_WORDS} of\s+){_LISTED}"
                     rf"{re.escape(span)}\b", text) is not None


def _acronyms(text: str, sentence: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Join "Long Form (ABC)": the acronym becomes a mention of the long form's kind, carrying the long form."""
    out = list(found)
    for a_start, a_end, acronym in parser.acronyms(text, sentence.start, sentence.end):
        paren = text.rfind("(", sentence.start, a_start)
        long = next((c for c in out if c.end <= paren and not text[c.end : paren].strip()), None)
        if long is None:
            span = parser.long_form_before(text, paren, acronym, sentence.start)
            if span is not None:
                long = Candidate(span[0], span[1], text[span[0] : span[1]], "organization", "acronym")
                out = [c for c in out if not (c.start < span[1] and span[0] < c.end)] + [long]
        if long is not None and not parser.matches_acronym(long.text, acronym):
            long = None
        out = [c for c in out if not (c.start < a_end and a_start < c.end)]
        kind: Kind = long.kind if long is not None else "organization"
        if long is not None and long.kind == "place":
            kind = "organization"
            out = [c.relabel("organization", "acronym") if c is long else c for c in out]
        out.append(Candidate(a_start, a_end, text[a_start:a_end], kind, "acronym", long.text if long else None))
    return out


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if c.end > c.start and not any(k.start < c.end and c.start < k.end for k in kept):
            kept.append(c)
    return kept


def article_pass(candidates: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """Make kinds consistent over the article: persons' surnames, and one kind per surface text."""
    persons = [c for c in candidates if c.kind == "person" and c.evidence in {"title", "speaker", "ner"}]
    person_texts = {c.text for c in persons if len(c.words) >= 2 or c.evidence != "ner"}
    person_surnames = {surname_key(c.text) for c in persons if (len(c.words) >= 2 or c.evidence != "ner")
                       and not gazetteer().is_country(c.words[-1])}  # "Garuda Indonesia" labelled a person
    # a place name that is the surname of a person named in full here is that person ("Obama", "Angers")
    last_names = {c.words[-1] for c in persons if len(c.words) >= 2} - {
        c.text for c in candidates if c.kind == "place" and c.evidence == "ner"}
    out = []
    for c in candidates:
        weak = c.evidence in {"ner", "speaker"} or (c.evidence == "gazetteer" and c.text in last_names)
        if c.kind != "person" and weak and (
            c.text in person_texts or (len(c.words) == 1 and not c.text.isupper()  # "UN" is no "Annan"
                                       and surname_key(c.text) in person_surnames)
        ):
            c = c.relabel("person", "propagated")
        out.append(c)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in out:
        votes[c.text][c.kind] += 3 if c.evidence not in {"ner"} else 1
    order = {"organization": 0, "person": 1, "place": 2, "group": 3}
    final = []
    for c in out:
        if c.evidence == "ner" and len(votes[c.text]) > 1:
            best = min(votes[c.text], key=lambda k: (-votes[c.text][k], order[k]))
            if best != c.kind:
                c = c.relabel(best, "propagated")  # type: ignore[arg-type]
        final.append(c)
    return final


def to_mentions(candidates: list[Candidate], text: str) -> tuple[Mention, ...]:
    """Mentions with their keys: persons by surname, places by gazetteer id (a region when the text calls it one:
    "Almaty region"), organisations by one written form and, for a national body, its country
    (`organisations.keys`)."""
    places = [c.text for c in candidates if c.kind == "place"]
    country = context_country(places)
    org_keys = organisations.keys(candidates, text, dominant_country(places))
    mentions = []
    for c in candidates:
        if c.kind == "person":
            key = surname_key(c.text)
        elif c.kind == "place":
            place = geocode(c.text, country, called_region(text, c.end))
            key = place.geo_id if place is not None else name_key(c.text)
        else:
            key = org_keys[c.start]
        if key:
            mentions.append(Mention(c.text, c.start, c.end, c.kind, key))
    return tuple(mentions)
