"""Ingest: paths, folders, archives, feeds and URL lists -> RawDoc values (or an InputError value, or a link).

    read_inputs(paths) yields, in a deterministic order, one of
      RawDoc        a document to clean (bytes plus what the container said about it)
      InputError    one input (or one record of a container) that could not be read; the batch goes on
      PendingLink   a page linked from a feed item or URL list, listed and not fetched

Formats, by file name (a file named on the command line with another name is sniffed by content):
    .html .htm .xhtml       one HTML page               .txt .md                one plain-text page
    .jsonl (.jsonl.gz)      one article a line          .warc .warc.gz          HTML/text records
    .xml .rss .atom         RSS/Atom feed (by content)  .urls                   one URL a line
    <name>.<ext>.gz         one gzipped page            http(s)://...           a URL (fetched only with fetch)
Folders are read recursively in sorted order; hidden names are skipped. Files over `max_bytes` are refused
with TooLarge (the default, 20 MB, is far above any real article page; see files.DEFAULT_MAX_BYTES).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from sitrep.errors import BadRecord, BinaryInput, InputError
from sitrep.ingest.feeds import is_feed, read_feed
from sitrep.ingest.files import (
    DEFAULT_MAX_BYTES,
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    Item,
    PendingLink,
    document,
    gunzip,
    inner_suffix,
    is_gzip,
    looks_binary,
    read_file,
    sniff_kind,
    walk,
)
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.urls import is_url, read_url, read_url_list
from sitrep.ingest.warc import read_warc

__all__ = ["DEFAULT_MAX_BYTES", "Item", "PendingLink", "read_inputs"]

log = logging.getLogger(__name__)


def read_inputs(paths: Sequence[str], *, fetch: bool = False,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every document in `paths`, in order. Never raises for a bad input: it yields an InputError and goes on."""
    for given in paths:
        if is_url(given):
            yield from read_url(given, fetch=fetch, max_bytes=max_bytes)
            continue
        for found in walk(Path(given)):
            if isinstance(found, InputError):
                log.info("%s", found)
                yield found
                continue
            path, explicit = found
            try:
                yield from _read_path(path, explicit=explicit, fetch=fetch, max_bytes=max_bytes)
            except InputError as error:
                log.info("%s", error)
                yield error



def _read_path(path: Path, *, explicit: bool, fetch: bool, max_bytes: int) -> Iterator[Item]:
    suffix = inner_suffix(path)
    # Containers stream their records and apply the size limit per record, so a large shard is fine.
    if suffix in (".warc", ".warc.gz"):
        yield from read_warc(path, max_bytes)
        return
    if suffix == ".jsonl":
        yield from read_jsonl(path, max_bytes)
        return
    source = str(path)
    data = read_file(path, max_bytes)
    if path.name.lower().endswith(".gz"):
        if not is_gzip(data):
            raise BadRecord(source, "named .gz but is not gzip data")
        data = gunzip(data, source, max_bytes)
    if suffix == ".urls":
        yield from read_url_list(path, data, fetch=fetch, max_bytes=max_bytes)
    elif suffix in FEED_SUFFIXES:
        if not is_feed(data):
            raise BadRecord(source, "not an RSS or Atom feed")
        yield from read_feed(source, data)
    elif suffix in HTML_SUFFIXES:
        yield document(source, "html", data)
    elif suffix in TEXT_SUFFIXES:
        yield document(source, "text", data)
    elif explicit:
        yield from _sniffed(source, data)
    else:
        log.debug("skipping %s: not a known input format", path)


def _sniffed(source: str, data: bytes) -> Iterator[Item]:
    """A file named on the command line whose extension says nothing: judge it by its first bytes."""
    if looks_binary(data):
        raise BinaryInput(source, "binary data, not a document")
    kind = sniff_kind(data)
    if kind == "feed":
        yield from read_feed(source, data)
    else:
        yield document(source, "html" if kind == "html" else "text", data)
