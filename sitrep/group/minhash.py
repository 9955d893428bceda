"""Near-copy fingerprints: everything the near-duplicate decision needs, and nothing else.

A near-copy (syndication, a re-post in other site furniture, reordered paragraphs, a few words changed) is
found from the text alone: the sha256 of the clean text, a MinHash of its word SHINGLE-grams and how many
distinct shingles it has (which turns a Jaccard estimate into containment). `fingerprint(article)` computes
only these, several times faster than the full grouping features (`sitrep.group.features`, which embed the
same values), so that deduplicating a large feed does not pay for names, dates and term weights.

The hash scheme (SCHEME 2) is built for speed, with no Python work per shingle: each word token is hashed once
(zlib.crc32), a shingle's hash is the MurmurHash3 64-bit finaliser of its two token hashes side by side (top 32
bits), and the NUM_PERM permutations are universal hashes a * h + b mod 2^32 (a odd) over all distinct shingle
hashes in one numpy matrix. Scheme 1 (until this version) took SHA-1 of every shingle, as datasketch does, which
cost half the time of a fingerprint. Values of two schemes are unrelated, so every fingerprint carries its
scheme, its LSH band keys name it (`sitrep.group.lsh_bands`), two fingerprints of different schemes are never
similar (`jaccard` 0), and the store re-fingerprints documents of an older scheme from their stored text before
grouping anything (`sitrep.store.grouping.upgrade_fingerprints`).

In the store the values are kept as base64 of little-endian uint32 (`encode_minhash`): one string decodes in
microseconds, where a JSON list of 128 integers takes most of the time of reading a document's features back.
"""

from __future__ import annotations

import base64
import re
import zlib
from binascii import a2b_base64
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from typing import Protocol

import numpy as np
from anyascii import anyascii

from sitrep.models import Article

NUM_PERM = 128  # MinHash size: standard error of a Jaccard estimate is about 0.04 at J = 0.8
SHINGLE = 2  # word 2-grams: 5% changed words still keep ~90% of the shingles (3-grams keep ~86%)
SCHEME = 2  # the hash scheme of the values this version computes (see the module docstring)
LEGACY_SCHEME = 1  # features stored without a scheme were made with SHA-1 shingle hashes

