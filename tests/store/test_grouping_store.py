"""The store's grouping reads: features round-trip through their column, the near-copy path alone, and the
upgrade of fingerprints an earlier version stored with another hash scheme."""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from pathlib import Path

from sitrep.group import Fingerprint, copy_link, features, fingerprint, lsh_bands
from sitrep.models import Annotations, Article, Processed, RawDoc
from sitrep.store import documents
from sitrep.store.database import Store
from sitrep.store.grouping import (
    SHA_BAND,
    band_key,
    band_keys,
    decode_features,
    encode_features,
    group_pending,
    load_fingerprints,
    load_many,
    near_copies,
    upgrade_fingerprints,
)
from sitrep.text import split_paragraphs

REPORT = ("Harbour master Ivo Renkel said on Friday that 14 fishermen were missing off Keldmouth after the storm "
          "surge, and that the coast guard had rescued 63 people from the water near the breakwater.\n\n"
          "Three warehouses collapsed and the market hall was flooded; engineers from the ports authority will "
          "inspect the wall, which residents say had been cracked since the winter.")
OTHER = ("The national orchestra of Veloria opened its season in Dravos with a new symphony by a young composer, "
         "and the hall was full for the three evenings of the festival.")


def _article(doc_id: str, text: str) -> Article:
    return Article(doc_id=doc_id, source=doc_id, text=text, paragraphs=split_paragraphs(text))


def _save(store: Store, doc_id: str, text: str) -> None:
    article = _article(doc_id, text)
    notes = Annotations(doc_id=doc_id, published=None, published_inferred=False)
    raw = RawDoc(source=doc_id, kind="text", data=text.encode())
    documents.add_raw(store, raw)
    raw_id = store.conn.execute("SELECT MAX(id) FROM raw_inputs").fetchone()[0]
    documents.save_processed(store, raw_id, Processed(raw, article, notes), features(article, notes))


def test_features_round_trip_through_the_column_old_and_new_format() -> None:
    f = features(_article("a", REPORT), Annotations(doc_id="a", published=None, published_inferred=False))
    assert decode_features(encode_features(f)) == f
    assert decode_features(json.dumps(asdict(f))) == f  # a row written by an earlier version


