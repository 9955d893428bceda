"""Boilerplate removal on the Zyte article-extraction benchmark (../shared/bench/zyte-article-extraction-benchmark).

Our `sitrep.clean.clean` runs on each page (html/<id>.html.gz, UTF-8) and its text is compared with the
human-annotated article body (ground-truth.json) by the benchmark's own metric, re-implemented from its
SOURCE.md: `\\w+` tokens, multisets of word 4-gram shingles, per-document tp/fp/fn normalised by their sum,
per-document precision and recall (1 when fp = fn = 0; skipped when undefined), macro-averaged, F1 the harmonic
mean of the averages. Accuracy = identical token sequences. The fast subset is the first 40 pages by id.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import time
from collections import Counter

from evaluate import BENCH, Report
from sitrep.clean import clean
from sitrep.errors import InputError
from sitrep.models import RawDoc

DATA = BENCH / "zyte-article-extraction-benchmark"
FAST_PAGES = 40
_TOKEN = re.compile(r"\w+", re.UNICODE)
ANCHORS = {
    "trafilatura 2.0.0": "F1 0.958  P 0.938  R 0.978  acc 0.293 (all 181 pages)",
    "rs_trafilatura": "F1 0.970  P 0.951  R 0.990",
    "AutoExtract (Nov 2019)": "F1 0.970  P 0.984  R 0.956",
    "newspaper4k 0.9.3.1": "F1 0.949  P 0.964  R 0.934",
    "readability 0.8.4.1": "F1 0.922  P 0.913  R 0.931",
    "goose3 3.1.20": "F1 0.896  P 0.940  R 0.856",
    "justext 3.0.2": "F1 0.804  P 0.858  R 0.756",
    "html-text 0.7.0": "F1 0.665  P 0.500  R 0.994",
}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shingles(words: list[str], n: int = 4) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_scores(predicted: str, gold: str) -> tuple[float | None, float | None]:
    """Per-document (precision, recall); None where the benchmark leaves it out."""
    pred, true = shingles(tokens(predicted)), shingles(tokens(gold))
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    total = tp + fp + fn
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    precision = tp_n / (tp_n + fp_n) if tp_n + fp_n else None
    recall = tp_n / (tp_n + fn_n) if tp_n + fn_n else None
    return precision, recall


def run(fast: bool = False) -> Report:
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    gold: dict[str, dict[str, str]] = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[:FAST_PAGES] if fast else sorted(gold)
    precisions: list[float] = []
    recalls: list[float] = []
    exact = errors = 0
    started = time.perf_counter()
    for page_id in ids:
        data = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes())
        raw = RawDoc(source=f"zyte/{page_id}", kind="html", data=data, url=gold[page_id].get("url"), encoding="utf-8")
        try:
            text = clean(raw).text
        except InputError:
            text, errors = "", errors + 1
        truth = gold[page_id].get("articleBody") or ""
        precision, recall = page_scores(text, truth)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
        exact += tokens(text) == tokens(truth)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    seconds = time.perf_counter() - started
    return Report(
        capability="clean",
        data=f"zyte article-extraction benchmark, {len(ids)} pages{' (fast: first by id)' if fast else ''}",
        metrics={"f1": f1, "precision": p, "recall": r, "accuracy": exact / len(ids), "pages_failed": float(errors)},
        anchors=ANCHORS,
        notes=[f"{seconds:.1f} s for {len(ids)} pages; anchors are on all 181 pages, the fast subset is a sample"],
    )
