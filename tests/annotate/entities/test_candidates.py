"""The cheap pass: NER only on candidate sentences, names elsewhere by repeats, gazetteer and titles."""

from __future__ import annotations

from sitrep.annotate.entities.candidates import carries_facts, missed_by_ner, name_runs, worth_ner
from sitrep.annotate.entities.items import Candidate
from tests.annotate.helpers import context

TEXT = (
    "Floods in Karaganda.\n\n"
    "The Northern Relief Alliance sent teams to the river on Monday.\n\n"
    "Oleg Vasnetsov said 12 people were missing.\n\n"
    "Engineers from the Northern Relief Alliance inspected the dams near Almaty.\n\n"
    "Vasnetsov thanked the volunteers.\n\n"
    "Marina Pirogova, spokeswoman of the mission, visited the camps."
)


def test_only_candidate_sentences_go_to_ner() -> None:
    ctx = context(TEXT)
    chosen = [s.text for s, w in zip(ctx.sentences, worth_ner(ctx), strict=True) if w]
    assert "Oleg Vasnetsov said 12 people were missing." in chosen
    assert "Vasnetsov thanked the volunteers." not in chosen


def test_names_in_other_sentences_are_still_found() -> None:
    found = {(m.text, m.kind) for m in context(TEXT).mentions}
    assert ("Vasnetsov", "person") in found  # the surname of a person recognised elsewhere
    assert ("Almaty", "place") in found  # gazetteer
    assert ("Marina Pirogova", "person") in found  # a title after the name
    assert sum(1 for m in context(TEXT).mentions if m.text == "Northern Relief Alliance") == 2


def test_title_word_inside_a_company_name() -> None:
    found = {m.text: m.kind for m in context("General Motors said 300 workers were laid off.").mentions}
    assert found.get("General Motors") == "organization"
    assert "Motors" not in found


STORY = (
    "Storm floods Karaganda.\n\n"
    "Rescuers of the Steppe Relief Fund reached Karaganda on Monday.\n\n"
    "The Steppe Relief Fund said 40 homes were flooded.\n\n"
    "Volunteers from Dorvalia cleared the roads.\n\n"
    "Aigerim Saparova said 12 people were missing.\n\n"
    "Analysts said Saparova's count was cautious."
)


def _chosen(text: str) -> list[str]:
    ctx = context(text)
    return [s.text for s, w in zip(ctx.sentences, worth_ner(ctx), strict=True) if w]


def test_ner_goes_to_fact_sentences_with_names_the_cheap_pass_cannot_settle() -> None:
    chosen = _chosen(STORY)
    assert "Rescuers of the Steppe Relief Fund reached Karaganda on Monday." in chosen  # the lead, a new name
    assert "Aigerim Saparova said 12 people were missing." in chosen  # a figure and a new name
    assert "The Steppe Relief Fund said 40 homes were flooded." not in chosen  # its one name was seen before
    assert "Volunteers from Dorvalia cleared the roads." not in chosen  # no fact: names by the cheap rules
    assert "Analysts said Saparova's count was cautious." not in chosen  # a surname seen, a plain opening word


def test_name_runs_leave_out_plain_words() -> None:
    assert name_runs("The Dow Jones index fell in March.") == [["Dow", "Jones"]]
    assert name_runs("Analysts expect a cut.") == []
    assert name_runs("Michelle Bachelet spoke.") == [["Michelle", "Bachelet"]]  # a first name is no plain word
    assert name_runs("Japan grew and the Bank of Dorvalia's rate rose.") == [["Japan"], ["Bank", "of", "Dorvalia"]]
    assert name_runs("President Omarov met British envoys.") == [["Omarov"]]


def test_repeats_take_possessives_but_not_currency_codes() -> None:
    found = {(m.text, m.start) for m in context(
        "Officials in Dorvalia said 3 people died.\n\nDorvalia's army guards the Dorvalia$ vault.").mentions}
    texts = [t for t, _ in found]
    assert texts.count("Dorvalia") == 2  # "Dorvalia's" counts, "Dorvalia$" does not


def test_a_place_after_a_lower_case_rank_word_stays_a_place() -> None:
    found = {m.text: m.kind for m in context(
        "Storm hits Dorvalia.\n\nThree major United States agencies sent help to the coast.").mentions}
    assert found.get("United States") == "place"


def test_a_ministry_is_not_settled_by_another_ministry() -> None:
    text = ("Dorvalia declares a curfew.\n\n"
            "Seven people were killed, the Health Ministry said.\n\n"
            "More than 200 people were detained, according to the Interior Ministry.")
    assert name_runs("according to the Interior Ministry.") == [["Interior", "Ministry"]]
    assert "More than 200 people were detained, according to the Interior Ministry." in _chosen(text)
    found = {(m.text, m.kind) for m in context(text).mentions}
    assert ("Interior Ministry", "organization") in found


def test_a_run_ner_passed_over_gets_one_more_reading() -> None:
    text = ("Floods reach the valley.\n\n"
            "Rescuers met Aigul Temirova on Monday.\n\n"
            "Four people were missing near the Temirova farm, Zarina Ospanova said.\n\n"
            "Two people were hurt near the Temirova farm, Ospanova said.")
    ctx = context(text)
    facts, worth = carries_facts(ctx), worth_ner(ctx)
    assert worth == [False, True, True, False]
    nothing_found = missed_by_ner(ctx, facts, worth, [])
    assert nothing_found == [False, False, False, True]  # "Ospanova" was never returned: the sentence goes to NER
    found = [Candidate(0, 0, "Zarina Ospanova", "person", "ner"), Candidate(0, 0, "Aigul Temirova", "person", "ner")]
    assert missed_by_ner(ctx, facts, worth, found) == [False, False, False, False]  # surnames of found persons


def test_a_place_ner_missed_in_a_list_is_found_from_elsewhere_in_the_article() -> None:
    text = ("Troops enter Jalal-Abad.\n\n"
            "Two people were killed in Jalal-Abad on Tuesday, relatives said.\n\n"
            "The protests began in Osh and Jalal-Abad on Sunday and spread to Bishkek on Monday.")
    places = [m.start for m in context(text).mentions if m.text == "Jalal-Abad" and m.kind == "place"]
    assert len(places) == 3


def test_regions_and_country_abbreviations_are_found_without_ner() -> None:
    text = ("Floods in Karaganda.\n\n" + "The rain went on.\n\n" * 4 +
            "The company will assemble the pumps in Mobile, Alabama, and in Texas.\n\n"
            "Help came from the U.S. and the UK this week.\n\n"
            "A ticket sold for US$ 29 at the Music Store, or 30 US dollars.")
    ctx = context(text)
    unread = [s.text for s, w in zip(ctx.sentences, worth_ner(ctx), strict=True) if not w]
    assert "Help came from the U.S. and the UK this week." in unread  # found by the cheap pass, not by NER
    found = [(m.text, m.kind) for m in ctx.mentions if m.start > text.index("The company")]
    for name in ("Mobile", "Alabama", "Texas", "U.S.", "UK"):
        assert (name, "place") in found
    # a region's name used as no place ("Store": a Slovenian municipality), a currency
    assert not {text for text, _ in found} & {"Store", "US"}
