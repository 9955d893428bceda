"""Words glued or broken by PDF extraction (repair.py): repaired for the extractor, offsets kept as written."""

from __future__ import annotations

import pytest

from sitrep.annotate.figures import repair
from sitrep.annotate.figures.factory import load_vocab
from tests.annotate.figures.helpers import found

WORDS = repair.words_of(load_vocab())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 9,100 peoplewere evacuated", "about 9,100 people were evacuated"),
        ("at least52,000 people", "at least 52,000 people"),
        ("Around2.4 million people", "Around 2.4 million people"),
        ("3,000 residents hadevacuated", "3,000 residents had evacuated"),
        ("floods displacedabout 800 people", "floods displaced about 800 people"),
        ("about 610 fami-lies", "about 610 families"),
        ("7,300 people in IDPcamps", "7,300 people in IDP camps"),
    ],
)
def test_glued_words_are_split(text: str, expected: str) -> None:
    repaired = repair.repair(text, WORDS)
    assert repaired is not None and repaired[0] == expected


@pytest.mark.parametrize("text", ["the overall response however was slow", "road A4 and COVID19 wards",
                                  "a well-known iPhone app", "Salen-based workers"])
def test_ordinary_words_are_not_cut(text: str) -> None:
    assert repair.repair(text, WORDS) is None


def test_figures_of_a_glued_sentence_keep_the_offsets_of_the_text() -> None:
    text = "Ahead of the storm, at least14,500 peoplewere evacuated in Salen province."
    (item,) = [i for i in found(text) if i.figure.measure == "displaced"]
    assert (item.figure.low, item.term) == (14500, "Evacuated")
    assert text[item.figure.start : item.figure.end] == item.figure.count_text == "at least14,500"
