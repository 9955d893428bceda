"""Regions read from a GeoNames extract: one per (country, region), at the median of its places."""

from __future__ import annotations

from pathlib import Path

from sitrep.resolve.regions import read_regions, region_names, without_region_word


def test_one_region_per_country_and_name_at_the_median_point(tmp_path: Path) -> None:
    data = tmp_path / "places.csv"
    data.write_text(
        "lat,lon,name,admin1,admin2,cc\n"
        "10.0,20.0,Ostrava Nova,Veldor Oblysy,,XA\n"
        "12.0,22.0,Kessel,Veldor Oblysy,,XA\n"
        "50.0,60.0,Brin,Veldor Oblysy,,XA\n"
        "1.0,2.0,Tarn,Veldor Oblysy,,XB\n"
        "5.0,5.0,Nowhere,,,XA\n",
        encoding="utf-8",
    )
    regions = list(read_regions(data))
    assert [(r.country, r.name) for r in regions] == [("XA", "Veldor Oblysy"), ("XB", "Veldor Oblysy")]
    assert (regions[0].lat, regions[0].lon) == (12.0, 22.0)
    assert regions[0].names == ("Veldor Oblysy", "Veldor")


def test_region_words() -> None:
    assert without_region_word("Rakhine State") == "Rakhine"
    assert without_region_word("Almaty Oblysy") == "Almaty"
    assert without_region_word("United States") == "United States"
    assert without_region_word("Region") == "Region"
    assert region_names("Tigray") == ("Tigray",)
