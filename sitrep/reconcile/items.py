"""What reconciliation reads (facts of one situation) and what it writes (series, timeline entries)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureFact:
    id: str
    document_id: str
    measure: str
    group: str
    low: int
    high: int | None
    approximate: bool
    count_text: str
    date: str | None  # as-of date, else the document's date
    source_text: str | None
    origin_doc: str  # the document this text was copied from (itself when it is no copy)
    place_id: str | None = None
    place_text: str | None = None  # the place as written, when no place entity was resolved for it
    sub: bool = False  # a sub-count of another figure ("13 dead, including four police officers")
    wrong: bool = False  # an analyst marked it wrong: listed in its series, never used for its values


@dataclass(frozen=True)
class Series:
    id: str
    situation_id: str
    measure: str
    group: str
    place_id: str | None
    figure_ids: tuple[str, ...]
    best_low: int
    best_high: int | None
    best_rule: str
    range_low: int
    range_high: int | None
    independent_origins: int
    conflict: bool
    note: str


@dataclass(frozen=True)
class EventFact:
    id: str
    document_id: str
    type: str
    date: str | None
    date_precision: str | None
    place_id: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    document_id: str
    start: int
    end: int


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    situation_id: str
    type: str
    date: str | None
    date_precision: str | None
    place_id: str | None
    summary: str
    evidence: tuple[Evidence, ...]
    note: str | None
