"""Every export format, rendered from the picture of the fictional store."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from sitrep.export import FORMATS, render
from sitrep.export.csv_export import COLUMNS, HXL_TAGS
from sitrep.export.markdown_export import md
from sitrep.store.database import reader
from tests.web import fixture_store

SCHEMA = Path(__file__).resolve().parents[2] / "sitrep" / "export" / "sitrep-1.schema.json"


@pytest.fixture
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = fixture_store.build(tmp_path / "t.sqlite")
    fixture_store.add_hostile(path)
    connection = reader(path)
    yield connection
    connection.close()


def test_formats_registered() -> None:
    assert set(FORMATS) == {"json", "csv", "hxl", "geojson", "markdown", "html"}


def test_json_validates_against_the_schema(conn) -> None:  # type: ignore[no-untyped-def]
    picture = json.loads(render(conn, "json"))
    jsonschema.validate(picture, json.loads(SCHEMA.read_text(encoding="utf-8")))
    one = json.loads(render(conn, "json", situation_id="sit-ostrava"))
    jsonschema.validate(one, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [d["id"] for d in one["documents"]] == ["doc-flood"]


def test_csv_one_row_per_figure_and_event(conn) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(render(conn, "csv"))))
    assert list(rows[0]) == COLUMNS
    figures = [r for r in rows if r["event_type"] == "figure"]
    events = [r for r in rows if r["event_type"] != "figure"]
    assert len(figures) == 7 and len(events) == 4
    ngo = next(r for r in figures if "[fig-ngo-killed]" in r["notes"])
    assert (ngo["event_date"], ngo["country"], ngo["location"], ngo["latitude"], ngo["longitude"]) == \
        ("2031-05-06", "NV", "Velmar", "44.43", "26.1")
    assert (ngo["measure"], ngo["low"], ngo["high"], ngo["source_url"]) == ("killed", "27", "27", "")
    wire = next(r for r in figures if "[fig-wire-killed]" in r["notes"])
    assert (wire["high"], wire["source"], wire["source_url"]) == ("", "wire.example", "https://wire.example/velmar-1")
    curfew = next(r for r in events if r["event_type"] == "curfew" and r["event_date"] == "2031-05-04")
    assert "dates" in curfew["notes"] and curfew["low"] == ""
    hostile = next(r for r in figures if "[fig-hostile]" in r["notes"])
    assert hostile["source_url"] == ""  # a javascript: address is never written as a URL


def test_csv_cells_cannot_become_formulas(conn) -> None:  # type: ignore[no-untyped-def]
    from sitrep.export.csv_export import _cell

    assert _cell("notes", "=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _cell("notes", "-2+3") == "'-2+3"
    assert _cell("low", 12) == "12"


def test_hxl_has_hashtags_in_the_second_row(conn) -> None:  # type: ignore[no-untyped-def]
    lines = list(csv.reader(io.StringIO(render(conn, "hxl"))))
    assert lines[0] == COLUMNS and lines[1] == HXL_TAGS
    assert all(tag.startswith("#") for tag in lines[1])
    assert len(lines) == 2 + 11


def test_geojson_places_with_their_facts(conn) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(conn, "geojson"))
    assert data["type"] == "FeatureCollection"
    velmar = next(f for f in data["features"] if f["id"] == "ent-velmar")
    assert velmar["geometry"] == {"type": "Point", "coordinates": [26.10, 44.43]}
    assert {f["id"] for f in velmar["properties"]["figures"]} >= {"fig-wire-killed", "fig-ngo-killed"}
    assert {e["type"] for e in velmar["properties"]["events"]} == {"armed_clash", "curfew"}
    assert all(f["geometry"]["coordinates"][0] is not None for f in data["features"])


def test_markdown_report(conn) -> None:  # type: ignore[no-untyped-def]
    text = render(conn, "markdown", situation_id="sit-norvania")
    assert text.startswith("# Situation report")
    assert "## Velmar, 2031-05" in text
    assert "| killed | protesters | Velmar | 27 | 12–27 | 2 |" in text
    assert "[Deadly crackdown in Velmar](<https://wire.example/velmar-1>)" in text
    assert not re.search(r"(?<!\\)<(script|img|svg|a )", text)  # every < of article text is backslash-escaped
    assert "\\<script\\>" in text and "](javascript:" not in text
    assert md("a|b <i>*x*</i>") == "a\\|b \\<i\\>\\*x\\*\\</i\\>"


def test_html_report_is_self_contained_and_inert(conn) -> None:  # type: ignore[no-untyped-def]
    html = render(conn, "html")
    assert html.startswith("<!doctype html>")
    assert "<style>" in html and "<svg" in html
    assert not re.search(r"<script", html, flags=re.I)
    assert not re.search(r"\son\w+=\"", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html.split('id="sources"')[0])  # nothing fetched
    assert 'href="#doc-doc-ngo"' in html and 'id="doc-doc-ngo"' in html
    assert "&lt;script&gt;window.__pwned" in html


def test_the_map_of_places_far_apart_plots_them_rather_than_failing() -> None:
    from sitrep.export.svg import place_map

    far = [{"id": "p1", "name": "Quito", "lat": -0.2, "lon": -78.5},
           {"id": "p2", "name": "Osh", "lat": 40.5, "lon": 72.8}]
    drawn = place_map(far)
    assert len(drawn["points"]) + len(drawn["outside"]) == 2 and drawn["points"]
    assert place_map([{"id": "p3", "name": "Nowhere", "lat": None, "lon": None}])["empty"]
