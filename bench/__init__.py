"""Benchmarks: speed and memory as ratios against a baseline measured in the same run (machines are noisy).

`python -m bench NAME|all`. Each module has `run(quick: bool = False) -> list[str]` returning lines to print.
"""

from __future__ import annotations

import resource
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BENCH_DATA = SHARED / "bench"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
