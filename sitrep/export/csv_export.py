"""CSV in the layout event-data users know (one row per figure and per timeline event), and its HXL-tagged twin.

Columns: event_date, event_type, country, location, latitude, longitude, measure, low, high, source, source_url,
notes. Figure rows have event_type "figure" and the measure/low/high of the count (high empty = open upwards);
event rows have the event type and empty counts. Text cells that a spreadsheet would run as a formula
(starting with = + - @ or a tab/CR) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from sitrep.export.dossier import safe_url
from sitrep.export.picture import Picture

COLUMNS = ["event_date", "event_type", "country", "location", "latitude", "longitude", "measure", "low", "high",
           "source", "source_url", "notes"]
HXL_TAGS = ["#date", "#event+type", "#country+code", "#loc+name", "#geo+lat", "#geo+lon", "#impact+type",
            "#affected+num+min", "#affected+num+max", "#meta+source", "#meta+url", "#description"]
NUMERIC = {"latitude", "longitude", "low", "high"}


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split()) if column not in NUMERIC else str(value)
    if column not in NUMERIC and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def rows(picture: Picture) -> list[dict[str, Any]]:
    """The table as dicts, figures first (by date), then events (by date)."""
    docs = {d["id"]: d for d in picture["documents"]}
    places = {e["id"]: e for e in picture["entities"]}

    def place(place_id: str | None) -> dict[str, Any]:
        p = places.get(place_id or "")
        return {"country": p["country"], "location": p["name"], "latitude": p["lat"], "longitude": p["lon"]} if p \
            else {}

    def source(doc_id: str) -> tuple[str, str | None]:
        d = docs.get(doc_id, {})
        return d.get("site") or d.get("title") or doc_id, safe_url(d.get("source"))

    wrong = {c["subject"] for c in picture.get("corrections", []) if c["kind"] == "verdict" and c["value"] == "wrong"}
    out = []
    for f in picture["figures"]:
        site, url = source(f["document_id"])
        said = f" according to {f['source_text']}" if f["source_text"] else ""
        out.append({
            "event_date": f["date"] or docs.get(f["document_id"], {}).get("published"), "event_type": "figure",
            **place(f["place_id"]), "measure": f["measure"], "low": f["low"], "high": f["high"], "source": site,
            "source_url": url,
            "notes": f"{f['group']}: \"{f['count_text']}\"{said}. Sentence: {f['sentence']} [{f['id']}]"
            + (" Marked wrong by an analyst: not used in the series." if f["id"] in wrong else ""),
        })
    for e in picture["events"]:
        evidence = [source(ev["document_id"]) for ev in e["evidence"]]
        note = f" Note: {e['note']}" if e.get("note") else ""
        out.append({
            "event_date": e["date"], "event_type": e["type"], **place(e["place_id"]),
            "source": "; ".join(sorted({s for s, _ in evidence})),
            "source_url": next((u for _, u in evidence if u), None),
            "notes": f"{e['summary']}{note} ({len(evidence)} reports) [{e['id']}]",
        })
    out.sort(key=lambda r: (r["event_type"] != "figure", r.get("event_date") or "9999"))
    return out


def _write(picture: Picture, hxl: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    if hxl:
        writer.writerow(HXL_TAGS)
    for row in rows(picture):
        writer.writerow([_cell(c, row.get(c)) for c in COLUMNS])
    return buffer.getvalue()


def to_csv(picture: Picture) -> str:
    return _write(picture, hxl=False)


def to_hxl(picture: Picture) -> str:
    """The same table with HXL hashtags as its second row (Humanitarian Exchange Language)."""
    return _write(picture, hxl=True)
