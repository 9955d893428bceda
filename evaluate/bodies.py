"""Whose national body: the country given to "Parliament", "Home Office", "Cabinet" on BBC politics.

BBC News politics stories (../shared/bench/bbc-news, 2004-2005) are about Britain, and the national bodies they
name are British ones, even in stories set abroad ("Lord Goldsmith's statement to Parliament" in a story about
Iraq); a few are not ("the US Supreme Court"). Every mention the entities stage keys as a national body
(`organisations.national_body`) is counted by the country in its key:

- `gb_share`: keyed to GB (right);
- `open_share`: no country (the name states none and the story's places leave it open): no claim, kept apart;
- `other_country_share`: another country: mostly wrong (a British body split off into that country's entity),
  a few right; the notes list them to read.

No published anchor: this is a check of our own rule on text nobody here wrote. fast = the first 100 stories.
"""

from __future__ import annotations

import json
from collections import Counter

from evaluate import BENCH, Report
from evaluate.gvdb import context_of
from sitrep.annotate import annotate
from sitrep.annotate.entities.organisations import SCOPE, canonical, national_body

DATA = BENCH / "bbc-news" / "bbc_news.jsonl"
FAST = 100


def run(fast: bool = False) -> Report:
    with open(DATA, encoding="utf-8") as handle:
        stories = [row for line in handle if (row := json.loads(line))["id"].startswith("bbc-politics")]
    stories = stories[:FAST] if fast else stories
    scopes: Counter[str] = Counter()
    notes: list[str] = []
    for story in stories:
        for mention in annotate(context_of(story["text"], story["id"]).article).mentions:
            if mention.kind != "organization":
                continue
            scope = mention.key.rpartition(SCOPE)[2].upper() if SCOPE in mention.key else ""
            if not scope and not national_body(canonical(mention.text)):
                continue
            scopes[scope or "open"] += 1
            if scope not in {"", "GB"} and len(notes) < 20:
                notes.append(f"{story['id']}: {mention.text!r} -> {scope}")
    n = sum(scopes.values()) or 1
    return Report(
        "bodies",
        f"shared/bench/bbc-news politics ({len(stories)} stories, {sum(scopes.values())} national-body mentions)",
        {"gb_share": scopes["GB"] / n, "open_share": scopes["open"] / n,
         "other_country_share": (n - scopes["GB"] - scopes["open"]) / n},
        notes=notes,
    )
