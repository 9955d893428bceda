"""Bad inputs: each gives one error value naming the file and the reason, and the batch goes on."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import BinaryInput, EmptyInput, InputError, TooLarge, TruncatedInput
from sitrep.ingest import read_inputs
from sitrep.models import RawDoc

GOOD = "<html><body><p>Aid workers reached the village of Marvel on Friday, the agency said.</p></body></html>"


def read(*paths: Path, max_bytes: int | None = None) -> list[object]:
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def only_error(found: list[object], kind: type[InputError], name: str) -> InputError:
    errors = [x for x in found if isinstance(x, InputError)]
    assert len(errors) == 1, errors
    assert type(errors[0]) is kind, errors[0]
    assert name in errors[0].source and errors[0].reason
    return errors[0]


def test_a_folder_of_bad_files_still_yields_the_good_one(tmp_path: Path) -> None:
    (tmp_path / "a_empty.html").write_bytes(b"")
    (tmp_path / "b_binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "c_good.html").write_text(GOOD)
    (tmp_path / "d_link.html").symlink_to(tmp_path / "nowhere.html")  # unreadable: a broken link
    os.mkfifo(tmp_path / "e_pipe.txt")  # opening it would block: must be refused, not read
    found = read(tmp_path)
    kinds = [(type(x).__name__, Path(getattr(x, "source", "")).name) for x in found]
    assert kinds == [("EmptyInput", "a_empty.html"), ("BinaryInput", "b_binary.html"), ("RawDoc", "c_good.html"),
                     ("InputError", "d_link.html"), ("InputError", "e_pipe.txt")]
    assert all(str(tmp_path) in x.source for x in found if isinstance(x, InputError))
    assert "not a regular file" in found[4].reason  # type: ignore[attr-defined]


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("  \n\n ")
    only_error(read(tmp_path / "blank.txt"), EmptyInput, "blank.txt")


def test_binary_bytes_named_html(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(bytes(range(256)) * 4)
    error = only_error(read(path), BinaryInput, "photo.html")
    assert "binary" in error.reason


def test_a_50_mb_page_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "dump.html"
    paragraph = b"<p>" + b"The committee met again to discuss the water supply of the camps. " * 20 + b"</p>\n"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        while handle.tell() < 50_000_000:
            handle.write(paragraph * 100)
    error = only_error(read(path), TooLarge, "dump.html")
    assert "20,000,000-byte limit" in error.reason


def test_truncated_gzip_page(tmp_path: Path) -> None:
    data = gzip.compress((GOOD * 200).encode())
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "ok.html").write_text(GOOD)
    found = read(tmp_path)
    only_error(found, TruncatedInput, "cut.html.gz")
    assert isinstance(found[-1], RawDoc)


def _warc(gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://relief.example/{n}", "response",
                                                      payload=io.BytesIO((GOOD * 30).encode()), http_headers=headers))
    return buffer.getvalue()


def test_truncated_warc_gz_yields_what_was_read_then_an_error(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(gz=True)[:-150])
    found = read(path)
    assert [type(x).__name__ for x in found] == ["RawDoc", "RawDoc", "TruncatedInput"]
    assert found[-1].source == str(path)  # type: ignore[attr-defined]


def test_truncated_plain_warc_names_the_cut_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc(gz=False)[:-300])
    found = read(path)
    assert [type(x).__name__ for x in found] == ["RawDoc", "RawDoc", "TruncatedInput"]
    assert found[-1].source == f"{path}#https://relief.example/2"  # type: ignore[attr-defined]


def test_a_jsonl_line_that_is_not_json_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "shard.jsonl"
    path.write_text('{"text": "First report from the camp."}\n{"text": broken\n{"text": "Third report."}\n')
    found = read(path)
    assert [type(x).__name__ for x in found] == ["RawDoc", "BadRecord", "RawDoc"]
    assert found[1].source == f"{path}#L2"  # type: ignore[attr-defined]


def test_a_directory_named_like_a_page_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "x.html"
    folder.mkdir()
    (folder / "inner.txt").write_text("Water trucks reached the camp on Monday, the agency said.")
    (found,) = read(folder)
    assert isinstance(found, RawDoc) and found.source.endswith("x.html/inner.txt")


def test_a_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    found = read(tmp_path / "missing.html", tmp_path)
    assert isinstance(found[0], InputError) and "missing.html" in found[0].source


def test_a_warc_with_broken_headers_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" * 50)[:120])
    (found,) = read(path)
    assert isinstance(found, TruncatedInput) and found.source == str(path)
