"""Timeline merging across articles."""

from __future__ import annotations

from sitrep.reconcile import EventFact, merge_timeline


def ev(id_: str, type_: str, date: str | None, doc: str = "d1") -> EventFact:
    return EventFact(id=id_, document_id=doc, type=type_, date=date, date_precision="day" if date else None,
                     place_id=None, sentence=f"sentence {id_}", start=0, end=5)


def test_mentions_of_one_type_and_date_merge_with_all_evidence() -> None:
    entries = merge_timeline("s", [ev("a", "curfew", "2031-03-05", "d1"), ev("b", "curfew", "2031-03-05", "d2")])
    assert len(entries) == 1
    assert {e.document_id for e in entries[0].evidence} == {"d1", "d2"}


def test_undated_mentions_join_the_dated_entry_of_their_type() -> None:
    entries = merge_timeline("s", [ev("a", "protest", "2031-03-02"), ev("b", "protest", None, "d2")])
    assert len(entries) == 1 and len(entries[0].evidence) == 2


def test_close_but_different_dates_are_shown_as_disagreement() -> None:
    entries = merge_timeline("s", [ev("a", "internet_shutdown", "2031-03-02", "d1"),
                                   ev("b", "internet_shutdown", "2031-03-04", "d2")])
    assert len(entries) == 2
    assert all(e.note and "different dates" in e.note for e in entries)


def test_entries_are_sorted_by_date_and_ids_are_stable() -> None:
    events = [ev("a", "curfew", "2031-03-05"), ev("b", "protest", "2031-03-02")]
    first = merge_timeline("s", events)
    assert [e.type for e in first] == ["protest", "curfew"]
    assert [e.id for e in first] == [e.id for e in merge_timeline("s", list(reversed(events)))]


def test_recurring_events_on_close_dates_are_occurrences_not_a_disagreement() -> None:
    protests = [ev("a", "protest", "2031-03-02", "d1"), ev("b", "protest", "2031-03-03", "d2")]
    assert [e.note for e in merge_timeline("s", protests)] == [None, None]


def test_two_dates_one_report_tells_of_are_two_occurrences_not_a_disagreement() -> None:
    wave = [ev("a", "curfew", "2031-03-02", "d1"), ev("b", "curfew", "2031-03-03", "d1"),
            ev("c", "curfew", "2031-03-03", "d2")]
    assert [e.note for e in merge_timeline("s", wave)] == [None, None]


def test_two_dates_in_different_places_are_two_occurrences() -> None:
    osh = EventFact(**{**ev("a", "curfew", "2031-03-02", "d1").__dict__, "place_id": "place-osh"})
    capital = EventFact(**{**ev("b", "curfew", "2031-03-03", "d2").__dict__, "place_id": "place-capital"})
    assert [e.note for e in merge_timeline("s", [osh, capital])] == [None, None]
