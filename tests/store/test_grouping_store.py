"""The store's grouping reads: features round-trip through their column, and the near-copy path alone."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from sitrep.group import features, fingerprint
from sitrep.models import Annotations, Article, Processed, RawDoc
from sitrep.store import documents
from sitrep.store.database import Store
from sitrep.store.grouping import decode_features, encode_features, load_fingerprints, load_many, near_copies
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
