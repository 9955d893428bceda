"""The dossier of a situation, derived from the picture (contract sitrep/1) and nothing else.

The web page `/situations/<id>` (and its `.json` twin), the Markdown report and the HTML report all render these
plain dicts, so they show the same numbers with the same sources. Links are site-relative paths of the web app
(`/documents/<id>#fact-<figure id>`); the self-contained HTML export turns them into plain text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from sitrep.export.picture import Picture
from sitrep.export.svg import figure_chart, place_map

View = dict[str, Any]


def safe_url(value: str | None) -> str | None:
    """`value` when it is a plain http(s) URL with a host and no control characters or spaces, else None."""
    if not value or re.search(r"[\x00-\x20\x7f<>\"'`\\]", value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def count(low: int | None, high: int | None) -> str:
    """An interval as a reader says it: "27", "12–27", "at least 12"."""
    if low is None:
        return "–"
    if high is None:
        return f"at least {low:,}"
    return f"{low:,}" if high == low else f"{low:,}–{high:,}"


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def period(start: str | None, end: str | None) -> str:
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} – {end}"


class _Index:
    """Lookups over one picture."""

    def __init__(self, picture: Picture) -> None:
        self.picture = picture
        self.docs = {d["id"]: d for d in picture["documents"]}
        self.entities = {e["id"]: e for e in picture["entities"]}
        self.figures = {f["id"]: f for f in picture["figures"]}

    def name(self, entity_id: str | None, fallback: str | None = None) -> str | None:
        entity = self.entities.get(entity_id or "")
        return entity["name"] if entity else fallback

    def doc(self, doc_id: str) -> View:
        d = self.docs.get(doc_id, {})
        return {"id": doc_id, "title": d.get("title") or doc_id, "site": d.get("site"),
                "published": d.get("published"), "url": safe_url(d.get("source")), "copy_of": d.get("copy_of"),
                "href": f"/documents/{doc_id}"}


def index_view(picture: Picture) -> View:
    """The situations with their period, places and counts."""
    idx = _Index(picture)
    rows = []
    for s in picture["situations"]:
        docs = [d for d in picture["documents"] if d["situation_id"] == s["id"]]
        doc_ids = {d["id"] for d in docs}
        facts = sum(1 for kind in ("figures", "quotes", "calls") for f in picture[kind] if f["document_id"] in doc_ids)
        facts += sum(1 for e in picture["events"] if e["situation_id"] == s["id"])
        rows.append({
            "id": s["id"], "title": s["title"], "start": s["start"], "end": s["end"],
            "period": period(s["start"], s["end"]), "href": f"/situations/{s['id']}",
            "places": [idx.name(p, p) for p in s["place_ids"]], "stories": len(s["story_ids"]),
            "documents": len(docs), "sites": len({d["site"] or d["source"] for d in docs}), "facts": facts,
        })
    return {"situations": rows}


def _key_figures(idx: _Index, situation_id: str) -> list[View]:
    rows = []
    for s in idx.picture["series"]:
        if s["situation_id"] != situation_id:
            continue
        sources = []
        for fid in s["figure_ids"]:
            f = idx.figures.get(fid)
            if not f:
                continue
            doc = idx.doc(f["document_id"])
            sources.append({
                "figure_id": fid, "count": count(f["low"], f["high"]), "count_text": f["count_text"],
                "date": f["date"], "source": idx.name(f["source_id"], f["source_text"]), "sentence": f["sentence"],
                "document": doc, "href": f"/documents/{f['document_id']}#fact-{fid}",
            })
        rows.append({
            "id": s["id"], "measure": s["measure"], "group": s["group"], "place": idx.name(s["place_id"]),
            "best": count(s["best_low"], s["best_high"]), "range": count(s["range_low"], s["range_high"]),
            "rule": s["best_rule"], "independent_origins": s["independent_origins"], "conflict": s["conflict"],
            "note": s["note"], "sources": sources,
        })
    rows.sort(key=lambda r: (not r["conflict"], r["measure"], r["group"]))
    return rows


def _timeline(idx: _Index, situation_id: str) -> list[View]:
    """Dated entries in order, undated ones last."""
    events = sorted((e for e in idx.picture["events"] if e["situation_id"] == situation_id),
                    key=lambda e: (e["date"] is None, e["date"] or "", e["type"]))
    return [
        {"id": e["id"], "date": e["date"] or "undated", "precision": e["date_precision"], "type": e["type"],
         "label": e["type"].replace("_", " "), "place": idx.name(e["place_id"]), "summary": e["summary"],
         "note": e.get("note"),
         "evidence": [{**idx.doc(ev["document_id"]), "href": f"/documents/{ev['document_id']}#at-{ev['start']}"}
                      for ev in e["evidence"]]}
        for e in events
    ]


def _stories(idx: _Index, situation_id: str) -> list[View]:
    out = []
    for s in idx.picture["stories"]:
        if s["situation_id"] != situation_id:
            continue
        groups: dict[str, list[View]] = defaultdict(list)
        for doc_id in s["document_ids"]:
            doc = idx.doc(doc_id)
            groups[doc["copy_of"] or doc_id].append(doc)
        copy_groups = []
        for origin, members in sorted(groups.items()):
            head = next((m for m in members if m["id"] == origin), members[0])
            copy_groups.append({"original": head, "copies": [m for m in members if m is not head]})
        out.append({"id": s["id"], "title": s["title"], "independent_origins": s["independent_origins"],
                    "documents": len(s["document_ids"]), "groups": copy_groups})
    return out


def _actors(idx: _Index, doc_ids: set[str]) -> tuple[list[View], list[View]]:
    """People and organisations with their quotes and calls; and the tracker of calls and demands."""
    actors: dict[str, View] = {}

    def actor(entity_id: str | None, text: str | None) -> View:
        key = entity_id or f"text:{(text or 'unattributed').lower()}"
        if key not in actors:
            entity = idx.entities.get(entity_id or "")
            actors[key] = {"id": entity_id, "name": idx.name(entity_id, text) or "unattributed",
                           "kind": entity["kind"] if entity else "unresolved",
                           "href": f"/entities/{entity_id}" if entity_id else None, "quotes": [], "calls": []}
        return actors[key]

    for q in idx.picture["quotes"]:
        if q["document_id"] not in doc_ids:
            continue
        said = actor(q["speaker_id"], q["speaker_text"])["quotes"]
        source = {"id": q["id"], "document": idx.doc(q["document_id"]),
                  "href": f"/documents/{q['document_id']}#fact-{q['id']}"}
        same = next((x for x in said if _norm(x["text"]) == _norm(q["text"])), None)
        if same:  # one quote retold by several reports is shown once, with all its sources
            same["sources"].append(source)
        else:
            said.append({**source, "text": q["text"], "sources": [source]})
    tracker: dict[tuple[str, str], View] = {}
    for c in idx.picture["calls"]:
        if c["document_id"] not in doc_ids:
            continue
        who = actor(c.get("caller_id"), c.get("caller_text"))
        item = {"id": c["id"], "addressee": c["addressee_text"], "demand": c["demand"],
                "document": idx.doc(c["document_id"]), "href": f"/documents/{c['document_id']}#fact-{c['id']}"}
        same = next((x for x in who["calls"] if _norm(x["demand"]) == _norm(c["demand"])), None)
        if same:
            same["sources"].append(item)
        else:
            who["calls"].append({**item, "sources": [item]})
        key = (who["name"], _norm(c["demand"]))
        row = tracker.setdefault(key, {"caller": who["name"], "caller_href": who["href"],
                                       "addressee": c["addressee_text"], "demand": c["demand"], "reports": []})
        row["reports"].append(item)
    for row in tracker.values():
        row["first_seen"] = min((r["document"]["published"] or "" for r in row["reports"]), default="") or None
    people = sorted(actors.values(), key=lambda a: (-len(a["quotes"]) - len(a["calls"]), a["name"]))
    return people, sorted(tracker.values(), key=lambda r: (r["first_seen"] or "9999", r["caller"]))


def situation_view(picture: Picture, situation_id: str) -> View | None:
    """Everything the dossier of one situation shows; None when the picture has no such situation."""
    situation = next((s for s in picture["situations"] if s["id"] == situation_id), None)
    if situation is None:
        return None
    idx = _Index(picture)
    doc_ids = {d["id"] for d in picture["documents"] if d["situation_id"] == situation_id}
    places = [idx.entities[p] for p in situation["place_ids"] if p in idx.entities]
    for f in picture["figures"]:  # places of figures count too, even when the situation did not list them
        place = idx.entities.get(f["place_id"] or "")
        if f["document_id"] in doc_ids and place and place not in places:
            places.append(place)
    key_figures = _key_figures(idx, situation_id)
    people, calls = _actors(idx, doc_ids)
    figures = [f for f in picture["figures"] if f["document_id"] in doc_ids]
    return {
        "situation": {"id": situation_id, "title": situation["title"], "start": situation["start"],
                      "end": situation["end"], "period": period(situation["start"], situation["end"])},
        "counts": {"documents": len(doc_ids), "stories": len(situation["story_ids"]), "figures": len(figures),
                   "series": len(key_figures), "conflicts": sum(1 for k in key_figures if k["conflict"])},
        "places": [{"id": p["id"], "name": p["name"], "country": p["country"], "lat": p["lat"], "lon": p["lon"],
                    "href": f"/entities/{p['id']}"} for p in places],
        "key_figures": key_figures,
        "timeline": _timeline(idx, situation_id),
        "stories": _stories(idx, situation_id),
        "people": people,
        "calls": calls,
        "chart": figure_chart(picture["series"], idx.figures, situation_id),
        "map": place_map(places),
    }
