#!/usr/bin/env python3
"""Consistency check for demo/expected.json (not a test of sitrep).

Verifies that every document in expected.json can be found in demo/corpus/ and that every
count_text, not-figure text, quote opening, relative-date phrase and entity variant it lists
occurs in the document text. Run after editing the corpus:

    .venv/bin/python demo/check_expected.py
"""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def _strip(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def doc_text(file: str, locator: str | None) -> str:
    path = CORPUS / file
    if file.endswith(".warc.gz"):
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_headers.get_header("WARC-Target-URI") == locator:
                    return _strip(rec.content_stream().read().decode("utf-8"))
    elif file.endswith(".jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            if art["id"] == locator:
                return _strip(art.get("text") or art.get("html") or "")
    elif file.endswith(".xml"):
        for item in ET.parse(path).getroot().iter("item"):
            if item.findtext("link") == locator:
                return _strip((item.findtext("title") or "") + " " + (item.findtext(RSS_CONTENT) or ""))
    elif locator is None:
        return _strip(path.read_text(encoding="utf-8"))
    raise KeyError(f"{file} {locator}")


def main() -> int:
    exp = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    texts = {k: doc_text(d["file"], d["locator"]).lower() for k, d in exp["documents"].items()}
    problems: list[str] = []

    def need(doc: str, text: str, what: str) -> None:
        if re.sub(r"\s+", " ", text).lower() not in texts[doc]:
            problems.append(f"{what}: {doc}: {text!r} not found")

    for f in exp["figures"]:
        need(f["doc"], f["count_text"], "figure")
    for f in exp["not_figures"]:
        need(f["doc"], f["text"], "not_figure")
    for q in exp["quotes"]:
        need(q["doc"], q["starts_with"], "quote")
    for r in exp["relative_dates"]:
        need(r["doc"], r["text"], "relative_date")
    for e in exp["entities"]:
        for v in e["variants"]:
            if not any(v.lower() in t for t in texts.values()):
                problems.append(f"entity variant {v!r} not found anywhere")
    for p in problems:
        print(p)
    print(f"{len(texts)} documents, {len(exp['figures'])} figures, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
