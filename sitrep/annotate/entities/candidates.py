"""The cheap pass: which sentences deserve spaCy's NER, and names found without it in the others.

A sentence goes to NER when it carries facts and names that the cheap rules cannot settle. Facts: a number or
count word, a quote mark, a reporting or call verb, a date (a time mention or a month / weekday name) or an event
trigger (the events vocabulary); the title and first sentence count as carrying facts. Names: runs of capitalised
words, less plain words (months, weekdays, titles, demonyms, a plain English word opening the sentence); a run is
settled when a sentence sent to NER earlier held it (or it is the last word of such a run, a surname) or the
gazetteer rule below finds it. On bbc-news this sends about 40% of the sentences to NER (87% with facts alone).
A run that NER did not return where it was first seen gets one more reading in the next sentence holding it
(`missed_by_ner`, about 1% more sentences).

Elsewhere names come from cheap rules: the exact text of names NER recognised elsewhere in the article
(word-bounded, case sensitive, possessive 's allowed; for persons also the surname alone), capitalised words and
pairs that the gazetteer knows as a primary place name, and title + capitalised name patterns (run by the
extractor on every sentence)."""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.annotate.calls.factory import call_patterns
from sitrep.annotate.context import Context
from sitrep.annotate.entities.factory import DATA, vocabulary
from sitrep.annotate.entities.items import Candidate
from sitrep.annotate.events.factory import vocabulary as event_vocabulary
from sitrep.annotate.quotes.factory import vocabulary as quote_vocabulary
from sitrep.models import Sentence
from sitrep.resolve.geocode import gazetteer
from sitrep.vocab import data_lines

LEAD_SENTENCES = 2  # the title and the first sentence: they name what the article is about
COMMON_ZIPF = 3.5  # a capitalised word opening a sentence and at least this frequent in English is a plain word
_TOKEN = re.compile(r"[\w'’&.-]+|[^\w\s]")  # words, and punctuation that ends a run of names
_INSIDE_NAMES = {"&", "of", "de"}  # lower-case words inside one name ("Bank of America", "Ogilvy & Mather")


@lru_cache(maxsize=1)
def plain_words() -> frozenset[str]:
    """Capitalised words that never need NER on their own (lower case): month and weekday names, titles and the
    words of multi-word titles, demonyms, the not-names list and "I"."""
    from sitrep.annotate.times.factory import vocabulary as time_vocabulary

    vocab, times = vocabulary(), time_vocabulary()
    words = {w for title in vocab.titles for w in title} | {w.lower() for w in vocab.demonyms} | vocab.not_names
    return frozenset(words | {w.lower() for w in [*times.months, *times.weekdays]} | {"i"})


