"""The people an article introduces by name, so that a later sentence may name them by surname alone.

Local news introduces a person once in full, with an age or a role ("Ann Vell, 34,", "25-year-old Arno Vell",
"the victim, identified as Arno Vell") and then uses the surname alone: "Vell was pronounced dead at the scene",
"paramedics pronounced Vell deceased". The parser reads such a surname as a described person, like "he" or
"the man" (parser.py), and the victim linker (victims.py) joins it to the person of that surname. Only names
introduced this way count: a capitalised word alone is as often a place, a street or an agency.
The introductions are regular expressions in data/names.tsv; "<name>" there stands for the name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sitrep.vocab import data_rows

DATA = Path(__file__).resolve().parent / "data"
_NAME = r"((?:(?-i:[A-Z])[a-z'’-]+\s+){0,2}(?-i:[A-Z])[a-z][a-z'’-]+)"
# calendar words are capitalised but name nobody: "Tuesday, 12, ..." is no introduction
_NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "police", "officers", "authorities", "the"}


@lru_cache(maxsize=1)
def _introductions() -> re.Pattern[str]:
    patterns = [row[0].replace("<name>", _NAME, 1) for row in data_rows(DATA / "names.tsv")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=8)
def surnames(text: str) -> frozenset[str]:
    """The surnames of the people the article introduces by name (as written: "Vell")."""
    found = set()
    for match in _introductions().finditer(text):
        name = next(group for group in match.groups() if group)
        surname = name.split()[-1].removesuffix("'s").removesuffix("’s")
        if surname.lower() not in _NOT_NAMES:
            found.add(surname)
    return frozenset(found)
