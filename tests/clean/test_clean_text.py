"""Plain-text cleaning: the boilerplate classifier and printed dates, on fictional pages and the real seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.clean import clean
from sitrep.clean.dates import printed_date
from sitrep.errors import NoContent
from sitrep.models import RawDoc
from sitrep.text import split_paragraphs

# A fictional scraped page with the kinds of furniture real pages carry, none of it from the seeds.
FURNISHED = """Menu
Search

Cholera outbreak spreads in Tarvos province | Coastal Herald

Posted on: 3 April 2023

7 min read

Health officials in Tarvos confirmed 212 new cholera cases on Sunday, bringing the total since March to 1,480.

Cholera outbreak spreads in Tarvos province

Health officials in Tarvos confirmed 212 new cholera cases on Sunday, bringing the total since March to 1,480.

Water supply

The provincial water board said that two of the four treatment plants had been shut since the storm of 28 March.

The Health Ministry calls on donors to:

  • Fund chlorine tablets for every household in the affected districts.
  • Send mobile clinics to the fishing villages along the coast.

Share on Facebook
Share on Telegram

Επικοινωνήστε μαζί μας για οποιαδήποτε απορία.

Related articles

Storm damage assessed in the northern districts
Fishing fleet stays in harbour for a third week

Subscribe to our newsletter and get the news of the coast every morning.
Our apps
Careers
Advertise
© 2023 Coastal Herald
"""


def raw(text: str, name: str = "page.txt", **kwargs: str) -> RawDoc:
    return RawDoc(source=name, kind="text", data=text.encode("utf-8"), **kwargs)


def test_furniture_goes_and_the_article_stays() -> None:
    article = clean(raw(FURNISHED))
    text = article.text
    for furniture in ("Menu", "min read", "Share on", "Related articles", "Subscribe", "Careers", "©", "Storm damage"):
        assert furniture not in text, furniture
    assert not re.search(r"[\u0370-\u03ff]", text)  # the widget in another script
    assert text.count("confirmed 212 new cholera cases") == 1  # the repeated lead is gone
    assert "Water supply" in text  # a section heading between paragraphs stays
    assert "• Fund chlorine tablets for every household in the affected districts." in text
    assert "• Send mobile clinics to the fishing villages along the coast." in text
    assert article.title == "Cholera outbreak spreads in Tarvos province"
    assert article.published == "2023-04-03"
    assert article.paragraphs == split_paragraphs(text)


def test_an_event_date_in_the_text_is_not_a_publication_date() -> None:
    text = ("Relief convoy reaches Orvik\n\nOn 12 March 2024, a convoy of twenty trucks reached the town of Orvik "
            "after the road was cleared, the agency said.\n\nDistribution of food began the next morning.")
    assert clean(raw(text)).published is None


@pytest.mark.parametrize(("lines", "expected"), [
    (["Publication date: January 10, 2022"], "2022-01-10"),
    ([" date 2019-06-12 12 Jun 2019", "Title of the report"], "2019-06-12"),
    (["Title", "Report", "Published on 12 Jun 2019 View Original"], "2019-06-12"),
    (["Title", "Monday, 4 March 2024 | 10:15 GMT"], "2024-03-04"),
    (["© 2022 Coastal Herald"], None),
    (["The date of the vote, 9 June 2019, was set by decree."], None),
])
def test_printed_dates(lines: list[str], expected: str | None) -> None:
    assert printed_date(lines) == expected


def test_markdown_syntax_is_removed() -> None:
    text = ("# Flood update\n\nThe **river** rose by [two metres](https://x.example) overnight, "
            "the water board said on Monday.\n\n- Evacuate the lower town before noon today.\n")
    article = clean(raw(text, name="notes.md"))
    assert article.text.startswith("Flood update\n\nThe river rose by two metres overnight")
    assert "• Evacuate the lower town before noon today." in article.text


def test_only_furniture_is_no_content() -> None:
    with pytest.raises(NoContent):
        clean(raw("Share\nFacebook\nTwitter\n\n© 2024 Example\n"))


# generic web furniture (widget and footer words any site may carry), not text of the pages themselves
SEED_FURNITURE = ("Similar Posts", "seconds Read", "ctrl-enter", "Share on social media", "Become a volunteer",
                  "Location Maps", "Frequently Asked Questions", "Submit Content")


def test_seed_pages_lose_their_furniture_and_keep_their_facts(seeds_dir: Path) -> None:
    articles = {p.name[:3]: clean(RawDoc(source=str(p), kind="text", data=p.read_bytes()))
                for p in sorted(seeds_dir.glob("*.txt"))}
    assert sorted(articles) == ["000", "001", "002", "003", "004"]
    for key, article in articles.items():
        for furniture in SEED_FURNITURE:
            assert furniture not in article.text, (key, furniture)
        assert not re.search(r"[\u0400-\u04ff]", article.text), key  # no Cyrillic help/chat widget
        assert article.language == "en"
        assert article.paragraphs == split_paragraphs(article.text)
        assert all(len(a.text) > 1000 for a in [article]), key
    assert "2,000 people have been detained" in articles["000"].text
    assert "12 law enforcement officers were killed" in articles["001"].text
    assert "400 people were hospitalized" in articles["002"].text
    assert "at least 1000 arrests" in articles["003"].text
    assert "12 police officers were killed" in articles["004"].text
    demands = [line for line in articles["002"].text.split("\n") if line.startswith("• ")]
    assert len(demands) == 9 and demands[0].startswith("• Ensure the observance")
    assert "calls on the Kazakh authorities to:" in articles["002"].text
    assert {k: a.published for k, a in articles.items()} == {
        "000": None, "001": None, "002": "2022-01-10", "003": "2019-06-12", "004": None}
