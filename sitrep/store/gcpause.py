"""Cyclic garbage collection paused while the store decodes many rows at once.

Resolving the region of a common name at 100k documents decodes thousands of stored profiles (tuples and
frozensets, no reference cycles), and grouping decodes up to MAX_CANDIDATES feature rows. Each burst of
allocations triggers collections that walk every tracked object of the process (the gazetteer, word
frequencies, the profiles decoded so far). Measured at 100k (the 30 additions of `python -m bench grouping`):
resolve p50 343 ms, mean 557 ms with the collector running; p50 154 ms, mean 250 ms with it paused. What is
allocated in a pause is freed by reference counting as usual; cycles made meanwhile wait for the next collection
after the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's former state is restored after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
