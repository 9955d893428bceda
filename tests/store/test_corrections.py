"""Story corrections are a pure function over the grouper's result, applied in the order they were made."""

from __future__ import annotations

from sitrep.store.corrections import Correction, apply_stories, split_story_id


def _c(id: int, kind: str, doc: str, other: str | None = None) -> Correction:
    return Correction(id, kind, doc, None, other, None, None, "", "2024-03-04T00:00:00Z")


STORIES = {"a": "s1", "a-copy": "s1", "b": "s1", "c": "s2", "d": "s3"}
ROOTS = {"a": "a", "a-copy": "a", "b": "b", "c": "c", "d": "d"}


def test_split_takes_the_report_and_its_copies_out() -> None:
    out = apply_stories(STORIES, ROOTS, [_c(1, "story_split", "a-copy")])
    assert out["a"] == out["a-copy"] == split_story_id("a-copy") and out["b"] == "s1"


def test_merge_joins_whole_stories_and_later_corrections_build_on_earlier() -> None:
    merged = apply_stories(STORIES, ROOTS, [_c(1, "story_merge", "c", "b")])
    assert merged == {**STORIES, "c": "s1"}
    chained = apply_stories(STORIES, ROOTS, [_c(1, "story_merge", "c", "b"), _c(2, "story_merge", "d", "c")])
    assert set(chained.values()) == {"s1"}
    undone_by_split = apply_stories(STORIES, ROOTS, [_c(1, "story_merge", "c", "b"), _c(2, "story_split", "c")])
    assert undone_by_split["c"] not in {"s1", "s2"}


def test_corrections_about_reports_elsewhere_change_nothing() -> None:
    assert apply_stories(STORIES, ROOTS, [_c(1, "story_merge", "x", "a"), _c(2, "story_split", "y")]) == STORIES
