"""The situation picture as the JSON contract "sitrep/1" (DESIGN.md), read from the store.

Every export format and the web pages' JSON twins are built from this one object, so they never disagree.
Pass `situation_id` for the part of the picture that belongs to one situation.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from sitrep.export.lookup import EntityLookup, sentence_end
from sitrep.export.lookup import document_rows as _rows  # the rows of every document, in chunks
from sitrep.store.corrections import corrected_aliases, merged_names

SCHEMA = "sitrep/1"

Picture = dict[str, Any]


def load_picture(conn: sqlite3.Connection, situation_id: str | None = None) -> Picture:
    where, args = ("WHERE situation_id = ?", (situation_id,)) if situation_id else ("", ())
    docs = conn.execute(
        "SELECT id, source, url, title, site, published, published_inferred, language, copy_of, story_id,"
        f" situation_id, text_sha256 FROM documents {where} ORDER BY id",  # not the texts: a picture never needs them
        args,
    ).fetchall()
    doc_ids = [d["id"] for d in docs]
    lookup = EntityLookup(conn, doc_ids)
    situations = conn.execute(f"SELECT * FROM situations {'WHERE id = ?' if situation_id else ''} ORDER BY id",
                              args).fetchall()
    stories = conn.execute(f"SELECT * FROM stories {where} ORDER BY id", args).fetchall()
    story_docs: dict[str, list[str]] = defaultdict(list)
    situation_stories: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        story_docs[d["story_id"]].append(d["id"])
    for s in stories:
        situation_stories[s["situation_id"]].append(s["id"])
    entity_ids = sorted({r["entity_id"] for r in _rows(
        conn, "SELECT DISTINCT entity_id FROM entity_mentions WHERE document_id IN ({marks})", doc_ids)})
    entities = sorted(_rows(conn, "SELECT * FROM entities WHERE id IN ({marks})", entity_ids), key=lambda e: e["id"])
    names = merged_names(conn)  # analysts' merges and splits change aliases
    return {
        "schema": SCHEMA,
        "documents": [
            {"id": d["id"], "source": d["source"], "url": d["url"], "title": d["title"], "site": d["site"],
             "published": d["published"], "published_inferred": bool(d["published_inferred"]),
             "language": d["language"], "copy_of": d["copy_of"], "story_id": d["story_id"],
             "situation_id": d["situation_id"], "text_sha256": d["text_sha256"]}
            for d in docs
        ],
        "stories": [
            {"id": s["id"], "situation_id": s["situation_id"], "title": s["title"],
             "document_ids": story_docs.get(s["id"], []), "independent_origins": s["independent_origins"]}
            for s in stories
        ],
        "situations": [
            {"id": s["id"], "title": s["title"], "start": s["start"], "end": s["end"],
             "story_ids": situation_stories.get(s["id"], []), "place_ids": json.loads(s["place_ids"])}
            for s in situations
        ],
        "entities": [
            {"id": e["id"], "kind": e["kind"], "name": e["name"],
             "aliases": corrected_aliases(e["id"], e["name"], json.loads(e["aliases"]), names),
             "lat": e["lat"], "lon": e["lon"], "country": e["country"]}
            for e in entities
        ],
        "figures": [
            {"id": f["id"], "document_id": f["document_id"], "measure": f["measure"], "group": f["grp"],
             "group_text": f["group_text"], "low": f["low"], "high": f["high"], "approximate": bool(f["approximate"]),
             "count_text": f["count_text"], "place_id": lookup.text(f["document_id"], f["place_text"]),
             "date": f["date"], "source_id": lookup.agent(f["document_id"], f["source_text"],
                                                        sentence_end(f["start"], f["sentence"], f["count_text"])),
             "source_text": f["source_text"], "sentence": f["sentence"], "start": f["start"], "end": f["end"],
             "term": f["term"]}
            for f in _rows(conn, "SELECT * FROM figures WHERE document_id IN ({marks}) ORDER BY document_id, start",
                           doc_ids)
        ],
        "series": [
            {"id": s["id"], "situation_id": s["situation_id"], "measure": s["measure"], "group": s["grp"],
             "place_id": s["place_id"], "figure_ids": json.loads(s["figure_ids"]), "best_low": s["best_low"],
             "best_high": s["best_high"], "best_rule": s["best_rule"], "range_low": s["range_low"],
             "range_high": s["range_high"], "independent_origins": s["independent_origins"],
             "conflict": bool(s["conflict"]), "note": s["note"]}
            for s in conn.execute(f"SELECT * FROM series {where} ORDER BY situation_id, measure, grp", args)
        ],
        "events": [
            {"id": t["id"], "situation_id": t["situation_id"], "type": t["type"], "date": t["date"],
             "date_precision": t["date_precision"], "place_id": t["place_id"], "summary": t["summary"],
             "evidence": json.loads(t["evidence"]), "note": t["note"]}
            for t in conn.execute(f"SELECT * FROM timeline {where} ORDER BY date IS NULL, date, type", args)
        ],
        "quotes": quotes(conn, lookup, doc_ids),
        "calls": calls(conn, lookup, doc_ids),
        "corrections": corrections(conn, doc_ids),
    }


def quotes(conn: sqlite3.Connection, lookup: EntityLookup, doc_ids: list[str]) -> list[dict[str, Any]]:
    """The quotes of these documents, each speaker resolved through its own document's mentions."""
    return [
        {"id": q["id"], "document_id": q["document_id"],
         "speaker_id": lookup.key(q["document_id"], q["speaker_key"])
         or lookup.agent(q["document_id"], q["speaker_text"], q["end"]),
         "speaker_text": q["speaker_text"], "text": q["text"], "start": q["start"], "end": q["end"]}
        for q in _rows(conn, "SELECT * FROM quotes WHERE document_id IN ({marks}) ORDER BY document_id, start",
                       doc_ids)
    ]


