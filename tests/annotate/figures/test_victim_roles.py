"""Victims told by their role, by "another", by a wound, and the sentences of another incident (the GVDB errors)."""

from __future__ import annotations

import pytest

from sitrep.annotate.figures.factory import load_vocab
from tests.annotate.figures.helpers import found
from tests.annotate.figures.test_victims import tally


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the object of a verb that hurts, told by its role; the agent before it is no victim
        ("A Veloria man shot his next-door neighbor in the knee on Sunday.", 0, 1),
        ("Police say an officer shot the passenger in a car on Dune Street.", 0, 1),
        ("A woman shot another family member at a Veloria gun range.", 0, 1),
        # the possessive is the agent's sex: "his sister" is the "she" who died
        ("The 3-year-old boy found the gun and shot his 9-year-old sister. She died at the hospital.", 1, 0),
        # a role noun right after "shot" is its object: the headline's woman shot, and was not shot
        ("Woman accidentally shot soldier husband | Veloria NewsA Veloria woman accidentally shot her husband in "
         "the chest.", 0, 1),
    ],
)
def test_the_object_of_a_hurting_verb_is_the_victim(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a role of work is a person; "-ss" ends a singular noun, not a plural
        ("A waitress trying to stop a robbery was shot outside a bar in Veloria on Sunday.", 0, 1),
        ("Police said a waitress and a bartender were wounded at the Dune Street club.", 0, 2),
        # a noun in scare quotes is still the noun
        ('Police say an officer and a "bystander" were injured in a shooting in Port Salen.', 0, 2),
        # two people of one sentence, with no source, are not one restated figure
        ("An officer and a cashier were injured in the shooting on Dune Street.", 0, 2),
        # the age glued to its noun by a hyphen
        ("The victim, a 22 year-old-man, sustained a single gunshot wound and was taken to hospital.", 0, 1),
    ],
)
def test_victims_told_by_their_work(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a participle clause between the victim and the verb said of them
        ("A man walking his dog was shot and killed on Dune Street.", 1, 0),
        ("Two people sitting in a parked car were wounded, police said.", 0, 2),
    ],
)
def test_a_participle_clause_before_the_verb(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


def test_a_family_member_is_a_person_not_a_household() -> None:
    items = found("A woman shot another family member at a Veloria gun range.")
    assert [(i.figure.measure, i.figure.group) for i in items if i.term != "victims"] == [("injured", "people")]


def test_a_title_case_headline_keeps_its_victim() -> None:
    # "Shot By Police Officer" is no object of "shot": the man of the headline is the dead
    assert tally("Veloria Man Fatally Shot By Police Officer During Chase") == (1, 0)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "another" alone is one more victim when its verb follows
        ("One man was killed, another was injured and people fled the area, police said.", 1, 1),
        ("A shooting left one person wounded and another injured in Veloria.", 0, 2),
        # "another" as the article of a new victim
        ("A man was killed on Dune Street. The shooting left another man critically wounded.", 1, 1),
        # the object of the agent's verb is other than the agent, and no new victim: the headline's man
        ("Man shot and killed in Veloria | Veloria NewsA 30-year-old man is charged after police say he shot and "
         "killed another man on Friday.", 1, 0),
    ],
)
def test_another(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # an attempted homicide is the charge for a victim who lived
        ("Arno Quell was charged with attempted homicide after a man was shot on Dune Street.", 0, 1),
        # the hospital not named
        ("The exchange of gunfire ended on Dune Street. The man was transported to a local hospital for "
         "treatment.", 0, 1),
        # a wound told as a noun is said of the victim before it in its clause, however far
        ("Police say one man was shot and critically wounded on Dune Street. A second victim was found four "
         "blocks away at Salen and Market streets with a gunshot wound to the arm.", 0, 2),
        # a number of wounds is no number of people
        ("A man with multiple gunshot wounds was found on Dune Street and died at the scene.", 1, 0),
    ],
)
def test_wounds_hospitals_and_attempts(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


def test_wounds_counted_are_no_people() -> None:
    vocab = load_vocab()
    assert vocab.cue("suffered three gunshot wounds") is not None
    assert vocab.cue("sustained 2 gunshot wounds") is not None
    items = found("Officer Arno Quell suffered three gunshot wounds on Dune Street.")
    assert [(i.figure.count_text, i.figure.measure) for i in items] == [("Officer Arno Quell", "injured")]


def test_an_officer_named_with_a_role_is_another_victim() -> None:
    # "police officer Arno Quell" is named Quell, so the officer named Lask is not the same person
    text = ("A Veloria police officer was killed Sunday. Police said police officer Arno Quell was shot in the head. "
            "Officer Ivo Lask suffered three gunshot wounds.")
    assert tally(text) == (1, 1)


def test_another_incident_goes_on_after_earlier() -> None:
    text = ("A man was wounded by a Veloria police officer on Saturday. Police said the man is in stable condition. "
            "The shooting is the second police-involved shooting Saturday. Earlier, a man and a woman were shot to "
            "death by police in Port Salen.")
    assert tally(text) == (0, 1)
    assert [i.main_incident for i in found(text) if i.figure.measure == "killed"] == [False, False]
