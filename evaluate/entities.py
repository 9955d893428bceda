"""Entities: mention extraction on MEANTIME (names only) against the shipped spaCy model, and resolution on the seeds.

MEANTIME (English Wikinews, CC BY 4.0): gold = entity mentions with syntactic_type NAM or PRE.NAM (a name
used as a premodifier, "Apple" in "Apple shares": a name all the same) and type PER / ORG / LOC.
Only the annotated part of each document is scored (`meantime_region`: the title and the first sentences), for us
and the anchor alike; the dateline line holds a date and no names. Strict: a predicted mention is a true positive
when its span equals a gold span of the same type after dropping a leading "the" and trailing punctuation (each
gold span counts once). Overlap (the "type" match of SemEval-2013 task 9): it overlaps a gold span of the same
type, each paired once; MEANTIME's name spans take in titles and roles ("President Vladimir Putin", "Uralsib
analyst Chris Weafer") that sitrep keeps apart from the name by design, so strict match counts those as misses. The
anchor is the raw small English spaCy model on the
same sentences (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC).

Seeds (../shared/gold/seeds.json): every occurrence of a gold variant in the texts must be covered by a mention
and all of a group's occurrences must resolve to one entity (`seeds_groups_resolved`); `must_not_merge` pairs
must stay apart (`seeds_merge_violations`, goal 0); gold places must be geocoded within 0.1 degree.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from pathlib import Path

from evaluate import GOLD, MEANTIME, SHARED, Report, meantime_region, prf
from sitrep.annotate.context import Context
from sitrep.annotate.entities import extract
from sitrep.annotate.nlp import get_nlp
from sitrep.models import Article, Mention, Paragraph, RawDoc
from sitrep.resolve import resolve_entities
from sitrep.text import split_paragraphs, split_sentences

log = logging.getLogger(__name__)
TYPES = ("PER", "ORG", "LOC")
OURS = {"person": "PER", "organization": "ORG", "place": "LOC"}
SPACY = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
FAST_DOCS = 30
NAMES = ("NAM", "PRE.NAM")


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = re.match(r"^(?:the|The)\s+", span)
    if lead:
        start += lead.end()
    while end > start and text[end - 1] in " .,;:'\"`":
        end -= 1
    return start, end


def _score(gold: set[tuple[str, int, int, str]], pred: set[tuple[str, int, int, str]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for t in TYPES:
        g = {x for x in gold if x[3] == t}
        p = {x for x in pred if x[3] == t}
        for name, value in prf(len(g & p), len(p - g), len(g - p)).items():
            out[f"{t}_{name}"] = value
        paired = _overlaps(g, p)
        out[f"{t}_overlap_f1"] = prf(paired, len(p) - paired, len(g) - paired)["f1"]
    return out


def _overlaps(gold: set[tuple[str, int, int, str]], pred: set[tuple[str, int, int, str]]) -> int:
    """Predictions paired with an overlapping gold span of the same document (each gold span paired once)."""
    free = sorted(gold)
    paired = 0
    for doc, start, end, _ in sorted(pred):
        match = next((g for g in free if g[0] == doc and g[1] < end and start < g[2]), None)
        if match is not None:
            free.remove(match)
            paired += 1
    return paired


def meantime(fast: bool) -> tuple[dict[str, float], dict[str, float], int]:
    """(our scores, raw spaCy scores, number of documents) on MEANTIME names."""
    docs = [json.loads(line) for line in MEANTIME.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = docs[:FAST_DOCS] if fast else docs
    gold: set[tuple[str, int, int, str]] = set()
    ours: set[tuple[str, int, int, str]] = set()
    raw: set[tuple[str, int, int, str]] = set()
    nlp = get_nlp()
    for doc in docs:
        text: str = doc["text"]
        for m in doc["entity_mentions"]:
            if m.get("syntactic_type") in NAMES and m.get("entity_type") in TYPES:
                gold.add((doc["id"], *_norm(text, m["start"], m["end"]), m["entity_type"]))
        paragraphs, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                paragraphs.append(Paragraph(pos, pos + len(line)))
            pos += len(line) + 1
        article = Article(doc_id=doc["id"], source=doc["doc_name"], text=text, paragraphs=tuple(paragraphs))
        sentences = split_sentences(text, article.paragraphs)
        region = meantime_region(text)
        for mention in extract(Context(article, sentences, None)):
            if mention.end > region:
                continue
            ours.add((doc["id"], *_norm(text, mention.start, mention.end), OURS.get(mention.kind, "")))
        for sentence in (s for s in sentences if s.end <= region):
            for ent in nlp(sentence.text).ents:
                if ent.label_ in SPACY:
                    s, e = sentence.start + ent.start_char, sentence.start + ent.end_char
                    raw.add((doc["id"], *_norm(text, s, e), SPACY[ent.label_]))
    return _score(gold, ours), _score(gold, raw), len(docs)


def _article(path: Path) -> Article:
    try:
        from sitrep.clean import clean

        article: Article = clean(RawDoc(source=str(path), kind="text", data=path.read_bytes()))
        return article
    except Exception as error:  # clean is written concurrently; fall back to the raw text
        log.info("clean unavailable (%s); using raw text", error)
        text = path.read_text(encoding="utf-8")
        return Article(doc_id=path.name[:3], source=str(path), text=text, paragraphs=split_paragraphs(text))


def seeds() -> tuple[dict[str, float], list[str]]:
    from sitrep.annotate import annotate

    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    articles = {p.name[:3]: _article(p) for p in sorted((SHARED / "seeds").glob("*.txt"))}
    mentions: dict[str, tuple[Mention, ...]] = {}
    notes: list[str] = []
    for name, article in articles.items():
        try:
            mentions[name] = annotate(article).mentions
        except Exception as error:  # another extractor broken mid-edit must not hide entity scores
            notes.append(f"annotate failed on {name} ({type(error).__name__}); entities extracted alone")
            sentences = split_sentences(article.text, article.paragraphs)
            mentions[name] = extract(Context(article, sentences, article.published))
    resolution = resolve_entities(mentions)

    def ids_of(variant: str) -> tuple[set[str], int]:
        found, missing = set(), 0
        for name, article in articles.items():
            for match in re.finditer(rf"(?<!\w){re.escape(variant)}(?!\w)", article.text):
                cover = [m for m in mentions[name] if m.start <= match.start() and match.end() <= m.end]
                if cover:
                    found.add(resolution.assignments[(name, cover[0].start)])
                else:
                    missing += 1
        return found, missing

    resolved = 0
    groups = gold["entities"]
    entity_of_group: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        ids: set[str] = set()
        missing = 0
        for variant in group["variants"]:
            found, lost = ids_of(variant)
            ids |= found
            missing += lost
        entity_of_group[group["canonical"]] = ids
        if len(ids) == 1 and not missing:
            resolved += 1
        else:
            notes.append(f"{group['canonical']}: {len(ids)} entities, {missing} uncovered occurrences")
    violations = 0
    for a, b in gold["must_not_merge"]:
        if ids_of(a)[0] & ids_of(b)[0]:
            violations += 1
            notes.append(f"merged: {a} / {b}")
    places = [g for g in groups if g["kind"] == "place"]
    good = 0
    for group in places:
        entity = next((resolution.entity(i) for i in entity_of_group[group["canonical"]]), None)
        if entity and entity.lat is not None and entity.lon is not None and abs(entity.lat - group["lat"]) <= 0.1 \
                and abs(entity.lon - group["lon"]) <= 0.1:
            good += 1
        else:
            notes.append(f"place off: {group['canonical']} -> {entity}")
    return {
        "seeds_groups_resolved": resolved / len(groups),
        "seeds_merge_violations": float(violations),
        "seeds_places_within_0.1": good / len(places) if places else 1.0,
    }, notes


def run(fast: bool = False) -> Report:
    ours, raw, n = meantime(fast)
    metrics = {f"meantime_{k}": v for k, v in ours.items()}
    seed_metrics, notes = seeds()
    metrics.update(seed_metrics)
    anchors = {f"spacy_sm {t} P/R/F1, overlap F1": f"{raw[t + '_precision']:.3f} / {raw[t + '_recall']:.3f} / "
               f"{raw[t + '_f1']:.3f}, {raw[t + '_overlap_f1']:.3f}" for t in TYPES}
    return Report("entities", f"MEANTIME-en name mentions ({n} docs) + 5 seeds", metrics, anchors, notes)
