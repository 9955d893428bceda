"""Incremental grouping in the store: a new document is linked only to its candidates, then the one connected
component it touches gets its copy / story / situation ids again.

Candidates are the documents that share an LSH band or a blocking key with it (`doc_keys`), capped to the ones
sharing most keys, and read back in one query per chunk. `near_copies` is the near-duplicate path alone: the
documents sharing an LSH band, judged on their fingerprints (`sitrep.group.minhash`). Link decisions are
pairwise and components are deterministic (`sitrep.group`), so adding documents in any order, or rebuilding,
gives the same grouping.

MinHash values of two hash schemes are unrelated (`sitrep.group.minhash`). `upgrade_fingerprints`, run first by
`group_pending`, re-fingerprints the documents an older version stored from their stored text and replaces
their LSH band keys, so that a new document is never compared with a fingerprint of another scheme (band keys
name their scheme, so the two cannot even meet as candidates). Links decided before the upgrade stay: each
was decided between two fingerprints of one scheme.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import deque
from dataclasses import fields
from typing import Any

import numpy as np

from sitrep.group import (
    LSH_BANDS,
    DocFeatures,
    Fingerprint,
    Link,
    Shingled,
    band_prefix,
    components,
    link,
    lsh_bands,
    lsh_digests,
)
from sitrep.group.links import copy_decision
from sitrep.group.minhash import (
    LEGACY_SCHEME,
    SCHEME,
    agreements,
    ascii_lower,
    decode_minhash,
    encode_minhash,
    minhash_of_text,
)
from sitrep.store.corrections import apply_stories, story_corrections
from sitrep.store.database import Store
from sitrep.store.gcpause import gc_paused

log = logging.getLogger(__name__)

MAX_CANDIDATES = 300  # a new article is compared with at most this many documents (those sharing most keys)
UPGRADE_BATCH = 256  # documents re-fingerprinted per transaction by upgrade_fingerprints


def encode_features(f: DocFeatures) -> str:
    """The features column: JSON, with the MinHash as base64 (decoding it is then nearly free)."""
    data = {field.name: getattr(f, field.name) for field in fields(f)}  # asdict would deep-copy every value
    data["minhash"] = encode_minhash(f.minhash)
    return json.dumps(data)


def decode_features(text: str) -> DocFeatures:
    """`encode_features` back (features stored by earlier versions hold the MinHash as a JSON list)."""
    data: dict[str, Any] = json.loads(text)
    for name, value in data.items():  # JSON has lists where the frozen dataclass keeps tuples
        if isinstance(value, list):
            data[name] = tuple(value)
    if isinstance(data["minhash"], str):
        data["minhash"] = decode_minhash(data["minhash"])
    data.setdefault("minhash_scheme", LEGACY_SCHEME)  # stored before fingerprints named their scheme
    return DocFeatures(**data)


def load_features(conn: sqlite3.Connection, doc_id: str) -> DocFeatures:
    row = conn.execute("SELECT features FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return decode_features(row["features"])


def load_many(conn: sqlite3.Connection, doc_ids: list[str]) -> list[DocFeatures]:
    """The features of these documents in one query per CHUNK ids, in the order asked."""
    rows = _in_chunks(conn, "SELECT id, features FROM documents WHERE id IN ({marks})", doc_ids)
    found = {row["id"]: decode_features(row["features"]) for row in rows}
    return [found[d] for d in doc_ids if d in found]


_FINGERPRINT_COLUMNS = "document_id AS id, text_sha256, minhash, shingles, scheme"
SHA_BAND = 255  # the "band" of a text-hash key in `band_key` (LSH bands are numbered from 0)


def band_key(key: str) -> int:
    """The integer key of the `bands` table for one text key of `lsh_bands` ("lsh<scheme>:<band>:<16 hex>" or
    "sha:<sha256>"): scheme << 56 | band << 48 | the first 48 bits of the digest. The same function as migration
    0009 computes in SQL from the stored text keys; 48 bits per band make a false shared band between 100k
    documents about as likely as 1 in 100,000, and a false candidate is only compared, never linked."""
    if key.startswith("sha:"):
        return SHA_BAND << 48 | int(key[4:16], 16)
    scheme, band, digest = key.split(":")
    return int(scheme[3:] or LEGACY_SCHEME) << 56 | int(band) << 48 | int(digest[:12], 16)


_BANDS = np.arange(LSH_BANDS, dtype=np.uint64) << np.uint64(48)


def band_keys(f: Shingled) -> list[int]:
    """`band_key` of every key of `lsh_bands(f)`, computed from the digests in numpy (no text keys made)."""
    sha = SHA_BAND << 48 | int(f.text_sha256[:12], 16)
    if not f.minhash:
        return [sha]
    keys = (lsh_digests(f.minhash) >> np.uint64(16)) | _BANDS | np.uint64(f.minhash_scheme << 56)
    return [*keys.tolist(), sha]


def save_fingerprint(conn: sqlite3.Connection, f: Shingled) -> None:
    """Write (or replace) one document's rows of the narrow near-copy tables: its fingerprint and band keys."""
    conn.execute("INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?, ?, ?)",
                 (f.doc_id, f.text_sha256, f.minhash_scheme, f.shingles, encode_minhash(f.minhash)))
    conn.execute("DELETE FROM bands WHERE document_id = ?", (f.doc_id,))
    conn.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", [(k, f.doc_id) for k in sorted(band_keys(f))])


