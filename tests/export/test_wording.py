"""How a call reads in pages and exports."""

from __future__ import annotations

import pytest

from sitrep.export.wording import call_parts


@pytest.mark.parametrize(
    ("addressee", "demand", "reads"),
    [
        ("the authorities", "release the students", "calls on the authorities to release the students"),
        ("people", "not to take to the streets again", "calls on people not to take to the streets again"),
        (None, "a recount of the vote", "calls for a recount of the vote"),
        ("", "the governor's dismissal", "calls for the governor's dismissal"),
    ],
)
def test_a_call_reads_as_a_sentence(addressee: str | None, demand: str, reads: str) -> None:
    lead, rest = call_parts(addressee, demand)
    assert f"calls {lead} {rest}" == reads
