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
