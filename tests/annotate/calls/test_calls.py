"""Calls on fictional text: "called on Y to Z", "urged", "calls for", and a bulleted list of demands."""

from __future__ import annotations

from sitrep.annotate import calls
from tests.annotate.helpers import context


def test_called_on_and_urged() -> None:
    ctx = context(
        "Commissioner Ilse Marquardt called on the provincial police to release the detained students.\n\n"
        "She urged the governor to open the border crossings."
    )
    found = calls.extract(ctx)
    assert [(c.addressee_text, c.demand) for c in found] == [
        ("the provincial police", "release the detained students"),
        ("the governor", "open the border crossings"),
    ]
    assert found[0].caller_key and found[0].caller_key == found[1].caller_key


def test_calls_for_has_no_addressee() -> None:
    ctx = context("The Northern Relief Alliance calls for the release of all detained volunteers.")
    (call,) = calls.extract(ctx)
    assert call.addressee_text is None
    assert call.demand == "the release of all detained volunteers"
    assert call.caller_text is not None and "Northern Relief Alliance" in call.caller_text


def test_bulleted_demands_share_caller_and_addressee() -> None:
    ctx = context(
        "The Lakeside Rights Council calls on the regional government to:\n\n"
        "  • Restore the water supply to all districts.\n"
        "  • Allow independent monitors into the camps.\n"
        "  • Publish the list of detainees.\n\n"
        "The council will report again next week."
    )
    found = calls.extract(ctx)
    assert [c.demand for c in found] == [
        "Restore the water supply to all districts",
        "Allow independent monitors into the camps",
        "Publish the list of detainees",
    ]
    assert {c.addressee_text for c in found} == {"the regional government"}
    assert len({c.caller_text for c in found}) == 1
    for c in found:
        assert ctx.text[c.start : c.end] == c.demand
