"""Analysts' corrections of grouping and entities, stored as overrides and laid over every run's results.

    date          a report's publication date fixed: the report is processed again with it (its relative dates
                  follow), then grouped, resolved and reconciled like any new version of it
    entity_merge  two entities are one: the mentions of the first are shown under the second
    entity_split  a name is not this entity: its mentions become an entity of their own
    story_merge   two stories are one news item
    story_split   a report (with its verbatim copies) is not part of its story

A correction names what it is about by a report and a mention offset, never by a computed id: entity and story
ids are recomputed as reports arrive, while report ids and offsets stay. The resolver's and the grouper's own
results are kept as they are (`entity_profiles`, `links`); corrections are laid over them in `entity_mentions`
and `documents.story_id` after every run, so they survive any re-processing. A correction taken back keeps its
row (`active = 0`); the picture then returns to what the pipeline found.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.store.database import Store, now

KINDS = ("date", "entity_merge", "entity_split", "story_merge", "story_split")


@dataclass(frozen=True)
class Correction:
    id: int
    kind: str
    document_id: str
    start: int | None
    other_doc: str | None
    other_start: int | None
    value: str | None
    note: str
    created_at: str


def _row(r: sqlite3.Row) -> Correction:
    return Correction(r["id"], r["kind"], r["document_id"], r["start"], r["other_doc"], r["other_start"],
                      r["value"], r["note"], r["created_at"])


def active(conn: sqlite3.Connection, *kinds: str) -> list[Correction]:
    """Active corrections of these kinds (all kinds when none given), oldest first: later ones build on earlier."""
    wanted = kinds or KINDS
    rows = conn.execute(f"SELECT * FROM corrections WHERE active = 1 AND kind IN ({','.join('?' * len(wanted))})"
                        " ORDER BY id", wanted)
    return [_row(r) for r in rows]


def about_documents(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> list[tuple[Correction, bool]]:
    """Every correction (active or taken back) about these reports, oldest first, with whether it is active."""
    docs = sorted(set(doc_ids))
    out: list[tuple[Correction, bool]] = []
    for i in range(0, len(docs), 500):
        chunk = docs[i : i + 500]
        marks = ",".join("?" * len(chunk))
        out += [(_row(r), bool(r["active"])) for r in conn.execute(
            f"SELECT * FROM corrections WHERE document_id IN ({marks}) OR other_doc IN ({marks})", chunk + chunk)]
    return sorted(set(out), key=lambda pair: pair[0].id)


def add(conn: sqlite3.Connection, kind: str, document_id: str, *, start: int | None = None,
        other_doc: str | None = None, other_start: int | None = None, value: str | None = None, note: str = "",
        token_id: int | None = None) -> int:
    """Record one correction inside the caller's write transaction; returns its id."""
    cursor = conn.execute(
        "INSERT INTO corrections (kind, document_id, start, other_doc, other_start, value, note, token_id,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, document_id, start, other_doc, other_start, value, note[:500], token_id, now()),
    )
    return int(cursor.lastrowid or 0)


def fixed_date(conn: sqlite3.Connection, document_id: str) -> str | None:
    """The publication date an analyst gave this report (the latest active date correction), if any."""
    row = conn.execute("SELECT value FROM corrections WHERE kind = 'date' AND active = 1 AND document_id = ?"
                       " ORDER BY id DESC LIMIT 1", (document_id,)).fetchone()
    return row["value"] if row and row["value"] else None


# --- stories ---------------------------------------------------------------------------------------------------

