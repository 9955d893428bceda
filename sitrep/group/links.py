"""Pairwise link decisions: is document b a copy of a, the same story, the same situation, or unrelated?

A decision looks at the two documents' features only (never at a third document or at arrival order), and is
symmetric. Rules, strongest first (thresholds in `thresholds.json` beside this module, each with its reason):

copy (same origin; `Link.reason` says which rule)
  * "same text": identical clean text (sha256).
  * "near-copy": MinHash Jaccard of word 2-gram shingles >= copy_jaccard, or the shingles of the shorter text
    are contained in the longer one (estimated containment >= copy_containment, with Jaccard >= copy_min_jaccard):
    syndication, re-posts inside other site furniture, reordered paragraphs, a few words changed, and versions
    of one text (an update or expansion that keeps the earlier text: one reporting, one origin for an analyst;
    `evaluate.duplicates` judges them so).
  * "retelling": one statement in other words (machine translation, rewrite): the two share at least
    retell_specifics distinct specific facts (numbers, dates; a date, its day number and its month count once),
    and at least retell_share of the specifics of the document with fewer of them (a translation keeps them
    all, a second report adds its own), at least one
    quote (by content stems) or retell_names names, and their content terms overlap >= retell_terms; and
    they are close in time (retell_days), and their story similarity is at least retell_similarity.
story (one news item): `similarity` >= story_score and close in time (story_days), or further apart (within
  situation_days) with `similarity` >= long_story_score: a follow-up as alike as two reports of one item
  usually are (ECB+ subtopics hold such follow-ups for weeks), while a later statement on the same crisis
  (the seeds' NGO statement, 0.54) starts another story. The similarity is the cosine
  of the two documents' tf x rarity term vectors plus name_weight x the cosine of their name vectors (rarity
  from wordfreq, see `sitrep.group.features`); when both documents name years and share none (two earthquakes,
  two arrests of one celebrity years apart) it is multiplied by year_veto.
situation (one crisis over time): term cosine >= situation_terms and shared names/places >= situation_names,
  within situation_days; when either document has no date at all, the similarity must also reach
  undated_situation_score (one weak link from an undated page would otherwise bridge two crises).

The score of a story or situation link is its story similarity (0 when the two are further apart than
story_days and below long_story_score; scaled by undated_story_scale when only one of the two has a time, so
a report that cannot be placed in time counts less towards a dated story, which may be another incident of
the same kind): `sitrep.group.components` joins stories by average link over these
scores inside each situation (threshold story_merge_score, lower than story_score: a situation link's
likeness counts towards the mean too), so a story link alone does not chain two different incidents into
one story. An undated pair needs undated_situation_score before any link, story or situation.

Time: a document's time is its published date, else the latest date it mentions. When both are known and
further apart than the window, the pair never links (a year-less date compares by month and day, so January
and June stay apart whatever the year). When a time is unknown the content alone decides. The story window
also accepts two reports whose event days (the earliest full date each names in the week before its
publication, `event_day`) are close: a report of Monday's earthquake published on Thursday tells of Monday.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from sitrep.group.features import DocFeatures
from sitrep.group.minhash import Shingled, containment_of, jaccard

LinkKind = Literal["copy", "story", "situation"]


@dataclass(frozen=True)
class Link:
    """A relation between two documents; a < b so that the same pair always gives the same row."""

    a: str
    b: str
    kind: LinkKind
    score: float
    reason: str


@lru_cache(maxsize=1)
def thresholds() -> dict[str, float]:
    """The numbers of the link rules (data file beside this module; keys starting with '_' are comments)."""
    data = json.loads(Path(__file__).with_name("thresholds.json").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.items() if not k.startswith("_")}


def term_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Rank-weighted overlap of two term lists (most telling first): 1 for the same list, 0 for disjoint."""
    if not a or not b:
        return 0.0
    wa = {t: 1.0 / (1.0 + i / 10.0) for i, t in enumerate(a)}
    wb = {t: 1.0 / (1.0 + i / 10.0) for i, t in enumerate(b)}
    shared = sum(min(wa[t], wb[t]) for t in wa.keys() & wb.keys())
    return shared / min(sum(wa.values()), sum(wb.values()))


