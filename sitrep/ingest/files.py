"""Reading inputs from disk safely: walking folders, size limits, empty and binary files, single-file .gz.

Every function here turns a problem with one input into an InputError *value* or exception that names the
input, so `read_inputs` can report it and go on with the rest of the batch.
"""

from __future__ import annotations

import logging
import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import BinaryInput, EmptyInput, InputError, TooLarge, TruncatedInput
from sitrep.models import RawDoc, RawKind

log = logging.getLogger(__name__)

# Large enough for any real article page (the biggest pages of the extraction benchmark are ~2 MB), small enough
# that a runaway 50 MB dump is refused with a clear TooLarge error instead of stalling the parser.
DEFAULT_MAX_BYTES = 20_000_000
_CHUNK = 1 << 20

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | FEED_SUFFIXES | {".jsonl", ".warc", ".warc.gz", ".urls"}


@dataclass(frozen=True)
class PendingLink:
    """A page linked from a feed item or URL list that carries no content: listed, not fetched."""

    source: str
    url: str
    title: str | None = None


Item = RawDoc | InputError | PendingLink


def walk(path: Path, *, explicit: bool = True) -> Iterator[tuple[Path, bool] | InputError]:
    """Files under `path` in sorted order (hidden names skipped), each with whether the user named it directly.

    Only files the user named are read whatever their extension; inside folders only known formats are read,
    so a folder with images or scripts beside the reports does not produce a stream of errors.
    """
    try:
        mode = path.stat().st_mode  # follows symlinks: a broken link fails here
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")
        return
    if stat.S_ISDIR(mode):
        try:
            entries = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError as e:
            yield InputError(str(path), f"cannot list folder: {e.strerror or e}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            if not entry.is_dir() and inner_suffix(child) not in KNOWN_SUFFIXES:
                log.debug("skipping %s: not a known input format", child)
                continue
            yield from walk(child, explicit=False)
    elif stat.S_ISREG(mode):
        yield (path, explicit)
    else:
        # A FIFO or device would block or never end; refuse it instead of opening it.
        yield InputError(str(path), "not a regular file (FIFO, socket or device)")


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def inner_suffix(path: Path) -> str:
    """The format suffix, looking through one `.gz`: a.html.gz -> .html, a.warc.gz -> .warc.gz."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-2:] == [".warc", ".gz"]:
        return ".warc.gz"
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ""
    return suffixes[-1] if suffixes else ""


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of one file; raises EmptyInput, TooLarge or InputError (unreadable) naming it."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(source, f"{size:,} bytes is over the {max_bytes:,}-byte limit")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as e:
        raise InputError(source, f"cannot read: {e.strerror or e}") from e
    if len(data) > max_bytes:  # the file grew while we read it
        raise TooLarge(source, f"more than {max_bytes:,} bytes")
    if not data.strip():
        raise EmptyInput(source, "empty file" if not data else "only white space")
    return data


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress a single-member .gz in chunks, refusing a decompression bomb and reporting truncation."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        for start in range(0, len(data), _CHUNK):
            out += decompressor.decompress(data[start : start + _CHUNK], max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise TooLarge(source, f"decompresses to more than {max_bytes:,} bytes")
            if decompressor.unconsumed_tail:
                raise TooLarge(source, f"decompresses to more than {max_bytes:,} bytes")
    except zlib.error as e:
        raise TruncatedInput(source, f"corrupt gzip data: {e}") from e
    if not decompressor.eof:
        raise TruncatedInput(source, f"gzip stream ends early after {len(out):,} bytes")
    if not out.strip():
        raise EmptyInput(source, "empty after decompression")
    return bytes(out)


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head of the file mean it is not text or markup.

    UTF-16/32 text has NUL bytes too, but always starts with a byte-order mark when it is a file on its own.
    """
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 100)


def sniff_kind(data: bytes) -> str:
    """Guess the format of a file whose name does not say: 'feed', 'html' or 'text'."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head):
        return "feed"
    if head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head or b"<body" in head):
        return "html"
    return "text"


def document(source: str, kind: RawKind, data: bytes) -> RawDoc:
    """A RawDoc for a whole file of markup or text, refusing binary bytes."""
    if looks_binary(data):
        raise BinaryInput(source, f"binary data, not {'HTML' if kind == 'html' else 'text'}")
    return RawDoc(source=source, kind=kind, data=data)

