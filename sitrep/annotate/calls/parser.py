"""Splitting a call sentence: who calls (before the verb), on whom (up to " to "), and what (the rest)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TO = re.compile(r",?\s+to\s+(?=[a-z])")
BULLET = re.compile(r"^\s*[•\-\*·▪●]\s*")
_NOT = re.compile(r"(?:^|\s+)not\s*$")  # "urged people not to ...": the "not" belongs to the demand
# where a demand ends: at a second verb of its subject ("... and said the curfew stays") or at an attribution
# closing the sentence (", his spokesperson said on Thursday")
SECOND_VERB = (r"(?:said|says|warned|added|told|stressed|noted|announced|called|urged|appealed|asked|offered|"
               r"expressed|welcomed|condemned|promised|pledged|demanded)")
_DEMAND_END = re.compile(rf"(?:,?\s+and\s+(?:also\s+)?{SECOND_VERB}\b"
                         r"|,\s+(?:[^,]{1,60}?\s+)?(?:said|says|told|added)\b[^,]*$)", re.IGNORECASE)


# "Messages calling for a rally on Monday were circulating": a participle after a noun; the sentence's own verb
# ends the demand
_OBLIGATION = re.compile(r"\b(?:must|should|be|ought|needs?\s+to|has\s+to|have\s+to)\b", re.IGNORECASE)
_MAIN_VERB = re.compile(r"\s+(?:were|was|are|is|have|has|had)\b")
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|am|'re|'s)\s+$", re.IGNORECASE)


def _reduced_relative(sentence: str, verb: re.Match[str]) -> bool:
    return verb.group(0).lower().startswith(("calling", "urging")) and not _AUXILIARY.search(sentence[: verb.start()])


@dataclass(frozen=True)
class Parts:
    caller_end: int  # caller phrase is sentence[:caller_end]
    addressee: tuple[int, int] | None  # offsets within the sentence
    demand: tuple[int, int]  # offsets within the sentence; empty when the demands follow as a list ("to:")
    listed: bool  # the sentence ends with "to:" and the demands follow as bullets


def split(sentence: str, verb: re.Match[str], kind: str) -> Parts | None:
    """Parts of a call sentence, given the call verb's match and kind ("addressee" or "for")."""
    rest_at = verb.end()
    if kind == "that":  # "demands that the government:" + bullets; else the clause is the demand
        listed = re.match(r"\s*(?P<who>[^:]+?)\s*:\s*$", sentence[rest_at:])
        if listed:
            return Parts(verb.start(), (rest_at + listed.start("who"), rest_at + listed.end("who")),
                         (len(sentence), len(sentence)), True)
        demand = _clause(sentence, rest_at)
        if verb.group(0).lower().startswith("insist") and not _OBLIGATION.search(sentence, demand[0], demand[1]):
            return None  # "insisted that he was unaware": a claim; "insisted that the talks must go on": a demand
        return Parts(verb.start(), None, demand, False) if demand[1] > demand[0] else None
    if kind == "for":
        demand = _clause(sentence, rest_at)
        lead = re.match(r"\s*for\s+", sentence[demand[0] : demand[1]])  # the noun: "his demand for X's dismissal"
        demand = (demand[0] + lead.end(), demand[1]) if lead else demand
        participle = _MAIN_VERB.search(sentence, demand[0], demand[1]) if _reduced_relative(sentence, verb) else None
        demand = (demand[0], participle.start()) if participle else demand
        return Parts(verb.start(), None, demand, False) if demand[1] > demand[0] else None
    to = _TO.search(sentence, rest_at)
    if to is None:
        listed = re.search(r"\s+to\s*:\s*$", sentence[rest_at:])
        if not listed:
            return None
        return Parts(verb.start(), (rest_at, rest_at + listed.start()), (len(sentence), len(sentence)), True)
    addressee = (rest_at, to.start())
    negated = _NOT.search(sentence, addressee[0], addressee[1])
    not_at = sentence.rindex("not", negated.start(), negated.end()) if negated else None
    if negated:
        addressee = (rest_at, negated.start())
    if not sentence[addressee[0] : addressee[1]].strip():
        return None  # "asked not to be named": a request for anonymity, nobody is called on
    demand = _clause(sentence, to.end())
    if sentence[demand[0] : demand[1]].strip() == "":
        ends_list = sentence[to.end() :].strip() in {":", ""} or sentence.rstrip().endswith(":")
        return Parts(verb.start(), addressee, (len(sentence), len(sentence)), True) if ends_list else None
    if not_at is not None:
        demand = (not_at, demand[1])
    return Parts(verb.start(), addressee, demand, False)


def _clause(sentence: str, start: int) -> tuple[int, int]:
    stop = _DEMAND_END.search(sentence, start)
    end = stop.start() if stop else len(sentence)
    while end > start and sentence[end - 1] in " .;:!":
        end -= 1
    while start < end and sentence[start] == " ":
        start += 1
    return start, end


def bullet_text(text: str) -> tuple[int, int] | None:
    """Offsets of a bullet paragraph's text without its bullet mark and final full stop, or None."""
    match = BULLET.match(text)
    if not match:
        return None
    end = len(text.rstrip(" .;"))
    return (match.end(), end) if end > match.end() else None
