"""Geometry for the two server-side SVG pictures of a dossier: figures over time and a map of places.

Only numbers come out of here (coordinates, tick labels); templates draw them with autoescaping on, so nothing
of an article ever reaches SVG markup unescaped. No tile servers and no outline data: places are plotted on a
graticule (lines of latitude and longitude) with their names.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

WIDTH, HEIGHT = 640, 280
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 56, 16, 16, 36
MAX_LINES = 6
FAR = 30.0  # degrees from the median place beyond which a place is listed instead of plotted


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _y_scale(values: list[int]) -> tuple[Any, list[tuple[float, str]]]:
    """A linear scale from 0, or a log scale when the values span more than 50x; with its ticks."""
    top = max(values)
    bottom = max(min(values), 1)
    inner = HEIGHT - PAD_TOP - PAD_BOTTOM
    if top / bottom > 50:
        lo, hi = math.floor(math.log10(bottom)), math.ceil(math.log10(top))
        hi = max(hi, lo + 1)

        def log_y(v: float) -> float:
            return PAD_TOP + inner * (1 - (math.log10(max(v, 1)) - lo) / (hi - lo))

        return log_y, [(log_y(10**p), f"{10**p:,}") for p in range(lo, hi + 1)]
    step: int = 10 ** max(math.floor(math.log10(top)) if top > 0 else 0, 0)
    while top / step > 5:
        step *= 2
    ceiling: int = max(step * math.ceil(top / step), 1)

    def lin_y(v: float) -> float:
        return PAD_TOP + inner * (1 - v / ceiling)

    return lin_y, [(lin_y(t), f"{t:,}") for t in range(0, ceiling + 1, step)]


def figure_chart(series: list[dict[str, Any]], figures: dict[str, dict[str, Any]], situation_id: str) -> dict[str, Any]:
    """Each figure series of the situation as a line of (date, low value) points, biggest series first."""
    lines = []
    for s in series:
        if s["situation_id"] != situation_id:
            continue
        points = sorted(
            (day, f["low"], f["id"], f["count_text"]) for fid in s["figure_ids"]
            if (f := figures.get(fid)) and (day := _day(f["date"])) is not None
        )
        if points:
            lines.append({"label": f"{s['measure']} ({s['group']})", "series_id": s["id"], "points": points,
                          "max": max(p[1] for p in points)})
    lines = sorted(lines, key=lambda line: -line["max"])[:MAX_LINES]
    if not lines:
        return {"empty": True, "width": WIDTH, "height": HEIGHT, "lines": []}
    days = [p[0] for line in lines for p in line["points"]]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    y, y_ticks = _y_scale([p[1] for line in lines for p in line["points"]])

    def x(day: date) -> float:
        return PAD_LEFT + inner_w * ((day - first).days / span if last != first else 0.5)

    out_lines = []
    for n, line in enumerate(lines):
        pts = [{"x": round(x(d), 1), "y": round(y(v), 1), "value": v, "date": d.isoformat(), "figure_id": fid,
                "text": text} for d, v, fid, text in line["points"]]
        path = " ".join(f"{'M' if i == 0 else 'L'}{p['x']},{p['y']}" for i, p in enumerate(pts))
        out_lines.append({"label": line["label"], "series_id": line["series_id"], "n": n, "path": path,
                          "points": pts})
    step = max(1, span // 6)
    x_ticks = [{"x": round(x(date.fromordinal(first.toordinal() + k)), 1),
                "label": date.fromordinal(first.toordinal() + k).isoformat()[5:]}
               for k in range(0, span + 1, step)] if last != first else [{"x": round(x(first), 1),
                                                                           "label": first.isoformat()}]
    return {"empty": False, "width": WIDTH, "height": HEIGHT, "lines": out_lines, "x_ticks": x_ticks,
            "y_ticks": [{"y": round(t, 1), "label": label} for t, label in y_ticks],
            "plot": {"left": PAD_LEFT, "right": WIDTH - PAD_RIGHT, "top": PAD_TOP, "bottom": HEIGHT - PAD_BOTTOM}}


def _grid_step(span: float) -> float:
    for step in (0.25, 0.5, 1, 2, 5, 10, 15, 30):
        if span / step <= 6:
            return step
    return 60


def place_map(places: list[dict[str, Any]]) -> dict[str, Any]:
    """Places with coordinates on an equirectangular graticule fitted around them."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if not located:
        return {"empty": True, "width": WIDTH, "height": HEIGHT, "points": [], "grid": [], "outside": []}
    # places far from the rest (a statement read in New York) would shrink the map: they are listed, not plotted
    mid = (sorted(float(p["lat"]) for p in located)[len(located) // 2],
           sorted(float(p["lon"]) for p in located)[len(located) // 2])
    outside = [p for p in located if abs(float(p["lat"]) - mid[0]) > FAR or abs(float(p["lon"]) - mid[1]) > FAR]
    located = [p for p in located if p not in outside] or located  # all far apart: plot them all
    outside = [p for p in outside if p not in located]
    lats = [float(p["lat"]) for p in located]
    lons = [float(p["lon"]) for p in located]
    mid_lat = (min(lats) + max(lats)) / 2
    squeeze = max(math.cos(math.radians(mid_lat)), 0.2)  # degrees of longitude are shorter away from the equator
    lat_span = max(max(lats) - min(lats), 1.0) * 1.4
    lon_span = max(max(lons) - min(lons), 1.0) * 1.4
    # keep the aspect ratio of the ground inside the picture
    if lon_span * squeeze / lat_span < WIDTH / HEIGHT:
        lon_span = lat_span * WIDTH / HEIGHT / squeeze
    else:
        lat_span = lon_span * squeeze * HEIGHT / WIDTH
    south, west = mid_lat - lat_span / 2, (min(lons) + max(lons)) / 2 - lon_span / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return round((lon - west) / lon_span * WIDTH, 1), round((1 - (lat - south) / lat_span) * HEIGHT, 1)

    grid = []
    step = _grid_step(max(lat_span, lon_span))
    lat = math.ceil(south / step) * step
    while lat < south + lat_span:
        grid.append({"x1": 0, "y1": xy(lat, west)[1], "x2": WIDTH, "y2": xy(lat, west)[1], "label": f"{lat:g}°",
                     "lx": 4, "ly": xy(lat, west)[1] - 3})
        lat += step
    lon = math.ceil(west / step) * step
    while lon < west + lon_span:
        grid.append({"x1": xy(south, lon)[0], "y1": 0, "x2": xy(south, lon)[0], "y2": HEIGHT, "label": f"{lon:g}°",
                     "lx": xy(south, lon)[0] + 3, "ly": HEIGHT - 4})
        lon += step
    points = []
    taken: list[tuple[float, float, float, float]] = []
    for p in located:
        px, py = xy(float(p["lat"]), float(p["lon"]))
        point = {"id": p["id"], "name": p["name"], "x": px, "y": py, "lat": p["lat"], "lon": p["lon"],
                 "label": False, "lx": px, "ly": py, "anchor": "start"}
        width = 7.5 * len(p["name"]) + 4
        for lx, ly, anchor in ((px + 8, py + 4, "start"), (px - 8, py + 4, "end"), (px, py - 10, "middle"),
                               (px, py + 18, "middle")):
            left = lx - (width if anchor == "end" else width / 2 if anchor == "middle" else 0)
            box = (left, ly - 13, left + width, ly + 3)
            fits = box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT
            if fits and not any(_overlap(box, other) for other in taken):
                taken.append(box)
                point.update(label=True, lx=lx, ly=ly, anchor=anchor)
                break
        points.append(point)
    return {"empty": False, "width": WIDTH, "height": HEIGHT, "points": points, "grid": grid,
            "outside": [{"id": p["id"], "name": p["name"]} for p in outside]}


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
