"""Full-text search over documents (SQLite FTS5, migration 0002) with filters and facets.

The words of a query are matched as quoted FTS5 strings (all must occur; a trailing `*` keeps prefix search),
so no query can be an FTS5 syntax error. Snippets come back with control characters around the hits; the text is
escaped first and only then are those characters turned into <mark>, so article text never becomes markup.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

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


def search_context(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    where, args = _where(f)
    query = fts_query(f.q)
    if query:
        sql = (
            "SELECT d.id, d.title, d.site, d.published, d.language, d.situation_id,"
            f" snippet(documents_fts, 1, '{OPEN}', '{CLOSE}', ' … ', 24) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            f"{where.replace(' WHERE ', ' WHERE documents_fts MATCH ? AND ', 1)} ORDER BY rank LIMIT ?"
        )
        rows = conn.execute(sql, [query, *args, PAGE_SIZE]).fetchall()
    else:
        sql = ("SELECT d.id, d.title, d.site, d.published, d.language, d.situation_id, substr(d.text, 1, 200)"
               f" AS snippet FROM documents d {where} ORDER BY d.published DESC, d.id LIMIT ?")
        rows = conn.execute(sql, [*args, PAGE_SIZE]).fetchall()
    total = conn.execute(f"SELECT count(*) FROM documents d {where}", args).fetchone()[0]
    situations = {r["id"]: r["title"] for r in conn.execute("SELECT id, title FROM situations")}
    return {
        "filters": asdict(f),
        "query": query,
        "total": total,
        "results": [
            {"id": r["id"], "title": r["title"] or r["id"], "site": r["site"], "published": r["published"],
             "language": r["language"], "situation_id": r["situation_id"],
             "situation": situations.get(r["situation_id"] or ""), "href": f"/documents/{r['id']}",
             "snippet": r["snippet"].replace(OPEN, "").replace(CLOSE, ""), "snippet_html": highlight_snippet(
                 r["snippet"])}
            for r in rows
        ],
        "facets": _facets(conn, f),
        "situation_titles": situations,
    }
