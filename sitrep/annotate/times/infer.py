"""Infers the date of an article that prints none, from the dates and weekdays its text mentions.

Mechanism (most specific consistent evidence wins):

1. Evidence. Calendar dates with a year ("6 January 2022"), calendar dates without one ("January 6"), and weekday
   cues ("on Thursday"). Dates in sentences about the future ("will last until 19 January", "scheduled for") are
   left out: they are not lower bounds of the writing date.
2. Weekday-date links fix the year. A weekday named next to a calendar date ("Sunday, January 2") or both in an
   onset phrase ("the protests began on Sunday" ... "began on January 2", "since Sunday") name one day, so only
   years in which that day has that weekday are possible ("Sunday" + "January 2" -> 2022).
3. The latest dated day mentioned is a lower bound L of the article date (news reports what already happened).
4. The article date is the first day >= L that is the lede's weekday cue (the first "on Thursday" of the text) or
   the day after it (news convention: the cue names the article's "today" or the day before); L without a cue.
5. Without any year in the text, candidate years are the last 30 up to `not_after` (default: today); the one that
   violates the fewest links, then has the lede weekday itself closest after L, then is the most recent, is
   chosen. With no link and no weekday cue the year is unknowable and the result is None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.annotate.times import parser
from sitrep.annotate.times.factory import vocabulary
from sitrep.annotate.times.resolve import _month
from sitrep.models import Sentence

_FUTURE_BEFORE = re.compile(r"\b(?:until|till|through|by|before|to)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_ONSET_BEFORE = re.compile(r"\b(?:since|began|begun|started|erupted|broke\s+out|beginning|starting)\s+(?:on\s+)?$",
                           re.IGNORECASE)
_LINK_WINDOW = 25
_YEARS_BACK = 30


@dataclass(frozen=True)
class _Evidence:
    full: list[dt.date]
    partial: list[tuple[int, int]]
    weekdays: list[int]  # in text order; the first is the lede cue
    links: list[tuple[int, int, int]]  # (month, day, weekday) naming the same day


def _collect(text: str, sentences: tuple[Sentence, ...]) -> _Evidence:
    v = vocabulary()
    full: list[dt.date] = []
    partial: list[tuple[int, int]] = []
    weekdays: list[int] = []
    links: list[tuple[int, int, int]] = []
    onset_days: set[tuple[int, int]] = set()
    onset_weekdays: set[int] = set()
    spans = sentences or (Sentence(0, len(text), text, 0),)
    for sentence in spans:
        if v.future_cue.search(sentence.text):
            continue
        cands = parser.find(sentence.text, 0)
        days: list[tuple[int, int, int, int]] = []  # (start, end, month, day)
        names: list[tuple[int, int, int]] = []  # (start, end, weekday)
        for c in cands:
            before = sentence.text[max(0, c.start - 25) : c.start]
            if c.kind in {"dmy", "mdy"} and not _FUTURE_BEFORE.search(before):
                month, day = _month(c.groups["m"]), int(re.sub(r"\D", "", c.groups["d"] or "0"))
                if c.groups.get("y"):
                    try:
                        full.append(dt.date(int(c.groups["y"] or 0), month, day))
                    except ValueError:
                        continue
                partial.append((month, day))
                days.append((c.start, c.end, month, day))
                if _ONSET_BEFORE.search(before):
                    onset_days.add((month, day))
            elif c.kind == "weekday" and not c.get("rel"):
                weekday = v.weekdays[c.get("wd") or ""]
                weekdays.append(weekday)
                names.append((c.start, c.end, weekday))
                if _ONSET_BEFORE.search(before):
                    onset_weekdays.add(weekday)
        for ds, de, month, day in days:
            for ns, ne, weekday in names:
                if ns - de <= _LINK_WINDOW and ds - ne <= _LINK_WINDOW:
                    links.append((month, day, weekday))
    if len(onset_days) == 1 and len(onset_weekdays) == 1:
        (month, day), weekday = next(iter(onset_days)), next(iter(onset_weekdays))
        links.append((month, day, weekday))
    return _Evidence(full, partial, weekdays, links)


def _first_on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The first day >= `day` that is the cue weekday or the day after it ("said on Tuesday" in Wednesday's paper)."""
    return day + dt.timedelta(days=min((weekday - day.isoweekday()) % 7, (weekday + 1 - day.isoweekday()) % 7))


def _in_year(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_for_year(year: int, ev: _Evidence) -> dt.date | None:
    days = [d for m, dd in ev.partial if (d := _in_year(year, m, dd)) is not None]
    days += [d for d in ev.full if d.year == year]
    if not days:
        return None
    latest = max(days)
    return _first_on_or_after(latest, ev.weekdays[0]) if ev.weekdays else latest


def infer_article_date(
    text: str, sentences: tuple[Sentence, ...], not_after: dt.date | None = None
) -> str | None:
    """The inferred ISO date of an article that prints none, or None when the text does not fix one."""
    limit = not_after or dt.date.today()
    ev = _collect(text, sentences)
    if ev.full:
        year = max(ev.full).year
        found = _date_for_year(year, ev)
        return found.isoformat() if found and found <= limit else max(ev.full).isoformat()
    if not ev.partial or not (ev.weekdays or ev.links):
        return None
    best: tuple[int, int, int] | None = None
    chosen: dt.date | None = None
    for year in range(limit.year, limit.year - _YEARS_BACK, -1):
        found = _date_for_year(year, ev)
        if found is None or found > limit:
            continue
        broken = sum(1 for m, d, w in ev.links if (x := _in_year(year, m, d)) is None or x.isoweekday() != w)
        latest = max(d for m, dd in ev.partial if (d := _in_year(year, m, dd)) is not None)
        exact_gap = (ev.weekdays[0] - latest.isoweekday()) % 7 if ev.weekdays else 0
        score = (broken, exact_gap, limit.year - year)
        if best is None or score < best:
            best, chosen = score, found
    return chosen.isoformat() if chosen else None
