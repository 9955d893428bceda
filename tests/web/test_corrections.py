"""Analysts' corrections of dates, entities and stories, through the API, on a store the pipeline built from the
fictional Veloria reports; each must change the picture, survive re-processing, and be taken back."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from sitrep import runner
from sitrep.export.picture import load_picture
from sitrep.store.database import Store
from sitrep.web.app import create_app
from sitrep.web.tokens import create_token

VELORIA = Path(__file__).resolve().parents[1] / "fixtures" / "veloria"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "veloria"
    shutil.copytree(VELORIA, folder)
    return folder


@pytest.fixture
def built(tmp_path: Path, corpus: Path) -> tuple[Path, TestClient, str]:
    db = tmp_path / "v.sqlite"
    with Store(db) as store:
        runner.run(store, [str(corpus)])
        token = create_token(store, label="test")
    return db, TestClient(create_app(str(db))), token


def _conn(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def _doc(db: Path, name: str) -> sqlite3.Row:
    row: sqlite3.Row = _conn(db).execute("SELECT * FROM documents WHERE source LIKE ?", (f"%{name}",)).fetchone()
    return row


def _entity(db: Path, name: str) -> str:
    return str(_conn(db).execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchone()["id"])


def _rerun(db: Path, corpus: Path) -> None:
    """A later run that processes the report again: a new version of the file (one more line)."""
    path = corpus / "repost-0304.html"
    path.write_text(path.read_text(encoding="utf-8") + "\n<!-- reposted -->\n", encoding="utf-8")
    with Store(db) as store:
        assert runner.run(store, [str(corpus)]).processed == 1


def test_fixing_a_date_reprocesses_the_report_and_survives_a_new_version(built: tuple[Path, TestClient, str],
                                                                          corpus: Path) -> None:
    db, client, token = built
    repost = _doc(db, "repost-0304.html")
    assert repost["published"].startswith("2025")  # the re-post prints the wrong year
    form = {"document_id": repost["id"], "date": "2024-03-04", "note": "re-post of the 4 March wire", "token": token}
    assert client.post("/corrections/date.json", data={**form, "token": "nope"}).status_code == 403
    assert client.post("/corrections/date.json", data={**form, "date": "4 March"}).status_code == 400
    done = client.post("/corrections/date.json", data=form).json()
    assert done["date"] == "2024-03-04"
    assert _doc(db, "repost-0304.html")["published"] == "2024-03-04"
    page = client.get(f"/documents/{repost['id']}.json").json()
    assert page["date_fixed"] == "2024-03-04"
    assert [c["kind"] for c in page["corrections"]] == ["date"] and page["corrections"][0]["active"]
    assert "date fixed by an analyst" in client.get(f"/documents/{repost['id']}").text

    picture = client.get("/export.json").json()
    schema = json.loads((Path(__file__).resolve().parents[2] / "sitrep/export/sitrep-1.schema.json").read_text())
    jsonschema.validate(picture, schema)
    assert [(c["kind"], c["document_id"], c["value"]) for c in picture["corrections"]] == [
        ("date", repost["id"], "2024-03-04")]

    _rerun(db, corpus)
    assert _doc(db, "repost-0304.html")["published"] == "2024-03-04"

    undone = client.post(f"/corrections/{done['correction_id']}/undo.json", data={"token": token})
    assert undone.status_code == 200
    assert _doc(db, "repost-0304.html")["published"].startswith("2025")
    assert client.get(f"/documents/{repost['id']}.json").json()["corrections"][0]["active"] is False


def test_merging_two_entities_moves_every_mention_and_survives_reprocessing(built: tuple[Path, TestClient, str],
                                                                            corpus: Path) -> None:
    db, client, token = built
    short, full = _entity(db, "Interior Ministry"), _entity(db, "Interior Ministry of Veloria")
    offered = client.get(f"/entities/{full}/merge.json").json()["candidates"]
    assert short in {c["id"] for c in offered} and full not in {c["id"] for c in offered}
    assert "Merge into it" in client.get(f"/entities/{full}/merge").text
    form = {"entity_id": full, "action": "merge", "other": short, "token": token}
    assert client.post("/corrections/entity.json", data={**form, "other": full}).status_code == 400
    done = client.post("/corrections/entity.json", data=form)
    assert done.status_code == 200, done.text

    def mentions(entity: str) -> int:
        return int(_conn(db).execute("SELECT count(*) FROM entity_mentions WHERE entity_id = ?", (entity,))
                   .fetchone()[0])

    assert mentions(full) == 0 and mentions(short) >= 2
    page = client.get(f"/entities/{short}.json").json()
    assert "Interior Ministry of Veloria" in page["entity"]["aliases"]
    assert page["corrections"] and page["corrections"][0]["kind"] == "entity_merge"
    assert client.get(f"/entities/{full}.json").json()["merged_into"]["id"] == short
    with Store(db) as store:
        picture = load_picture(store.conn)
    said = [f["source_id"] for f in picture["figures"] if f["source_text"] == "the Interior Ministry of Veloria"]
    asked = [c["caller_id"] for c in picture["calls"] if c["caller_text"] == "Interior Ministry of Veloria"]
    assert said and asked and set(said) | set(asked) == {short}

    _rerun(db, corpus)
    assert mentions(full) == 0 and mentions(short) >= 2

    client.post(f"/corrections/{done.json()['correction_id']}/undo.json", data={"token": token})
    assert mentions(full) >= 1
    assert "Interior Ministry of Veloria" not in client.get(f"/entities/{short}.json").json()["entity"]["aliases"]


BLOG = """Velorian opposition rallies again

