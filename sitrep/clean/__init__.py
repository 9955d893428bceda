"""Clean: RawDoc -> Article, the main text of one document without boilerplate, with its metadata.

    1. decode      BOM, valid UTF-8, declared charset (container, <meta>), damaged UTF-8, cp1251 / cp1252 guess
    2. extract     HTML: trafilatura main text + title/site/url (own block extraction when it finds nothing)
                   text/Markdown: line-level boilerplate classifier (boilerplate.py + boilerplate.txt)
    3. date        the container's date (JSONL field, feed item), else a date the page prints (htmldate
                   without the copyright-year fallback; labelled / dateline dates in plain text)
    4. language    the container's, else py3langid on the clean text
    5. text        Unicode NFC, normalised white space, blank-line separated paragraphs; `paragraphs` are
                   computed from the final text by sitrep.text.split_paragraphs, so offsets always agree

Raises DecodeError, BinaryInput or NoContent (all InputError) for a document that cannot be used.
"""

from __future__ import annotations

import logging
from itertools import islice
from urllib.parse import urlsplit

import py3langid

from sitrep.clean.dates import iso_day
from sitrep.clean.decode import decode
from sitrep.clean.html import extract_html
from sitrep.clean.plain import Extracted, extract_plain, join, normalise
from sitrep.errors import NoContent
from sitrep.models import Article, RawDoc
from sitrep.text import split_paragraphs

__all__ = ["clean", "detect_language"]

log = logging.getLogger(__name__)

_LANGUAGE_SAMPLE = 5000  # characters; more does not change the answer and costs time on long pages
_MIN_LANGUAGE_LETTERS = 20


def clean(raw: RawDoc) -> Article:
    """The clean article of one raw document."""
    text, encoding = decode(raw)
    log.debug("%s: decoded as %s", raw.source, encoding)
    extracted: Extracted = (
        extract_html(text, raw) if raw.kind == "html" else extract_plain(text, markdown=_is_markdown(raw))
    )
    body = normalise(join(extracted.paragraphs))
    if not any(ch.isalpha() for ch in body):
        raise NoContent(raw.source, "no text left after removing boilerplate")
    url = raw.url or extracted.url
    title = _title(raw.title) or _title(extracted.title)
    return Article(
        doc_id=raw.doc_id,
        source=raw.source,
        text=body,
        paragraphs=split_paragraphs(body),
        title=title,
        site=_host(url) or _title(extracted.site),
        url=url,
        published=iso_day(raw.published) or extracted.published,
        language=_language_code(raw.language) or detect_language(body),
    )


def _is_markdown(raw: RawDoc) -> bool:
    path = raw.source.split("#", 1)[0].lower()
    return path.endswith((".md", ".markdown", ".md.gz"))


def _title(value: str | None) -> str | None:
    value = normalise(value) if value else None
    return " ".join(value.split()) if value else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _language_code(value: str | None) -> str | None:
    """'en-US' -> 'en': the primary subtag, as py3langid reports it."""
    if not value or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None when there is too little text to tell."""
    sample = text[:_LANGUAGE_SAMPLE]
    letters = (ch for ch in sample if ch.isalpha())
    if next(islice(letters, _MIN_LANGUAGE_LETTERS - 1, None), None) is None:  # fewer letters (stops at enough)
        return None
    language, _score = py3langid.classify(sample)
    return str(language)
