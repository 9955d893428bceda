"""Plain text and Markdown pages: normalise, find the printed date, remove furniture, pick a title.

Text scraped from web pages keeps the page's furniture as lines of its own; the boilerplate classifier
(boilerplate.py) removes it line by line. Paragraphs are blank-line separated; a single newline inside a
paragraph is kept (bullet lists, addresses), since sitrep.text.split_paragraphs reads bullets as paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sitrep.clean.boilerplate import remove_boilerplate, strip_site_suffix
from sitrep.clean.dates import is_date_line, printed_date

# Zero-width and other invisible format characters that break word matching; soft hyphens too.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET_CHARS = re.compile(r"^[•·▪●◦‣∙]\s*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S))(.+?)\1")
_TITLE_MIN_WORDS = 5


@dataclass(frozen=True)
class Extracted:
    """What a format-specific extractor found: the main text as paragraphs of lines, plus metadata."""

    paragraphs: list[list[str]]
    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None


def normalise(text: str) -> str:
    """NFC, one kind of newline, no invisible characters, single spaces, trimmed lines, at most one blank line."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def paragraphs_of(text: str) -> list[list[str]]:
    """Blank-line separated paragraphs, each a list of its non-empty lines."""
    return [block.split("\n") for block in normalise(text).split("\n\n") if block.strip()]


def bullet(line: str) -> str:
    """One bullet style ("• ") for list items, whatever the source used."""
    return _BULLET_CHARS.sub("• ", line) if _BULLET_CHARS.match(line) else line


def demarkdown(text: str) -> str:
    """Markdown syntax out, words in: headings, images, links and emphasis markers."""
    out = []
    for line in text.split("\n"):
        line = _MD_HEADING.sub("", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        out.append(re.sub(r"^\s*[-*+]\s+", "• ", line))
    return "\n".join(out)


def extract_plain(text: str, *, markdown: bool = False) -> Extracted:
    """Main text of a plain-text page without its furniture, the printed date and a title."""
    heading = None
    if markdown:
        heading = next((line[2:].strip() for line in text.split("\n") if line.startswith("# ")), None)
        text = demarkdown(text)
    paragraphs = [[bullet(line) for line in para] for para in paragraphs_of(text)]
    published = printed_date([line for para in paragraphs for line in para])
    kept = remove_boilerplate(paragraphs)
    title = normalise(demarkdown(heading)) if heading else guess_title(kept)
    return Extracted(paragraphs=kept, title=title or None, published=published)


def guess_title(paragraphs: list[list[str]]) -> str | None:
    """The first title-like line before the text starts: a few words, not a sentence, not a date."""
    for para in paragraphs[:6]:
        for line in para:
            words = len(line.split())
            if words > 30 or (words >= 8 and line.rstrip().endswith((".", "!", "?"))):
                return None  # the text has started
            if words >= _TITLE_MIN_WORDS and not is_date_line(line) and not line.startswith("• "):
                return strip_site_suffix(line)
    return None


def join(paragraphs: list[list[str]]) -> str:
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)
