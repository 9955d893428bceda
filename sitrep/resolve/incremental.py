"""Incremental entity resolution: the same entities as `resolve_entities`, computed over one region at a time.

`resolve_entities` clusters the profiles of all documents at once, and its pair enumeration is quadratic in the
size of a blocking key's block (every pair of "Blair" profiles); a store that adds one article to 100k cannot
afford either. Two facts make an exact incremental path possible:

- The clustering decomposes over *regions*: connected components of profiles sharing a region key
  (`region_keys`, finer than the blocking keys). Phase A links only profiles sharing one, a bare surname's
  partners are the full names with its `person:<key>`, and lonely bare surnames are grouped by that same key.
  So the entities of a region depend on the region's profiles alone; a store re-resolves just the region a
  new document's keys reach. Places are one entity per key and need no region at all.
- Inside a region, `fast_cluster` gives the same groups as `resolver.cluster` without enumerating all pairs:
  places are one entity per key; organisations unite per key and per acronym that some member writes out;
  persons unite per (surname key, first-name set) and test only distinct first-name sets and sound-class
  neighbours not already united; a bare surname's partners are the full names with its key.

`document_items(doc_id, mentions)` gives one document's profiles with their mentions; `resolve_items(items)`
turns the items of a region into entities and assignments; `resolve_entities` does it for a whole corpus at once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitrep.annotate.entities.organisations import scope_of
from sitrep.models import Mention
from sitrep.resolve.geocode import gazetteer
from sitrep.resolve.profiles import Profile, profile_blocking_keys, same_entity, sound_class, word_order_keys
from sitrep.resolve.regions import without_region_word
from sitrep.resolve.resolver import (
    Resolution,
    ResolvedEntity,
    _canonical,
    _choose,
    _document_profiles,
    _entity_id,
    _UnionFind,
)

__all__ = ["Item", "document_items", "fast_cluster", "place_entity", "place_id", "region_keys", "resolve_entities",
           "resolve_items"]


@dataclass(frozen=True)
class Item:
    """One document's profile of one entity: what resolution needs of its mentions (texts and offsets)."""

    profile: Profile
    doc_id: str
    texts: tuple[tuple[str, int], ...]  # (mention text, how many mentions use it), sorted
    starts: tuple[int, ...]  # start offsets of its mentions

    @property
    def keys(self) -> set[str]:
        return region_keys(self.profile)


def region_keys(p: Profile) -> set[str]:
    """Keys that connect every two profiles `fast_cluster` can relate: finer than `profile_blocking_keys`.

    Persons meet under their surname key (same-key links, and a bare surname's partners and lonely group), and
    a full name also under (sound class, key length, first letter, first-name key) for each of its first names:
    the only other way two persons link (`same_entity`: sound-class neighbours sharing a first name)."""
    if p.kind != "person":
        return profile_blocking_keys(p)
    keys = {f"person:{p.key}"}
    if len(p.key) >= 3:
        keys |= {f"person~{sound_class(p.key)}|{len(p.key)}|{p.key[0]}|{f}" for f in p.first}
    return keys


def document_items(doc_id: str, mentions: Sequence[Mention]) -> list[Item]:
    """The profiles one document contributes (the same ones `resolve_entities` builds for it)."""
    return [Item(p, doc_id, tuple(sorted(Counter(m.text for m in ms).items())), tuple(m.start for m in ms))
            for p, ms in _document_profiles(doc_id, mentions)]


def _written(p: Profile) -> set[str]:
    return {n.replace(".", "") for n in p.names if n.replace(".", "").isupper()}


