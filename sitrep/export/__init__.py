"""Exports of the picture. Every format renders the one contract object of `picture.load_picture`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from sitrep.export.picture import Picture, load_picture


def to_json(picture: Picture) -> str:
    return json.dumps(picture, ensure_ascii=False, indent=1) + "\n"


FORMATS: dict[str, Callable[[Picture], str]] = {"json": to_json}


def render(conn: sqlite3.Connection, format: str, situation_id: str | None = None) -> str:
    return FORMATS[format](load_picture(conn, situation_id))
