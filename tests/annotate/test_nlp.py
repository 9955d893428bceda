"""The shared spaCy helpers: NER per sentence, part-of-speech tags on demand for single tokens."""

from __future__ import annotations

import pytest

from sitrep.annotate.nlp import get_nlp, parse_sentences, pos_of
from sitrep.text import split_sentences

TEXT = (
    "Meanwhile, the Dorvalian coast guard rescued forty fishermen off the northern cape during the storm. "
    "Asked about the delay, the harbour master of Port Selwyn blamed the radio network and the fog. "
    "Selwyn residents gathered near the old lighthouse to watch the boats come home before dark."
)


def test_a_token_tagged_on_the_start_of_its_sentence_has_the_tag_of_the_whole_sentence() -> None:
    parsed = parse_sentences(split_sentences(TEXT))
    assert len(parsed) == 3
    for p in parsed:
        whole = get_nlp()(p.sentence.text)
        for i in range(3):
            assert pos_of(p.doc, i) == whole[i].pos_, (p.sentence.text, i)


def test_docs_are_shared_between_callers() -> None:
    sentences = split_sentences(TEXT)
    first = parse_sentences(sentences)
    again = parse_sentences(sentences, keep=lambda s: s.start > 0)
    assert [p.doc for p in again] == [p.doc for p in first[1:]]



@pytest.mark.parametrize("sentence", [
    "Officials in Port Selwyn said on Monday that fishing boats could not leave the harbour until the storm had "
    "passed, and that the ferry to Dorval would stay in port.",
    "Asked whether the rescued crew would be flown home, the minister said that was up to the airline that had "
    "chartered the plane.",
])
def test_every_token_tagged_on_a_cut_copy_has_the_tag_of_the_whole_sentence(sentence: str) -> None:
    # a cut one token after the tagged one changes some of these tags; `TAG_CONTEXT` tokens must not
    whole = get_nlp()(sentence)
    for i in range(len(whole)):
        doc = get_nlp().make_doc(sentence)  # untagged: pos_of tags a cut copy
        assert pos_of(doc, i) == whole[i].pos_, (i, whole[i].text)
