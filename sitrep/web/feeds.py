"""Atom feed of the facts of one situation, newest first (by when their report was stored).

Built with ElementTree, so article text is XML-escaped; entry links are absolute, made from the request's base URL.
"""

from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from typing import Any

from sitrep.export.dossier import count
from sitrep.export.wording import call_parts
from sitrep.web.pages import NotFound

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 200
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str | None) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text or "")


def feed_entries(conn: sqlite3.Connection, situation_id: str) -> list[dict[str, Any]]:
    """Figures, events, quotes and calls of the situation's documents with the time their report was stored."""
    base = ("FROM {table} f JOIN documents d ON d.id = f.document_id JOIN raw_inputs r ON r.id = d.raw_id"
            " WHERE d.situation_id = ?")
    entries = []
    for row in conn.execute("SELECT f.*, d.title AS doc_title, r.ingested_at " + base.format(table="figures"),
                            (situation_id,)):
        title = f"{row['measure']} ({row['grp']}): {count(row['low'], row['high'])}"
        entries.append((row, "figure", title, row["sentence"]))
    for row in conn.execute("SELECT f.*, d.title AS doc_title, r.ingested_at " + base.format(table="events"),
                            (situation_id,)):
        entries.append((row, "event", f"{row['type'].replace('_', ' ')} {row['date'] or 'undated'}", row["sentence"]))
    for row in conn.execute("SELECT f.*, d.title AS doc_title, r.ingested_at " + base.format(table="quotes"),
                            (situation_id,)):
        entries.append((row, "quote", f"{row['speaker_text'] or 'Unattributed'} said", row["text"]))
    for row in conn.execute("SELECT f.*, d.title AS doc_title, r.ingested_at " + base.format(table="calls"),
                            (situation_id,)):
        lead, demand = call_parts(row["addressee_text"], row["demand"])
        entries.append((row, "call", f"{row['caller_text'] or 'Unattributed'} calls {lead}", demand))
    out = [{"id": row["id"], "kind": kind, "title": title, "summary": text, "updated": row["ingested_at"],
            "document_id": row["document_id"], "document_title": row["doc_title"]}
           for row, kind, title, text in entries]
    out.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    return out[:LIMIT]


def atom_feed(conn: sqlite3.Connection, situation_id: str, base_url: str) -> bytes:
    situation = conn.execute("SELECT id, title FROM situations WHERE id = ?", (situation_id,)).fetchone()
    if situation is None:
        raise NotFound(f"no situation {situation_id!r}")
    base_url = base_url.rstrip("/")
    entries = feed_entries(conn, situation_id)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _xml(f"sitrep: {situation['title']}")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base_url}/situations/{situation_id}"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = entries[0]["updated"] if entries else "1970-01-01T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{base_url}/situations/{situation_id}")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base_url}/feeds/{situation_id}.atom")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "sitrep"
    for e in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{base_url}/facts/{e['kind']}/{e['id']}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _xml(e["title"])
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = e["updated"]
        ET.SubElement(entry, f"{{{ATOM}}}link", href=f"{base_url}/documents/{e['document_id']}#fact-{e['id']}")
        ET.SubElement(entry, f"{{{ATOM}}}category", term=e["kind"])
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _xml(f"{e['summary']} (from: {e['document_title'] or ''})")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