def _phase_a(profiles: Sequence[Profile], uf: _UnionFind) -> None:
    """Union-find over every pair of non-bare profiles that `same_entity` links (all such pairs share a block)."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    acronyms: dict[str, list[int]] = defaultdict(list)
    writers: dict[str, list[int]] = defaultdict(list)
    orders: dict[str, list[int]] = defaultdict(list)
    buckets: dict[tuple[str, int, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, p in enumerate(profiles):
        if p.kind == "person" and not p.first:  # bare surnames join in phase B
            continue
        by_key[(p.kind, p.key)].append(i)
        if p.kind == "organization":
            for k in word_order_keys(p):
                orders[k].append(i)
            written = _written(p)
            for a in p.acronyms:
                acronyms[a].append(i)
                if a in written:
                    writers[a].append(i)
        elif p.kind == "person" and len(p.key) >= 3:
            for f in p.first:
                buckets[(sound_class(p.key), len(p.key), p.key[0])][f].append(i)
    for (kind, _), members in by_key.items():
        if kind != "person":  # places and organisations: the same key is the same entity
            for j in members[1:]:
                uf.union(members[0], j)
            continue
        signatures: dict[frozenset[str], list[int]] = defaultdict(list)
        for j in members:
            signatures[profiles[j].first].append(j)
        for same in signatures.values():
            for j in same[1:]:
                uf.union(same[0], j)
        _unite_agreeing_first_names(profiles, uf, sorted(same[0] for same in signatures.values()))
    for members in orders.values():  # one name in another word order: "Ministry of Health", "Health Ministry"
        for j in members[1:]:
            uf.union(members[0], j)
    for a, ws in writers.items():  # a written acronym links every profile that has it to the writer
        for j in acronyms[a]:
            uf.union(ws[0], j)
    for by_first in buckets.values():  # sound-class neighbours: different keys, shared first name
        for members in by_first.values():
            by_surname: dict[str, list[int]] = defaultdict(list)
            for i in members:  # one surname key and one first name: all already united above
                by_surname[profiles[i].key].append(i)
            groups = [by_surname[k] for k in sorted(by_surname)]
            for x, group_a in enumerate(groups):
                for group_b in groups[x + 1 :]:
                    _link_groups(profiles, uf, group_a, group_b)


def _unite_agreeing_first_names(profiles: Sequence[Profile], uf: _UnionFind, reps: list[int]) -> None:
    """Unite the full names of one surname key whose first names agree (`same_entity` for one key), through an
    index instead of every pair: a common surname at 100k documents has hundreds of first-name sets. Two names
    agree on an equal first-name key or first word, or when one first word is an initial and the other starts
    with it; with one initial "c" present, every first word starting with "c" meets it."""
    tags: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in reps:
        for x in profiles[i].first:
            tags[("x", x)].append(i)
            words = x.split()
            if words:
                tags[("w", words[0])].append(i)
                tags[("c", words[0][0])].append(i)
                if len(words[0]) == 1:
                    tags[("i", words[0])].append(i)
    for (tag, value), members in tags.items():
        if tag in ("x", "w") or (tag == "c" and ("i", value) in tags):
            for j in members[1:]:
                uf.union(members[0], j)


def _link_groups(profiles: Sequence[Profile], uf: _UnionFind, group_a: list[int], group_b: list[int]) -> None:
    """Unite two groups (each already one cluster) if any cross pair is `same_entity`."""
    for i in group_a:
        for j in group_b:
            if uf.find(i) == uf.find(j):
                return
            if same_entity(profiles[i], profiles[j]):
                uf.union(i, j)
                return


def fast_cluster(profiles: Sequence[Profile]) -> list[list[int]]:
    """The groups `resolver.cluster(profiles)` returns, without enumerating every pair of a block."""
    uf = _UnionFind(len(profiles))
    _phase_a(profiles, uf)
    roots = {i: uf.find(i) for i in range(len(profiles))}
    full_by_key: dict[str, list[int]] = defaultdict(list)
    bare = [p.kind == "person" and not p.first for p in profiles]  # `_bare`, once per profile
    for i, p in enumerate(profiles):
        if p.kind == "person" and not bare[i]:
            full_by_key[p.key].append(i)
    lonely: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        if not bare[i]:
            continue
        partners = set(full_by_key.get(p.key, ()))  # same key, no first name: `same_entity` always holds
        target = _choose(p, partners, roots, profiles)
        if target is not None:
            uf.union(i, target)
        elif not partners:
            lonely[p.key].append(i)
    for members in lonely.values():
        for other in members[1:]:
            uf.union(members[0], other)
    return sorted(uf.groups())


def _entity(kind: str, profiles: Sequence[Profile], counts: Counter[str], docs: Counter[str]) -> ResolvedEntity:
    """The entity of one cluster, exactly as `resolve_entities` builds it."""
    name = _canonical(kind, counts, docs)
    lat = lon = country = None
    aliases = set(counts) - {name}
    if kind == "place":
        place = gazetteer().by_id.get(min(p.key for p in profiles))
        if place is not None:
            lat, lon, country = place.lat, place.lon, place.country
            aliases |= {place.name} - {name}
            if place.kind == "region" and without_region_word(name) == name:
                aliases.add(name)  # "Osh" the province beside "Osh" the city: say which one it is
                name = f"{name} region"
    elif kind == "organization" and (scope := scope_of(min(p.key for p in profiles))):
        country = scope[1:].upper()  # a national body: whose it is
    return ResolvedEntity(_entity_id(kind, profiles), kind, name, tuple(sorted(aliases)), lat, lon, country)


def place_id(key: str) -> str:
    return _entity_id("place", [Profile("place", frozenset(), key, frozenset(), frozenset())])


def place_entity(key: str, counts: Counter[str], docs: Counter[str]) -> ResolvedEntity:
    """The entity of every place profile with this key (places are one entity per key), from text statistics:
    `counts` = mentions per text, `docs` = documents per text (a document has one profile per place key)."""
    return _entity("place", [Profile("place", frozenset(), key, frozenset(), frozenset())], counts, docs)


def resolve_items(items: Sequence[Item]) -> tuple[tuple[ResolvedEntity, ...], list[str]]:
    """Entities of a region's items, and the entity of each item, as `resolve_entities` computes them."""
    entities: list[ResolvedEntity] = []
    assigned = [""] * len(items)
    for members in fast_cluster([item.profile for item in items]):
        profiles = [items[i].profile for i in members]
        counts: Counter[str] = Counter()
        used: set[tuple[str, str]] = set()  # (document, text): a text counts once per document
        for i in members:
            item = items[i]
            for text, n in item.texts:
                counts[text] += n
                used.add((item.doc_id, text))
        docs = Counter(text for _, text in used)
        entity = _entity(profiles[0].kind, profiles, counts, docs)
        entities.append(entity)
        for i in members:
            assigned[i] = entity.id
    return tuple(sorted(entities, key=lambda e: e.id)), assigned


def resolve_entities(mentions_by_doc: Mapping[str, Sequence[Mention]]) -> Resolution:
    """Resolve the mentions of all documents at once (the same result whatever the order of documents)."""
    items = [item for doc_id in sorted(mentions_by_doc) for item in document_items(doc_id, mentions_by_doc[doc_id])]
    entities, assigned = resolve_items(items)
    assignments = {(item.doc_id, start): entity for item, entity in zip(items, assigned, strict=True)
                   for start in item.starts}
    by_text: dict[str, set[str]] = defaultdict(set)
    for item, entity in zip(items, assigned, strict=True):
        for text, _ in item.texts:
            by_text[text].add(entity)
    return Resolution(entities, assignments,
                      {text: next(iter(ids)) for text, ids in sorted(by_text.items()) if len(ids) == 1})
