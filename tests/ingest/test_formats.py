"""Each input format read by `read_inputs`, on small fictional fixtures written to tmp_path."""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import BadRecord, InputError
from sitrep.ingest import PendingLink, read_inputs
from sitrep.models import RawDoc

PAGE = (
    "<html><head><title>Floods in Valdoria</title></head><body><article><h1>Floods in Valdoria</h1>"
    "<p>The river Tamsel burst its banks on Monday and at least 40 people were killed in Orvik, officials said.</p>"
    "</article></body></html>"
)
STORY = "Relief convoys reached Orvik on Tuesday. More than 3,000 people were displaced, the governor said.\n"


def items(*paths: Path | str, **kwargs: object) -> list[RawDoc | InputError | PendingLink]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def test_folder_is_read_recursively_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.htm").write_text(PAGE)
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "c.txt").write_text(STORY)
    (tmp_path / "d.md").write_text("# Orvik\n\n" + STORY)
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a document")
    found = items(tmp_path)
    assert [(Path(d.source).name, d.kind) for d in found if isinstance(d, RawDoc)] == [
        ("a.html", "html"), ("page.htm", "html"), ("c.txt", "text"), ("d.md", "text")]
    assert len(found) == 4


def test_single_gzipped_page(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (doc,) = items(tmp_path / "page.html.gz")
    assert isinstance(doc, RawDoc) and doc.kind == "html" and doc.data == PAGE.encode()


def test_jsonl_records_ids_and_a_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": STORY, "url": "https://news.example/r1", "title": "Convoys",
                    "published": "2024-03-05T10:00:00Z", "language": "en"}),
        "{not json",
        json.dumps({"html": PAGE}),
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "r4", "title": "no body"}),
    ]
    path = tmp_path / "shard.jsonl"
    path.write_text("\n".join(lines) + "\n")
    found = items(path)
    assert [type(x).__name__ for x in found] == ["RawDoc", "BadRecord", "RawDoc", "BadRecord", "BadRecord"]
    first, bad, second = found[0], found[1], found[2]
    assert isinstance(first, RawDoc) and first.source == f"{path}#r1" and first.kind == "text"
    assert (first.url, first.title, first.published, first.language) == (
        "https://news.example/r1", "Convoys", "2024-03-05T10:00:00Z", "en")
    assert isinstance(bad, BadRecord) and bad.source == f"{path}#L2" and "not JSON" in bad.reason
    assert isinstance(second, RawDoc) and second.source == f"{path}#L3" and second.kind == "html"


def _warc(records: int, *, gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for n in range(records):
        body = (PAGE * 20).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{n}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{n}.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG"), http_headers=image))
    return buffer.getvalue()


def test_warc_response_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(3, gz=True))
    found = items(path)
    assert [x.source for x in found] == [f"{path}#https://news.example/{n}" for n in range(3)]
    assert all(isinstance(x, RawDoc) and x.encoding == "utf-8" and x.published is None for x in found)


def test_rss_items_with_content_and_with_only_a_link(tmp_path: Path) -> None:
    body = "<p>" + "Relief convoys reached the flooded districts of Orvik on Tuesday morning. " * 3 + "</p>"
    rss = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valdoria News</title>
<item><title>Convoys reach Orvik</title><link>https://news.example/convoys</link><guid>news-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>Governor asks for help</title><link>https://news.example/governor</link>
<description>Short teaser.</description></item>
</channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(rss)
    doc, link = items(path)
    assert isinstance(doc, RawDoc) and doc.kind == "html" and b"Relief convoys" in doc.data
    assert (doc.source, doc.url, doc.title, doc.published) == (
        f"{path}#news-1", "https://news.example/convoys", "Convoys reach Orvik", "2024-03-05")
    assert link == PendingLink(f"{path}#https://news.example/governor", "https://news.example/governor",
                               "Governor asks for help")


def test_atom_feed_is_detected_by_content(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>V</title>
<entry><id>tag:news.example,2024:7</id><title>Dam inspected</title><link href="https://news.example/dam"/>
<updated>2024-03-06T08:00:00Z</updated><content type="html">&lt;p&gt;Engineers inspected the dam.&lt;/p&gt;</content>
</entry></feed>"""
    path = tmp_path / "updates"  # no extension: named directly, so it is sniffed
    path.write_text(atom)
    (doc,) = items(path)
    assert isinstance(doc, RawDoc) and doc.source == f"{path}#tag:news.example,2024:7"
    assert doc.published == "2024-03-06"


def test_url_list_is_not_fetched_by_default(tmp_path: Path) -> None:
    path = tmp_path / "reading.urls"
    path.write_text("# to read\nhttps://news.example/a\n\nnot a url\nhttp://news.example/b\n")
    found = items(path)
    assert found[0] == PendingLink(f"{path}#L2", "https://news.example/a", None)
    assert isinstance(found[1], BadRecord) and found[1].source == f"{path}#L4"
    assert isinstance(found[2], PendingLink) and found[2].url == "http://news.example/b"
    assert items("https://news.example/c") == [PendingLink("https://news.example/c", "https://news.example/c")]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/page":
            body, kind, status = PAGE.encode("cp1252"), "text/html; charset=windows-1252", 200
        elif self.path == "/big":
            body, kind, status = b"x" * 5000, "text/plain", 200
        else:
            body, kind, status = b"gone", "text/plain", 404
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_reads_pages_and_reports_failures(tmp_path: Path, server: str) -> None:
    path = tmp_path / "list.urls"
    path.write_text(f"{server}/page\n{server}/missing\n{server}/big\n")
    page, missing, big = items(path, fetch=True, max_bytes=4000)
    assert isinstance(page, RawDoc) and page.source == f"{server}/page" and page.encoding == "windows-1252"
    assert type(missing).__name__ == "FetchError" and "404" in missing.reason  # type: ignore[union-attr]
    assert type(big).__name__ == "TooLarge" and big.source == f"{server}/big"  # type: ignore[union-attr]
