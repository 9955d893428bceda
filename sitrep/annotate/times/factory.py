"""Loads the time vocabulary (``vocab.json`` beside this file) once and compiles the patterns built from it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

VOCAB_PATH = Path(__file__).with_name("vocab.json")


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    time_units: frozenset[str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    present_ref: frozenset[str]
    past_ref: frozenset[str]
    future_ref: frozenset[str]
    sets: dict[str, str]
    future_cue: re.Pattern[str]


def _alternation(words: list[str] | dict[str, Any] | frozenset[str]) -> str:
    """A regex alternation, longest first so that "sept" wins over "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = json.loads(VOCAB_PATH.read_text(encoding="utf-8"))
    cues = _alternation(raw["future_cues"])
    return Vocabulary(
        months=raw["months"],
        weekdays=raw["weekdays"],
        numbers=raw["numbers"],
        vague_numbers=frozenset(raw["vague_numbers"]),
        ordinals=raw["ordinals"],
        units=raw["units"],
        time_units=frozenset(raw["time_units"]),
        parts_of_day=raw["parts_of_day"],
        seasons=raw["seasons"],
        present_ref=frozenset(raw["present_ref"]),
        past_ref=frozenset(raw["past_ref"]),
        future_ref=frozenset(raw["future_ref"]),
        sets=raw["sets"],
        future_cue=re.compile(rf"(?<![\w'])(?:{cues})(?!\w)|\bnext\b", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def word_classes() -> dict[str, re.Pattern[str]]:
    """The words the patterns of `patterns` are built around, by class. Month names are matched as the patterns
    match them (capitalised, anywhere); the other words case-insensitively at the start of a word."""
    v = vocabulary()

    def words(*items: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{_alternation(list(items))})", re.IGNORECASE)

    return {
        "digit": re.compile(r"\d"),
        "month": re.compile("|".join(f"{m[0].upper()}{m[1:]}|{m.upper()}" for m in v.months)),
        "weekday": words(*v.weekdays),
        "deictic": words("today", "tonight", "yesterday", "tomorrow"),
        "part_of_day": words(*v.parts_of_day),
        "season": words(*v.seasons, "season"),  # "every season" (the set kind)
        "quarter": words("quarter"),
        "unit": words("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur"),
        "noon": words("noon", "midday", "midnight"),
        "ref": words(*v.present_ref, *v.past_ref, *v.future_ref),
        "set": words(*v.sets),
    }


# Which word classes each pattern kind needs one of (read off the specs in `patterns`): a pattern cannot match a
# sentence without any, so `parser.find` does not run it there (most sentences hold no time word at all).
NEEDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("iso", "decade", "century", "year", "clock", "clock24"), frozenset({"digit"})),
    **dict.fromkeys(("dmy", "mdy", "my"), frozenset({"month"})),
    **dict.fromkeys(("ago", "relunit", "duration", "plural"), frozenset({"unit"})),
    "weekday": frozenset({"weekday"}),
    "deictic": frozenset({"deictic"}),
    "podrel": frozenset({"part_of_day"}),
    "season": frozenset({"season"}),
    "quarter": frozenset({"quarter"}),
    "noon": frozenset({"noon"}),
    "ref": frozenset({"ref"}),
    "set": frozenset({"set", "unit", "part_of_day", "season", "weekday"}),
}


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, compiled pattern) in priority order; the parser keeps the longest match at each position."""
    v = vocabulary()
    month = "(?:" + "|".join(
        f"{m[0].upper()}{m[1:]}|{m.upper()}" for m in sorted(v.months, key=len, reverse=True)
    ) + r")(?:\.(?!\w))?"
    weekday = "(?:" + "|".join(f"{d[0].upper()}{d[1:]}|{d}" for d in v.weekdays) + ")"
    pod = _alternation(v.parts_of_day)
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    number = rf"(?:\d+(?:\.\d+)?|{_alternation(v.numbers)}|(?:{tens})-\w+)"
    vague = _alternation(v.vague_numbers)
    unit = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))"
    day = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
    year = r"(?:1[5-9]\d\d|20\d\d)"
    mod = r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)"
    approx = r"(?:(?:more\s+than|less\s+than|fewer\s+than|about|nearly|almost|over|under|at\s+least|some|roughly" \
             r"|around|approximately|a\s+mere|just|only|up\s+to)\s+)"
    specs: list[tuple[str, str]] = [
        ("iso", rf"\b(?P<y>{year})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b"),
        ("dmy", rf"\b(?P<d>{day})(?:\s*(?:and|&|-|–|to)\s*(?P<d2>{day}))?\s+(?:of\s+)?(?P<m>{month})"
                rf"(?:,?\s+(?P<y>{year}))?\b"),
        ("mdy", rf"\b{mod}?(?P<m>{month})\s+(?P<d>{day})(?!\d|,\d|:\d|\s*(?:%|percent))(?:\s*(?:-|–|and|to)\s*"
                rf"(?P<d2>{day})(?!\d))?(?:,?\s+(?P<y>{year}))?\b"),
        ("my", rf"\b{mod}?(?P<rel>last|next|this|past\s+)?\s*(?P<m>{month})(?:,?\s+(?:of\s+)?(?P<y>{year}))?\b"),
        ("decade", rf"\b(?:the\s+)?{mod}?(?P<y>(?:1[5-9]|20)\d)0'?s\b"),
        ("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury\b"),
        ("year", rf"\b{mod}?(?:(?:fiscal|calendar|the\s+year|fiscal\s+year|FY)\s*)?(?P<y>{year})"
                 r"(?![\d,.]\d|\s*(?:%|percent|people|persons|troops|km|kilometers|miles|feet|meters|tons|units|"
                 r"votes|dollars|\$))\b"),
        ("weekday", rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{weekday})(?:'s)?"
                    rf"(?:\s+(?P<pod>{pod}))?\b"),
        ("deictic", rf"\b(?:(?:late|early)\s+)?(?P<deic>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{pod}))?\b"),
        ("podrel", rf"\b(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>{pod})\b"),
        ("season", rf"\b(?:(?P<rel>last|this|next|past|coming)\s+)?{mod}?(?P<season>{_alternation(v.seasons)})"
                   rf"(?:\s+(?:of\s+)?(?P<y>{year}))?\b"),
        ("quarter", r"\b(?:the\s+)?(?:(?P<rel>latest|last|previous|current|past|this|next|year-earlier|year-ago)\s+)?"
                    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?quarter\b"),
        ("ago", rf"\b{approx}?(?P<n>{number}|{vague})[\s-]+(?P<u>{unit})s?\s+(?P<dir>ago|earlier|before|later|"
                r"from\s+now|hence)\b"),
        ("relunit", r"\b(?:(?:earlier|later)\s+)?(?P<rel>this|last|next|past|previous|coming|current|the\s+past|"
                    r"the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+current|that|the\s+same)\s+"
                    r"(?P<u>week|month|year|decade|century|weekend|fiscal\s+year)\b"),
        ("duration", rf"\b(?:(?:the|a|for|over|within|in)\s+)?(?:(?:past|last|next|first|coming|previous|final|"
                     rf"following|recent)\s+)?{approx}?(?P<n>{number}|{vague})[\s-]+(?:and\s+a\s+half\s+)?"
                     rf"(?P<u>{unit})s?(?!-old)\b"),
        ("plural", rf"\b(?:(?:the\s+)?(?P<rel>recent|past|last|coming|next|following)\s+)?(?P<u>{unit})s\b"
                   r"(?!\s+(?:ago|earlier|later))"),
        ("clock", r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\.?|[AP]\.?M\.?)"
                  r"(?:\s+(?:GMT|UTC|EST|EDT|local\s+time))?(?!\w)"),
        ("clock24", r"(?<![\d:])\b(?P<h>[01]\d|2[0-3]|\d):(?P<mi>[0-5]\d)(?!:\d|\d)"
                    r"(?:\s+(?:GMT|UTC|hours|local\s+time))?"),
        ("noon", r"\b(?P<w>noon|midday|midnight)\b"),
        ("ref", rf"\b(?P<w>{_alternation(v.present_ref | v.past_ref | v.future_ref)})\b"),
        ("set", rf"\b(?:(?P<w>{_alternation(v.sets)})|(?:every|each|per)\s+(?P<n>{number}\s+)?"
                rf"(?P<u>{unit}|morning|night|evening|season|{weekday})s?)\b"),
    ]
    compiled = []
    for kind, spec in specs:
        flags = re.IGNORECASE if kind not in {"dmy", "mdy", "my", "weekday"} else 0
        compiled.append((kind, re.compile(spec, flags)))
    return tuple(compiled)
