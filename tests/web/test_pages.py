"""The dossier pages and their JSON twins, over the fictional store (no browser)."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import CSP

PAGES = [
    ("/", "/index.json"),
    ("/situations/sit-norvania", "/situations/sit-norvania.json"),
    ("/documents/doc-wire", "/documents/doc-wire.json"),
    ("/entities/ent-rights-watch", "/entities/ent-rights-watch.json"),
    ("/compare?a=doc-wire&b=doc-ngo", "/compare.json?a=doc-wire&b=doc-ngo"),
    ("/search?q=curfew", "/search.json?q=curfew"),
]


def test_every_page_has_a_json_twin_and_security_headers(client: TestClient) -> None:
    for html_path, json_path in PAGES:
        page = client.get(html_path)
        assert page.status_code == 200, html_path
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["content-security-policy"] == CSP
        assert page.headers["x-content-type-options"] == "nosniff"
        assert f'href="{json_path.replace("&", "&amp;")}"' in page.text  # the page links its twin
        twin = client.get(json_path)
        assert twin.status_code == 200, json_path
        assert twin.headers["content-security-policy"] == CSP
        assert isinstance(twin.json(), dict)


def test_index_lists_situations_with_counts(client: TestClient) -> None:
    data = client.get("/index.json").json()
    norvania = next(s for s in data["situations"] if s["id"] == "sit-norvania")
    assert norvania["period"] == "2031-05-04 – 2031-05-06"
    assert norvania["places"] == ["Velmar"]
    assert (norvania["stories"], norvania["documents"], norvania["sites"]) == (2, 3, 3)
    assert norvania["facts"] == 2 * 4 + 1 + 1 + 4  # figures/quotes/calls of 3 docs + timeline entries


def test_index_counts_the_facts_of_reports_that_arrived_today(db: Path, client: TestClient) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE raw_inputs SET ingested_at = '2020-01-01T00:00:00Z'")
    conn.commit()
    nothing_new = next(s for s in client.get("/index.json").json()["situations"] if s["id"] == "sit-norvania")
    assert nothing_new["new_facts"] == 0
    conn.execute("UPDATE raw_inputs SET ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                 " WHERE id = (SELECT raw_id FROM documents WHERE id = 'doc-ngo')")
    conn.commit()
    expected = sum(conn.execute(f"SELECT count(*) FROM {kind} WHERE document_id = 'doc-ngo'").fetchone()[0]
                   for kind in ("figures", "quotes", "calls"))
    norvania = next(s for s in client.get("/index.json").json()["situations"] if s["id"] == "sit-norvania")
    assert expected > 0 and norvania["new_facts"] == expected
    assert "new today" in client.get("/").text


def test_dossier_key_figures_open_their_sources(client: TestClient) -> None:
    data = client.get("/situations/sit-norvania.json").json()
    killed = next(k for k in data["key_figures"] if k["id"] == "ser-killed")
    assert (killed["best"], killed["range"], killed["independent_origins"], killed["conflict"]) == ("27", "12–27", 2,
                                                                                                   True)
    assert killed["rule"] == "latest reported figure"
    hrefs = {s["href"] for s in killed["sources"]}
    assert "/documents/doc-ngo#fact-fig-ngo-killed" in hrefs
    page = client.get("/situations/sit-norvania").text
    assert 'href="/documents/doc-ngo#fact-fig-ngo-killed"' in page
    assert "conflict" in page and "dates disagree" in page
    assert "<svg" in page and "Velmar</text>" in page  # chart and map are server-side SVG
    doc = client.get("/documents/doc-ngo").text
    assert '<mark id="fact-fig-ngo-killed"' in doc


def test_dossier_groups_copies_and_quotes(client: TestClient) -> None:
    data = client.get("/situations/sit-norvania.json").json()
    crackdown = next(s for s in data["stories"] if s["id"] == "story-crackdown")
    assert crackdown["groups"] == [{"original": crackdown["groups"][0]["original"],
                                    "copies": crackdown["groups"][0]["copies"]}]
    assert crackdown["groups"][0]["original"]["id"] == "doc-wire"
    assert [c["id"] for c in crackdown["groups"][0]["copies"]] == ["doc-copy"]
    brisk = next(p for p in data["people"] if p["id"] == "ent-brisk")
    assert len(brisk["quotes"]) == 1 and len(brisk["quotes"][0]["sources"]) == 2
    demands = {c["demand"]: len(c["reports"]) for c in data["calls"]}
    assert demands == {"release all detained protesters": 2, "restore internet access": 1}
    assert data["timeline"][0]["evidence"][0]["href"].startswith("/documents/doc-wire#at-")


def test_document_highlights_every_fact(client: TestClient) -> None:
    data = client.get("/documents/doc-wire.json").json()
    assert data["fact_counts"] == {"figure": 2, "event": 2, "quote": 1, "call": 1, "mention": 5}
    anchors = {a for para in data["paragraphs"] for seg in para for a in [seg.get("id"), *seg.get("anchors", [])]}
    for fact in data["facts"]:
        assert fact["anchor"] in anchors, fact["id"]
    text = "".join(seg["text"] for para in data["paragraphs"] for seg in para)
    assert "at least 12 protesters were killed" in text
    assert [c["id"] for c in data["copies"]] == ["doc-copy"]
    assert data["document"]["link"] == "https://wire.example/velmar-1"
    page = client.get("/documents/doc-wire").text
    assert 'id="at-' in page and 'class="k-event' in page


def test_entity_page(client: TestClient) -> None:
    data = client.get("/entities/ent-rights-watch.json").json()
    assert data["entity"]["name"] == "Rights Watch Norvania"
    assert {c["demand"] for c in data["calls"]} == {"release all detained protesters", "restore internet access"}
    assert sum(m["mentions"] for m in data["mentions_over_time"]) == 4
    brisk = client.get("/entities/ent-brisk.json").json()
    assert [q["text"] for q in brisk["quotes"]] == ["Order will be restored in every street."] * 2


def test_compare_shared_only_and_conflicting(client: TestClient) -> None:
    data = client.get("/compare.json?a=doc-wire&b=doc-ngo").json()
    sections = {s["kind"]: s for s in data["sections"]}
    assert [x["a"]["label"] for x in sections["entities"]["shared"]] == ["place", "organization"] or \
        len(sections["entities"]["shared"]) == 2
    assert len(sections["figures"]["shared"]) == 0 and len(sections["figures"]["only_a"]) == 2
    assert data["conflicts"] == []  # "at least 12" and "27" can both hold
    assert [(c["a"]["low"], c["b"]["low"]) for c in data["differ"]] == [(12, 27)]
    hostile = client.get("/compare.json?a=doc-wire&b=doc-flood").json()
    assert hostile["conflicts"] == [] and hostile["differ"] == []
    copy = client.get("/compare.json?a=doc-wire&b=doc-copy").json()
    assert len(next(s for s in copy["sections"] if s["kind"] == "figures")["shared"]) == 2
    assert client.get("/compare").status_code == 200  # the form


def test_search_fts_filters_and_facets(client: TestClient) -> None:
    data = client.get("/search.json", params={"q": "curfew"}).json()
    assert {r["id"] for r in data["results"]} == {"doc-wire", "doc-copy", "doc-ngo"}
    assert "<mark>curfew</mark>" in data["results"][0]["snippet_html"]
    sites = {f["value"]: f["count"] for f in data["facets"]["site"]}
    assert sites == {"wire.example": 1, "aggregator.example": 1}
    only = client.get("/search.json", params={"q": "curfew", "site": "wire.example"}).json()
    assert [r["id"] for r in only["results"]] == ["doc-wire"]
    dated = client.get("/search.json", params={"q": "curfew", "date_from": "2031-05-06"}).json()
    assert [r["id"] for r in dated["results"]] == ["doc-ngo"]
    assert client.get("/search.json", params={"q": "flood*"}).json()["total"] == 1
    for hostile in ['"curfew AND (', "NEAR(", "*", "a:b", "'); DROP TABLE documents; --"]:
        assert client.get("/search.json", params={"q": hostile}).status_code == 200
    assert client.get("/search", params={"q": "curfew", "situation": "sit-norvania"}).status_code == 200


def test_search_pages_through_every_hit(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitrep.web.search.PAGE_SIZE", 2)
    first = client.get("/search.json", params={"q": "curfew"}).json()
    assert first["total"] == 3 and len(first["results"]) == 2 and first["pages"] == 2
    assert first["previous"] is None and first["next"] == "/search?q=curfew&page=2"
    second = client.get(first["next"].replace("/search?", "/search.json?")).json()
    assert len(second["results"]) == 1 and second["next"] is None and second["first"] == 3
    seen = [r["id"] for r in first["results"] + second["results"]]
    assert sorted(seen) == ["doc-copy", "doc-ngo", "doc-wire"]
    assert 'rel="next"' in client.get("/search", params={"q": "curfew"}).text


def test_atom_feed(client: TestClient) -> None:
    response = client.get("/feeds/sit-norvania.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 5 + 6 + 2 + 3  # figures, events, quotes, calls of the situation's documents
    links = [e.find("a:link", ns).get("href") for e in entries]  # type: ignore[union-attr]
    assert all(link.startswith("http://testserver/documents/") for link in links)
    assert client.get("/feeds/nope.atom").status_code == 404


def test_not_found_and_api_docs(client: TestClient) -> None:
    assert client.get("/situations/nope").status_code == 404
    assert client.get("/situations/nope.json").json() == {"error": "no situation 'nope'"}
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert client.get("/redoc").status_code == 404
    spec = client.get("/openapi.json").json()
    assert "/situations/{situation_id}.json" in spec["paths"]
    api = client.get("/api")
    assert api.status_code == 200 and "/search.json" in api.text
    assert "cdn" not in api.text.lower()


def test_exports_for_download(client: TestClient) -> None:
    for fmt in ("json", "csv", "hxl", "geojson", "markdown", "html"):
        response = client.get(f"/situations/sit-norvania/export.{fmt}")
        assert response.status_code == 200, fmt
        assert "attachment" in response.headers["content-disposition"]
    assert client.get("/export.nope").status_code == 404
