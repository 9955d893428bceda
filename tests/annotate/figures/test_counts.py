"""Count phrases: hedges, vague words, numbers in words, ranges, and numbers that are not figures."""

from __future__ import annotations

import pytest

from tests.annotate.figures.helpers import figures, one
from tests.annotate.figures.test_victims import tally


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate"),
    [
        ("In Veloria, 37 protesters were detained on Monday.", 37, 37, False),
        ("Nearly 1,000 people were injured in Port Salen.", 1000, 1000, True),
        ("Almost 450 people were injured.", 450, 450, True),
        ("About 80 demonstrators were arrested.", 80, 80, True),
        ("More than 2,000 people have been detained.", 2000, None, False),
        ("At least 14 civilians were killed.", 14, None, False),
        ("Over 300 people were hospitalized.", 300, None, False),
        ("Up to 40 people are missing.", 0, 40, True),
        ("Fewer than 10 journalists were detained.", 0, 10, True),
        ("Twelve soldiers were killed.", 12, 12, False),
        ("Twenty-one families were displaced.", 21, 21, False),
        ("Nine hundred and twenty-one families were displaced.", 921, 921, False),
        ("Two dozen protesters were injured.", 24, 24, False),
        ("Dozens of protesters were killed.", 12, None, True),
        ("Several dozen police officers were injured.", 24, None, True),
        ("Scores of people were wounded.", 40, None, True),
        ("Hundreds of people were detained.", 100, None, True),
        ("Thousands of residents were evacuated.", 1000, None, True),
        ("Tens of thousands of people joined the protests.", 10000, None, True),
        ("Between 1,200 and 2,000 people were displaced.", 1200, 2000, False),
        ("About 2.3 million people were displaced.", 2300000, 2300000, True),
        ("Some 9 300 villagers were evacuated.", 9300, 9300, True),
    ],
)
def test_count_interval_and_hedge(text: str, low: int, high: int | None, approximate: bool) -> None:
    figure = one(text)
    assert (figure.low, figure.high, figure.approximate) == (low, high, approximate)
    assert text[figure.start : figure.end] == figure.count_text


@pytest.mark.parametrize(
    "text",
    [
        "All 45 international employees of the mission in Veloria are safe, a spokesperson said.",
        "For media requests call +31 (0) 770 70 10 36 to reach the press office.",
        "The charter guarantees freedom of assembly (articles 12 – 15) to those detained.",
        "The country faces its worst unrest in three decades, and the army was deployed.",
        "4 minutes, 10 seconds Read",
        "The number of reports published here recently passed another milestone: 750,000.",
        "Fuel prices rose 40 percent in 2019, and the detained were released on 9 March.",
        "An 18-year-old spoke to reporters about the detained students.",
        "The fine of $5,000 was paid by the detained editor.",
        "Police arrived at 4 p.m. and the injured were treated.",
        "The protests began in 2022 and many were detained.",
    ],
)
def test_numbers_that_are_not_figures(text: str) -> None:
    assert not any(f.count_text in ("45", "770", "12", "15", "three", "4", "750,000", "40", "18", "5,000", "2022")
                   for f in figures(text)), figures(text)


def test_a_count_set_aside_is_no_figure() -> None:
    result = figures("The opposition says 11 police officers, not four, died in Port Salen on Monday.")
    assert [(f.measure, f.low) for f in result] == [("killed", 11)]


def test_two_coordinated_people_the_second_without_article() -> None:
    assert tally("Officers found a male and female deceased inside the home in Veloria.") == (2, 0)
    assert tally("A man and woman were shot to death in Port Salen on Sunday.") == (2, 0)


def test_translated_names_of_the_police_are_security_forces() -> None:
    toll, police = figures("According to health workers, 13 people have died in the riots, including four employees "
                           "of the internal affairs bodies.")
    assert (toll.group, toll.low) == ("people", 13)
    assert (police.group, police.low) == ("security_forces", 4)


@pytest.mark.parametrize("text", [
    "The death toll from the clashes in Dravos has risen to 9, police said.",
    "The death toll of the 2031 unrest rose to 9.",
    "The toll among the miners is now 9.",
])
def test_a_toll_of_something_still_takes_its_count(text: str) -> None:
    toll = one(text)
    assert (toll.measure, toll.low) == ("killed", 9)


def test_cases_opened_against_people_are_charges_not_participants() -> None:
    charged = one("Most were released after paying fines, but criminal cases had been opened against 41 people, "
                  "mostly on charges of taking part in mass riots.")
    assert (charged.measure, charged.low) == ("charged", 41)
