"""Displacement figures: reporting terms (IDMC), infinitives after "forced", nominal verbs, units."""

from __future__ import annotations

import pytest

from tests.annotate.figures.helpers import found


def displaced(text: str) -> list[tuple[int, int | None, str | None, str]]:
    return [(f.figure.low, f.figure.high, f.term, f.figure.group) for f in found(text)
            if f.figure.measure == "displaced"]


@pytest.mark.parametrize(
    ("text", "low", "term"),
    [
        ("Floods in Port Salen forced about 640 people to evacuate.", 640, "Evacuated"),
        ("The storm forced 2,300 residents to leave their homes.", 2300, "Forced to Flee"),
        ("More than 900 villagers were ordered to evacuate on Tuesday.", 900, "Evacuated"),
        ("Over 1 200 people had to evacuate their homes in Veloria.", 1200, "Evacuated"),
        ("The fire forced 410 families out of their homes.", 410, "Forced to Flee"),
        ("The rains forced the evacuation of more than 7,000 people in Salen province.", 7000, "Evacuated"),
        ("Fighting caused the temporary relocation of an estimated 3,000 people to Orlan town.", 3000, "Relocated"),
        ("Some 520 people were accommodated in school buildings.", 520, "Sheltered"),
        ("About 75 people were rendered homeless by the landslide.", 75, "Homeless"),
        ("Some 3,400 people crossed the border into Veloria last week.", 3400, "Displaced"),
        # arrivals, people cut off, people moving away from danger
        ("About 6,200 people arrived in Orlan town between 3 and 9 May.", 6200, "Displaced"),
        ("Some 12,000 people were trapped in Salen district as roads were closed.", 12000, "Displaced"),
        ("More than 700 people moved away from areas at risk of shelling.", 700, "Forced to Flee"),
        # a nationality as the people counted, and an adjective before the counted noun
        ("About 8,000 Syrians crossed the border into Veloria last week.", 8000, "Displaced"),
        ("About 4,100 mostly Rohingya people displaced by the fighting remain in Salen.", 4100, "Displaced"),
    ],
)
def test_displacement_terms(text: str, low: int, term: str) -> None:
    got = displaced(text)
    assert got and got[0][0] == low and got[0][2] == term, got


def test_a_verb_with_people_of_its_own_is_not_said_of_the_count() -> None:
    assert displaced("Forty soldiers were sent to evacuate residents of Orlan.") == []


def test_people_who_left_their_homes_are_not_the_object_of_their_verb() -> None:
    got = displaced("Between 1,000 and 1,400 people evacuated their homes in Salen county.")
    assert got == [(1000, 1400, "Evacuated", "people")]


@pytest.mark.parametrize(
    ("text", "low", "term"),
    [
        ("This brings to almost 81,000 the total number of people displaced from Orlan.", 81000, "Displaced"),
        ("This brings to 12,400 the number of people evacuated in the province.", 12400, "Evacuated"),
        ("The total number of returnees from Veloria in 2031 now stands at about 46,000.", 46000, "Displaced"),
        ("The number of people evacuated from Salen has risen to 5,200.", 5200, "Evacuated"),
    ],
)
def test_the_number_of_people_displaced(text: str, low: int, term: str) -> None:
    got = displaced(text)
    assert got and got[0][0] == low and got[0][2] == term, got


def test_an_insertion_does_not_part_a_count_from_its_verb() -> None:
    got = displaced("About 700 people (including 90 children and 12 older people) were evacuated from Orlan.")
    assert got[0][:3] == (700, 700, "Evacuated")
    got = displaced("About 1,300 people, including 40 infants, were relocated to Salen.")
    assert got[0][:3] == (1300, 1300, "Relocated")


def test_a_verb_refines_the_displaced_of_the_noun() -> None:
    assert displaced("About 2,600 IDPs fled to Orlan last week.")[0][2] == "Forced to Flee"
    assert displaced("About 900 displaced families stayed in emergency shelters.")[0][2] == "Sheltered"


def test_a_camp_refines_where_people_sheltered() -> None:
    assert displaced("Some 4,100 people were sheltering in relief camps near Orlan.")[0][2] == "In Relief Camp"
    assert displaced("Some 4,100 people were sheltering in schools and camps.")[0][2] == "Sheltered"


def test_people_after_houses_are_not_houses() -> None:
    got = displaced("The storm destroyed 60 houses, leaving 310 homeless.")
    assert (310, 310, "Homeless", "people") in got


@pytest.mark.parametrize(
    ("text", "low", "term", "group"),
    [
        # where people stay names the term; the places themselves are not counted
        ("Some 1,400 people were still in six evacuation centres on 3 May.", 1400, "Sheltered", "people"),
        ("About 650 people were moved into temporary shelters in Port Salen.", 650, "Sheltered", "people"),
        ("Some 9,000 IDPs were already sheltering in Orlan town.", 9000, "Sheltered", "people"),
        # moving away for good, and the harm done to homes
        ("About 80,000 herders have migrated to the capital over two decades.", 80000, "Relocated", "people"),
        ("The plan foresees the resettlement of 4,000 people from the valley.", 4000, "Relocated",
         "people"),
        ("The floods caused damage to 2,500 homes in Salen province.", 2500, "Partially Destroyed Housing",
         "housing"),
        # a place phrase between the people and their verb
        ("About 3,000 IDPs in Orlan area were forced to flee on Monday.", 3000, "Forced to Flee", "people"),
    ],
)
def test_shelters_resettlement_and_damage(text: str, low: int, term: str, group: str) -> None:
    assert displaced(text)[0] == (low, low, term, group)


def test_shelters_in_the_counted_noun_are_not_people() -> None:
    assert [f[0] for f in displaced("Some 3,100 people were staying in 42 temporary shelters in Veloria.")] == [3100]
