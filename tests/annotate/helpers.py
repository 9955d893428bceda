"""Build an annotation context from a fictional text (entities extracted, as the pipeline does)."""

from __future__ import annotations

from sitrep.annotate import entities
from sitrep.annotate.context import Context
from sitrep.models import Article
from sitrep.text import split_paragraphs, split_sentences


def context(text: str, doc_id: str = "doc-test") -> Context:
    article = Article(doc_id=doc_id, source=doc_id, text=text, paragraphs=split_paragraphs(text))
    ctx = Context(article, split_sentences(text, article.paragraphs), "2030-03-04")
    return Context(article, ctx.sentences, ctx.published, mentions=entities.extract(ctx))
