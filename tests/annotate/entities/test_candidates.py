"""The cheap pass: NER only on candidate sentences, names elsewhere by repeats, gazetteer and titles."""

from __future__ import annotations

from sitrep.annotate.entities.candidates import worth_ner
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
