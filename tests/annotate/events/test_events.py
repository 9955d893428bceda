"""The event extractor on fictional text: typing, dating, one event per article, non-factual mentions."""

from __future__ import annotations

from sitrep.annotate.context import Context
from sitrep.annotate.events import classify, extract
from sitrep.annotate.times import extract as extract_times
from sitrep.models import Article, Event
from sitrep.text import split_paragraphs, split_sentences


def _events(text: str, published: str | None = "2031-03-14") -> list[Event]:
    paragraphs = split_paragraphs(text)
    article = Article("doc-test", "test", text, paragraphs, published=published)
    ctx = Context(article, split_sentences(text, paragraphs), published)
    ctx = Context(article, ctx.sentences, published, times=extract_times(ctx))
    return list(extract(ctx))


def test_typed_dated_and_placed() -> None:
    events = _events("On March 10, the governor declared a state of emergency in Velmora.")
    assert [(e.type, e.date, e.date_precision, e.place_text) for e in events] == [
        ("state_of_emergency", "2031-03-10", "day", "Velmora")]
    event = events[0]
    assert event.trigger == "state of emergency"
    assert (event.sentence_start, event.sentence_end) == (0, 67)


def test_repeated_mentions_are_one_event() -> None:
    text = (
        "Marches began on Sunday in Velmora.\n\n"
        "The marches spread to the harbour.\n\n"
        "Organisers said the protests would continue; the protests began on Sunday, they said."
    )
    protests = [e for e in _events(text) if e.type == "protest"]
    assert [(e.date, e.trigger) for e in protests] == [("2031-03-09", "Marches")]


def test_weekday_resolves_against_the_article_date() -> None:
    events = _events("On Wednesday, the cabinet resigned.")
    assert [(e.type, e.date) for e in events] == [("government_resignation", "2031-03-12")]


def test_a_day_offset_between_the_event_and_its_date_moves_the_date() -> None:
    """2031-03-14 is a Friday: "on Saturday" is 8 March, "on Thursday" 13 March."""
    before = _events("The marches began in Velmora a day after the council scrapped the bread subsidy on Saturday.")
    assert [(e.type, e.date) for e in before if e.type == "protest"] == [("protest", "2031-03-09")]
    after = _events("Troops were deployed to Velmora on Thursday, a day after the governor declared a state of "
                    "emergency.")
    assert {e.type: e.date for e in after} == {"military_deployment": "2031-03-13", "state_of_emergency": "2031-03-12"}
    weeks = _events("The cabinet resigned two weeks after the marches began on Saturday.")
    assert {e.type: e.date for e in weeks}["government_resignation"] == "2031-03-22"
    plain = _events("The marches began on Saturday, the day the subsidy was scrapped.")
    assert [e.date for e in plain if e.type == "protest"] == ["2031-03-08"]


def test_modal_generic_and_negated_mentions_are_not_events() -> None:
    text = (
        "Nations have the right to declare a state of emergency in grave circumstances.\n\n"
        "The minister said no curfew was imposed.\n\n"
        "Lawyers urged the authorities to prevent the detention of reporters."
    )
    assert _events(text) == []


def test_internet_shutdown_and_troops() -> None:
    text = "Since Monday, internet services have been cut off. On Tuesday the alliance sent troops to Velmora."
    got = {(e.type, e.date) for e in _events(text)}
    assert got == {("internet_shutdown", "2031-03-10"), ("military_deployment", "2031-03-11")}


def test_classify_snippets() -> None:
    assert classify("Police fired tear gas to disperse protesters in the capital.") == "force_against_protest"
    assert classify("Militants and soldiers exchanged fire for hours near the border.") == "armed_clash"
    assert classify("Hundreds of farmers staged a peaceful sit-in outside the ministry.") == "protest"
    assert classify("Rioters torched two buses and pelted police with stones during the demonstration.") == "riot"
    assert classify("Warplanes pounded the hill villages, killing four.") == "air_strike"
    assert classify("The weather was mild.") is None


def test_where_a_statement_was_made_is_not_where_the_event_happened() -> None:
    events = _events("Speaking to reporters in Geneva, the envoy said hundreds had been detained since Sunday.")
    assert [(e.type, e.place_text) for e in events if e.type == "arrest_campaign"] == [("arrest_campaign", None)]
    rally = _events("About 3,000 people rallied on Monday outside the government headquarters in Velmora.")
    assert [(e.type, e.place_text) for e in rally] == [("protest", "Velmora")]
