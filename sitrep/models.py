"""The plain data that flows between pipeline stages.

Every stage is a pure function from one of these to the next:

    RawDoc --clean--> Article --annotate--> Annotations --group/reconcile--> (store rows)

All are frozen dataclasses. Offsets (``start``, ``end``) always index ``Article.text``, the clean text,
so every fact can be traced to the exact characters it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

RawKind = Literal["html", "text"]
EntityKind = Literal["person", "organization", "place", "group"]
DatePrecision = Literal["day", "week", "month", "year", "time"]


def sha256_hex(data: bytes | str) -> str:
    """Hex sha256 of bytes, or of a string encoded as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def document_id(source: str) -> str:
    """Stable document id: the same source (path or URL as given) always gets the same id."""
    return "doc-" + sha256_hex(source)[:12]


@dataclass(frozen=True)
class RawDoc:
    """One input as read from disk, a feed, an archive or the network: bytes plus what the container told us."""

    source: str  # path or URL as given; `<path>#<id>` or `<path>#L<line>` for JSONL, `<path>#<n>` for WARC/feeds
    kind: RawKind  # how `data` is to be read: HTML markup or plain text (txt/md)
    data: bytes
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date from the container (JSONL, feed item); never a WARC crawl date
    language: str | None = None
    encoding: str | None = None  # charset declared by the container (HTTP header), if any

    @property
    def sha256(self) -> str:
        return sha256_hex(self.data)

    @property
    def doc_id(self) -> str:
        return document_id(self.source)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """Clean main text of one document with its metadata. Boilerplate is gone; offsets index `text`."""

    doc_id: str
    source: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date the page really prints (never a bare copyright year)
    language: str | None = None

    @property
    def text_sha256(self) -> str:
        return sha256_hex(self.text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index into Article.paragraphs


@dataclass(frozen=True)
class TimeExpr:
    """A time expression normalized against the article date. Ranges carry `end_value`."""

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # TIMEX3-style value: 2022-01-06, 2022-01, 2022-W01, 2022-01-06T23:00, P3D, XXXX-XX-XX ...
    precision: DatePrecision | None = None
    end_value: str | None = None  # for "from ... to", "until", "since" intervals


@dataclass(frozen=True)
class Mention:
    """A name in the text. `key` is a transliteration-insensitive key used to resolve variants across articles."""

    text: str
    start: int
    end: int
    kind: EntityKind
    key: str


@dataclass(frozen=True)
class Figure:
    """A count of people affected, with its hedge, victim group, attribution and evidence span."""

    measure: str  # killed, injured, hospitalized, detained, charged, missing, displaced, participants
    group: str  # protesters, security_forces, civilians, journalists, people, ...
    group_text: str
    low: int
    high: int | None  # None = open upwards ("more than 2,000")
    approximate: bool
    count_text: str  # the words as written: "nearly 1,000", "dozens", "more than 2,000"
    start: int  # span of the count phrase
    end: int
    sentence_start: int
    sentence_end: int
    source_text: str | None = None  # "the Ministry of Internal Affairs", "police"
    place_text: str | None = None
    date: str | None = None  # as-of date, ISO
    term: str | None = None  # finer reporting term: "sub" (a sub-count of the figure before), IDMC terms, ...


@dataclass(frozen=True)
class Event:
    type: str  # from annotate/events vocabulary: protest, armed_clash, state_of_emergency, ...
    trigger: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    date: str | None = None
    date_precision: DatePrecision | None = None
    place_text: str | None = None


@dataclass(frozen=True)
class Quote:
    speaker_text: str | None
    text: str
    start: int
    end: int
    direct: bool = True
    speaker_key: str | None = None  # Mention.key of the speaker when resolved in the article


@dataclass(frozen=True)
class Call:
    caller_text: str | None
    addressee_text: str | None
    demand: str
    start: int
    end: int
    caller_key: str | None = None


@dataclass(frozen=True)
class Annotations:
    """Everything the annotate stage found in one article."""

    doc_id: str
    published: str | None  # the article date used for normalization (printed, or inferred)
    published_inferred: bool
    sentences: tuple[Sentence, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    mentions: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    calls: tuple[Call, ...] = ()


@dataclass(frozen=True)
class Processed:
    """The per-article output of the pipeline: what `clean` and `annotate` made of one RawDoc."""

    raw: RawDoc
    article: Article
    annotations: Annotations
    rules: str = ""  # the digest of the rules that read it (sitrep.rules.rules_version)
