"""Calls: who calls on whom to do what.

"X called on Y to Z", "X urged Y to Z", "X calls for Z" and "X demands that Z" (no addressee), a second call joined
by "and" ("urged Y to Z and called on W to V": two calls of X), and a lead sentence ending in "to:" or "demands that
Y:" followed by bullet paragraphs ("The Partnership calls on the authorities to:" / "• Ensure ...") -> one call per
bullet with the lead's caller and addressee. The caller is resolved like a quote's speaker (person mention, pronoun
or role phrase -> nearest earlier person, else an organisation or place mention); auxiliaries and a coordinated first
verb phrase are not part of it ("We are calling on", "X said ... and called on": X), nor is the verb of a purpose
clause ("About 1,000 people gathered to demand": About 1,000 people). Inside a direct quote the
demand ends with the quote and "we" / "I" is the quote's speaker. A call verb used as a noun is no call: after a
preposition or an opening quote mark ("charged with \"calling for mass riots\"").
"""

from __future__ import annotations

import re

from sitrep.annotate.calls import parser
from sitrep.annotate.calls.factory import call_patterns, noun_use
from sitrep.annotate.context import Context
from sitrep.annotate.entities.factory import vocabulary as entity_vocabulary
from sitrep.annotate.quotes import parser as speakers
from sitrep.annotate.quotes.factory import vocabulary
from sitrep.models import Call, Quote, Sentence

CALLER_KINDS = ("person", "organization", "place")
_NOUN_USE = re.compile(r"(?:\b(?:with|of|for|by|against|about|over|without|after)\s+|[\"“«]\s*)$", re.IGNORECASE)
_TRAILING_AUX = re.compile(r"(?:\s+(?:and|also|has|have|had|is|are|was|were|will|would|then))+\s*$", re.IGNORECASE)
# the subject of a sentence whose first verb is coordinated with the call: "Organisers of the rally, who ...,
# said they would return and called on ..."
_SUBJECT = re.compile(r"^(?P<who>.+?)(?:,\s+(?:who|which)\s[^,]*,)?\s+(?:is|are|was|were|has|have|had|said|says|"
                      r"will|would)\b", re.IGNORECASE)
FIRST_PERSON = {"we", "i"}
# a call made in a purpose clause ("gathered ... to demand"): the caller is the subject before the main verb
_PURPOSE = re.compile(r"(?<=\w)\s+(?:[a-z]+ed|came|went|took|held|met|rose|ran|stood|set up|turned out)\b"
                      r"(?=.*\sto\s*$)")


def extract(ctx: Context, quoted: tuple[Quote, ...] = ()) -> tuple[Call, ...]:
    """The calls of an article; `quoted` (the article's quotes) gives the speaker of a call made in a quote."""
    calls: list[Call] = []
    for sentence in ctx.sentences:
        calls.extend(_sentence_calls(ctx, sentence, quoted))
    return tuple(sorted(dict.fromkeys(calls), key=lambda c: (c.start, c.end)))  # in text order within a sentence


def _call_verbs(sentence: Sentence) -> list[tuple[int, parser.Parts]]:
    """Every call verb of the sentence that splits into a call, in text order (one per position)."""
    found: dict[int, parser.Parts] = {}
    for kind, pattern in call_patterns():
        for match in pattern.finditer(sentence.text):
            if match.start() in found or _NOUN_USE.search(sentence.text, 0, match.start()) or _a_noun(
                    sentence.text, match):
                continue
            parts = parser.split(sentence.text, match, kind)
            if parts is not None:
                found[match.start()] = parts
    return sorted(found.items(), key=lambda item: item[0])


def _a_noun(sentence: str, verb: re.Match[str]) -> bool:
    """ "demand" and "demands" are nouns as often as verbs ("demand for cars rose", "consumer demand was weak").
    The verb has a subject before it: a pronoun, an auxiliary or "to" ("they demand", "will demand", "to
    demand"), a plural noun ("protesters demand") or, for "demands", a name or a body ("Amnesty demands", "the
    union demands"); and it is not followed by a word that follows the noun ("for", "was"). A noun after a
    possessive is still a call ("his demand for ..."); "calls" after a verb or a determiner is the noun
    ("rejected calls for a tax")."""
    word = verb.group(0).split()[0].lower()
    before = re.findall(r"[\w'’]+", sentence[: verb.start()])
    words = noun_use()
    if word == "calls":  # "rejected calls for a tax", "amid growing calls for"
        return bool(before) and before[-1].lower() in words["before_calls"]
    if word not in ("demand", "demands"):
        return False
    if before and (before[-1].lower() in _POSSESSIVES or before[-1].endswith(("'s", "’s"))):
        # "repeated his demand for the governor's dismissal": the call of the one it is his ("their demands
        # were ignored" says no demand)
        return re.match(r"\s+for\b", sentence[verb.end() :]) is None
    after = re.match(r"\s*([\w'’]+|\S)?", sentence[verb.end() :])
    following = (after.group(1) or "").lower() if after else ""
    if following in words["after_demand"] or not following.isalnum():
        return True
    if not before:
        return True  # "Demand ..." opening a sentence (or a headline) is the noun
    previous = before[-1]
    low = previous.lower()
    if low in words["subject"] or low.endswith("ly"):
        return False
    if word == "demand":  # after a plural noun: "protesters demand" (not "as demand", "its demand")
        return not (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "'s", "’s", "us"))
                    and low not in words["not_plural"])
    return not ((previous[:1].isupper() and len(before) > 1) or previous.capitalize() in entity_vocabulary().org_cues)


