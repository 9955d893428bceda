"""Loads the call-verb patterns (data/call_verbs.txt) and the words that tell a noun from a verb
(data/noun_use.tsv) once per process."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from sitrep.vocab import data_rows

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def call_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, compiled verb pattern) pairs; kind is "addressee" (X urged Y to Z) or "for" (X called for Z)."""
    out = []
    for kind, pattern in data_rows(DATA / "call_verbs.txt"):
        out.append((kind, re.compile(rf"\b{pattern}\b")))
    return tuple(out)


@lru_cache(maxsize=1)
def noun_use() -> dict[str, frozenset[str]]:
    """kind ("after_demand", "before_calls", "subject", "not_plural") -> its words (data/noun_use.tsv)."""
    words: dict[str, set[str]] = defaultdict(set)
    for kind, word in data_rows(DATA / "noun_use.tsv"):
        words[kind].add(word)
    return {kind: frozenset(found) for kind, found in words.items()}
