"""Repair of words glued or broken by PDF text extraction, for the figures of a sentence.

Reports turned from PDF into text lose spaces at line ends and keep the hyphens of broken words: "668,000
peoplewere evacuated", "at least140,000 people", "hadevacuated", "about 7,000 fami-lies". The extractor reads a
repaired copy of such a sentence; `origin` maps each character of the copy back to the article text, so that
figures keep the offsets of the text as written.

Only what the figures vocabulary knows is repaired, so that ordinary words are never cut:
- letters glued to a number: the letters are a known word ("least140,000", "Around1.6 million", "13years");
- two words glued: one of them is a measure or group word, the other a known word ("peoplewere",
  "weredisplaced", "displacedabout");
- capitals glued to a known lower-case word ("IDPcamps", "inIDP");
- a word broken by a hyphen whose halves are not words and whose join is known ("fami-lies").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.annotate.figures.items import Vocab

_HINT = re.compile(r"[a-z][\d]|\d[a-z]{3}|[a-z]-[a-z]|[a-z][A-Z]|[A-Z]{2}[a-z]{3}|[a-z]{9}")
_TOKEN = re.compile(r"[A-Za-z]+(?:-[a-z]+)?|\d[\d,.]*")
_STEM = re.compile(r"[a-z]+")
_GLUED_NUMBER = re.compile(r"([A-Za-z]{3,})(?=\d)")  # not codes such as "A4"
_CAPS = re.compile(r"([a-z]*)([A-Z]{2,})([a-z]{3,})?")
_NUMBER_THEN_WORD = re.compile(r"(?<=\d)([a-z]{3,})\b")


@dataclass(frozen=True)
class Words:
    """The words the repair may split at or join to: `content` (measure and group words) and `known` (those and
    the hedge, auxiliary and number words)."""

    content: frozenset[str]
    known: frozenset[str]
    stems: tuple[str, ...]  # "evacuat" of "evacuat*": any word it begins

    def has(self, word: str) -> bool:
        return word in self.known or word.startswith(self.stems)  # a tuple: one call, not one per stem

    def is_content(self, word: str) -> bool:
        return word in self.content or word.startswith(self.stems)


def words_of(vocab: Vocab) -> Words:
    content = {w for phrase in [*vocab.cues, *vocab.groups] for w in _STEM.findall(phrase) if len(w) > 2}
    stems = tuple(phrase.rstrip("*").split()[-1] for phrase in vocab.cues if phrase.endswith("*"))
    known = content | vocab.aux | {w for p in [*vocab.hedges, *vocab.numbers, *vocab.scales] for w in p.split()}
    return Words(frozenset(content), frozenset(known), stems)


def _split(token: str, words: Words) -> int | None:
    """Where a glued lower-case token splits into two known words, one a content word."""
    if words.has(token):
        return None
    for at in range(2, len(token) - 1):
        left, right = token[:at], token[at:]
        if left in words.known and right in words.known and (words.is_content(left) or words.is_content(right)):
            return at
        if left in words.known and words.is_content(right) and words.has(right):
            return at
    return None


def repair(text: str, words: Words) -> tuple[str, list[int]] | None:
    """(repaired text, origin of each of its characters in `text`), or None when there is nothing to repair."""
    if not _HINT.search(text):
        return None
    inserts: dict[int, str] = {}  # position in text -> what goes before it ("" drops the character there)
    for match in _TOKEN.finditer(text):
        token, start = match.group(0), match.start()
        glued_number = _GLUED_NUMBER.match(text, start)  # compiled, and matched in place: this runs per token
        if glued_number and glued_number.group(1).lower() in words.known:
            inserts[glued_number.end()] = " "
        if "-" in token:
            left, right = token.split("-", 1)
            if not words.has(left.lower()) and not words.has(right) and words.has((left + right).lower()):
                inserts[start + len(left)] = ""
            continue
        caps = _CAPS.fullmatch(token)
        if caps:
            if caps.group(1) and caps.group(1) in words.known:
                inserts[start + caps.end(1)] = " "
            if caps.group(3) and words.has(caps.group(3)):
                inserts[start + caps.end(2)] = " "
            continue
        if token.islower() and len(token) >= 5:
            at = _split(token, words)
            if at is not None:
                inserts[start + at] = " "
    for match in _NUMBER_THEN_WORD.finditer(text):
        if words.has(match.group(1)):
            inserts[match.start()] = " "
    if not inserts:
        return None
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if index in inserts:
            if inserts[index] == "":
                continue  # the hyphen of a broken word
            out.append(" ")
            origin.append(index)
        out.append(char)
        origin.append(index)
    origin.append(len(text))
    return "".join(out), origin
