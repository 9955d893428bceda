"""Context builders of the dossier pages. Each returns one plain dict: the HTML template renders it, and the
page's `.json` twin returns it as it is.

Situation pages come from the picture (`load_picture`) through `sitrep.export.dossier`, the same view the
Markdown and HTML exports render; document, entity and comparison pages read their rows from the store.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sitrep.export.dossier import count, period, safe_url, situation_view
from sitrep.export.lookup import EntityLookup
from sitrep.export.picture import calls as picture_calls
from sitrep.export.picture import load_picture
from sitrep.export.picture import quotes as picture_quotes
from sitrep.store.corrections import corrected_aliases, fixed_date, merged_into, merged_names
from sitrep.web import corrected
from sitrep.web.highlight import Fact, highlight

Context = dict[str, Any]


class NotFound(Exception):
    """The page names something the store does not hold."""


def corrections(conn: sqlite3.Connection, fact_ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """The latest analyst verdict per fact id."""
    rows = conn.execute("SELECT fact_id, verdict, note, created_at FROM overrides ORDER BY id").fetchall()
    wanted = set(fact_ids) if fact_ids is not None else None
    latest = {r["fact_id"]: dict(r) for r in rows if wanted is None or r["fact_id"] in wanted}
    return {fact_id: row for fact_id, row in latest.items() if row["verdict"] != "reset"}


PAGE_SIZE = 50  # situations per index page


def index_context(conn: sqlite3.Connection, page: int = 1) -> Context:
    """Situations with period, places and counts, most reported first, a page at a time (aggregates in SQL,
    so the page costs the same with a hundred or a hundred thousand reports)."""
    page = max(page, 1)
    total = conn.execute("SELECT count(*) FROM situations").fetchone()[0]
    rows = conn.execute(
        "SELECT s.id, s.title, s.start, s.end, s.place_ids,"
        " (SELECT count(*) FROM stories WHERE situation_id = s.id) AS stories,"
        " (SELECT count(*) FROM documents WHERE situation_id = s.id) AS documents,"
        " (SELECT count(DISTINCT coalesce(site, source)) FROM documents WHERE situation_id = s.id) AS sites,"
        " (SELECT count(*) FROM timeline WHERE situation_id = s.id)"
        " + (SELECT count(*) FROM figures f JOIN documents d ON d.id = f.document_id WHERE d.situation_id = s.id)"
        " + (SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.document_id WHERE d.situation_id = s.id)"
        " + (SELECT count(*) FROM calls c JOIN documents d ON d.id = c.document_id WHERE d.situation_id = s.id)"
        " AS facts"
        " FROM situations s ORDER BY documents DESC, s.end DESC, s.id LIMIT ? OFFSET ?",
        (PAGE_SIZE, (page - 1) * PAGE_SIZE),
    ).fetchall()
    new = _new_facts(conn, [r["id"] for r in rows])
    place_ids = sorted({p for r in rows for p in json.loads(r["place_ids"])[:6]})
    names = {e["id"]: e["name"] for e in conn.execute(
        f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(place_ids))})", place_ids)}
    situations = [
        {"id": r["id"], "title": r["title"], "start": r["start"], "end": r["end"],
         "period": period(r["start"], r["end"]), "href": f"/situations/{r['id']}",
         "places": [names.get(p, p) for p in json.loads(r["place_ids"])[:6]],
         "stories": r["stories"], "documents": r["documents"], "sites": r["sites"], "facts": r["facts"],
         "new_facts": new.get(r["id"], 0)}
        for r in rows
    ]
    pages = max(1, -(-total // PAGE_SIZE))
    return {"situations": situations, "total": total, "page_number": page, "pages": pages,
            "next": f"/?page={page + 1}" if page < pages else None,
            "previous": f"/?page={page - 1}" if page > 1 else None,
            "documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0]}


NEW_HOURS = 24  # "new facts" on the index: those of reports that arrived in the last day


def _new_facts(conn: sqlite3.Connection, situation_ids: list[str]) -> dict[str, int]:
    """Figures, quotes and calls of reports ingested in the last NEW_HOURS, per situation (events are counted in
    the index as merged timeline entries, which belong to no single report)."""
    since = (datetime.now(UTC) - timedelta(hours=NEW_HOURS)).strftime("%Y-%m-%dT%H:%M:%SZ")
    marks = ",".join("?" * len(situation_ids))
    rows = conn.execute(
        "SELECT d.situation_id AS id, (SELECT count(*) FROM figures WHERE document_id = d.id)"
        " + (SELECT count(*) FROM quotes WHERE document_id = d.id)"
        " + (SELECT count(*) FROM calls WHERE document_id = d.id) AS n"
        " FROM raw_inputs r JOIN documents d ON d.raw_id = r.id"
        f" WHERE r.ingested_at >= ? AND d.situation_id IN ({marks})", [since, *situation_ids])
    out: Counter[str] = Counter()
    for r in rows:
        out[r["id"]] += r["n"]
    return dict(out)


def situation_context(conn: sqlite3.Connection, situation_id: str) -> Context:
    view = situation_view(load_picture(conn, situation_id), situation_id)
    if view is None:
        raise NotFound(f"no situation {situation_id!r}")
    fixes = corrections(conn)
    for row in view["key_figures"]:
        for source in row["sources"]:
            source["correction"] = fixes.get(source["figure_id"])
    doc_ids = [r["id"] for r in conn.execute("SELECT id FROM documents WHERE situation_id = ?", (situation_id,))]
    view["corrections"] = corrected.for_documents(conn, doc_ids)
    return view


def _doc_summary(row: sqlite3.Row) -> Context:
    return {"id": row["id"], "title": row["title"] or row["id"], "site": row["site"], "published": row["published"],
            "href": f"/documents/{row['id']}"}


def _document_row(conn: sqlite3.Connection, doc_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document {doc_id!r}")
    return row


def document_facts(conn: sqlite3.Connection, doc: sqlite3.Row) -> list[Fact]:
    """Every extracted fact of one document as a highlightable span."""
    series = {fid: s["id"] for s in conn.execute("SELECT id, figure_ids FROM series WHERE situation_id = ?",
                                                  (doc["situation_id"],)) for fid in json.loads(s["figure_ids"])}
    dossier = f"/situations/{doc['situation_id']}" if doc["situation_id"] else None
    doc_id = doc["id"]
    facts: list[Fact] = []
    for f in conn.execute("SELECT * FROM figures WHERE document_id = ? ORDER BY start", (doc_id,)):
        label = f"{f['measure']} ({f['grp']}): {count(f['low'], f['high'])}"
        facts.append(Fact(f["id"], "figure", f["start"], f["end"], label, details={
            "count_text": f["count_text"], "date": f["date"], "source": f["source_text"], "sentence": f["sentence"],
            "place": f["place_text"], "href": f"{dossier}#{series[f['id']]}" if dossier and f["id"] in series else None,
        }))
    for e in conn.execute("SELECT * FROM events WHERE document_id = ? ORDER BY start", (doc_id,)):
        label = f"{e['type'].replace('_', ' ')} {e['date'] or 'undated'}"
        facts.append(Fact(e["id"], "event", e["start"], e["end"], label, [f"at-{e['start']}"],
                          {"date": e["date"], "place": e["place_text"], "sentence": e["sentence"]}))
    for q in conn.execute("SELECT * FROM quotes WHERE document_id = ? ORDER BY start", (doc_id,)):
        facts.append(Fact(q["id"], "quote", q["start"], q["end"], f"quote of {q['speaker_text'] or 'unattributed'}",
                          details={"speaker": q["speaker_text"], "text": q["text"]}))
    for c in conn.execute("SELECT * FROM calls WHERE document_id = ? ORDER BY start", (doc_id,)):
        facts.append(Fact(c["id"], "call", c["start"], c["end"], f"call by {c['caller_text'] or 'unattributed'}",
                          details={"caller": c["caller_text"], "addressee": c["addressee_text"],
                                   "demand": c["demand"]}))
    for m in conn.execute(
        "SELECT m.*, em.entity_id FROM mentions m LEFT JOIN entity_mentions em"
        " ON em.document_id = m.document_id AND em.start = m.start WHERE m.document_id = ? ORDER BY m.start",
        (doc_id,),
    ):
        href = f"/entities/{m['entity_id']}" if m["entity_id"] else None
        facts.append(Fact(f"m{m['start']}", "mention", m["start"], m["end"], f"{m['kind']}: {m['text']}",
                          details={"text": m["text"], "entity_kind": m["kind"], "href": href}))
    return facts


def _names(facts: list[Fact]) -> list[Context]:
    """Entity mentions grouped by what they name (each mention keeps its anchor)."""
    names: dict[tuple[str, str], Context] = {}
    for f in facts:
        if f.kind == "mention":
            key = (f.details["href"] or f.details["text"], f.details["entity_kind"])
            name = names.setdefault(key, {"text": f.details["text"], "href": f.details["href"],
                                          "kind": f.details["entity_kind"], "anchors": []})
            name["anchors"].append(f.id)
    return list(names.values())


def document_context(conn: sqlite3.Connection, doc_id: str) -> Context:
    doc = _document_row(conn, doc_id)
    facts = document_facts(conn, doc)
    origin = doc["copy_of"] or doc["id"]
    copies = conn.execute("SELECT * FROM documents WHERE (id = ? OR copy_of = ?) AND id != ? ORDER BY published, id",
                          (origin, origin, doc_id)).fetchall()
    story = conn.execute("SELECT id, title FROM stories WHERE id = ?", (doc["story_id"],)).fetchone()
    situation = conn.execute("SELECT id, title FROM situations WHERE id = ?", (doc["situation_id"],)).fetchone()
    fixes = corrections(conn, [f.id for f in facts])
    other_stories = conn.execute(
        "SELECT min(d.id) AS doc, s.title FROM documents d JOIN stories s ON s.id = d.story_id"
        " WHERE d.situation_id = ? AND d.story_id IS NOT ? GROUP BY d.story_id ORDER BY s.title LIMIT 100",
        (doc["situation_id"], doc["story_id"])).fetchall() if doc["situation_id"] else []
    return {
        "document": {"id": doc["id"], "title": doc["title"] or doc["id"], "site": doc["site"],
                     "published": doc["published"], "published_inferred": bool(doc["published_inferred"]),
                     "language": doc["language"], "source": doc["source"], "url": doc["url"],
                     "link": safe_url(doc["url"]) or safe_url(doc["source"]), "copy_of": doc["copy_of"]},
        "paragraphs": highlight(doc["text"], json.loads(doc["paragraphs"] or "[]"), facts),
        "facts": [{"id": f.id, "kind": f.kind, "label": f.label, "anchor": f.anchor, "text": doc["text"][f.start:f.end],
                   "correction": fixes.get(f.id), **f.details} for f in facts],
        "fact_counts": dict(Counter(f.kind for f in facts)),
        "names": _names(facts),
        "copies": [{**_doc_summary(c), "original": c["id"] == origin} for c in copies],
        "story": dict(story) if story else None,
        "situation": {**dict(situation), "href": f"/situations/{situation['id']}"} if situation else None,
        "date_fixed": fixed_date(conn, doc_id),
        "corrections": corrected.for_documents(conn, [doc_id]),
        "other_stories": [{"document_id": r["doc"], "title": r["title"]} for r in other_stories],
    }


def _fact_href(fact: Context) -> str:
    return f"/documents/{fact['document_id']}#fact-{fact['id']}"


DOCUMENTS_SHOWN = 200  # reports listed on an entity page (the most recent; the counts cover all)


def entity_context(conn: sqlite3.Connection, entity_id: str) -> Context:
    entity = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if entity is None:
        raise NotFound(f"no entity {entity_id!r}")
    target = merged_into(conn, entity_id)
    merged = conn.execute("SELECT id, name FROM entities WHERE id = ?", (target,)).fetchone() if target else None
    aliases = corrected_aliases(entity_id, entity["name"], json.loads(entity["aliases"]), merged_names(conn))
    counts = conn.execute(
        "SELECT d.id, d.published, count(*) AS n FROM entity_mentions em JOIN documents d ON d.id = em.document_id"
        " WHERE em.entity_id = ? GROUP BY d.id", (entity_id,)).fetchall()
    by_day: Counter[str] = Counter()
    for r in counts:
        by_day[(r["published"] or "undated")[:10]] += r["n"]
    # the most recent reports: a name in thousands of reports must not make a huge page
    recent = sorted(counts, key=lambda r: (r["published"] or "", r["id"]), reverse=True)[:DOCUMENTS_SHOWN]
    mentions = {r["id"]: r["n"] for r in recent}
    docs = sorted(conn.execute(f"SELECT id, title, site, published FROM documents WHERE id IN"
                               f" ({','.join('?' * len(mentions))})", list(mentions)).fetchall(),
                  key=lambda d: (d["published"] or "", d["id"]), reverse=True)
    # only a document that mentions the entity can hold its quotes and calls (speakers resolve per document)
    speaking = sorted({r[0] for r in conn.execute(
        "SELECT document_id FROM quotes WHERE document_id IN (SELECT document_id FROM entity_mentions"
        " WHERE entity_id = ?1) UNION SELECT document_id FROM calls WHERE document_id IN"
        " (SELECT document_id FROM entity_mentions WHERE entity_id = ?1)", (entity_id,))})
    lookup = EntityLookup(conn, speaking)
    titles = {r["id"]: r["title"] or r["id"] for r in conn.execute(
        f"SELECT id, title FROM documents WHERE id IN ({','.join('?' * len(speaking))})", speaking)}
    said = [{**q, "document_title": titles.get(q["document_id"]), "href": _fact_href(q)}
            for q in picture_quotes(conn, lookup, speaking) if q["speaker_id"] == entity_id]
    asked = [{**c, "document_title": titles.get(c["document_id"]), "href": _fact_href(c)}
             for c in picture_calls(conn, lookup, speaking) if c["caller_id"] == entity_id]
    return {
        "entity": {"id": entity["id"], "kind": entity["kind"], "name": entity["name"],
                   "aliases": aliases, "lat": entity["lat"], "lon": entity["lon"],
                   "country": entity["country"]},
        "merged_into": {"id": merged["id"], "name": merged["name"], "href": f"/entities/{merged['id']}"}
        if merged else None,
        "corrections": corrected.for_entity(conn, entity_id),
        "names_mentioned": sorted({r[0] for r in conn.execute(
            "SELECT DISTINCT m.text FROM entity_mentions em JOIN mentions m ON m.document_id = em.document_id"
            " AND m.start = em.start WHERE em.entity_id = ?", (entity_id,))}),
        "merge_href": f"/entities/{entity_id}/merge",
        "documents": [{**_doc_summary(d), "mentions": mentions[d["id"]]} for d in docs],
        "documents_total": len(counts),
        "mentions_over_time": [{"date": day, "mentions": n} for day, n in sorted(by_day.items())],
        "quotes": said,
        "calls": asked,
    }


def merge_context(conn: sqlite3.Connection, entity_id: str) -> Context:
    """Where an analyst says this entity is the same as another: the entities of its kind named in its situations."""
    entity = conn.execute("SELECT id, kind, name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if entity is None:
        raise NotFound(f"no entity {entity_id!r}")
    candidates = conn.execute(
        "SELECT DISTINCT e.id, e.name FROM entity_mentions em JOIN documents d ON d.id = em.document_id"
        " JOIN entities e ON e.id = em.entity_id WHERE e.kind = ? AND e.id != ? AND d.situation_id IN"
        " (SELECT DISTINCT d2.situation_id FROM entity_mentions em2 JOIN documents d2 ON d2.id = em2.document_id"
        " WHERE em2.entity_id = ?) ORDER BY e.name LIMIT 500", (entity["kind"], entity_id, entity_id))
    return {"entity": {**dict(entity), "href": f"/entities/{entity_id}"},
            "candidates": [{"id": r["id"], "name": r["name"], "href": f"/entities/{r['id']}"} for r in candidates]}


def _keyed_facts(conn: sqlite3.Connection, doc_id: str) -> dict[str, dict[tuple[Any, ...], Context]]:
    """Facts of a document under keys that say when two documents report the same thing."""
    def norm(text: str | None) -> str:
        return " ".join((text or "").lower().split())

    out: dict[str, dict[tuple[Any, ...], Context]] = {"figures": {}, "events": {}, "quotes": {}, "calls": {},
                                                      "entities": {}}
    href = f"/documents/{doc_id}#fact-"
    for f in conn.execute("SELECT * FROM figures WHERE document_id = ?", (doc_id,)):
        out["figures"][(f["measure"], f["grp"], f["low"], f["high"])] = {
            "id": f["id"], "label": f"{f['measure']} ({f['grp']}): {count(f['low'], f['high'])}",
            "text": f["sentence"], "href": href + f["id"], "measure": f["measure"], "group": f["grp"],
            "low": f["low"], "high": f["high"]}
    for e in conn.execute("SELECT * FROM events WHERE document_id = ?", (doc_id,)):
        out["events"][(e["type"], e["date"])] = {"id": e["id"], "label": f"{e['type']} {e['date'] or 'undated'}",
                                                 "text": e["sentence"], "href": href + e["id"]}
    for q in conn.execute("SELECT * FROM quotes WHERE document_id = ?", (doc_id,)):
        out["quotes"][(norm(q["text"]),)] = {"id": q["id"], "label": q["speaker_text"] or "unattributed",
                                             "text": q["text"], "href": href + q["id"]}
    for c in conn.execute("SELECT * FROM calls WHERE document_id = ?", (doc_id,)):
        out["calls"][(norm(c["demand"]),)] = {"id": c["id"], "label": c["caller_text"] or "unattributed",
                                              "text": c["demand"], "href": href + c["id"]}
    for m in conn.execute("SELECT DISTINCT e.id, e.name, e.kind FROM entity_mentions em JOIN entities e"
                          " ON e.id = em.entity_id WHERE em.document_id = ?", (doc_id,)):
        out["entities"][(m["id"],)] = {"id": m["id"], "label": m["kind"], "text": m["name"],
                                       "href": f"/entities/{m['id']}"}
    return out


def _disjoint(a: Context, b: Context) -> bool:
    a_high = a["high"] if a["high"] is not None else float("inf")
    b_high = b["high"] if b["high"] is not None else float("inf")
    return bool(a_high < b["low"] or b_high < a["low"])


def compare_context(conn: sqlite3.Connection, a: str, b: str) -> Context:
    docs = [_doc_summary(_document_row(conn, doc_id)) for doc_id in (a, b)]
    fa, fb = _keyed_facts(conn, a), _keyed_facts(conn, b)
    sections = []
    for kind in ("figures", "events", "quotes", "calls", "entities"):
        sections.append({
            "kind": kind,
            "shared": [{"a": fa[kind][k], "b": fb[kind][k]} for k in fa[kind] if k in fb[kind]],
            "only_a": [v for k, v in fa[kind].items() if k not in fb[kind]],
            "only_b": [v for k, v in fb[kind].items() if k not in fa[kind]],
        })
    pairs = [
        {"measure": x["measure"], "group": x["group"], "a": x, "b": y}
        for x in fa["figures"].values() for y in fb["figures"].values()
        if (x["measure"], x["group"]) == (y["measure"], y["group"]) and (x["low"], x["high"]) != (y["low"], y["high"])
    ]
    return {"a": docs[0], "b": docs[1], "sections": sections,
            "conflicts": [p for p in pairs if _disjoint(p["a"], p["b"])],  # cannot both be true
            "differ": [p for p in pairs if not _disjoint(p["a"], p["b"])]}  # different but compatible
