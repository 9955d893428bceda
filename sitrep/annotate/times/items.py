"""The intermediate items of the time extractor: a pattern match before it is normalized."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """One pattern match: its kind (the pattern's name), its span and the named groups it captured."""

    kind: str
    start: int
    end: int
    text: str
    groups: dict[str, str | None]

    def get(self, name: str) -> str | None:
        value = self.groups.get(name)
        return value.lower() if value else None
