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


def _said(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker_text, q.text) for q in quotes.extract(context(text))]


def test_a_relative_pronoun_speaks_for_the_name_before_it() -> None:
    text = ("Service was cut on Monday, according to the monitoring group Linecheck Observatory, which said that "
            "connectivity had also dropped sharply in Veloria.")
    assert _said(text) == [("Linecheck Observatory", "connectivity had also dropped sharply in Veloria")]


def test_a_clause_of_what_someone_can_say_names_no_speaker() -> None:
    assert _said("What I can say is that the anger in Port Salen has not gone away.") == []


def test_a_verb_inside_a_name_is_no_verb_of_speech() -> None:
    found = _said("The State Water Agency said that access to the northern wells was being restored.")
    assert found == [("State Water Agency", "access to the northern wells was being restored")]


def test_the_subject_of_a_verb_of_speech_before_a_quote_speaks() -> None:
    text = ("The Ministry of Water said on Sunday that the price cap had become too costly. It said help for "
            "poor families would be announced \u201cin the next few days\u201d.")
    assert ("Ministry of Water", "in the next few days") in _said(text)


def test_an_indirect_quote_keeps_the_few_words_quoted_in_it() -> None:
    found = _said("Minister Arno Vell said that the situation in Port Salen was \u201cunder control\u201d after the "
                  "troops arrived.")
    said = "the situation in Port Salen was \u201cunder control\u201d after the troops arrived"
    assert found == [("Arno Vell", said)]


def test_an_indirect_quote_stops_before_a_direct_quote_it_leads_into() -> None:
    found = _said("Minister Arno Vell said that fuel prices would fall from Monday and that the government would "
                  "\u201cfind the money in the budget for every family\u201d, he said.")
    assert ("Arno Vell", "fuel prices would fall from Monday") in found
    found = _said("Minister Arno Vell said that fuel prices would fall from Monday, adding: \u201cWe will find the "
                  "money in the budget for every family.\u201d")
    assert ("Arno Vell", "fuel prices would fall from Monday") in found


def test_said_that_inside_someone_elses_quotation_is_no_indirect_quote() -> None:
    found = _said("\u201cWe told them that the wells would be repaired by Friday,\u201d said Arno Vell.")
    assert [speaker for speaker, _ in found] == ["Arno Vell"]
    # the same when the quotation's speaker is not found
    note = "The note on the door read: \u201cWe told them that the wells would be repaired by Friday.\u201d"
    assert _said(note) == []
