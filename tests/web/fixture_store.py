"""A small FICTIONAL crisis written straight into a real sitrep store (no pipeline needed).

Norvania, May 2031: protests in Velmar met with force, a curfew, detentions. One wire story and its copy, an NGO
report that disagrees on the death toll, and a second, unrelated situation. `add_hostile` adds a document whose
title, text and source URL try every trick to run script in the dossier.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from sitrep.rules import rules_version
from sitrep.store.database import Store

WIRE = (
    "Security forces opened fire on protesters in Velmar on Monday, and at least 12 protesters were killed, "
    "the Interior Ministry said.\n\n"
    "A curfew was declared in Velmar from 9 pm to 6 am on 4 May 2031. More than 300 people were detained, "
    "police said.\n\n"
    'Interior Minister Anton Brisk said: "Order will be restored in every street." '
    "Rights Watch Norvania called on the authorities to release all detained protesters."
)
NGO = (
    "Rights Watch Norvania said on 6 May 2031 that 27 protesters were killed in Velmar since the protests began.\n\n"
    "The group said the curfew in Velmar was declared on 5 May 2031 and that internet access was cut across "
    "the country. Rights Watch Norvania called on the government to restore internet access."
)
HARBOUR = (
    "Flooding in Ostrava Bay displaced about 1,500 people on 2 June 2031, the Red Lantern Society said.\n\n"
    "Volunteers distributed water and blankets."
)

PLACES = {
    "ent-velmar": ("place", "Velmar", ["Velmar", "Velmaar"], 44.43, 26.10, "NV"),
    "ent-ostrava-bay": ("place", "Ostrava Bay", ["Ostrava Bay"], 43.20, 27.91, "NV"),
    "ent-brisk": ("person", "Anton Brisk", ["Anton Brisk", "Brisk"], None, None, None),
    "ent-ministry": ("organization", "Interior Ministry", ["Interior Ministry"], None, None, None),
    "ent-rights-watch": ("organization", "Rights Watch Norvania", ["Rights Watch Norvania"], None, None, None),
    "ent-red-lantern": ("organization", "Red Lantern Society", ["Red Lantern Society"], None, None, None),
}


def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    """Offsets of `phrase` in `text` (the first one at or after `after`)."""
    start = text.index(phrase, after)
    return start, start + len(phrase)


def sentence(text: str, start: int) -> tuple[int, int]:
    """The sentence around offset `start` (good enough for fixture text)."""
    dot = text.rfind(". ", 0, start)
    left = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    ends = [i + 1 for i in (text.find(". ", start), text.find(".\n", start)) if i >= 0]
    return left, min(ends) if ends else len(text)


def _paragraphs(text: str) -> list[list[int]]:
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append([pos, pos + len(chunk)])
        pos += len(chunk) + 2
    return out


def add_document(conn: sqlite3.Connection, doc_id: str, text: str, *, title: str, source: str, site: str | None,
                 published: str | None, situation: str, story: str, copy_of: str | None = None,
                 language: str = "en") -> None:
    """One raw input and its document row."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    raw = conn.execute(
        "INSERT INTO raw_inputs (source, sha256, kind, data, url, title, published, language, encoding, ingested_at)"
        " VALUES (?, ?, 'text', ?, ?, ?, ?, ?, 'utf-8', ?)",
        (source, sha, text.encode(), source, title, published, language, f"{published or '2031-05-07'}T10:00:00Z"),
    ).lastrowid
    conn.execute(
        "INSERT INTO documents (id, raw_id, source, url, title, site, published, published_inferred, language, text,"
        " text_sha256, paragraphs, features, grouped, copy_of, story_id, situation_id, rules)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, '{}', 1, ?, ?, ?, ?)",
        (doc_id, raw, source, source, title, site, published, language, text, sha, json.dumps(_paragraphs(text)),
         copy_of, story, situation, rules_version()),  # written as this version's rules would: not read again
    )


