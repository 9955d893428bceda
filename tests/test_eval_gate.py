"""The evaluation gate: each capability's fast subset must stay at or above its pinned floor.

Floors live in evaluate/baselines/<capability>.json as {"metric": floor}; they are what we honestly reached,
measured on data nobody here wrote (../shared/bench, ../shared/gold). A drop below a floor fails CI.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from tests.conftest import require_shared

BASELINES = Path(__file__).parent.parent / "evaluate" / "baselines"
CASES = sorted(p.stem for p in BASELINES.glob("*.json"))


def test_there_are_floors_to_hold() -> None:
    assert CASES, "no pinned baselines"


@pytest.mark.parametrize("capability", CASES)
def test_capability_holds_its_floor(capability: str) -> None:
    require_shared("bench")
    floors: dict[str, float] = json.loads((BASELINES / f"{capability}.json").read_text())
    report = importlib.import_module(f"evaluate.{capability}").run(fast=True)
    print(report.format())
    for metric, floor in floors.items():
        assert metric in report.metrics, f"{capability}: the report has no {metric}"
        value = report.metrics[metric]
        lower_is_better = metric.endswith(("_taken", "_violations", "_errors"))
        if lower_is_better:
            assert value <= floor, f"{capability}.{metric} = {value:.3f} rose above its ceiling {floor}"
        else:
            assert value >= floor, f"{capability}.{metric} = {value:.3f} fell below its floor {floor}"
