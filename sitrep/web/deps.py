"""Request dependencies shared by the routes (module-level, so FastAPI can resolve their annotations)."""

from __future__ import annotations

import sqlite3
import threading
from typing import Annotated

from fastapi import Depends, Form, Request

from sitrep.store.database import reader

_local = threading.local()


def connection(request: Request) -> sqlite3.Connection:
    """A read-only connection, one per worker thread, kept open: opening one and parsing the schema again costs
    more than most pages (each statement still reads the latest committed data)."""
    path = request.app.state.settings.db_path
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None or getattr(_local, "path", None) != path:
        if conn is not None:
            conn.close()
        conn = reader(path)
        _local.conn, _local.path = conn, path
    return conn


Conn = Annotated[sqlite3.Connection, Depends(connection)]
Token = Annotated[str, Form(max_length=200, description="A write token from `sitrep token create`.")]
FactId = Annotated[str, Form(max_length=200)]
Note = Annotated[str, Form(max_length=500)]
