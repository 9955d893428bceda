"""Normalizes one candidate to a TIMEX3-style value against an anchor (the article date).

Conventions (news, past-tense default):
- a weekday ("on Thursday") is the most recent such day on or before the anchor; when the sentence carries a
  future cue ("will", "is expected to", "next") it is the first such day on or after the anchor;
- a month or day-and-month without a year is the most recent one on or before the anchor (next one with a future cue),
  except a day and month at most two weeks after the anchor, which is that coming day;
- without an anchor, deictic expressions ("yesterday", "last week") are skipped and calendar expressions without a
  year keep TIMEX3 placeholders: "XXXX-01-06", "XXXX-WXX-4" (Thursday).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.annotate.times.factory import vocabulary
from sitrep.annotate.times.items import Candidate
from sitrep.models import DatePrecision

Type = str  # DATE | TIME | DURATION | SET
DAYS_AHEAD = 14  # a day and month at most this far after the article date is that coming day


@dataclass(frozen=True)
class Resolved:
    type: Type
    value: str
    precision: DatePrecision | None
    end_value: str | None = None


def number(word: str | None) -> int | None:
    """An integer from digits or number words ("twenty-five"); None for vague words ("several")."""
    if not word:
        return None
    word = re.sub(r"\s+", " ", word.strip().lower())
    if re.fullmatch(r"\d+", word):
        return int(word)
    if re.fullmatch(r"\d+\.\d+", word):
        return None
    numbers = vocabulary().numbers
    if word in numbers:
        return numbers[word]
    if "-" in word:
        parts = word.split("-")
        if all(p in numbers for p in parts):
            return sum(numbers[p] for p in parts)
    return None


def _day(text: str | None) -> int:
    return int(re.sub(r"\D", "", text or "0") or 0)


def _month(text: str | None) -> int:
    return vocabulary().months[(text or "").lower().rstrip(".")]


def iso(day: dt.date) -> str:
    return day.isoformat()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def weekday_date(anchor: dt.date, weekday: int, future: bool) -> dt.date:
    """The most recent `weekday` (1=Monday) on/before the anchor, or the first one on/after it when `future`."""
    delta = (anchor.isoweekday() - weekday) % 7
    if future:
        return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor - dt.timedelta(days=delta)


def _year_for(anchor: dt.date, month: int, day: int | None, future: bool) -> int:
    """The year of a month (and day) given without one: the latest on/before the anchor, or the next with `future`;
    a day a few weeks ahead is that day, not the same day a year ago ("not lifted before 15 March", said on 8 March)."""
    probe = (month, day or 0)
    today = (anchor.month, anchor.day if day else 0)
    if future:
        return anchor.year if probe >= today else anchor.year + 1
    if probe <= today:
        return anchor.year
    ahead = _safe_date(anchor.year, month, day) if day else None
    return anchor.year if ahead is not None and (ahead - anchor).days <= DAYS_AHEAD else anchor.year - 1


def resolve(cand: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    handler = _HANDLERS.get(cand.kind)
    return handler(cand, anchor, future) if handler else None


def _iso(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    value = f"{c.groups['y']}-{c.groups['m']}-{c.groups['d']}"
    if c.groups.get("h"):
        return Resolved("TIME", f"{value}T{c.groups['h']}:{c.groups['mi']}", "time")
    return Resolved("DATE", value, "day")


def _calendar(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    month, day = _month(c.groups["m"]), _day(c.groups["d"])
    if not 1 <= day <= 31:
        return None
    day2 = _day(c.groups.get("d2")) if c.groups.get("d2") else None
    if c.groups.get("y"):
        year: int | None = int(c.groups["y"] or 0)
    else:
        year = _year_for(anchor, month, day, future) if anchor else None
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", "day",
                        f"XXXX-{month:02d}-{day2:02d}" if day2 else None)
    first = _safe_date(year, month, day)
    if first is None:
        return None
    second = _safe_date(year, month, day2) if day2 else None
    return Resolved("DATE", iso(first), "day", iso(second) if second and second > first else None)


def _month_year(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    month = _month(c.groups["m"])
    rel = c.get("rel")
    if c.groups.get("y"):
        return Resolved("DATE", f"{c.groups['y']}-{month:02d}", "month")
    if anchor is None:
        return Resolved("DATE", f"XXXX-{month:02d}", "month")
    if rel == "last" or (rel or "").startswith("past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    elif future:
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return Resolved("DATE", f"{year}-{month:02d}", "month")


def _year(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    return Resolved("DATE", c.groups["y"] or "", "year")


def _decade(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    return Resolved("DATE", c.groups["y"] or "", "year")


def _century(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    return Resolved("DATE", f"{int(c.groups['n'] or 1) - 1:02d}", "year")


def _weekday(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    weekday = vocabulary().weekdays[(c.get("wd") or "")]
    pod = vocabulary().parts_of_day.get(c.get("pod") or "")
    rel = c.get("rel")
    if anchor is None:
        value = f"XXXX-WXX-{weekday}"
    else:
        if rel in {"next", "coming"}:
            future = True
        elif rel in {"last", "past"}:
            future = False
        day = weekday_date(anchor, weekday, future)
        if rel in {"last", "past"} and day == anchor:
            day -= dt.timedelta(days=7)
        value = iso(day)
    if pod:
        return Resolved("TIME", f"{value}T{pod}", "time")
    return Resolved("DATE", value, "day" if anchor else None)


def _deictic(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    if anchor is None:
        return None
    word = c.get("deic")
    shift = {"yesterday": -1, "tomorrow": 1}.get(word or "", 0)
    day = anchor + dt.timedelta(days=shift)
    pod = vocabulary().parts_of_day.get(c.get("pod") or "") or ("NI" if word == "tonight" else None)
    if pod:
        return Resolved("TIME", f"{iso(day)}T{pod}", "time")
    return Resolved("DATE", iso(day), "day")


def _podrel(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    if anchor is None:
        return None
    rel, pod = c.get("rel"), vocabulary().parts_of_day[c.get("pod") or "morning"]
    day = anchor + dt.timedelta(days={"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel or "", 0))
    return Resolved("TIME", f"{iso(day)}T{pod}", "time")


def _season(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    season = vocabulary().seasons[c.get("season") or ""]
    if c.groups.get("y"):
        return Resolved("DATE", f"{c.groups['y']}-{season}", "month")
    if anchor is None:
        return Resolved("DATE", f"XXXX-{season}", "month")
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(c.get("rel") or "", 0)
    return Resolved("DATE", f"{anchor.year + shift}-{season}", "month")


def _quarter(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    if anchor is None:
        return None
    current = (anchor.month - 1) // 3 + 1
    rel, ordinal = c.get("rel"), vocabulary().ordinals.get(c.get("ord") or "")
    year = anchor.year
    if ordinal is None:
        if rel is None:
            return None
        ordinal = current - 1 if rel in {"latest", "last", "previous", "past"} else current
        ordinal = ordinal + 1 if rel == "next" else ordinal
    elif ordinal > current or (ordinal == current and not future and rel != "this"):
        year -= 1 if ordinal > current else 0
    if ordinal < 1:
        ordinal, year = 4, year - 1
    if ordinal > 4:
        ordinal, year = 1, year + 1
    if rel in {"year-earlier", "year-ago"}:
        year -= 1
    return Resolved("DATE", f"{year}-Q{ordinal}", "month")


def _ago(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    if anchor is None:
        return None
    n = number(c.groups.get("n"))
    unit = (c.get("u") or "").rstrip("s")
    sign = 1 if (c.get("dir") or "") in {"later", "from now", "hence"} else -1
    if n is None:
        code = {"day": "D", "week": "W", "month": "M", "year": "Y"}.get(unit)
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None) if code else None
    if unit == "day":
        return Resolved("DATE", iso(anchor + dt.timedelta(days=sign * n)), "day")
    if unit == "week":
        return Resolved("DATE", _week(anchor + dt.timedelta(weeks=sign * n)), "week")
    if unit == "month":
        year, month = _shift_month(anchor, sign * n)
        return Resolved("DATE", f"{year}-{month:02d}", "month")
    if unit == "year":
        return Resolved("DATE", str(anchor.year + sign * n), "year")
    if unit == "decade":
        return Resolved("DATE", str(anchor.year + sign * 10 * n)[:3], "year")
    return None


def _relunit(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    if anchor is None:
        return None
    rel = (c.get("rel") or "").replace("the ", "")
    unit = re.sub(r"\s+", " ", c.get("u") or "")
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel in {"that", "same"}:
        return None
    if unit == "week":
        return Resolved("DATE", _week(anchor + dt.timedelta(weeks=shift)), "week")
    if unit == "weekend":
        saturday = weekday_date(anchor, 6, shift > 0) + dt.timedelta(weeks=min(shift, 0))
        return Resolved("DATE", f"{_week(saturday)}-WE", "week")
    if unit == "month":
        year, month = _shift_month(anchor, shift)
        return Resolved("DATE", f"{year}-{month:02d}", "month")
    if unit in {"year", "fiscal year"}:
        return Resolved("DATE", str(anchor.year + shift), "year")
    if unit == "decade":
        return Resolved("DATE", str(anchor.year + 10 * shift)[:3], "year")
    if unit == "century":
        return Resolved("DATE", str(anchor.year + 100 * shift)[:2], "year")
    return None


def _duration(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    unit = (c.get("u") or "").rstrip("s")
    code = vocabulary().units.get(unit)
    if code is None:
        return None
    n = number(c.groups.get("n"))
    amount = "X" if n is None else str(n)
    if code == "DE":
        amount, code = ("X" if n is None else str(10 * n)), "Y"
    elif code == "CE":
        amount, code = ("X" if n is None else str(100 * n)), "Y"
    prefix = "PT" if unit in vocabulary().time_units else "P"
    if "and a half" in c.text.lower() and n is not None:
        return Resolved("DURATION", f"{prefix}{n}.5{code}", None)
    return Resolved("DURATION", f"{prefix}{amount}{code}", None)


def _plural(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    unit = (c.get("u") or "").rstrip("s")
    code = vocabulary().units.get(unit)
    if code is None:
        return None
    code = "Y" if code in {"DE", "CE"} else code
    prefix = "PT" if unit in vocabulary().time_units else "P"
    return Resolved("DURATION", f"{prefix}X{code}", None)


def _clock(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    hour = int(c.groups["h"] or 0)
    minute = int(c.groups.get("mi") or 0)
    ampm = (c.get("ampm") or "").replace(".", "").replace(" ", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    day = iso(anchor) if anchor else "XXXX-XX-XX"
    return Resolved("TIME", f"{day}T{hour:02d}:{minute:02d}", "time")


def _noon(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    day = iso(anchor) if anchor else "XXXX-XX-XX"
    return Resolved("TIME", f"{day}T{'24:00' if c.get('w') == 'midnight' else '12:00'}", "time")


def _ref(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    word, v = re.sub(r"\s+", " ", c.get("w") or ""), vocabulary()
    if word in v.present_ref:
        return Resolved("DATE", "PRESENT_REF", None)
    if word in v.future_ref:
        return Resolved("DATE", "FUTURE_REF", None)
    return Resolved("DATE", "PAST_REF", None)


def _set(c: Candidate, anchor: dt.date | None, future: bool) -> Resolved | None:
    v = vocabulary()
    if c.get("w"):
        return Resolved("SET", v.sets[c.get("w") or ""], None)
    unit = (c.get("u") or "").rstrip("s")
    if unit in v.weekdays:
        return Resolved("SET", f"XXXX-WXX-{v.weekdays[unit]}", None)
    if unit in v.parts_of_day:
        return Resolved("SET", f"XXXX-XX-XXT{v.parts_of_day[unit]}", None)
    code = v.units.get(unit)
    if code is None:
        return None
    n = number(c.groups.get("n")) or 1
    return Resolved("SET", f"{'PT' if unit in v.time_units else 'P'}{n}{code}", None)


_HANDLERS = {
    "iso": _iso, "dmy": _calendar, "mdy": _calendar, "my": _month_year, "year": _year, "decade": _decade,
    "century": _century, "weekday": _weekday, "deictic": _deictic, "podrel": _podrel, "season": _season,
    "quarter": _quarter, "ago": _ago, "relunit": _relunit, "duration": _duration, "plural": _plural,
    "clock": _clock, "clock24": _clock, "noon": _noon, "ref": _ref, "set": _set,
}