_SEPARATORS = bytes(c if chr(c).isascii() and (chr(c).isdigit() or "a" <= chr(c) <= "z") else 32 for c in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_U64 = np.uint64


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
    @property
    def minhash_scheme(self) -> int: ...


@dataclass(frozen=True)
class Fingerprint:
    """The near-copy part of a document's features."""

    doc_id: str
    text_sha256: str
    minhash: tuple[int, ...]  # MinHash values (NUM_PERM) over word SHINGLE-grams; () if no text
    shingles: int = 0  # number of distinct shingles
    minhash_scheme: int = SCHEME  # the hash scheme of `minhash`


def ascii_lower(text: str) -> str:
    """The text transliterated to ASCII and lower-cased. anyascii maps one character at a time, so only the
    runs of non-ASCII characters go through it (cached: a page repeats its curly quotes and currency signs)."""
    if not text.isascii():
        text = _NON_ASCII.sub(_transliterated, text)
    return text.lower()


def _transliterated(match: re.Match[str]) -> str:
    return _anyascii(match.group())


@lru_cache(maxsize=16384)
def _anyascii(run: str) -> str:
    return anyascii(run)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """NUM_PERM universal hashes (a odd, b), derived from blake2b of their index: fixed forever, whatever
    random number generator numpy ships."""
    words = [int.from_bytes(blake2b(b"sitrep-minhash-%d" % i, digest_size=8).digest(), "little")
             for i in range(NUM_PERM)]
    a = np.array([(w & 0xFFFFFFFF) | 1 for w in words], dtype=np.uint32)
    b = np.array([w >> 32 for w in words], dtype=np.uint32)
    return a, b


def _shingle_hashes(tokens: list[bytes]) -> np.ndarray:
    """Distinct 32-bit hashes of the word 2-grams: crc32 per token, then fmix64 of (left << 32 | right)."""
    h = np.fromiter(map(zlib.crc32, tokens), dtype=_U64, count=len(tokens))
    x = (h[:-1] << _U64(32)) | h[1:]
    x ^= x >> _U64(33)
    x *= _U64(0xFF51AFD7ED558CCD)
    x ^= x >> _U64(33)
    x *= _U64(0xC4CEB9FE1A85EC53)
    x ^= x >> _U64(33)
    ordered = np.sort((x >> _U64(32)).astype(np.uint32))  # sort + neighbour test: np.unique costs 5x as much
    distinct = np.empty(len(ordered), dtype=bool)
    distinct[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=distinct[1:])
    return ordered[distinct]


def _minhash(tokens: list[bytes]) -> tuple[tuple[int, ...], int]:
    if len(tokens) < SHINGLE:
        return (), 0
    shingles = _shingle_hashes(tokens)
    a, b = _permutations()
    values = (np.multiply.outer(shingles, a) + b).min(axis=0)  # uint32 arithmetic wraps: mod 2^32
    return tuple(values.tolist()), len(shingles)


def minhash_of(tokens: list[str]) -> tuple[tuple[int, ...], int]:
    """MinHash values over the distinct word SHINGLE-grams of these tokens, and how many there are."""
    return _minhash([t.encode("utf-8") for t in tokens])


def minhash_of_text(low: str) -> tuple[tuple[int, ...], int]:
    """`minhash_of` the word tokens of an ASCII lower-case text (`ascii_lower`), tokenised as bytes."""
    return _minhash(low.encode("ascii", "ignore").translate(_SEPARATORS).split())  # the runs of [a-z0-9]


def fingerprint(article: Article) -> Fingerprint:
    """The near-copy fingerprint of one article (the same values as its full features hold)."""
    hashes, count = minhash_of_text(ascii_lower(article.text))
    return Fingerprint(article.doc_id, article.text_sha256, hashes, count)


def jaccard(a: Shingled, b: Shingled) -> float:
    """MinHash estimate of the Jaccard similarity of the two shingle sets (0 when either text is empty, or when
    the two were made with different hash schemes: their values are unrelated)."""
    if not a.minhash or len(a.minhash) != len(b.minhash) or a.minhash_scheme != b.minhash_scheme:
        return 0.0
    return sum(map(int.__eq__, a.minhash, b.minhash)) / len(a.minhash)


def containment(a: Shingled, b: Shingled, jac: float) -> float:
    """Estimated share of the smaller shingle set found in the larger one."""
    return containment_of(a.shingles, b.shingles, jac)


def containment_of(a: int, b: int, jac: float) -> float:
    """`containment` from the two shingle counts (a candidate whose values are not decoded yet)."""
    small = min(a, b)
    if small <= 0:
        return 0.0
    inter = jac * (a + b) / (1.0 + jac)
    return min(1.0, inter / small)


def encode_minhash(values: tuple[int, ...]) -> str:
    """base64 of the values as little-endian uint32 (how the store keeps them)."""
    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def decode_minhash(value: str | list[int]) -> tuple[int, ...]:
    """The values back from `encode_minhash`; a JSON list (features stored by earlier versions) as it is."""
    if isinstance(value, list):
        return tuple(value)
    return tuple(np.frombuffer(base64.b64decode(value), dtype="<u4").tolist())


def agreements(values: tuple[int, ...], encoded: list[str]) -> list[int]:
    """How many positions of each stored MinHash (`encode_minhash`) equal `values`, counted all in one numpy step
    without turning the candidates' values into Python integers. A value of another length, or a JSON list of an
    earlier version, counts -1."""
    size = 4 * len(values)
    blobs = [a2b_base64(e) if e and not e.startswith("[") else b"" for e in encoded]  # no wrapper per call
    valid = [len(b) == size > 0 for b in blobs]
    if not any(valid):
        return [-1] * len(encoded)
    matrix = np.frombuffer(b"".join(b for b, ok in zip(blobs, valid, strict=True) if ok), dtype="<u4")
    counted = iter((matrix.reshape(-1, len(values)) == np.asarray(values, dtype=np.uint32)).sum(axis=1).tolist())
    return [next(counted) if ok else -1 for ok in valid]