def test_near_copies_finds_a_repost_from_fingerprints_alone(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        _save(store, "doc-original", REPORT)
        _save(store, "doc-other", OTHER)
        ids = [row["id"] for row in store.conn.execute("SELECT id FROM documents ORDER BY id")]
        stored = load_many(store.conn, ids)
        assert [f.doc_id for f in stored] == ids
        assert [f.minhash for f in load_fingerprints(store.conn, ids)] == [f.minhash for f in stored]
        repost = _article("doc-repost", "Home | News | Weather\n\n" + REPORT + "\n\nFollow us | Contact us")
        found = near_copies(store.conn, fingerprint(repost))
        assert [(x.a, x.b, x.kind) for x in found] == [("doc-original", "doc-repost", "copy")]
        assert near_copies(store.conn, fingerprint(_article("doc-new", OTHER + " An encore was played.")))[0].b \
            == "doc-other"


def _as_stored_by_version_one(store: Store, doc_id: str) -> None:
    """Make a row look as an earlier version wrote it, then migration 0009 copied it: no scheme, values of the
    SHA-1 scheme (as a JSON list), band keys "lsh:<band>:<digest>" (which the migration leaves out of `bands`)."""
    data = json.loads(store.conn.execute("SELECT features FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])
    del data["minhash_scheme"]
    data["minhash"] = [(v * 7 + 3) % 2**32 for v in range(128)]
    with store.write() as tx:
        tx.execute("UPDATE documents SET features = ? WHERE id = ?", (json.dumps(data), doc_id))
        tx.execute("DELETE FROM doc_keys WHERE document_id = ? AND key LIKE 'lsh%'", (doc_id,))
        tx.executemany("INSERT INTO doc_keys VALUES (?, ?)", [(f"lsh:{b}:{b:016x}", doc_id) for b in range(32)])
        tx.execute("UPDATE fingerprints SET scheme = 1, minhash = ? WHERE document_id = ?",
                   (json.dumps(data["minhash"]), doc_id))
        tx.execute("DELETE FROM bands WHERE document_id = ? AND key < ?", (doc_id, SHA_BAND << 48))


def test_fingerprints_of_an_older_scheme_are_upgraded_from_the_stored_text(tmp_path: Path) -> None:
    repost_text = "Home | News | Weather\n\n" + REPORT + "\n\nFollow us | Contact us"
    with Store(tmp_path / "s.sqlite") as store:
        _save(store, "doc-original", REPORT)
        _save(store, "doc-other", OTHER)
        group_pending(store)
        fresh = {f.doc_id: f for f in load_many(store.conn, ["doc-original", "doc-other"])}
        keys = {d: sorted(lsh_bands(f)) for d, f in fresh.items()}
        for doc_id in fresh:
            _as_stored_by_version_one(store, doc_id)
        old = load_fingerprints(store.conn, ["doc-original"])[0]
        assert old.minhash_scheme == 1 and load_many(store.conn, ["doc-original"])[0].minhash_scheme == 1
        assert near_copies(store.conn, fingerprint(_article("doc-repost", repost_text))) == []  # never compared

        _save(store, "doc-repost", repost_text)
        group_pending(store)  # upgrades the two old rows first, then groups the repost against them
        assert load_many(store.conn, sorted(fresh)) == [fresh[d] for d in sorted(fresh)]
        for doc_id, expected in keys.items():
            stored = [r[0] for r in store.conn.execute(
                "SELECT key FROM doc_keys WHERE document_id = ? AND key LIKE 'lsh%' OR key LIKE 'sha:%' AND"
                " document_id = ? ORDER BY key", (doc_id, doc_id))]
            assert stored == expected
        copy_of = dict(store.conn.execute("SELECT id, copy_of FROM documents").fetchall())
        assert copy_of == {"doc-original": None, "doc-other": None, "doc-repost": "doc-original"}
        assert upgrade_fingerprints(store) == 0  # nothing left: one index probe


def test_migration_0009_fills_the_narrow_tables_as_save_processed_writes_them(tmp_path: Path) -> None:
    """The migration computes the integer band keys in SQL from the stored text keys; `band_key` in Python.
    Emptied and filled again by the migration's own statements, the tables hold the same rows."""
    sql = (resources.files("sitrep.store") / "migrations" / "0009_bands.sql").read_text(encoding="utf-8")
    fills = [s for s in sql.split(";\n") if s.strip() and "INSERT" in s]
    with Store(tmp_path / "s.sqlite") as store:
        _save(store, "doc-original", REPORT)
        _save(store, "doc-other", OTHER)
        _save(store, "doc-short", "Calm.")  # no shingles: only its text-hash key
        tables = ("SELECT * FROM fingerprints ORDER BY 1", "SELECT * FROM bands ORDER BY 1, 2")
        written = [store.conn.execute(q).fetchall() for q in tables]
        assert len(written[1]) == 2 * 33 + 1
        with store.write() as tx:
            tx.execute("DELETE FROM bands")
            tx.execute("DELETE FROM fingerprints")
            for statement in fills:
                tx.execute(statement)
        assert [store.conn.execute(q).fetchall() for q in tables] == written


def test_a_replaced_or_deleted_document_leaves_no_band_behind(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        _save(store, "doc-original", REPORT)
        with store.write() as tx:
            documents._delete_document(tx, "doc-original")
        assert store.conn.execute("SELECT COUNT(*) FROM bands").fetchone()[0] == 0
        assert store.conn.execute("SELECT COUNT(*) FROM fingerprints").fetchone()[0] == 0
        assert near_copies(store.conn, fingerprint(_article("doc-repost", REPORT))) == []


def test_integer_band_keys_are_the_text_keys_converted() -> None:
    """`band_keys` (numpy, from the digests) is `band_key` of each `lsh_bands` text key, for either scheme."""
    current = fingerprint(_article("doc-original", REPORT))
    legacy = Fingerprint("doc-old", current.text_sha256, current.minhash, current.shingles, 1)
    for f in (current, legacy, fingerprint(_article("doc-short", "Calm."))):
        assert band_keys(f) == [band_key(k) for k in lsh_bands(f)]
    assert len(set(band_keys(current)) & set(band_keys(legacy))) == 1  # the text hash only: schemes never meet


def _edited(text: str, every: int, word: str) -> str:
    """The text with every `every`-th word replaced (a lightly edited re-post, or a retelling)."""
    return " ".join(word if i % every == 0 else w for i, w in enumerate(text.split(" ")))


def test_near_copies_decides_as_copy_link_over_every_stored_fingerprint(tmp_path: Path) -> None:
    """The numpy pre-selection of near_copies drops only candidates copy_link would refuse: near-copies,
    furniture-wrapped re-posts, heavier edits (near the thresholds) and unrelated texts alike. (Candidates are
    the documents sharing a band: a pair LSH does not bring together is never judged.)"""
    versions = {"doc-a": REPORT, "doc-b": _edited(REPORT, 17, "reportedly"), "doc-c": _edited(REPORT, 6, "allegedly"),
                "doc-d": _edited(REPORT, 4, "perhaps"), "doc-e": _edited(REPORT, 3, "maybe"), "doc-f": OTHER,
                "doc-g": "Home | News\n\n" + REPORT[: len(REPORT) // 2]}
    with Store(tmp_path / "s.sqlite") as store:
        for doc_id, text in versions.items():
            _save(store, doc_id, text)
        stored = load_fingerprints(store.conn, sorted(versions))
        probes = [fingerprint(_article("doc-new", text)) for text in (*versions.values(), _edited(REPORT, 5, "so"))]
        judged = 0
        for probe in probes:
            sharing = {row[0] for row in store.conn.execute(
                f"SELECT document_id FROM bands WHERE key IN ({','.join('?' * 33)})", band_keys(probe))}
            expected = [x for other in stored if other.doc_id in sharing and (x := copy_link(probe, other))]
            assert near_copies(store.conn, probe) == expected
            judged += len(expected)
        assert judged > len(probes)  # the probes do have copies to find
