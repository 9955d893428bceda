"""Publication dates a page really prints, and only those.

A date counts as the publication date when it stands on a *labelled* line ("Publication date: January 10,
2022", "Published on 12 Jun 2019", "Posted: 2022-01-10") or on a line near the top that is nothing but a date
(a dateline under the title). A date inside a sentence of the article ("On January 5, 2022, clashes broke
out") is an event date and is never taken. Only full dates (day precision) are accepted: a bare year is what
a copyright line prints, not a publication date.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),  # European 10.01.2022
]
_LABEL = re.compile(
    r"^\W*(?:publication date|date of publication|date published|published(?: on| at)?|publish date|"
    r"posted(?: on| at)?|first published|released?(?: on)?|issued(?: on)?|date)\b\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"^\W*(?:last )?updated(?: on| at)?\b\s*[:\-–—]?\s*", re.IGNORECASE)
# What may surround a date on a dateline: weekdays, times, time zones, separators, "by"-less filler.
_FILLER = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b|"
    r"\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|"
    r"\b(?:utc|gmt|est|edt|cet|cest|eet|eest|bst|msk|almt|pst|pdt|ist)\b|\bat\b|\bview original\b|"
    r"\b(?:19|20)\d\d-\d\d-\d\d\b|[|,/·•\-–—()\[\]]",
    re.IGNORECASE,
)
_HEADER_LINES = 8  # a bare dateline must be among the first lines of the page


def parse_date(text: str, *, today: date | None = None) -> tuple[str, int, int] | None:
    """The first full calendar date in `text` as (ISO, start, end); None when there is no valid one."""
    today = today or date.today()
    found: list[tuple[int, int, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _valid(match.group("year"), match.group("month"), match.group("day"), today)
            if iso:
                found.append((match.start(), match.end(), iso))
    if not found:
        return None
    start, end, iso = min(found)
    return iso, start, end


def _valid(year: str, month: str, day: str, today: date) -> str | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."), 0)
    try:
        value = date(int(year), month_number, int(day))
    except ValueError:
        return None
    if value.year < 1990 or value > today:
        return None
    return value.isoformat()


def labelled_date(line: str) -> str | None:
    """The date of a line such as "Published on 12 Jun 2019 View Original" (None for other lines)."""
    label = _LABEL.match(line)
    if not label:
        return None
    rest = line[label.end() :]
    found = parse_date(rest)
    # The date must come right after the label (perhaps after a weekday), not somewhere in a sentence.
    if found and len(_FILLER.sub(" ", rest[: found[1]]).split()) <= 1:
        return found[0]
    return None


def is_date_line(line: str) -> bool:
    """A line that is only a date (with weekday, time, labels): page metadata, not article text."""
    text = line.strip()
    if len(text.split()) > 10:
        return False
    if labelled_date(text) or (_UPDATED.match(text) and parse_date(text)):
        return True
    found = parse_date(text)
    if not found:
        return False
    rest = text[: found[1]] + " " + text[found[2] :]
    for pattern in _PATTERNS:  # a dateline may print the date twice: "2019-06-12 12 Jun 2019"
        rest = pattern.sub(" ", rest)
    return not _FILLER.sub(" ", rest).split()


def printed_date(lines: list[str]) -> str | None:
    """The publication date printed on a plain-text page: a labelled line anywhere, else a dateline on top."""
    for line in lines:
        found = labelled_date(line.strip())
        if found:
            return found
    for line in [line for line in lines if line.strip()][:_HEADER_LINES]:
        if is_date_line(line) and not _UPDATED.match(line.strip()):
            parsed = parse_date(line)
            if parsed:
                return parsed[0]
    return None


def iso_day(value: str | None) -> str | None:
    """A container's date (ISO date or datetime, or any text holding a full date) as YYYY-MM-DD."""
    if not value:
        return None
    found = parse_date(value.strip(), today=date.max)
    return found[0] if found else None


def is_bare_year(iso: str, page_text: str) -> bool:
    """htmldate reports a copyright year as YYYY-01-01; it is a real date only if the page prints that day."""
    if not iso.endswith("-01-01"):
        return False
    year = iso[:4]
    for pattern in _PATTERNS:
        for match in pattern.finditer(page_text):
            if match.group("year") == year and _valid(year, match.group("month"), match.group("day"), date.max) == iso:
                return False
    return True
