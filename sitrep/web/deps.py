"""Request dependencies shared by the routes (module-level, so FastAPI can resolve their annotations)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Form, Request

from sitrep.store.database import reader


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request."""
    conn = reader(request.app.state.settings.db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(connection)]
Token = Annotated[str, Form(max_length=200, description="A write token from `sitrep token create`.")]
FactId = Annotated[str, Form(max_length=200)]
Note = Annotated[str, Form(max_length=500)]
