"""Events on the seed pages: the gold timeline events are found with an accepted date."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.annotate.context import Context
from sitrep.annotate.events import extract
from sitrep.annotate.times import extract as extract_times
from sitrep.annotate.times import infer_article_date
from sitrep.models import Article
from sitrep.text import split_paragraphs, split_sentences

PRINTED = {"002": "2022-01-10", "003": "2019-06-12"}


def test_gold_events_found_with_their_dates(seeds_dir: Path, gold_seeds: Path) -> None:
    gold = json.loads(gold_seeds.read_text(encoding="utf-8"))
    found: dict[str, set[tuple[str, str | None]]] = {}
    for path in sorted(seeds_dir.iterdir()):
        text = path.read_text(encoding="utf-8")
        paragraphs = split_paragraphs(text)
        sentences = split_sentences(text, paragraphs)
        published = PRINTED.get(path.name[:3]) or infer_article_date(text, sentences)
        article = Article("doc", str(path), text, paragraphs, published=published)
        ctx = Context(article, sentences, published)
        ctx = Context(article, sentences, published, times=extract_times(ctx))
        situation = gold["documents"][path.name[:3]]["situation"]
        found.setdefault(situation, set()).update((e.type, e.date) for e in extract(ctx))
    missing = []
    for want in gold["events"]:
        accepted = set(want.get("date_any_of") or [want.get("date")])
        if not any(t == want["type"] and (d in accepted or want.get("optional_date")) for t, d in
                   found.get(want["situation"], set())):
            missing.append((want["type"], sorted(str(a) for a in accepted)))
    assert not missing


def test_right_to_declare_is_not_an_event(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("000_*"))
    text = path.read_text(encoding="utf-8")
    paragraphs = split_paragraphs(text)
    ctx = Context(Article("doc", str(path), text, paragraphs), split_sentences(text, paragraphs), "2022-01-06")
    emergencies = [e for e in extract(ctx) if e.type == "state_of_emergency"]
    assert all("right to declare" not in text[e.sentence_start : e.sentence_end] for e in emergencies)
