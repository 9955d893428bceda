"""Uploads are processed in the background, one at a time: the request only saves the file and queues a job.

    POST /upload      save the file (size-limited, inside the data directory), add a row to upload_jobs, answer
    background        a thread of the server process claims the oldest queued job, runs the whole pipeline on the
                      file (`sitrep.runner.run`, as `sitrep run` does), and records what it did
    GET /jobs/<id>    the job's state, then its reports (the page refreshes itself until the job is finished)

A job is claimed with one UPDATE, so several server processes never run the same one. A job left "running" by a
server that stopped is queued again at the next start: runs are resumable and idempotent.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

from sitrep.store.database import Store, now

log = logging.getLogger(__name__)

_LOCK = threading.Lock()  # one job thread per server process
_THREADS: dict[str, threading.Thread] = {}


def enqueue(store: Store, path: Path, size: int, token_id: int) -> int:
    with store.write() as tx:
        cursor = tx.execute("INSERT INTO upload_jobs (path, file, bytes, token_id, created_at) VALUES (?, ?, ?, ?, ?)",
                            (str(path), path.name, size, token_id, now()))
    return int(cursor.lastrowid or 0)


def requeue_interrupted(db_path: str) -> int:
    """Jobs a stopped server left running go back to the queue; returns how many are queued."""
    with Store(db_path) as store:
        with store.write() as tx:
            tx.execute("UPDATE upload_jobs SET state = 'queued' WHERE state = 'running'")
        return int(store.conn.execute("SELECT count(*) FROM upload_jobs WHERE state = 'queued'").fetchone()[0])


def _claim(store: Store) -> tuple[int, str] | None:
    with store.write() as tx:
        row = tx.execute("UPDATE upload_jobs SET state = 'running' WHERE id = (SELECT id FROM upload_jobs"
                         " WHERE state = 'queued' ORDER BY id LIMIT 1) RETURNING id, path").fetchone()
    return (int(row["id"]), str(row["path"])) if row else None


def _documents(store: Store, path: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT d.id, d.title, d.situation_id FROM documents d JOIN raw_inputs r ON r.id = d.raw_id"
        " WHERE r.source = ? OR substr(r.source, 1, ?) = ? ORDER BY d.id", (path, len(path) + 1, f"{path}#"))
    return [{"id": d["id"], "title": d["title"] or d["id"], "href": f"/documents/{d['id']}",
             "situation_id": d["situation_id"]} for d in rows]


def run_queued(db_path: str, write_lock: threading.Lock) -> None:
    """Process queued jobs until none is left (the body of the job thread)."""
    from sitrep import runner  # the whole pipeline: loaded by the first upload, not when serving starts

    with Store(db_path) as store:
        while (job := _claim(store)) is not None:
            job_id, path = job
            try:
                with write_lock:
                    report = runner.run(store, [path])
                result = {"stored": report.stored, "unchanged": report.unchanged, "processed": report.processed,
                          "errors": [{"source": Path(s).name, "reason": r} for s, r in report.errors],
                          "situations": report.situations, "documents": _documents(store, path)}
                state = "done"
            except Exception as error:  # a failed job must not stop the queue; the reason is shown on its page
                log.exception("upload job %d failed", job_id)
                result, state = {"errors": [{"source": Path(path).name, "reason": str(error)}]}, "failed"
            with store.write() as tx:
                tx.execute("UPDATE upload_jobs SET state = ?, report = ?, finished_at = ? WHERE id = ?",
                           (state, json.dumps(result), now(), job_id))


def start(db_path: str, write_lock: threading.Lock) -> None:
    """Make sure this process has a job thread working on the queue."""
    with _LOCK:
        thread = _THREADS.get(db_path)
        if thread is None or not thread.is_alive():
            thread = threading.Thread(target=run_queued, args=(db_path, write_lock), daemon=True,
                                      name="sitrep-upload-jobs")
            _THREADS[db_path] = thread
            thread.start()


def job_context(conn: sqlite3.Connection, job_id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        return None
    ahead = conn.execute("SELECT count(*) FROM upload_jobs WHERE state = 'queued' AND id < ?", (job_id,)).fetchone()[0]
    report = json.loads(row["report"]) if row["report"] else {}
    return {"id": row["id"], "file": row["file"], "bytes": row["bytes"], "state": row["state"],
            "finished": row["state"] in ("done", "failed"), "queued_ahead": ahead, "created_at": row["created_at"],
            "finished_at": row["finished_at"], "href": f"/jobs/{row['id']}",
            "stored": report.get("stored", 0), "unchanged": report.get("unchanged", 0),
            "processed": report.get("processed", 0), "errors": report.get("errors", []),
            "documents": report.get("documents", []), "situations": report.get("situations", [])}
