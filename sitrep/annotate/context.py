"""What every extractor receives: the article, its sentences, its date, and what earlier extractors found."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.models import Article, Mention, Sentence, TimeExpr


@dataclass(frozen=True)
class Context:
    article: Article
    sentences: tuple[Sentence, ...]
    published: str | None  # ISO date used to resolve relative dates ("on Thursday")
    times: tuple[TimeExpr, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def text(self) -> str:
        return self.article.text
