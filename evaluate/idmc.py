"""Displacement figures on the IDMC IDETECT excerpts (../shared/bench/idmc-idetect/SOURCE.md).

Each excerpt carries one annotated figure: quantity, reporting term (Displaced, Evacuated, Forced to Flee,
Sheltered, Destroyed Housing, In Relief Camp, Relocated, Homeless, Partially Destroyed Housing) and unit
(People / Households). Ours is the first displacement figure of the excerpt (measure "displaced", its term from
the vocabulary), people before housing and numbers before vague words, as IDMC records them; its quantity is the
upper end of a range or bound ("between 18,000 and 25,000" -> 25,000), else the number itself; unit Households
for families, households and housing. Scored by exact match of quantity + term (the goal), and of quantity, term
and unit alone. fast = the first 100 test excerpts.
"""

from __future__ import annotations

import json
from typing import Any

from evaluate import BENCH, Report
from evaluate.gvdb import context_of
from sitrep.annotate.figures import extract_found
from sitrep.annotate.figures.factory import load_vocab
from sitrep.annotate.figures.items import FoundFigure

DIR = BENCH / "idmc-idetect"
FAST = 100


def _preference(item: FoundFigure) -> tuple[bool, bool]:
    """IDMC records people displaced and takes destroyed housing as a proxy only where no people figure is
    given; a vague quantity ("several hundred") is not a figure it records while a number is there."""
    words = " ".join(item.figure.count_text.lower().split())
    vague = any(phrase in words for phrase in load_vocab().vague)
    return item.figure.group == "housing", vague


def displacement_figure(found: tuple[FoundFigure, ...]) -> FoundFigure | None:
    """The first displacement figure (people before housing, numbers before vague words), or None."""
    candidates = [item for item in found if item.figure.measure == "displaced" and item.term]
    return min(candidates, key=_preference) if candidates else None  # min keeps the first of equals: text order


def first_displacement(found: tuple[FoundFigure, ...]) -> tuple[int, str, str] | None:
    """(quantity, term, unit) of `displacement_figure`, or None."""
    best = displacement_figure(found)
    if best is None:
        return None
    figure = best.figure
    quantity = figure.high if figure.high is not None else figure.low
    unit = "Households" if figure.group in ("households", "housing") else "People"
    return quantity, str(best.term), unit


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def run(fast: bool = False) -> Report:
    test = load("idetect_test.jsonl")
    rows = test[:FAST] if fast else test + [r for r in load("idmc_fully_labelled.jsonl")
                                            if r.get("mentions_displacement") == "Y" and r.get("quantity")]
    both = quantity_ok = term_ok = unit_ok = 0
    notes: list[str] = []
    for row in rows:
        got = first_displacement(extract_found(context_of(row["text"], row["id"])))
        q_ok = got is not None and got[0] == int(row["quantity"])
        t_ok = got is not None and got[1] == row["term"]
        quantity_ok += q_ok
        term_ok += t_ok
        unit_ok += got is not None and got[2] == row["unit"]
        both += q_ok and t_ok
        if not (q_ok and t_ok) and len(notes) < 40:
            notes.append(f"{row['id']}: got {got} want {row['quantity']} {row['term']}")
    n = len(rows)
    return Report(
        "idmc",
        f"shared/bench/idmc-idetect ({n} excerpts{', test subset' if fast else ', test + fully labelled'})",
        {"quantity_term_exact": both / n, "quantity_exact": quantity_ok / n, "term_exact": term_ok / n,
         "unit_exact": unit_ok / n},
        {"goal": "quantity + term exact >= 0.85"},
        notes,
    )
