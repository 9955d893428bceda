"""Near-copy fingerprints: everything the near-duplicate decision needs, and nothing else.

A near-copy (syndication, a re-post in other site furniture, reordered paragraphs, a few words changed) is
found from the text alone: the sha256 of the clean text, a MinHash of its word SHINGLE-grams and how many
distinct shingles it has (which turns a Jaccard estimate into containment). `fingerprint(article)` computes
only these, about four times faster than the full grouping features (`sitrep.group.features`, which embed the
same values), so that deduplicating a large feed does not pay for names, dates and term weights.

The MinHash values are exactly datasketch's, so that features stored by earlier versions still match. In the
store they are kept as base64 of little-endian uint32 (`encode_minhash`): one string decodes in microseconds,
where a JSON list of 128 integers takes most of the time of reading a document's features back.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha1
from itertools import islice
from operator import methodcaller
from typing import Protocol

import numpy as np
from anyascii import anyascii
from datasketch import MinHash

from sitrep.models import Article

NUM_PERM = 128  # MinHash size: standard error of a Jaccard estimate is about 0.04 at J = 0.8
SHINGLE = 2  # word 2-grams: 5% changed words still keep ~90% of the shingles (3-grams keep ~86%)

_WORD_BYTES = re.compile(rb"[a-z0-9]+")
_digest = methodcaller("digest")


class Shingled(Protocol):
    """What a near-copy decision reads of a document (a Fingerprint or the full DocFeatures)."""

    @property
    def doc_id(self) -> str: ...
    @property
    def text_sha256(self) -> str: ...
    @property
    def minhash(self) -> tuple[int, ...]: ...
    @property
    def shingles(self) -> int: ...


@dataclass(frozen=True)
class Fingerprint:
    """The near-copy part of a document's features."""

    doc_id: str
    text_sha256: str
    minhash: tuple[int, ...]  # datasketch MinHash hash values (NUM_PERM) over word SHINGLE-grams; () if no text
    shingles: int = 0  # number of distinct shingles


def ascii_lower(text: str) -> str:
    """The text transliterated to ASCII and lower-cased (anyascii only when there is something to transliterate)."""
    return (text if text.isascii() else anyascii(text)).lower()


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine permutations (a, b) for NUM_PERM and seed 1, made once instead of once per document."""
    a, b = MinHash(num_perm=NUM_PERM, seed=1).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finaliser, element-wise (uint32 arithmetic wraps, as intended)."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    mixed: np.ndarray = hv ^ (hv >> np.uint32(16))
    return mixed


def _minhash_of_shingles(shingles: set[bytes]) -> tuple[int, ...]:
    """datasketch's update_batch: SHA-1 of each shingle, its first 4 bytes little-endian, the MurmurHash3
    finaliser, then a * h + b mod 2^32 per permutation; one numpy matrix for all shingles. The digests are
    made and joined by C-level map calls (no Python bytecode per shingle)."""
    raw = np.frombuffer(b"".join(map(_digest, map(sha1, shingles))), dtype="<u4")[::5]  # 20-byte digests
    a, b = _permutations()
    values = (np.multiply.outer(_fmix32(raw.astype(np.uint32)), a) + b).min(axis=0)
    return tuple(values.tolist())


def minhash_of(tokens: list[str]) -> tuple[tuple[int, ...], int]:
    """MinHash hash values over the distinct word SHINGLE-grams of these tokens, and how many there are."""
    if len(tokens) < SHINGLE:
        return (), 0
    shingles = {" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}
    return _minhash_of_shingles(shingles), len(shingles)


def minhash_of_text(low: str) -> tuple[tuple[int, ...], int]:
    """`minhash_of` the word tokens of an ASCII lower-case text (`ascii_lower`), tokenised as bytes."""
    tokens = _WORD_BYTES.findall(low.encode("ascii", "ignore"))
    if len(tokens) < SHINGLE:
        return (), 0
    shingles = set(map(b" ".join, zip(tokens, islice(tokens, 1, None), strict=False)))  # SHINGLE 2
    return _minhash_of_shingles(shingles), len(shingles)


def fingerprint(article: Article) -> Fingerprint:
    """The near-copy fingerprint of one article (the same values as its full features hold)."""
    hashes, count = minhash_of_text(ascii_lower(article.text))
    return Fingerprint(article.doc_id, article.text_sha256, hashes, count)


def jaccard(a: Shingled, b: Shingled) -> float:
    """MinHash estimate of the Jaccard similarity of the two shingle sets (0 when either text is empty)."""
    if not a.minhash or len(a.minhash) != len(b.minhash):
        return 0.0
    return sum(map(int.__eq__, a.minhash, b.minhash)) / len(a.minhash)


def containment(a: Shingled, b: Shingled, jac: float) -> float:
    """Estimated share of the smaller shingle set found in the larger one."""
    small = min(a.shingles, b.shingles)
    if small <= 0:
        return 0.0
    inter = jac * (a.shingles + b.shingles) / (1.0 + jac)
    return min(1.0, inter / small)


def encode_minhash(values: tuple[int, ...]) -> str:
    """base64 of the values as little-endian uint32 (how the store keeps them)."""
    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def decode_minhash(value: str | list[int]) -> tuple[int, ...]:
    """The values back from `encode_minhash`; a JSON list (features stored by earlier versions) as it is."""
    if isinstance(value, list):
        return tuple(value)
    return tuple(np.frombuffer(base64.b64decode(value), dtype="<u4").tolist())
