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
   Republic" -> "Ministry of Health"); a single "of" stays ("Bank of Japan" is no bank in general);
5. translation variants of words from `data/org_words.tsv` ("Internal Affairs" -> "Interior"), so that the
   word-order key joins "Ministry of Internal Affairs" and "Interior Ministry".

Only organisations go through it; the key functions (`keys.name_key`, `keys.word_order_key`) stay about spelling.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sitrep.annotate.entities.factory import DATA
from sitrep.annotate.entities.items import Candidate
from sitrep.vocab import data_rows

_THE_HEAD = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\b(?!['’]?\s*(?:of\b|[A-Z]))")  # not "the Ministry of Economy"
_QUALIFIER = re.compile(r"^(?P<head>.+\bof\b.+?)\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'’ -]+)$")


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
    for pattern, same in _word_variants():
        form = pattern.sub(same, form)
    return form


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
