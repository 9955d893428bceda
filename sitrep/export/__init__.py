"""Exports of the picture. Every format renders the one contract object of `picture.load_picture`.

json     the contract "sitrep/1" itself
csv      one row per figure and per timeline event (event-data layout)
hxl      the same CSV with HXL hashtags as its second row
geojson  places with coordinates, with their figures, series and events
markdown a written situation report
html     a self-contained HTML report (inline CSS and SVG, no script, nothing fetched)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from sitrep.export.csv_export import to_csv, to_hxl
from sitrep.export.geojson_export import to_geojson
from sitrep.export.html_export import to_html
from sitrep.export.markdown_export import to_markdown
from sitrep.export.picture import Picture, load_picture


def to_json(picture: Picture) -> str:
    return json.dumps(picture, ensure_ascii=False, indent=1) + "\n"


FORMATS: dict[str, Callable[[Picture], str]] = {
    "json": to_json,
    "csv": to_csv,
    "hxl": to_hxl,
    "geojson": to_geojson,
    "markdown": to_markdown,
    "html": to_html,
}


def render(conn: sqlite3.Connection, format: str, situation_id: str | None = None) -> str:
    return FORMATS[format](load_picture(conn, situation_id))
