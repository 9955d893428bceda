"""Story clustering on ECB+ (Cybulska & Vossen 2014): documents of one subtopic (one seminal event) are one story.

Each document becomes an Article (its date, when any, parsed from the URL or dateline as the clean stage would
find it on the page), then DocFeatures with empty Annotations; candidates are the pairs that share a blocking
key or an LSH band (as in the store), each pair is decided by `sitrep.group.link`, and stories are the
connected components (`components(kind="story")`). Scored with B³ precision / recall / F1 on the test topics
36-45 (Barhom et al. 2019 split); thresholds are tuned on train/dev only.

Granularity: a sitrep story is one news item (one statement, retold or translated) and links documents within
`story_days` (2) of each other, by publication or by the event days they tell of, and later ones only when they
are very alike (`long_story_score`); an ECB+ subtopic holds weeks of follow-ups on one incident. So
`bcubed_f1_no_window` is also reported: the same grouping with the story window lifted (content alone), the
figure comparable with the anchor.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from unittest import mock

from evaluate import BENCH, Report
from sitrep.group import DocFeatures, Link, blocking_keys, components, features, link, lsh_bands
from sitrep.group.features import mentioned_dates
from sitrep.group.links import thresholds
from sitrep.models import Annotations, Article
from sitrep.text import split_paragraphs

log = logging.getLogger(__name__)

DATA = BENCH / "ecbplus" / "ecbplus_docs_text_only.jsonl"
MAX_BLOCK = 400  # a blocking key shared by more documents than this is too common to propose candidates
_URL_DATE = re.compile(r"\b((?:19|20)\d\d) / ([01]?\d) / ([0-3]?\d) /")
_SLASH_DATE = re.compile(r"\b([01]?\d) / ([0-3]?\d) / (\d\d(?:\d\d)?)\b")


def load(splits: Sequence[str]) -> list[dict[str, str]]:
    """ECB+ documents of the given splits (train, dev, test)."""
    with DATA.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    return [d for d in docs if d["split_barhom2019"] in splits]


def detokenise(text: str) -> str:
    """Undo the corpus tokenisation where it matters for features (quotes, possessives, punctuation)."""
    text = text.replace("`` ", '"').replace(" ''", '"').replace(" 's", "'s")
    return re.sub(r" ([,.;:!?)])", r"\1", text).replace("( ", "(")


def dateline(text: str) -> str | None:
    """The date printed with the article: in its URL (…/2011/08/04/…) or a dateline in the first lines."""
    head = text.split("\n")[:4]
    if head and (match := _URL_DATE.search(head[0])):
        y, m, d = match.groups()
        return f"{y}-{int(m):02d}-{int(d):02d}"
    for line in head[1:]:
        full = sorted(d for d in mentioned_dates(line, None) if len(d) == 10 and not d.startswith("X"))
        if full:
            return full[0]
        if match := _SLASH_DATE.search(line):
            m, d, y = (int(x) for x in match.groups())
            if 1 <= m <= 12 and 1 <= d <= 31:
                return f"{y + 2000 if y < 100 else y}-{m:02d}-{d:02d}"
    return None


def doc_features(doc: dict[str, str]) -> DocFeatures:
    text = "\n\n".join(detokenise(line) for line in doc["text"].split("\n"))
    article = Article(doc_id=doc["id"], source=doc["id"], text=text, paragraphs=split_paragraphs(text),
                      published=dateline(doc["text"]))
    return features(article, Annotations(doc_id=doc["id"], published=article.published, published_inferred=False))


def candidate_pairs(feats: Sequence[DocFeatures]) -> set[tuple[int, int]]:
    """Pairs sharing at least one LSH band or blocking key (keys held by very many documents are skipped)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in {*lsh_bands(f), *blocking_keys(f)}:
            index[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))
    return pairs


def group(feats: Sequence[DocFeatures], kind: str = "story") -> tuple[dict[str, str], list[Link]]:
    links = [x for i, j in candidate_pairs(feats) if (x := link(feats[i], feats[j])) is not None]
    return components([f.doc_id for f in feats], links, kind), links


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B³ precision, recall and F1 (Bagga & Baldwin 1998) of a clustering against gold clusters."""
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for doc, cluster in predicted.items():
        pred_members[cluster].add(doc)
    for doc, cluster in gold.items():
        gold_members[cluster].add(doc)
    precision = recall = 0.0
    for doc in gold:
        p, g = pred_members[predicted[doc]], gold_members[gold[doc]]
        shared = len(p & g)
        precision += shared / len(p)
        recall += shared / len(g)
    n = len(gold) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score(docs: Iterable[dict[str, str]]) -> tuple[dict[str, float], int, float]:
    """B³ of the story grouping of these documents; also the number of links and the seconds it took."""
    docs = list(docs)
    start = time.perf_counter()
    feats = [doc_features(d) for d in docs]
    predicted, links = group(feats)
    seconds = time.perf_counter() - start
    return bcubed(predicted, {d["id"]: d["subtopic"] for d in docs}), len(links), seconds


def run(fast: bool = False) -> Report:
    """B³ on the ECB+ test topics (the same 210 documents in fast mode: they take a few seconds)."""
    metrics, n_links, seconds = score(load(["test"]))
    with mock.patch.dict(thresholds(), {"story_days": 1e9}):
        no_window, _, _ = score(load(["test"]))
    report = Report(
        capability="stories",
        data="ECB+ test topics 36-45 (210 docs, gold = subtopic)",
        metrics={"bcubed_precision": metrics["precision"], "bcubed_recall": metrics["recall"],
                 "bcubed_f1": metrics["f1"], "bcubed_f1_no_window": no_window["f1"]},
        anchors={"bcubed_f1": "0.864 TF-IDF + average-link agglomerative, threshold tuned on dev"},
        notes=[f"{n_links} links, {seconds:.1f} s for features + candidates + links"],
    )
    if not fast:
        dev, _, _ = score(load(["dev"]))
        report.metrics["dev_bcubed_f1"] = dev["f1"]
    return report
