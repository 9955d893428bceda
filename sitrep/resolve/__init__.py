"""Resolve: cross-article entity resolution (name variants) and geocoding of places.

    resolve_entities(mentions_by_doc) -> Resolution(entities, assignments[(doc_id, start)] -> id, by_text)
    same_entity(a: Profile, b: Profile) -> bool        entity_key_candidates(mention) -> set[str]
    geocode(name, context_country) -> Place | None     context_country(names) -> ISO2 | None
"""

from __future__ import annotations

from sitrep.resolve.geocode import Place, context_country, geocode
from sitrep.resolve.incremental import resolve_entities
from sitrep.resolve.profiles import Profile, entity_key_candidates, profile_of, same_entity
from sitrep.resolve.resolver import Resolution, ResolvedEntity

__all__ = [
    "Place",
    "Profile",
    "Resolution",
    "ResolvedEntity",
    "context_country",
    "entity_key_candidates",
    "geocode",
    "profile_of",
    "resolve_entities",
    "same_entity",
]
