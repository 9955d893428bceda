#!/usr/bin/env python3
"""Build demo/corpus/archive.warc.gz from the HTML pages in demo/warc_src/.

The output is reproducible: record ids are derived from the target URI, dates are fixed, and the
gzip members carry no timestamp, so running this script twice gives byte-identical files.

    .venv/bin/python demo/make_warc.py
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SRC = HERE / "warc_src"
OUT = HERE / "corpus" / "archive.warc.gz"

# (source file, target URI, crawl date, HTTP Last-Modified or None)
PAGES = [
    (
        "silkroadticker-emergency-repost.html",
        "https://silkroadticker.example/news/central-asia/kyrgyzstan-state-of-emergency-government-resigns",
        "2025-03-06T03:12:44Z",
        None,
    ),
    (
        "osh-medical-volunteers-2025-03-07.html",
        "https://kmvn.example/updates/field-update-osh-hospitals-under-strain/",
        "2025-03-07T15:40:02Z",
        "Fri, 07 Mar 2025 11:02:17 GMT",
    ),
    (
        "osh-courier-2025-03-09-osh-under-curfew.html",
        "https://osh-courier.example/city/2025/03/09/osh-under-curfew",
        "2025-03-09T06:58:31Z",
        "Sun, 09 Mar 2025 03:15:00 GMT",
    ),
    (
        "bishkek-observer-2021-11-30-election-protest.html",
        "https://bishkekobserver.example/2021/11/30/police-detain-48-election-protest/",
        "2021-12-03T22:17:09Z",
        "Tue, 30 Nov 2021 04:20:00 GMT",
    ),
]

WARCINFO_DATE = "2025-03-13T00:00:00Z"


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'sitrep-demo:' + name)}>"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="WARC/1.0")

        info = (
            b"software: sitrep demo/make_warc.py (warcio)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: Fictional demo corpus for sitrep. Events, people and outlets are invented.\r\n"
            b"isPartOf: sitrep-demo\r\n"
        )
        info_headers = StatusAndHeaders(
            "",
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Record-ID", record_id("warcinfo")),
                ("WARC-Filename", OUT.name),
                ("WARC-Date", WARCINFO_DATE),
            ],
            protocol="WARC/1.0",
        )
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_headers=info_headers,
                warc_content_type="application/warc-fields",
            )
        )

        for fname, uri, date, last_modified in PAGES:
            body = (SRC / fname).read_bytes()
            headers = [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Server", "nginx"),
            ]
            if last_modified:
                headers.append(("Last-Modified", last_modified))
            http_headers = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id(uri),
                    "WARC-Date": date,
                },
            )
            writer.write_record(record)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(PAGES)} responses)")


if __name__ == "__main__":
    main()
