"""The intermediate item of the event extractor: one trigger found in one sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    type: str
    rank: float
    start: int  # offsets into the article text
    end: int
    text: str
    factual: bool  # False when a modal, negation, generic or conditional cue governs it
