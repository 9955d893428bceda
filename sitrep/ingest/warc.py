"""WARC archives (.warc, .warc.gz): HTML and text payloads of response and resource records, via warcio.

Source ids are `<path>#<WARC-Target-URI>` (the same URI a second time in one archive gets `#<uri>@<n>`), stable
across runs because a WARC file is append-only. A cut-off archive yields what was read and then a
TruncatedInput. The WARC-Date is when the page was *crawled*, not published, so it is not passed on as
`published`: relative dates ("on Thursday") would otherwise resolve against the crawl day.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.errors import BinaryInput, EmptyInput, InputError, TooLarge, TruncatedInput
from sitrep.ingest.files import Item, looks_binary
from sitrep.models import RawDoc, RawKind

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown")


def read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """Every HTML/text payload in a WARC file; other records (requests, metadata, images) are skipped."""
    source = str(path)
    seen: dict[str, int] = {}
    found = 0
    try:
        with path.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                item = _record(record, source, seen, max_bytes)
                if item is not None:
                    found += 1
                    yield item
    except OSError as e:
        yield InputError(source, f"cannot read: {e.strerror or e}")
        return
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as e:
        # warcio reads lazily, so a cut-off gzip member or header surfaces here after the good records.
        yield TruncatedInput(source, f"archive is cut off or corrupt after {found} documents: {_short(e)}")
        return
    except Exception as e:  # a corrupt header can break warcio anywhere (AttributeError, KeyError, ...)
        log.info("%s: warcio failed: %s: %s", source, type(e).__name__, e)
        yield TruncatedInput(source, f"archive is cut off or corrupt after {found} documents: {_short(e)}")
        return
    if _is_gzip(path) and not _gzip_complete(path):
        # warcio drops a cut-off last gzip member without a word, so the archive is checked end to end.
        yield TruncatedInput(source, f"gzip archive is cut off after {found} documents")
        return
    if not found:
        yield EmptyInput(source, "no HTML or text records")


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _gzip_complete(path: Path) -> bool:
    """True when every gzip member of the file is whole (a WARC.gz is one member per record)."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    fed = False  # whether the current member has started: a file may end cleanly right after a member
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            while chunk:
                try:
                    decompressor.decompress(chunk, 1 << 20)
                    while decompressor.unconsumed_tail and not decompressor.eof:
                        decompressor.decompress(decompressor.unconsumed_tail, 1 << 20)
                except zlib.error:
                    return False
                fed = True
                if not decompressor.eof:
                    break
                chunk = decompressor.unused_data  # the next member starts here
                decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                fed = False
    return decompressor.eof or not fed


def _record(record: Any, source: str, seen: dict[str, int], max_bytes: int) -> Item | None:
    if record.rec_type not in ("response", "resource"):
        return None
    content_type = _content_type(record)
    kind: RawKind
    if content_type.startswith(_HTML_TYPES):
        kind = "html"
    elif content_type.startswith(_TEXT_TYPES):
        kind = "text"
    else:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("WARC-Record-ID") or ""
    count = seen.get(uri, 0) + 1
    seen[uri] = count
    where = f"{source}#{uri}" if count == 1 else f"{source}#{uri}@{count}"
    if record.http_headers is not None and record.http_headers.get_statuscode() not in ("200", None):
        log.debug("skipping %s: HTTP status %s", where, record.http_headers.get_statuscode())
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return TooLarge(where, f"payload is over the {max_bytes:,}-byte limit")
    if getattr(record.raw_stream, "limit", 0) > 0:  # the stream ended before the record's Content-Length
        return TruncatedInput(where, "record is shorter than its Content-Length")
    if not payload.strip():
        return EmptyInput(where, "empty payload")
    if looks_binary(payload):
        return BinaryInput(where, f"binary payload declared as {content_type}")
    return RawDoc(source=where, kind=kind, data=payload, url=uri or None, encoding=_charset(record))


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    return str(value).split(";")[0].strip().lower()


def _charset(record: Any) -> str | None:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    for part in str(headers.get_header("Content-Type") or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _short(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) < 160 else text[:157] + "..."
