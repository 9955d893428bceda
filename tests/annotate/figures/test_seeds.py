"""The figures of the five real seed pages, judged as evaluate/figures.py judges them."""

from __future__ import annotations

import json
from pathlib import Path

from evaluate.figures import count_fits, matches, predict


def test_seed_figures(seeds_dir: Path, gold_seeds: Path) -> None:
    gold = json.loads(gold_seeds.read_text(encoding="utf-8"))
    predicted = predict(seeds_dir)
    wanted = [g for g in gold["figures"] if not g.get("optional")]
    found = sum(any(matches(f, g) for f in predicted[g["doc"]][1]) for g in wanted)
    extra = sum(not any(matches(f, g) for g in gold["figures"] if g["doc"] == doc)
                for doc, (_, figures) in predicted.items() for f in figures)
    total = sum(len(figures) for _, figures in predicted.values())
    assert found / len(wanted) >= 0.95
    assert (total - extra) / total >= 0.95


def test_count_fits_rules() -> None:
    from sitrep.models import Figure

    dozens = Figure("killed", "protesters", "protesters", 12, None, True, "dozens", 0, 6, 0, 10)
    assert count_fits(dozens, {"vague": "dozens"})
    assert not count_fits(dozens, {"exact": 12})