_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}


def _joined(sentence: str, calls: list[tuple[int, parser.Parts]]) -> list[parser.Parts]:
    """The first call and the calls joined to it by "and" ("urged X to Z and called on Y to W"): one caller."""
    chain = [calls[0][1]]
    for at, parts in calls[1:]:
        if not re.fullmatch(r"[\s,]*and\s+(?:also\s+)?", sentence[chain[-1].demand[1] : at]):
            break
        chain.append(parts)
    return chain


def _caller_end(sentence: str, verb_at: int) -> int:
    """Where the caller phrase ends: before the call verb, less auxiliaries ("We are"), or at the subject when the
    call is the second verb of the sentence ("X said ... and called on")."""
    head = sentence[:verb_at]
    purpose = _PURPOSE.search(head)  # "About 1,000 people gathered in the square to demand": the subject
    if purpose:
        return purpose.start()
    aux = _TRAILING_AUX.search(head)
    if aux is None:
        return verb_at
    if re.search(r"\band\b", aux.group(0), re.IGNORECASE):
        subject = _SUBJECT.match(head[: aux.start()])
        if subject:
            return subject.end("who")
    return aux.start()


def _sentence_calls(ctx: Context, sentence: Sentence, quoted: tuple[Quote, ...]) -> list[Call]:
    verbs = _call_verbs(sentence)
    if not verbs:
        return []
    first = verbs[0][1]
    text, base = ctx.text, sentence.start
    caller_end = base + _caller_end(sentence.text, first.caller_end)
    quote = next((q for q in quoted if q.direct and q.start <= base + first.caller_end < q.end), None)
    if quote is not None and text[base:caller_end].strip(speakers.OPEN + " ").lower() in FIRST_PERSON:
        caller = speakers.Speaker(quote.speaker_text, quote.speaker_key)  # "We call on ...," said X
    else:
        caller = speakers.resolve(text, ctx.mentions, base, caller_end, vocabulary().roles, CALLER_KINDS)
    if quote is None and (caller.text or "").lower() in FIRST_PERSON and ctx.article.site:
        caller = speakers.Speaker(ctx.article.site, None)  # "We call on ..." in a report: its publisher calls
    if caller.text is None:
        return []
    if first.listed:
        return _listed(ctx, sentence, first, caller)
    out = []
    for parts in _joined(sentence.text, verbs):
        if parts.listed:
            break
        end = min(parts.demand[1], quote.end - base) if quote is not None else parts.demand[1]
        demand = sentence.text[parts.demand[0] : end].rstrip(" ,.;:!")
        addressee = _addressee(sentence, parts)
        by = re.match(r"by\s+", addressee or "")
        if by and parts.addressee is not None:  # "Ann Vell was asked by the ministers to ...": they call on her
            agent = speakers.resolve(text, ctx.mentions, base + parts.addressee[0] + by.end(),
                                     base + parts.addressee[1], vocabulary().roles, CALLER_KINDS)
            if agent.text is not None:
                out.append(Call(agent.text, caller.text, demand, sentence.start, sentence.end, agent.key))
                continue
        out.append(Call(caller.text, addressee, demand, sentence.start, sentence.end, caller.key))
    return out


def _addressee(sentence: Sentence, parts: parser.Parts) -> str | None:
    if parts.addressee is None:
        return None
    return sentence.text[parts.addressee[0] : parts.addressee[1]].strip(" ,") or None


def _listed(ctx: Context, sentence: Sentence, parts: parser.Parts, caller: speakers.Speaker) -> list[Call]:
    """One call per bullet paragraph after a lead sentence ending in "to:" or "demands that X:"."""
    out = []
    for para in ctx.article.paragraphs[sentence.paragraph + 1 :]:
        span = parser.bullet_text(ctx.text[para.start : para.end])
        if span is None:
            break
        start, end = para.start + span[0], para.start + span[1]
        out.append(Call(caller.text, _addressee(sentence, parts), ctx.text[start:end], start, end, caller.key))
    return out
