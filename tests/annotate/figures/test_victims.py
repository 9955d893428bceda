"""Single victims linked across sentences (victims.py), and the linking rules the GVDB / IDMC errors showed."""

from __future__ import annotations

import pytest

from sitrep.annotate.figures import victims
from tests.annotate.figures.helpers import figures, found


def tally(text: str) -> tuple[int, int]:
    """The article-level "victims" figures where the extractor gives them, else victims.count (as evaluate/gvdb)."""
    items = list(found(text))
    tallied = {i.figure.measure: i.figure.low for i in items if i.term == "victims"}
    if tallied:
        return tallied.get("killed", 0), tallied.get("injured", 0)
    killed, injured, _ = victims.count(items, text)
    return killed, injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # one victim told across sentences: shot, hospitalised, died -> 1 killed, not 1 injured + 1 killed
        ("A 23-year-old man was shot in Port Salen on Friday. He was taken to hospital, where he died.", 1, 0),
        # a headline glued to the lead retells the same victim
        ("Man shot in Veloria | Veloria NewsA man was shot on Dune Street on Monday.", 0, 1),
        # two victims coordinated in one sentence are two
        ("One man was shot in the leg and a 29-year-old man was shot in the arm in Veloria.", 0, 2),
        # apposition: one victim
        ("The victim, a 22-year-old Port Salen man, was taken to the hospital for treatment.", 0, 1),
        # "another" opens a new victim; the pronoun after a death that is wounded is another person
        ("A man was killed on Dune Street. A second man was wounded.", 1, 1),
        # the article speaks of a homicide but states no death figure: its one shot victim is the dead
        ("Veloria police are investigating a homicide. A woman was shot on Dune Street late Sunday.", 1, 0),
        # a named victim and the later surname-less description are one person
        ("Arno Vell, 34, was shot on Monday. The victim was pronounced dead at the scene.", 1, 0),
        # the outcome after "shot and" is as near its victim as "shot"
        ("Officials say a woman was shot inside a home in Veloria and taken to the hospital.", 0, 1),
        # a gunshot wound told as a noun
        ("Deputies found a 15-year-old with a gunshot wound to his leg on Dune Street.", 0, 1),
        ("A man with a gunshot wound was brought to Veloria General Hospital on Sunday.", 0, 1),
        ("The victim, a 20-year-old Port Salen man, had suffered a gunshot wound.", 0, 1),
        # a headline whose victim has a capitalised place before it
        ("Veloria woman shot, wounded inside home | Veloria NewsPolice are investigating.", 0, 1),
        # "his body" as a part of the body is no death
        ("Police said a man was shot on the left side of his body. Another man was shot and suffered minor "
         "injuries.", 0, 2),
    ],
)
def test_victims_tally(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a count and a described victim said with one verb add up
        ("Two shoppers and a cashier were injured in the Veloria mall attack, police said.", 0, 3),
        ("She and eight others were killed when the plane crashed near Port Salen.", 9, 0),
        # a list of three groups: the verb after the last is said of all of them
        ("Two officers, a soldier and three villagers were killed in Veloria on Sunday.", 6, 0),
        ("Two young men and a teenage girl were wounded on Dune Street.", 0, 3),
        # the first part retells the whole: not added
        ("Three people, two women and a man, were shot in Port Salen late Friday.", 0, 3),
        # two verbs, two measures: no list
        ("Two people were killed and three were injured in Veloria.", 2, 3),
        # a range is one count
        ("Two or three people were injured in Port Salen.", 0, 2),
    ],
)
def test_a_list_of_groups_is_one_count(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


def test_numbers_of_people_are_restatements() -> None:
    text = "Three people were shot in Port Salen. A 19-year-old man died at the scene."
    assert tally(text) == (1, 2)


@pytest.mark.parametrize(
    "text",
    [
        "The Veloria man was shot several times on Dune Street.",  # "several times" is no count of people
        "Officers said he shot the attacker twice.",  # the pronoun is the agent
        "A Veloria officer shot at her, he said.",  # shot at: missed
    ],
)
def test_not_victim_counts(text: str) -> None:
    assert not [f for f in figures(text) if f.low > 1 or f.count_text in ("he", "her")], figures(text)


def test_relative_clause_gives_the_outcome() -> None:
    result = figures("Police say the suspect shot the 18-year-old man, who died at the scene in Veloria.")
    assert ("killed", 1) in [(f.measure, f.low) for f in result]


def test_shooting_victim_compound_is_no_object() -> None:
    assert [f for f in figures("Port Salen shooting victim Arno Vell.") if f.measure != "killed"] == []


@pytest.mark.parametrize(
    ("text", "low", "term", "group"),
    [
        ("Approximately 4,000 people were pre-emptively evacuated before the storm.", 4000, "Evacuated", "people"),
        ("About 80 homes were evacuated in Port Salen.", 80, "Evacuated", "housing"),
        ("About 1,200 families, or 6,000 people, were evacuated from Veloria.", 1200, "Evacuated", "households"),
        ("About 300 people took refuge in a school in Port Salen.", 300, "Sheltered", "people"),
        ("The storm destroyed about 140 homes in Veloria.", 140, "Destroyed Housing", "housing"),
        ("About 900 people returned to Port Salen last week.", 900, "Displaced", "people"),
    ],
)
def test_displacement_phrasings(text: str, low: int, term: str, group: str) -> None:
    first = next(i for i in found(text) if i.figure.measure == "displaced")
    assert (first.figure.low, first.term, first.figure.group) == (low, term, group)


def test_places_are_not_counts_of_people() -> None:
    items = found("About 1,900 people were evacuated to nine evacuation centres in Veloria.")
    assert [i.figure.low for i in items] == [1900]


def test_killed_at_a_place_is_said_of_the_victim() -> None:
    assert tally("A man was shot dead at close range in Veloria on Friday.") == (1, 0)


def test_a_verb_with_an_object_is_said_of_the_agent() -> None:
    text = "A Veloria man killed his neighbour at a gas station. She was killed at the pumps, police said."
    assert tally(text) == (1, 0)


def test_coroner_style_description_of_a_victim() -> None:
    text = ("Arno Quell, 26 - The Incident Report - Veloria TimesArno Quell, a 26-year-old Latino male, died Sunday, "
            "Dec. 25, after being shot in Salen Park, according to coroner's records.")
    assert tally(text) == (1, 0)


def test_a_relative_clause_does_not_part_a_victim_from_the_verb() -> None:
    assert tally("Police say a 30-year-old man, who was later identified as Arno Quell, was shot and killed.") == (1, 0)
    assert tally("Police say a man in his 20s was shot and killed at close range in Veloria.") == (1, 0)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a victim introduced with an age, then named by surname alone
        ("Officers found Arno Quell, 41, on Dune Street. Quell had been shot twice and was pronounced dead at "
         "the scene.", 1, 0),
        ("Deputies were called to a home where they found 19-year-old Tamsin Orr in the yard. Orr died at "
         "Veloria General Hospital.", 1, 0),
        # the surname as the object of an active verb, and "pronounced X deceased"
        ("Police said Arno Quell, 41, got out of the car and Ivo Lask shot Quell.", 0, 1),
        ("A woman was shot in Port Salen on Friday. She was identified as Mira Dahl. Medics pronounced Dahl "
         "deceased at the scene.", 1, 0),
        # the victim named in full with an age and the surname later are one person
        ("A 52-year-old Veloria man, Arno Quell, was wounded. Quell was taken to the hospital.", 0, 1),
    ],
)
def test_surname_alone_names_the_introduced_victim(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)


