"""RSS and Atom feeds (via feedparser): items with content become HTML documents, bare links are listed.

An item is a document when it carries its body (`content:encoded`, Atom `<content>`, or a description long
enough to be the article rather than a teaser). An item with only a link becomes a PendingLink, fetched only
when the user asks for it. Sources are `<feed>#<guid>` (or the item link, or its position when it has
neither), so the same item read again from an updated feed keeps its id.
"""

from __future__ import annotations

import calendar
import logging
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from sitrep.errors import BadRecord, EmptyInput
from sitrep.ingest.files import Item, PendingLink
from sitrep.models import RawDoc

log = logging.getLogger(__name__)

# A description shorter than this many words is a teaser; the article itself is behind the link.
_MIN_BODY_WORDS = 60
_TAG = re.compile(r"<[^>]+>")


def is_feed(data: bytes) -> bool:
    """True for RSS 0.9x/1.0/2.0 and Atom documents (judged by the root element, not the file name)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    while head.startswith((b"<?", b"<!--")):  # skip the XML declaration, stylesheets and comments
        end = head.find(b"?>" if head.startswith(b"<?") else b"-->")
        if end < 0:
            return False
        head = head[end + 2 :].lstrip(b"> \t\r\n")
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))


def read_feed(source: str, data: bytes) -> Iterator[Item]:
    """Documents and pending links for each item of one feed."""
    parsed: Any = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            yield BadRecord(source, f"not a readable feed: {_reason(parsed.bozo_exception)}")
        else:
            yield EmptyInput(source, "feed has no items")
        return
    if parsed.bozo:
        # feedparser recovers from most markup slips; the items it found are still worth reading.
        log.info("%s: feed is malformed (%s); reading the %d items found", source,
                 _reason(parsed.bozo_exception), len(entries))
    for position, entry in enumerate(entries, 1):
        yield _item(source, position, entry)


def _item(source: str, position: int, entry: Any) -> Item:
    link = _text(entry.get("link"))
    key = _text(entry.get("id")) or link or str(position)
    where = f"{source}#{key}"
    title = _text(entry.get("title"))
    body = _body(entry)
    if body:
        return RawDoc(source=where, kind="html", data=body.encode("utf-8"), url=link, title=title,
                      published=_date(entry), encoding="utf-8")
    if link:
        return PendingLink(source=where, url=link, title=title)
    return BadRecord(where, "item has neither content nor a link")


def _body(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        value = _text(content.get("value"))
        if value:
            return value
    summary = _text(entry.get("summary"))
    if summary and len(_TAG.sub(" ", summary).split()) >= _MIN_BODY_WORDS:
        return summary
    return None


def _date(entry: Any) -> str | None:
    """The item's publication date as ISO (YYYY-MM-DD); feedparser gives it as a UTC struct_time."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            moment = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            return moment.date().isoformat()
    return None


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _reason(error: object) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) < 160 else text[:157] + "..."
