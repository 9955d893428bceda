"""Extractor: times. Every time expression normalized against the article date; see `extractor` and `infer`."""

from __future__ import annotations

from sitrep.annotate.times.extractor import extract, extract_parts
from sitrep.annotate.times.infer import infer_article_date

__all__ = ["extract", "extract_parts", "infer_article_date"]
