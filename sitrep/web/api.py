"""The JSON API beyond the pages' twins: the picture itself, exports for download, and an API docs page.

FastAPI's own /docs and /redoc load Swagger/ReDoc from a CDN, so they are switched off; `/api` renders the
OpenAPI description server-side instead (and `/openapi.json` is served as usual).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from sitrep.export import FORMATS, render
from sitrep.export.picture import load_picture
from sitrep.web.deps import Conn
from sitrep.web.pages import NotFound

if TYPE_CHECKING:
    from sitrep.web.app import Views

MEDIA_TYPES = {
    "json": "application/json", "csv": "text/csv; charset=utf-8", "hxl": "text/csv; charset=utf-8",
    "geojson": "application/geo+json", "markdown": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
}
SUFFIXES = {"json": "json", "csv": "csv", "hxl": "hxl.csv", "geojson": "geojson", "markdown": "md", "html": "html"}


def _download(conn: sqlite3.Connection, fmt: str, situation_id: str | None) -> Response:
    if fmt not in FORMATS:
        raise NotFound(f"no export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if situation_id and not conn.execute("SELECT 1 FROM situations WHERE id = ?", (situation_id,)).fetchone():
        raise NotFound(f"no situation {situation_id!r}")
    name = f"sitrep-{situation_id or 'all'}.{SUFFIXES.get(fmt, fmt)}"
    return Response(render(conn, fmt, situation_id=situation_id), media_type=MEDIA_TYPES.get(fmt, "text/plain"),
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False)}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {})
            out.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "tag": (op.get("tags") or ["other"])[0], "parameters": params,
                        "body": ", ".join(body) if body else None})
    return sorted(out, key=lambda o: (o["tag"], o["path"]))


def add_api_routes(app: FastAPI, views: Views) -> None:
    @app.get("/api/picture.json", tags=["api"], summary="The whole picture (contract sitrep/1)")
    def picture(conn: Conn, situation: str | None = None) -> JSONResponse:
        return JSONResponse(load_picture(conn, situation))

    @app.get("/export.{fmt}", tags=["api"], summary="Export the whole picture (json csv hxl geojson markdown html)")
    def export_all(fmt: str, conn: Conn) -> Response:
        return _download(conn, fmt, None)

    @app.get("/situations/{situation_id}/export.{fmt}", tags=["api"], summary="Export one situation")
    def export_situation(situation_id: str, fmt: str, conn: Conn) -> Response:
        return _download(conn, fmt, situation_id)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return views.html(request, "api.html", {"operations": _operations(app.openapi()),
                                                "formats": list(FORMATS)})

    @app.get("/api.json", include_in_schema=False)
    def api_docs_json() -> JSONResponse:
        return JSONResponse({"operations": _operations(app.openapi()), "formats": list(FORMATS)})
