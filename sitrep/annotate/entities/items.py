"""The working item of the entity extractor: a candidate span with the evidence gathered for its kind."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["person", "organization", "place", "group"]
Evidence = Literal["", "title", "org_cue", "gazetteer", "speaker", "ner", "acronym", "propagated"]


@dataclass(frozen=True)
class Candidate:
    """A name span in article offsets, its kind and why we believe that kind."""

    start: int
    end: int
    text: str
    kind: Kind
    evidence: Evidence = "ner"
    long_form: str | None = None  # for an acronym: the long form it abbreviates in this article

    @property
    def words(self) -> list[str]:
        return self.text.split()

    def relabel(self, kind: Kind, evidence: Evidence) -> Candidate:
        return replace(self, kind=kind, evidence=evidence)
