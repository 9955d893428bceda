"""Cross-article entity resolution, its definition: profiles, the two-phase clustering and the naming of entities.

`cluster` is the plain statement of the clustering (pairs within blocks); `sitrep.resolve.incremental` computes
the same groups faster and is what `resolve_entities` and the store use (a test holds the two equal).

Order-independent by construction: profiles are built per document from that document's mentions alone, then
clustered as connected components of `same_entity` (a union-find over blocked candidate pairs, whose result does
not depend on visiting order), and every name and id is chosen from the sets involved, never from arrival order.

Two phases keep a bare surname from chaining two different people together: full names (and organisations and
places) are clustered first; a bare surname then joins the one cluster whose full name has its surname key (the
one sharing a document if several do, else the one with the most shared context); bare surnames that match no
full name cluster with each other; ambiguous ones stay alone.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.annotate.entities.factory import vocabulary
from sitrep.annotate.entities.keys import first_key
from sitrep.models import Mention
from sitrep.resolve.profiles import Profile, profile_blocking_keys, profile_of, same_entity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolvedEntity:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO2


@dataclass(frozen=True)
class Resolution:
    """Entities, and which entity each mention (document id, start offset) names."""

    entities: tuple[ResolvedEntity, ...]
    assignments: dict[tuple[str, int], str] = field(default_factory=dict)
    by_text: dict[str, str] = field(default_factory=dict)  # mention text -> entity id, where unambiguous

    def entity(self, entity_id: str) -> ResolvedEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _bare(p: Profile) -> bool:
    return p.kind == "person" and not p.full


def cluster(profiles: Sequence[Profile]) -> list[list[int]]:
    """Connected components of `same_entity` in two phases (see the module docstring)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in profile_blocking_keys(p):
            blocks[key].append(i)
    pairs = {(i, j) for members in blocks.values() for i in members for j in members if i < j}
    uf = _UnionFind(len(profiles))
    for i, j in sorted(pairs):
        if not _bare(profiles[i]) and not _bare(profiles[j]) and same_entity(profiles[i], profiles[j]):
            uf.union(i, j)
    roots = {i: uf.find(i) for i in range(len(profiles))}  # phase A result, fixed before phase B
    lonely: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        if not _bare(p):
            continue
        partners = {j for j in range(len(profiles)) if (min(i, j), max(i, j)) in pairs and not _bare(profiles[j])
                    and same_entity(p, profiles[j])}
        target = _choose(p, partners, roots, profiles)
        if target is not None:
            uf.union(i, target)
        elif not partners:
            lonely[p.key].append(i)
    for members in lonely.values():
        for other in members[1:]:
            uf.union(members[0], other)
    return sorted(uf.groups())


def _choose(p: Profile, partners: set[int], roots: dict[int, int], profiles: Sequence[Profile]) -> int | None:
    clusters: dict[int, list[int]] = defaultdict(list)
    for j in partners:
        clusters[roots[j]].append(j)
    if len(clusters) <= 1:
        return next(iter(clusters), None)
    same_doc = [r for r, js in clusters.items() if any(profiles[j].docs & p.docs for j in js)]
    if len(same_doc) == 1:
        return same_doc[0]
    shared = {r: max(len(profiles[j].context & p.context) for j in js) for r, js in clusters.items()}
    best = max(shared.values())
    winners = [r for r, n in shared.items() if n == best]
    return winners[0] if len(winners) == 1 and best > 0 else None


def _merge(profiles: Sequence[Profile]) -> Profile:
    first = profiles[0]
    return Profile(
        first.kind,
        frozenset().union(*(p.names for p in profiles)),
        min(p.key for p in profiles),
        frozenset().union(*(p.first for p in profiles)),
        frozenset().union(*(p.docs for p in profiles)),
        frozenset().union(*(p.context for p in profiles)),
        frozenset().union(*(p.acronyms for p in profiles)),
    )


def _document_profiles(doc_id: str, mentions: Sequence[Mention]) -> list[tuple[Profile, list[Mention]]]:
    """In-document linking: one profile per entity named in the document, with its mentions."""
    groups: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.text)):
        groups[(m.kind, m.key, first_key(m.text) if m.kind == "person" else "")].append(m)
    context = frozenset(m.key for m in mentions if m.kind in {"person", "organization"})
    items = [(profile_of(doc_id, ms, context), ms) for _, ms in sorted(groups.items())]
    merged = []
    for members in cluster([p for p, _ in items]):
        merged.append((_merge([items[i][0] for i in members]), [m for i in members for m in items[i][1]]))
    return merged


def _canonical(kind: str, counts: Counter[str], docs: Counter[str]) -> str:
    """Prefer full names (long forms), then the name most documents use, then most mentions, then diacritics."""
    heads = vocabulary().org_cues  # "the Ministry" alone names a body, it is not its name

    def score(name: str) -> tuple[bool, int, int, bool, str]:
        multiword = len(name.split()) > 1 or (kind != "person" and not name.replace(".", "").isupper()
                                              and name not in heads)
        return (not multiword, -docs[name], -counts[name], name.isascii(), name)

    return min(counts, key=score)


def _entity_id(kind: str, profiles: Sequence[Profile]) -> str:
    distinct = {(p.key, p.first) for p in profiles}  # a common name's thousands of profiles share a few
    seed = min(f"{key}|{' '.join(sorted(first))}" for key, first in distinct)
    return f"{kind}-{hashlib.sha256(f'{kind}|{seed}'.encode()).hexdigest()[:12]}"