def add_figure(conn: sqlite3.Connection, fig_id: str, doc_id: str, text: str, phrase: str, *, measure: str,
               group: str, low: int, high: int | None, count_text: str, place: str | None, date: str | None,
               source_text: str | None) -> None:
    start, end = span(text, phrase)
    s0, s1 = sentence(text, start)
    conn.execute(
        "INSERT INTO figures (id, document_id, measure, grp, group_text, low, high, approximate, count_text,"
        " place_text, date, source_text, sentence, start, end, sentence_start, sentence_end)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (fig_id, doc_id, measure, group, group, low, high, int(count_text.startswith(("about", "more", "at"))),
         count_text, place, date, source_text, text[s0:s1], start, end, s0, s1),
    )


def add_event(conn: sqlite3.Connection, ev_id: str, doc_id: str, text: str, trigger: str, *, type_: str,
              date: str | None, place: str | None) -> tuple[int, int]:
    start, end = span(text, trigger)
    s0, s1 = sentence(text, start)
    conn.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, 'day', ?, ?, ?, ?, ?, ?)",
        (ev_id, doc_id, type_, trigger, date, place, text[s0:s1], start, end, s0, s1),
    )
    return start, end


def add_mentions(conn: sqlite3.Connection, doc_id: str, text: str, names: dict[str, str]) -> None:
    """Every occurrence of each name -> a mention resolved to the entity."""
    for name, entity in names.items():
        pos = 0
        while (found := text.find(name, pos)) >= 0:
            kind = PLACES[entity][0]
            conn.execute("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                         (doc_id, found, found + len(name), name, kind, name.lower()))
            conn.execute("INSERT OR IGNORE INTO entity_mentions VALUES (?, ?, ?)", (doc_id, found, entity))
            pos = found + len(name)


def _facts(conn: sqlite3.Connection) -> None:
    for ent_id, (kind, name, aliases, lat, lon, country) in PLACES.items():
        conn.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (ent_id, kind, name, json.dumps(aliases), lat, lon, country))
    copy = WIRE.replace("Monday", "Monday (4 May)")
    add_document(conn, "doc-wire", WIRE, title="Deadly crackdown in Velmar", source="https://wire.example/velmar-1",
                 site="wire.example", published="2031-05-05", situation="sit-norvania", story="story-crackdown")
    add_document(conn, "doc-copy", copy, title="Deadly crackdown in Velmar (repost)",
                 source="https://aggregator.example/a/991", site="aggregator.example", published="2031-05-05",
                 situation="sit-norvania", story="story-crackdown", copy_of="doc-wire")
    add_document(conn, "doc-ngo", NGO, title="Rights Watch: 27 protesters killed", source="/reports/rw-0506.txt",
                 site=None, published="2031-05-06", situation="sit-norvania", story="story-toll", language="en")
    add_document(conn, "doc-flood", HARBOUR, title="Floods displace hundreds in Ostrava Bay",
                 source="https://harbour.example/floods", site="harbour.example", published="2031-06-02",
                 situation="sit-ostrava", story="story-flood")
    names = {"Velmar": "ent-velmar", "Anton Brisk": "ent-brisk", "Interior Ministry": "ent-ministry",
             "Rights Watch Norvania": "ent-rights-watch"}
    for doc_id, text in (("doc-wire", WIRE), ("doc-copy", copy)):
        p = doc_id.split("-")[1]
        add_figure(conn, f"fig-{p}-killed", doc_id, text, "at least 12 protesters were killed", measure="killed",
                   group="protesters", low=12, high=None, count_text="at least 12", place="Velmar",
                   date="2031-05-04", source_text="the Interior Ministry")
        add_figure(conn, f"fig-{p}-detained", doc_id, text, "More than 300 people were detained", measure="detained",
                   group="people", low=301, high=None, count_text="More than 300", place="Velmar",
                   date="2031-05-04", source_text="police")
        add_event(conn, f"ev-{p}-curfew", doc_id, text, "curfew", type_="curfew", date="2031-05-04", place="Velmar")
        add_event(conn, f"ev-{p}-protest", doc_id, text, "opened fire", type_="armed_clash", date="2031-05-04",
                  place="Velmar")
        q0, q1 = span(text, "Order will be restored in every street.")
        conn.execute("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                     (f"q-{p}-brisk", doc_id, "Anton Brisk", "anton brisk", text[q0:q1], q0, q1))
        c0, c1 = span(text, "Rights Watch Norvania called on the authorities to release all detained protesters.")
        conn.execute("INSERT INTO calls VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (f"c-{p}-release", doc_id, "Rights Watch Norvania", "rights watch norvania", "the authorities",
                      "release all detained protesters", c0, c1))
        add_mentions(conn, doc_id, text, names)
    add_figure(conn, "fig-ngo-killed", "doc-ngo", NGO, "27 protesters were killed", measure="killed",
               group="protesters", low=27, high=27, count_text="27", place="Velmar", date="2031-05-06",
               source_text="Rights Watch Norvania")
    add_event(conn, "ev-ngo-curfew", "doc-ngo", NGO, "curfew", type_="curfew", date="2031-05-05", place="Velmar")
    add_event(conn, "ev-ngo-internet", "doc-ngo", NGO, "internet access was cut", type_="internet_shutdown",
              date="2031-05-06", place=None)
    c0, c1 = span(NGO, "Rights Watch Norvania called on the government to restore internet access.")
    conn.execute("INSERT INTO calls VALUES ('c-ngo-internet', 'doc-ngo', 'Rights Watch Norvania',"
                 " 'rights watch norvania', 'the government', 'restore internet access', ?, ?)", (c0, c1))
    add_mentions(conn, "doc-ngo", NGO, names)
    add_figure(conn, "fig-flood-displaced", "doc-flood", HARBOUR, "displaced about 1,500 people",
               measure="displaced", group="people", low=1500, high=1500, count_text="about 1,500",
               place="Ostrava Bay", date="2031-06-02", source_text="the Red Lantern Society")
    add_mentions(conn, "doc-flood", HARBOUR, {"Ostrava Bay": "ent-ostrava-bay",
                                              "Red Lantern Society": "ent-red-lantern"})


