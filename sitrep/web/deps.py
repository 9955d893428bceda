"""Request dependencies shared by the routes (module-level, so FastAPI can resolve their annotations)."""

from __future__ import annotations

import sqlite3
import threading
from typing import Annotated, Any, cast

from fastapi import Depends, Form, Request

from sitrep.store.database import reader

_local = threading.local()


def thread_connection(path: str) -> sqlite3.Connection:
    """The calling thread's read-only connection, opened once and kept: opening one and parsing the schema again
    costs more than most pages (each statement still reads the latest committed data)."""
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None or getattr(_local, "path", None) != path:
        if conn is not None:
            conn.close()
        conn = reader(path)
        _local.conn, _local.path = conn, path
    return conn


class _ThreadConnection:
    """Stands in for a connection: every call goes to the connection of the thread making it. A sync endpoint
    runs on a worker thread of its own, so its queries never share a connection with another request."""

    def __init__(self, path: str) -> None:
        self._path = path

    def __getattr__(self, name: str) -> Any:
        return getattr(thread_connection(self._path), name)


async def connection(request: Request) -> sqlite3.Connection:
    """Async, so that resolving it costs no trip to the thread pool; the endpoint's queries run on its thread."""
    return cast(sqlite3.Connection, _ThreadConnection(request.app.state.settings.db_path))


Conn = Annotated[sqlite3.Connection, Depends(connection)]
Token = Annotated[str, Form(max_length=200, description="A write token from `sitrep token create`.")]
FactId = Annotated[str, Form(max_length=200)]
Note = Annotated[str, Form(max_length=500)]
