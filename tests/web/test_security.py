"""Untrusted article text, titles and URLs are escaped everywhere; no page carries inline script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from tests.web import fixture_store

PAGES = ["/", "/situations/sit-norvania", "/documents/doc-hostile", "/documents/doc-hostile.json",
         "/compare?a=doc-hostile&b=doc-wire", "/search?q=report", "/search?q=curfew", "/entities/ent-velmar",
         "/feeds/sit-norvania.atom", "/situations/sit-norvania/export.html", "/upload", "/api"]


@pytest.fixture
def hostile(db: Path) -> TestClient:
    fixture_store.add_hostile(db)
    return TestClient(create_app(str(db)))


def _scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", html, flags=re.I)


def test_hostile_markup_is_escaped_everywhere(hostile: TestClient) -> None:
    for path in PAGES:
        response = hostile.get(path)
        assert response.status_code == 200, path
        body = response.text
        if path.endswith(".json"):  # data, not markup: served as JSON that browsers will not sniff
            assert response.headers["content-type"] == "application/json"
            assert response.headers["x-content-type-options"] == "nosniff"
            continue
        assert "<script>window.__pwned" not in body, path
        assert all(tag == '<script src="/static/site.js" defer>' for tag in _scripts(body)), path
        assert not re.search(r"<(img|svg|a)\b[^>]*\son\w+=", body, flags=re.I), path
        assert 'href="javascript:' not in body.lower(), path


def test_hostile_source_url_is_not_a_link(hostile: TestClient) -> None:
    data = hostile.get("/documents/doc-hostile.json").json()
    assert data["document"]["link"] is None
    page = hostile.get("/documents/doc-hostile").text
    assert "<code>javascript:window.__pwned=7//&#34;&gt;&lt;script&gt;" in page


def test_templates_have_no_inline_script_or_handlers() -> None:
    root = Path(__file__).resolve().parents[2] / "sitrep"
    for template in [*root.glob("web/templates/*.html"), *root.glob("export/templates/*.html")]:
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template.name
        assert not re.search(r"\son[a-z]+=", text), template.name
        assert "style=" not in text, template.name  # CSP: style-src 'self' (no inline style attributes)
        assert "|safe" not in text, template.name


def test_writes_are_refused_without_length_or_when_huge(hostile: TestClient) -> None:
    response = hostile.post("/upload.json", content=b"x", headers={"content-length": str(10**9),
                                                                   "content-type": "multipart/form-data"})
    assert response.status_code == 413
    assert response.headers["content-security-policy"]
