"""Loads the call-verb patterns (data/call_verbs.txt) once per process."""

from __future__ import annotations

import re
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