def _fingerprint(row: sqlite3.Row) -> Fingerprint:
    value = row["minhash"]  # a JSON array (stored by earlier versions) comes as its text, base64 as itself
    hashes = decode_minhash(json.loads(value) if value.startswith("[") else value)
    return Fingerprint(row["id"], row["text_sha256"], hashes, row["shingles"], row["scheme"])


def load_fingerprints(conn: sqlite3.Connection, doc_ids: list[str]) -> list[Fingerprint]:
    """Only the near-copy part of these documents' features, from the narrow `fingerprints` table."""
    sql = f"SELECT {_FINGERPRINT_COLUMNS} FROM fingerprints WHERE document_id IN ({{marks}})"
    found = {row["id"]: _fingerprint(row) for row in _in_chunks(conn, sql, doc_ids)}
    return [found[d] for d in doc_ids if d in found]


def near_copies(conn: sqlite3.Connection, f: Shingled) -> list[Link]:
    """Near-duplicate grouping of one document against the store: the documents sharing an LSH band with it,
    decided by `copy_link`'s rule on fingerprints alone (no names, dates or terms are read or computed). One
    query finds the candidates in the narrow `bands` table and reads their rows of the narrow `fingerprints`
    table: at 100k documents both stay in SQLite's page cache, where the wide documents rows and doc_keys did
    not. The MinHash agreements of all candidates are counted in one numpy step (`agreements`) and each is
    decided from its count (`copy_decision`), so no candidate's values become Python integers (a test holds
    near_copies equal to copy_link over every candidate)."""
    keys = band_keys(f)
    rows = conn.execute(
        f"SELECT {_FINGERPRINT_COLUMNS} FROM fingerprints WHERE document_id IN (SELECT DISTINCT document_id"
        f" FROM bands WHERE key IN ({','.join('?' * len(keys))}) AND document_id != ? ORDER BY document_id"
        " LIMIT ?) ORDER BY document_id", (*keys, f.doc_id, MAX_CANDIDATES)).fetchall()
    size = len(f.minhash)
    counted = agreements(f.minhash, [row["minhash"] if row["scheme"] == f.minhash_scheme else "" for row in rows])
    out = []
    for row, agree in zip(rows, counted, strict=True):
        jac = agree / size if agree >= 0 else 0.0  # another scheme or length: copy_link's Jaccard is 0
        found = copy_decision(f.doc_id, row["id"], row["text_sha256"] == f.text_sha256, jac, f.shingles,
                              row["shingles"])
        if found is not None:
            out.append(found)
    return out


