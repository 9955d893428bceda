"""Paragraph and sentence splitting with character offsets into the clean text.

Rule-based on purpose: it is cheap, runs on every sentence of every page, and never merges paragraphs
(spaCy runs entities across blank lines, so each extractor works sentence by sentence from here).
"""

from __future__ import annotations

import re

from sitrep.models import Paragraph, Sentence

_PARA_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[•\-\*·▪●]\s)")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and white space before an
# upper-case letter, a digit or an opening quote. Abbreviations below never end a sentence.
_SENT_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9])""")
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "e.g",
    "i.e", "inc", "ltd", "co", "corp", "gov", "sen", "rep", "rev", "mt", "ft", "approx", "dept", "est",
}


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs are separated by blank lines (and bullets); offsets exclude surrounding white space."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for match in [*_PARA_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            paragraphs.append(Paragraph(start, start + len(stripped)))
        pos = match.end() if match else len(text)
    return tuple(paragraphs)


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREV or (len(token) == 1 and token.isalpha())


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...] | None = None) -> tuple[Sentence, ...]:
    """Sentences within each paragraph; a single newline inside a paragraph also ends a sentence."""
    paragraphs = paragraphs if paragraphs is not None else split_paragraphs(text)
    sentences: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        for line in re.finditer(r"[^\n]+", text[para.start : para.end]):
            base = para.start + line.start()
            chunk = line.group(0)
            cut = 0
            for match in _SENT_END.finditer(chunk):
                if chunk[match.start()] == "." and _is_abbreviation(chunk, match.start()):
                    continue
                _add(sentences, text, base + cut, base + match.end(), index)
                cut = match.end()
            _add(sentences, text, base + cut, base + len(chunk), index)
    return tuple(sentences)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))

