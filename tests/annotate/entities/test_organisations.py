"""One written form for an organisation: aliases, acronyms, translations and a national qualifier."""

from __future__ import annotations

from sitrep.annotate.entities.factory import vocabulary
from sitrep.annotate.entities.items import Candidate
from sitrep.annotate.entities.organisations import bare_heads, canonical, publisher
from sitrep.resolve import resolve_entities
from tests.annotate.helpers import context


def test_acronyms_and_translations_map_to_the_long_form() -> None:
    for written in ["UN", "U.N.", "the UN", "United Nations", "Organization of United Nations",
                    "United Nations Organisation"]:
        assert canonical(written) == "United Nations", written
    assert canonical("UN Human Rights Office") == canonical("OHCHR")
    assert canonical("Collective Security Treaty Organisation") == canonical("CSTO")


def test_a_national_qualifier_drops_only_after_a_name_with_its_own_of() -> None:
    assert canonical("Ministry of Health of the Kyrgyz Republic") == "Ministry of Health"
    assert canonical("Bank of Japan") == "Bank of Japan"  # one "of": the country is the name
    assert canonical("Ministry of Health of Veloria") == "Ministry of Health of Veloria"  # no country known


def test_translated_portfolios_read_as_one() -> None:
    assert canonical("Ministry of Internal Affairs") == "Ministry of Interior"
    assert canonical("Ministry of Foreign Affairs") == "Ministry of Foreign"
    assert canonical("Veloria Rights Watch") == "Veloria Rights Watch"  # unknown names pass unchanged


def test_reports_naming_one_body_several_ways_resolve_to_one_entity() -> None:
    """Three fictional reports: the acronym, the long name and a machine translation of the UN, and the
    interior ministry in two translations, join; the national health ministry keeps apart from the interior."""
    texts = {
        "a": "The UN said on Monday that 12 people were detained in Veloria, the Interior Ministry said.",
        "b": "The United Nations called for calm. The Ministry of Internal Affairs reported 14 arrests.",
        "c": "The Organization of United Nations urged restraint, the Ministry of Health of the Kyrgyz "
             "Republic said 3 people were injured.",
    }
    docs = {doc: list(context(text, doc).mentions) for doc, text in texts.items()}
    r = resolve_entities(docs)

    def entity(doc: str, text: str) -> str:
        mention = next(m for m in docs[doc] if m.text == text)
        return r.assignments[(doc, mention.start)]  # type: ignore[no-any-return]

    un = {entity("a", "UN"), entity("b", "United Nations"), entity("c", "Organization of United Nations")}
    assert len(un) == 1
    assert entity("a", "Interior Ministry") == entity("b", "Ministry of Internal Affairs")
    assert entity("c", "Ministry of Health of the Kyrgyz Republic") != entity("a", "Interior Ministry")
    assert entity("a", "Interior Ministry") not in un


def test_a_bare_head_word_names_the_body_named_before_it() -> None:
    text = ("Ministry of Health of Veloria. Press centre.\n\n"
            "The Ministry asks citizens to donate blood at the Port Salen blood centre.")
    docs = {"a": list(context(text, "a").mentions)}
    r = resolve_entities(docs)
    by_text = {m.text: r.assignments[("a", m.start)] for m in docs["a"]}
    assert by_text["Ministry"] == by_text["Ministry of Health of Veloria"]


def test_a_head_word_goes_to_the_nearest_body_with_that_word() -> None:
    found = [Candidate(0, 15, "Health Ministry", "organization"), Candidate(40, 57, "Interior Ministry",
                                                                           "organization"),
             Candidate(80, 88, "Ministry", "organization"), Candidate(90, 97, "Council", "organization")]
    heads = bare_heads(found, " " * 100, vocabulary().org_cues)
    assert heads[2].long_form == "Interior Ministry"
    assert heads[3].long_form is None  # no council named before it: a name of its own


def test_the_site_an_article_comes_from_is_an_organisation() -> None:
    found = [Candidate(0, 13, "Meridian Wire", "person"), Candidate(20, 28, "Tarn Vel", "person")]
    assert [c.kind for c in publisher(found, "meridianwire.example")] == ["organization", "person"]
    assert [c.kind for c in publisher(found, "The Meridian Wire")] == ["organization", "person"]
    assert publisher(found, None) == found
