"""Cross-article resolution: variants join, look-alikes stay apart, and arrival order does not matter."""

from __future__ import annotations

import random

from sitrep.annotate.entities.keys import surname_key
from sitrep.models import Mention
from sitrep.resolve import entity_key_candidates, profile_of, resolve_entities, same_entity


def person(text: str, start: int) -> Mention:
    return Mention(text, start, start + len(text), "person", surname_key(text))


def org(text: str, start: int, key: str) -> Mention:
    return Mention(text, start, start + len(text), "organization", key)


DOCS = {
    "a": [person("Stéphane Dujarric", 0), person("Dujarric", 40), person("Antonio Guterres", 80),
          person("Natalia Gherman", 120), person("Gurman", 160), person("Natalia Gellman", 200)],
    "b": [person("Stefan Duzharrik", 0), person("Stefan Dyuzharik", 50), person("Dujarrick", 90),
          person("Michel Bachelet", 130), person("Bachelet", 170)],
    "c": [person("Michelle Bachelet", 0), person("Kassym-Jomart Tokayev", 30), person("Tokayev", 70),
          person("Mukhtar Tileuberdi", 100), person("Pavel Dujardin", 140), person("Ivan Tokarev", 180)],
    "d": [person("Kasim-Jomart Tokayev", 0), person("Tokaev", 40), org("CSTO", 80, "csto")],
    "e": [org("Collective Security Treaty Organization", 0, "k"), org("CSTO", 50, "k")],
}


def entity_of(resolution: object, doc: str, text: str) -> str:
    mention = next(m for m in DOCS[doc] if m.text == text)
    return resolution.assignments[(doc, mention.start)]  # type: ignore[attr-defined,no-any-return]


def test_variants_resolve_to_one_entity() -> None:
    r = resolve_entities(DOCS)
    groups = [
        [("a", "Stéphane Dujarric"), ("a", "Dujarric"), ("b", "Stefan Duzharrik"), ("b", "Dujarrick")],
        [("b", "Michel Bachelet"), ("b", "Bachelet"), ("c", "Michelle Bachelet")],
        [("a", "Natalia Gherman"), ("a", "Gurman"), ("a", "Natalia Gellman")],
        [("c", "Kassym-Jomart Tokayev"), ("c", "Tokayev"), ("d", "Kasim-Jomart Tokayev"), ("d", "Tokaev")],
        [("d", "CSTO"), ("e", "Collective Security Treaty Organization"), ("e", "CSTO")],
    ]
    for group in groups:
        assert len({entity_of(r, d, t) for d, t in group}) == 1, group
    names = {e.name for e in r.entities}
    assert "Stéphane Dujarric" in names  # most frequent full name, diacritics preferred on a tie
    assert "Collective Security Treaty Organization" in names


def test_must_not_merge() -> None:
    r = resolve_entities(DOCS)
    pairs = [(("a", "Natalia Gherman"), ("a", "Antonio Guterres")), (("a", "Dujarric"), ("c", "Pavel Dujardin")),
             (("c", "Tokayev"), ("c", "Ivan Tokarev")), (("c", "Tokayev"), ("c", "Mukhtar Tileuberdi")),
             (("a", "Dujarric"), ("b", "Bachelet")), (("a", "Natalia Gellman"), ("a", "Antonio Guterres"))]
    for x, y in pairs:
        assert entity_of(r, *x) != entity_of(r, *y), (x, y)


def test_order_independence() -> None:
    reference = resolve_entities(DOCS)
    rng = random.Random(7)
    for _ in range(5):
        keys = list(DOCS)
        rng.shuffle(keys)
        shuffled = {k: rng.sample(DOCS[k], len(DOCS[k])) for k in keys}
        again = resolve_entities(shuffled)
        assert again.entities == reference.entities
        assert again.assignments == reference.assignments


def test_bare_surname_with_two_namesakes_stays_apart() -> None:
    docs = {"x": [person("Anna Lindqvist", 0)], "y": [person("Erik Lindqvist", 0)], "z": [person("Lindqvist", 0)]}
    r = resolve_entities(docs)
    assert len({r.assignments[(d, 0)] for d in docs}) == 3


def test_pairwise_decision_and_blocking_keys() -> None:
    a = profile_of("p", [person("Natalia Gherman", 0)])
    b = profile_of("p", [person("Natalia Gellman", 20)])
    c = profile_of("q", [person("Natalia Gellman", 20)])
    assert same_entity(a, b) and same_entity(b, a)
    assert not same_entity(a, c)  # near spellings across documents need shared context
    assert entity_key_candidates(person("Gherman", 0)) & entity_key_candidates(person("Gellman", 0))


def test_an_italian_ch_written_as_k_joins_with_the_same_first_name_and_context() -> None:
    docs = {"x": [person("Stefan Marchetti", 0), person("Dalia Orsk", 30), org("Lakeside Council", 60, "lksd")],
            "y": [person("Shtefan Marketti", 0), person("Dalia Orsk", 30), org("Lakeside Council", 60, "lksd")],
            "z": [person("Ivo Marketti", 0)]}
    r = resolve_entities(docs)
    assert r.assignments[("x", 0)] == r.assignments[("y", 0)]  # Stefan / Shtefan, Marchetti / Marketti
    assert r.assignments[("z", 0)] != r.assignments[("x", 0)]  # another first name


def test_an_organisation_in_another_word_order_is_one_entity() -> None:
    """"Health Ministry" and "Ministry of Health" (a translation's word order) join across documents; a longer
    name ("of Veloria") or another ministry stays apart; the fast clustering and the pairwise test agree."""
    from sitrep.annotate.entities.keys import name_key

    def named(text: str, start: int = 0) -> Mention:
        return org(text, start, name_key(text))

    docs = {"x": [named("Ministry of Health")], "y": [named("Health Ministry")], "z": [named("Interior Ministry")],
            "w": [named("Ministry of Health of Veloria"), named("Ministry of the Interior", 40)]}
    r = resolve_entities(docs)
    of = {(d, m.text): r.assignments[(d, m.start)] for d, ms in docs.items() for m in ms}
    assert of[("x", "Ministry of Health")] == of[("y", "Health Ministry")]
    assert of[("w", "Ministry of the Interior")] == of[("z", "Interior Ministry")]
    assert len({of[("x", "Ministry of Health")], of[("z", "Interior Ministry")],
                of[("w", "Ministry of Health of Veloria")]}) == 3
    x, y = profile_of("x", docs["x"]), profile_of("y", docs["y"])
    assert same_entity(x, y) and entity_key_candidates(docs["x"][0]) & entity_key_candidates(docs["y"][0])


def test_a_region_named_like_its_city_says_it_is_the_region() -> None:
    docs = {"a": [Mention("Osh", 0, 3, "place", "geo:KG-osh"), Mention("Osh", 40, 43, "place", "geo:1527534")]}
    names = {e.name: e for e in resolve_entities(docs).entities}
    assert set(names) == {"Osh region", "Osh"}
    assert names["Osh region"].aliases == ("Osh",) and names["Osh region"].country == "KG"
