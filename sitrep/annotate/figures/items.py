"""The items the figures extractor works with: vocabularies, count phrases, measure cues and found figures.

`FoundFigure` is a `Figure` plus what the public dataclass has no field for yet: the finer reporting `term`
(IDMC terms such as "Evacuated", or "shot" for a shooting whose outcome is not stated), and whether it is of the
article's main incident (incidents.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sitrep.models import Figure

Hedge = Literal["exact", "approx", "min", "max", "range", "vague"]
Voice = Literal["passive", "active", "both", "noun"]


@dataclass(frozen=True)
class MeasureCue:
    measure: str
    term: str | None
    voice: Voice


@dataclass(frozen=True)
class Vocab:
    """Everything read from the data files beside the code, with the regular expressions built from them."""

    cues: dict[str, MeasureCue]  # phrase -> cue ("evacuat*" stems kept with their star)
    cue_patterns: tuple[tuple[re.Pattern[str], MeasureCue], ...]  # phrases with "*" or "<name>"
    cue_re: re.Pattern[str]
    groups: dict[str, str]  # phrase -> group
    group_re: re.Pattern[str]
    hedges: dict[str, str]  # phrase -> approx | min | max
    hedge_re: re.Pattern[str]
    vague: dict[str, tuple[int, int | None]]
    numbers: dict[str, int]  # number words
    scales: dict[str, int]
    count_re: re.Pattern[str]
    units_after: frozenset[str]
    before: frozenset[str]
    safe_re: re.Pattern[str]
    according_re: re.Pattern[str]
    tally_re: re.Pattern[str]  # "<source>'s latest toll": the group `source`
    reporting_re: re.Pattern[str]
    carry_re: re.Pattern[str]
    aux: frozenset[str]
    venue_re: re.Pattern[str] | None = None  # "told reporters in": the place that follows is where it was said
    fire_verbs: frozenset[str] = frozenset()  # "fired one shot": the count before "shot" is of shots

    def cue(self, phrase: str) -> MeasureCue | None:
        key = " ".join(phrase.lower().split())
        if key in self.cues:
            return self.cues[key]
        for pattern, cue in self.cue_patterns:
            if pattern.match(phrase):
                return cue
        return None


@dataclass(frozen=True)
class Count:
    """A count phrase in a sentence: "nearly 1,000", "dozens", "a 20-year-old man" (offsets index the article)."""

    low: int
    high: int | None
    approximate: bool
    hedge: Hedge
    text: str
    start: int
    end: int
    described: bool = False  # a described victim ("an 18-year-old man", "he") rather than a number
    group: str | None = None  # when the phrase itself names the group ("a police officer")
    group_text: str | None = None


@dataclass(frozen=True)
class Cue:
    """A measure cue found in a sentence."""

    cue: MeasureCue
    text: str
    start: int
    end: int
    negated: bool = False


@dataclass(frozen=True)
class FoundFigure:
    figure: Figure
    term: str | None = None  # IDMC reporting term, "shot", "sub" (intensive-care style sub-count), "victims"
    described: bool = False  # the count is one described victim ("a 20-year-old man", "he", "Ann Vell")
    main_incident: bool = True  # False: told of another incident or a tally ("9 officers shot this year")