def test_a_surname_never_introduced_is_no_victim() -> None:
    # "Quell" is never introduced with an age or as a victim: a capitalised word alone may be a street or a firm
    assert tally("Quell was shot and killed, the report said of the film's hero.") == (0, 0)


def test_an_introduction_needs_an_age_not_a_count() -> None:
    from sitrep.annotate.figures import names

    assert names.surnames("In Veloria, 1,900 people were evacuated. On Tuesday, 12 more left.") == frozenset()
    assert names.surnames("Arno Quell, 41, and 25-year-old Mira Dahl were shot.") == {"Quell", "Dahl"}


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a victim named by a role from the person-noun vocabulary
        ("Veloria juvenile dead from gunshot wound | Veloria NewsPolice found a juvenile male with a gunshot wound.",
         1, 0),
        ("Police say a store clerk was shot during a robbery in Port Salen. The clerk was taken to the hospital.",
         0, 1),
        # the agent of a reflexive verb is the one it is done to
        ("A 41-year-old man killed himself after a standoff with police in Veloria.", 1, 0),
        # "a deadly <named day> shooting": the one victim told as shot is the dead
        ("Police named the victim of a deadly Christmas Day shooting. Arno Quell, 35, was found shot in a home.",
         1, 0),
    ],
)
def test_role_nouns_reflexives_and_deadly_shootings(text: str, killed: int, injured: int) -> None:
    assert tally(text) == (killed, injured)
