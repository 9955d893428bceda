"""Analysts' corrections as the pages show them: each in plain words, with its status and how to take it back."""

from __future__ import annotations

import sqlite3
from typing import Any

from sitrep.store.corrections import Correction, about_documents, active, resolver_entity, split_entity_id


def _mention(conn: sqlite3.Connection, doc: str | None, start: int | None) -> str:
    row = conn.execute("SELECT text FROM mentions WHERE document_id = ? AND start = ?", (doc, start)).fetchone()
    return str(row["text"]) if row else "a name no longer found"


def _title(conn: sqlite3.Connection, doc: str | None) -> str:
    row = conn.execute("SELECT title FROM documents WHERE id = ?", (doc,)).fetchone()
    return str(row["title"] or doc) if row else str(doc)


def describe(conn: sqlite3.Connection, c: Correction, is_active: bool) -> dict[str, Any]:
    """One correction in plain words, for a page and its JSON twin."""
    if c.kind == "date":
        text = f"publication date of “{_title(conn, c.document_id)}” set to {c.value}" if c.value else \
            f"publication date of “{_title(conn, c.document_id)}” set back to the date found in it"
    elif c.kind == "entity_merge":
        first, second = _mention(conn, c.document_id, c.start), _mention(conn, c.other_doc, c.other_start)
        text = f"“{first}” is the same as “{second}”"
    elif c.kind == "entity_split":
        text = f"“{c.value}” is not the entity it was grouped with"
    elif c.kind == "story_merge":
        text = f"“{_title(conn, c.document_id)}” and “{_title(conn, c.other_doc)}” are one story"
    else:
        text = f"“{_title(conn, c.document_id)}” is a story of its own"
    return {"id": c.id, "kind": c.kind, "text": text, "note": c.note, "created_at": c.created_at,
            "active": is_active, "document_href": f"/documents/{c.document_id}",
            "undo": f"/corrections/{c.id}/undo" if is_active else None}


def for_documents(conn: sqlite3.Connection, doc_ids: list[str]) -> list[dict[str, Any]]:
    return [describe(conn, c, on) for c, on in about_documents(conn, doc_ids)]


def for_entity(conn: sqlite3.Connection, entity_id: str) -> list[dict[str, Any]]:
    """The active merges and splits that involve this entity (as the resolver made it, or as split off)."""
    out = []
    for c in active(conn, "entity_merge", "entity_split"):
        own = resolver_entity(conn, c.document_id, c.start) if c.start is not None else None
        other = resolver_entity(conn, c.other_doc, c.other_start) if c.other_doc and c.other_start is not None \
            else (split_entity_id(own, c.value) if own and c.value else None)
        if entity_id in (own, other):
            out.append(describe(conn, c, True))
    return out
