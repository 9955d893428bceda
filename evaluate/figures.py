"""Figures on the seed pages: the full annotate stage on ../shared/seeds judged against ../shared/gold/seeds.json.

A predicted figure matches a gold figure when document, measure and one of the gold groups agree and the count
fits (gold/README.md): exact n; approx n (approximate, n within [low, high]); more_than / at_least n (low = n,
high open or above n); vague ("dozens": approximate, low 10..30, high open or large; "tens of thousands": low
10,000 or more). Predicted figures that match no gold figure (optional ones included) are false positives.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from evaluate import GOLD, SHARED, Report, prf
from sitrep.models import Article, Figure, RawDoc, document_id
from sitrep.text import split_paragraphs

log = logging.getLogger(__name__)


def load_article(path: Path) -> Article:
    """The clean stage when it is there (sitrep.clean.clean), else the page text as it is."""
    data = path.read_bytes()
    try:
        from sitrep.clean import clean  # type: ignore[attr-defined]

        return clean(RawDoc(source=str(path), kind="text", data=data))  # type: ignore[no-any-return]
    except (ImportError, AttributeError, NotImplementedError) as error:
        log.info("clean stage not available (%s); using the raw page text", error)
    text = data.decode("utf-8", errors="replace")
    return Article(doc_id=document_id(str(path)), source=str(path), text=text, paragraphs=split_paragraphs(text))


def count_fits(figure: Figure, gold: dict[str, Any]) -> bool:
    low, high = figure.low, figure.high
    if "exact" in gold:
        return low == high == gold["exact"] and not figure.approximate
    if "approx" in gold:
        return figure.approximate and low <= gold["approx"] <= (high if high is not None else low)
    for key in ("more_than", "at_least"):
        if key in gold:
            return low == gold[key] and (high is None or high > gold[key])
    if "vague" in gold:
        if gold["vague"].startswith("tens of thousands"):
            return low >= 10_000
        return figure.approximate and 10 <= low <= 30 and (high is None or high >= 100)
    return False


def matches(figure: Figure, gold: dict[str, Any]) -> bool:
    return figure.measure == gold["measure"] and figure.group in gold["group"] and count_fits(figure, gold)


def source_right(figure: Figure, gold: dict[str, Any]) -> bool:
    words = gold.get("source_any")
    if not words:
        return True
    return figure.source_text is not None and any(w.lower() in figure.source_text.lower() for w in words)


def predict(seeds: Path) -> dict[str, tuple[Article, tuple[Figure, ...]]]:
    from sitrep.annotate import annotate

    out = {}
    for path in sorted(seeds.glob("*.txt")):
        article = load_article(path)
        out[path.name[:3]] = (article, annotate(article).figures)
    return out


def judge(
    predicted: dict[str, tuple[str, tuple[Figure, ...]]], gold: dict[str, Any]
) -> tuple[dict[str, float], list[str]]:
    """Score figures per gold document name ("000") given (clean text, figures); returns metrics and misses."""
    tp = fn = fp = sources_ok = sources_total = taken = 0
    misses: list[str] = []
    for doc, (text, figures) in predicted.items():
        golds = [g for g in gold["figures"] if g["doc"] == doc]
        for want in golds:
            hit = next((f for f in figures if matches(f, want)), None)
            if want.get("optional"):
                continue
            if hit is None:
                fn += 1
                misses.append(f"missed {doc} {want['measure']} {want['group']}")
                continue
            tp += 1
            if want.get("source_any"):
                sources_total += 1
                sources_ok += source_right(hit, want)
                if not source_right(hit, want):
                    misses.append(f"source {doc} {want['measure']}: {hit.source_text!r}")
        for figure in figures:
            if not any(matches(figure, g) for g in golds):
                fp += 1
                misses.append(f"extra {doc} {figure.measure} {figure.count_text!r}")
        for nope in (n for n in gold["not_figures"] if n["doc"] == doc):
            for figure in figures:
                sentence = text[figure.sentence_start : figure.sentence_end]
                if nope["text"] in figure.count_text or nope["text"] in sentence:
                    taken += 1
                    misses.append(f"not-figure taken {doc} {nope['text']!r}")
    scores = prf(tp, fp, fn)
    metrics = {
        "recall": scores["recall"],
        "precision": scores["precision"],
        "f1": scores["f1"],
        "source_accuracy": sources_ok / sources_total if sources_total else 1.0,
        "not_figures_taken": float(taken),
    }
    return metrics, misses


def run(fast: bool = False) -> Report:
    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    predicted = {doc: (article.text, figures) for doc, (article, figures) in predict(SHARED / "seeds").items()}
    metrics, misses = judge(predicted, gold)
    return Report("figures", "shared/gold/seeds.json on shared/seeds", metrics,
                  {"goal": "recall >= 0.95, precision >= 0.95, source >= 0.90, 0 not-figures"}, misses)
