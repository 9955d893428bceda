"""Finding who speaks: quoted segments, and a speaker phrase resolved to an entity mention of the article.

Shared with the calls extractor (a caller is found the same way as a speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.models import Mention

OPEN = "\"“«„"
CLOSE = "\"”»“"
PRONOUNS = {"she", "he", "they", "it", "i", "we"}
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|:")  # not the comma of "1,000"
RELATIVES = {"which", "who", "that"}
_DETERMINERS = {"the", "a", "an", "this", "these", "those", "its", "their"}
_WH_CLAUSE = re.compile(r"(?:what|how|why|whether|when|where)\b", re.IGNORECASE)
_LAST_PRONOUN = re.compile(r"\s(she|he|they|it|we)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Speaker:
    text: str | None
    key: str | None


def quoted_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the inside of every quoted segment in text[start:end] (straight or curly quotes)."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        match = re.compile(f"[{OPEN}]").search(text, pos, end)
        if not match:
            return out
        opener = match.group(0)
        closers = "\"" if opener == "\"" else ("»" if opener == "«" else "”“\"")
        close = re.compile(f"[{re.escape(closers)}]").search(text, match.end(), end)
        if not close:
            return out
        out.append((match.end(), close.start()))
        pos = close.end()


def clean_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space and the translation artefact ", ”" (a space before the closing quote)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace()):
        end -= 1
    return start, end


def mention_in(mentions: tuple[Mention, ...], start: int, end: int, kinds: set[str]) -> Mention | None:
    """The first mention of the given kinds inside [start, end)."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.kind in kinds]
    return min(inside, key=lambda m: m.start) if inside else None


def prior_person(text: str, mentions: tuple[Mention, ...], before: int, role: str | None = None,
                 kinds: tuple[str, ...] = ("person",)) -> Mention | None:
    """The nearest person named before an offset; with a role, the nearest one whose context has that role."""
    prior = sorted((m for m in mentions if m.end <= before and m.kind in kinds), key=lambda m: -m.start)
    if role:
        pattern = re.compile(r"\b" + re.sub(r"\s+", r"\\s+", re.escape(role)) + r"\b", re.IGNORECASE)
        for m in prior:
            if pattern.search(text[max(0, m.start - 80) : m.end + 80]):
                return m
    return prior[0] if prior else None


def name_before_comma(text: str, mentions: tuple[Mention, ...], at: int, kinds: tuple[str, ...]) -> Mention | None:
    """The mention of the given kinds that ends with a comma right before `at`, where a relative pronoun opens
    its clause ("the Health Ministry, which said ...")."""
    return next((m for m in mentions if m.kind in kinds and 0 <= at - m.end <= 3 and text[m.end : at].strip() == ","),
                None)


def resolve(text: str, mentions: tuple[Mention, ...], start: int, end: int, roles: tuple[str, ...],
            kinds: tuple[str, ...] = ("person", "organization")) -> Speaker:
    """A speaker phrase text[start:end] as (text, key). In order: a person mention inside it; a role phrase
    ("the High Commissioner") or pronoun resolved to the nearest earlier person (with that role when possible);
    an organisation mention inside it; else (phrase, None). Only the part after the last comma is the phrase
    ("Answering the question, the press secretary")."""
    person = mention_in(mentions, start, end, {"person"} & set(kinds))
    if person is not None:
        return Speaker(person.text, person.key)
    whole = text[start:end]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(whole)), default=0)
    if cut and whole[cut:].strip(" ,.:;"):
        start += cut
    pronoun = _LAST_PRONOUN.search(text, start, end)  # "In a statement on Thursday it"
    if pronoun:
        start = pronoun.start(1)
    phrase = re.sub(r"\s+(?:also|then|later|further)$", "", text[start:end].strip(" ,.:;\"“”'‘’«»"),
                    flags=re.IGNORECASE)
    phrase = re.sub(r"^(?:and|but|while|as)\b\s*", "", phrase, flags=re.IGNORECASE)  # "..., and a sign urged"
    if not phrase:
        return Speaker(None, None)
    lowered = phrase.lower()
    if lowered in RELATIVES:  # "Netpulse Observatory, which said ...": the name the clause hangs on
        named = name_before_comma(text, mentions, start, kinds)
        return Speaker(named.text, named.key) if named else Speaker(None, None)
    if _WH_CLAUSE.match(phrase) or lowered in _DETERMINERS:
        return Speaker(None, None)  # "What I can say is that ...", "The note read": no one is named
    if lowered in PRONOUNS:
        pronoun_kinds = ("person",) if lowered in {"she", "he", "i"} else ("person", "organization")
        prior = prior_person(text, mentions, start, kinds=pronoun_kinds)
        return Speaker(prior.text, prior.key) if prior else Speaker(phrase, None)
    role = next((r for r in roles if re.search(r"\b" + re.escape(r) + r"\b", lowered)), None)
    if role:
        prior = prior_person(text, mentions, start, role)
        return Speaker(phrase, prior.key if prior else None)
    bare = re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)
    for kind in ("organization", "place", "group"):
        other = mention_in(mentions, start, end, {kind} & set(kinds))
        # a place speaks only as itself ("Kazakhstan said"); in "organisers of the Osh rally" it is a modifier
        if other is not None and (kind != "place" or other.text == bare):
            return Speaker(other.text, other.key)
    named = next((m for m in mentions if m.text == bare and m.kind in kinds), None)
    if named is not None:
        return Speaker(phrase, named.key)
    return Speaker(phrase, None) if len(phrase) <= 60 else Speaker(None, None)
