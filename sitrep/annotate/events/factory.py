"""Loads the event vocabulary (``vocab.json``) and the CASE 2021 label mapping beside this file, once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
VOCAB_PATH = HERE / "vocab.json"
CASE_MAPPING_PATH = HERE / "case2021_mapping.json"
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class EventType:
    name: str
    rank: float  # lower = more specific; decides when one snippet gets one type
    triggers: tuple[re.Pattern[str], ...]
    requires: re.Pattern[str] | None  # the sentence must also match
    unless: re.Pattern[str] | None  # the sentence must not match
    unless_before: re.Pattern[str] | None  # the text just before the trigger must not match
    yields_to: frozenset[str]  # in one-type snippet classification, these types win when also present


@dataclass(frozen=True)
class Vocabulary:
    types: tuple[EventType, ...]
    non_factual: re.Pattern[str]
    any_trigger: re.Pattern[str]  # every trigger as one alternation: one scan tells whether a sentence has any


def _resolve(spec: str | None, named: dict[str, str]) -> re.Pattern[str] | None:
    if not spec:
        return None
    for key, words in named.items():
        spec = spec.replace(key, f"(?:{words})")
    return re.compile(spec, _FLAGS)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = json.loads(VOCAB_PATH.read_text(encoding="utf-8"))
    named = {key: value for key, value in raw.items() if key.endswith("_words")}
    named = dict(sorted(named.items(), key=lambda kv: -len(kv[0])))
    types = []
    for name, spec in raw["types"].items():
        types.append(
            EventType(
                name=name,
                rank=float(spec["rank"]),
                triggers=tuple(re.compile(t, _FLAGS) for t in spec["triggers"]),
                requires=_resolve(spec.get("requires"), named),
                unless=_resolve(spec.get("unless"), named),
                unless_before=_resolve(spec.get("unless_before"), named),
                yields_to=frozenset(spec.get("yields_to", ())),
            )
        )
    # every trigger opens a word (\b then a letter; tests/annotate/events/test_prefilter.py), so trying the
    # alternation at word starts only finds the same matches at about half the cost
    alternation = "|".join(f"(?:{p.pattern})" for t in types for p in t.triggers)
    any_trigger = re.compile(rf"\b(?=\w)(?:{alternation})", _FLAGS)
    return Vocabulary(tuple(sorted(types, key=lambda t: t.rank)), re.compile(raw["non_factual_cues"], _FLAGS),
                      any_trigger)


@lru_cache(maxsize=1)
def case_mapping() -> dict[str, str]:
    """CASE 2021 task 2 label -> sitrep event type, for the labels that have a counterpart."""
    raw = json.loads(CASE_MAPPING_PATH.read_text(encoding="utf-8"))
    return {label: kind for label, kind in raw.items() if not label.startswith("_")}