Published 5 March 2024

Opposition leader Darío Velásquez told supporters in Port Arden that the Freedom Bloc would keep marching.
"""


def test_splitting_a_name_off_an_entity(built: tuple[Path, TestClient, str], corpus: Path) -> None:
    db, client, token = built
    (corpus / "blog-0305.txt").write_text(BLOG, encoding="utf-8")
    with Store(db) as store:
        runner.run(store, [str(corpus)])
    person = str(_conn(db).execute(
        "SELECT em.entity_id FROM mentions m JOIN entity_mentions em ON em.document_id = m.document_id"
        " AND em.start = m.start WHERE m.text = 'Dario Velasquez'").fetchone()[0])
    page = client.get(f"/entities/{person}.json").json()
    assert page["names_mentioned"] == ["Dario Velasquez", "Darío Velásquez"]  # the resolver joined the spellings
    form = {"entity_id": person, "action": "split", "other": "Darío Velásquez", "token": token}
    assert client.post("/corrections/entity.json", data={**form, "other": "Lena Okafor"}).status_code == 404
    done = client.post("/corrections/entity.json", data=form).json()
    split = done["href"].rsplit("/", 1)[1]
    conn = _conn(db)
    moved = conn.execute("SELECT m.text FROM entity_mentions em JOIN mentions m ON m.document_id = em.document_id"
                         " AND m.start = em.start WHERE em.entity_id = ?", (split,)).fetchall()
    assert moved and {r["text"] for r in moved} == {"Darío Velásquez"}
    assert client.get(f"/entities/{person}.json").json()["names_mentioned"] == ["Dario Velasquez"]
    assert "Darío Velásquez" not in client.get(f"/entities/{person}.json").json()["entity"]["aliases"]
    assert client.get(f"/entities/{split}.json").json()["entity"]["name"] == "Darío Velásquez"
    assert "Darío Velásquez" in client.get(f"/entities/{person}").text  # shown as a correction on the page
    client.post(f"/corrections/{done['correction_id']}/undo.json", data={"token": token})
    assert client.get(f"/entities/{split}.json").status_code == 404
    assert len(client.get(f"/entities/{person}.json").json()["names_mentioned"]) == 2


def _other_story(db: Path, doc: sqlite3.Row) -> str:
    """A report of the same situation that the grouper put in another story than `doc` (the subsidy vote
    two weeks after the clashes)."""
    conn = _conn(db)
    row = conn.execute("SELECT source FROM documents WHERE situation_id = ? AND story_id != ? ORDER BY id",
                       (doc["situation_id"], doc["story_id"])).fetchone()
    assert row is not None, "the fixture's first situation holds more than one story"
    return str(row["source"]).rsplit("/", 1)[1]


def test_story_split_and_merge_survive_regrouping(built: tuple[Path, TestClient, str], corpus: Path) -> None:
    db, client, token = built
    wire, repost = _doc(db, "wire-0304.html"), _doc(db, "repost-0304.html")
    other_name = _other_story(db, wire)
    other = _doc(db, other_name)
    assert wire["story_id"] == repost["story_id"] != other["story_id"]
    names = ("wire-0304.html", "repost-0304.html", other_name)
    merged = client.post("/corrections/story.json",
                         data={"document_id": other["id"], "action": "merge", "other_doc": wire["id"], "token": token})
    assert merged.status_code == 200, merged.text
    assert _doc(db, other_name)["story_id"] == _doc(db, "wire-0304.html")["story_id"]
    situation = client.get(f"/situations/{wire['situation_id']}.json").json()
    assert [c["kind"] for c in situation["corrections"]] == ["story_merge"]

    alone = client.post("/corrections/story.json", data={"document_id": wire["id"], "action": "split",
                                                          "token": token}).json()
    after = {name: _doc(db, name)["story_id"] for name in names}
    assert after["wire-0304.html"] == after["repost-0304.html"] != after[other_name]  # a copy goes with it

    _rerun(db, corpus)
    assert {name: _doc(db, name)["story_id"] for name in after} == after

    client.post(f"/corrections/{alone['correction_id']}/undo.json", data={"token": token})
    stories = {_doc(db, name)["story_id"] for name in after}
    assert len(stories) == 1  # only the merge is left
    stored = json.loads(client.get(f"/situations/{wire['situation_id']}.json").text)
    assert [c["active"] for c in stored["corrections"]] == [True, False]


def test_merging_stories_of_two_situations_is_refused(built: tuple[Path, TestClient, str]) -> None:
    db, client, token = built
    wire, later = _doc(db, "wire-0304.html"), _doc(db, "reports.jsonl#hb-2")
    assert wire["situation_id"] != later["situation_id"]
    answer = client.post("/corrections/story.json", data={"document_id": wire["id"], "action": "merge",
                                                          "other_doc": later["id"], "token": token})
    assert answer.status_code == 409
