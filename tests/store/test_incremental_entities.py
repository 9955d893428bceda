"""Incremental entity resolution in the store equals a full `resolve_entities`, whatever the arrival order."""

from __future__ import annotations

import json
import random
from pathlib import Path

from sitrep.annotate.entities.keys import name_key, surname_key
from sitrep.group import features
from sitrep.models import Annotations, Article, Mention, Paragraph, Processed, RawDoc
from sitrep.resolve import Profile, profile_of, resolve_entities
from sitrep.resolve.incremental import fast_cluster
from sitrep.resolve.resolver import cluster
from sitrep.store import documents
from sitrep.store.database import Store
from sitrep.store.entities import resolve_all

PEOPLE = ["Amara Okonkwo", "Okonkwo", "A. Okonkwo", "Amara Okonkwa", "Bela Okonkwo", "Tomas Varga", "Varga",
          "Tamas Varga", "Tomas Barga", "Ilse Brandt", "Brandt", "Ilse Prandt", "Nadia Kerim", "Kerim", "Kerrim"]
ORGS = [("Northern Relief Agency", None), ("NRA", "Northern Relief Agency"), ("N.R.A.", None),
        ("Civic Water Board", None), ("CWB", None), ("Harbour Workers Union", None), ("HWU", "Harbour Workers Union")]
PLACES = [("Velmora", "geo:1"), ("Velmora City", "geo:1"), ("Ostrava Bay", "geo:2"), ("Kettle Ridge", "ridge")]


def _corpus(seed: int, n_docs: int = 14) -> dict[str, list[Mention]]:
    rng = random.Random(seed)
    corpus = {}
    for d in range(n_docs):
        start, mentions = 0, []
        for _ in range(rng.randint(0, 7)):
            kind = rng.choice(["person", "person", "organization", "place"])
            if kind == "person":
                text = rng.choice(PEOPLE)
                key = surname_key(text)
            elif kind == "organization":
                text, long = rng.choice(ORGS)
                key = name_key(long) if long else (text.lower() if text.isupper() else name_key(text))
            else:
                text, key = rng.choice(PLACES)
            mentions.append(Mention(text, start, start + len(text), kind, key))  # type: ignore[arg-type]
            start += len(text) + 3
        corpus[f"doc-{seed}-{d:02d}"] = mentions
    return corpus


def test_fast_cluster_groups_like_cluster() -> None:
    for seed in range(40):
        corpus = _corpus(seed, 10)
        profiles = [profile_of(doc, [m], frozenset(x.key for x in ms if x.kind != "place"))
                    for doc, ms in corpus.items() for m in ms]
        random.Random(seed).shuffle(profiles)
        assert fast_cluster(profiles) == cluster(profiles)


def test_fast_cluster_unites_first_names_as_the_pairwise_rule() -> None:
    """Hundreds of first-name sets under one surname are united through an index, not pair by pair: the same
    groups as `cluster`, initials ("j", "j r") and multi-word first names included."""
    names = ["jn", "jms", "j", "j r", "rbrt", "r", "rbrt jn", "jn rbrt", "m", "mr", "al", "a"]
    for seed in range(60):
        rng = random.Random(seed)
        profiles = [Profile("person", frozenset({"X"}), rng.choice(["smt", "smt", "jns"]),
                            frozenset(rng.sample(names, rng.randint(1, 2))), frozenset({f"d{i}"}))
                    for i in range(rng.randint(2, 14))]
        assert fast_cluster(profiles) == cluster(profiles)


def _add(store: Store, doc_id: str, mentions: list[Mention], version: int = 0) -> None:
    text = " ".join(m.text for m in mentions) + f" version {version}" or "empty"
    raw = RawDoc(source=doc_id, kind="text", data=text.encode())
    documents.add_raw(store, raw)
    raw_id = store.conn.execute("SELECT MAX(id) FROM raw_inputs WHERE source = ?", (doc_id,)).fetchone()[0]
    article = Article(doc_id=doc_id, source=doc_id, text=text, paragraphs=(Paragraph(0, len(text)),))
    notes = Annotations(doc_id=doc_id, published="2024-03-01", published_inferred=False, mentions=tuple(mentions))
    documents.save_processed(store, raw_id, Processed(raw, article, notes), features(article, notes))