def _picture(conn: sqlite3.Connection) -> None:
    """The reconciled rows (what `reconcile` would write)."""
    conn.execute("INSERT INTO situations VALUES ('sit-norvania', 'Velmar, 2031-05', '2031-05-04', '2031-05-06', ?)",
                 (json.dumps(["ent-velmar"]),))
    conn.execute("INSERT INTO situations VALUES ('sit-ostrava', 'Ostrava Bay, 2031-06', '2031-06-02', '2031-06-02',"
                 " ?)", (json.dumps(["ent-ostrava-bay"]),))
    conn.execute("INSERT INTO stories VALUES ('story-crackdown', 'sit-norvania', 'Deadly crackdown in Velmar', 1)")
    conn.execute("INSERT INTO stories VALUES ('story-toll', 'sit-norvania', 'Rights Watch: 27 protesters killed', 1)")
    conn.execute("INSERT INTO stories VALUES ('story-flood', 'sit-ostrava', 'Floods displace hundreds', 1)")
    series = [
        ("ser-killed", "sit-norvania", "killed", "protesters", "ent-velmar",
         ["fig-wire-killed", "fig-copy-killed", "fig-ngo-killed"], 27, 27, "latest reported figure", 12, 27, 2,
         1, "Rights Watch Norvania (27) and the Interior Ministry (at least 12) disagree for the same days."),
        ("ser-detained", "sit-norvania", "detained", "people", "ent-velmar", ["fig-wire-detained", "fig-copy-detained"],
         301, None, "only report", 301, None, 1, 0, ""),
        ("ser-displaced", "sit-ostrava", "displaced", "people", "ent-ostrava-bay", ["fig-flood-displaced"], 1500, 1500,
         "only report", 1500, 1500, 1, 0, ""),
    ]
    for row in series:
        conn.execute("INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (*row[:5], json.dumps(row[5]), *row[6:]))
    wire_curfew = span(WIRE, "curfew")
    ngo_curfew = span(NGO, "curfew")
    timeline = [
        ("tl-clash", "armed_clash", "2031-05-04", "ent-velmar",
         "Security forces opened fire on protesters in Velmar on Monday.", [("doc-wire", span(WIRE, "opened fire"))],
         None),
        ("tl-curfew-4", "curfew", "2031-05-04", "ent-velmar", "A curfew was declared in Velmar from 9 pm to 6 am.",
         [("doc-wire", wire_curfew)], "reports give different dates: 2031-05-04 (2 reports), 2031-05-05 (1 reports)"),
        ("tl-curfew-5", "curfew", "2031-05-05", "ent-velmar", "The group said the curfew in Velmar was declared.",
         [("doc-ngo", ngo_curfew)], "reports give different dates: 2031-05-04 (2 reports), 2031-05-05 (1 reports)"),
        ("tl-internet", "internet_shutdown", "2031-05-06", None, "Internet access was cut across the country.",
         [("doc-ngo", span(NGO, "internet access was cut"))], None),
    ]
    for tl_id, type_, date, place, summary, evidence, note in timeline:
        conn.execute("INSERT INTO timeline VALUES (?, 'sit-norvania', ?, ?, 'day', ?, ?, ?, ?)",
                     (tl_id, type_, date, place, summary,
                      json.dumps([{"document_id": d, "start": s, "end": e} for d, (s, e) in evidence]), note))


def build(path: Path) -> Path:
    """Create the fictional store at `path` and return the path."""
    with Store(path) as store, store.write() as conn:
        _facts(conn)
        _picture(conn)
    return path


HOSTILE_TITLE = '<script>window.__pwned=1;document.title="pwned"</script><img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = (
    "Report <script>window.__pwned=3;alert(1)</script> from Velmar: 5 people were killed.\n\n"
    '<img src=x onerror="window.__pwned=4"> <svg onload="window.__pwned=5"><a href="javascript:window.__pwned=6">'
    "click</a></svg> <b>unclosed <i>markup </div></p><!-- curfew"
)
HOSTILE_URL = 'javascript:window.__pwned=7//"><script>window.__pwned=8</script>'


