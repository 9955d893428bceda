"""Reconciling the situations that changed: stories, series and timeline rows rebuilt from their documents.

Only situations listed in `dirty_situations` are touched; each is rebuilt in one transaction and then taken off
the list, so an interrupted run picks up where it stopped.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

from sitrep.reconcile import EventFact, FigureFact, TimelineEntry, merge_timeline, reconcile_series
from sitrep.store.database import Store


def reconcile_dirty(store: Store) -> list[str]:
    conn = store.conn
    dirty = [row["id"] for row in conn.execute("SELECT id FROM dirty_situations ORDER BY id")]
    for situation_id in dirty:
        with store.write() as tx:
            _rebuild(tx, situation_id)
            tx.execute("DELETE FROM dirty_situations WHERE id = ?", (situation_id,))
    return dirty


CHUNK = 500  # ids per IN (...) list: a situation can hold more documents than SQLite allows parameters


def _in_chunks(conn: sqlite3.Connection, sql: str, ids: list[str]) -> Iterator[sqlite3.Row]:
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        yield from conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)


def _place_ids(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[tuple[str, str], str]:
    """(document, place text) -> place entity id, through the entity each place mention resolved to."""
    rows = _in_chunks(
        conn,
        "SELECT m.document_id, m.text, em.entity_id FROM mentions m JOIN entity_mentions em"
        " ON em.document_id = m.document_id AND em.start = m.start"
        " WHERE m.kind = 'place' AND m.document_id IN ({marks})",
        doc_ids,
    )
    return {(r["document_id"], r["text"]): r["entity_id"] for r in rows}


def parts_of_same_group(rows: list[sqlite3.Row]) -> set[str]:
    """Sub-counts that are part of a total of their own group ("400 hospitalized, 62 in intensive care").

    A sub-count of another group is that group's own total: in "10 dead, including four police officers" the
    four is every police officer killed, so it stands in the series of security forces."""
    totals: dict[tuple[str, int], list[sqlite3.Row]] = {}
    for r in rows:
        if r["term"] != "sub":
            totals.setdefault((r["document_id"], r["sentence_start"]), []).append(r)
    parts = set()
    for r in rows:
        if r["term"] == "sub":
            before = [t for t in totals.get((r["document_id"], r["sentence_start"]), []) if t["start"] < r["start"]]
            # the total it is part of is the figure just before it in its sentence
            if not before or max(before, key=lambda t: t["start"])["grp"] == r["grp"]:
                parts.add(r["id"])
    return parts


def marked_wrong(conn: sqlite3.Connection) -> set[str]:
    """Facts whose latest analyst verdict is "wrong": listed but not used in series, left out of the timeline.

    Fact ids are stable across re-processing, so a correction survives every later run."""
    rows = conn.execute(
        "SELECT fact_id FROM overrides o WHERE verdict = 'wrong'"
        " AND id = (SELECT MAX(id) FROM overrides WHERE fact_id = o.fact_id)"
    )
    return {r["fact_id"] for r in rows}


def _rebuild(conn: sqlite3.Connection, situation_id: str) -> None:
    for table in ("series", "timeline", "stories"):
        conn.execute(f"DELETE FROM {table} WHERE situation_id = ?", (situation_id,))
    conn.execute("DELETE FROM situations WHERE id = ?", (situation_id,))
    docs = conn.execute(
        "SELECT id, title, published, copy_of, story_id FROM documents WHERE situation_id = ? ORDER BY id",
        (situation_id,),
    ).fetchall()
    if not docs:
        return
    doc_ids = [d["id"] for d in docs]
    by_id = {d["id"]: d for d in docs}
    wrong = marked_wrong(conn)
    # a story that moved here from another situation may still have its old row there
    conn.executemany("DELETE FROM stories WHERE id = ?", [(story,) for story in {d["story_id"] for d in docs}])
    places = _place_ids(conn, doc_ids)
    figure_rows = list(_in_chunks(conn, "SELECT * FROM figures WHERE document_id IN ({marks})", doc_ids))
    parts = parts_of_same_group(figure_rows)
    figures = [
        FigureFact(
            id=r["id"], document_id=r["document_id"], measure=r["measure"], group=r["grp"], low=r["low"],
            high=r["high"], approximate=bool(r["approximate"]), count_text=r["count_text"],
            date=r["date"] or by_id[r["document_id"]]["published"], source_text=r["source_text"],
            origin_doc=by_id[r["document_id"]]["copy_of"] or r["document_id"],
            place_id=places.get((r["document_id"], r["place_text"] or "")), place_text=r["place_text"],
            sub=r["id"] in parts, wrong=r["id"] in wrong,
        )
        for r in figure_rows
    ]
    events = [
        EventFact(
            id=r["id"], document_id=r["document_id"], type=r["type"], date=r["date"],
            date_precision=r["date_precision"], place_id=places.get((r["document_id"], r["place_text"] or "")),
            sentence=r["sentence"], start=r["start"], end=r["end"],
        )
        for r in _in_chunks(conn, "SELECT * FROM events WHERE document_id IN ({marks})", doc_ids)
        if r["id"] not in wrong
    ]
    for s in reconcile_series(situation_id, figures):
        conn.execute(
            "INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (s.id, s.situation_id, s.measure, s.group, s.place_id, json.dumps(s.figure_ids), s.best_low,
             s.best_high, s.best_rule, s.range_low, s.range_high, s.independent_origins, int(s.conflict), s.note),
        )
    timeline = merge_timeline(situation_id, events)
    for t in timeline:
        conn.execute(
            "INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (t.id, t.situation_id, t.type, t.date, t.date_precision, t.place_id, t.summary,
             json.dumps([{"document_id": e.document_id, "start": e.start, "end": e.end} for e in t.evidence]),
             t.note),
        )
    _write_stories(conn, situation_id, docs)
    dates = _period(docs, timeline)
    place_counts = Counter(p for (_, _), p in places.items())
    place_ids = [p for p, _ in place_counts.most_common()]
    conn.execute(
        "INSERT INTO situations VALUES (?, ?, ?, ?, ?)",
        (situation_id, _title(conn, place_ids, dates, docs), dates[0] if dates else None,
         dates[-1] if dates else None, json.dumps(place_ids)),
    )


BACKGROUND_DAYS = 120  # an event dated further before the first report is background ("the 2021 elections")


def _period(docs: list[sqlite3.Row], timeline: list[TimelineEntry]) -> list[str]:
    """Sorted days of the situation: report dates, and day-precise events not long before the first report."""
    reported = sorted({d["published"][:10] for d in docs if d["published"]})
    events = {t.date[:10] for t in timeline if t.date and len(t.date) >= 10 and t.date[:4].isdigit()}
    if reported:
        try:
            earliest = date.fromisoformat(reported[0]) - timedelta(days=BACKGROUND_DAYS)
        except ValueError:
            return reported
        events = {d for d in events if _is_day(d) and date.fromisoformat(d) >= earliest}
    return sorted(set(reported) | {d for d in events if _is_day(d)})


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _write_stories(conn: sqlite3.Connection, situation_id: str, docs: list[sqlite3.Row]) -> None:
    stories: dict[str, list[sqlite3.Row]] = {}
    for doc in docs:
        stories.setdefault(doc["story_id"], []).append(doc)
    for story_id, members in sorted(stories.items()):
        first = min(members, key=lambda d: (d["published"] or "9999", d["id"]))
        origins = len({d["copy_of"] or d["id"] for d in members})
        conn.execute(
            "INSERT INTO stories VALUES (?, ?, ?, ?)",
            (story_id, situation_id, first["title"] or f"Story of {first['id']}", origins),
        )


def _title(conn: sqlite3.Connection, place_ids: list[str], dates: list[str], docs: list[sqlite3.Row]) -> str:
    name = None
    if place_ids:
        row = conn.execute("SELECT name FROM entities WHERE id = ?", (place_ids[0],)).fetchone()
        name = row["name"] if row else None
    period = dates[0][:7] if dates else "undated"
    if name:
        return f"{name}, {period}"
    titled = [d["title"] for d in docs if d["title"]]
    return f"{titled[0] if titled else 'Situation'} ({period})"
