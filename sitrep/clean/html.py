"""HTML pages: trafilatura for the main text and metadata, our own block extraction when it finds nothing.

trafilatura's XML body keeps the structure the plain text output flattens, so paragraphs, headings, list
items and table rows each become a paragraph of their own. The date comes from htmldate through trafilatura
with `extensive_search` off: the extensive search falls back to a copyright line ("© 2022" -> 2022-01-01)
and to any date in the running text, which is how event dates get mistaken for publication dates. A labelled
date line in the visible page ("Published on 12 Jun 2019") is used when the metadata has none.
"""

from __future__ import annotations

import logging
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from sitrep.clean.boilerplate import remove_boilerplate
from sitrep.clean.dates import is_bare_year, labelled_date
from sitrep.clean.plain import Extracted, normalise
from sitrep.models import RawDoc

log = logging.getLogger(__name__)

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Elements whose text is never article text, removed before our own fallback extraction.
_NOISE = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe",
          "button", "select", "head")
_MAX_LINK_DENSITY = 0.5
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt",
           "figcaption", "caption", "div", "section", "article", "main", "address"}


def extract_html(text: str, raw: RawDoc) -> Extracted:
    """Main text (paragraphs of lines), title, site, url and printed date of one HTML page."""
    document: Any = None
    try:
        document = trafilatura.bare_extraction(
            text, url=raw.url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as e:  # a third-party parser must not stop the batch: fall back below
        log.warning("%s: trafilatura failed (%s: %s); using the fallback extractor", raw.source, type(e).__name__, e)
    paragraphs = _body_paragraphs(document.body) if document is not None and document.body is not None else []
    tree = _parse(text)
    if not paragraphs:
        log.info("%s: trafilatura found no main text; using the fallback extractor", raw.source)
        paragraphs = fallback_paragraphs(tree) if tree is not None else []
    title = sitename = url = published = None
    if document is not None:
        title, sitename, url, published = document.title, document.sitename, document.url, document.date
    visible = _visible_text(tree) if tree is not None else ""
    if published and is_bare_year(published, visible):
        log.info("%s: dropping date %s: only a year is printed", raw.source, published)
        published = None
    if published and published[:4] not in text:
        # "March 4" without a year: the date parser supplied a year the page never prints
        log.info("%s: dropping date %s: its year is nowhere on the page", raw.source, published)
        published = None
    if not published:
        published = _labelled(visible)
    return Extracted(paragraphs=paragraphs, title=title, site=sitename, url=url, published=published)


def _parse(text: str) -> Any:
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as e:
        log.info("lxml could not parse the page: %s", e)
        return None


def _text(element: Any) -> str:
    """Text of an element with <lb/> (trafilatura's line break) kept as a newline."""
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_text(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def _lines(text: str) -> list[str]:
    return [line for line in normalise(text).split("\n") if line]


def _body_paragraphs(body: Any) -> list[list[str]]:
    """trafilatura's XML body as paragraphs: one per block, list items and table rows one per line."""
    out: list[list[str]] = []
    for child in body:
        tag = child.tag
        if tag == "list":
            items = [" ".join(_lines(_text(item))) for item in child.findall("item")]
            out.extend([["• " + item] for item in items if item])
        elif tag == "table":
            for row in child.iter("row"):
                cells = [" ".join(_lines(_text(cell))) for cell in row]
                line = " ".join(cell for cell in cells if cell)
                if line:
                    out.append([line])
        elif tag == "graphic":
            continue
        elif tag in ("quote", "div") and any(grand.tag in ("p", "list", "head") for grand in child):
            out.extend(_body_paragraphs(child))
        else:
            lines = _lines(_text(child))
            if lines:
                out.append(lines)
    return out


def _visible_text(tree: Any) -> str:
    body = tree.find("body")
    return normalise(" \n".join(body.itertext())) if body is not None else ""


def _labelled(visible: str) -> str | None:
    for line in visible.split("\n")[:400]:
        found = labelled_date(line)
        if found:
            return found
    return None


def fallback_paragraphs(tree: Any) -> list[list[str]]:
    """Blocks of the page outside navigation and scripts, filtered by the plain-text boilerplate classifier."""
    tree = _copy(tree)
    for element in list(tree.iter(*_NOISE)):
        if element.getparent() is not None:
            element.drop_tree()
    blocks: list[list[str]] = []
    body = tree.find("body")
    if body is None:
        return []
    for element in body.iter(*_BLOCKS):
        # Take a block's own text only: text of nested blocks is taken when the loop reaches them.
        own = [element.text or ""]
        linked = 0
        for child in element:
            if not isinstance(child.tag, str):  # comments and processing instructions: only their tail is text
                pass
            elif child.tag not in _BLOCKS:
                own.append(child.text_content())
                linked += sum(len(a.text_content()) for a in child.iter("a"))
            own.append(child.tail or "")
        text = " ".join(_lines("".join(own)))
        # Mostly link text is navigation (menus, tag clouds, related links): the one HTML cue plain text lacks.
        if text and linked <= _MAX_LINK_DENSITY * len(text):
            blocks.append([("• " if element.tag == "li" else "") + text])
    return remove_boilerplate(blocks)


def _copy(tree: Any) -> Any:
    return lxml.html.document_fromstring(etree.tostring(tree))