def _candidates(conn: sqlite3.Connection, doc_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT k2.document_id AS id, COUNT(*) AS shared FROM doc_keys k1"
        " JOIN doc_keys k2 ON k1.key = k2.key AND k2.document_id != k1.document_id"
        " WHERE k1.document_id = ? GROUP BY k2.document_id ORDER BY shared DESC, id LIMIT ?",
        (doc_id, MAX_CANDIDATES),
    )
    return [row["id"] for row in rows]


def _component(conn: sqlite3.Connection, start: set[str]) -> set[str]:
    """All documents reachable from `start` through any link (the situation-level component)."""
    seen, queue = set(start), deque(start)
    while queue:
        doc = queue.popleft()
        for row in conn.execute("SELECT b AS other FROM links WHERE a = ? UNION SELECT a FROM links WHERE b = ?",
                                (doc, doc)):
            if row["other"] not in seen:
                seen.add(row["other"])
                queue.append(row["other"])
    return seen


CHUNK = 500  # ids per IN (...) list: a component can hold more documents than SQLite allows parameters


def _in_chunks(conn: sqlite3.Connection, sql: str, ids: list[str]) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        rows.extend(conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk))
    return rows


def _links_within(conn: sqlite3.Connection, docs: set[str]) -> list[Link]:
    rows = _in_chunks(conn, "SELECT * FROM links WHERE a IN ({marks})", sorted(docs))
    return [Link(r["a"], r["b"], r["kind"], r["score"], r["reason"]) for r in rows if r["b"] in docs]


def upgrade_fingerprints(store: Store) -> int:
    """Re-fingerprint every document stored with an older MinHash scheme from its stored text (features and
    LSH band keys); returns how many were upgraded. Finding none is one index probe per older scheme.

    The documents are listed once from their band-0 keys (one index range, one key per document), then
    upgraded UPGRADE_BATCH per transaction."""
    done = 0
    for scheme in range(LEGACY_SCHEME, SCHEME):
        low, high = band_prefix(scheme), band_prefix(scheme)[:-1] + ";"  # every key starting with the prefix
        if store.conn.execute("SELECT 1 FROM doc_keys WHERE key >= ? AND key < ? LIMIT 1", (low, high)).fetchone():
            ids = sorted(row[0] for row in store.conn.execute(
                "SELECT document_id FROM doc_keys WHERE key >= ? AND key < ?", (f"{low}0:", f"{low}0;")))
            for i in range(0, len(ids), UPGRADE_BATCH):
                with store.write() as tx:
                    _upgrade(tx, ids[i : i + UPGRADE_BATCH], low, high)
            done += len(ids)
            with store.write() as tx:  # keys of no band-0 document (none are expected) would be found again
                tx.execute("DELETE FROM doc_keys WHERE key >= ? AND key < ?", (low, high))
    if done:
        log.info("re-fingerprinted %d documents stored with an older MinHash scheme", done)
    return done


def _upgrade(conn: sqlite3.Connection, ids: list[str], low: str, high: str) -> None:
    """One batch: new fingerprints into the features column, old band keys out, new ones in (sorted by key, so
    that the inserts walk the key index in order)."""
    updates: list[tuple[str, str]] = []
    keys: list[tuple[str, str]] = []
    for row in _in_chunks(conn, "SELECT id, text_sha256, text, features FROM documents WHERE id IN ({marks})", ids):
        f = Fingerprint(row["id"], row["text_sha256"], *minhash_of_text(ascii_lower(row["text"])))
        data = json.loads(row["features"])  # only the near-copy part changes: the rest is kept as stored
        data.update(minhash=encode_minhash(f.minhash), shingles=f.shingles, minhash_scheme=f.minhash_scheme)
        updates.append((json.dumps(data), f.doc_id))
        keys.extend((key, f.doc_id) for key in lsh_bands(f))
        save_fingerprint(conn, f)
    conn.executemany("UPDATE documents SET features = ? WHERE id = ?", updates)
    conn.executemany("DELETE FROM doc_keys WHERE document_id = ? AND key >= ? AND key < ?",
                     [(doc_id, low, high) for doc_id in ids])
    conn.executemany("INSERT OR IGNORE INTO doc_keys VALUES (?, ?)", sorted(keys))


