"""The SQLite store: migrations, the single writer, append-only raw input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.models import RawDoc
from sitrep.rules import rules_version
from sitrep.store import documents
from sitrep.store.database import Store, reader


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations")]
        assert names and names[0] == "0001_initial"
        assert store.migrate() == []  # nothing new the second time
    with Store(path) as store:
        assert [r[0] for r in store.conn.execute("SELECT name FROM _migrations")] == names
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_from_a_newer_sitrep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _migrations VALUES ('9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer sitrep"):
        Store(path)


def test_a_file_that_is_not_sqlite_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("this is not a database, " * 100)
    with pytest.raises(StoreError, match=r"notes\.sqlite"):
        Store(path)


def test_raw_input_is_append_only_and_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        first = RawDoc(source="a.txt", kind="text", data=b"Version one.")
        assert documents.add_raw(store, first)
        assert not documents.add_raw(store, first)  # same bytes, same source: nothing added
        assert documents.add_raw(store, RawDoc(source="a.txt", kind="text", data=b"Version two."))
        rows = store.conn.execute("SELECT data FROM raw_inputs ORDER BY id").fetchall()
        assert [r[0] for r in rows] == [b"Version one.", b"Version two."]
        # only the newest version of a source waits to be processed
        assert documents.unprocessed_raw_ids(store.conn, rules_version()) == [2]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        with pytest.raises(RuntimeError), store.write() as tx:
            tx.execute("INSERT INTO input_errors (source, reason, at) VALUES ('x', 'y', 'z')")
            raise RuntimeError("interrupted")
        assert store.conn.execute("SELECT COUNT(*) FROM input_errors").fetchone()[0] == 0


def test_reader_is_read_only_and_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        reader(tmp_path / "missing.sqlite")
    Store(tmp_path / "s.sqlite").close()
    conn = reader(tmp_path / "s.sqlite")
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("INSERT INTO input_errors (source, reason, at) VALUES ('x', 'y', 'z')")