def calls(conn: sqlite3.Connection, lookup: EntityLookup, doc_ids: list[str]) -> list[dict[str, Any]]:
    """The calls of these documents, each caller resolved through its own document's mentions."""
    return [
        {"id": c["id"], "document_id": c["document_id"],
         "caller_id": lookup.key(c["document_id"], c["caller_key"])
         or lookup.agent(c["document_id"], c["caller_text"], c["end"]),
         "caller_text": c["caller_text"], "addressee_text": c["addressee_text"], "demand": c["demand"],
         "start": c["start"], "end": c["end"]}
        for c in _rows(conn, "SELECT * FROM calls WHERE document_id IN ({marks}) ORDER BY document_id, start",
                       doc_ids)
    ]


def corrections(conn: sqlite3.Connection, doc_ids: list[str]) -> list[dict[str, Any]]:
    """Analysts' corrections about these documents (an extension of sitrep/1): the latest verdict on each fact
    (wrong or confirmed; "reset" ones are left out), and date, entity and story corrections, active or taken back.
    What they change is already in the other arrays (a wrong figure is listed but not used in its series)."""
    wanted = set(doc_ids)
    out: list[dict[str, Any]] = []
    latest: dict[str, sqlite3.Row] = {}
    for r in conn.execute("SELECT * FROM overrides ORDER BY id"):
        latest[r["fact_id"]] = r
    for kind in ("figures", "events", "quotes", "calls"):
        ids = [fact for fact, r in latest.items() if r["fact_kind"] == kind[:-1] and r["verdict"] != "reset"]
        owners = {r["id"]: r["document_id"] for r in _rows(
            conn, f"SELECT id, document_id FROM {kind} WHERE id IN ({{marks}})", ids)}
        out += [{"id": f"verdict-{latest[fact]['id']}", "kind": "verdict", "subject": fact,
                 "document_id": owners[fact], "value": latest[fact]["verdict"], "note": latest[fact]["note"],
                 "created_at": latest[fact]["created_at"], "active": True}
                for fact in sorted(ids) if owners.get(fact) in wanted]
    for r in conn.execute("SELECT * FROM corrections ORDER BY id"):
        if r["document_id"] in wanted or r["other_doc"] in wanted:
            out.append({"id": f"correction-{r['id']}", "kind": r["kind"], "subject": r["other_doc"],
                        "document_id": r["document_id"], "value": r["value"], "note": r["note"],
                        "created_at": r["created_at"], "active": bool(r["active"])})
    return out
