"""Finds time-expression candidates in a sentence with the compiled patterns (longest match wins)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sitrep.annotate.times.factory import NEEDS, patterns, word_classes
from sitrep.annotate.times.items import Candidate

# A lone word that is only a time expression in some contexts ("may" the modal, "march" the verb, "second" the ordinal).
_LONE_AMBIGUOUS = re.compile(r"^(?:May|March|MAY|MARCH|Sun|Sat|Wed|Mar|Jun|Jan|Dec|Oct|Aug|Sep|Nov|Feb|Apr|Jul)\.?$")
_WEAK_REF = {"the past", "in the past", "the future", "in the future", "at the time", "present", "presently"}


def find(text: str, offset: int = 0) -> list[Candidate]:
    """Non-overlapping candidates in `text`, spans shifted by `offset`; longer matches beat shorter ones."""
    found = _find(text)
    return [replace(c, start=c.start + offset, end=c.end + offset) for c in found] if offset else list(found)


@lru_cache(maxsize=512)
def _find(text: str) -> tuple[Candidate, ...]:
    """`find` at offset 0, memoised: the article date inference and the extractor read the same sentences."""
    present = {name for name, words in word_classes().items() if words.search(text)}
    found: list[Candidate] = []
    if not present:
        return ()
    for kind, pattern in patterns():
        if not NEEDS[kind] & present:
            continue
        for match in pattern.finditer(text):
            if match.end() == match.start() or not match.group(0).strip():
                continue
            start, end = match.start(), match.end()
            while end > start and text[end - 1] in " \t,.-" and not text[start:end].endswith(("a.m.", "p.m.")):
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            if not _keep(kind, text, start, end, match):
                continue
            found.append(Candidate(kind, start, end, text[start:end], match.groupdict()))
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    for cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return tuple(sorted(chosen, key=lambda c: c.start))


def _keep(kind: str, text: str, start: int, end: int, match: re.Match[str]) -> bool:
    span = text[start:end]
    if kind == "my" and not match.group("y") and not match.group("rel"):
        if _LONE_AMBIGUOUS.match(span):
            following = text[end : end + 12]
            preceding = text[max(0, start - 6) : start].lower()
            # "in May", "of March", "May 2010" are months; "may rise", "March on" are not
            if not re.search(r"\b(?:in|of|since|until|by|last|early|late|mid|from|through|this|next)\s*$", preceding) \
                    or re.match(r"\s+(?:be|have|not|to|the)\b", following):
                return False
        if re.match(r"\s*\d", text[end : end + 3]):
            return False
    if kind == "year":
        before = text[max(0, start - 2) : start]
        if re.search(r"[$€£#№]\s?$|\d[.,]$", before) or re.match(r"\s*-\s*\d", text[end : end + 4]):
            return False
    if kind == "duration" and match.group("n") and match.group("n").lower() in {"a", "an"}:
        return not re.match(r"\s*(?:later|earlier|before)\b", text[end : end + 9], re.IGNORECASE)
    if kind == "season" and span.lower() == "fall" and not re.search(
        r"\b(?:in|this|last|next|the|early|late|since|until|by)\s+$", text[max(0, start - 8) : start], re.IGNORECASE
    ):
        return False  # "stocks fall"
    if kind == "ref" and span.lower() in _WEAK_REF:
        return True
    if kind == "plural":
        before = text[max(0, start - 10) : start]
        return bool(match.group("rel")) or bool(
            re.search(r"\b(?:for|over|in|within|past|last|many|several|few|recent)\s+$", before)
        )
    return True
