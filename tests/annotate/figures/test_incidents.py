"""The incident model (incidents.py): figures told of another incident or of a tally are kept as figures but not
counted for the article's main incident."""

from __future__ import annotations

import pytest

from sitrep.annotate.figures import incidents
from sitrep.models import Sentence
from tests.annotate.figures.helpers import found
from tests.annotate.figures.test_victims import tally

LEAD = "Two men were shot outside a bar in Veloria on Saturday, Oct. 4. Police said both were taken to hospital. "


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for part in text.split(". "):
        out.append(Sentence(start, start + len(part), part, 0))
        start += len(part) + 2
    return tuple(out)


@pytest.mark.parametrize(
    ("later", "killed", "injured"),
    [
        # a yearly tally is not the incident's count
        ("It was the 31st shooting in Veloria this year.", 0, 2),
        ("Nine people have been shot dead in the district so far this year.", 0, 2),
        # an earlier incident at the same place, and its story told on over the next sentences
        ("The bar is on the same block where Odo Marsk killed three people in the spring of 2027. "
         "Three other people were wounded. In May, a jury convicted Marsk.", 0, 2),
        # a year before the article's, and a date weeks from the lead's
        ("In 2028, four people were shot dead at the same bar.", 0, 2),
        ("A woman was shot and killed nearby on Sept. 2.", 0, 2),
        # a separate incident
        ("In a separate shooting, a 40-year-old man was killed on Dune Street.", 0, 2),
        # the main incident told on: counted
        ("A 20-year-old man died at the hospital on Sunday, Oct. 5.", 1, 1),
    ],
)
def test_other_incidents_are_not_counted(later: str, killed: int, injured: int) -> None:
    assert tally(LEAD + later) == (killed, injured)


def test_figures_of_other_incidents_are_kept_and_marked() -> None:
    items = found(LEAD + "In 2028, four people were shot dead at the same bar.")
    marked = [(i.figure.low, i.figure.measure) for i in items if not i.main_incident]
    assert marked == [(4, "killed")]
    assert any(i.main_incident and i.figure.low == 2 for i in items)


def test_the_lead_is_the_main_incident_even_when_it_names_another_time() -> None:
    text = "A man was charged in a shooting last month that left three people wounded. Police said he was held."
    assert incidents.other_incident_sentences(_sentences(text), text, "2031-03-07") == set()


def test_a_tally_does_not_carry_to_the_next_sentence() -> None:
    text = (LEAD + "Ann Vell was the city's 12th homicide victim this year. Vell died on Sunday, police said.")
    sentences = _sentences(text)
    assert incidents.other_incident_sentences(sentences, text, "2031-10-05") == {3}


@pytest.mark.parametrize(
    ("later", "killed", "injured"),
    [
        # a tally since a month named alone, and one told by a word ordinal
        ("Eleven people have been shot dead in Veloria since November.", 0, 2),
        ("The first homicide of the year came a week earlier, when three men were killed on Dune Street.", 0, 2),
        # "since Oct. 4" names the incident's own date: the count is of it
        ("Two of them have died since Oct. 4, police said.", 2, 0),
    ],
)
def test_tallies_since_a_month_and_by_ordinal(later: str, killed: int, injured: int) -> None:
    assert tally(LEAD + later) == (killed, injured)
