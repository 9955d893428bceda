"""The shared spaCy helper: NER per sentence, shared between callers."""

from __future__ import annotations

from sitrep.annotate.nlp import parse_sentences
from sitrep.text import split_sentences

TEXT = (
    "Meanwhile, the Dorvalian coast guard rescued forty fishermen off the northern cape during the storm. "
    "Asked about the delay, the harbour master of Port Selwyn blamed the radio network and the fog. "
    "Selwyn residents gathered near the old lighthouse to watch the boats come home before dark."
)


def test_docs_are_shared_between_callers() -> None:
    sentences = split_sentences(TEXT)
    first = parse_sentences(sentences)
    again = parse_sentences(sentences, keep=lambda s: s.start > 0)
    assert [p.doc for p in again] == [p.doc for p in first[1:]]


def test_ner_alone_finds_what_the_full_pipeline_finds() -> None:
    import spacy

    from sitrep.annotate.nlp import MODEL

    full = spacy.load(MODEL)
    for p in parse_sentences(split_sentences(TEXT)):
        assert [(e.text, e.label_) for e in p.doc.ents] == [(e.text, e.label_) for e in full(p.sentence.text).ents]
