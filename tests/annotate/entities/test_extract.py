"""Entity mentions on fictional text: kinds corrected by rules, acronyms, sentence boundaries, keys."""

from __future__ import annotations

from tests.annotate.helpers import context

TEXT = (
    "The Federal Ministry of Water Affairs warned of floods in Karaganda on Monday.\n\n"
    "Spokesman Oleg Vasnetsov told reporters that the Northern Relief Alliance (NRA) had sent teams.\n\n"
    "“The dams are holding, but barely,” said Vasnetsov.\n\n"
    "Ms. Pirogova, head of the NRA mission, visited Astana and Almaty."
)


def kinds() -> dict[str, str]:
    return {m.text: m.kind for m in context(TEXT).mentions}


def test_rules_fix_kinds() -> None:
    found = kinds()
    assert found["Federal Ministry of Water Affairs"] == "organization"
    assert found["Oleg Vasnetsov"] == "person"
    assert found["Vasnetsov"] == "person"
    assert found["Pirogova"] == "person"
    assert found["Astana"] == "place"
    assert found["Almaty"] == "place"


def test_acronym_joins_its_long_form() -> None:
    mentions = context(TEXT).mentions
    long = next(m for m in mentions if m.text == "Northern Relief Alliance")
    short = [m for m in mentions if m.text == "NRA"]
    assert long.kind == "organization"
    assert short and all(m.key == long.key and m.kind == "organization" for m in short)


def test_mentions_stay_inside_sentences_and_spans_match() -> None:
    ctx = context(TEXT)
    for m in ctx.mentions:
        assert ctx.text[m.start : m.end] == m.text
        assert any(s.start <= m.start and m.end <= s.end for s in ctx.sentences)


def test_places_are_keyed_by_gazetteer_id() -> None:
    mentions = {m.text: m for m in context(TEXT).mentions}
    assert mentions["Astana"].key.startswith("geo:")
    assert mentions["Vasnetsov"].key == mentions["Oleg Vasnetsov"].key


def test_a_heading_of_one_word_is_not_a_name() -> None:
    from sitrep.annotate.entities import extract
    from tests.annotate.helpers import context

    ctx = context("Background\n\nPolice said 40 people were detained after protests in Bishkek on Monday.")
    names = {m.text: m.kind for m in extract(ctx)}
    assert "Background" not in names
    assert names.get("Bishkek") == "place"


def test_portfolios_places_joined_by_and_and_the_city_of() -> None:
    ctx = context(
        "Troops were deployed to the cities of Osh and Jalal-Abad on Tuesday, officials said.\n\n"
        "Interior Minister Oleg Vasnetsov said 40 people were detained in the city of Jalal-Abad.\n\n"
        "Mobile data remained unavailable in Osh and Jalal-Abad, according to the Interior Ministry."
    )
    found = [(m.text, m.kind) for m in ctx.mentions]
    assert ("Osh and Jalal-Abad", "organization") not in found
    assert {text for text, kind in found if kind == "place"} >= {"Osh", "Jalal-Abad"}
    assert all(kind == "place" for text, kind in found if text == "Jalal-Abad")
    assert ("Interior", "organization") not in found
    assert ("Oleg Vasnetsov", "person") in found


def test_a_place_span_ending_in_common_nouns_and_a_place_known_as_an_organisation() -> None:
    """"the southern Kyrgyz city of Osh": "Kyrgyz city" is no place name; "the Osh city police department" is an
    organisation; a figure's place is never a name the entities stage took for an organisation ("at the UN")."""
    from sitrep.annotate.figures import extract_found

    ctx = context(
        "BISHKEK, March 4 (Meridian Wire) - At least three people were killed in overnight clashes between "
        "protesters and police in the southern Kyrgyz city of Osh, police said on Tuesday, as demonstrations "
        "against a steep rise in fuel prices spread across the Central Asian country.\n\n"
        "According to our sources in the Osh city police department and at the regional hospital, 11 police "
        "officers and National Guard servicemen were killed in Osh on Wednesday.\n\n"
        "Also he informed that all 62 international employees of UN in the country are in safety, and the offices "
        "of UN in Osh are closed until further notice. Three UN staff were injured in clashes at the UN compound."
    )
    found = [(m.text, m.kind) for m in ctx.mentions]
    assert not any(kind == "place" and text != "Osh" for text, kind in found), found
    assert ("Osh city police", "organization") in found
    places = {(f.figure.measure, f.figure.low): f.figure.place_text for f in extract_found(ctx)}
    assert places == {("killed", 3): "Osh", ("killed", 11): "Osh", ("injured", 3): None}


def test_a_line_in_capitals_gives_only_known_places() -> None:
    ctx = context("VELORIA: RELEASE PEACEFUL PROTESTERS DETAINED AFTER PARLIAMENTARY ELECTIONS IN ALMATY\n\n"
                  "The Ministry of Justice said 40 people were still held.")
    found = {(m.text, m.kind) for m in ctx.mentions}
    assert not any(text.isupper() and kind != "place" for text, kind in found), found
    assert ("Ministry of Justice", "organization") in found


def test_an_observatory_is_an_organisation() -> None:
    ctx = context("According to the monitoring group Netgauge Observatory, traffic fell by half on Tuesday.")
    assert ("Netgauge Observatory", "organization") in {(m.text, m.kind) for m in ctx.mentions}


def test_regions_are_places_and_an_acronym_is_no_surname() -> None:
    ctx = context("About 40,000 people fled camps in western Rakhine state, said a panel led by former UN Secretary "
                  "General Arkady Unn. Fighting spread to the Almaty region and to Almaty itself.")
    found = {(m.text, m.start): m for m in ctx.mentions}
    rakhine = next(m for (text, _), m in found.items() if text == "Rakhine")
    assert rakhine.kind == "place" and rakhine.key.startswith("geo:MM-")  # NER calls it an organisation
    assert next(m for (text, _), m in found.items() if text == "UN").kind == "organization"  # not "Unn"
    almaty = sorted((m for (text, _), m in found.items() if text == "Almaty"), key=lambda m: m.start)
    assert len(almaty) == 2 and almaty[0].key != almaty[1].key  # the region, then the city
    assert almaty[0].key.startswith("geo:KZ-")


def test_a_name_listed_after_a_place_preposition_is_used_as_a_place() -> None:
    from sitrep.annotate.entities.extractor import _place_use
    from sitrep.resolve.geocode import gazetteer

    places = gazetteer().lookup_all("Jalal-Abad")
    assert places
    assert _place_use("Protests spread to Jalal-Abad.", "Jalal-Abad", places)
    assert _place_use("Protests spread to Bishkek and Jalal-Abad on Friday.", "Jalal-Abad", places)
    assert _place_use("Clashes in Osh, Uzgen and Jalal-Abad.", "Jalal-Abad", places)
    assert not _place_use("Jalal-Abad Textiles said its mill was closed.", "Jalal-Abad", places)
    assert not _place_use("Talks with Bishkek and Jalal-Abad Textiles.", "Jalal-Abad", places)  # "with" places nothing
