"""One written form for an organisation: aliases, acronyms, translations and a national qualifier."""

from __future__ import annotations

from sitrep.annotate.entities.organisations import canonical
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
