"""Casualty counts per article on GVDB dev (US local news about shootings; ../shared/bench/gvdb/SOURCE.md).

The figures of an article are counted as one incident by sitrep.annotate.figures.victims (the same pass the
extractor runs): single victims ("a 23-year-old man", "he", "Ann Vell, 34") are linked across sentences, each with
the worst outcome stated; counts of several people are restatements (each measure its largest count); the people
"shot" without an outcome, less the killed, are injured; figures told of another incident or of a tally
(sitrep.annotate.figures.incidents: "this year", "in 2012", "a separate shooting") are left out. Where the
extractor gave article-level "victims" figures they are read as they are.
Open counts ("more than 3") count as their lower bound. Scored as exact-match accuracy against
n_victims_killed and n_victims_injured_not_killed (derived from the per-victim annotation; noisy). The goal is
held on all articles; `annotated_*` scores the articles whose annotator filled in at least one victim, because an
empty victim list mostly means the article was not annotated, not that nobody was shot ("23-year-old man shot,
injured" has gold 0 / 0).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from evaluate import BENCH, Report
from sitrep.annotate.context import Context
from sitrep.annotate.figures import extract_found, victims
from sitrep.annotate.figures.items import FoundFigure
from sitrep.clean.plain import normalise
from sitrep.models import Article, document_id
from sitrep.text import split_paragraphs, split_sentences

DATA = BENCH / "gvdb" / "gvdb_dev.jsonl"
FAST = 100


def context_of(text: str, source: str, published: str | None = None) -> Context:
    """The context the pipeline builds for a plain-text page, after the clean stage's character normalisation
    (NFC, soft hyphens and zero-width characters out, one kind of space); the benchmark text has no furniture."""
    text = normalise(text)
    paragraphs = split_paragraphs(text)
    article = Article(document_id(source), source, text, paragraphs, published=published)
    return Context(article, split_sentences(text, paragraphs), published)


def casualties(found: Iterable[FoundFigure], text: str = "") -> tuple[int, int]:
    """(killed, injured-not-killed) of one incident: the article-level "victims" figures where the extractor
    gave them (single victims linked across sentences), else the same count over the sentence figures."""
    items = list(found)
    tally = {item.figure.measure: item.figure.low for item in items if item.term == "victims"}
    if tally:
        return tally.get("killed", 0), tally.get("injured", 0)
    killed, injured, _ = victims.count(items, text)
    return killed, injured


def rows(fast: bool) -> list[dict[str, Any]]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in (lines[:FAST] if fast else lines)]


def run(fast: bool = False) -> Report:
    data = rows(fast)
    killed_ok = injured_ok = both_ok = 0
    annotated = annotated_killed = annotated_injured = 0
    notes: list[str] = []
    for row in data:
        found = extract_found(context_of(row["text"], row["id"]))
        killed, injured = casualties(found, row["text"])
        k_ok = killed == row["n_victims_killed"]
        i_ok = injured == row["n_victims_injured_not_killed"]
        killed_ok += k_ok
        injured_ok += i_ok
        if row["victims"]:
            annotated += 1
            annotated_killed += k_ok
            annotated_injured += i_ok
        both_ok += k_ok and i_ok
        if not (k_ok and i_ok) and len(notes) < 40:
            notes.append(f"{row['id']}: killed {killed}/{row['n_victims_killed']} "
                         f"injured {injured}/{row['n_victims_injured_not_killed']}")
    n = len(data)
    return Report(
        "gvdb",
        f"shared/bench/gvdb/gvdb_dev.jsonl ({n} articles)",
        {"killed_accuracy": killed_ok / n, "injured_accuracy": injured_ok / n, "both_accuracy": both_ok / n,
         "annotated_killed_accuracy": annotated_killed / max(annotated, 1),
         "annotated_injured_accuracy": annotated_injured / max(annotated, 1)},
        {"regex (Zhong et al. 2023, other data)": "0.12", "semantic roles": "0.74", "fine-tuned generator": "0.81"},
        [f"annotated_*: the {annotated} articles whose annotator recorded at least one victim; the other "
         f"{n - annotated} have an empty victim list (gold 0 killed, 0 injured), most of them about a shooting "
         f"with victims", *notes],
    )
