"""A line-level boilerplate classifier for plain text, where HTML cues (link density, tags) are gone.

Each line is first labelled on its own:
    BAD      site furniture: vocabulary from boilerplate.txt, a line in another script than the document,
             a printed-date line (the date goes to `published`), a repeat of an earlier line, no letters at
             all, or a bullet list of "Name - description" menu/tool items
    GOOD     a sentence: enough words and sentence punctuation, or simply long
    NEUTRAL  short lines without sentence punctuation: headings, captions, titles - or menu entries
Then context decides what the short lines are, the way jusText does for HTML blocks:
    * three or more very short NEUTRAL lines in a row are a menu (BAD)
    * the article ends where a running score (+words of GOOD lines, -words of BAD lines) peaks; what follows
      is the trailing block ("Similar Posts", site footers, help widgets, tool lists, a stray site blurb)
    * NEUTRAL lines after the last GOOD line are dropped; those before the first GOOD line are kept when they
      have a few words (title, dateline, caption) and dropped otherwise
    * NEUTRAL lines between GOOD lines are section headings and captions, and stay
Nothing here names a particular site or page; what one site prints goes to the vocabulary file.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path

from sitrep.clean.dates import is_date_line

log = logging.getLogger(__name__)

VOCABULARY = Path(__file__).with_name("boilerplate.txt")


class Label(Enum):
    GOOD = "good"
    NEUTRAL = "neutral"
    BAD = "bad"


# Tuning constants (chosen on fictional pages and general web conventions, not on one page):
_SENTENCE_WORDS = 8  # a line this long that ends like a sentence is text
_LONG_WORDS = 20  # a line this long is text even without final punctuation (run-on machine translation)
_SHORT_WORDS = 14  # [short] vocabulary applies up to this many words
_MENU_WORDS = 6  # lines this short, three in a row, are a menu
_HEADER_MIN_WORDS = 2  # a short line before the article needs this many words to stay (title, caption)
_FOREIGN_SHARE = 0.5
_BULLET = re.compile(r"^\s*[•\-\*·▪●◦‣]\s+")
_SENTENCE_END = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
_MENU_ITEM = re.compile(r"^[\w&'’.+]+(?: [\w&'’.+]+){0,4}\s+[-–—]\s+\S")
_PIPE_SUFFIX = re.compile(r"\s*\|\s*(?:[^|]{1,40})?$")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass
class _Line:
    text: str
    paragraph: int
    words: int
    label: Label = Label.NEUTRAL
    why: str = ""


@dataclass(frozen=True)
class Vocabulary:
    line: re.Pattern[str]
    short: re.Pattern[str]
    any: re.Pattern[str]


@cache
def vocabulary(path: Path = VOCABULARY) -> Vocabulary:
    """The furniture patterns of the data file, one alternation per section."""
    sections: dict[str, list[str]] = {"line": [], "short": [], "any": []}
    current = None
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        entry = raw_line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("[") and entry.endswith("]"):
            current = entry[1:-1]
            continue
        if current not in sections:
            raise ValueError(f"{path}: pattern {entry!r} outside a [line]/[short]/[any] section")
        sections[current].append(f"(?:{entry})")
    never = r"(?!x)x"
    return Vocabulary(
        line=re.compile(r"^(?:" + ("|".join(sections["line"]) or never) + r")$", re.IGNORECASE),
        short=re.compile("|".join(sections["short"]) or never, re.IGNORECASE),
        any=re.compile("|".join(sections["any"]) or never, re.IGNORECASE),
    )


@lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The writing system of a letter (LATIN, CYRILLIC, ...); Han and kana count as one (CJK)."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0] if name else "OTHER"
    return "CJK" if script in ("CJK", "HIRAGANA", "KATAKANA") else script


def _script_counts(text: str) -> Counter[str]:
    """Letters per script, in the order each script first occurs (counted per distinct character, in C)."""
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():
        script = script_of(char)
        if script:
            counts[script] += n
    return counts


def main_script(text: str) -> str | None:
    counts = _script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def _foreign(text: str, script: str | None) -> bool:
    counts = _script_counts(text)
    total = sum(counts.values())
    if script is None or total < 3:
        return False
    return counts[script] < _FOREIGN_SHARE * total


def dedup_key(text: str) -> str:
    """Lines that differ only in case, punctuation or a trailing "| Site name" are the same line."""
    return _NON_WORD.sub(" ", _PIPE_SUFFIX.sub("", text)).strip().lower()


def strip_site_suffix(text: str) -> str:
    """'Headline | Site' -> 'Headline' for short title-like lines; a trailing lone '|' always goes."""
    text = re.sub(r"\s*\|\s*$", "", text)
    if not _SENTENCE_END.search(text) and len(text.split()) <= 30:
        head, sep, tail = text.rpartition(" | ")
        if sep and head and len(tail.split()) <= 4:
            return head.strip()
    return text


def _label(line: _Line, script: str | None, vocab: Vocabulary, seen: set[str]) -> None:
    text = line.text.strip()
    bare = _BULLET.sub("", text).strip(" \t.:;,!?|-–—·•*()[]\"'“”«»")
    key = dedup_key(text)
    if not any(ch.isalnum() for ch in text):
        line.label, line.why = Label.BAD, "no letters"
    elif key and key in seen:
        line.label, line.why = Label.BAD, "repeat"
    elif _foreign(text, script):
        line.label, line.why = Label.BAD, "other script"
    elif vocab.line.match(bare) or vocab.any.search(text) or (line.words <= _SHORT_WORDS and vocab.short.search(text)):
        line.label, line.why = Label.BAD, "vocabulary"
    elif is_date_line(text):
        line.label, line.why = Label.BAD, "date line"
    elif _BULLET.match(text):
        line.label = Label.GOOD if line.words >= 5 else Label.NEUTRAL
    elif (line.words >= _SENTENCE_WORDS and _SENTENCE_END.search(text)) or line.words >= _LONG_WORDS:
        line.label = Label.GOOD
    else:
        line.label = Label.NEUTRAL
    if key:
        seen.add(key)


def _menu_lists(lines: list[_Line]) -> None:
    """A bullet list whose items are mostly "Name - what it is" is a menu of tools or links, not text."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _BULLET.match(lines[end].text):
            end += 1
        items = lines[start:end]
        if len(items) >= 2:
            menu = sum(1 for item in items if _MENU_ITEM.match(_BULLET.sub("", item.text)))
            if menu >= 0.6 * len(items):
                for item in items:
                    item.label, item.why = Label.BAD, "menu list"
        start = max(end, start + 1)


