"""Which sentences tell of the article's main incident, and which of another one or of a tally.

A local news story tells one incident and often recalls others: "It happened at the same apartment complex where
a man killed three people in the summer of 2012", "Nine officers have been fatally shot this year alone", "the
city's 45th homicide this year". An event-data coder keeps such counts out of the incident's tally. So does this
pass: the figures of those sentences are kept (they are figures the text gives) but marked as not of the main
incident, and the article-level victim count (victims.py) leaves them out.

A sentence is of another incident or a tally when it
- holds a tally, past-time or other-incident phrase from data/incidents.tsv;
- names a year before the article's year ("in 2012", "the 2012 shooting", not a full date "Dec. 2, 2012"); the
  article's year is the publication year, else the latest year the article names;
- names a calendar date ("on Jan. 17", "December 2") more than three days from the first date of its lead.
The headline and lead (the first two sentences) tell the main incident by the conventions of news writing and
are never marked. The story of another incident goes on over the next sentences: a sentence right after a marked
one is marked too when it names a person or place of it that the lead does not name ("... where Leonard killed
three men in 2012. In October, jurors convicted Leonard ...") or goes on with "N others" or "N more" (its count
adds to the set just told: "Three other people were wounded.") or opens with "Earlier," or "In that shooting"
("... the second police-involved shooting Saturday. Earlier, two men were shot ...") or introduces a person by
name and age the lead does not name ("... the second fatal shooting this month. Ivo Lask, 35, was shot ...").
A tally ("the 45th homicide this year") is often said of the main incident's victim, so it marks its own sentence only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sitrep.models import Sentence
from sitrep.vocab import data_rows

DATA = Path(__file__).resolve().parent / "data"
LEAD_SENTENCES = 2
DATE_SLACK_DAYS = 3
_MONTH_NUMBER = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                 "oct": 10, "nov": 11, "dec": 12}
_DATE = re.compile(r"\b(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<day>\d{1,2})"
                   r"(?:st|nd|rd|th)?\b(?!\s*(?:[:.]\d|%))", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d,.$/-])(?<!\d,\s)(?<!\d\s)(?:19|20)\d\d(?![\d/-]|\s*[-–]\s*\d)")
_ANY_YEAR = re.compile(r"(?<![\d,.$])(?:19|20)\d\d(?![\d,])")
_NAME = re.compile(r"(?<=\s)(?-i:[A-Z][a-z]{2,})(?:['’]s)?\b")
# a person introduced by name and age, as news does the first time: "Ivo Lask, 35, an unarmed man, ..."
_INTRODUCED = re.compile(r"(?-i:[A-Z][a-z'’-]+)\s+(?-i:([A-Z][a-z'’-]+)),\s+(?:a\s+|aged\s+)?\d{1,2},")
# a sentence that goes on with the other incident: "Three others were hurt", "Earlier, a man was shot ..."
_CONTINUES = re.compile(r"^\W*(?:(?:[\w-]+\s+){1,2}(?:others?|more)\b|(?:earlier|previously|in\s+that\s+"
                        r"(?:shooting|incident|case|attack))\b)", re.IGNORECASE)


@lru_cache(maxsize=2)
def _phrases(tally: bool) -> re.Pattern[str]:
    """The tally phrases (tally=True) or the past-time and other-incident phrases of data/incidents.tsv."""
    patterns = [pattern for kind, pattern in data_rows(DATA / "incidents.tsv") if (kind == "tally") == tally]
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)


def _day_of_year(match: re.Match[str]) -> int:
    return (_MONTH_NUMBER[match.group("month").lower()[:3]] - 1) * 31 + int(match.group("day"))


def _reference_year(text: str, published: str | None) -> int | None:
    if published and published[:4].isdigit():
        return int(published[:4])
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    return max(years) if years else None


def _lead_date(sentences: tuple[Sentence, ...]) -> int | None:
    for sentence in sentences[:LEAD_SENTENCES]:
        match = _DATE.search(sentence.text)
        if match:
            return _day_of_year(match)
    return None


def _elsewhere(text: str, year: int | None, lead_date: int | None) -> bool:
    """True when the sentence is set at another time or names another incident."""
    if _phrases(False).search(text):
        return True
    if year is not None and any(int(y) < year for y in _YEAR.findall(text)):
        return True
    if lead_date is not None:
        for match in _DATE.finditer(text):
            gap = abs(_day_of_year(match) - lead_date)
            if min(gap, 372 - gap) > DATE_SLACK_DAYS:  # across a new year: Dec. 30 and Jan. 2 are close
                return True
    return False


def other_incident_sentences(sentences: tuple[Sentence, ...], text: str, published: str | None) -> set[int]:
    """Indices of the sentences that tell of another incident than the article's main one, or of a tally."""
    year = _reference_year(text, published)
    lead_date = _lead_date(sentences)
    lead_names = {n for s in sentences[:LEAD_SENTENCES] for n in _names(s.text)}
    marked: set[int] = set()
    thread: set[str] = set()  # names of the other incident being told
    going_on: set[int] = set()  # the sentences of another incident (not tallies), which the next may go on with
    for index, sentence in enumerate(sentences):
        if index < LEAD_SENTENCES:
            continue
        names = _names(sentence.text) - lead_names
        if _elsewhere(sentence.text, year, lead_date):
            marked.add(index)
            going_on.add(index)
            thread = names | (thread if index - 1 in marked else set())
        elif index - 1 in going_on and (names & thread or _CONTINUES.match(sentence.text)
                                        or _introduced(sentence.text) - lead_names):
            marked.add(index)
            going_on.add(index)
            thread |= names
        else:
            thread = set()
            if _phrases(True).search(sentence.text):
                marked.add(index)
    return marked


def _introduced(text: str) -> set[str]:
    """Surnames of the people a sentence introduces with their age ("Kevin Lask, 35, was shot ...")."""
    return {m.group(1).lower() for m in _INTRODUCED.finditer(text)}


def _names(text: str) -> set[str]:
    """Capitalised words inside a sentence (not its first word): the people and places it names."""
    return {m.group(0).lower().removesuffix("'s").removesuffix("’s") for m in _NAME.finditer(text)}
