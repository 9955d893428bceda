"""URL lists (.urls: one http(s) URL a line, `#` comments) and URLs given directly, fetched only on request.

Without `fetch=True` every URL becomes a PendingLink: nothing leaves the machine unless the user asks.
With it, pages are fetched one at a time (politeness, and a predictable load on small sites) with httpx:
connect and read timeouts, a User-Agent that names the tool, redirects followed, and the body streamed
and cut off at the size limit. A fetched feed is read like a feed file.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import httpx

from sitrep.errors import BadRecord, BinaryInput, EmptyInput, FetchError, TooLarge
from sitrep.ingest.feeds import is_feed, read_feed
from sitrep.ingest.files import Item, PendingLink, looks_binary
from sitrep.models import RawDoc, RawKind

log = logging.getLogger(__name__)

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep; crisis report reader)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def read_url_list(path: Path, data: bytes, *, fetch: bool, max_bytes: int,
                  client: httpx.Client | None = None) -> Iterator[Item]:
    """Each URL of a list file: a PendingLink, or with `fetch` the page itself (or an error for it)."""
    source = str(path)
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as e:
        yield BadRecord(source, f"URL list is not UTF-8: {e}")
        return
    found = 0
    with _client(client) as http:
        for number, line in enumerate(lines, 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            where = f"{source}#L{number}"
            if not is_url(text):
                yield BadRecord(where, f"not an http(s) URL: {text[:80]!r}")
                continue
            found += 1
            if fetch:
                yield from fetch_url(text, max_bytes=max_bytes, client=http)
            else:
                yield PendingLink(source=where, url=text, title=None)
    if not found:
        yield EmptyInput(source, "no URLs")


def read_url(url: str, *, fetch: bool, max_bytes: int, client: httpx.Client | None = None) -> Iterator[Item]:
    """A URL given on the command line."""
    if not fetch:
        yield PendingLink(source=url, url=url, title=None)
        return
    with _client(client) as http:
        yield from fetch_url(url, max_bytes=max_bytes, client=http)


class _Borrowed:
    """Context manager that lends an existing client without closing it."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def __enter__(self) -> httpx.Client:
        return self.client

    def __exit__(self, *exc: object) -> None:
        return None


def _client(client: httpx.Client | None) -> httpx.Client | _Borrowed:
    if client is not None:
        return _Borrowed(client)
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True, max_redirects=5,
                        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                                 "application/rss+xml,application/atom+xml,text/plain;q=0.8"})


def fetch_url(url: str, *, max_bytes: int, client: httpx.Client) -> Iterator[Item]:
    """Fetch one page; HTTP and network failures become FetchError values naming the URL."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                yield FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                return
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                yield TooLarge(url, f"{int(declared):,} bytes is over the {max_bytes:,}-byte limit")
                return
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    yield TooLarge(url, f"more than {max_bytes:,} bytes")
                    return
            content_type = response.headers.get("content-type", "")
            final_url = str(response.url)
            charset = response.charset_encoding
    except httpx.HTTPError as e:
        yield FetchError(url, f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)
        return
    yield from _page(url, final_url, bytes(body), content_type, charset)


def _page(url: str, final_url: str, data: bytes, content_type: str, charset: str | None) -> Iterator[Item]:
    mime = content_type.split(";")[0].strip().lower()
    if not data.strip():
        yield EmptyInput(url, "empty response")
        return
    if (mime in _FEED_TYPES or mime in ("", "text/plain")) and is_feed(data):
        yield from read_feed(url, data)
        return
    kind: RawKind
    if mime.startswith(_HTML_TYPES) or (not mime and data.lstrip()[:1] == b"<"):
        kind = "html"
    elif mime.startswith("text/"):
        kind = "text"
    else:
        yield BinaryInput(url, f"unsupported content type {mime or 'unknown'}")
        return
    if looks_binary(data):
        yield BinaryInput(url, f"binary data declared as {mime}")
        return
    yield RawDoc(source=url, kind=kind, data=data, url=final_url, encoding=charset)

