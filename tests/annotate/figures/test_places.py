"""A figure's place is taken from the clause that holds its count, never from a name that is no place."""

from __future__ import annotations

from sitrep.annotate.figures import extract_found
from tests.annotate.helpers import context


def _places(text: str) -> list[tuple[str, int, str | None]]:
    return [(f.figure.measure, f.figure.low, f.figure.place_text) for f in extract_found(context(text))]


def test_a_place_in_another_clause_is_not_the_place_of_the_count() -> None:
    found = _places(
        "More than 200 people have been detained, according to the Interior Ministry, and the organisation has "
        "received credible reports of detainees being beaten in police custody in Osh and Bishkek.\n\n"
        "He declined to comment on claims that 11 police officers were killed in the city on Wednesday, and "
        "referred questions to the Interior Ministry in Bishkek.\n\n"
        "Police said 12 people were killed and 300 injured in clashes in Osh; in Bishkek, 40 people were detained."
    )
    assert found == [("detained", 200, None), ("killed", 11, None), ("killed", 12, "Osh"), ("injured", 300, "Osh"),
                     ("detained", 40, "Bishkek")]
