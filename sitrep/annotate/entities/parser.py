"""Text-level helpers of the entity extractor: trimming spans, titles around names, acronyms in parentheses."""

from __future__ import annotations

import re
import unicodedata

from sitrep.annotate.entities.factory import Vocabulary

_LEAD = re.compile(r"^(?:[\s•·▪●*\-–—\"'“”‘’«»(\[/]+|(?:the|The|THE)\s+)+")
_TRAIL = re.compile(r"(?:[\s,.;:!?\"'“”‘’«»)\]/(\[–—-]+|['’]s)+$")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z&.]*[A-Z]\.?)\s*\)")
_CONNECTORS = {"of", "and", "for", "the", "on", "in", "to", "de", "&"}
_WORD = re.compile(r"\S+")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of `text[start:end]` without a leading article, bullets, quotes, trailing punctuation or 's."""
    span = text[start:end]
    lead = _LEAD.match(span)
    if lead:
        start += lead.end()
        span = span[lead.end() :]
    tail = _TRAIL.search(span)
    if tail:
        end -= len(span) - tail.start()
    # keep a full stop that belongs to an abbreviation such as "N.V." or "Inc."
    abbreviation = re.search(r"(?:\b[A-Z]\.[A-Z]|\bInc|\bCo|\bLtd|\bCorp)$", text[start:end])
    if end < len(text) and text[end] == "." and abbreviation:
        end += 1
    return start, max(start, end)


def split_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at commas ("Natalia X, Special Representative" -> two pieces)."""
    pieces, pos = [], start
    for match in re.finditer(r",", text[start:end]):
        pieces.append((pos, start + match.start()))
        pos = start + match.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def words_with_offsets(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def strip_leading_title(text: str, start: int, end: int, vocab: Vocabulary) -> tuple[int, bool]:
    """Start after a leading title ("Special Representative Natalia X" -> "Natalia X"); True if one was cut."""
    words = words_with_offsets(text, start, end)
    n = vocab.title_at_start([w for w, _, _ in words])
    if 0 < n < len(words) and is_capitalised(words[n][0]):
        return words[n][1], True
    return start, False


def title_before(text: str, start: int, vocab: Vocabulary, window: int = 60) -> bool:
    """A title or role right before the span ("spokesman Stefan X", "Ms. X", "Secretary-General's Spokesperson, X")."""
    before = text[max(0, start - window) : start].rstrip(" ,")
    words = re.findall(r"[\w.'’-]+", before)
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return vocab.title_at_end(words) > 0


def title_after(text: str, end: int, vocab: Vocabulary, window: int = 60) -> bool:
    """A title or role right after a comma ("X, Special Representative of ...", "X, spokesman for ...")."""
    after = text[end : end + window]
    match = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)?([\w.' -]+)", after)
    if not match:
        return False
    words = match.group(1).split()
    return any(vocab.title_at_start(words[i:]) > 0 for i in range(min(3, len(words))))


def is_capitalised(word: str) -> bool:
    word = word.lstrip("\"'“‘(«")
    return bool(word[:1].isupper())


def is_latin(text: str) -> bool:
    """True unless a letter of the text is from a non-Latin script (Cyrillic pages go through another path)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def acronyms(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, letters) of every "(ABC)" inside text[start:end], offsets of the letters."""
    return [(start + m.start(1), start + m.end(1), m.group(1)) for m in _ACRONYM.finditer(text[start:end])]


def letters(acronym: str) -> str:
    return re.sub(r"[^A-Z]", "", acronym.upper())


def initials(name: str) -> str:
    """Initials of the significant words of a name ("Collective Security Treaty Organization" -> CSTO)."""
    return "".join(w[0].upper() for w in re.split(r"[\s-]+", name) if w and w.lower() not in _CONNECTORS)


def matches_acronym(name: str, acronym: str) -> bool:
    """The long form's initials spell the acronym (allowing a connector or one-letter slack at the end)."""
    want, got = letters(acronym), initials(name)
    if not want or not got:
        return False
    return got == want or (want[0] == got[0] and (got.startswith(want) or want.startswith(got)) and len(want) >= 2)


def long_form_before(text: str, paren: int, acronym: str, floor: int) -> tuple[int, int] | None:
    """The capitalised words before "(" that the acronym abbreviates, found by initials, or None."""
    words = words_with_offsets(text, floor, paren)
    want = letters(acronym)
    for first in range(len(words) - 1, -1, -1):
        word = words[first][0]
        if word.lower() in _CONNECTORS:
            continue
        if not is_capitalised(word):
            break
        start, end = words[first][1], words[-1][2]
        if initials(text[start:end]) == want:
            return start, end
    return None