def cosine(ka: tuple[str, ...], wa: tuple[float, ...], kb: tuple[str, ...], wb: tuple[float, ...]) -> float:
    """Cosine of two sparse weighted vectors (keys with L2-normalised weights; missing weights count 0)."""
    if not wa or not wb:
        return 0.0
    other = dict(zip(kb, wb, strict=False))
    return sum(w * other.get(k, 0.0) for k, w in zip(ka, wa, strict=False))


def years_conflict(a: DocFeatures, b: DocFeatures) -> bool:
    """Both documents name years and none in common: the same kind of event in another year."""
    return bool(a.years) and bool(b.years) and not set(a.years) & set(b.years)


def similarity(a: DocFeatures, b: DocFeatures) -> float:
    """Story similarity: term cosine + name_weight x name cosine, scaled down by year_veto when years conflict."""
    th = thresholds()
    sim = cosine(a.terms, a.weights, b.terms, b.weights)
    sim += th["name_weight"] * cosine(a.names, a.name_weights, b.names, b.name_weights)
    return sim * th["year_veto"] if years_conflict(a, b) else sim


def quotes_shared(a: tuple[str, ...], b: tuple[str, ...], share: float) -> int:
    """Quotes of a that some quote of b retells (at least `share` of the smaller stem set in common)."""
    count = 0
    sets_b = [set(q.split()) for q in b]
    for q in a:
        sa = set(q.split())
        if any(len(sa & sb) >= max(3.0, share * min(len(sa), len(sb))) for sb in sets_b):
            count += 1
    return count


def distinct_specifics(numbers: tuple[str, ...] | set[str], dates: tuple[str, ...] | set[str]) -> set[str]:
    """Numbers and dates as distinct facts: "17 March 2003" is one fact, not the date 2003-03-17 plus the month
    2003-03 plus the number 17 (each is in the features, so that a text naming only the day or only the month
    still matches)."""
    full = {d for d in dates if len(d) == 10}
    days = {d[8:10].lstrip("0") for d in full}
    months = {d[:7] for d in full}
    return set(full) | {d for d in dates if len(d) != 10 and d not in months} | {n for n in numbers if n not in days}


def shared_specifics(a: DocFeatures, b: DocFeatures) -> int:
    """How many distinct specific facts (numbers, dates) the two documents have in common."""
    return len(distinct_specifics(set(a.numbers) & set(b.numbers), set(a.dates) & set(b.dates)))