def add_hostile(path: Path) -> str:
    """A document that tries to run script everywhere it is shown; returns its id."""
    with Store(path) as store, store.write() as conn:
        add_document(conn, "doc-hostile", HOSTILE_TEXT, title=HOSTILE_TITLE, source=HOSTILE_URL,
                     site='"><svg onload=alert(1)>', published="2031-05-07", situation="sit-norvania",
                     story="story-hostile")
        add_figure(conn, "fig-hostile", "doc-hostile", HOSTILE_TEXT, "5 people were killed", measure="killed",
                   group="people", low=5, high=None, count_text='5<script>window.__pwned=9</script>',
                   place="Velmar", date="2031-05-07", source_text="<img src=x onerror=alert(2)>")
        add_mentions(conn, "doc-hostile", HOSTILE_TEXT, {"Velmar": "ent-velmar"})
        conn.execute("INSERT INTO stories VALUES ('story-hostile', 'sit-norvania', ?, 1)", (HOSTILE_TITLE,))
        conn.execute("INSERT INTO series VALUES ('ser-hostile', 'sit-norvania', 'killed', 'people', 'ent-velmar', ?,"
                     " 5, NULL, ?, 5, NULL, 1, 0, ?)", (json.dumps(["fig-hostile"]), HOSTILE_TITLE, HOSTILE_TEXT))
    return "doc-hostile"
