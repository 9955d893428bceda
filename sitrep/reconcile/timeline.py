"""The timeline of a situation: event mentions from all its documents merged into dated entries.

Mentions of one type on one date are one entry with all their evidence. Undated mentions join the entry of their
type that has the most evidence (or stand alone when the type has no dated entry). When reports give different
dates within a few days for an event that happens once in a situation (`one_off_events.txt`: a state of
emergency, a resignation), each entry says so: that is a disagreement for the analyst to see, unless the two
dates are two occurrences - one report tells of both, or they happened in different places. Protests, arrests
and clashes recur: their dates are occurrences.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache
from pathlib import Path

from sitrep.models import sha256_hex
from sitrep.reconcile.items import EventFact, Evidence, TimelineEntry
from sitrep.vocab import data_lines

DISAGREEMENT_DAYS = 3  # dates further apart than this are taken as separate occurrences, not a disagreement


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def merge_timeline(situation_id: str, events: list[EventFact]) -> list[TimelineEntry]:
    by_type: dict[str, dict[str | None, list[EventFact]]] = defaultdict(lambda: defaultdict(list))
    for event in sorted(events, key=lambda e: (e.document_id, e.start)):
        by_type[event.type][event.date].append(event)
    entries: list[TimelineEntry] = []
    for type_, by_date in sorted(by_type.items()):
        undated = by_date.pop(None, [])
        if undated and by_date:
            biggest = max(sorted(by_date, key=str), key=lambda d: len(by_date[d]))
            by_date[biggest].extend(undated)
        elif undated:
            by_date[None] = undated
        dates = sorted(d for d in by_date if d)
        for value, members in sorted(by_date.items(), key=lambda item: item[0] or ""):
            entries.append(_entry(situation_id, type_, value, members, _disagreement(type_, value, dates, by_date)))
    entries.sort(key=lambda e: (e.date or "9999", e.type))
    return entries


@cache
def one_off_types() -> frozenset[str]:
    return frozenset(data_lines(Path(__file__).parent / "one_off_events.txt"))


def _disagreement(type_: str, value: str | None, dates: list[str],
                  by_date: dict[str | None, list[EventFact]]) -> str | None:
    day = _day(value)
    if value is None or day is None or type_ not in one_off_types():
        return None
    near = [d for d in dates if d != value and (other := _day(d)) and abs((other - day).days) <= DISAGREEMENT_DAYS
            and not _two_occurrences(by_date[value], by_date[d])]
    if not near:
        return None
    counts = ", ".join(f"{d} ({len({e.document_id for e in by_date[d]})} reports)" for d in sorted([value, *near]))
    return f"reports give different dates: {counts}"


def _two_occurrences(a: list[EventFact], b: list[EventFact]) -> bool:
    """One report dates the type both ways, or the two dates have places and none in common."""
    if {e.document_id for e in a} & {e.document_id for e in b}:
        return True
    places_a, places_b = {e.place_id for e in a if e.place_id}, {e.place_id for e in b if e.place_id}
    return bool(places_a and places_b and not places_a & places_b)


def _entry(
    situation_id: str, type_: str, value: str | None, members: list[EventFact], note: str | None
) -> TimelineEntry:
    first = min(members, key=lambda e: (e.date is None, len(e.sentence), e.id))
    places = [e.place_id for e in members if e.place_id]
    precisions = [e.date_precision for e in members if e.date == value and e.date_precision]
    return TimelineEntry(
        id="tl-" + sha256_hex(f"{situation_id}|{type_}|{value}")[:12],
        situation_id=situation_id, type=type_, date=value, date_precision=precisions[0] if precisions else None,
        place_id=max(sorted(set(places)), key=places.count) if places else None,
        summary=first.sentence,
        evidence=tuple(Evidence(e.document_id, e.start, e.end) for e in sorted(members, key=lambda e: e.id)),
        note=note,
    )
