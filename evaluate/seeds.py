"""The seeds acceptance: the whole pipeline on ../shared/seeds, the exported picture judged against
../shared/gold/seeds.json as its README says (documents, stories, situations, figures, series, entities, events).
"""

from __future__ import annotations

import json
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

from evaluate import GOLD, SHARED, Report
from evaluate.figures import judge
from sitrep.models import Figure

Picture = dict[str, Any]


def build_picture(seeds: Path | None = None) -> Picture:
    from sitrep.export.picture import load_picture
    from sitrep.runner import run
    from sitrep.store.database import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "seeds.sqlite") as store:
        run(store, [str(seeds or SHARED / "seeds")])
        return load_picture(store.conn)


def _by_gold_name(picture: Picture) -> dict[str, dict[str, Any]]:
    return {Path(d["source"]).name[:3]: d for d in picture["documents"]}


def _pairs_agree(docs: dict[str, dict[str, Any]], gold_docs: dict[str, Any], field: str) -> float:
    right = total = 0
    for a, b in combinations(sorted(gold_docs), 2):
        if a not in docs or b not in docs:
            continue
        gold_a = set(gold_docs[a].get(f"{field}_any_of") or [gold_docs[a].get(field)])
        gold_b = set(gold_docs[b].get(f"{field}_any_of") or [gold_docs[b].get(field)])
        ours = docs[a][f"{field}_id"] == docs[b][f"{field}_id"]
        strict_same, maybe_same = gold_a == gold_b and len(gold_a) == 1, bool(gold_a & gold_b)
        total += 1
        right += ours == strict_same or (maybe_same and not strict_same)
    return right / total if total else 1.0


def _dates(docs: dict[str, dict[str, Any]], gold_docs: dict[str, Any]) -> float:
    right = 0
    for name, gold in gold_docs.items():
        doc = docs.get(name)
        if doc is None:
            continue
        if gold["published"]:
            right += doc["published"] == gold["published"] and not doc["published_inferred"]
        else:  # no printed date: an inferred date is fine, a claimed printed one is not
            right += doc["published"] is None or doc["published_inferred"]
    return right / len(gold_docs)


def _series(picture: Picture, gold: dict[str, Any], docs: dict[str, dict[str, Any]]) -> float:
    situation_of = {g["situation"]: docs[name]["situation_id"] for name, g in gold["documents"].items() if name in docs}
    met = 0
    for want in gold["series"]:
        found = [s for s in picture["series"] if s["situation_id"] == situation_of.get(want["situation"])
                 and s["measure"] == want["measure"] and s["group"] == want["group"]]
        ok = bool(found)
        for s in found[:1]:
            if "best_exact" in want:
                ok &= s["best_low"] == s["best_high"] == want["best_exact"]
            if "latest_more_than" in want:
                ok &= s["best_low"] >= want["latest_more_than"] and s["best_high"] is None
            if "independent_origins_max" in want:
                ok &= s["independent_origins"] <= want["independent_origins_max"]
            if "conflict" in want:
                ok &= s["conflict"] == want["conflict"]
        met += ok
    return met / len(gold["series"])


def _entities(picture: Picture, gold: dict[str, Any]) -> tuple[float, int]:
    def entity_of(variant: str) -> set[str]:
        return {e["id"] for e in picture["entities"] if variant in e["aliases"] or e["name"] == variant}

    merged = 0
    for want in gold["entities"]:
        ids = [entity_of(v) for v in want["variants"]]
        seen = [i for i in ids if i]
        merged += bool(seen) and len(set.union(*seen)) == 1 and len(seen) == len(ids)
    violations = sum(bool(entity_of(a) & entity_of(b)) for a, b in gold["must_not_merge"])
    return merged / len(gold["entities"]), violations


def _events(picture: Picture, gold: dict[str, Any], docs: dict[str, dict[str, Any]]) -> float:
    situation_of = {g["situation"]: docs[name]["situation_id"] for name, g in gold["documents"].items() if name in docs}
    found = 0
    for want in gold["events"]:
        dates = want.get("date_any_of") or [want.get("date")]
        candidates = [e for e in picture["events"]
                      if e["situation_id"] == situation_of.get(want["situation"]) and e["type"] == want["type"]]
        found += any(
            want.get("optional_date") or (e["date"] or "")[:10] in dates or (e["date"] is None and None in dates)
            for e in candidates
        )
    return found / len(gold["events"])


def _figures_by_name(picture: Picture, docs: dict[str, dict[str, Any]]) -> dict[str, tuple[str, tuple[Figure, ...]]]:
    """The exported figures back as Figure records per gold document name, for the one figure judge.

    The judge reads each figure's sentence through its offsets, so the text given is the sentences joined.
    """
    out: dict[str, tuple[str, tuple[Figure, ...]]] = {}
    for name, doc in docs.items():
        text, figures = "", []
        for f in (f for f in picture["figures"] if f["document_id"] == doc["id"]):
            start = len(text)
            text += f["sentence"] + "\n"
            figures.append(Figure(
                measure=f["measure"], group=f["group"], group_text=f["group_text"], low=f["low"], high=f["high"],
                approximate=f["approximate"], count_text=f["count_text"], start=f["start"], end=f["end"],
                sentence_start=start, sentence_end=start + len(f["sentence"]), source_text=f["source_text"],
            ))
        out[name] = (text, tuple(figures))
    return out


def score(picture: Picture, gold: dict[str, Any]) -> dict[str, float]:
    docs = _by_gold_name(picture)
    figures, _ = judge(_figures_by_name(picture, docs), gold)
    merged, violations = _entities(picture, gold)
    return {
        "documents_dates": _dates(docs, gold["documents"]),
        "situations_pairs": _pairs_agree(docs, gold["documents"], "situation"),
        "stories_pairs": _pairs_agree(docs, gold["documents"], "story"),
        **{f"figures_{k}": v for k, v in figures.items()},
        "series_met": _series(picture, gold, docs),
        "entities_merged": merged,
        "must_not_merge_violations": float(violations),
        "events_found": _events(picture, gold, docs),
    }


def run(fast: bool = False) -> Report:
    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    return Report("seeds", "../shared/gold/seeds.json (5 real pages, hand-made gold)", score(build_picture(), gold),
                  notes=["every expectation met = 1.0; must_not_merge_violations is a ceiling (goal 0)"])
