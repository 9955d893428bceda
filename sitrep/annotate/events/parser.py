"""Finds event triggers in a sentence and judges whether each mention asserts that the event happened.

A mention is non-factual (and never becomes an event) when a cue from the vocabulary's ``non_factual_cues`` -
modality ("have the right to", "could", "should"), negation ("no", "not", "without"), conditionals ("if",
"in the event of"), appeals ("calls for", "urged", "prevent") - stands in the same clause shortly before the
trigger: within `_CUE_WORDS` words and with no clause boundary (, ; : or a conjunction) in between.
"""

from __future__ import annotations

import re

from sitrep.annotate.events.factory import vocabulary
from sitrep.annotate.events.items import Trigger

_CUE_WORDS = 7
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|when|after|before|as|which|who)\b", re.IGNORECASE)


def factual(sentence: str, start: int) -> bool:
    """True unless a non-factual cue governs the trigger at `start` (an offset into `sentence`)."""
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    words = clause.split()
    window = " ".join(words[-_CUE_WORDS:])
    return not vocabulary().non_factual.search(window)


def find(sentence: str, offset: int = 0) -> list[Trigger]:
    """All triggers in one sentence (several types may fire); spans shifted by `offset`."""
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    if not vocabulary().any_trigger.search(sentence):
        return found  # most sentences: one scan instead of one per trigger
    for kind in vocabulary().types:
        matches = [m for pattern in kind.triggers for m in pattern.finditer(sentence)]
        # the sentence-wide conditions are read only where a trigger fired (they cost as much as the triggers)
        if not matches or (kind.requires and not kind.requires.search(sentence)):
            continue
        if kind.unless and kind.unless.search(sentence):
            continue
        for match in matches:
            start, end = match.start(), match.end()
            if kind.unless_before and kind.unless_before.search(sentence[max(0, start - 12) : start]):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(Trigger(kind.name, kind.rank, offset + start, offset + end, match.group(0),
                                 factual(sentence, start)))
    return sorted(found, key=lambda t: t.start)
