"""Extractor: figures — counts of people killed, injured, hospitalized, detained, charged, missing, displaced
or taking part, with hedge, victim group, attributed source, place and as-of date.

`extract(ctx)` gives the Figures; `extract_found(ctx)` also gives each figure's finer reporting term
(IDMC displacement terms, "shot" where a shooting's outcome is not stated).
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.annotate.context import Context
from sitrep.annotate.figures.factory import make_extractor
from sitrep.annotate.figures.items import FoundFigure
from sitrep.models import Figure

__all__ = ["extract", "extract_found"]


def extract_found(ctx: Context) -> tuple[FoundFigure, ...]:
    return tuple(make_extractor()(ctx))


def extract(ctx: Context) -> tuple[Figure, ...]:
    return tuple(replace(item.figure, term=item.term) for item in extract_found(ctx))
