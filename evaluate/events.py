"""Event typing on CASE 2021 task 2 (weighted F1 over the labels mapped to sitrep types) and event recall on seeds.

CASE: each snippet gets one type, the most specific factual trigger found (`events.classify`); the gold labels
are mapped to sitrep types with ``sitrep/annotate/events/case2021_mapping.json`` and only snippets whose gold
label has a counterpart are scored. Weighted F1 = per-type F1 weighted by gold support, over the mapped types
(a snippet with no event found counts as a miss). Nothing is trained; the vocabulary is general event wording.

Seeds: the five pages in ../seeds are annotated (dates inferred where none is printed) and each gold event of
../gold/seeds.json counts as found when a page of its situation has an event of that type with an accepted date.
"""

from __future__ import annotations

import importlib
import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from evaluate import BENCH, GOLD, SHARED, Report, prf
from sitrep.annotate.events import classify
from sitrep.annotate.events.factory import case_mapping

log = logging.getLogger(__name__)
CASE = BENCH / "case2021-task2" / "case2021_task2_test.jsonl"
FAST_SIZE = 400


def case_scores(limit: int | None = None, confusion: Counter[tuple[str, str]] | None = None) -> dict[str, float]:
    mapping = case_mapping()
    rows = [json.loads(line) for line in CASE.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["label"] in mapping][:limit]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    right = 0
    for row in rows:
        gold, ours = mapping[row["label"]], classify(row["text"]) or "none"
        if confusion is not None:
            confusion[(gold, ours)] += 1
        if gold == ours:
            tp[gold] += 1
            right += 1
        else:
            fn[gold] += 1
            fp[ours] += 1
    support = Counter(mapping[r["label"]] for r in rows)
    weighted = sum(prf(tp[k], fp[k], fn[k])["f1"] * n for k, n in support.items()) / max(1, len(rows))
    macro = sum(prf(tp[k], fp[k], fn[k])["f1"] for k in support) / max(1, len(support))
    return {"case_weighted_f1": weighted, "case_macro_f1": macro, "case_accuracy": right / max(1, len(rows)),
            "case_snippets": float(len(rows))}


def _article(path: Path) -> Any:
    from sitrep.models import Article, RawDoc, document_id
    from sitrep.text import split_paragraphs

    try:
        clean = importlib.import_module("sitrep.clean").clean
        return clean(RawDoc(source=str(path), kind="text", data=path.read_bytes()))
    except Exception as error:  # clean is optional here: fall back to the raw text
        log.info("clean unavailable for %s (%s); using raw text", path.name, error)
        text = path.read_text(encoding="utf-8")
        return Article(document_id(str(path)), str(path), text, split_paragraphs(text))


def seeds_scores() -> dict[str, float]:
    from sitrep.annotate.context import Context
    from sitrep.annotate.events import extract
    from sitrep.annotate.times import extract as extract_times
    from sitrep.annotate.times import infer_article_date
    from sitrep.text import split_sentences

    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    found: dict[str, set[tuple[str, str | None]]] = {}
    for path in sorted((SHARED / "seeds").iterdir()):
        article = _article(path)
        sentences = split_sentences(article.text, article.paragraphs)
        published = article.published or infer_article_date(article.text, sentences)
        ctx = Context(article, sentences, published)
        ctx = Context(article, sentences, published, times=extract_times(ctx))
        situation = gold["documents"][path.name[:3]]["situation"]
        found.setdefault(situation, set()).update((e.type, e.date) for e in extract(ctx))
    hits = typed = 0
    for want in gold["events"]:
        accepted = set(want.get("date_any_of") or [want.get("date")])
        got = found.get(want["situation"], set())
        typed += any(kind == want["type"] for kind, _ in got)
        hits += any(kind == want["type"] and (date in accepted or want.get("optional_date")) for kind, date in got)
    n = len(gold["events"])
    return {"seeds_event_recall_type_date": hits / n, "seeds_event_recall_type": typed / n}


def run(fast: bool = False) -> Report:
    metrics = case_scores(FAST_SIZE if fast else None)
    if (SHARED / "seeds").exists():
        metrics.update(seeds_scores())
    return Report(
        capability="events",
        data=f"CASE 2021 task 2 test, labels mapped to sitrep types ({'first 400 ' if fast else ''}snippets) + seeds",
        metrics=metrics,
        anchors={"CASE weighted F1": "best supervised system 0.839 (subtask 1, 25 classes; Haneczok et al. 2021)"},
        notes=["unsupervised vocabulary; gold labels merged where sitrep has one type (see case2021_mapping.json)"],
    )
