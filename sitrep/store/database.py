"""The SQLite store: one file, WAL, one writer, many readers, named append-only migrations.

Migrations are the `.sql` files in `migrations/`, applied in name order and recorded in `_migrations`; a file
once released is never edited, a change is a new file. A database that records a migration this code does not
know is newer than the code, and is refused rather than damaged.

Writes go through `Store.write()`, a `BEGIN IMMEDIATE` transaction on the single writer connection: either a
whole document (its facts, keys and links) lands or nothing of it does, which is what makes an interrupted
`sitrep run` resumable. Readers (the web app) open their own read-only connections with `Store.reader()`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from sitrep.errors import StoreError

log = logging.getLogger(__name__)


def _migrations() -> list[tuple[str, str]]:
    folder = resources.files("sitrep.store") / "migrations"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


CACHE_KIB = 65536  # page cache per connection


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _connect(path: str, *, read_only: bool = False) -> sqlite3.Connection:
    try:
        if read_only:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot open database ({error})") from error
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    # SQLite's default 2 MB page cache holds little of a 100k-document store's indexes (bands, doc_keys,
    # mentions); 64 MB keeps what grouping and resolution re-read, and is only taken as pages are read
    try:
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(f"{path}: not a sitrep database ({error})") from error
    return conn


class Store:
    """The one writer of a sitrep database."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.conn = _connect(self.path)
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a sitrep database ({error})") from error
        self.migrate()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[str]:
        """Apply the migrations this database has not seen; returns their names."""
        self.conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.conn.execute("SELECT name FROM _migrations")}
        known = _migrations()
        unknown = done - {name for name, _ in known}
        if unknown:
            raise StoreError(f"{self.path}: made by a newer sitrep (migrations {sorted(unknown)})")
        applied = []
        for name, sql in known:
            if name in done:
                continue
            with self.write() as conn:
                for statement in sql.split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, now()))
            log.info("applied migration %s", name)
            applied.append(name)
        return applied

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: cannot write ({error})") from error
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def reader(self) -> sqlite3.Connection:
        return reader(self.path)


def reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (the web app opens one per worker thread)."""
    if not Path(path).exists():
        raise StoreError(f"{path}: no such database (run `sitrep run` first)")
    return _connect(str(path), read_only=True)
