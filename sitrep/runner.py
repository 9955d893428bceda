"""`sitrep run`: bring the picture up to date with some inputs. Used by the CLI, the web upload and tests.

    ingest  every input -> raw_inputs (append-only; the same bytes from the same source are stored once)
    process the newest unprocessed version of each source, and every document read by other rules (an upgrade)
            -> documents + facts (one transaction each)
    group   documents not yet grouped -> links to candidates -> copy / story / situation ids
    resolve entity mentions -> entities (names, variants, places with coordinates), then analysts' entity
            corrections laid over them (sitrep.store.corrections)
    reconcile the situations that changed -> stories, series, timeline

Each step commits what it finished, so a run killed part way is completed by the next run, and ends with the
same database as an uninterrupted one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from sitrep.errors import InputError
from sitrep.group import features
from sitrep.ingest import PendingLink, read_inputs
from sitrep.models import Processed, RawDoc
from sitrep.pipeline import process_or_error
from sitrep.rules import rules_version
from sitrep.store import documents as docs_store
from sitrep.store.corrections import apply_entities
from sitrep.store.database import Store
from sitrep.store.entities import resolve_all
from sitrep.store.grouping import group_pending
from sitrep.store.situations import reconcile_dirty

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (step, done, total)


@dataclass
class RunReport:
    stored: int = 0  # new raw inputs
    unchanged: int = 0  # inputs already stored byte for byte
    processed: int = 0
    reread: int = 0  # of the processed: documents read again, their rules having changed (sitrep.rules)
    pending_links: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    situations: list[str] = field(default_factory=list)  # situations reconciled

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def _quiet(step: str, done: int, total: int) -> None:
    return None


def record(store: Store, item: PendingLink | InputError, report: RunReport) -> None:
    """Keep a pending link, or log an input error, and count it in the report."""
    if isinstance(item, PendingLink):
        docs_store.add_pending(store, item.source, item.url, item.title)
        report.pending_links += 1
    else:
        docs_store.log_error(store, item.source, item.reason)
        report.errors.append((item.source, item.reason))


def ingest(store: Store, paths: Sequence[str], *, fetch: bool = False, report: RunReport | None = None,
           progress: Progress = _quiet) -> RunReport:
    """Store raw input only."""
    report = report or RunReport()
    for item in read_inputs(paths, fetch=fetch):
        if isinstance(item, RawDoc):
            if docs_store.add_raw(store, item):
                report.stored += 1
            else:
                report.unchanged += 1
        else:
            record(store, item, report)
        progress("ingest", report.stored + report.unchanged + len(report.errors), 0)
    return report


CHUNK = 64  # raw inputs held in memory at once: a first run over a large archive must not load it all


def _processed(store: Store, raw_ids: list[int], workers: int) -> Iterator[Processed | InputError]:
    """Process the raw inputs a chunk at a time, in one pool of worker processes when it pays."""
    chunks = (raw_ids[i : i + CHUNK] for i in range(0, len(raw_ids), CHUNK))
    if workers <= 1 or len(raw_ids) < 4:
        for chunk in chunks:
            yield from map(process_or_error, [docs_store.load_raw(store.conn, raw_id) for raw_id in chunk])
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk in chunks:
            raws = [docs_store.load_raw(store.conn, raw_id) for raw_id in chunk]
            yield from pool.map(process_or_error, raws, chunksize=4)


def _save(store: Store, raw_id: int, result: Processed | InputError, report: RunReport) -> None:
    if isinstance(result, Processed):
        old_situation = docs_store.save_processed(store, raw_id, result, features(result.article, result.annotations))
        if old_situation:
            with store.write() as tx:
                tx.execute("INSERT OR IGNORE INTO dirty_situations VALUES (?)", (old_situation,))
        report.processed += 1
    else:
        docs_store.mark_failed(store, raw_id, result.reason)
        record(store, result, report)


def process_pending(store: Store, *, workers: int = 1, report: RunReport | None = None,
                    progress: Progress = _quiet) -> RunReport:
    report = report or RunReport()
    rules = rules_version()
    report.reread += docs_store.stale_documents(store.conn, rules)
    if report.reread:
        log.info("%d documents were read by other rules (an earlier sitrep); reading them again", report.reread)
    raw_ids = docs_store.unprocessed_raw_ids(store.conn, rules)
    for done, (raw_id, result) in enumerate(zip(raw_ids, _processed(store, raw_ids, workers), strict=True), 1):
        _save(store, raw_id, result, report)
        progress("process", done, len(raw_ids))
    return report


def reprocess(store: Store, doc_ids: Sequence[str]) -> RunReport:
    """Process these reports again from their stored raw input (after an analyst fixed a date), then bring the
    picture up to date."""
    report = RunReport()
    for doc_id in doc_ids:
        row = store.conn.execute("SELECT raw_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            _save(store, row["raw_id"], process_or_error(docs_store.load_raw(store.conn, row["raw_id"])), report)
    return update(store, report=report)


def update(store: Store, *, workers: int = 1, report: RunReport | None = None,
           progress: Progress = _quiet) -> RunReport:
    """Process, group, resolve and reconcile whatever is stored but not yet in the picture."""
    report = process_pending(store, workers=workers, report=report, progress=progress)
    group_pending(store)
    progress("group", 1, 1)
    resolve_all(store)
    apply_entities(store)  # analysts' merges and splits, laid over what the resolver found
    progress("resolve", 1, 1)
    report.situations = reconcile_dirty(store)
    progress("reconcile", 1, 1)
    return report


def run(store: Store, paths: Sequence[str], *, fetch: bool = False, workers: int = 1,
        progress: Progress = _quiet) -> RunReport:
    report = ingest(store, paths, fetch=fetch, progress=progress)
    return update(store, workers=workers, report=report, progress=progress)
