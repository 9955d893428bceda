"""Extractor: events. Typed, dated, placed occurrences from the vocabulary in ``vocab.json``; see `extractor`."""

from __future__ import annotations

from sitrep.annotate.events.extractor import classify, extract, mentions, merge

__all__ = ["classify", "extract", "mentions", "merge"]
