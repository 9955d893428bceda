"""Loads the call-verb patterns (data/call_verbs.txt) once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def call_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, compiled verb pattern) pairs; kind is "addressee" (X urged Y to Z) or "for" (X called for Z)."""
    out = []
    for line in (DATA / "call_verbs.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, pattern = line.split("\t", 1)
            out.append((kind.strip(), re.compile(rf"\b{pattern.strip()}\b")))
    return tuple(out)
