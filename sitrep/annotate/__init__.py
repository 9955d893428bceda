"""Annotate: Article -> Annotations.

Extractors run in this order, each one a folder with the same shape (factory, extractor, parser, items and its
vocabulary data files), each seeing what the earlier ones found:

    sentences (sitrep.text) -> article date (times.infer_article_date) -> times -> entities (mentions)
    -> figures -> events -> quotes -> calls (which read the quotes: a call made inside one)
"""

from __future__ import annotations

from sitrep.annotate import calls, entities, events, figures, quotes, times
from sitrep.annotate.context import Context
from sitrep.models import Annotations, Article
from sitrep.text import split_sentences


def annotate(article: Article) -> Annotations:
    sentences = split_sentences(article.text, article.paragraphs)
    published, inferred = article.published, False
    if published is None:
        published = times.infer_article_date(article.text, sentences)
        inferred = published is not None
    ctx = Context(article=article, sentences=sentences, published=published)
    ctx = Context(article, sentences, published, times=times.extract(ctx))
    ctx = Context(article, sentences, published, times=ctx.times, mentions=entities.extract(ctx))
    quoted = quotes.extract(ctx)
    return Annotations(
        doc_id=article.doc_id,
        published=published,
        published_inferred=inferred,
        sentences=sentences,
        times=ctx.times,
        mentions=ctx.mentions,
        figures=figures.extract(ctx),
        events=events.extract(ctx),
        quotes=quoted,
        calls=calls.extract(ctx, quoted),
    )
