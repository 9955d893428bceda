"""One written form for an organisation that reports write several ways, before its name is keyed.

Reports name one body by an acronym ("UN", "U.N."), by its long name ("United Nations"), by a translation that
keeps the source language's word order ("Organization of United Nations", from Russian), by a brand name ("UN
Human Rights Office" for OHCHR), or with the country of a national body added ("Ministry of Health of the Kyrgyz
Republic"). `canonical` maps each to one form, in this order:

1. dots and a leading "the" dropped ("the U.N." -> "UN");
2. a whole name in `data/org_aliases.tsv` -> its long form ("UN" -> "United Nations");
3. a leading acronym of that table spelled out, then step 2 again ("UN Human Rights Office" -> "United Nations
   Human Rights Office" -> "Office of the United Nations High Commissioner for Human Rights");
4. a trailing country dropped from a name that already has its own "of" ("Ministry of Health of the Kyrgyz
   Republic" -> "Ministry of Health"); a single "of" stays ("Bank of Japan" is no bank in general); a leading
   demonym or country dropped from a national body ("Kyrgyz Interior Ministry" -> "Interior Ministry");
5. translation variants of words from `data/org_words.tsv` ("Internal Affairs" -> "Interior"), so that the
   word-order key joins "Ministry of Internal Affairs" and "Interior Ministry".

Only organisations go through it; the key functions (`keys.name_key`, `keys.word_order_key`) stay about spelling.

A national body ("Interior Ministry", "National Guard": generic words only, `national_body`) names one body per
country, so its key carries the country (`scoped`): the one its name states (the qualifier or demonym dropped
above, "Kazakhstan's" before it), else the article's country when its places leave no doubt
(`geocode.dominant_country`). Two countries' interior ministries then never merge; with no country known the key
stays bare and meets only other bare ones.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sitrep.annotate.entities.factory import DATA, vocabulary
from sitrep.annotate.entities.items import Candidate
from sitrep.annotate.entities.keys import name_key
from sitrep.annotate.entities.parser import initials
from sitrep.vocab import data_rows

_THE_HEAD = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\b(?!['’]?\s*(?:of\b|[A-Z]))")  # not "the Ministry of Economy"
_QUALIFIER = re.compile(r"^(?P<head>.+\bof\b.+?)\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'’ -]+)$")
_OWNER = re.compile(r"(?:(?P<first>[A-Z][\w-]+) )?(?P<last>[A-Z][\w-]+)(?:['’]s)? +$")  # "Kazakhstan's ", "Kyrgyz "
_CONNECTORS = {"of", "and", "for", "the", "on"}
SCOPE = "@"  # "ntrr mnstr@kg": the key of Kyrgyzstan's interior ministry


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Alias -> long form, as written in `data/org_aliases.tsv`."""
    return {alias: long for alias, long in data_rows(DATA / "org_aliases.tsv")}


@lru_cache(maxsize=1)
def _word_variants() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"\b{re.escape(words)}\b", re.IGNORECASE), same)
            for words, same in data_rows(DATA / "org_words.tsv")]


@lru_cache(maxsize=16384)
def canonical(name: str) -> str:
    """The one form of an organisation's name that its other written forms map to (see the module docstring)."""
    form = " ".join(name.replace(".", "").split())
    form = re.sub(r"^[Tt]he\s+", "", form)
    table = aliases()
    form = table.get(form, form)
    first, _, rest = form.partition(" ")
    if rest and first.isupper() and first in table:
        form = f"{table[first]} {rest}"
        form = table.get(form, form)
    match = _QUALIFIER.match(form)
    from sitrep.resolve.geocode import gazetteer  # here: sitrep.resolve imports this module

    if match and gazetteer().is_country(match.group("country")):
        form = match.group("head")
    first, _, rest = form.partition(" ")
    if rest and country_code(first) and national_body(rest):
        form = rest
    for pattern, same in _word_variants():
        form = pattern.sub(same, form)
    return form


def national_body(form: str) -> bool:
    """Whether a name is made only of the generic words of a state body (`data/national_words.txt`, the
    government portfolios, "of"/"and"/"for"), one of them a head word ("Interior Ministry", "Ministry of Health",
    "Central Election Commission"; not "Civic Front for Justice" or "Osh city police")."""
    vocab = vocabulary()
    words = [w.capitalize() for w in form.split() if w.lower() not in _CONNECTORS]  # "Ministry of health"
    return (any(w in vocab.org_cues for w in words)
            and all(w in vocab.national_words or w in vocab.portfolios for w in words))


def country_code(name: str) -> str | None:
    """The ISO2 code of a country's name or demonym ("Kyrgyz Republic", "Kazakhstan", "Kyrgyz"), else None."""
    from sitrep.resolve.geocode import gazetteer

    if name in vocabulary().demonym_countries:
        return vocabulary().demonym_countries[name]
    return next((c.place.country for c in gazetteer().lookup_all(name) if c.place.kind == "country"), None)