def _menus(lines: list[_Line]) -> None:
    """Three or more very short unlabelled lines in a row: navigation, not headings."""
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.label is Label.NEUTRAL and line.words <= _MENU_WORDS:
            run.append(line)
            continue
        if len(run) >= 3:
            for item in run:
                item.label, item.why = Label.BAD, "menu"
        run = []


def _tail(lines: list[_Line]) -> None:
    """Cut the trailing block: the article ends where the running score of what it keeps is highest.

    GOOD lines add their words, BAD lines subtract theirs, NEUTRAL lines (headings) cost one; repeats cost
    nothing (they are copies of text, not furniture). A share widget in the middle costs a little and the
    text after it wins it back; a footer of menus, widgets and one blurb never does.
    """
    goods = [i for i, line in enumerate(lines) if line.label is Label.GOOD]
    if not goods:
        return
    score = best = 0
    cut = len(lines)
    for i in range(goods[0], len(lines)):
        line = lines[i]
        if line.label is Label.GOOD:
            score += line.words
        elif line.label is Label.BAD and line.why != "repeat":
            score -= max(line.words, 2)
        elif line.label is Label.NEUTRAL:
            score -= 1
        if score > best:
            best, cut = score, i + 1
    for line in lines[cut:]:
        if line.label is not Label.BAD:
            line.label, line.why = Label.BAD, "trailing block"


def _edges(lines: list[_Line]) -> None:
    goods = [i for i, line in enumerate(lines) if line.label is Label.GOOD]
    if not goods:
        return
    for line in lines[goods[-1] + 1 :]:
        if line.label is Label.NEUTRAL:
            line.label, line.why = Label.BAD, "after the text"
    for line in lines[: goods[0]]:
        if line.label is Label.NEUTRAL:
            line.label = Label.GOOD if line.words >= _HEADER_MIN_WORDS else Label.BAD


def classify(paragraphs: list[list[str]], script: str | None = None) -> list[list[tuple[str, Label, str]]]:
    """Label every line of every paragraph: (line, label, why). Paragraphs are lists of lines."""
    vocab = vocabulary()
    if script is None:
        script = main_script("\n".join("\n".join(p) for p in paragraphs))
    lines = [_Line(text, index, len(text.split())) for index, para in enumerate(paragraphs) for text in para]
    seen: set[str] = set()
    for line in lines:
        _label(line, script, vocab, seen)
    _menu_lists(lines)
    _menus(lines)
    _tail(lines)
    _edges(lines)
    out: list[list[tuple[str, Label, str]]] = [[] for _ in paragraphs]
    for line in lines:
        out[line.paragraph].append((line.text, line.label, line.why))
    return out


def remove_boilerplate(paragraphs: list[list[str]]) -> list[list[str]]:
    """The paragraphs with furniture lines removed (empty paragraphs dropped); lines keep their order."""
    kept: list[list[str]] = []
    for para in classify(paragraphs):
        lines = [strip_site_suffix(text) for text, label, _ in para if label is not Label.BAD]
        for text, label, why in para:
            if label is Label.BAD:
                log.debug("boilerplate (%s): %.80s", why, text)
        if lines:
            kept.append(lines)
    return kept
