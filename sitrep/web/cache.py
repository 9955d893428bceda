"""Rendered pages kept in memory until the store's generation changes.

The store counts every change that can alter what a page shows (`generation`, migration 0007: situations rebuilt,
entities rewritten, verdicts and corrections, documents replaced). A page is rendered once per generation and
then served from here; the check costs one single-row read. Each server process has its own cache, bounded.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request
from fastapi.responses import Response

MAX_PAGES = 4096  # about 10 kB each: a few tens of MB per server process at most


class PageCache:
    def __init__(self, size: int = MAX_PAGES) -> None:
        self.size = size
        self._pages: OrderedDict[str, tuple[int, bytes, str | None]] = OrderedDict()
        self._lock = threading.Lock()

    def serve(self, request: Request, conn: sqlite3.Connection, render: Callable[[], Response]) -> Response:
        """The cached page for this URL when the store has not changed since; else `render()`, kept if 200."""
        generation = int(conn.execute("SELECT n FROM generation").fetchone()[0])
        key = f"{request.url.path}?{request.url.query}"
        with self._lock:
            hit = self._pages.get(key)
            if hit is not None and hit[0] == generation:
                self._pages.move_to_end(key)
                return Response(hit[1], media_type=hit[2])
        response = render()
        if response.status_code == 200:
            with self._lock:
                self._pages[key] = (generation, bytes(response.body), response.media_type)
                self._pages.move_to_end(key)
                while len(self._pages) > self.size:
                    self._pages.popitem(last=False)
        return response
