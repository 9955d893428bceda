"""Attribution (as written, carried over where the text does so), place and as-of date."""

from __future__ import annotations

import pytest

from sitrep.annotate.figures import extract_found
from tests.annotate.figures.helpers import figures, one
from tests.annotate.helpers import context


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
        # the owner of a toll, and a toll stated
        ("The Velorian Health Ministry's latest toll, published on Monday, stands at 13 dead.",
         "The Velorian Health Ministry"),
        ("The ministry's own count of 40 dead was revised on Friday.", "The ministry"),
        ("UNHCR's latest figures show 4,000 people displaced.", "UNHCR"),
        ("The Velorian Ministry of Health speaks of seven dead.", "The Velorian Ministry of Health"),
        ("Local activists put the death toll at 40.", "Local activists"),
        ("Unconfirmed reports put the number of detained at 300.", "Unconfirmed reports"),
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


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a clause of its own after "according to" has its own source
        ("At least 9 people were killed, according to the Velorian Health Ministry, while local activists say "
         "dozens died in Port Salen.", ["the Velorian Health Ministry", "local activists"]),
        # "as of <time>" ends the source; the colon of a time is no boundary
        ("According to data of the Port Salen hospitals as of 08:00 on 4 May, 14 people have died.",
         ["data of the Port Salen hospitals"]),
        # one who did not say it is no source
        ("Police did not say how the four had died.", [None]),
        # the speaker set off by commas before the verb, named before or after the role
        ("Briefing reporters in Geneva, Mira Dahl, the spokesperson for the agency, said the agency was alarmed "
         "that 12 people had been killed.", ["Mira Dahl"]),
        ("Speaking on Friday, the head of the Port Salen police, Colonel Arno Quell, said 318 people had been "
         "detained.", ["Colonel Arno Quell"]),
        ("Briefing reporters, Mira Dahl, Spokesperson for the Agency, said the agency was alarmed that 12 people "
         "had been killed.", ["Mira Dahl"]),
    ],
)
def test_source_of_each_clause(text: str, source: list[str | None]) -> None:
    assert [f.source_text for f in figures(text)] == source


def test_the_start_of_the_period_counted_is_not_the_as_of_date() -> None:
    from sitrep.annotate.context import Context
    from sitrep.annotate.figures import extract
    from sitrep.models import Article, TimeExpr
    from sitrep.text import split_paragraphs, split_sentences

    def dated(text: str, day: str) -> str | None:
        paragraphs = split_paragraphs(text)
        article = Article("doc-test", "test", text, paragraphs, published="2031-03-07")
        at = text.index(day)
        times = (TimeExpr(day, at, at + len(day), "DATE", "2031-03-02"),)
        (figure,) = extract(Context(article, split_sentences(text, paragraphs), "2031-03-07", times))
        return figure.date

    assert dated("Seven people have been killed since the protests began on 2 March, officials said.",
                 "2 March") == "2031-03-07"
    assert dated("As of 2 March, seven people had been killed, officials said.", "2 March") == "2031-03-02"


@pytest.mark.parametrize(
    "text",
    ["Veloria's death toll rose to 50.", "Monday's toll rose to 12.", "Hurricane Ida's toll rose to 12."],
)
def test_a_place_a_day_or_a_storm_owning_a_toll_is_no_source(text: str) -> None:
    assert one(text).source_text is None


def test_a_pronoun_source_is_the_named_source_before_it() -> None:
    text = ("Tarn Osgood, a spokesman for the Port Salen police, said officers were attacked on Sunday. "
            "Marta Velin was hurt in the attack. Three officers were killed, he said.\n\n"
            "The Velorian Interior Ministry said on Saturday that 900 people had been detained. "
            "Most were released, it said, but 96 people were charged.")
    found = extract_found(context(text))
    sources = {item.figure.count_text: item.figure.source_text for item in found}
    assert sources["Three"] == "Tarn Osgood"  # the last one said to speak, not the last one named (Marta Velin)
    assert sources["96"] == "Velorian Interior Ministry"


def test_a_pronoun_with_no_named_source_before_it_stays_as_written() -> None:
    text = "Ronan Vell ran outside to find Ilse Marr shot. She said five people were injured."
    assert extract_found(context(text))[0].figure.source_text == "She"


def test_a_relative_pronoun_source_is_the_name_its_clause_hangs_on() -> None:
    text = "The toll was given on Monday by the Velorian Health Ministry, which said 13 people had died."
    assert [i.figure.source_text for i in extract_found(context(text))] == ["Velorian Health Ministry"]
    # with no name before it, "which" is no source at all
    text = "The toll was given on Monday by a local clinic, which said 13 people had died."
    assert [i.figure.source_text for i in extract_found(context(text))] == [None]


def test_claims_by_a_body_are_its_figures() -> None:
    text = ("He declined to comment on claims by the opposition Port Salen Front that 11 police officers were "
            "killed in the city, and referred questions to the Interior Ministry, which has put the number at four.")
    assert one(text).source_text == "the opposition Port Salen Front"
