"""Offline geocoding: renamed cities, countries, and ambiguous names resolved by the article's country."""

from __future__ import annotations

from sitrep.resolve import context_country, geocode


def test_renamed_capital() -> None:
    old, new = geocode("Nur-Sultan", None), geocode("Astana", None)
    assert old is not None and new is not None and old.geo_id == new.geo_id
    assert abs(old.lat - 51.17) < 0.1 and abs(old.lon - 71.45) < 0.1  # type: ignore[operator]
    assert old.country == "KZ" and old.country_iso3 == "KAZ"


def test_country_and_alias() -> None:
    russia = geocode("Russian Federation", None)
    assert russia is not None and russia.kind == "country" and russia.country == "RU"


def test_ambiguous_city_follows_context() -> None:
    assert geocode("Paris", None).country == "FR"  # type: ignore[union-attr]
    country = context_country(["Dallas", "Houston", "Paris"])
    assert country == "US"
    assert geocode("Paris", country).country == "US"  # type: ignore[union-attr]


def test_acronyms_and_unknown_names() -> None:
    assert geocode("UN", None) is None
    assert geocode("Vasnetsov", None) is None
