"""Entities in the store: mentions resolved to entities incrementally, and the situations that must follow.

Resolution is `sitrep.resolve` (pure, order-independent). A full `resolve_entities` over every stored mention
costs more with every document, so the store keeps each document's profiles (`entity_profiles`) filed under
their blocking keys (`entity_keys`). A run resolves only the *region* the new (or replaced) documents reach:
the closure of their profiles' blocking keys over the stored profiles. Entities depend on their region alone
(`sitrep.resolve.incremental`), so the stored entities always equal a full `resolve_entities` over all
mentions, whatever the order in which documents arrived. Every situation whose documents' mentions now point
at a different entity is marked dirty.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sitrep.models import Mention
from sitrep.resolve import ResolvedEntity
from sitrep.resolve.incremental import Item, document_items, place_entity, place_id, resolve_items
from sitrep.resolve.profiles import Profile
from sitrep.store.database import Store
from sitrep.store.gcpause import gc_paused

CHUNK = 500  # ids per IN (...) list


def _chunks(values: Sequence[object]) -> Iterator[Sequence[object]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def _dump(item: Item) -> str:
    p = item.profile
    return json.dumps([p.kind, p.key, sorted(p.names), sorted(p.first), sorted(p.docs), sorted(p.context),
                       sorted(p.acronyms), item.texts, item.starts])


def _load(doc_id: str, data: str) -> Item:
    kind, key, names, first, docs, context, acronyms, texts, starts = json.loads(data)
    profile = Profile(kind, frozenset(names), key, frozenset(first), frozenset(docs), frozenset(context),
                      frozenset(acronyms))
    return Item(profile, doc_id, tuple((t, n) for t, n in texts), tuple(starts))


def _region(conn: sqlite3.Connection, seeds: set[str]) -> set[int]:
    """Stored profiles reachable from the seed keys through shared blocking keys."""
    seen_keys, frontier, profiles = set(seeds), sorted(seeds), set[int]()
    while frontier:
        found: set[int] = set()
        for chunk in _chunks(frontier):
            marks = ",".join("?" * len(chunk))
            found |= {r[0] for r in conn.execute(f"SELECT profile_id FROM entity_keys WHERE key IN ({marks})",
                                                 chunk)}
        fresh = sorted(found - profiles)
        profiles |= found
        keys: set[str] = set()
        for chunk in _chunks(fresh):
            marks = ",".join("?" * len(chunk))
            keys |= {r[0] for r in conn.execute(f"SELECT key FROM entity_keys WHERE profile_id IN ({marks})", chunk)}
        frontier = sorted(keys - seen_keys)
        seen_keys |= keys
    return profiles


def _rows(conn: sqlite3.Connection, sql: str, ids: Iterable[object]) -> Iterator[sqlite3.Row]:
    for chunk in _chunks(sorted(ids)):  # type: ignore[type-var]
        yield from conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)


def _tuples(conn: sqlite3.Connection, sql: str, ids: Iterable[object]) -> Iterator[tuple[Any, ...]]:
    """`_rows` as plain tuples: a region reads tens of thousands of profiles, sqlite3.Row costs per field."""
    cursor = conn.cursor()
    cursor.row_factory = None
    for chunk in _chunks(sorted(ids)):  # type: ignore[type-var]
        yield from cursor.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)


def resolve_all(store: Store) -> set[str]:
    """Resolve the mentions of documents not resolved yet (or replaced); returns the documents whose mentions
    changed entity. The result equals a full `resolve_entities` over every stored mention.

    Which documents to look at comes from `resolve_queue`, filled by triggers on `documents`. The region's
    profiles are decoded with the cyclic collector paused (`gc_paused`)."""
    with gc_paused():
        return _resolve_all(store)


def _resolve_all(store: Store) -> set[str]:
    conn = store.conn
    queued = [r[0] for r in conn.execute("SELECT document_id FROM resolve_queue ORDER BY document_id")]
    if not queued:
        return set()
    pending = [r for r in _rows(
        conn, "SELECT d.id, d.rowid AS version, r.doc_rowid FROM documents d LEFT JOIN resolved_documents r"
        " ON r.document_id = d.id WHERE d.id IN ({marks})", queued) if r["doc_rowid"] != r["version"]]
    stale = [r["document_id"] for r in _rows(
        conn, "SELECT r.document_id, r.doc_rowid, d.rowid AS version FROM resolved_documents r LEFT JOIN documents d"
        " ON d.id = r.document_id WHERE r.document_id IN ({marks})", queued) if r["doc_rowid"] != r["version"]]
    rebuild = conn.execute("SELECT 1 FROM resolved_documents LIMIT 1").fetchone() is None
    new_items: list[Item] = []
    for row in pending:
        mentions = [Mention(r["text"], r["start"], r["end"], r["kind"], r["key"]) for r in conn.execute(
            "SELECT * FROM mentions WHERE document_id = ? ORDER BY start", (row["id"],))]
        new_items.extend(document_items(row["id"], mentions))
    new_places = [item for item in new_items if item.profile.kind == "place"]
    new_items = [item for item in new_items if item.profile.kind != "place"]
    old = [(r["id"], r["entity_id"], _load(r["document_id"], r["data"])) for r in _rows(
        conn, "SELECT id, document_id, entity_id, data FROM entity_profiles WHERE document_id IN ({marks})", stale)]
    stale_places = [item for _, _, item in old if item.profile.kind == "place"]
    stale_profiles = {p: e for p, e, item in old if item.profile.kind != "place"}
    seeds: set[str] = set()
    for item in new_items + [item for _, _, item in old if item.profile.kind != "place"]:
        seeds |= item.keys  # places are one entity per key: never part of a region (see _places)
    region = _region(conn, seeds) - set(stale_profiles)
    stored = [(p, e, _load(d, data)) for p, d, e, data in _tuples(
        conn, "SELECT id, document_id, entity_id, data FROM entity_profiles WHERE id IN ({marks})", region)]
    entities, assigned = resolve_items([item for _, _, item in stored] + new_items)
    changed_docs = {item.doc_id for item in new_items + new_places}
    moved: list[tuple[int, str, Item]] = []  # stored profiles whose entity changed
    for (profile_id, old_entity, item), entity in zip(stored, assigned, strict=False):
        if entity != old_entity:
            moved.append((profile_id, entity, item))
            changed_docs.add(item.doc_id)
    with store.write() as tx:
        if rebuild:  # first incremental run on a database resolved by the former full pass
            for table in ("entities", "entity_mentions", "entity_texts"):
                tx.execute(f"DELETE FROM {table}")
        _write_entities(tx, {e for _, e, _ in stored} | set(stale_profiles.values()), entities)
        _places(tx, new_places, stale_places)
        for chunk in _chunks(sorted(p for p, _, _ in old)):
            marks = ",".join("?" * len(chunk))
            tx.execute(f"DELETE FROM entity_keys WHERE profile_id IN ({marks})", chunk)
            tx.execute(f"DELETE FROM entity_profiles WHERE id IN ({marks})", chunk)
        tx.executemany("DELETE FROM resolved_documents WHERE document_id = ?", [(d,) for d in stale])
        tx.executemany("UPDATE entity_profiles SET entity_id = ? WHERE id = ?", [(e, p) for p, e, _ in moved])
        tx.executemany(
            "UPDATE entity_mentions SET entity_id = ? WHERE document_id = ? AND start = ?",
            [(e, item.doc_id, start) for _, e, item in moved for start in item.starts],
        )
        tx.executemany("DELETE FROM entity_mentions WHERE document_id = ?", [(r["id"],) for r in pending])
        placed = [(item, place_id(item.profile.key)) for item in new_places]
        for item, entity in [*zip(new_items, assigned[len(stored) :], strict=True), *placed]:
            cursor = tx.execute("INSERT INTO entity_profiles (document_id, entity_id, data) VALUES (?, ?, ?)",
                                (item.doc_id, entity, _dump(item)))
            tx.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?)",
                           [(k, cursor.lastrowid) for k in sorted(item.keys)])
            tx.executemany("INSERT OR REPLACE INTO entity_mentions VALUES (?, ?, ?)",
                           [(item.doc_id, start, entity) for start in item.starts])
        tx.executemany("INSERT OR REPLACE INTO resolved_documents VALUES (?, ?)",
                       [(r["id"], r["version"]) for r in pending])
        tx.executemany("DELETE FROM resolve_queue WHERE document_id = ?", [(d,) for d in queued])
        for chunk in _chunks(sorted(changed_docs)):
            marks = ",".join("?" * len(chunk))
            tx.execute(
                f"INSERT OR IGNORE INTO dirty_situations SELECT DISTINCT situation_id FROM documents"
                f" WHERE id IN ({marks}) AND situation_id IS NOT NULL",
                chunk,
            )
    return changed_docs


def _places(conn: sqlite3.Connection, new: list[Item], stale: list[Item]) -> None:
    """Place entities from their text statistics: add the new profiles', subtract the stale ones'."""
    keys = sorted({item.profile.key for item in new + stale})
    for item in stale:
        for text, count in item.texts:
            conn.execute("UPDATE entity_texts SET mentions = mentions - ?, docs = docs - 1 WHERE entity_id = ?"
                         " AND text = ?", (count, place_id(item.profile.key), text))
    for item in new:
        conn.executemany(
            "INSERT INTO entity_texts VALUES (?, ?, ?, 1) ON CONFLICT (entity_id, text)"
            " DO UPDATE SET mentions = mentions + excluded.mentions, docs = docs + 1",
            [(place_id(item.profile.key), text, count) for text, count in item.texts],
        )
    for key in keys:
        entity_id = place_id(key)
        conn.execute("DELETE FROM entity_texts WHERE entity_id = ? AND mentions <= 0", (entity_id,))
        rows = conn.execute("SELECT text, mentions, docs FROM entity_texts WHERE entity_id = ?",
                            (entity_id,)).fetchall()
        conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        if rows:
            e = place_entity(key, Counter({r[0]: r[1] for r in rows}), Counter({r[0]: r[2] for r in rows}))
            conn.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (e.id, e.kind, e.name, json.dumps(list(e.aliases)), e.lat, e.lon, e.country))


def _write_entities(conn: sqlite3.Connection, old_ids: set[str], entities: Sequence[ResolvedEntity]) -> None:
    """Replace a region's entities, writing only the rows that changed (most of a big region stays as it was)."""
    rows = {e.id: (e.id, e.kind, e.name, json.dumps(list(e.aliases)), e.lat, e.lon, e.country) for e in entities}
    current = {r[0]: tuple(r) for r in _rows(conn, "SELECT * FROM entities WHERE id IN ({marks})", old_ids | set(rows))}
    conn.executemany("DELETE FROM entities WHERE id = ?", [(e,) for e in sorted(set(current) - set(rows))])
    conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [row for entity_id, row in sorted(rows.items()) if current.get(entity_id) != row])
