"""The clean text of a document cut into paragraphs of plain and highlighted segments.

Facts (figures, events, quotes, calls, entity mentions) are character spans into the text and may overlap or nest.
The text is cut at every span boundary; each piece covered by a fact becomes a highlighted segment carrying the
kinds of all facts over it, linked to the most specific one. Each fact's first piece carries its anchor
(`fact-<id>`, and `at-<start>` for events), so `/documents/<id>#fact-<figure id>` lands on the figure.
Segments hold plain text only; the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

# When facts overlap, the segment links to the most specific kind first.
PRIORITY = {"figure": 0, "call": 1, "quote": 2, "event": 3, "mention": 4}


@dataclass
class Fact:
    """One highlighted span: its anchors, kind, a short label and where its details are."""

    id: str
    kind: str
    start: int
    end: int
    label: str
    anchors: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        return f"fact-{self.id}"


def _covering(facts: list[Fact], a: int, b: int) -> list[Fact]:
    return [f for f in facts if f.start <= a and f.end >= b]


def _segments(text: str, p0: int, p1: int, facts: list[Fact], placed: set[str]) -> list[dict[str, Any]]:
    inside = [f for f in facts if f.start < p1 and f.end > p0]
    cuts = sorted({p0, p1, *(max(f.start, p0) for f in inside), *(min(f.end, p1) for f in inside)})
    out: list[dict[str, Any]] = []
    for a, b in pairwise(cuts):
        over = sorted(_covering(inside, a, b), key=lambda f: (PRIORITY.get(f.kind, 9), f.end - f.start))
        if not over:
            out.append({"text": text[a:b], "mark": False})
            continue
        new = [f for f in over if f.id not in placed]
        placed.update(f.id for f in new)
        anchors = [anchor for f in new for anchor in (f.anchor, *f.anchors)]
        primary = over[0]
        mark_id = primary.anchor if primary in new else None
        if mark_id:
            anchors.remove(mark_id)
        out.append({
            "text": text[a:b], "mark": True, "id": mark_id, "anchors": anchors,
            "kinds": sorted({f.kind for f in over}), "href": f"#about-{primary.id}",
            "title": "; ".join(f.label for f in over),
        })
    return out


def highlight(text: str, paragraphs: list[list[int]], facts: list[Fact]) -> list[list[dict[str, Any]]]:
    """Paragraphs of segments; facts outside every paragraph still get an anchor at the end."""
    bounds = [(int(p[0]), int(p[1])) for p in paragraphs if int(p[1]) > int(p[0])] or [(0, len(text))]
    valid = [f for f in facts if 0 <= f.start < f.end <= len(text)]
    placed: set[str] = set()
    out = [_segments(text, p0, p1, valid, placed) for p0, p1 in bounds]
    stray = [anchor for f in valid if f.id not in placed for anchor in (f.anchor, *f.anchors)]
    if stray and out:
        out[-1].append({"text": "", "mark": False, "anchors": stray})
    return out
