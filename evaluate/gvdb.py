"""Casualty counts per article on GVDB dev (US local news about shootings; ../shared/bench/gvdb/SOURCE.md).

The figures of an article are summed up as one incident, since restatements repeat counts (the headline, the
lead, the police quote):
- killed  = the largest killed count of the article;
- injured = the largest injured / hospitalized count (sub-counts left out), less the killed count when the deaths
  are told after the injuries ("Two were wounded ... one died"); or, where the text only says people were "shot"
  without the outcome, that shot count less the killed count, whichever is larger.
Restatements repeat counts, so every measure takes its maximum over the article (adding up the coordinated
victims of one sentence, "a man and a boy were shot", was measured and scored lower: it double-counts sub-counts).
Open counts ("more than 3") count as their lower bound. Scored as exact-match accuracy against
n_victims_killed and n_victims_injured_not_killed (derived from the per-victim annotation; noisy).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from evaluate import BENCH, Report
from sitrep.annotate.context import Context
from sitrep.annotate.figures import extract_found
from sitrep.annotate.figures.items import FoundFigure
from sitrep.models import Article, document_id
from sitrep.text import split_paragraphs, split_sentences

DATA = BENCH / "gvdb" / "gvdb_dev.jsonl"
FAST = 100


def context_of(text: str, source: str, published: str | None = None) -> Context:
    paragraphs = split_paragraphs(text)
    article = Article(document_id(source), source, text, paragraphs, published=published)
    return Context(article, split_sentences(text, paragraphs), published)


def casualties(found: Iterable[FoundFigure]) -> tuple[int, int]:
    """(killed, injured-not-killed) of one incident from the figures of its article."""
    per_sentence: dict[tuple[str, int], int] = {}
    first_seen: dict[str, int] = {}
    for item in found:
        figure = item.figure
        if item.term == "sub":
            continue
        kind = "shot" if item.term == "shot" else figure.measure
        kind = "injured" if kind == "hospitalized" else kind
        key = (kind, figure.sentence_start)
        per_sentence[key] = max(per_sentence.get(key, 0), figure.low)
        first_seen.setdefault(kind, figure.sentence_start)
    best = {kind: max(v for (k, _), v in per_sentence.items() if k == kind) for kind, _ in per_sentence}
    killed, injured, shot = best.get("killed", 0), best.get("injured", 0), best.get("shot", 0)
    if injured and killed and first_seen["injured"] < first_seen["killed"]:
        injured = max(0, injured - killed)  # "Two people were wounded ... The 19-year-old victim died."
    return killed, max(injured, shot - killed)


def rows(fast: bool) -> list[dict[str, Any]]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in (lines[:FAST] if fast else lines)]


def run(fast: bool = False) -> Report:
    data = rows(fast)
    killed_ok = injured_ok = both_ok = 0
    notes: list[str] = []
    for row in data:
        found = extract_found(context_of(row["text"], row["id"]))
        killed, injured = casualties(found)
        k_ok = killed == row["n_victims_killed"]
        i_ok = injured == row["n_victims_injured_not_killed"]
        killed_ok += k_ok
        injured_ok += i_ok
        both_ok += k_ok and i_ok
        if not (k_ok and i_ok) and len(notes) < 40:
            notes.append(f"{row['id']}: killed {killed}/{row['n_victims_killed']} "
                         f"injured {injured}/{row['n_victims_injured_not_killed']}")
    n = len(data)
    return Report(
        "gvdb",
        f"shared/bench/gvdb/gvdb_dev.jsonl ({n} articles)",
        {"killed_accuracy": killed_ok / n, "injured_accuracy": injured_ok / n, "both_accuracy": both_ok / n},
        {"regex (Zhong et al. 2023, other data)": "0.12", "semantic roles": "0.74", "fine-tuned generator": "0.81"},
        notes,
    )
