"""Rendered pages are kept until the store's generation changes, and only until then."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient


def _generation(db: Path) -> int:
    return int(sqlite3.connect(db).execute("SELECT n FROM generation").fetchone()[0])


def test_a_page_is_rendered_once_per_generation(db: Path, client: TestClient) -> None:
    first = client.get("/documents/doc-wire.json").json()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE documents SET title = 'Changed behind the cache' WHERE id = 'doc-wire'")
    conn.commit()
    # an edit that no pipeline step makes alone (the pipeline replaces documents and rebuilds situations)
    assert client.get("/documents/doc-wire.json").json() == first
    before = _generation(db)
    conn.execute("INSERT INTO overrides (fact_kind, fact_id, verdict, note, created_at)"
                 " VALUES ('figure', 'fig-wire-killed', 'confirmed', '', '2031-05-08T00:00:00Z')")
    conn.commit()
    assert _generation(db) == before + 1
    assert client.get("/documents/doc-wire.json").json()["document"]["title"] == "Changed behind the cache"


def test_rebuilding_a_situation_or_replacing_a_document_moves_the_generation(db: Path) -> None:
    conn = sqlite3.connect(db)
    start = _generation(db)
    row = conn.execute("SELECT * FROM situations LIMIT 1").fetchone()
    conn.execute("DELETE FROM situations WHERE id = ?", (row[0],))
    conn.execute(f"INSERT INTO situations VALUES ({','.join('?' * len(row))})", row)
    conn.commit()
    assert _generation(db) == start + 2
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM documents WHERE id = 'doc-copy'")
    conn.commit()
    assert _generation(db) == start + 3


def test_errors_are_not_kept(client: TestClient, db: Path) -> None:
    assert client.get("/entities/nope.json").status_code == 404
    assert client.get("/entities/nope.json").status_code == 404
