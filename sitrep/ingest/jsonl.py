"""JSON Lines input: one article a line (`text` or `html`, optional `id`, `url`, `title`, `published`, `language`).

The file is streamed, so a multi-gigabyte shard never sits in memory; the size limit applies to each line.
A line that is not a JSON object with some text yields a BadRecord for that line and the next lines go on.
Sources are `<path>#<id>` when the line has an id, else `<path>#L<line number>` (1-based).
"""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from sitrep.errors import BadRecord, EmptyInput, InputError, TooLarge, TruncatedInput
from sitrep.ingest.files import Item
from sitrep.models import RawDoc, RawKind

log = logging.getLogger(__name__)

_OPTIONAL = ("url", "title", "published", "language")


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """Every article of a .jsonl (or .jsonl.gz) file; bad lines and a cut-off archive become error values."""
    source = str(path)
    try:
        handle = _open(path)
    except OSError as e:
        yield InputError(source, f"cannot read: {e.strerror or e}")
        return
    seen = 0
    with handle:
        try:
            for number, line in _lines(handle, source, max_bytes):
                if isinstance(line, InputError):
                    yield line
                    continue
                if not line.strip():
                    continue
                seen += 1
                yield parse_line(source, number, line)
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            yield TruncatedInput(source, f"archive ends early or is corrupt after {seen} records: {e}")
            return
        except OSError as e:
            yield InputError(source, f"cannot read: {e.strerror or e}")
            return
    if not seen:
        yield EmptyInput(source, "no records")


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        # The caller closes the handle with `with`.
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _lines(handle: IO[bytes], source: str, max_bytes: int) -> Iterator[tuple[int, bytes | InputError]]:
    """Numbered lines; an overlong line is reported and skipped to its end without holding it in memory."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
            yield number, TooLarge(f"{source}#L{number}", f"line is over the {max_bytes:,}-byte limit")
            continue
        yield number, line


def parse_line(path: str, number: int, line: bytes) -> RawDoc | InputError:
    """One JSONL line as a RawDoc, or a BadRecord naming the line and what is wrong with it."""
    where = f"{path}#L{number}"
    try:
        record: Any = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return BadRecord(where, f"not JSON: {e}")
    if not isinstance(record, dict):
        return BadRecord(where, f"a JSON {type(record).__name__}, not an object")
    # A producer's own plain text is preferred: it is already the article body, HTML still needs extraction.
    kind: RawKind
    if isinstance(record.get("text"), str) and record["text"].strip():
        body, kind = record["text"], "text"
    elif isinstance(record.get("html"), str) and record["html"].strip():
        body, kind = record["html"], "html"
    else:
        return BadRecord(where, "no non-empty 'text' or 'html' field")
    record_id = record.get("id")
    source = f"{path}#{record_id}" if isinstance(record_id, str | int) and str(record_id).strip() else where
    fields = {name: _str(record.get(name)) for name in _OPTIONAL}
    return RawDoc(source=source, kind=kind, data=body.encode("utf-8"), encoding="utf-8", **fields)


def _str(value: object) -> str | None:
    """Optional metadata as text; other JSON types are ignored rather than failing the record."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
