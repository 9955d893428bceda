"""Places: where a displacement happened, on the IDMC IDETECT test excerpts (../shared/bench/idmc-idetect).

IDMC analysts recorded, for each excerpt's displacement figure, its location as written ("Mosul", "Rakhine",
"Ouham Pende") and its country (ISO3). Each excerpt goes through the whole annotate stage; ours is the place of
the first displacement figure (chosen as `evaluate.idmc` chooses it), geocoded as the pipeline geocodes it (the
place mention's gazetteer id, resolved in the excerpt's context).

- `figure_country`: the figure's place geocodes into the recorded country (excerpts with a recorded country).
- `figure_place_found`: the figure has a geocoded place at all.
- `excerpt_country`: the excerpt's main country (`context_country` over its place mentions, as the entities
  stage uses it to settle ambiguous names) is the recorded one.

There is no published anchor. The recorded countries hold some slips (Mitwaba, in Congo-Kinshasa, is recorded as
COG, Congo-Brazzaville); they count against us like any miss. fast = the first 100 test excerpts.
"""

from __future__ import annotations

from evaluate import Report, prf
from evaluate.gvdb import context_of
from evaluate.idmc import FAST, displacement_figure, load
from sitrep.annotate import annotate
from sitrep.annotate.figures.items import FoundFigure
from sitrep.models import Annotations
from sitrep.resolve.geocode import context_country, gazetteer


def _country_of(annotations: Annotations, place_text: str | None) -> str | None:
    """ISO3 of the place mention written `place_text` (its gazetteer id), or None when it was not geocoded."""
    for mention in annotations.mentions:
        if mention.kind == "place" and mention.text == place_text:
            place = gazetteer().by_id.get(mention.key)
            return place.country_iso3 if place is not None else None
    return None


def _excerpt_country(annotations: Annotations) -> str | None:
    code = context_country(m.text for m in annotations.mentions if m.kind == "place")
    place = gazetteer().countries.get(code) if code else None
    return place.country_iso3 if place is not None else None


def run(fast: bool = False) -> Report:
    rows = [r for r in load("idetect_test.jsonl") if r.get("country_iso3")]
    rows = rows[:FAST] if fast else rows
    figure_ok = found = excerpt_ok = 0
    notes: list[str] = []
    for row in rows:
        ctx = context_of(row["text"], row["id"])
        annotations = annotate(ctx.article)
        chosen = displacement_figure(tuple(FoundFigure(f, f.term) for f in annotations.figures))
        place_text = chosen.figure.place_text if chosen else None
        country = _country_of(annotations, place_text)
        found += country is not None
        figure_ok += country == row["country_iso3"]
        excerpt = _excerpt_country(annotations)
        excerpt_ok += excerpt == row["country_iso3"]
        if country != row["country_iso3"] and len(notes) < 40:
            notes.append(f"{row['id']}: place {place_text!r} -> {country}, excerpt {excerpt}; "
                         f"recorded {row['location']!r} {row['country_iso3']}")
    n = len(rows)
    return Report(
        "places",
        f"shared/bench/idmc-idetect ({n} test excerpts with a recorded country)",
        {"figure_country": figure_ok / n, "figure_place_found": found / n, "excerpt_country": excerpt_ok / n,
         "figure_country_precision": prf(figure_ok, found - figure_ok, 0)["precision"]},
        {"published": "none"},
        notes,
    )
