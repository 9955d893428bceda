"""Time normalization on TempEval-3 platinum (and MEANTIME): relaxed span F1, value accuracy, value F1.

Scoring follows the TempEval-3 Task A scorer as described in ../bench/tempeval3/SOURCE.md: a system timex matches a
gold timex when their character spans overlap (relaxed match, one-to-one); value accuracy is measured over the
matched pairs; value F1 = relaxed F1 x value accuracy. The extractor's atomic expressions (`extract_parts`, one per
TIMEX3, intervals not joined) are scored, each document normalized against its DCT. Tuned by looking at the
training data (TimeBank, AQUAINT); reported on platinum. `fast` = platinum only. MEANTIME is scored on its
annotated region (title + first sentences; the DCT dateline excluded).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from evaluate import BENCH, MEANTIME, Report, meantime_region, prf
from sitrep.annotate.context import Context
from sitrep.annotate.times import extract_parts
from sitrep.models import Article
from sitrep.text import split_paragraphs, split_sentences

TE3 = BENCH / "tempeval3"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(text: str, dct: str | None) -> list[tuple[int, int, str, str]]:
    paragraphs = split_paragraphs(text)
    article = Article(doc_id="eval", source="eval", text=text, paragraphs=paragraphs, published=dct)
    ctx = Context(article=article, sentences=split_sentences(text, paragraphs), published=dct)
    return [(t.start, t.end, t.type, t.value) for t in extract_parts(ctx)]


def score(docs: list[dict[str, Any]], errors: Counter[str] | None = None) -> dict[str, float]:
    tp = fp = fn = value_ok = type_ok = 0
    for doc in docs:
        dct = (doc.get("dct") or {}).get("value")
        gold = [t for t in doc["timexes"] if t.get("start") is not None]
        ours = predict(doc["text"], dct[:10] if dct else None)
        if "doc_name" in doc:  # a MEANTIME document
            region = meantime_region(doc["text"])
            dct_span = (doc["dct"].get("start", -1), doc["dct"].get("end", -1)) if doc.get("dct") else (-1, -1)
            ours = [o for o in ours if o[1] <= region and not (o[0] < dct_span[1] and dct_span[0] < o[1])]
        used: set[int] = set()
        for start, end, kind, value in ours:
            match = next((i for i, g in enumerate(gold) if i not in used and g["start"] < end and start < g["end"]),
                         None)
            if match is None:
                fp += 1
                if errors is not None:
                    errors[f"FP {doc['text'][start:end]!r}"] += 1
                continue
            used.add(match)
            tp += 1
            value_ok += value == gold[match].get("value")
            type_ok += kind == gold[match].get("type")
            if errors is not None and value != gold[match].get("value"):
                errors[f"VAL {doc['text'][start:end]!r} {value} != {gold[match].get('value')}"] += 1
        fn += len(gold) - len(used)
        if errors is not None:
            for i, g in enumerate(gold):
                if i not in used:
                    errors[f"FN {g['text']!r} {g.get('type')} {g.get('value')}"] += 1
    span = prf(tp, fp, fn)
    accuracy = value_ok / tp if tp else 0.0
    return {
        "relaxed_precision": span["precision"],
        "relaxed_recall": span["recall"],
        "relaxed_f1": span["f1"],
        "value_accuracy": accuracy,
        "value_f1": span["f1"] * accuracy,
        "type_f1": span["f1"] * (type_ok / tp if tp else 0.0),
    }


def run(fast: bool = False) -> Report:
    metrics = {f"te3_{k}": v for k, v in score(load(TE3 / "te3_platinum.jsonl")).items()}
    data = "TempEval-3 platinum (20 docs, 138 TIMEX3)"
    if not fast:
        metrics.update({f"meantime_{k}": v for k, v in score(load(MEANTIME)).items()})
        train = load(TE3 / "timebank.jsonl") + load(TE3 / "aquaint.jsonl")
        metrics.update({f"train_{k}": v for k, v in score(train).items() if k in {"relaxed_f1", "value_f1"}})
        data += " + MEANTIME (120 docs) + TBAQ train (256 docs)"
    return Report(
        capability="times",
        data=data,
        metrics=metrics,
        anchors={"te3 value F1": "HeidelTime 0.776, SUTime 0.674 (UzZaman et al. 2013)"},
        notes=["relaxed = any character overlap; value_f1 = relaxed_f1 x value_accuracy (TE3 Task A)"],
    )