@lru_cache(maxsize=4096)
def _plain_opening(word: str, alone: bool) -> bool:
    """A capitalised word opening a sentence that is a plain English word: a stop word ("The Dow Jones"), or, when
    no other capitalised word follows it, a word frequent in English (wordfreq: "Analysts", "However") that is
    neither an acronym nor a place name ("US", "Japan"). "Michelle Bachelet" keeps its first name."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from wordfreq import zipf_frequency

    lower = word.lower()
    if word.isupper():
        return False
    if lower in STOP_WORDS:
        return True
    return alone and zipf_frequency(lower, "en") >= COMMON_ZIPF and not gazetteer().lookup_all(word)


def name_runs(sentence: str) -> list[list[str]]:
    """Runs of capitalised words of a sentence that may be names ("Ogilvy & Mather" is one run), possessive 's and
    plain words (`plain_words`) left out; a common word opening the sentence on its own is no name."""
    runs: list[list[str]] = []
    run: list[str] = []
    for token in _TOKEN.findall(sentence):
        word = token.rstrip(".")
        word = word[:-2] if word.endswith(("'s", "’s")) else word
        if word[:1].isupper() or (word in _INSIDE_NAMES and run):
            run.append(word)
            continue
        while run and run[-1] in _INSIDE_NAMES:
            run.pop()
        if run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    vocab = vocabulary()
    plain, demonyms, title_words = plain_words(), vocab.demonyms, _title_words()
    out = []
    for i, words in enumerate(runs):
        # a title word inside an organisation's name is part of it ("Interior Ministry" is not "Ministry")
        named_body = any(w in vocab.org_cues for w in words)
        words = [w for w in words if (w.lower() not in plain or (named_body and w.lower() in title_words))
                 and w.rstrip("s") not in demonyms]
        opening = i == 0 and words and sentence.lstrip("\"'“‘(«•-– ").startswith(words[0])
        if opening and _plain_opening(words[0], len(words) == 1):
            words = words[1:]
        if words:
            out.append(words)
    return out


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for title in vocabulary().titles for w in title)


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    """One pattern for every cue word or phrase (case-insensitive)."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in data_lines(DATA / "cue_words.txt")]
    verbs = sorted(vocabulary().reporting_verbs | quote_vocabulary().reporting_verbs, key=len, reverse=True)
    words += [re.escape(v) for v in verbs]
    words += [pattern.pattern.removeprefix(r"\b").removesuffix(r"\b") for _, pattern in call_patterns()]
    return re.compile(r"\d|[\"“”«»„]|\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def carries_facts(ctx: Context) -> list[bool]:
    """Per sentence of the article: True when it holds a number or count word, a quote mark, a reporting or call
    verb, a date (a time mention or a month / weekday name) or an event trigger."""
    times = sorted((t.start, t.end) for t in ctx.times)
    cues, triggers = cue_pattern(), event_vocabulary().any_trigger
    out = []
    for sentence in ctx.sentences:
        dated = any(sentence.start <= s < sentence.end for s, _ in times)
        out.append(dated or bool(cues.search(sentence.text)) or bool(triggers.search(sentence.text)))
    return out


def worth_ner(ctx: Context, facts: list[bool] | None = None) -> list[bool]:
    """Per sentence of the article: True when spaCy's NER should run on it.

    That is every sentence with a run of capitalised words (`name_runs`) that the cheap pass cannot
    settle: a run is settled when an earlier sentence chosen for NER held the same run (so `repeats` will find
    it), when it is one word that ended such a run (a surname), or when the gazetteer knows it as a primary place
    name (`gazetteer_places`)."""
    not_names, org_cues = vocabulary().not_names, vocabulary().org_cues
    seen: set[str] = set()
    out = []
    for index, (sentence, fact) in enumerate(zip(ctx.sentences, facts or carries_facts(ctx), strict=True)):
        need = False
        runs = name_runs(sentence.text) if fact or index < LEAD_SENTENCES else []
        places = {c.text for c in gazetteer_places(ctx.text, sentence, not_names)} if runs else set()
        for words in runs:
            name = " ".join(words)
            if name in seen or name in places:
                continue
            need = True
            seen.add(name)
            if words[-1] not in org_cues:  # a surname; "Ministry" ending "Health Ministry" names no other ministry
                seen.add(words[-1])
        out.append(need)
    return out


def missed_by_ner(ctx: Context, facts: list[bool], worth: list[bool], found: list[Candidate]) -> list[bool]:
    """Per sentence: True when it was left out of NER (`worth_ner`) for a run of names that NER, run on the
    earlier sentence holding it, did not return ("entered Jalal-Abad" read as a product): then no repeat can find
    the run, and the first sentence that holds it goes to NER after all."""
    known = {c.text for c in found} | {c.words[-1] for c in found if c.kind == "person"}
    not_names = vocabulary().not_names
    tried: set[str] = set()
    out = []
    for index, (sentence, fact) in enumerate(zip(ctx.sentences, facts, strict=True)):
        if worth[index] or not (fact or index < LEAD_SENTENCES):
            out.append(False)
            continue
        runs = [" ".join(words) for words in name_runs(sentence.text)]
        places = {c.text for c in gazetteer_places(ctx.text, sentence, not_names)} if runs else set()
        missed = {name for name in runs if name not in places and name not in tried and not _within(name, known)}
        tried |= missed  # one more try per name: where NER passes it over twice, it is no name to it
        out.append(bool(missed))
    return out


def _within(name: str, known: set[str]) -> bool:
    """The run is a recognised name, or its words are inside one ("Interior Ministry" in "Kyrgyz Interior
    Ministry")."""
    return name in known or any(f" {name} " in f" {k} " for k in known)


def _names_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w$-]|['’](?!s\b))")  # "Japan's"; not "US$"


def repeats(text: str, sentences: list[Sentence], known: list[Candidate]) -> list[Candidate]:
    """Other mentions, in the given sentences, of names already recognised in the article (one kind per text).

    Persons' surnames count as names of their own ("Bachelet" after "Michelle Bachelet")."""
    kinds: dict[str, Candidate] = {}
    for c in known:
        kinds.setdefault(c.text, c)
    for c in known:
        if c.kind == "person" and len(c.words) >= 2 and c.words[-1][:1].isupper():
            kinds.setdefault(c.words[-1], Candidate(0, 0, c.words[-1], "person", "propagated"))
    where = "\n".join(s.text for s in sentences)  # only names that occur there go into the pattern
    pattern = _names_pattern([t for t in kinds if len(t) > 1 and t in where])
    out: list[Candidate] = []
    if pattern is None:
        return out
    for sentence in sentences:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            source = kinds[match.group(0)]
            out.append(Candidate(match.start(), match.end(), match.group(0), source.kind, "propagated",
                                 source.long_form))
    return out


def gazetteer_places(text: str, sentence: Sentence, not_names: frozenset[str]) -> list[Candidate]:
    """Runs of capitalised words (not opening the sentence) that are a primary gazetteer name as a whole
    ("New York", a first-level region: "California"), or whose first word is one and the rest a title
    ("Kazakhstan President ..."); and a country's abbreviation the gazetteer lists ("U.S.", "UK", "UAE")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    vocab = vocabulary()
    out: list[Candidate] = []
    places = gazetteer()
    for match in _RUN.finditer(sentence.text):
        if match.start() == 0:
            continue
        words = match.group(0).split()
        if len(words) > 1 and vocab.title_at_start(words[1:]):
            words = words[:1]
        name = re.sub(r"['’]s$", "", " ".join(words))  # "Japan's"
        if name.lower() in not_names or name.lower() in STOP_WORDS or name.lower() in plain_words():
            continue
        # a region ("California") only where the text uses it as a place: many regions are also words ("Store")
        # (the lookups first: the context is read only for a region's name)
        if any(c.primary for c in places.lookup_all(name)) or (
                any(c.primary and c.place.name == name for c in places.lookup_regions(name))
                and _PLACE_BEFORE.search(sentence.text, 0, match.start())):
            start = sentence.start + match.start()
            out.append(Candidate(start, start + len(name), name, "place", "gazetteer"))
    for match in _ABBREVIATION.finditer(sentence.text):  # the gazetteer takes an acronym for a country only
        if match.start() > 0 and places.lookup_all(match.group(0)):
            start = sentence.start + match.start()
            out.append(Candidate(start, start + len(match.group(0)), match.group(0), "place", "gazetteer"))
    return out


_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s[A-Z][\w'’-]*[a-z][\w'’-]*){0,3}")
# not a currency: "US$ 299", "US dollars"
_ABBREVIATION = re.compile(r"(?<![\w.'’$-])(?:(?:[A-Z]\.){2,4}|[A-Z]{2,4}(?![\w'’$-]|\.\w))(?!\s*dollars?\b)")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|from|to|across|near|of|outside)\s+|[A-Z][\w'’-]+\s*,\s*)$")


def titled_names(text: str, sentence: Sentence) -> list[Candidate]:
    """Runs of two or three capitalised words next to a title or role ("spokesman Stefan X", "Natalia X, Special
    Representative of ..."); a leading title inside the run is cut off ("Special Representative Natalia X")."""
    from sitrep.annotate.entities import parser

    vocab = vocabulary()
    out: list[Candidate] = []
    for match in _RUN.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        start, titled = parser.strip_leading_title(text, start, end, vocab)
        words = text[start:end].split()
        if not 2 <= len(words) <= 3 or any(w in vocab.org_cues or w.lower() in vocab.not_names for w in words):
            continue
        if vocab.title_at_start(words) or any(w.rstrip("s") in vocab.demonyms for w in words):
            continue
        if not titled and any(c.primary for c in gazetteer().lookup_all(text[start:end])):
            continue  # "three major United States indexes": a place, as the extractor rules it for NER spans
        if titled or parser.title_before(text, start, vocab) or parser.title_after(text, end, vocab):
            out.append(Candidate(start, end, text[start:end], "person", "title"))
    return out
