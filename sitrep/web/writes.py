"""Token-protected writes from the browser: uploading reports, verdicts on facts, and corrections of dates,
entities and stories (`sitrep.store.corrections`).

Uploads are size-limited, saved under `<data dir>/uploads/` with a name made of the content hash and the
uploaded name reduced to safe characters (the path is checked to stay inside that folder), then queued and
processed in the background by `sitrep.runner.run`, the same code as `sitrep run` (`sitrep.web.jobs`). Writes
are serialised by one lock: SQLite has one writer.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.store import corrections
from sitrep.store.database import Store, now
from sitrep.store.grouping import regroup
from sitrep.store.situations import reconcile_dirty
from sitrep.web import jobs
from sitrep.web.tokens import check_token

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
SUFFIXES = (".html", ".htm", ".txt", ".md", ".jsonl", ".xml", ".rss", ".atom", ".warc", ".warc.gz")
VERDICTS = ("wrong", "confirmed", "reset")
WRITE_LOCK = threading.Lock()


class WriteError(Exception):
    """A write was refused; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Settings:
    """Where the database and uploaded files live."""

    db_path: str
    data_dir: Path
    max_upload: int = MAX_UPLOAD_BYTES


def safe_name(filename: str) -> str:
    """The uploaded file name reduced to [A-Za-z0-9._-], with an allowed suffix; raises WriteError otherwise."""
    base = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip("._-")[-80:]
    if not name.lower().endswith(SUFFIXES):
        raise WriteError(f"unsupported file type; upload one of {', '.join(SUFFIXES)}", 415)
    return name


def save_upload(data_dir: Path, filename: str, data: bytes) -> Path:
    """Store the bytes under data_dir/uploads (content-addressed) and return the path."""
    folder = (data_dir / "uploads").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    target = (folder / f"{hashlib.sha256(data).hexdigest()[:16]}-{safe_name(filename)}").resolve()
    if target.parent != folder:
        raise WriteError("bad file name")
    if not target.exists():
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
    return target


def _authorised(store: Store, token: str | None) -> int:
    token_id = check_token(store.conn, token)
    if token_id is None:
        raise WriteError("a valid write token is required (create one with `sitrep token create`)", 403)
    return token_id


def upload(settings: Settings, filename: str, data: bytes, token: str | None) -> dict[str, Any]:
    """Save one uploaded report and queue it (`sitrep.web.jobs`); returns the job, to be followed at its href."""
    if len(data) > settings.max_upload:
        raise WriteError(f"file larger than {settings.max_upload:,} bytes", 413)
    if not data:
        raise WriteError("empty file")
    with Store(settings.db_path) as store:
        token_id = _authorised(store, token)
        path = save_upload(settings.data_dir, filename, data)
        log.info("upload %s (%d bytes) queued", path.name, len(data))
        job_id = jobs.enqueue(store, path, len(data), token_id)
    jobs.start(settings.db_path, WRITE_LOCK)
    return {"job_id": job_id, "file": path.name, "bytes": len(data), "state": "queued", "href": f"/jobs/{job_id}"}


def correct(settings: Settings, fact_id: str, verdict: str, note: str, token: str | None) -> dict[str, Any]:
    """Record an analyst's verdict on a fact (the extracted fact itself is never changed)."""
    if verdict not in VERDICTS:
        raise WriteError(f"verdict must be one of {', '.join(VERDICTS)}")
    with WRITE_LOCK, Store(settings.db_path) as store:
        token_id = _authorised(store, token)
        found = None
        for kind in ("figures", "events", "quotes", "calls"):
            row = store.conn.execute(f"SELECT document_id FROM {kind} WHERE id = ?", (fact_id,)).fetchone()
            if row:
                found = (kind[:-1], row["document_id"])
                break
        if found is None:
            raise WriteError(f"no fact {fact_id!r}", 404)
        with store.write() as tx:
            tx.execute("INSERT INTO overrides (fact_kind, fact_id, verdict, note, token_id, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)", (found[0], fact_id, verdict, note[:500], token_id, now()))
            # the verdict changes what the situation's series and timeline may use
            tx.execute("INSERT OR IGNORE INTO dirty_situations SELECT situation_id FROM documents"
                       " WHERE id = ? AND situation_id IS NOT NULL", (found[1],))
        reconcile_dirty(store)
    return {"fact_id": fact_id, "kind": found[0], "verdict": verdict, "document_id": found[1],
            "href": f"/documents/{found[1]}#about-{fact_id}"}


def _anchor(conn: sqlite3.Connection, entity_id: str, name: str | None = None) -> tuple[str, int]:
    """A mention that shows this entity (with this name, for a split): what a correction is anchored on."""
    sql = ("SELECT em.document_id, em.start FROM entity_mentions em JOIN mentions m ON m.document_id = em.document_id"
           " AND m.start = em.start WHERE em.entity_id = ?")
    args: tuple[str, ...] = (entity_id,)
    if name is not None:
        sql, args = sql + " AND lower(m.text) = lower(?)", (entity_id, name.strip())
    row = conn.execute(sql + " ORDER BY em.document_id, em.start LIMIT 1", args).fetchone()
    if row is None:
        raise WriteError(f"no mention of entity {entity_id!r}" + (f" named {name!r}" if name else ""), 404)
    return row["document_id"], row["start"]


