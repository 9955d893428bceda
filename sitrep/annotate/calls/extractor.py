"""Calls: who calls on whom to do what.

"X called on Y to Z", "X urged Y to Z", "X calls for Z" (no addressee), and a lead sentence ending in "to:" followed
by bullet paragraphs ("The Partnership calls on the authorities to:" / "• Ensure ...") -> one call per bullet with
the lead's caller and addressee. The caller is resolved like a quote's speaker (person mention, pronoun or role
phrase -> nearest earlier person, else an organisation or place mention).
"""

from __future__ import annotations

from sitrep.annotate.calls import parser
from sitrep.annotate.calls.factory import call_patterns
from sitrep.annotate.context import Context
from sitrep.annotate.quotes import parser as speakers
from sitrep.annotate.quotes.factory import vocabulary
from sitrep.models import Call, Sentence

CALLER_KINDS = ("person", "organization", "place")


def extract(ctx: Context) -> tuple[Call, ...]:
    calls: list[Call] = []
    for sentence in ctx.sentences:
        calls.extend(_sentence_calls(ctx, sentence))
    return tuple(sorted(set(calls), key=lambda c: (c.start, c.end, c.demand)))


def _first_verb(sentence: Sentence) -> tuple[str, parser.Parts] | None:
    found = []
    for kind, pattern in call_patterns():
        for match in pattern.finditer(sentence.text):
            parts = parser.split(sentence.text, match, kind)
            if parts is not None:
                found.append((match.start(), kind, parts))
                break
    if not found:
        return None
    _, kind, parts = min(found, key=lambda f: f[0])
    return kind, parts


def _sentence_calls(ctx: Context, sentence: Sentence) -> list[Call]:
    hit = _first_verb(sentence)
    if hit is None:
        return []
    _, parts = hit
    text, base = ctx.text, sentence.start
    caller = speakers.resolve(text, ctx.mentions, base, base + parts.caller_end, vocabulary().roles, CALLER_KINDS)
    if caller.text is None:
        return []
    addressee = None
    if parts.addressee is not None:
        addressee = sentence.text[parts.addressee[0] : parts.addressee[1]].strip(" ,") or None
    if not parts.listed:
        demand = sentence.text[parts.demand[0] : parts.demand[1]]
        return [Call(caller.text, addressee, demand, sentence.start, sentence.end, caller.key)]
    out = []
    for para in ctx.article.paragraphs[sentence.paragraph + 1 :]:
        span = parser.bullet_text(text[para.start : para.end])
        if span is None:
            break
        start, end = para.start + span[0], para.start + span[1]
        out.append(Call(caller.text, addressee, text[start:end], start, end, caller.key))
    return out
