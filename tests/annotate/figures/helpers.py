"""Run the figures extractor on a fictional text (no other extractor needed)."""

from __future__ import annotations

from sitrep.annotate.context import Context
from sitrep.annotate.figures import extract_found
from sitrep.annotate.figures.items import FoundFigure
from sitrep.models import Article, Figure
from sitrep.text import split_paragraphs, split_sentences


def found(text: str, published: str | None = "2031-03-07") -> tuple[FoundFigure, ...]:
    paragraphs = split_paragraphs(text)
    article = Article("doc-test", "test", text, paragraphs, published=published)
    return extract_found(Context(article, split_sentences(text, paragraphs), published))


def figures(text: str) -> list[Figure]:
    return [item.figure for item in found(text)]


def one(text: str) -> Figure:
    result = figures(text)
    assert len(result) == 1, result
    return result[0]
