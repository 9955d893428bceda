"""The GVDB evaluation reads its articles as the pipeline does: the clean stage's character normalisation first."""

from __future__ import annotations

from evaluate.gvdb import casualties, context_of
from sitrep.annotate.figures import extract_found


def test_soft_hyphens_are_removed_before_annotation() -> None:
    text = "A Veloria man shot his next-door neigh\u00adbor in the knee\u00adcap on Sunday."
    ctx = context_of(text, "fictional")
    assert "\u00ad" not in ctx.text
    assert casualties(extract_found(ctx), ctx.text) == (0, 1)
