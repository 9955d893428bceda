"""Writing raw input and processed documents: append-only raw bytes, then one transaction per document."""

from __future__ import annotations

import json
import sqlite3

from sitrep.group import DocFeatures, blocking_keys, lsh_bands
from sitrep.models import Figure, Processed, RawDoc, document_id, sha256_hex
from sitrep.store.corrections import fixed_date
from sitrep.store.database import Store, now
from sitrep.store.grouping import encode_features, forget_links, save_fingerprint


def fact_id(prefix: str, doc_id: str, *parts: object) -> str:
    """A stable id: the same fact in the same document always gets the same id."""
    return f"{prefix}-" + sha256_hex("\x1f".join([doc_id, *map(str, parts)]))[:12]


def add_raw(store: Store, raw: RawDoc) -> bool:
    """Store raw input append-only. Returns False when these exact bytes from this source are already stored."""
    with store.write() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO raw_inputs (source, sha256, kind, data, url, title, published, language, encoding,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (raw.source, raw.sha256, raw.kind, raw.data, raw.url, raw.title, raw.published, raw.language,
             raw.encoding, now()),
        )
        return cursor.rowcount > 0


def log_error(store: Store, source: str, reason: str) -> None:
    with store.write() as conn:
        conn.execute("INSERT INTO input_errors (source, reason, at) VALUES (?, ?, ?)", (source, reason, now()))


def add_pending(store: Store, source: str, url: str, title: str | None) -> None:
    with store.write() as conn:
        conn.execute("INSERT OR IGNORE INTO pending_links VALUES (?, ?, ?, ?)", (url, source, title, now()))


def unprocessed_raw_ids(conn: sqlite3.Connection, rules: str) -> list[int]:
    """The newest version of each source that has neither become a document nor failed, and the raw input of
    each document read with rules other than `rules` (sitrep.rules: it is read again)."""
    rows = conn.execute(
        "SELECT MAX(r.id) AS id FROM raw_inputs r GROUP BY r.source"
        " HAVING (MAX(r.id) NOT IN (SELECT raw_id FROM documents)"
        " AND MAX(r.id) NOT IN (SELECT raw_id FROM raw_failures))"
        " OR MAX(r.id) IN (SELECT raw_id FROM documents WHERE rules IS NOT ?) ORDER BY id", (rules,)
    )
    return [row["id"] for row in rows]


def stale_documents(conn: sqlite3.Connection, rules: str) -> int:
    """How many documents were read with rules other than `rules`."""
    return int(conn.execute("SELECT COUNT(*) FROM documents WHERE rules IS NOT ?", (rules,)).fetchone()[0])


def load_raw(conn: sqlite3.Connection, raw_id: int) -> RawDoc:
    """A stored raw input, with the publication date an analyst fixed for its report, if any (it wins over the
    date printed on the page, so relative dates are resolved against it)."""
    row = conn.execute("SELECT * FROM raw_inputs WHERE id = ?", (raw_id,)).fetchone()
    return RawDoc(
        source=row["source"], kind=row["kind"], data=row["data"], url=row["url"], title=row["title"],
        published=fixed_date(conn, document_id(row["source"])) or row["published"], language=row["language"],
        encoding=row["encoding"],
    )


def mark_failed(store: Store, raw_id: int, reason: str) -> None:
    with store.write() as conn:
        conn.execute("INSERT OR REPLACE INTO raw_failures VALUES (?, ?)", (raw_id, reason))


def _figure_row(doc_id: str, text: str, f: Figure) -> tuple[object, ...]:
    return (
        fact_id("fig", doc_id, f.start, f.end, f.measure, f.group), doc_id, f.measure, f.group, f.group_text, f.low,
        f.high, int(f.approximate), f.count_text, f.place_text, f.date, f.source_text,
        text[f.sentence_start : f.sentence_end], f.start, f.end, f.sentence_start, f.sentence_end, f.term,
    )


def save_processed(store: Store, raw_id: int, processed: Processed, features: DocFeatures) -> str | None:
    """Replace the document of this source with its new version, with all its facts, in one transaction.

    Returns the situation the previous version belonged to (it must be reconciled again), if any.
    """
    article, notes = processed.article, processed.annotations
    doc_id, text = article.doc_id, article.text
    with store.write() as conn:
        old = conn.execute("SELECT situation_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        old_situation = old["situation_id"] if old else None
        _delete_document(conn, doc_id)
        conn.execute(
            "INSERT INTO documents (id, raw_id, source, url, title, site, published, published_inferred, language,"
            " text, text_sha256, paragraphs, features, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, raw_id, article.source, article.url, article.title, article.site, notes.published,
             int(notes.published_inferred), article.language, text, article.text_sha256,
             json.dumps([[p.start, p.end] for p in article.paragraphs]), encode_features(features),
             processed.rules or None),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO figures (id, document_id, measure, grp, group_text, low, high, approximate,"
            " count_text, place_text, date, source_text, sentence, start, end, sentence_start, sentence_end, term)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_figure_row(doc_id, text, f) for f in notes.figures],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(fact_id("ev", doc_id, e.start, e.type), doc_id, e.type, e.trigger, e.date, e.date_precision,
              e.place_text, text[e.sentence_start : e.sentence_end], e.start, e.end, e.sentence_start,
              e.sentence_end) for e in notes.events],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(fact_id("q", doc_id, q.start, q.end), doc_id, q.speaker_text, q.speaker_key, q.text, int(q.direct),
              q.start, q.end) for q in notes.quotes],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO calls VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(fact_id("call", doc_id, c.start, c.end, c.demand), doc_id, c.caller_text, c.caller_key,
              c.addressee_text, c.demand, c.start, c.end) for c in notes.calls],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, m.start, m.end, m.text, m.kind, m.key) for m in notes.mentions],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, t.start, t.end, t.text, t.type, t.value, t.precision, t.end_value) for t in notes.times],
        )
        keys = sorted({*lsh_bands(features), *blocking_keys(features)})
        conn.executemany("INSERT OR IGNORE INTO doc_keys VALUES (?, ?)", [(k, doc_id) for k in keys])
        save_fingerprint(conn, features)  # the narrow near-copy tables (fingerprints, bands)
    return old_situation


def _delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document's derived rows (its raw input stays: raw input is append-only)."""
    forget_links(conn, doc_id)
    for table in ("figures", "events", "quotes", "calls", "mentions", "times", "doc_keys", "bands", "fingerprints",
                  "entity_mentions"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM links WHERE a = ? OR b = ?", (doc_id, doc_id))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
