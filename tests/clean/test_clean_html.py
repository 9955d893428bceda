"""HTML cleaning and decoding on fictional pages: main text, metadata, dates, charsets, errors."""

from __future__ import annotations

from typing import Any

import pytest

import sitrep.clean.html as html_module
from sitrep.clean import clean
from sitrep.errors import BinaryInput, NoContent
from sitrep.models import RawDoc
from sitrep.text import split_paragraphs

BODY = """
<p>The river Tamsel burst its banks on Monday night, and at least 40 people were killed in the town of Orvik,
the regional governor told reporters on Tuesday morning.</p>
<h2>Thousands displaced</h2>
<p>More than 3,000 people were displaced, according to the Valdorian Red Crescent, which opened twelve shelters
in schools and sports halls across the province.</p>
<ul><li>Send boats to the flooded districts without delay.</li>
<li>Open every school of the province as a shelter.</li></ul>
<p>The governor said the situation remained very serious and asked neighbouring provinces for help.</p>
"""


def page(head: str = "", body: str = BODY, footer: str = "<footer><p>© 2021 Orvik Daily. All rights reserved.</p>"
         "<p>Contact us | Privacy | Terms</p></footer>") -> str:
    return (f"<!DOCTYPE html><html><head><title>Floods kill 40 in Orvik | Orvik Daily</title>{head}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>Floods kill 40 in Orvik</h1>{body}</article>{footer}</body></html>")


def raw(data: bytes | str, url: str | None = "https://www.orvikdaily.example/2024/floods", **kwargs: Any) -> RawDoc:
    return RawDoc(source="fixture.html", kind="html", data=data.encode() if isinstance(data, str) else data,
                  url=url, **kwargs)


def test_main_text_paragraphs_and_metadata() -> None:
    article = clean(raw(page()))
    assert "at least 40 people were killed" in article.text
    assert "Home" not in article.text and "All rights reserved" not in article.text
    assert "\n\nThousands displaced\n\n" in article.text  # a heading is a paragraph of its own
    assert "• Send boats to the flooded districts without delay." in article.text
    assert article.paragraphs == split_paragraphs(article.text)
    assert len(article.paragraphs) >= 6
    assert article.title == "Floods kill 40 in Orvik"
    assert article.site == "orvikdaily.example"
    assert article.language == "en"
    assert article.doc_id == raw(page()).doc_id


def test_a_copyright_year_is_not_a_publication_date() -> None:
    assert clean(raw(page())).published is None


def test_metadata_date_and_container_date() -> None:
    meta = '<meta property="article:published_time" content="2024-03-04T21:10:00Z">'
    assert clean(raw(page(head=meta))).published == "2024-03-04"
    assert clean(raw(page(), published="2024-03-05T08:00:00+00:00")).published == "2024-03-05"


def test_a_labelled_date_in_the_page_is_used_but_not_an_event_date_in_the_text() -> None:
    labelled = page(body='<p class="byline">Published on 5 March 2024</p>' + BODY)
    assert clean(raw(labelled)).published == "2024-03-05"
    event = page(body="<p>On 2 March 2024, heavy rain began to fall over the hills north of the town.</p>" + BODY)
    assert clean(raw(event)).published is None


def test_cp1251_page_without_a_declared_charset() -> None:
    text = ("<html><body><article><p>Река Тамсел вышла из берегов в понедельник, и в городе Орвик погибли "
            "по меньшей мере 40 человек, сообщил губернатор области журналистам во вторник.</p>"
            "<p>Более трёх тысяч жителей были эвакуированы в школы и спортивные залы провинции.</p>"
            "</article></body></html>")
    article = clean(raw(text.encode("cp1251"), url=None))
    assert "погибли по меньшей мере 40 человек" in article.text
    assert article.language == "ru"


def test_latin1_page_without_a_declared_charset() -> None:
    text = ("<html><body><article><p>La rivière Tamsel est sortie de son lit lundi soir et au moins quarante "
            "personnes ont été tuées à Orvik, a déclaré le préfet de la région aux journalistes.</p>"
            "<p>Plus de trois mille habitants ont été évacués vers des écoles et des gymnases à l'intérieur.</p>"
            "</article></body></html>")
    article = clean(raw(text.encode("latin-1"), url=None))
    assert "ont été tuées à Orvik" in article.text
    assert article.language == "fr"


def test_declared_charset_is_used() -> None:
    text = page().replace("governor", "gouverneur à Orvik")
    article = clean(raw(text.encode("cp1252"), encoding="windows-1252"))
    assert "gouverneur à Orvik" in article.text


def test_invalid_utf8_bytes_are_replaced_not_fatal() -> None:
    data = page().replace("Tamsel", "Tamsél").replace("governor told", "governor’s office told").encode("utf-8")
    broken = data.replace(b"killed", b"kil\xffled")
    article = clean(raw(broken))
    assert "Tamsél" in article.text and "kil\ufffdled" in article.text


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(BinaryInput) as error:
        clean(raw(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))))
    assert error.value.source == "fixture.html"


def test_a_page_without_text_is_no_content() -> None:
    with pytest.raises(NoContent):
        clean(raw("<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"))


def test_fallback_extraction_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    article = clean(raw(page()))
    assert "at least 40 people were killed" in article.text
    assert "Privacy" not in article.text and "Sport" not in article.text


def test_a_date_whose_year_the_page_never_prints_is_not_a_published_date() -> None:
    from sitrep.clean import clean
    from sitrep.models import RawDoc

    body = "".join(f"<p>Paragraph {i}: the harbour workers of Port Arden kept the strike going, union leaders said.</p>"
                   for i in range(8))
    page = f"<html><head><title>Strike</title></head><body><article><h1>Strike goes on</h1>" \
           f"<p>PORT ARDEN, March 4 (Meridian) - The strike went on.</p>{body}</article></body></html>"
    article = clean(RawDoc(source="strike.html", kind="html", data=page.encode()))
    assert article.published is None