def _stored(store: Store) -> tuple[list[tuple[object, ...]], dict[tuple[str, int], str]]:
    entities = [(r["id"], r["kind"], r["name"], tuple(json.loads(r["aliases"])), r["lat"], r["lon"], r["country"])
                for r in store.conn.execute("SELECT * FROM entities ORDER BY id")]
    assigned = {(r["document_id"], r["start"]): r["entity_id"] for r in store.conn.execute(
        "SELECT * FROM entity_mentions")}
    return entities, assigned


def _same(stored: tuple[list[tuple[object, ...]], dict[tuple[str, int], str]],
          corpus: dict[str, list[Mention]]) -> bool:
    """Stored entities and assignments equal a full resolve. `resolve_entities` can give two entities one id
    (an ambiguous bare surname alone and the cluster it could not join share the seed "<key>|"): the store
    keeps one row per id, so for such an id any one of the full resolve's rows is accepted."""
    full = resolve_entities(corpus)
    rows: dict[object, list[tuple[object, ...]]] = {}
    for e in full.entities:
        rows.setdefault(e.id, []).append((e.id, e.kind, e.name, e.aliases, e.lat, e.lon, e.country))
    entities, assigned = stored
    return (assigned == full.assignments and [e[0] for e in entities] == sorted(rows)
            and all(e in rows[e[0]] for e in entities))


def test_incremental_resolution_equals_full_in_any_order(tmp_path: Path) -> None:
    corpus = _corpus(7, 16)
    for order_seed in range(4):
        order = sorted(corpus)
        random.Random(order_seed).shuffle(order)
        with Store(tmp_path / f"s{order_seed}.sqlite") as store:
            seen: dict[str, list[Mention]] = {}
            batch_sizes = [1, 3, 1, 2, 4, 5]
            while order:
                batch, order = order[: batch_sizes[len(seen) % 6]], order[batch_sizes[len(seen) % 6] :]
                for doc_id in batch:
                    _add(store, doc_id, corpus[doc_id])
                    seen[doc_id] = corpus[doc_id]
                resolve_all(store)
                assert _same(_stored(store), {d: ms for d, ms in seen.items() if ms})


def test_a_replaced_document_is_resolved_again(tmp_path: Path) -> None:
    corpus = _corpus(11, 10)
    with Store(tmp_path / "s.sqlite") as store:
        for doc_id, mentions in corpus.items():
            _add(store, doc_id, mentions)
        resolve_all(store)
        victim = sorted(corpus)[3]
        corpus[victim] = _corpus(99, 1)["doc-99-00"]
        _add(store, victim, corpus[victim], version=1)
        resolve_all(store)
        assert _same(_stored(store), {d: ms for d, ms in corpus.items() if ms})
        assert resolve_all(store) == set()  # nothing pending: nothing changes


def test_the_migration_backfills_place_statistics(tmp_path: Path) -> None:
    corpus = _corpus(5, 12)
    with Store(tmp_path / "s.sqlite") as store:
        for doc_id, mentions in corpus.items():
            _add(store, doc_id, mentions)
        resolve_all(store)
        kept = store.conn.execute("SELECT * FROM entity_texts ORDER BY entity_id, text").fetchall()
        assert kept
        sql = (Path(__file__).parents[2] / "sitrep/store/migrations/0003_store_place_texts.sql").read_text()
        with store.write() as tx:
            tx.execute("DELETE FROM entity_texts")
            tx.execute(sql.split(";\n")[1])
        assert [tuple(r) for r in store.conn.execute("SELECT * FROM entity_texts ORDER BY entity_id, text")] == [
            tuple(r) for r in kept]

