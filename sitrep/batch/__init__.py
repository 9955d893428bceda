"""`sitrep batch`: the same pipeline on Dask, for corpora that outgrow one machine.

    shards (JSONL / WARC / folders) --dask bag, one partition a shard--> read_inputs -> process_or_error
        --results stream back as partitions finish--> the one writer stores raw input, documents and facts
        --> group, resolve, reconcile exactly as `sitrep run` does (sitrep.runner.update)

Workers only run the pure per-article functions (`sitrep.pipeline.process_or_error`); they never touch the
database, so there is no second code path and no write contention. The scheduler is always named: a local
cluster of processes by default, or an existing one given by its address.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sitrep.errors import InputError
from sitrep.group import features
from sitrep.ingest import PendingLink, read_inputs
from sitrep.models import Processed, RawDoc
from sitrep.pipeline import process_or_error
from sitrep.runner import Progress, RunReport, _quiet, record, update
from sitrep.store import documents as docs_store
from sitrep.store.database import Store

log = logging.getLogger(__name__)


Result = Processed | tuple[RawDoc, InputError] | InputError | PendingLink


def process_shard(shard: str) -> list[Result]:
    """Read one shard and process each of its documents (runs on a Dask worker)."""
    out: list[Result] = []
    for item in read_inputs([shard]):
        if isinstance(item, RawDoc):
            result = process_or_error(item)
            out.append(result if isinstance(result, Processed) else (item, result))
        else:
            out.append(item)
    return out


def _raw_id(store: Store, raw: RawDoc) -> int:
    row = store.conn.execute("SELECT id FROM raw_inputs WHERE source = ? AND sha256 = ?", (raw.source, raw.sha256))
    return int(row.fetchone()["id"])


def _store_results(store: Store, results: list[Result], report: RunReport) -> None:
    for item in results:
        if isinstance(item, Processed):
            raw = item.raw
            if not docs_store.add_raw(store, raw):
                report.unchanged += 1
                continue
            report.stored += 1
            docs_store.save_processed(store, _raw_id(store, raw), item, features(item.article, item.annotations))
            report.processed += 1
        elif isinstance(item, tuple):  # read but not processable: keep the bytes and say why
            raw, error = item
            if docs_store.add_raw(store, raw):
                docs_store.mark_failed(store, _raw_id(store, raw), error.reason)
            record(store, error, report)
        else:
            record(store, item, report)


def run_batch(store: Store, shards: Sequence[str], *, workers: int = 2, scheduler: str | None = None,
              progress: Progress = _quiet) -> RunReport:
    """Process shards on Dask (a LocalCluster of `workers` processes, or the scheduler at `scheduler`)."""
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed

    report = RunReport()
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        bag = db.from_sequence(list(shards), npartitions=max(1, len(shards))).map(process_shard)
        futures = client.compute(bag.to_delayed())
        for done, future in enumerate(as_completed(futures), 1):
            for shard_results in future.result():
                _store_results(store, shard_results, report)
            progress("batch", done, len(futures))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return update(store, report=report, progress=progress)