def group_pending(store: Store) -> set[str]:
    """Link and group every document not grouped yet; returns the situations that must be reconciled again.
    Fingerprints of an older scheme are upgraded first (`upgrade_fingerprints`)."""
    upgrade_fingerprints(store)
    conn = store.conn
    pending = [row["id"] for row in conn.execute("SELECT id FROM documents WHERE grouped = 0 ORDER BY id")]
    dirty: set[str] = set()
    for doc_id in pending:
        with gc_paused():  # up to MAX_CANDIDATES feature rows decoded at once (`sitrep.store.gcpause`)
            features = load_features(conn, doc_id)
            others = load_many(conn, _candidates(conn, doc_id))
            new_links = [found for other in others if (found := link(features, other)) is not None]
        with store.write() as tx:
            tx.executemany(
                "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?)",
                [(min(x.a, x.b), max(x.a, x.b), x.kind, x.score, x.reason) for x in new_links],
            )
            dirty |= _regroup(tx, _component(tx, {doc_id}))
            tx.execute("UPDATE documents SET grouped = 1 WHERE id = ?", (doc_id,))
            tx.executemany("INSERT OR IGNORE INTO dirty_situations VALUES (?)", [(s,) for s in dirty])
    return dirty


def regroup(store: Store, doc_ids: set[str]) -> set[str]:
    """Group the components of these documents again (after an analyst's story correction); returns the
    situations to reconcile, also listed in dirty_situations."""
    with store.write() as tx:
        dirty = _regroup(tx, _component(tx, doc_ids))
        tx.executemany("INSERT OR IGNORE INTO dirty_situations VALUES (?)", [(s,) for s in sorted(dirty)])
    return dirty


def _regroup(conn: sqlite3.Connection, docs: set[str]) -> set[str]:
    """Give every document of one component its copy root, story and situation; returns old and new situations."""
    links = _links_within(conn, docs)
    ids = sorted(docs)
    copies = components(ids, links, "copy")
    stories = components(ids, links, "story")
    situations = components(ids, links, "situation")
    sql = "SELECT id, published, copy_of, story_id, situation_id FROM documents WHERE id IN ({marks})"
    rows = _in_chunks(conn, sql, ids)
    current = {r["id"]: (r["copy_of"], r["story_id"], r["situation_id"]) for r in rows}
    touched = {r["situation_id"] for r in rows if r["situation_id"]}
    published = {r["id"]: r["published"] or "9999" for r in rows}
    roots: dict[str, str] = {}
    for doc in ids:  # the copy root is the earliest document of its copy group (then the smallest id)
        group = copies[doc]
        if group not in roots or (published[doc], doc) < (published[roots[group]], roots[group]):
            roots[group] = doc
    stories = apply_stories(stories, {doc: roots[copies[doc]] for doc in ids}, story_corrections(conn, ids))
    updates = []
    for doc in ids:
        root = roots[copies[doc]]
        wanted = (None if root == doc else root, stories[doc], situations[doc])
        if current.get(doc) != wanted:  # a big component mostly keeps its ids: write only what changed
            updates.append((*wanted, doc))
        touched.add(situations[doc])
    conn.executemany("UPDATE documents SET copy_of = ?, story_id = ?, situation_id = ? WHERE id = ?", updates)
    return touched


def forget_links(conn: sqlite3.Connection, doc_id: str) -> None:
    """Before a document is replaced: its former neighbours must be grouped again."""
    conn.execute(
        "UPDATE documents SET grouped = 0 WHERE id IN (SELECT b FROM links WHERE a = ? UNION "
        "SELECT a FROM links WHERE b = ?)",
        (doc_id, doc_id),
    )
