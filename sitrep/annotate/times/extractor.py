"""Time extraction over an article: sentence-wise candidates, normalization, then intervals.

`extract_parts` gives the atomic expressions (one per TIMEX3, as TimeML annotates them); `extract` joins them into
intervals where the text says so:

- "from X to Y", "between X and Y", "X-Y"        -> value X, end_value Y
- "since X"                                      -> value X, end_value the article date
- "until X" / "till X" / "through X"             -> value the article date, end_value X
- "the night of X" / "the morning of X"           -> X with the part of day (TIME, e.g. 2022-01-06TNI)

Clock times ("11 p.m.", "23:00") take the day of a date named in the same sentence, else the article date; an
interval whose end clock time is earlier than its start ends the next day.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from sitrep.annotate.context import Context
from sitrep.annotate.times import parser
from sitrep.annotate.times.factory import vocabulary
from sitrep.annotate.times.resolve import Resolved, resolve
from sitrep.models import Sentence, TimeExpr

log = logging.getLogger(__name__)

_RANGE_FROM = re.compile(r"(?:\bfrom|\bbetween)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$|\b(?:starting|beginning)\s+(?:from|on)\s+$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|through|to\s+last\s+until|up\s+to)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_CUE_BEFORE, _CUE_AFTER = 40, 20  # characters around an expression searched for a future cue ("will", "next")
_CLOCK_NEAR = 15  # a clock time takes the day of a date at most this far away
_POD_OF = re.compile(r"\bthe\s+(?P<pod>night|morning|afternoon|evening)\s+of\s+$", re.IGNORECASE)


def parse_anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        log.debug("unusable article date %r", published)
        return None


def _sentences(ctx: Context) -> tuple[Sentence, ...]:
    if ctx.sentences:
        return ctx.sentences
    return (Sentence(0, len(ctx.text), ctx.text, 0),)


def extract_parts(ctx: Context) -> tuple[TimeExpr, ...]:
    """Atomic time expressions, one per mention, each normalized against the article date."""
    anchor = parse_anchor(ctx.published)
    cue = vocabulary().future_cue
    out: list[TimeExpr] = []
    for sentence in _sentences(ctx):
        exprs: list[TimeExpr] = []
        for cand in parser.find(sentence.text, sentence.start):
            local_start, local_end = cand.start - sentence.start, cand.end - sentence.start
            window = sentence.text[max(0, local_start - _CUE_BEFORE) : local_end + _CUE_AFTER]
            before = sentence.text[max(0, local_start - 30) : local_start]
            future = bool(cue.search(window)) or bool(_UNTIL.search(before))
            resolved = resolve(cand, anchor, future)
            if resolved is None or not resolved.value:
                continue
            exprs.append(_expr(cand.text, cand.start, cand.end, resolved))
        out.extend(_anchor_clock_times(exprs))
    return tuple(out)


def _expr(text: str, start: int, end: int, r: Resolved) -> TimeExpr:
    kind = r.type if r.type in {"DATE", "TIME", "DURATION", "SET"} else "DATE"
    return TimeExpr(text, start, end, kind, r.value, r.precision, r.end_value)  # type: ignore[arg-type]


def _anchor_clock_times(exprs: list[TimeExpr]) -> list[TimeExpr]:
    """Clock times take the day of a day-precise date in the same sentence."""
    days = [e for e in exprs if e.type == "DATE" and e.precision == "day" and len(e.value) == 10]
    if not days:
        return exprs
    out = []
    for e in exprs:
        if e.type == "TIME" and re.match(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)T\d\d:\d\d$", e.value):
            near = [d for d in days if d.start - e.end <= _CLOCK_NEAR and e.start - d.end <= _CLOCK_NEAR]
            if near:
                e = replace(e, value=near[0].value + e.value[10:])
        out.append(e)
    return out


def extract(ctx: Context) -> tuple[TimeExpr, ...]:
    """Time expressions with intervals joined ("from 23:00 to 07:00", "since Sunday", "until 19 January")."""
    parts = list(extract_parts(ctx))
    text, today = ctx.text, ctx.published[:10] if ctx.published else "PRESENT_REF"
    out: list[TimeExpr] = []
    i = 0
    while i < len(parts):
        e = parts[i]
        before = text[max(0, e.start - 40) : e.start]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if nxt and e.type in {"DATE", "TIME"} and nxt.type == e.type and _RANGE_JOIN.match(text[e.end : nxt.start]) \
                and (_RANGE_FROM.search(before) or text[e.end : nxt.start].strip() in {"-", "–", "to", "until"}):
            start = e.start - len(_RANGE_FROM.search(before).group(0)) if _RANGE_FROM.search(before) else e.start  # type: ignore[union-attr]
            out.append(TimeExpr(text[start : nxt.end], start, nxt.end, e.type, e.value, e.precision,
                                _end_after(e.value, nxt.value)))
            i += 2
            continue
        if e.type in {"DATE", "TIME"} and e.end_value is None:
            pod = _POD_OF.search(before)
            if pod and e.precision == "day":
                code = vocabulary().parts_of_day[pod.group("pod").lower()]
                start = e.start - len(pod.group(0))
                e = TimeExpr(text[start : e.end], start, e.end, "TIME", f"{e.value}T{code}", "time")
            elif (since := _SINCE.search(before)) and not e.value.endswith("_REF"):
                start = e.start - len(since.group(0))
                e = TimeExpr(text[start : e.end], start, e.end, e.type, e.value, e.precision, today)
            elif (until := _UNTIL.search(before)) and not e.value.endswith("_REF"):
                start = e.start - len(until.group(0))
                e = TimeExpr(text[start : e.end], start, e.end, e.type, today, e.precision, e.value)
        out.append(e)
        i += 1
    return tuple(out)


def _end_after(start: str, end: str) -> str:
    """An end clock time earlier than the start clock time (23:00 to 07:00) falls on the next day."""
    if len(start) == len(end) == 16 and start[:10] == end[:10] and end[11:] < start[11:] and start[0].isdigit():
        next_day = dt.date.fromisoformat(start[:10]) + dt.timedelta(days=1)
        return next_day.isoformat() + end[10:]
    return end
