"""Quotes on fictional text: direct after/before the quote, the ", ”" artefact, indirect, role speakers."""

from __future__ import annotations

from sitrep.annotate import quotes
from tests.annotate.helpers import context

TEXT = (
    "Envoy Marta Kovalenko arrived in the capital on Tuesday.\n\n"
    "“We will not leave until the water is safe to drink again,” said Kovalenko.\n\n"
    "“The roads to the north are closed to every kind of traffic, ”said Kovalenko.\n\n"
    "Kovalenko said: “Every family will receive clean water within three days.”\n\n"
    "Kovalenko said that the relief convoys would resume their work on Friday.\n\n"
    "The special envoy added that two more camps would open near the river."
)


def test_direct_and_indirect_quotes() -> None:
    found = quotes.extract(context(TEXT))
    direct = [q for q in found if q.direct]
    indirect = [q for q in found if not q.direct]
    assert [q.text.split()[0] for q in direct] == ["We", "The", "Every"]
    assert all(q.speaker_key == direct[0].speaker_key and q.speaker_key for q in found)
    assert direct[1].text.endswith("traffic")  # the ", ”" artefact is trimmed
    assert indirect[0].text.startswith("the relief convoys")
    assert indirect[1].speaker_text == "The special envoy"


def test_offsets_index_the_text() -> None:
    ctx = context(TEXT)
    for q in quotes.extract(ctx):
        assert ctx.text[q.start : q.end] == q.text


def test_short_scare_quotes_are_not_quotes() -> None:
    ctx = context("The minister called the marchers “vandals” on Monday.")
    assert quotes.extract(ctx) == ()


def test_speakers_after_a_title_with_a_full_stop_or_a_dash() -> None:
    found = quotes.extract(context(
        '"The clinic has had no power for four days and we are running out of fuel," said Dr. Ann Vell, who '
        "runs the clinic in Dravos.\n\n"
        '"Those who burn the market are not protesters, they are criminals", — said Tomas Ferrand.'))
    assert [q.speaker_text for q in found] == ["Ann Vell", "Tomas Ferrand"]


def test_a_verb_joined_by_and_after_the_quote_has_no_speaker_there() -> None:
    found = quotes.extract(context(
        'The mayor called the vote "a victory for ordinary people of the city" and urged calm on Sunday.'))
    assert all(q.speaker_text not in {"and", "and urged"} for q in found)
