"""Full-text search over documents (SQLite FTS5, migration 0002) with filters and facets.

The words of a query are matched as quoted FTS5 strings (all must occur; a trailing `*` keeps prefix search),
so no query can be an FTS5 syntax error. Results come 50 a page (`page`); facets count all hits. Snippets come
back with control characters around the hits; the text is escaped first and only then are those characters
turned into <mark>, so article text never becomes markup.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

OPEN, CLOSE = "\x02", "\x03"
PAGE_SIZE = 50


@dataclass
class Filters:
    """What the search form sends."""

    q: str = ""
    situation: str = ""
    site: str = ""
    language: str = ""
    date_from: str = ""
    date_to: str = ""
    page: int = 1


def fts_query(q: str) -> str:
    """User words -> an FTS5 query that cannot be a syntax error."""
    terms = []
    for word in re.findall(r"[\w'’-]+\*?", q)[:20]:
        prefix = word.endswith("*")
        word = word.rstrip("*").replace('"', "")
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms)


def _date(value: str) -> str:
    return value if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else ""


def _where(f: Filters, skip: str = "") -> tuple[str, list[Any]]:
    clauses, args = [], []
    query = fts_query(f.q)
    if query:
        clauses.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        args.append(query)
    for name in ("situation", "site", "language"):
        value = getattr(f, name)
        if value and name != skip:
            column = "situation_id" if name == "situation" else name
            clauses.append(f"d.{column} = ?")
            args.append(value)
    if _date(f.date_from):
        clauses.append("substr(d.published, 1, 10) >= ?")
        args.append(_date(f.date_from))
    if _date(f.date_to):
        clauses.append("substr(d.published, 1, 10) <= ?")
        args.append(_date(f.date_to))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def highlight_snippet(raw: str) -> Markup:
    """Escape a snippet, then mark its hits."""
    text = str(escape(raw))
    return Markup(text.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def _facets(conn: sqlite3.Connection, f: Filters) -> dict[str, list[dict[str, Any]]]:
    """Counts per situation, site and language among the hits (each ignoring its own filter)."""
    facets = {}
    for name, column in (("situation", "situation_id"), ("site", "site"), ("language", "language")):
        where, args = _where(f, skip=name)
        rows = conn.execute(
            f"SELECT d.{column} AS value, count(*) AS n FROM documents d {where}"
            f" GROUP BY d.{column} ORDER BY n DESC, value LIMIT 20", args)
        facets[name] = [{"value": r["value"], "count": r["n"], "selected": r["value"] == getattr(f, name)}
                        for r in rows if r["value"]]
    return facets


def _page_href(f: Filters, page: int) -> str:
    params = {k: v for k, v in asdict(f).items() if v and k != "page"}
    return "/search?" + urlencode({**params, "page": page})


def search_context(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    where, args = _where(f)
    query = fts_query(f.q)
    page = max(1, f.page)
    offset = (page - 1) * PAGE_SIZE
    if query:
        sql = (
            "SELECT d.id, d.title, d.site, d.published, d.language, d.situation_id,"
            f" snippet(documents_fts, 1, '{OPEN}', '{CLOSE}', ' … ', 24) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            f"{where.replace(' WHERE ', ' WHERE documents_fts MATCH ? AND ', 1)} ORDER BY rank LIMIT ?"
        )
        rows = conn.execute(sql + " OFFSET ?", [query, *args, PAGE_SIZE, offset]).fetchall()
    else:
        sql = ("SELECT d.id, d.title, d.site, d.published, d.language, d.situation_id, substr(d.text, 1, 200)"
               f" AS snippet FROM documents d {where} ORDER BY d.published DESC, d.id LIMIT ?")
        rows = conn.execute(sql + " OFFSET ?", [*args, PAGE_SIZE, offset]).fetchall()
    total = conn.execute(f"SELECT count(*) FROM documents d {where}", args).fetchone()[0]
    facets = _facets(conn, f)
    shown = sorted({r["situation_id"] for r in rows if r["situation_id"]}
                   | {x["value"] for x in facets["situation"]})
    situations = {r["id"]: r["title"] for r in conn.execute(
        f"SELECT id, title FROM situations WHERE id IN ({','.join('?' * len(shown))})", shown)}
    pages = max(1, -(-total // PAGE_SIZE))
    return {
        "filters": asdict(f),
        "query": query,
        "total": total,
        "page_number": page,
        "pages": pages,
        "first": offset + 1,
        "next": _page_href(f, page + 1) if page < pages else None,
        "previous": _page_href(f, page - 1) if page > 1 else None,
        "results": [
            {"id": r["id"], "title": r["title"] or r["id"], "site": r["site"], "published": r["published"],
             "language": r["language"], "situation_id": r["situation_id"],
             "situation": situations.get(r["situation_id"] or ""), "href": f"/documents/{r['id']}",
             "snippet": r["snippet"].replace(OPEN, "").replace(CLOSE, ""), "snippet_html": highlight_snippet(
                 r["snippet"])}
            for r in rows
        ],
        "facets": facets,
        "situation_titles": situations,
    }
