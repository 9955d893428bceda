"""The seed pages end to end: gold name variants resolve together, must-not-merge pairs stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.slow
def test_seed_entities(seeds_dir: Path, gold_seeds: Path) -> None:
    from evaluate.entities import seeds

    metrics, notes = seeds()
    assert metrics["seeds_merge_violations"] == 0, notes
    assert metrics["seeds_groups_resolved"] >= 0.9, notes
    assert metrics["seeds_places_within_0.1"] >= 0.75, notes
