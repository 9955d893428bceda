"""Extractor: calls. Who calls on whom to do what, including bulleted lists of demands under one lead sentence."""

from __future__ import annotations

from sitrep.annotate.calls.extractor import extract

__all__ = ["extract"]
