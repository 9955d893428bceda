"""Loads the quote vocabularies (reporting verbs, role nouns) from the data files beside this module, once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.vocab import data_lines

DATA = Path(__file__).parent / "data"



@dataclass(frozen=True)
class Vocabulary:
    reporting_verbs: frozenset[str]
    roles: tuple[str, ...]  # longest first

    @property
    def verb_pattern(self) -> str:
        return "|".join(sorted(self.reporting_verbs, key=len, reverse=True))

    @property
    def role_pattern(self) -> str:
        return "|".join(r.replace(" ", r"\s+") for r in self.roles)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    roles = sorted({r.lower() for r in data_lines(DATA / "roles.txt")}, key=len, reverse=True)
    return Vocabulary(frozenset(w.lower() for w in data_lines(DATA / "reporting_verbs.txt")), tuple(roles))
