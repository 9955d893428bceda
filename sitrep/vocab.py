"""Reading the vocabulary data files that live beside each stage (plain text an analyst can read and extend).

A list file has one entry a line; a table file (.tsv) has tab-separated cells. Blank lines and lines starting
with "#" are comments.
"""

from __future__ import annotations

from pathlib import Path


def data_lines(path: Path) -> list[str]:
    """The entries of a list file, stripped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def data_rows(path: Path) -> list[list[str]]:
    """The rows of a tab-separated table file, each cell stripped."""
    return [[cell.strip() for cell in line.split("\t")] for line in data_lines(path)]
