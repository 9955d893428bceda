"""Victims told by an ordinal, by their own hand, in a hospital where they died, and words that tell no victim
(the GVDB odd-row errors)."""

from __future__ import annotations

import pytest

from tests.annotate.figures.helpers import found
from tests.annotate.figures.test_incidents import LEAD
from tests.annotate.figures.test_victims import tally


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # an ordinal alone before its auxiliary and verb is one more victim
        ("Police say one woman has died and a second was injured after a shooting on Dune Street.", 1, 1),
        # "the victim" told killed is the dead retold, not the wounded second victim
        ("Police say one man has died and a second was wounded on Dune Street. Markers lie around the car where "
         "the victim was killed.", 1, 1),
        # shot by one's own hand, as a gerund or a headline's "shoots self"
        ("Police are looking into what led to a 6-year-old boy accidentally shooting himself in the leg.", 0, 1),
        ("Girl shoots self in hand at Veloria home", 0, 1),
        # a hospital where they died: the count taken there is of the dead
        ("Two men were shot on Dune Street. Both men were taken to a hospital, where they died the next day. "
         "A third man received minor injuries.", 2, 1),
        ("Two women were shot on Dune Street and taken to the hospital, where they are in stable condition.", 0, 2),
        # a wound of "a single" shot
        ("A man sustained a single gunshot wound on Dune Street.", 0, 1),
        # a headline glued to the text after a closing quote is the same woman retold
        ("Woman killed by Veloria police near mall ‘upset’Officials ruled the death of a woman shot by police "
         "outside Dune Mall a homicide.", 1, 0),
    ],
)
def test_victims_told(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        # a possessive is of another person: the child is not the one hurt
        "Ivo Lask, 29, was charged with assault and injuring a child's parent.",
        # a shot fired is no person shot
        "The officer returned one shot, but the suspect was not struck, police said.",
    ],
)
def test_no_victim_told(text: str) -> None:
    assert [i for i in found(text) if i.figure.measure in ("killed", "injured")] == []


def test_a_person_introduced_after_another_incident_is_of_it() -> None:
    text = (LEAD + "It was the second fatal shooting on the block in the last month. "
            "Ivo Lask, 35, an unarmed man, was shot Oct. 2 by a security guard.")
    assert tally(text) == (0, 2)
