"""Event extraction over an article: typed, dated, placed occurrences with evidence spans.

- Triggers come from the vocabulary (parser.find); non-factual mentions (modal, negated, conditional, appeals) are
  dropped.
- Date: the time expression of the same sentence nearest to the trigger (DATE, or a TIME naming a day part such
  as "Thursday morning"); intervals give their start ("since Sunday"); "until X" deadlines and clock times are not
  event dates. No date in the sentence -> undated. A day offset between the two moves the date ("began a day
  after the cap was scrapped on Saturday" is Sunday; "killed on Tuesday, a day after protests began" dates the
  protests Monday).
- Place: found as a figure's place is (`figures.sources.place_of`): the nearest place in the trigger's clause,
  never where a statement was made ("told reporters in New York").
- One event per (type, date) in an article: repeated mentions merge (the first mention is the evidence). An
  undated mention merges into a dated event of the same type when there is one (the article speaks of one event).
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.annotate.context import Context
from sitrep.annotate.events import parser
from sitrep.annotate.events.factory import vocabulary
from sitrep.annotate.figures.factory import load_vocab
from sitrep.annotate.figures.sources import place_of
from sitrep.models import DatePrecision, Event, Sentence, TimeExpr

_DEADLINE = re.compile(r"^(?:until|till|through|up\s+to)\b", re.IGNORECASE)
_OFFSET = re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|\d{1,2}|the)\s+(?P<unit>days?|weeks?)\s+"
                     r"(?P<way>after|before)\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _sentences(ctx: Context) -> tuple[Sentence, ...]:
    return ctx.sentences or (Sentence(0, len(ctx.text), ctx.text, 0),)


def _dating(times: list[TimeExpr]) -> TimeExpr | None:
    """The first time expression (nearest first) that can date an event: a day or a named part of one."""
    for t in times:
        if t.type == "DATE" and re.match(r"\d{4}", t.value) and not _DEADLINE.match(t.text):
            return t
        if t.type == "TIME" and t.value[:1].isdigit() and re.search(r"T[A-Z]{2}$", t.value):
            return t
    return None


def _date_of(text: str, trigger_start: int, t: TimeExpr | None) -> tuple[str | None, DatePrecision | None]:
    """The event's date from its time expression, moved by a day offset written between the two."""
    if t is None:
        return None, None
    value, precision = (t.value, t.precision) if t.type == "DATE" else (t.value[:10], "day")
    between = text[trigger_start : t.start] if trigger_start < t.start else text[t.end : trigger_start]
    offset = _OFFSET.search(between)
    if offset is None or precision != "day":
        return value, precision
    n = offset["n"].lower()
    days = (_NUMBERS[n] if n in _NUMBERS else int(n)) * (7 if offset["unit"].lower().startswith("week") else 1)
    later = offset["way"].lower() == "after"
    # trigger ... "a day after" ... time: the trigger is later than the time; time ... "a day after" trigger: earlier
    sign = 1 if later == (trigger_start < t.start) else -1
    try:
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=sign * days)).isoformat(), precision
    except ValueError:
        return value, precision


def mentions(ctx: Context) -> list[Event]:
    """Every factual event mention, dated and placed, before merging."""
    out: list[Event] = []
    for sentence in _sentences(ctx):
        triggers = [t for t in parser.find(sentence.text, sentence.start) if t.factual]
        if not triggers:
            continue
        in_sentence = [t for t in ctx.times if sentence.start <= t.start < sentence.end
                       and ctx.text[max(0, t.start - 1) : t.start] != "("]  # not a dateline "(12 June 2019)"
        for trig in triggers:
            ordered = sorted(in_sentence, key=lambda t: abs(t.start - trig.start))
            date, precision = _date_of(ctx.text, trig.start, _dating(ordered))
            out.append(Event(trig.type, trig.text, trig.start, trig.end, sentence.start, sentence.end, date,
                             precision, place_of(ctx, sentence, trig.start, load_vocab())))
    return out


def merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per (type, date); undated mentions join a dated event of their type, else one undated event."""
    kept: dict[tuple[str, str | None], Event] = {}
    for event in events:
        key = (event.type, event.date)
        if key not in kept:
            kept[key] = event
        elif kept[key].place_text is None and event.place_text:
            kept[key] = Event(**{**kept[key].__dict__, "place_text": event.place_text})
    dated = {kind for kind, date in kept if date is not None}
    return tuple(e for (kind, date), e in kept.items() if date is not None or kind not in dated)


def extract(ctx: Context) -> tuple[Event, ...]:
    return merge(mentions(ctx))


def classify(text: str) -> str | None:
    """The single most specific event type a short snippet reports (lowest rank among its factual triggers)."""
    triggers = [t for t in parser.find(text) if t.factual and t.type != "statement"]
    if not triggers:
        triggers = [t for t in parser.find(text) if t.type != "statement"]
    if not triggers:
        return None
    present = {t.type for t in triggers}
    yields = {kind.name: kind.yields_to for kind in vocabulary().types}
    kept = [t for t in triggers if not (yields.get(t.type, frozenset()) & present)] or triggers
    return min(kept, key=lambda t: (t.rank, t.start)).type
