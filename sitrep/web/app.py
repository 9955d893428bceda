"""The web dossier: `create_app(db_path)` returns the FastAPI application that `sitrep serve` runs.

Every page is server-rendered from a context dict and has a JSON twin at its path with `.json` appended, which
returns that same dict (`/index.json` for `/`). Templates autoescape everything; every response carries a strict
Content-Security-Policy (scripts and styles only from our own /static, no inline script) and nosniff.
Situation, document and entity pages are kept once rendered until the store changes (`sitrep.web.cache`).
Reads use a read-only SQLite connection per worker thread; writes (upload, corrections) need a token and go
through one Store.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.export.wording import call_parts
from sitrep.store.database import Store
from sitrep.web import pages
from sitrep.web.api import add_api_routes
from sitrep.web.cache import PageCache
from sitrep.web.deps import Conn, FactId, Note, Token
from sitrep.web.feeds import atom_feed
from sitrep.web.jobs import job_context, requeue_interrupted, start
from sitrep.web.search import Filters, search_context
from sitrep.web.writes import (
    WRITE_LOCK,
    Settings,
    WriteError,
    correct,
    correct_entity,
    correct_story,
    fix_date,
    take_back,
    upload,
)

log = logging.getLogger(__name__)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
FORM_OVERHEAD = 64 * 1024  # multipart framing and the small fields next to the file


def templates() -> Environment:
    env = Environment(loader=ChoiceLoader([PackageLoader("sitrep.web", "templates"),
                                           PackageLoader("sitrep.export", "templates")]),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["label"] = lambda value: str(value or "").replace("_", " ")
    env.globals["call_parts"] = call_parts
    return env


class Views:
    """Renders a context either as a page or as its JSON twin."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.env = templates()

    def html(self, request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        path = request.url.path
        twin = "/index.json" if path == "/" else f"{path}.json"
        if request.url.query:
            twin += f"?{request.url.query}"
        page = {"path": path, "json": twin, "query": dict(request.query_params)}
        return HTMLResponse(self.env.get_template(template).render(**context, page=page), status_code=status)


class Security:
    """Pure ASGI middleware (no per-request wrapping of the response): every response gets the security headers;
    a POST without a Content-Length, or larger than an upload may be, is refused before its body is read."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        if scope["method"] == "POST":
            length = Headers(scope=scope).get("content-length")
            refusal = None
            if length is None or not length.isdigit():
                refusal = JSONResponse({"error": "Content-Length required"}, status_code=411)
            elif int(length) > self.settings.max_upload + FORM_OVERHEAD:
                refusal = JSONResponse({"error": "request too large"}, status_code=413)
            if refusal is not None:
                await refusal(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)


def _error(views: Views, request: Request, status: int, message: str) -> Response:
    if request.url.path.endswith((".json", ".atom")) or request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    return views.html(request, "error.html", {"status": status, "message": message}, status)


def _add_error_handlers(app: FastAPI, views: Views) -> None:
    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(views, request, 404, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        return _error(views, request, status, str(getattr(exc, "detail", "error")))

    async def write_error(request: Request, exc: Exception) -> Response:
        return _error(views, request, getattr(exc, "status", 400), str(exc))

    async def bad_request(request: Request, exc: Exception) -> Response:
        return _error(views, request, 422, "missing or invalid parameters")

    app.add_exception_handler(pages.NotFound, not_found)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(WriteError, write_error)
    app.add_exception_handler(RequestValidationError, bad_request)


def _add_pages(app: FastAPI, views: Views) -> None:
    @app.get("/index.json", tags=["pages"], summary="Situations with period, places and counts")
    def index_json(conn: Conn, page: int = 1) -> JSONResponse:
        return JSONResponse(pages.index_context(conn, page))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, conn: Conn, page: int = 1) -> HTMLResponse:
        return views.html(request, "index.html", pages.index_context(conn, page))

    cache = PageCache()  # situation, document and entity pages: rendered once per store generation

    @app.get("/situations/{situation_id}.json", tags=["pages"], summary="Dossier of one situation")
    def situation_json(request: Request, situation_id: str, conn: Conn) -> Response:
        return cache.serve(request, conn, lambda: JSONResponse(pages.situation_context(conn, situation_id)))

    @app.get("/situations/{situation_id}", response_class=HTMLResponse, include_in_schema=False)
    def situation(request: Request, situation_id: str, conn: Conn) -> Response:
        return cache.serve(request, conn, lambda: views.html(request, "situation.html",
                                                             pages.situation_context(conn, situation_id)))

    @app.get("/documents/{document_id}.json", tags=["pages"], summary="A document's text, facts and copies")
    def document_json(request: Request, document_id: str, conn: Conn) -> Response:
        return cache.serve(request, conn, lambda: JSONResponse(pages.document_context(conn, document_id)))

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(request: Request, document_id: str, conn: Conn) -> Response:
        return cache.serve(request, conn, lambda: views.html(request, "document.html",
                                                             pages.document_context(conn, document_id)))

    @app.get("/entities/{entity_id}.json", tags=["pages"], summary="A person, organisation or place")
    def entity_json(request: Request, entity_id: str, conn: Conn) -> Response:
        return cache.serve(request, conn, lambda: JSONResponse(pages.entity_context(conn, entity_id)))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, entity_id: str, conn: Conn) -> Response:
        return cache.serve(request, conn, lambda: views.html(request, "entity.html",
                                                             pages.entity_context(conn, entity_id)))

    @app.get("/entities/{entity_id}/merge.json", tags=["pages"], summary="Entities an entity could be merged into")
    def entity_merge_json(entity_id: str, conn: Conn) -> JSONResponse:
        return JSONResponse(pages.merge_context(conn, entity_id))

    @app.get("/entities/{entity_id}/merge", response_class=HTMLResponse, include_in_schema=False)
    def entity_merge(request: Request, entity_id: str, conn: Conn) -> HTMLResponse:
        return views.html(request, "entity_merge.html", pages.merge_context(conn, entity_id))

    @app.get("/compare.json", tags=["pages"], summary="Two documents side by side")
    def compare_json(a: Annotated[str, Query()], b: Annotated[str, Query()], conn: Conn) -> JSONResponse:
        return JSONResponse(pages.compare_context(conn, a, b))

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare(request: Request, conn: Conn, a: str = "", b: str = "") -> HTMLResponse:
        if not (a and b):
            docs = conn.execute("SELECT id, title FROM documents ORDER BY published, id LIMIT 500").fetchall()
            return views.html(request, "compare_form.html", {"documents": [dict(d) for d in docs], "a": a, "b": b})
        return views.html(request, "compare.html", pages.compare_context(conn, a, b))

    @app.get("/search.json", tags=["pages"], summary="Full-text search with filters and facets")
    def search_json(conn: Conn, filters: Annotated[Filters, Depends()]) -> JSONResponse:
        return JSONResponse(search_context(conn, filters))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, conn: Conn, filters: Annotated[Filters, Depends()]) -> HTMLResponse:
        return views.html(request, "search.html", search_context(conn, filters))

    @app.get("/feeds/{situation_id}.atom", tags=["feeds"], summary="Atom feed of the facts of a situation")
    def feed(request: Request, situation_id: str, conn: Conn) -> Response:
        return Response(atom_feed(conn, situation_id, str(request.base_url)), media_type="application/atom+xml")


def _job(conn: sqlite3.Connection, job_id: int) -> dict[str, Any]:
    found = job_context(conn, job_id)
    if found is None:
        raise pages.NotFound(f"no upload job {job_id}")
    return found


def _add_writes(app: FastAPI, views: Views) -> None:
    settings = views.settings

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request) -> HTMLResponse:
        return views.html(request, "upload.html", {"max_upload": settings.max_upload})

    @app.post("/upload.json", tags=["writes"], summary="Upload a report (needs a write token); it is queued")
    def upload_json(token: Token, file: Annotated[UploadFile, File()]) -> JSONResponse:
        data = file.file.read(settings.max_upload + 1)
        return JSONResponse(upload(settings, file.filename or "", data, token), status_code=202)

    @app.post("/upload", include_in_schema=False)
    def upload_page(token: Token, file: Annotated[UploadFile, File()]) -> RedirectResponse:
        data = file.file.read(settings.max_upload + 1)
        return RedirectResponse(upload(settings, file.filename or "", data, token)["href"], status_code=303)

    @app.get("/jobs/{job_id}.json", tags=["writes"], summary="An uploaded report's processing: state, then reports")
    def job_json(job_id: int, conn: Conn) -> JSONResponse:
        return JSONResponse(_job(conn, job_id))

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job(request: Request, job_id: int, conn: Conn) -> HTMLResponse:
        return views.html(request, "job.html", _job(conn, job_id))

    @app.post("/corrections.json", tags=["writes"], summary="Mark a fact wrong or confirmed (needs a write token)")
    def correction_json(token: Token, fact_id: FactId, verdict: Annotated[str, Form()],
                        note: Note = "") -> JSONResponse:
        return JSONResponse(correct(settings, fact_id, verdict, note, token))

    @app.post("/corrections", include_in_schema=False)
    def correction(token: Token, fact_id: FactId, verdict: Annotated[str, Form()], note: Note = "") -> RedirectResponse:
        return RedirectResponse(correct(settings, fact_id, verdict, note, token)["href"], status_code=303)


Field = Annotated[str, Form(max_length=200)]


def _add_corrections(app: FastAPI, settings: Settings, suffix: str) -> None:
    """Corrections of dates, entities and stories: with suffix ".json" the JSON endpoints, with "" the form
    targets, which redirect to the corrected page."""
    wanted = suffix == ".json"

    def answer(result: dict[str, Any]) -> Response:
        return JSONResponse(result) if wanted else RedirectResponse(result["href"], status_code=303)

    @app.post(f"/corrections/date{suffix}", summary="Fix a report's publication date (needs a write token)",
              tags=["writes"], include_in_schema=wanted)
    def date_fix(token: Token, document_id: Field, date: Annotated[str, Form(max_length=20)] = "",
                 note: Note = "") -> Response:
        return answer(fix_date(settings, document_id, date, note, token))

    @app.post(f"/corrections/entity{suffix}", summary="Merge two entities, or split a name off one (token)",
              tags=["writes"], include_in_schema=wanted)
    def entity_fix(token: Token, entity_id: Field, action: Field, other: Field, note: Note = "") -> Response:
        return answer(correct_entity(settings, action, entity_id, other, note, token))

    @app.post(f"/corrections/story{suffix}", summary="Merge two stories, or take a report out of one (token)",
              tags=["writes"], include_in_schema=wanted)
    def story_fix(token: Token, document_id: Field, action: Field, other_doc: Field = "",
                  note: Note = "") -> Response:
        return answer(correct_story(settings, action, document_id, other_doc, note, token))

    @app.post(f"/corrections/{{correction_id}}/undo{suffix}", summary="Take a correction back (token)",
              tags=["writes"], include_in_schema=wanted)
    def undo(correction_id: int, token: Token) -> Response:
        return answer(take_back(settings, correction_id, token))


def create_app(db_path: str, *, data_dir: str | Path | None = None, max_upload: int | None = None) -> FastAPI:
    """The dossier app over the database at `db_path`; uploads are kept under `data_dir` (default: its folder)."""
    Store(db_path).close()  # apply pending migrations (search index, tokens) before serving
    settings = Settings(db_path=str(db_path), data_dir=Path(data_dir or Path(db_path).resolve().parent))
    if max_upload is not None:
        settings.max_upload = max_upload
    app = FastAPI(title="sitrep", summary="Sourced situation picture: the dossier's JSON API",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    if requeue_interrupted(settings.db_path):  # uploads a stopped server did not finish
        start(settings.db_path, WRITE_LOCK)
    views = Views(settings)
    app.add_middleware(Security, settings=settings)
    app.mount("/static", StaticFiles(packages=[("sitrep.web", "static")]), name="static")
    _add_error_handlers(app, views)
    _add_pages(app, views)
    add_api_routes(app, views)
    _add_writes(app, views)
    _add_corrections(app, settings, ".json")
    _add_corrections(app, settings, "")
    return app


def app_from_environment() -> FastAPI:
    """The app for `sitrep serve --workers N`: each server process builds it from SITREP_SERVE_DB."""
    return create_app(os.environ["SITREP_SERVE_DB"])
