"""`sitrep batch`: the same pipeline on a real local Dask cluster gives the same picture as `sitrep run`."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.batch import run_batch
from sitrep.export.picture import load_picture
from sitrep.runner import run
from sitrep.store.database import Store

REPORTS = [
    {"id": "a1", "published": "2024-05-02", "title": "Clashes in Port Arden",
     "text": "Police said 6 protesters were killed and 40 injured in Port Arden on Thursday, the second day of "
             "protests against fuel prices in Veloria. More than 120 people have been detained, police said."},
    {"id": "a2", "published": "2024-05-03", "title": "Veloria curfew",
     "text": "The government of Veloria imposed a curfew in Port Arden on Friday after two days of protests "
             "against fuel prices. According to the Interior Ministry, 9 protesters have been killed."},
    {"id": "b1", "published": "2024-05-03", "title": "Clashes in Port Arden",
     "text": "Police said 6 protesters were killed and 40 injured in Port Arden on Thursday, the second day of "
             "protests against fuel prices in Veloria. More than 120 people have been detained, police said."},
    {"id": "b2", "text": "not json on purpose"},
]


def _shards(folder: Path) -> list[str]:
    folder.mkdir()
    first, second = folder / "shard-1.jsonl", folder / "shard-2.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in REPORTS[:2]))
    second.write_text(json.dumps(REPORTS[2]) + "\n" + "{broken line\n")
    return [str(first), str(second)]


def _comparable(picture: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in picture.items() if k != "schema"}


def test_batch_on_dask_equals_run(tmp_path: Path) -> None:
    shards = _shards(tmp_path / "shards")
    with Store(tmp_path / "batch.sqlite") as store:
        report = run_batch(store, shards, workers=1)
        assert report.processed == 3
        assert [source.rsplit("#", 1)[1] for source, _ in report.errors] == ["L2"]  # the broken line, named
        batch_picture = load_picture(store.conn)
    with Store(tmp_path / "run.sqlite") as store:
        run(store, shards)
        assert _comparable(batch_picture) == _comparable(load_picture(store.conn))
    docs = batch_picture["documents"]
    assert isinstance(docs, list) and len(docs) == 3
    copies = [d for d in docs if d["copy_of"]]
    assert len(copies) == 1, "the re-posted wire text is a copy"