def _when(f: DocFeatures) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the document: published, else the latest full date it mentions."""
    candidates = [f.published] if f.published else []
    if not candidates:
        dated = [d for d in f.dates if len(d) == 10]
        known = [d for d in dated if not d.startswith("X")]
        candidates = [max(known)] if known else ([max(dated)] if dated else [])
    for value in candidates:
        try:
            year = None if value.startswith("X") else int(value[:4])
            return year, int(value[5:7]), int(value[8:10])
        except (ValueError, IndexError):
            continue
    return None


def days_apart(a: DocFeatures, b: DocFeatures) -> int | None:
    """A lower bound on the days between the two documents, None when either time is unknown."""
    ta, tb = _when(a), _when(b)
    if ta is None or tb is None:
        return None
    try:
        if ta[0] is not None and tb[0] is not None:
            return abs((date(ta[0], ta[1], ta[2]) - date(tb[0], tb[1], tb[2])).days)
        da = date(2001, ta[1], min(ta[2], 28)).toordinal()
        db = date(2001, tb[1], min(tb[2], 28)).toordinal()
    except ValueError:
        return None
    diff = abs(da - db) % 365
    return min(diff, 365 - diff)


def event_day(f: DocFeatures) -> date | None:
    """The day of the event a report tells of: the earliest full date it names within event_reach_days before
    its publication (any full date it names when it has none). A report published days later names that day."""
    reach = thresholds()["event_reach_days"]
    published = _iso(f.published) if f.published else None
    days = [d for value in f.dates if len(value) == 10 and (d := _iso(value)) is not None]
    if published is not None:
        days = [d for d in days if 0 <= (published - d).days <= reach]
    return min(days) if days else None


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None  # a year-less "XXXX-MM-DD" or a malformed date


def story_gap(a: DocFeatures, b: DocFeatures, days: int | None) -> int | None:
    """Days between two reports for the story window: their publication gap (`days`), or the gap between the
    event days they tell of when that is smaller (two reports of one day's incident, published days apart)."""
    ea, eb = event_day(a), event_day(b)
    if ea is None or eb is None:
        return days
    events = abs((ea - eb).days)
    return events if days is None else min(days, events)


def one_side_timeless(a: DocFeatures, b: DocFeatures) -> bool:
    """Only one of the two reports has a time (a publication date or a date it names)."""
    return (_when(a) is None) != (_when(b) is None)


def _within(days: int | None, window: float) -> bool:
    return days is None or days <= window


def copy_link(a: Shingled, b: Shingled) -> Link | None:
    """The near-copy decision alone ("same text" or "near-copy"), from the two fingerprints only."""
    same = a.text_sha256 == b.text_sha256
    return copy_decision(a.doc_id, b.doc_id, same, 0.0 if same else jaccard(a, b), a.shingles, b.shingles)


def copy_decision(a: str, b: str, same_text: bool, jac: float, a_shingles: int, b_shingles: int) -> Link | None:
    """`copy_link` from what it reads of the two documents: whether their texts are equal, their MinHash Jaccard
    estimate and their shingle counts (the store counts agreements of many candidates at once)."""
    if a > b:
        a, b, a_shingles, b_shingles = b, a, b_shingles, a_shingles
    if same_text:
        return Link(a, b, "copy", 1.0, "same text")
    th = thresholds()
    cont = containment_of(a_shingles, b_shingles, jac)
    if jac >= th["copy_jaccard"] or (cont >= th["copy_containment"] and jac >= th["copy_min_jaccard"]):
        return Link(a, b, "copy", round(max(jac, cont), 3), f"near-copy: jaccard {jac:.2f}")
    return None


def link(a: DocFeatures, b: DocFeatures) -> Link | None:
    """The strongest relation between two documents (copy, then story, then situation), or None."""
    if a.doc_id > b.doc_id:
        a, b = b, a
    th = thresholds()
    if (copy := copy_link(a, b)) is not None:
        return copy

    days = days_apart(a, b)
    if not _within(days, th["situation_days"]):
        return None
    terms = term_overlap(a.terms, b.terms)
    names = len(set(a.names) & set(b.names))
    specifics = shared_specifics(a, b)
    fewest = min(len(distinct_specifics(a.numbers, a.dates)), len(distinct_specifics(b.numbers, b.dates))) or 1
    quotes = quotes_shared(a.quotes, b.quotes, th["quote_share"])
    sim = similarity(a, b)
    if (sim >= th["retell_similarity"] and specifics >= th["retell_specifics"]
            and specifics / fewest >= th["retell_share"]
            and (quotes >= 1 or names >= th["retell_names"])
            and terms >= th["retell_terms"] and _within(days, th["retell_days"])):
        why = f"retelling: {specifics} numbers/dates, {quotes} quotes, {names} names, terms {terms:.2f}"
        return Link(a.doc_id, b.doc_id, "copy", round(terms, 3), why)
    if days is None and sim < th["undated_situation_score"]:
        return None  # time cannot keep an undated report apart from another crisis: ask for more likeness
    # one news item: close in time (publication or event day), or a later follow-up as alike as one item's reports
    close = _within(story_gap(a, b, days), th["story_days"]) or sim >= th["long_story_score"]
    story_sim = sim if close else 0.0
    if one_side_timeless(a, b):
        story_sim *= th["undated_story_scale"]  # only one side has a time: it may tell of another incident
    if story_sim >= th["story_score"]:
        return Link(a.doc_id, b.doc_id, "story", round(story_sim, 4), f"story: similarity {sim:.2f}, {names} names")
    places = len(set(a.places) & set(b.places))
    if cosine(a.terms, a.weights, b.terms, b.weights) >= th["situation_terms"] and (
            names + places >= th["situation_names"]):
        why = f"situation: similarity {sim:.2f}, {names} names, {places} places"
        return Link(a.doc_id, b.doc_id, "situation", round(story_sim, 4), why)
    return None
