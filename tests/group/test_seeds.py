"""The five seed pages through clean + annotate + features, grouped by link() + components() as in the store.

Gold (`gold/seeds.json`): 000 and 001 are one UN story (two translations: copies); 004 (the UN a day later) may
join them; 002 (an NGO statement of 10 January) is its own story in the same situation; 003 (2019) is another
situation.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from sitrep.group import DocFeatures, components, features, link
from sitrep.models import RawDoc
from sitrep.pipeline import process


def _features(seeds_dir: Path) -> dict[str, DocFeatures]:
    found = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        key = path.name[:3]
        processed = process(RawDoc(source=key, kind="text", data=path.read_bytes()))
        found[key] = features(processed.article, processed.annotations)
    return found


def test_seeds_group_as_the_gold_says(seeds_dir: Path, gold_seeds: Path) -> None:
    feats = _features(seeds_dir)
    gold = json.loads(gold_seeds.read_text(encoding="utf-8"))["documents"]
    by_id = {f.doc_id: key for key, f in feats.items()}
    links = [x for a, b in combinations(feats.values(), 2) if (x := link(a, b)) is not None]
    ids = sorted(by_id)
    grouped = {kind: {by_id[d]: g for d, g in components(ids, links, kind).items()}
               for kind in ("copy", "story", "situation")}
    copy, story, situation = grouped["copy"], grouped["story"], grouped["situation"]
    for a, b in combinations(sorted(gold), 2):
        assert (situation[a] == situation[b]) == (gold[a]["situation"] == gold[b]["situation"]), (a, b)
    assert copy["000"] == copy["001"] and story["000"] == story["001"]
    assert story["002"] not in {story["000"], story["003"], story["004"]}
    assert story["003"] != story["000"]
    # 004 may join the UN story of 000/001 (un-jan6) or stand alone (un-jan7); it is not a copy of 002 or 003
    assert copy["004"] not in {copy["002"], copy["003"]}
