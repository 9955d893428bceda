"""Attribution (as written, carried over where the text does so), place and as-of date."""

from __future__ import annotations

import pytest

from tests.annotate.figures.helpers import figures, one


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to the Ministry of Internal Affairs of Veloria, 12 officers were killed.",
         "the Ministry of Internal Affairs of Veloria"),
        ("Several dozen protesters were killed in the clashes, police said.", "police"),
        ("Officials confirmed that 550 individuals were charged.", "Officials"),
        ("With reference to the police press secretary in the city of Port Salen, the envoy noted that dozens of "
         "protesters died.", "the police press secretary in the city of Port Salen"),
        ("On 9 and 10 March, various independent sources reported at least 1000 arrests of protesters.",
         "various independent sources"),
        ("At least 60 homes were destroyed, said provincial spokesman Arno Vell.", "provincial spokesman Arno Vell"),
        ("More than 900 people have been detained, according to Velorian officials.", "Velorian officials"),
    ],
)
def test_source_as_written(text: str, source: str) -> None:
    assert one(text).source_text == source


def test_source_carried_to_the_next_sentence() -> None:
    result = figures("The Velorian Health Ministry reported that 40 people were killed. "
                     "In addition, 210 people were injured in the capital.")
    assert [f.source_text for f in result] == ["The Velorian Health Ministry"] * 2


def test_source_not_carried_without_a_cue() -> None:
    result = figures("The ministry reported that 40 people were killed. Protesters said 210 people were injured.")
    assert [f.source_text for f in result] == ["The ministry", "Protesters"]


def test_place_and_date() -> None:
    figure = one("More than 900 people were detained in the city of Port Salen, police said.")
    assert figure.place_text == "Port Salen"
    assert figure.date == "2031-03-07"


def test_where_a_statement_was_made_is_not_the_place_of_the_figure() -> None:
    figure = one("Speaking to reporters in Geneva, the spokesman said at least 7 people were killed in Port Salen.")
    assert figure.place_text == "Port Salen"
    briefing = one("At a briefing in Geneva, the agency said that 12 protesters had been detained.")
    assert briefing.place_text != "Geneva"
