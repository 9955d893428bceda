"""Evaluation of each extraction capability on data nobody here wrote (../shared/bench, ../shared/gold).

One module per capability, each with

    def run(fast: bool = False) -> Report

where `fast` is the subset CI runs. `python -m evaluate NAME [--fast]` prints the scores beside the published
anchors; `python -m evaluate all` runs them all. Pinned floors live in `baselines/NAME.json`
({"metric": floor, ...}); tests/test_eval_gate.py fails when a fast-subset score drops below its floor.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(os.environ.get("SITREP_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
BENCH = SHARED / "bench"
GOLD = SHARED / "gold"

MEANTIME = BENCH / "meantime-en" / "meantime_en.jsonl"
MEANTIME_LINES = 6  # the title, the DCT dateline and the first four body sentences
CAPABILITIES = ("clean", "figures", "gvdb", "idmc", "times", "events", "entities", "bodies", "places", "stories",
                "duplicates",
                "seeds")


@dataclass
class Report:
    capability: str
    data: str
    metrics: dict[str, float]
    anchors: dict[str, str] = field(default_factory=dict)  # published scores to print beside ours
    notes: list[str] = field(default_factory=list)

    def format(self) -> str:
        lines = [f"== {self.capability}  ({self.data})"]
        for name, value in self.metrics.items():
            lines.append(f"  {name:<32} {value:8.3f}")
        for name, anchor in self.anchors.items():
            lines.append(f"  anchor {name:<25} {anchor}")
        lines.extend(f"  note: {note}" for note in self.notes)
        return "\n".join(lines)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (1.0 where nothing was expected and nothing predicted)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def meantime_region(text: str) -> int:
    """End of the part of a MEANTIME document that is annotated: its guidelines annotate entities, times and values
    in the title and the first sentences only (lines 0-5, line 1 being the DCT dateline), so a prediction after it
    is neither right nor wrong."""
    return sum(len(line) + 1 for line in text.split("\n")[:MEANTIME_LINES])
