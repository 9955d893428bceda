"""The cheap pass: which sentences deserve spaCy's NER, and names found without it in the others.

A sentence goes to NER when it is the title or lead, holds a number or count word, a quote mark, a reporting or
call verb, a date (a time mention or a month / weekday name) or an event trigger (the events vocabulary). Elsewhere
names come from cheap rules: the exact text of names NER recognised elsewhere in the article (word-bounded, case
sensitive; for persons also the surname alone), capitalised words and pairs that the gazetteer knows as a primary
place name, and title + capitalised name patterns (run by the extractor on every sentence).
"""

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

LEAD_SENTENCES = 2


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    """One pattern for every cue word or phrase (case-insensitive)."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in data_lines(DATA / "cue_words.txt")]
    verbs = sorted(vocabulary().reporting_verbs | quote_vocabulary().reporting_verbs, key=len, reverse=True)
    words += [re.escape(v) for v in verbs]
    words += [pattern.pattern.removeprefix(r"\b").removesuffix(r"\b") for _, pattern in call_patterns()]
    return re.compile(r"\d|[\"“”«»„]|\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def trigger_pattern() -> re.Pattern[str]:
    """Any event trigger of the events vocabulary, as one pattern."""
    triggers = [p.pattern for kind in event_vocabulary().types for p in kind.triggers]
    return re.compile("|".join(f"(?:{t})" for t in triggers), re.IGNORECASE)


def worth_ner(ctx: Context) -> list[bool]:
    """Per sentence of the article: True when spaCy's NER should run on it."""
    times = sorted((t.start, t.end) for t in ctx.times)
    cues, triggers = cue_pattern(), trigger_pattern()
    out = []
    for index, sentence in enumerate(ctx.sentences):
        dated = any(sentence.start <= s < sentence.end for s, _ in times)
        out.append(index < LEAD_SENTENCES or dated or bool(cues.search(sentence.text))
                   or bool(triggers.search(sentence.text)))
    return out


def _names_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])")


def repeats(text: str, sentences: list[Sentence], known: list[Candidate]) -> list[Candidate]:
    """Other mentions, in the given sentences, of names already recognised in the article (one kind per text).

    Persons' surnames count as names of their own ("Bachelet" after "Michelle Bachelet")."""
    kinds: dict[str, Candidate] = {}
    for c in known:
        kinds.setdefault(c.text, c)
    for c in known:
        if c.kind == "person" and len(c.words) >= 2 and c.words[-1][:1].isupper():
            kinds.setdefault(c.words[-1], Candidate(0, 0, c.words[-1], "person", "propagated"))
    pattern = _names_pattern([t for t in kinds if len(t) > 1])
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
    ("New York"), or whose first word is one and the rest a title ("Kazakhstan President ...")."""
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
        name = " ".join(words)
        if name.lower() in not_names or name.lower() in STOP_WORDS or name in vocab.demonyms:
            continue
        if any(c.primary for c in places.lookup_all(name)):
            start = sentence.start + match.start()
            out.append(Candidate(start, start + len(name), name, "place", "gazetteer"))
    return out


_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s[A-Z][\w'’-]*[a-z][\w'’-]*){0,3}")


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
        if titled or parser.title_before(text, start, vocab) or parser.title_after(text, end, vocab):
            out.append(Candidate(start, end, text[start:end], "person", "title"))
    return out
