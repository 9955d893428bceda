"""Loads the entity vocabularies (data files beside this module) once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.vocab import data_lines, data_rows

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Vocabulary:
    titles: frozenset[tuple[str, ...]]  # lower-case word tuples: ("special", "representative")
    max_title_words: int
    org_cues: frozenset[str]
    not_names: frozenset[str]
    demonyms: frozenset[str]
    demonym_countries: dict[str, str]  # "Kyrgyz" -> "KG"
    reporting_verbs: frozenset[str]
    portfolios: frozenset[str]  # "Interior" in "Interior Minister X"
    national_words: frozenset[str]  # the words of "Interior Ministry", "National Guard": a body every country has

    def title_at_end(self, words: list[str]) -> int:
        """How many of the last words form a title (0 if none); longest match wins."""
        lowered = [w.lower().rstrip(".") for w in words]
        for n in range(min(self.max_title_words, len(lowered)), 0, -1):
            if tuple(lowered[-n:]) in self.titles:
                return n
        return 0

    def title_at_start(self, words: list[str]) -> int:
        """How many of the first words form a title (0 if none); longest match wins."""
        lowered = [w.lower().rstrip(".") for w in words]
        for n in range(min(self.max_title_words, len(lowered)), 0, -1):
            if tuple(lowered[:n]) in self.titles:
                return n
        return 0


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    titles = frozenset(tuple(t.lower().split()) for t in data_lines(DATA / "titles.txt"))
    demonyms = data_rows(DATA / "demonyms.tsv")
    return Vocabulary(
        titles=titles,
        max_title_words=max(len(t) for t in titles),
        org_cues=frozenset(data_lines(DATA / "org_cues.txt")),
        not_names=frozenset(w.lower() for w in data_lines(DATA / "not_names.txt")),
        demonyms=frozenset(row[0] for row in demonyms),
        demonym_countries={row[0]: row[1] for row in demonyms if len(row) > 1},
        reporting_verbs=frozenset(w.lower() for w in data_lines(DATA / "reporting_verbs.txt")),
        portfolios=frozenset(data_lines(DATA / "portfolios.txt")),
        national_words=frozenset(data_lines(DATA / "national_words.txt")),
    )
