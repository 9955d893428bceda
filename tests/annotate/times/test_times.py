"""The time extractor on fictional sentences: weekdays, relative days, ranges, since/until, durations, inference."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.annotate.context import Context
from sitrep.annotate.times import extract, extract_parts, infer_article_date
from sitrep.models import Article, TimeExpr
from sitrep.text import split_paragraphs, split_sentences


def _times(text: str, published: str | None, parts: bool = False) -> list[TimeExpr]:
    paragraphs = split_paragraphs(text)
    article = Article("doc-test", "test", text, paragraphs, published=published)
    ctx = Context(article, split_sentences(text, paragraphs), published)
    return list(extract_parts(ctx) if parts else extract(ctx))


def _one(text: str, published: str | None = "2031-03-14") -> TimeExpr:  # 14 March 2031 is a Friday
    found = _times(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("The mayor of Velmora spoke on Thursday.", "2031-03-13", "DATE"),
        ("The ferry left on Friday.", "2031-03-14", "DATE"),
        ("The council will vote on Tuesday.", "2031-03-18", "DATE"),
        ("Guards were posted on Thursday morning.", "2031-03-13TMO", "TIME"),
        ("Rain fell yesterday.", "2031-03-13", "DATE"),
        ("The bridge reopened this morning.", "2031-03-14TMO", "TIME"),
        ("Traders met last week.", "2031-W10", "DATE"),
        ("The dam was inspected last month.", "2031-02", "DATE"),
        ("The port closed on January 6.", "2031-01-06", "DATE"),
        ("The port closed on 6 January 2029.", "2029-01-06", "DATE"),
        ("The curfew would not be lifted before 20 March.", "2031-03-20", "DATE"),  # six days after the article
        ("The port closed on 20 April.", "2030-04-20", "DATE"),  # five weeks ahead: last year's
        ("The fair opened in May 2030.", "2030-05", "DATE"),
        ("The canal was dug in 1911.", "1911", "DATE"),
        ("Sirens sounded at 11 p.m. in the old town.", "2031-03-14T23:00", "TIME"),
        ("Sirens sounded at 23:00 in the old town.", "2031-03-14T23:00", "TIME"),
        ("The strike lasted three days.", "P3D", "DURATION"),
        ("The talks went on for several months.", "PXM", "DURATION"),
        ("It happened two years ago.", "2029", "DATE"),
        ("The market opens daily.", "P1D", "SET"),
    ],
)
def test_single_expressions(text: str, value: str, kind: str) -> None:
    found = _one(text)
    assert (found.value, found.type) == (value, kind)


def test_weekday_is_most_recent_on_or_before_article_date() -> None:
    assert _one("Crowds gathered on Saturday.").value == "2031-03-08"


def test_night_of_a_date() -> None:
    found = _one("On the night of January 6, the lights went out in Velmora.")
    assert (found.type, found.value) == ("TIME", "2031-01-06TNI")


def test_two_days_of_one_month_are_an_interval() -> None:
    found = _one("On 9 and 10 June, marchers filled the square.", "2031-06-12")
    assert (found.value, found.end_value) == ("2031-06-09", "2031-06-10")


def test_from_to_clock_times_cross_midnight() -> None:
    found = _one("A curfew from 23:00 to 07:00 applies in Velmora.")
    assert (found.value, found.end_value) == ("2031-03-14T23:00", "2031-03-15T07:00")
    assert [p.value for p in _times("A curfew from 23:00 to 07:00 applies.", "2031-03-14", parts=True)] == [
        "2031-03-14T23:00", "2031-03-14T07:00"]


def test_until_and_since_are_open_to_the_article_date() -> None:
    until = _one("The measures will last until 19 March.")
    assert (until.value, until.end_value) == ("2031-03-14", "2031-03-19")
    since = _one("Roads have been closed since Sunday.")
    assert (since.value, since.end_value) == ("2031-03-09", "2031-03-14")


def test_between_two_dates() -> None:
    found = _one("The survey ran between 17 October and 23 March.", "2031-03-30")
    assert (found.value, found.end_value) == ("2030-10-17", "2031-03-23")


def test_without_article_date_relative_days_are_skipped_and_calendar_ones_underspecified() -> None:
    found = _times("On Thursday, yesterday's ferry was late; the port closed on January 6.", None)
    assert [(t.text, t.value) for t in found] == [("Thursday", "XXXX-WXX-4"), ("January 6", "XXXX-01-06")]


def test_may_the_modal_is_not_a_month() -> None:
    assert _times("Officials say the river may rise again.", "2031-03-14") == []


def test_inferred_date_from_weekday_linked_to_calendar_date() -> None:
    # 3 January 2027 was a Sunday: "began on Sunday" + "began on January 3" fixes the year; the lede says Friday.
    text = (
        "Officials in Velmora on Friday urged calm.\n\n"
        "The marches began on Sunday in the harbour district.\n\n"
        "Marches began on January 3 after bread prices rose.\n\n"
        "On Thursday, the governor met union leaders."
    )
    paragraphs = split_paragraphs(text)
    got = infer_article_date(text, split_sentences(text, paragraphs), not_after=dt.date(2031, 1, 1))
    assert got == "2027-01-08"


def test_inferred_date_from_lede_weekday_and_latest_date() -> None:
    text = "The envoy arrived on Thursday.\n\nTalks opened on 2 March 2024 and resumed on 6 March 2024."
    paragraphs = split_paragraphs(text)
    assert infer_article_date(text, split_sentences(text, paragraphs)) == "2024-03-07"  # 6 March 2024 was a Wednesday


def test_future_deadline_is_not_a_lower_bound() -> None:
    text = "The envoy arrived on Monday, 2 March 2026.\n\nThe curfew will last until 30 March."
    paragraphs = split_paragraphs(text)
    assert infer_article_date(text, split_sentences(text, paragraphs)) == "2026-03-02"


def test_no_evidence_no_date() -> None:
    text = "The envoy arrived on Thursday."
    assert infer_article_date(text, split_sentences(text)) is None


def test_the_word_classes_let_every_kind_of_expression_through() -> None:
    from sitrep.annotate.times.factory import NEEDS, word_classes
    from sitrep.annotate.times.parser import find

    examples = {
        "iso": "Filed 2031-05-04 at the port.", "dmy": "It opened on 4 May.", "mdy": "It opened on May 4.",
        "my": "It opened in May.", "decade": "Built in the 1990s.", "weekday": "It opened on Tuesday.",
        "deictic": "It opened yesterday.", "podrel": "It opened this morning.", "season": "It opened last summer.",
        "quarter": "Sales rose in the third quarter.", "ago": "It opened two weeks ago.",
        "relunit": "It opened last week.", "duration": "It stayed open for three hours.",
        "plural": "It stayed open for weeks.", "clock": "It opened at 9 am.", "noon": "It opened at noon.",
        "ref": "It is open now.", "set": "It opens weekly.",
    }
    for kind, sentence in examples.items():
        present = {name for name, words in word_classes().items() if words.search(sentence)}
        assert NEEDS[kind] & present, kind
        assert kind in {c.kind for c in find(sentence)}, kind
    assert {c.kind for c in find("The market opens every season.")} == {"set"}
    assert not any(words.search("The ferry left the harbour with its lights on.") for words in word_classes().values())
    assert find("The ferry left the harbour with its lights on.") == []
