"""One written form for an organisation: aliases, acronyms, translations, a national qualifier, and the
country that keeps one country's national body apart from another's."""

from __future__ import annotations

from sitrep.annotate.entities.factory import vocabulary
from sitrep.annotate.entities.items import Candidate
from sitrep.annotate.entities.organisations import bare_heads, canonical, national_body, publisher, stated_country
from sitrep.resolve import ResolvedEntity, resolve_entities
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


def test_a_national_body_is_made_of_generic_words_of_the_state() -> None:
    for name in ["Interior Ministry", "Ministry of Health", "Ministry of health", "National Guard",
                 "Central Election Commission", "Cabinet of Ministers", "Parliament"]:
        assert national_body(name), name
    for name in ["Civic Front for Justice", "Osh city police", "United Nations", "Lantern Rights International",
                 "Ministry of Health of Veloria", "National"]:
        assert not national_body(name), name


def test_the_country_a_national_body_states() -> None:
    assert stated_country("Ministry of Health of the Kyrgyz Republic", "said the ") == "KG"
    assert stated_country("Kyrgyz Interior Ministry", "") == "KG"
    assert stated_country("Interior Ministry", "Police in Osh and Kazakhstan's ") == "KZ"
    assert stated_country("Interior Ministry", "The Kyrgyz ") == "KG"
    assert stated_country("Interior Ministry", "Meanwhile the ") is None
    assert stated_country("Interior Ministry", "in Kyrgyzstan.\n") is None  # another sentence states nothing
    assert canonical("Kyrgyz Interior Ministry") == "Interior Ministry"
    assert canonical("Russian Academy of Sciences") == "Russian Academy of Sciences"  # not a national body


def test_national_bodies_of_two_countries_stay_apart() -> None:
    """Fictional reports: Kyrgyzstan's interior ministry in two translations and its acronym join, and take
    KG; Kazakhstan's is another entity, whether the article is about Kazakhstan or names it in passing; a report
    whose places leave the country open keeps its ministry apart from both."""
    texts = {
        "kg1": "Police in Osh detained 40 people on Monday, the Interior Ministry said. Protests also spread to "
               "Bishkek in Kyrgyzstan.",
        "kg2": "The Ministry of Internal Affairs of the Kyrgyz Republic said 12 people were detained in Bishkek. "
               "The MIA added that Osh was calm.",
        "kz1": "In Almaty, the Ministry of Internal Affairs said 300 people were detained. Shymkent and Aktobe in "
               "Kazakhstan also saw protests.",
        "kg3": "Kazakhstan's Interior Ministry said on Tuesday that the border near Osh was closed. Bishkek and "
               "Osh in Kyrgyzstan protested.",
        "open": "The Interior Ministry said 14 people were detained.",
    }
    docs = {doc: list(context(text, doc).mentions) for doc, text in texts.items()}
    r = resolve_entities(docs)

    def entity(doc: str, text: str) -> ResolvedEntity:
        mention = next(m for m in docs[doc] if m.text == text)
        found = r.entity(r.assignments[(doc, mention.start)])
        assert found is not None
        return found

    kyrgyz = entity("kg1", "Interior Ministry")
    assert kyrgyz.country == "KG"
    assert entity("kg2", "Ministry of Internal Affairs") == kyrgyz
    assert entity("kg2", "MIA") == kyrgyz
    kazakh = entity("kz1", "Ministry of Internal Affairs")
    assert kazakh.country == "KZ" and kazakh != kyrgyz
    assert entity("kg3", "Interior Ministry") == kazakh
    unknown = entity("open", "Interior Ministry")
    assert unknown.country is None and unknown not in (kyrgyz, kazakh)