def correct_entity(settings: Settings, action: str, entity_id: str, other: str, note: str,
                   token: str | None) -> dict[str, Any]:
    """merge: `entity_id` is the same as entity `other`; split: the name `other` is not entity `entity_id`."""
    if action not in ("merge", "split"):
        raise WriteError("action must be merge or split")
    with WRITE_LOCK, Store(settings.db_path) as store:
        token_id = _authorised(store, token)
        if entity_id.startswith("split-") or (action == "merge" and other.startswith("split-")):
            raise WriteError("take the split back first: an entity split off by hand cannot be merged", 409)
        doc, start = _anchor(store.conn, entity_id, other if action == "split" else None)
        with store.write() as tx:
            if action == "merge":
                if other == entity_id:
                    raise WriteError("an entity cannot be merged into itself")
                other_doc, other_start = _anchor(tx, other)
                made = corrections.add(tx, "entity_merge", doc, start=start, other_doc=other_doc,
                                       other_start=other_start, note=note, token_id=token_id)
            else:
                made = corrections.add(tx, "entity_split", doc, start=start, value=other.strip(), note=note,
                                       token_id=token_id)
        corrections.apply_entities(store)
        reconcile_dirty(store)
        shown = other if action == "merge" else corrections.split_entity_id(entity_id, other.strip())
    return {"correction_id": made, "kind": f"entity_{action}", "entity_id": entity_id,
            "href": f"/entities/{shown}"}


def correct_story(settings: Settings, action: str, document_id: str, other_doc: str, note: str,
                  token: str | None) -> dict[str, Any]:
    """split: the report leaves its story; merge: the report's story and `other_doc`'s story are one."""
    if action not in ("merge", "split"):
        raise WriteError("action must be merge or split")
    with WRITE_LOCK, Store(settings.db_path) as store:
        token_id = _authorised(store, token)
        docs = {r["id"]: r for r in store.conn.execute(
            "SELECT id, situation_id FROM documents WHERE id IN (?, ?)", (document_id, other_doc))}
        if document_id not in docs or (action == "merge" and other_doc not in docs):
            raise WriteError("no such report", 404)
        if action == "merge" and docs[document_id]["situation_id"] != docs[other_doc]["situation_id"]:
            raise WriteError("only stories of one situation can be merged", 409)
        with store.write() as tx:
            made = corrections.add(tx, f"story_{action}", document_id,
                                   other_doc=other_doc if action == "merge" else None, note=note, token_id=token_id)
        regroup(store, {document_id, other_doc} & set(docs))
        reconcile_dirty(store)
    return {"correction_id": made, "kind": f"story_{action}", "document_id": document_id,
            "href": f"/documents/{document_id}"}


def fix_date(settings: Settings, document_id: str, day: str, note: str, token: str | None) -> dict[str, Any]:
    """Give a report its publication date (empty: back to the date found in it); the report is processed again."""
    day = day.strip()
    if day:
        try:
            day = date.fromisoformat(day).isoformat()
        except ValueError as error:
            raise WriteError(f"not a date (YYYY-MM-DD): {day[:20]!r}") from error
    with WRITE_LOCK, Store(settings.db_path) as store:
        token_id = _authorised(store, token)
        if store.conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
            raise WriteError(f"no report {document_id!r}", 404)
        with store.write() as tx:
            made = corrections.add(tx, "date", document_id, value=day or None, note=note, token_id=token_id)
        from sitrep import runner  # the whole pipeline: imported on the first correction, not when serving starts

        runner.reprocess(store, [document_id])
    return {"correction_id": made, "kind": "date", "document_id": document_id, "date": day or None,
            "href": f"/documents/{document_id}"}


def take_back(settings: Settings, correction_id: int, token: str | None) -> dict[str, Any]:
    """Take a correction back: the picture returns to what the pipeline found (the row stays, inactive)."""
    with WRITE_LOCK, Store(settings.db_path) as store:
        _authorised(store, token)
        row = store.conn.execute("SELECT * FROM corrections WHERE id = ?", (correction_id,)).fetchone()
        if row is None:
            raise WriteError(f"no correction {correction_id}", 404)
        with store.write() as tx:
            tx.execute("UPDATE corrections SET active = 0 WHERE id = ?", (correction_id,))
        if row["kind"] == "date":
            from sitrep import runner

            runner.reprocess(store, [row["document_id"]])
        elif row["kind"].startswith("story_"):
            regroup(store, {row["document_id"], row["other_doc"]} - {None})
        else:
            corrections.apply_entities(store)
        reconcile_dirty(store)
    return {"correction_id": correction_id, "kind": row["kind"], "active": False,
            "href": f"/documents/{row['document_id']}"}