def story_corrections(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> list[Correction]:
    """Active story corrections about any of these reports."""
    docs = set(doc_ids)
    return [c for c in active(conn, "story_merge", "story_split") if c.document_id in docs or c.other_doc in docs]


def split_story_id(document_id: str) -> str:
    return "story-" + hashlib.sha256(f"split\x1f{document_id}".encode()).hexdigest()[:12]


def apply_stories(stories: dict[str, str], copy_roots: dict[str, str], found: list[Correction]) -> dict[str, str]:
    """Document -> story after the corrections, in the order they were made (pure: the grouper calls it)."""
    out = dict(stories)
    for c in found:
        if c.kind == "story_split" and c.document_id in out:
            root = copy_roots.get(c.document_id, c.document_id)
            for doc in out:
                if copy_roots.get(doc, doc) == root:
                    out[doc] = split_story_id(c.document_id)
        elif c.kind == "story_merge" and c.document_id in out and c.other_doc in out:
            moved, target = out[c.document_id], out[c.other_doc]
            for doc, story in out.items():
                if story == moved:
                    out[doc] = target
    return out


# --- entities --------------------------------------------------------------------------------------------------

def resolver_entity(conn: sqlite3.Connection, document_id: str, start: int) -> str | None:
    """The entity the resolver itself gave this mention (before any correction)."""
    for r in conn.execute("SELECT entity_id, data FROM entity_profiles WHERE document_id = ?", (document_id,)):
        if start in json.loads(r["data"])[-1]:
            return str(r["entity_id"])
    return None


def split_entity_id(entity_id: str, name: str) -> str:
    return "split-" + hashlib.sha256(f"{entity_id}\x1f{name.lower()}".encode()).hexdigest()[:12]


def apply_entities(store: Store) -> set[str]:
    """Lay the active entity corrections over the resolver's results; returns the reports whose mentions changed
    entity (their situations are marked for reconciling). Runs after every resolve, and after a correction."""
    conn = store.conn
    before = {(r["document_id"], r["start"]): r["entity_id"] for r in conn.execute("SELECT * FROM entity_corrected")}
    found = active(conn, "entity_merge", "entity_split")
    if not before and not found:
        return set()
    with store.write() as tx:
        for (doc, start), _ in sorted(before.items()):  # back to the resolver's own entity first
            own = resolver_entity(tx, doc, start)
            if own is not None:
                tx.execute("UPDATE entity_mentions SET entity_id = ? WHERE document_id = ? AND start = ?",
                           (own, doc, start))
        tx.execute("DELETE FROM entity_corrected")
        after = _lay_over(tx, found)
        kept = sorted({entity for entity in after.values() if entity.startswith("split-")})
        tx.execute(f"DELETE FROM entities WHERE id LIKE 'split-%' AND id NOT IN ({','.join('?' * len(kept))})", kept)
        changed = {doc for (doc, start) in set(before) | set(after)
                   if before.get((doc, start)) != after.get((doc, start))}
        tx.executemany("INSERT OR IGNORE INTO dirty_situations SELECT situation_id FROM documents"
                       " WHERE id = ? AND situation_id IS NOT NULL", [(d,) for d in sorted(changed)])
    return changed


def _lay_over(conn: sqlite3.Connection, found: list[Correction]) -> dict[tuple[str, int], str]:
    """Apply merges and splits in order; returns every corrected mention with the entity it now shows."""
    canonical: dict[str, str] = {}

    def follow(entity: str) -> str:
        while entity in canonical:
            entity = canonical[entity]
        return entity

    after: dict[tuple[str, int], str] = {}
    for c in found:
        own = resolver_entity(conn, c.document_id, c.start) if c.start is not None else None
        if own is None:
            continue  # the mention is gone (the report changed): the correction no longer applies
        if c.kind == "entity_merge" and c.other_doc is not None and c.other_start is not None:
            target = resolver_entity(conn, c.other_doc, c.other_start)
            if target is None or follow(target) == follow(own):
                continue
            source, target = follow(own), follow(target)
            canonical[source] = target
            rows = conn.execute("SELECT document_id, start FROM entity_mentions WHERE entity_id = ?", (source,))
        elif c.kind == "entity_split" and c.value:
            source, target = follow(own), split_entity_id(own, c.value)
            rows = conn.execute(
                "SELECT em.document_id, em.start FROM entity_mentions em JOIN mentions m"
                " ON m.document_id = em.document_id AND m.start = em.start"
                " WHERE em.entity_id = ? AND lower(m.text) = lower(?)", (source, c.value))
            entity = conn.execute("SELECT kind FROM entities WHERE id = ?", (own,)).fetchone()
            conn.execute("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, '[]', NULL, NULL, NULL)",
                         (target, entity["kind"] if entity else "organisation", c.value))
        else:
            continue
        moved = [(r["document_id"], r["start"]) for r in rows]
        conn.executemany("UPDATE entity_mentions SET entity_id = ? WHERE document_id = ? AND start = ?",
                         [(target, doc, start) for doc, start in moved])
        after.update({key: target for key in moved})
    conn.executemany("INSERT OR REPLACE INTO entity_corrected VALUES (?, ?, ?)",
                     [(doc, start, entity) for (doc, start), entity in sorted(after.items())])
    return after


def _merges(conn: sqlite3.Connection) -> dict[str, str]:
    """Resolver entity -> the entity it is shown under after the analysts' merges, chains followed (as
    `_lay_over` applies them)."""
    canonical: dict[str, str] = {}

    def follow(entity: str) -> str:
        while entity in canonical:
            entity = canonical[entity]
        return entity

    for c in active(conn, "entity_merge"):
        own = resolver_entity(conn, c.document_id, c.start) if c.start is not None else None
        target = resolver_entity(conn, c.other_doc, c.other_start) \
            if c.other_doc is not None and c.other_start is not None else None
        if own is not None and target is not None and follow(own) != follow(target):
            canonical[follow(own)] = follow(target)
    return {entity: follow(entity) for entity in canonical}


def merged_names(conn: sqlite3.Connection) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(entity -> names it gained through merges, entity -> names split off it): the aliases the corrections
    add to or take from the resolver's entities, for the pages and the picture."""
    gained: dict[str, set[str]] = {}
    for entity, target in _merges(conn).items():
        row = conn.execute("SELECT name, aliases FROM entities WHERE id = ?", (entity,)).fetchone()
        if row is not None:
            gained.setdefault(target, set()).update([row["name"], *json.loads(row["aliases"])])
    lost: dict[str, set[str]] = {}
    for c in active(conn, "entity_split"):
        own = resolver_entity(conn, c.document_id, c.start) if c.start is not None else None
        if own is not None and c.value:
            lost.setdefault(own, set()).add(c.value.lower())
    return gained, lost


def corrected_aliases(entity_id: str, name: str, aliases: Iterable[str],
                      names: tuple[dict[str, set[str]], dict[str, set[str]]]) -> list[str]:
    """An entity's aliases with the names merges brought in and without the names split off (`merged_names`)."""
    gained, lost = names
    dropped = lost.get(entity_id, set())
    return sorted(({a for a in aliases if a.lower() not in dropped} | gained.get(entity_id, set())) - {name})


def merged_into(conn: sqlite3.Connection, entity_id: str) -> str | None:
    """The entity this one was merged into by an analyst (following later merges), if any."""
    return _merges(conn).get(entity_id)
