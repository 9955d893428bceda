"""The one-scan trigger prefilter (`any_trigger`) must never skip a sentence that one of the triggers matches.

It only tries word starts, which is safe because every trigger pattern opens with \\b and a word character; that
is checked here on the parsed patterns, and the prefilter is compared with the triggers one by one on fictional
sentences.
"""

from __future__ import annotations

import re
from re import _constants as C
from re import _parser as sre
from typing import Any

import pytest

from sitrep.annotate.events.factory import vocabulary

_WORD_CATEGORIES = {C.CATEGORY_WORD, C.CATEGORY_DIGIT}


def _word_char(c: int) -> bool:
    return re.fullmatch(r"\w", chr(c)) is not None


def _starts_word(items: list[Any]) -> bool:
    """Every match of `items` begins with a word character."""
    if not items:
        return False
    op, av = items[0]
    if op is C.LITERAL:
        return _word_char(av)
    if op is C.IN:
        return all(
            (kind is C.LITERAL and _word_char(value))
            or (kind is C.RANGE and all(_word_char(c) for c in range(value[0], value[1] + 1)))
            or (kind is C.CATEGORY and value in _WORD_CATEGORIES)
            for kind, value in av)
    if op is C.SUBPATTERN:
        return _starts_word(list(av[-1]) + items[1:])
    if op is C.BRANCH:
        return all(_starts_word(list(branch) + items[1:]) for branch in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, _, body = av
        return _starts_word(list(body)) and (low >= 1 or _starts_word(items[1:]))
    return False


def _opens_word(items: list[Any]) -> bool:
    """Every match of `items` begins at \\b with a word character: at the start of a word."""
    if not items:
        return False
    op, av = items[0]
    if op is C.AT and av is C.AT_BOUNDARY:
        return _starts_word(items[1:])
    if op is C.SUBPATTERN:
        return _opens_word(list(av[-1]) + items[1:])
    if op is C.BRANCH:
        return all(_opens_word(list(branch) + items[1:]) for branch in av[1])
    return False


def _opens(pattern: str) -> bool:
    return _opens_word(list(sre.parse(pattern, re.IGNORECASE)))


def test_every_trigger_opens_a_word() -> None:
    patterns = [p.pattern for kind in vocabulary().types for p in kind.triggers]
    assert patterns
    assert [p for p in patterns if not _opens(p)] == []


@pytest.mark.parametrize("pattern", [r"bomb", r"\bbomb|raid", r"\b-fire", r"(?:\bshell)?ing", r"\b\s+blast",
                                     r"\b[^a]x"])
def test_the_check_rejects_patterns_that_may_start_inside_a_word(pattern: str) -> None:
    assert not _opens(pattern)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bombs fell on the market of Tarvell at dawn.",
        "Witnesses in Orsk heard “explosions” near the port.",
        "A gang-rape was reported to the police in Velmora.",
        "(Airstrikes) hit the northern quarter of Dunmarrow overnight.",
        "Residents said security forces opened fire on the crowd.",
        "The ministry called the crackdown on the marchers lawful.",
        "Shelling resumed after a brief ceasefire violation on the border.",
        "—kidnapped aid workers were freed on Tuesday, officials in Brask said.",
    ],
)
def test_the_prefilter_finds_what_the_triggers_find(sentence: str) -> None:
    triggers = [p for kind in vocabulary().types for p in kind.triggers]
    first = min((m.start() for p in triggers if (m := p.search(sentence))), default=None)
    assert first is not None, sentence  # each sentence holds a trigger
    hit = vocabulary().any_trigger.search(sentence)
    assert hit is not None and hit.start() == first


def test_the_prefilter_skips_a_sentence_without_triggers() -> None:
    assert vocabulary().any_trigger.search("The harbour of Tarvell reopened to ferries on a calm morning.") is None
