"""Who a fact's words name: a figure's source resolved to a person or organisation, never to the place the
speaker stands in, through descriptions that point back, and through names known from other documents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitrep import runner
from sitrep.export.lookup import EntityLookup, sentence_end
from sitrep.export.picture import load_picture
from sitrep.store.database import Store, reader

REPORT = """Veloria: dozens hurt as protests spread

Publication date: 5 May 2024

The Ministry of Health of Veloria said on Monday that 40 people were injured in the clashes in Port Arden.

A police spokesman in the city of Port Arden said three protesters were killed near the market.

The ministry later said 12 people were hospitalized overnight.

The Partnership for Civic Rights, a local monitoring group, said 20 people were detained on Sunday.

The Partnership also said five journalists were detained in Port Arden.
"""


def test_sources_resolve_to_who_speaks_not_where(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "health.txt").write_text(REPORT, encoding="utf-8")
    with Store(tmp_path / "l.sqlite") as store:
        runner.run(store, [str(folder)])
    conn = reader(tmp_path / "l.sqlite")
    picture = load_picture(conn)
    names = {e["id"]: e["name"] for e in picture["entities"]}
    said = {(f["measure"], f["low"]): names.get(f["source_id"]) for f in picture["figures"] if f["source_text"]}
    assert said[("injured", 40)] == "Ministry of Health of Veloria"
    assert said[("killed", 3)] is None  # a spokesman in Port Arden is not Port Arden
    assert said[("hospitalized", 12)] == "Ministry of Health of Veloria"  # "The ministry": the one named before
    assert said[("detained", 5)] == "Partnership for Civic Rights"  # "The Partnership"


def _store(rows: list[tuple[str, int, str, str, str]]) -> sqlite3.Connection:
    """mentions (document, start, text, entity, kind) in the three tables the lookup reads."""
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.executescript(
        "CREATE TABLE mentions (document_id, start, end, text, kind, key);"
        "CREATE TABLE entity_mentions (document_id, start, entity_id);"
        "CREATE TABLE entities (id, kind, name, aliases);")
    for doc, start, text, entity, kind in rows:
        conn.execute("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", (doc, start, start + len(text), text, kind,
                                                                       text.lower()))
        conn.execute("INSERT INTO entity_mentions VALUES (?, ?, ?)", (doc, start, entity))
        conn.execute("INSERT OR IGNORE INTO entities VALUES (?, ?, ?, '[]')", (entity, kind, text))
    return conn


def test_a_name_missed_in_one_document_is_found_through_the_others() -> None:
    conn = _store([("d1", 0, "Open Press Alliance", "org-opa", "organization"),
                   ("d2", 0, "Port Arden", "place-pa", "place"),
                   ("d2", 40, "Press Union", "org-pu", "organization"),
                   ("d3", 0, "Kazakhstan", "place-kz", "place")])
    lookup = EntityLookup(conn, ["d1", "d2", "d3"])
    assert lookup.agent("d2", "the media freedom group Open Press Alliance", 100) == "org-opa"
    assert lookup.agent("d2", "the press union", 100) == "org-pu"  # a name in other case, as mentioned
    assert lookup.agent("d2", "the journalists' union", 100) is None  # another union than the one named
    assert lookup.agent("d2", "the union", 20) is None  # the union is named after the fact, not before
    assert lookup.agent("d2", "they", 100) is None
    assert lookup.agent("d3", "Kazakhstan officials", 100) == "place-kz"  # the state speaks
    assert lookup.agent("d3", "a spokesman in Kazakhstan", 100) is None
    assert lookup.text("d2", "central Port Arden") == "place-pa"  # places are found inside the words
    assert lookup.text("d2", "Port Ardenville") is None  # at word boundaries only


def test_the_sentence_end_of_a_figure() -> None:
    sentence = "Police said 12 people were killed."
    text = "Intro. " + sentence
    start = text.index("12")
    assert text[: sentence_end(start, sentence, "12")].endswith("killed.")
