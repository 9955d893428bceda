"""Calls on fictional text: "called on Y to Z", "urged", "calls for", and a bulleted list of demands."""

from __future__ import annotations

import pytest

from sitrep.annotate import calls, quotes
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


def _calls(text: str) -> list[tuple[str | None, str | None, str]]:
    ctx = context(text)
    return [(c.caller_text, c.addressee_text, c.demand) for c in calls.extract(ctx, quotes.extract(ctx))]


def test_a_negated_demand_keeps_its_not() -> None:
    assert _calls("The Veloria Interior Ministry urged residents not to approach the river banks.") == [
        ("Veloria Interior Ministry", "residents", "not to approach the river banks")]


def test_asking_not_to_be_named_is_no_call() -> None:
    assert _calls('"The water came at night," said a fisherman, who asked not to be named.') == []


def test_a_call_verb_used_as_a_noun_is_no_call() -> None:
    assert _calls('Four students have been charged with "calling for disorder", their lawyer said.') == []
    assert _calls("Charging students with calling for disorder is absurd, the lawyer said.") == []


def test_a_call_inside_a_quote_is_its_speakers_and_ends_with_it() -> None:
    found = _calls("Governor Ivo Brandt visited the dam on Monday.\n\n"
                   '"We are calling on the governor to open the dam gates," said Tomas Ferrand, head of the '
                   "Dravos Farmers Union.")
    assert found == [("Tomas Ferrand", "the governor", "open the dam gates")]


def test_the_demand_ends_before_a_second_verb_or_a_closing_attribution() -> None:
    assert _calls("Mayor Lena Osk appealed to residents to stay indoors and said the curfew would hold.") == [
        ("Lena Osk", "residents", "stay indoors")]
    assert _calls("The Secretary-General has called on all sides to refrain from violence, his spokesperson "
                  "said on Thursday.") == [("The Secretary-General", "all sides", "refrain from violence")]


def test_the_caller_is_the_subject_not_the_words_before_the_verb() -> None:
    [(caller, _, _)] = _calls("Organisers of the harbour rally, who call themselves a fishers' collective, said "
                              "they would return on Monday and called on residents of Dravos to join them.")
    assert caller == "Organisers of the harbour rally"
    [(caller, _, _)] = _calls("About 1,000 people gathered in the square to demand a recount.")
    assert caller == "About 1,000 people"  # the comma of a number is no break; "gathered ... to" is no caller
    [(caller, _, _)] = _calls("Flowers lay at the gate, and a handwritten sign urged people not to forget them.")
    assert caller == "a handwritten sign"


def test_a_second_call_joined_by_and_is_the_same_callers() -> None:
    assert _calls("The Dravos Farmers Union urged the police to show restraint and called on the governor to "
                  "reopen the dam, its chairman said.") == [
        ("Dravos Farmers Union", "the police", "show restraint"),
        ("Dravos Farmers Union", "the governor", "reopen the dam")]
    assert _calls("Mayor Lena Osk urged residents to stay calm and offered condolences to the families.") == [
        ("Lena Osk", "residents", "stay calm")]


def test_demands_that_with_a_list_or_a_clause() -> None:
    found = _calls("The Dravos Farmers Union demands that the provincial government:\n\n"
                   "- reopen the dam gates;\n\n- pay compensation to flooded villages.\n\nThe union meets on Friday.")
    assert found == [("Dravos Farmers Union", "the provincial government", "reopen the dam gates"),
                     ("Dravos Farmers Union", "the provincial government", "pay compensation to flooded villages")]
    assert _calls("The Dravos Farmers Union demanded that the governor resign.") == [
        ("Dravos Farmers Union", None, "the governor resign")]


def test_a_noun_demand_and_a_participle_call() -> None:
    assert _calls("Tomas Ferrand repeated his demand for the governor's dismissal.") == [
        ("Tomas Ferrand", None, "the governor's dismissal")]
    assert _calls("Leaflets calling for a march in Dravos on Monday were handed out by the Farmers Union.") == [
        ("Leaflets", None, "a march in Dravos on Monday")]
    assert _calls("The Farmers Union is calling for a march in Dravos that was banned last year.") == [
        ("Farmers Union", None, "a march in Dravos that was banned last year")]


@pytest.mark.parametrize(
    "text",
    [
        "Demand for fuel in Port Salen rose sharply in March.",
        "Consumer demand was weak as prices rose, the Veloria central bank said.",
        "Sales fell 2% as demand cooled across the region.",
        "Their demands were ignored by the Veloria council.",
        "Governor Arno Vell rejected calls for a windfall tax on the mines.",
        "The ministry insisted that it had complied fully with the law.",
    ],
)
def test_a_noun_or_a_claim_is_no_call(text: str) -> None:
    assert _calls(text) == []


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("Protesters demand the release of the detained students.",
         ("Protesters", None, "the release of the detained students")),
        ("Lantern Rights demands an end to the curfew in Port Salen.",
         ("Lantern Rights", None, "an end to the curfew in Port Salen")),
        ("The unions insisted that the talks must resume on Monday.",
         ("The unions", None, "the talks must resume on Monday")),
    ],
)
def test_the_verb_demand_and_insist_on_a_duty_are_calls(text: str, call: tuple[str, None, str]) -> None:
    assert _calls(text) == [call]


def test_a_passive_call_is_made_by_its_agent() -> None:
    assert _calls("Governor Arno Vell was asked by the Veloria Council to publish the list of the dead.") == [
        ("Veloria Council", "Arno Vell", "publish the list of the dead")]


def test_we_in_a_report_is_its_publisher() -> None:
    from dataclasses import replace

    ctx = context("Our volunteers have worked in Port Salen since Monday. We call on the authorities to let "
                  "ambulances through the checkpoints at night.")
    ctx = replace(ctx, article=replace(ctx.article, site="reliefnet.example"))
    assert [(c.caller_text, c.addressee_text) for c in calls.extract(ctx)] == [
        ("reliefnet.example", "the authorities")]
