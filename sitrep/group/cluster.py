"""Deterministic grouping over links: union-find for copies and situations, average link for stories.

Stories are not plain connected components of story links: one story link can chain two incidents of the same
kind (two earthquakes, two title fights of one boxer) into one story. Inside each situation component,
stories are built by average-link agglomeration over the link scores (a pair without a link counts 0),
starting from the copy groups: two clusters merge while the mean score over all their cross pairs is at
least `story_merge_score`. The result depends only on the set of documents and links (ties break on the smallest
member ids), so adding documents one by one and rebuilding give the same stories, and the kinds still nest:
copy groups are never split, and clusters only merge across links, so a story stays inside its situation.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

from sitrep.group.links import Link


def union_find(doc_ids: Iterable[str], links: Iterable[Link], allowed: tuple[str, ...]) -> dict[str, str]:
    """Document -> smallest member of its connected component over the links of the allowed kinds."""
    parent: dict[str, str] = {d: d for d in doc_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for item in links:
        if item.kind in allowed and item.a in parent and item.b in parent:
            ra, rb = find(item.a), find(item.b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)  # the smallest id is always the root
    return {d: find(d) for d in parent}


def average_link(doc_ids: Iterable[str], links: Iterable[Link], threshold: float) -> dict[str, str]:
    """Document -> smallest member of its story: copy groups merged by average link over the link scores."""
    links = list(links)
    start = union_find(doc_ids, links, ("copy",))
    size: dict[str, int] = defaultdict(int)
    for root in start.values():
        size[root] += 1
    sums: dict[str, dict[str, float]] = defaultdict(dict)
    for item in links:
        if item.kind == "copy" or item.a not in start or item.b not in start:
            continue
        ra, rb = start[item.a], start[item.b]
        if ra != rb:
            sums[ra][rb] = sums[ra].get(rb, 0.0) + item.score
            sums[rb][ra] = sums[rb].get(ra, 0.0) + item.score
    version: dict[str, int] = defaultdict(int)
    heap: list[tuple[float, str, str, int, int]] = []

    def push(x: str, y: str) -> None:
        x, y = min(x, y), max(x, y)
        mean = sums[x][y] / (size[x] * size[y])
        if mean >= threshold:
            heapq.heappush(heap, (-mean, x, y, version[x], version[y]))

    for x, row in sorted(sums.items()):
        for y in sorted(row):
            if x < y:
                push(x, y)
    merged: dict[str, str] = {}
    while heap:
        _, x, y, vx, vy = heapq.heappop(heap)
        if x in merged or y in merged or version[x] != vx or version[y] != vy:
            continue  # stale: one side has merged since this entry was pushed
        merged[y] = x  # x < y: the smaller root survives
        size[x] += size.pop(y)
        version[x] += 1
        for other, value in sums.pop(y).items():
            del sums[other][y]
            if other != x:
                sums[x][other] = sums[x].get(other, 0.0) + value
                sums[other][x] = sums[x][other]
        sums[x].pop(y, None)
        for other in sorted(sums[x]):
            push(x, other)

    def final(r: str) -> str:
        while r in merged:
            r = merged[r]
        return r

    return {d: final(r) for d, r in start.items()}
