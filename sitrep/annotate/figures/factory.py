"""Build the figures extractor's vocabularies from the data files beside the code (read once, cached).

Data files (tab-separated, `#` comments): `measures.tsv` (measure cues), `groups.tsv` (victim groups),
`quantities.tsv` (hedges, vague quantities, number words) and `context.tsv` (not-figure contexts, attribution).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sitrep.annotate.figures.items import FoundFigure, MeasureCue, Vocab, Voice
from sitrep.vocab import data_rows

if TYPE_CHECKING:
    from collections.abc import Callable

    from sitrep.annotate.context import Context

log = logging.getLogger(__name__)
DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[list[str]]:
    return data_rows(DATA / name)


_NAME = r"(?:(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,4})"  # "<name>" in a phrase: capitalised words


# "<n>" in a phrase: how many of a thing, or none said ("suffered <n> gunshot wound*": "three", "multiple")
_HOW_MANY = (r"(?:(?:an?(?:\s+single)?|one|two|three|four|five|six|seven|eight|nine|ten|multiple|several|numerous|"
             r"\d{1,3})\s+)?")


def _alternation(phrases: list[str]) -> str:
    """A regex alternation, longest phrase first, white space flexible, `*` as a word-stem wildcard."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(_NAME if word == "<name>" else re.escape(word) for word in phrase.rstrip("*").split())
        body = body.replace(r"<n>\s+", _HOW_MANY)
        parts.append(body + (r"[a-z]*" if phrase.endswith("*") else ""))
    return "|".join(parts)


def _words_re(phrases: list[str]) -> re.Pattern[str]:
    # (?![a-z]) rather than \b so that words glued to the next sentence ("protestersIn") still match.
    return re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?-i:(?![a-z]))", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_vocab() -> Vocab:
    cues: dict[str, MeasureCue] = {}
    for phrase, measure, term, voice in _rows("measures.tsv"):
        cues[phrase.lower()] = MeasureCue(measure, None if term == "-" else term, cast(Voice, voice))
    groups = {phrase.lower(): group for phrase, group in _rows("groups.tsv")}
    hedges: dict[str, str] = {}
    vague: dict[str, tuple[int, int | None]] = {}
    numbers: dict[str, int] = {}
    scales: dict[str, int] = {}
    for row in _rows("quantities.tsv"):
        kind, phrase = row[0], row[1].lower()
        if kind == "hedge":
            hedges[phrase] = row[2]
        elif kind == "vague":
            vague[phrase] = (int(row[2]), None if row[3] == "-" else int(row[3]))
        elif kind == "word":
            numbers[phrase] = int(row[2])
        elif kind == "scale":
            scales[phrase] = int(row[2])
    context: dict[str, list[str]] = {}
    for kind, phrase in _rows("context.tsv"):
        context.setdefault(kind, []).append(phrase.lower())
    word_numbers = [w for w in numbers if w not in ("a", "an")]
    number_word = rf"(?:{_alternation(word_numbers)})(?:[\s-]+(?:and\s+)?(?:{_alternation([*word_numbers, *scales])}))*"
    digits = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:\.\d+)?"
    count_re = re.compile(
        rf"(?<![\w.,:/+#-])(?P<num>{digits})(?:\s+(?P<scale>{_alternation(list(scales))}))?(?![\w%]|[.,:/-]\d)"
        rf"|(?<![\w-])(?P<vague>{_alternation(list(vague))})(?![a-z])"
        rf"|(?<![\w-])(?P<word>{number_word})(?![a-z])",
        re.IGNORECASE,
    )
    patterns = tuple((re.compile(_alternation([p]) + "$", re.IGNORECASE), cue) for p, cue in cues.items()
                     if "*" in p or "<" in p)
    vocab = Vocab(
        cues=cues,
        cue_patterns=patterns,
        cue_re=_words_re(list(cues)),
        groups=groups,
        group_re=_words_re(list(groups)),
        hedges=hedges,
        hedge_re=re.compile(rf"(?<![\w-])(?:{_alternation(list(hedges))})\s*$", re.IGNORECASE),
        vague=vague,
        numbers=numbers,
        scales=scales,
        count_re=count_re,
        units_after=frozenset(context.get("unit_after", [])),
        before=frozenset(context.get("before", [])),
        safe_re=_words_re(context.get("safe", [])),
        according_re=_words_re(context.get("according", [])),
        tally_re=re.compile(
            rf"(?P<source>\b(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){{0,4}}[A-Z][\w-]*|\b(?:[Tt]he\s+)?(?:{_alternation(_AGENTS)}))"
            rf"['’]s\s+(?:(?:latest|official|own|new|updated|preliminary|final|revised)\s+)*"
            rf"(?:{_alternation(context.get('tally', []))})\b"
        ),
        reporting_re=_words_re(context.get("reporting", [])),
        carry_re=re.compile(rf"^\W*(?:{_alternation(context.get('carry', []))})\b", re.IGNORECASE),
        aux=frozenset(context.get("aux", [])),
        fire_verbs=frozenset(context.get("fire_verb", [])),
        venue_re=re.compile(
            rf"\b(?:{_alternation(context.get('venue', []))})\b(?:\W+\w+){{0,3}}?\W+(?:in|at)\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
    )
    log.debug("figures vocabulary: %d cues, %d groups", len(cues), len(groups))
    return vocab


_AGENTS = ["police", "officials", "authorities", "ministry", "government", "army", "military", "agency"]


def make_extractor() -> Callable[[Context], list[FoundFigure]]:
    """The extractor with its vocabularies loaded (once per process)."""
    from sitrep.annotate.figures.extractor import extract_sentences

    vocab = load_vocab()

    def run(ctx: Context) -> list[FoundFigure]:
        return extract_sentences(ctx, vocab)

    return run