def stated_country(name: str, before: str) -> str | None:
    """The country a national body's own words state: a trailing qualifier ("Ministry of Health of the Kyrgyz
    Republic"), a leading demonym or country ("Kyrgyz Interior Ministry"), or either right before the name in
    the text ("Kazakhstan's Interior Ministry"); None when they state none."""
    form = re.sub(r"^[Tt]he\s+", "", " ".join(name.replace(".", "").split()))
    match = _QUALIFIER.match(form)
    if match and (code := country_code(match.group("country"))):
        return code
    first, _, rest = form.partition(" ")
    if rest and (code := country_code(first)):
        return code
    owner = _OWNER.search(before)
    if owner is None:
        return None
    whole = f"{owner.group('first')} {owner.group('last')}" if owner.group("first") else None
    return (country_code(whole) if whole else None) or country_code(owner.group("last"))


def scoped(key: str, country: str | None) -> str:
    """A national body's key with its country ("ntrr mnstr@kg"); the bare key when no country is known."""
    return f"{key}{SCOPE}{country.lower()}" if country else key


def scope_of(key: str) -> str:
    """The country part of a key as `scoped` writes it ("@kg"), or ""."""
    _, sep, country = key.rpartition(SCOPE)
    return f"{sep}{country}" if sep else ""


def keys(candidates: list[Candidate], text: str, country: str | None) -> dict[int, str]:
    """The key of each organisation candidate, by start: the name key of its one written form (`canonical`; an
    acronym by the long form the article gives), and for a national body its country (`scoped`): the one its
    words state, else the one stated for the same body earlier in the article, else the article's `country`.

    An acronym the article does not spell out is the national body named in it with those initials ("MIA"
    after "Ministry of Internal Affairs"), so that it takes that body's country too."""
    heads = vocabulary().org_cues
    long_forms = {c.text: c.long_form for c in candidates if c.long_form and c.text not in heads}
    spelled = {initials(c.text): c.text for c in candidates
               if c.kind == "organization" and national_body(canonical(c.text)) and len(initials(c.text)) >= 2}
    stated: dict[str, str] = {}  # national body's form -> the country last stated for it here
    out: dict[int, str] = {}
    for c in sorted(candidates, key=lambda c: c.start):
        if c.kind != "organization":
            continue
        long = c.long_form or long_forms.get(c.text)  # defined in this article: wins over known aliases
        if long is None and c.text.isupper() and canonical(c.text) == c.text:
            long = spelled.get(c.text)
        form = canonical(long or c.text)
        if form.isupper() and " " not in form:  # "UNITED NATIONS" in a headline is no acronym
            out[c.start] = form.lower()
            continue
        key = name_key(form)
        if national_body(form):
            here = stated_country(long or c.text, text[max(0, c.start - 40) : c.start])
            if here:
                stated[form] = here
            key = scoped(key, here or stated.get(form) or country)
        out[c.start] = key
    return out


def bare_heads(candidates: list[Candidate], text: str, org_cues: frozenset[str]) -> list[Candidate]:
    """A head word on its own ("the Ministry asks citizens", which the model rarely labels) names the nearest
    organisation before it whose name holds that word ("Ministry of Health"): it becomes a mention carrying that
    name as its long form. With no such name before it, a labelled one stays a name of its own."""
    taken = [(c.start, c.end) for c in candidates]
    heads = [Candidate(m.start(1), m.end(1), m.group(1), "organization", "propagated")
             for m in _THE_HEAD.finditer(text) if m.group(1) in org_cues
             and not any(s < m.end(1) and m.start(1) < e for s, e in taken)]
    out: list[Candidate] = []
    for c in sorted([*candidates, *heads], key=lambda c: c.start):
        if c.kind == "organization" and c.text in org_cues and c.long_form is None:
            named = [o for o in out if o.kind == "organization" and len(o.words) > 1 and c.text in o.words]
            if named:
                c = replace(c, long_form=named[-1].long_form or named[-1].text)
            elif c.evidence == "propagated" and c in heads:
                continue
        out.append(c)
    return out


def publisher(candidates: list[Candidate], site: str | None) -> list[Candidate]:
    """The name of the site the article comes from is an organisation ("a doctor told Meridian Wire", on
    meridianwire.example), whatever the model took it for. `site` is a host name or a site's name."""
    if not site:
        return candidates
    name = _letters(site.split(".")[0] if " " not in site.strip() else site)
    return [c.relabel("organization", c.evidence) if c.kind != "organization" and _letters(c.text) == name
            else c for c in candidates]


def _letters(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^[Tt]he\s+", "", name.strip()).lower())
