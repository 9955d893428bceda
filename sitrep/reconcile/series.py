"""Figure series: every figure of a situation for one (measure, group), reconciled.

For each series:
- independent origins: figures are one origin when they come from copies of one text, or when they carry the
  same count attributed to the same source (retellings of one ministry statement count once);
- best value, with the rule that chose it (shown to the user), from the counts of the whole situation when
  there are any (a count of one city, `where`, is part of it):
    "latest official figure"  the most recent figure attributed to a state body speaking for itself (not
                              "our sources in the police"; counts of this kind only grow),
    "latest reported figure"  the most recent figure when no state body gave one,
  narrowed to an earlier figure that is more precise and compatible ("more than 300" then 317 -> 317), and
  read conservatively when vague ("dozens" -> at least 12);
- figures an analyst marked wrong stay listed in their series but are used for nothing;
- conflicts: two origins whose intervals cannot both hold on the same day for the same place (a count of a
  place named only in words, or given by a local body, holds for that place only), or a source
  whose later figure for a cumulative count falls below its own earlier one. Growth over time is not a
  conflict, and neither is a lower count from another source (it may count one city, or one hospital).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitrep.models import sha256_hex
from sitrep.reconcile.items import FigureFact, Series
from sitrep.vocab import data_lines, data_rows

# counts that only grow over a crisis (people in hospital, or displaced now, go up and down)
CUMULATIVE = {"killed", "injured", "detained", "charged"}


@dataclass(frozen=True)
class _Vocabulary:
    rewrite: dict[str, str]  # translation variants of a source's words (sources.tsv)
    official: frozenset[str]  # words of a state body (official.txt)
    unofficial: frozenset[str]  # words of unnamed sources inside one (unofficial.txt)
    local: frozenset[str]  # words of a body that counts one place (local_sources.txt)


@cache
def _vocabulary() -> _Vocabulary:
    folder = Path(__file__).parent
    return _Vocabulary({word: becomes for word, becomes in data_rows(folder / "sources.tsv")},
                       *(frozenset(data_lines(folder / name))
                         for name in ("official.txt", "unofficial.txt", "local_sources.txt")))


def source_key(text: str | None) -> frozenset[str]:
    """The words that identify a source, with translation variants folded ("Internal Affairs" = "Interior")."""
    if not text:
        return frozenset()
    rewrite = _vocabulary().rewrite
    words = (rewrite.get(w, w) for w in re.findall(r"[a-z]+", text.lower()))
    return frozenset(w for w in words if w != "stop" and len(w) > 2)


def is_official(text: str | None) -> bool:
    """A state body speaking for itself: "the Interior Ministry", not "our sources in the police department"."""
    key, vocabulary = source_key(text), _vocabulary()
    return bool(key & vocabulary.official) and not key & vocabulary.unofficial


GENERIC = frozenset({"ministry", "official", "spokesperson", "report"})  # say what kind of source, not which


def same_source(a: str | None, b: str | None) -> bool:
    """Two attributions name one source when most of their distinguishing words agree."""
    ka, kb = source_key(a), source_key(b)
    if ka - GENERIC and kb - GENERIC:
        ka, kb = ka - GENERIC, kb - GENERIC
    if not ka or not kb:
        return False
    return len(ka & kb) / min(len(ka), len(kb)) >= 0.5


def _interval(f: FigureFact) -> tuple[float, float]:
    return float(f.low), float("inf") if f.high is None else float(f.high)


def compatible(a: FigureFact, b: FigureFact) -> bool:
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    return a_low <= b_high and b_low <= a_high


def origins(figures: list[FigureFact]) -> list[list[FigureFact]]:
    """Group figures into independent origins (union-find over 'same text' and 'same statement' links)."""
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(figures):
        for j in range(i + 1, len(figures)):
            b = figures[j]
            same_text = a.origin_doc == b.origin_doc
            same_statement = same_source(a.source_text, b.source_text) and compatible(a, b)
            if same_text or same_statement:
                parent[find(i)] = find(j)
    groups: dict[int, list[FigureFact]] = defaultdict(list)
    for i, figure in enumerate(figures):
        groups[find(i)].append(figure)
    return sorted(groups.values(), key=lambda g: min(f.id for f in g))


def _precision(f: FigureFact) -> tuple[int, float]:
    low, high = _interval(f)
    return (0 if f.approximate else 1), -(high - low)


def _best(measure: str, figures: list[FigureFact]) -> tuple[FigureFact, str]:
    # the situation's value comes from counts of the whole of it; a count of one city is part of that
    figures = [f for f in figures if where(f) is None] or figures
    official = [f for f in figures if is_official(f.source_text)]
    pool, rule = (official, "latest official figure") if official else (figures, "latest reported figure")
    cumulative = measure in CUMULATIVE
    if not cumulative:
        rule = rule.replace("latest", "most recent")
    # of one day's counts that only grow, the larger is the total and the smaller a part ("two still held")
    best = max(pool, key=lambda f: (f.date or "", f.low if cumulative else 0, *_precision(f), f.low, f.id))
    narrower = [f for f in figures if f is not best and _within(f, best) and _precision(f) > _precision(best)]
    if narrower:
        best = max(narrower, key=lambda f: (*_precision(f), f.date or "", f.id))
        rule += ", narrowed by a more precise compatible figure"
    if best.approximate and best.high is None:
        rule += "; vague or open count read conservatively (lower bound)"
    return best, rule


def _within(inner: FigureFact, outer: FigureFact) -> bool:
    (i_low, i_high), (o_low, o_high) = _interval(inner), _interval(outer)
    return o_low <= i_low and i_high <= o_high


def where(f: FigureFact) -> str | None:
    """Where a count holds: its place entity, else its place as written, else the source when that is a local
    body ("the regional health department" counts one region); None for a count of the whole situation."""
    if f.place_id:
        return f.place_id
    if f.place_text:
        return "text:" + f.place_text.lower()
    words = set(re.findall(r"[a-z]+", (f.source_text or "").lower()))
    return "source:" + " ".join(sorted(source_key(f.source_text))) if words & _vocabulary().local else None


def _contradict_by_place(a: FigureFact, b: FigureFact) -> bool:
    """Can two incompatible counts not both hold, given where they hold (`where`)?

    Same place (or both of the whole situation): they contradict. Two different places: they do not. A local
    count below a count of the whole is part of it; only a local count above it contradicts it.
    """
    wa, wb = where(a), where(b)
    if wa == wb:
        return True
    if wa is not None and wb is not None:
        return False
    local, overall = (a, b) if wa is not None else (b, a)
    return overall.high is not None and local.low > overall.high


def _one_source(a: FigureFact, b: FigureFact) -> bool:
    """The very same source, translation variants folded ("the Health Ministry" = "the Ministry of Health");
    a regional department is not its ministry."""
    key = source_key(a.source_text)
    return bool(key) and key == source_key(b.source_text)


def _conflicts(measure: str, groups: list[list[FigureFact]]) -> list[str]:
    notes: list[str] = []
    figures = [f for group in groups for f in group]
    origin = {f.id: i for i, group in enumerate(groups) for f in group}
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            if compatible(a, b) or not _contradict_by_place(a, b) or not (a.date and b.date):
                continue
            if a.date[:10] == b.date[:10] and origin[a.id] != origin[b.id]:
                note = f"'{a.count_text}' and '{b.count_text}' are given for the same day ({a.date[:10]})"
            elif measure in CUMULATIVE and a.date[:10] != b.date[:10] and _one_source(a, b):
                early, late = (a, b) if a.date < b.date else (b, a)
                if _interval(late)[1] >= early.low:
                    continue
                note = (f"{late.source_text} gave '{late.count_text}' ({late.date}), lower than its earlier "
                        f"'{early.count_text}' ({early.date}) for a count that only grows")
            else:
                continue
            if note not in notes:
                notes.append(note)
    return notes


def reconcile_series(situation_id: str, figures: list[FigureFact]) -> list[Series]:
    by_key: dict[tuple[str, str], list[FigureFact]] = defaultdict(list)
    for figure in figures:
        by_key[(figure.measure, figure.group)].append(figure)
    result = []
    for (measure, group), listed in sorted(by_key.items()):
        listed.sort(key=lambda f: (f.date or "", f.id))
        members = [f for f in listed if not f.wrong]
        if not members:
            continue
        groups = origins(members)
        totals = [f for f in members if not f.sub] or members  # a sub-count is part of a total, not a rival
        best, rule = _best(measure, totals)
        conflicts = _conflicts(measure, [[f for f in g if not f.sub] for g in groups])
        highs = [f.high for f in members]
        places = {f.place_id for f in members}
        note = _summary(conflicts) if conflicts else _growth_note(totals, best)
        result.append(
            Series(
                id="series-" + sha256_hex(f"{situation_id}|{measure}|{group}")[:12],
                situation_id=situation_id, measure=measure, group=group,
                place_id=places.pop() if len(places) == 1 else None,
                figure_ids=tuple(f.id for f in listed), best_low=best.low, best_high=best.high, best_rule=rule,
                range_low=min(f.low for f in members),
                range_high=None if None in highs else max(h for h in highs if h is not None),
                independent_origins=len(groups), conflict=bool(conflicts), note=note,
            )
        )
    return result


MAX_NOTES = 3  # an analyst reads the first few contradictions; the figures list has the rest


def _summary(conflicts: list[str]) -> str:
    more = len(conflicts) - MAX_NOTES
    return "; ".join(conflicts[:MAX_NOTES]) + (f" (and {more} more)" if more > 0 else "")


def _growth_note(members: list[FigureFact], best: FigureFact) -> str:
    """How the count grew up to the best value, from the earliest count of the same extent (`where`)."""
    dated = [f for f in members if f.date and where(f) == where(best)]
    first = dated[0] if dated else None
    if first is not None and best.date and first.date and first.date < best.date and first.low < best.low:
        return f"grew from '{first.count_text}' ({first.date}) to '{best.count_text}' ({best.date})"
    return ""
