"""Shared test fixtures. Real pages and benchmark data are read from ../shared at test time, never copied in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def require_shared(*parts: str) -> Path:
    """The path under ../shared; skips only when it is absent and CI is unset (in CI its absence fails)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing in CI")
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return require_shared("seeds")


@pytest.fixture
def gold_seeds() -> Path:
    return require_shared("gold", "seeds.json")
