"""Grouping at scale: adding one article to a 100k-document store, and near-duplicate grouping throughput.

What is real and what is synthetic:
- Texts are bbc-news (2,225 real articles) multiplied by deterministic mutation: variant 0 is the article, the
  other variants of one "family" are near-copies (3% of words substituted, paragraphs shuffled), retellings
  (25% substituted, other date) and distinct documents (60% substituted, other date). Dates are synthetic.
- Annotations are cheap and synthetic: entity mentions from capitalised word runs (places through the real
  gazetteer, two-to-three-word runs as persons, acronyms as organisations); no figures, events or quotes.
  Features, LSH bands, blocking keys and link decisions are the real `sitrep.group` functions.
- The base store is written with the store functions (`save_processed`, `_regroup`, `resolve_all`,
  `reconcile_dirty`), but its links are computed with the real `link()` only against two family members
  (variant 0 and the previous variant) instead of the up-to-300 candidates `group_pending` would compare
  (that would take hours at 100k). The articles added while measuring take the real incremental path.
The built store is cached under the temp directory, keyed by VERSION and size; measurements run on a copy. A
store of the PREVIOUS version lacks the narrow near-copy tables: it is copied and upgraded by the store's own steps
(migration 0009 and `upgrade_fingerprints`, what an existing user's store goes through) instead of being rebuilt.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from bench import BENCH_DATA, peak_rss_mb

log = logging.getLogger(__name__)

VERSION = "8"  # 8: narrow fingerprints and bands tables (migration 0009); 7: MinHash scheme 2
PREVIOUS = "7"  # a cached store of this version is upgraded, not rebuilt (see the module docstring)
FULL, QUICK, BASELINE = 100_000, 10_000, 1_000
ADDITIONS = 30
THROUGHPUT_DOCS = 300
_CAPS = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\b|\b[A-Z]{2,6}\b")


def store_path(n: int, version: str = VERSION) -> Path:
    return Path(tempfile.gettempdir()) / f"sitrep-bench-grouping-v{version}-{n}.sqlite"


@lru_cache(maxsize=1)
def _articles() -> list[dict[str, str]]:
    with open(BENCH_DATA / "bbc-news" / "bbc_news.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@lru_cache(maxsize=1)
def _vocabulary() -> list[str]:
    words = {w for a in _articles()[:400] for w in re.findall(r"[a-z]{4,}", a["text"])}
    return sorted(words)


def variant(family: int, v: int) -> dict[str, str]:
    """Variant v of one bbc-news article (deterministic): 0 is the article itself."""
    base = _articles()[family % len(_articles())]
    rng = random.Random(family * 1000 + v)
    paragraphs = [p for p in base["text"].split("\n\n") if p.strip()]
    kind = ("copy", "retelling", "distinct")[v % 3] if v else "original"
    rate = {"original": 0.0, "copy": 0.03, "retelling": 0.25, "distinct": 0.6}[kind]
    if v:
        body = paragraphs[1:]
        rng.shuffle(body)
        paragraphs = paragraphs[:1] + body
    vocab = _vocabulary()
    out = []
    for p in paragraphs:
        tokens = p.split(" ")
        out.append(" ".join(rng.choice(vocab) if t.islower() and rng.random() < rate else t for t in tokens))
    day = (family * 7 + (0 if kind in ("original", "copy") else v * 3)) % 700
    published = time.strftime("%Y-%m-%d", time.gmtime(1104537600 + day * 86400))
    return {"id": f"bbc-{family:04d}-v{v:03d}", "title": base["title"], "text": "\n\n".join(out),
            "published": published, "kind": kind}


@lru_cache(maxsize=200_000)
def _classify(text: str) -> tuple[str, str] | None:
    from sitrep.annotate.entities.keys import name_key, surname_key
    from sitrep.resolve.geocode import geocode

    place = geocode(text)
    if place is not None:
        return "place", place.geo_id
    if text.isupper():
        return "organization", text.lower()
    if " " in text:
        return "person", surname_key(text)
    return ("organization", name_key(text)) if text.endswith(("Bank", "Party", "Council")) else None


def processed(doc: dict[str, str]) -> tuple[Any, Any]:
    """The Processed of one synthetic document and its features (real `features()`)."""
    from sitrep.group import features
    from sitrep.models import Annotations, Article, Mention, Paragraph, Processed, RawDoc

    text = doc["text"]
    mentions: list[Mention] = []
    for m in _CAPS.finditer(text):
        found = _classify(m.group())
        if found and len(mentions) < 12:
            mentions.append(Mention(m.group(), m.start(), m.end(), found[0], found[1]))  # type: ignore[arg-type]
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append(Paragraph(start, start + len(part)))
        start += len(part) + 2
    raw = RawDoc(source=doc["id"], kind="text", data=text.encode(), title=doc["title"], published=doc["published"])
    article = Article(doc_id=doc["id"], source=doc["id"], text=text, paragraphs=tuple(spans), title=doc["title"],
                      published=doc["published"], language="en")
    notes = Annotations(doc_id=doc["id"], published=doc["published"], published_inferred=False,
                        mentions=tuple(mentions))
    return Processed(raw, article, notes), features(article, notes)


def _family(args: tuple[int, int]) -> list[tuple[Any, Any, list[Any]]]:
    from sitrep.group import link

    family, count = args
    out: list[tuple[Any, Any, list[Any]]] = []
    for v in range(count):
        p, f = processed(variant(family, v))
        links = [x for x in (link(f, out[0][1]) if v else None, link(f, out[-1][1]) if v > 1 else None) if x]
        out.append((p, f, links))
    return out


def build(n: int, path: Path) -> None:
    """Write a store of n synthetic documents (see the module docstring)."""
    from sitrep.store import documents as docs_store
    from sitrep.store.database import Store
    from sitrep.store.entities import resolve_all
    from sitrep.store.grouping import _regroup
    from sitrep.store.situations import reconcile_dirty

    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    per_family = -(-n // len(_articles()))
    families = [(f, min(per_family, n - f * per_family)) for f in range(-(-n // per_family))]
    store = Store(tmp)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for group in pool.map(_family, families, chunksize=8):
            docs = []
            for p, f, links in group:
                docs_store.add_raw(store, p.raw)
                raw_id = store.conn.execute("SELECT MAX(id) FROM raw_inputs").fetchone()[0]
                docs_store.save_processed(store, raw_id, p, f)
                docs.append(p.article.doc_id)
                with store.write() as tx:
                    tx.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?)",
                                   [(min(x.a, x.b), max(x.a, x.b), x.kind, x.score, x.reason) for x in links])
            with store.write() as tx:
                dirty = _regroup(tx, set(docs))
                tx.executemany("UPDATE documents SET grouped = 1 WHERE id = ?", [(d,) for d in docs])
                tx.executemany("INSERT OR IGNORE INTO dirty_situations VALUES (?)", [(s,) for s in dirty])
    resolve_all(store)
    reconcile_dirty(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    tmp.rename(path)


def upgrade(old: Path, path: Path) -> None:
    """A copy of a store of the PREVIOUS version, its fingerprints upgraded to the current MinHash scheme."""
    from sitrep.store.database import Store
    from sitrep.store.grouping import upgrade_fingerprints

    tmp = path.with_suffix(".upgrading")
    shutil.copyfile(old, tmp)
    t = time.perf_counter()
    with Store(tmp) as store:
        count = upgrade_fingerprints(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info("upgraded %d fingerprints of %s in %.1f s", count, old.name, time.perf_counter() - t)
    tmp.rename(path)


def ensure(n: int) -> Path:
    path = store_path(n)
    if not path.exists() and store_path(n, PREVIOUS).exists():
        upgrade(store_path(n, PREVIOUS), path)
    if not path.exists():  # built in a child process, so that its memory does not count below
        code = f"from bench.grouping import build; from pathlib import Path; build({n}, Path({str(path)!r}))"
        subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)
    from sitrep.store.database import Store

    Store(path).close()  # a cached store gets the migrations added since it was built
    return path


def _copy(path: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "store.sqlite"
    shutil.copyfile(path, work)
    return work


def add_times(path: Path, count: int, seed: int) -> tuple[list[float], list[float], dict[str, float]]:
    """Add `count` new variants one by one; (save times, group+resolve+reconcile times, per-step totals)."""
    from sitrep.store import documents as docs_store
    from sitrep.store.database import Store
    from sitrep.store.entities import resolve_all
    from sitrep.store.grouping import group_pending
    from sitrep.store.situations import reconcile_dirty

    work = _copy(path)
    rng = random.Random(seed)
    families = store_families(path)
    saves, totals, steps = [], [], {"group": 0.0, "resolve": 0.0, "reconcile": 0.0}
    with Store(work) as store:
        processed(variant(0, 999))  # warm caches (gazetteer, word frequencies) outside the timing
        resolve_all(store)
        for k in range(count):
            p, f = processed(variant(rng.randrange(families), 900 + k))
            t0 = time.perf_counter()
            docs_store.add_raw(store, p.raw)
            raw_id = store.conn.execute("SELECT MAX(id) FROM raw_inputs").fetchone()[0]
            docs_store.save_processed(store, raw_id, p, f)
            t1 = time.perf_counter()
            group_pending(store)
            t2 = time.perf_counter()
            resolve_all(store)
            t3 = time.perf_counter()
            reconcile_dirty(store)
            t4 = time.perf_counter()
            saves.append(t1 - t0)
            totals.append(t4 - t1)
            steps["group"] += t2 - t1
            steps["resolve"] += t3 - t2
            steps["reconcile"] += t4 - t3
    shutil.rmtree(work.parent)
    return saves, totals, {k: v / count for k, v in steps.items()}


def store_families(path: Path) -> int:
    from sitrep.store.database import reader

    conn = reader(path)
    n = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    conn.close()
    return min(int(n), len(_articles()))


def throughput(path: Path, docs: int) -> dict[str, float]:
    """Grouping new articles against the store, one core, in articles per CPU second: features() alone;
    near-duplicate grouping (`fingerprint` + LSH bands + the candidates sharing a band, their fingerprints
    read back and decided by `copy_link`'s rule on MinHash agreements counted in numpy: `near_copies`); and
    the whole candidate step `group_pending` runs (LSH bands and blocking keys, up to MAX_CANDIDATES candidates,
    loaded together and linked). The synthetic annotations are
    made before the clock starts: they stand in for the annotate stage, which is not grouping.

    Near-duplicate grouping is timed as a feed (one article after another, nothing else in between: what a
    deduplicating pass does) and again interleaved with the full candidate step, whose reads of 300 feature
    rows per article push the band index out of SQLite's page cache (near_dup_interleaved)."""
    from sitrep.group import blocking_keys, features, fingerprint, link, lsh_bands
    from sitrep.models import Annotations
    from sitrep.store.database import reader
    from sitrep.store.grouping import MAX_CANDIDATES, load_many, near_copies

    conn = reader(path)
    families = store_families(path)
    inputs = [processed(variant(f * 7 % families, 800 + f % 3))[0] for f in range(docs)]
    first = inputs[0].article  # warm the lazy data (gazetteer, word frequencies) outside the timing
    features(first, Annotations(doc_id=first.doc_id, published=None, published_inferred=False))
    timing = {"features": 0.0, "near_dup": 0.0, "near_dup_interleaved": 0.0, "candidates": 0.0}
    copies = 0
    start = time.process_time()
    for p in inputs:
        copies += len(near_copies(conn, fingerprint(p.article)))
    timing["near_dup"] = time.process_time() - start

    def candidates(keys: list[str]) -> list[sqlite3.Row]:
        marks = ",".join("?" * len(keys))
        return conn.execute(
            f"SELECT document_id AS id, COUNT(*) AS shared FROM doc_keys WHERE key IN ({marks})"
            f" GROUP BY document_id ORDER BY shared DESC, id LIMIT ?", (*keys, MAX_CANDIDATES)).fetchall()

    for p in inputs:
        t0 = time.process_time()
        near_copies(conn, fingerprint(p.article))
        t1 = time.process_time()
        f = features(p.article, p.annotations)
        t2 = time.process_time()
        rows = candidates(sorted({*lsh_bands(f), *blocking_keys(f)}))
        for other in load_many(conn, [row["id"] for row in rows]):
            link(f, other)
        t3 = time.process_time()
        timing["near_dup_interleaved"] += t1 - t0
        timing["features"] += t2 - t1
        timing["candidates"] += t3 - t2
    log.info("near-dup grouping found %d copy links for %d articles", copies, docs)
    conn.close()
    return {name: docs / seconds for name, seconds in timing.items()}


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(quick: bool = False) -> list[str]:
    n = QUICK if quick else FULL
    t = time.perf_counter()
    base_path, path = ensure(BASELINE), ensure(n)
    built = time.perf_counter() - t
    size_mb = path.stat().st_size / 1e6
    _, base_totals, _ = add_times(base_path, ADDITIONS, seed=1)
    saves, totals, steps = add_times(path, ADDITIONS, seed=1)
    rates = throughput(path, THROUGHPUT_DOCS // (3 if quick else 1))
    p50, p95 = statistics.median(totals), _pct(totals, 0.95)
    b50, b95 = statistics.median(base_totals), _pct(base_totals, 0.95)
    ms = {k: v * 1000 for k, v in steps.items()}
    return [
        f"store                               {n} documents ({size_mb:.0f} MB, {store_path(n)})",
        f"  built, upgraded or found in       {built:.0f} s",
        f"add one (group+resolve+reconcile)   p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  (goal p95 <= 1 s)",
        f"  steps, mean                       group {ms['group']:.1f} ms, resolve {ms['resolve']:.1f} ms,"
        f" reconcile {ms['reconcile']:.1f} ms; save_processed p50 {statistics.median(saves) * 1000:.1f} ms",
        f"baseline: add one to a {BASELINE} store      p50 {b50 * 1000:7.1f} ms  p95 {b95 * 1000:7.1f} ms",
        f"ratio {n} / {BASELINE}                    p50 {p50 / b50:6.2f}x  p95 {p95 / b95:6.2f}x",
        f"near-dup grouping, one core         {rates['near_dup']:8.0f} articles per CPU s (fingerprint+LSH+band"
        f" candidates+copy_link, one article after another; goal >= 2000)",
        f"  near-dup between full candidate steps {rates['near_dup_interleaved']:6.0f} articles/s (cold page cache)",
        f"  full features() alone             {rates['features']:8.0f} articles/s (stories and situations need them)",
        f"  all candidates (LSH+blocking, <= 300, load+link) {rates['candidates']:6.0f} articles/s (without features)",
        f"peak memory (measuring process)     {peak_rss_mb():8.0f} MB",
    ]
