"""Extractor: quotes. Direct and indirect quotes with their speaker resolved to an entity mention."""

from __future__ import annotations

from sitrep.annotate.quotes.extractor import extract

__all__ = ["extract"]
