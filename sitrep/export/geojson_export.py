"""GeoJSON: one Point feature per place that has coordinates, with its figures, series and timeline events."""

from __future__ import annotations

import json
from typing import Any

from sitrep.export.picture import Picture


def to_geojson(picture: Picture) -> str:
    features: list[dict[str, Any]] = []
    for place in picture["entities"]:
        if place["lat"] is None or place["lon"] is None:
            continue
        pid = place["id"]
        figures = [{"id": f["id"], "document_id": f["document_id"], "measure": f["measure"], "group": f["group"],
                    "low": f["low"], "high": f["high"], "count_text": f["count_text"], "date": f["date"],
                    "source_text": f["source_text"]} for f in picture["figures"] if f["place_id"] == pid]
        series = [{"id": s["id"], "situation_id": s["situation_id"], "measure": s["measure"], "group": s["group"],
                   "best_low": s["best_low"], "best_high": s["best_high"], "best_rule": s["best_rule"],
                   "conflict": s["conflict"]} for s in picture["series"] if s["place_id"] == pid]
        events = [{"id": e["id"], "situation_id": e["situation_id"], "type": e["type"], "date": e["date"],
                   "summary": e["summary"], "documents": sorted({ev["document_id"] for ev in e["evidence"]})}
                  for e in picture["events"] if e["place_id"] == pid]
        features.append({
            "type": "Feature", "id": pid,
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {"name": place["name"], "kind": place["kind"], "country": place["country"],
                           "aliases": place["aliases"], "figures": figures, "series": series, "events": events},
        })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"
