"""Article dates inferred for the seed pages that print none (true dates around 6-7 January 2022)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.annotate.times import infer_article_date
from sitrep.text import split_paragraphs, split_sentences


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_undated_seed_pages_get_a_date_in_the_first_week_of_january_2022(seeds_dir: Path, prefix: str) -> None:
    path = next(seeds_dir.glob(f"{prefix}_*"))
    text = path.read_text(encoding="utf-8")
    inferred = infer_article_date(text, split_sentences(text, split_paragraphs(text)))
    assert inferred in {"2022-01-06", "2022-01-07"}
