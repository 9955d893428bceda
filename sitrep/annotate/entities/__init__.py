"""Extractor: entities. Names of persons, organisations and places, with transliteration-insensitive keys.

`extract(ctx)` returns `Mention`s (never crossing a sentence); `keys` holds the key functions that
`sitrep.resolve` reuses across articles.
"""

from __future__ import annotations

from sitrep.annotate.entities.extractor import extract
from sitrep.annotate.entities.keys import first_key, name_key, skeleton, surname_key

__all__ = ["extract", "first_key", "name_key", "skeleton", "surname_key"]
