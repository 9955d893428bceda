"""Group: copies, stories and situations as connected components of pairwise links.

    features(article, annotations) -> DocFeatures      per document, pure (sitrep.group.features)
    fingerprint(article) -> Fingerprint                the near-copy part alone, 4x cheaper (sitrep.group.minhash)
    lsh_bands(f), blocking_keys(f) -> keys             where to look for candidates (near-copies; stories)
    link(a, b) -> Link | None                          one pair, from the two feature sets only (sitrep.group.links)
    copy_link(a, b) -> Link | None                     the near-copy decision alone, from two fingerprints
    components(doc_ids, links, kind) -> {doc: group}   components (stories: average link), deterministic ids

Because every link depends on its two documents alone and grouping depends only on the set of documents and
links (`sitrep.group.cluster`), adding documents one by one in any order gives the same grouping as a rebuild.
The kinds nest (copy ⊂ story ⊂ situation): a copy group is never split by the story clustering, and a story
never spans two situations. The link rules are documented in `sitrep.group.links`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

from sitrep.group.cluster import average_link, union_find
from sitrep.group.features import DocFeatures, features
from sitrep.group.links import Link, LinkKind, copy_link, link, thresholds
from sitrep.group.minhash import LEGACY_SCHEME, NUM_PERM, Fingerprint, Shingled, fingerprint

__all__ = ["DocFeatures", "Fingerprint", "Link", "LinkKind", "Shingled", "band_prefix", "blocking_keys", "components",
           "copy_link", "features", "fingerprint", "link", "lsh_bands", "lsh_digests"]

LSH_BANDS = 32  # 32 bands of 4 rows: a pair with Jaccard 0.5 is a candidate with p = 0.87, at 0.7 p > 0.999
LSH_ROWS = NUM_PERM // LSH_BANDS  # 4: an even number, the band key mixes the values two by two
BLOCK_NAMES = 6  # a document's names, places and terms used as blocking keys (each list is ranked or sorted)
BLOCK_TERMS = 8

_NESTED: dict[str, tuple[str, ...]] = {
    "copy": ("copy",),
    "story": ("copy", "story"),
    "situation": ("copy", "story", "situation"),
}


def band_prefix(scheme: int) -> str:
    """The start of the LSH band keys of one MinHash scheme: values of two schemes never share a band."""
    return "lsh:" if scheme == LEGACY_SCHEME else f"lsh{scheme}:"


def lsh_bands(f: Shingled) -> tuple[str, ...]:
    """Band keys of the MinHash: two near-copies share at least one band with high probability; a key names its
    scheme and band, "lsh2:<band>:<16 hex digits of its `lsh_digests`>", and the text hash is one more key."""
    if not f.minhash:
        return ("sha:" + f.text_sha256,)
    prefix = band_prefix(f.minhash_scheme)
    digests = lsh_digests(f.minhash).tolist()
    return (*(f"{prefix}{band}:{value:016x}" for band, value in enumerate(digests)), "sha:" + f.text_sha256)


def lsh_digests(minhash: tuple[int, ...]) -> np.ndarray:
    """The LSH_BANDS 64-bit band digests of a (non-empty) MinHash: a band's LSH_ROWS values are mixed into one
    key in numpy (MurmurHash3's 64-bit finaliser over the values two by two)."""
    rows = np.asarray(minhash, dtype=np.uint64).reshape(LSH_BANDS, LSH_ROWS)
    digest = np.zeros(LSH_BANDS, dtype=np.uint64)
    for i in range(0, LSH_ROWS, 2):
        digest = _fmix64(digest ^ (rows[:, i] << np.uint64(32)) ^ rows[:, i + 1])
    return digest


def _fmix64(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    mixed: np.ndarray = x ^ (x >> np.uint64(33))
    return mixed


def blocking_keys(f: DocFeatures) -> tuple[str, ...]:
    """Keys under which story and situation candidates meet: names, places, top terms, quoted statements."""
    keys = {f"n:{n}" for n in f.names[:BLOCK_NAMES]}
    keys |= {f"p:{p}" for p in f.places[:BLOCK_NAMES]}
    keys |= {f"t:{t}" for t in f.terms[:BLOCK_TERMS]}
    keys |= {f"q:{q}" for q in f.quotes}
    return tuple(sorted(keys))


def components(doc_ids: Iterable[str], links: Iterable[Link], kind: str) -> dict[str, str]:
    """Document -> group id; the id is derived from the smallest member.

    copy and situation: connected components over the links of `kind` and stronger. story: average link over
    the scores of all links, from the copy groups up (`sitrep.group.cluster`), so that a single story link
    does not chain two incidents together."""
    links = list(links)
    if kind == "story":
        roots = average_link(doc_ids, links, thresholds()["story_merge_score"])
    else:
        roots = union_find(doc_ids, links, _NESTED[kind])
    return {d: f"{kind}-" + hashlib.sha256(r.encode()).hexdigest()[:12] for d, r in roots.items()}
