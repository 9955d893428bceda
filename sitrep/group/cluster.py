"""Deterministic grouping over links: union-find for copies and situations, average link for stories.

Stories are not plain connected components of story links: one story link can chain two incidents of the same
kind (two earthquakes, two title fights of one boxer) into one story. Inside each situation component,
stories are built by average-link agglomeration over the link scores (a pair without a link counts 0),
starting from the copy groups: two clusters merge while the mean score over all their cross pairs is at
least `story_merge_score`. A report left alone afterwards joins the story it is most alike to on average when
that mean reaches `lone_report_score` (a short or late report of an incident links to few of its reports). The
result depends only on the set of documents and links (ties break on the smallest
member ids), so adding documents one by one and rebuilding give the same stories, and the kinds still nest:
copy groups are never split, and clusters only merge across links, so a story stays inside its situation.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

from sitrep.group.links import Link, thresholds


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


def average_link(doc_ids: Iterable[str], links: Iterable[Link], threshold: float,
                 lone_score: float | None = None) -> dict[str, str]:
    """Document -> smallest member of its story: copy groups merged by average link over the link scores, then
    reports left alone attached to their closest story (`attach_lone_reports`; lone_score from thresholds.json
    when not given)."""
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

    roots = {d: final(r) for d, r in start.items()}
    return attach_lone_reports(roots, links, thresholds()["lone_report_score"] if lone_score is None else lone_score)


def attach_lone_reports(roots: dict[str, str], links: list[Link], lone_score: float) -> dict[str, str]:
    """A report left alone joins the story whose members it is most alike to on average (mean score at least
    `lone_score`): a short or late report of an incident links to few of its story's reports and so stays
    below story_merge_score on average, while a report of its own news item has no story score to any of them
    (a situation link past the story window scores 0). Only stories of two or more reports take a lone one,
    from the clusters average link made, so the result does not depend on the order of the reports."""
    size: dict[str, int] = defaultdict(int)
    for root in roots.values():
        size[root] += 1
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for item in links:
        if item.kind != "copy" and item.score > 0 and item.a in roots and item.b in roots:
            sums[item.a][roots[item.b]] += item.score
            sums[item.b][roots[item.a]] += item.score
    attached = dict(roots)
    for doc, root in roots.items():
        if size[root] != 1:
            continue
        # the highest mean, ties to the smallest root: the same choice whatever order the links came in
        best = min(((-total / size[other], other) for other, total in sums[doc].items() if size[other] > 1),
                   default=None)
        if best is not None and -best[0] >= lone_score:
            attached[doc] = best[1]
    return attached
