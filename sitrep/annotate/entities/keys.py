"""Transliteration-insensitive keys for names.

Plain string similarity cannot tell "Dyuzharik" (a back-transliteration of Dujarric through Russian) from
"Dujardin" (another name): the first scores lower. A key is a consonant skeleton built after folding the
spellings that transliteration moves around:

    anyascii, lower case -> dzh/dj/zh/j -> j; a leading sht/shp -> st/sp; ch/sh/sch -> x; ph -> f;
    ck/c/q -> k (c before e/i -> s);
    kh/gh/th -> h/g/t; w -> v; x -> ks; y/i/e/a/o/u are vowels; doubled letters collapse; vowels drop except
    a leading one (kept as "a").

    Dujarric, Dujarrick, Duzharrik, Dyuzharik -> djrk      Dujardin -> djrdn
    Tokayev, Tokaev -> tkv                                  Tokarev -> tkrv
    Gherman, Gurman -> grmn                                 Guterres -> gtrs
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_FOLDS: tuple[tuple[str, str], ...] = (
    ("x", "ks"),
    ("tsch", "x"),
    ("sch", "x"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("tch", "x"),
    ("ch", "x"),
    ("sh", "x"),
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "h"),
    ("gh", "g"),
    ("th", "t"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
)
_VOWELS = set("aeiou")
_TOKEN = re.compile(r"[a-z]+")


def ascii_fold(text: str) -> str:
    """anyascii + lower case, apostrophes removed (O'Brien -> obrien)."""
    return re.sub(r"['’`ʼ]", "", anyascii(text)).lower()


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant skeleton of one word (see the module docstring)."""
    w = "".join(_TOKEN.findall(ascii_fold(word)))
    if not w:
        return ""
    w = re.sub(r"c(?=[eiy])", "s", w)
    w = re.sub(r"^sh(?=[tp])", "s", w)  # Russian renders German St-/Sp- as Sht-/Shp- (Shtefan, Shpigel)
    for old, new in _FOLDS:
        w = w.replace(old, new)
    w = w.replace("c", "k")
    # h after a consonant or at the end carries no sound of its own in transliterations.
    w = re.sub(r"(?<=[^aeiou])h|h$", "", w)
    w = re.sub(r"(.)\1+", r"\1", w)
    if not w:  # "H": nothing is left of a lone silent h
        return ""
    head = "a" if w[0] in _VOWELS else w[0]
    tail = "".join(ch for ch in w[1:] if ch not in _VOWELS)
    return re.sub(r"(.)\1+", r"\1", head + tail)


def name_tokens(name: str) -> list[str]:
    """Words of a name after folding; hyphenated parts are separate words (Kassym-Jomart -> kassym, jomart)."""
    return _TOKEN.findall(ascii_fold(name))


def name_key(name: str) -> str:
    """Key of a whole name: the skeletons of its words joined by spaces."""
    return " ".join(filter(None, (skeleton(t) for t in name_tokens(name))))


_LINKS = frozenset({"of", "the", "for", "on"})  # "Ministry of Health" is the "Health Ministry"


def word_order_key(name: str) -> str:
    """Key of a name whatever the order of its words ("Department of State", "State Department" -> dprtmnt
    stt): the skeletons of its words without linking words, sorted; '' for a name of fewer than two words."""
    skeletons = sorted(filter(None, (skeleton(t) for t in name_tokens(name) if t not in _LINKS)))
    return " ".join(skeletons) if len(skeletons) >= 2 else ""


def surname_key(name: str) -> str:
    """Key of a person's surname: the skeleton of the last word."""
    tokens = name_tokens(name)
    return skeleton(tokens[-1]) if tokens else ""


def first_key(name: str) -> str:
    """Key of a person's first name(s) (everything but the last word), '' when there is none."""
    tokens = name_tokens(name)
    return " ".join(skeleton(t) for t in tokens[:-1])


def skeleton_distance(a: str, b: str) -> int:
    """Levenshtein distance between two skeletons (small strings; plain dynamic programming)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
