"""The rules digest: the same in one installation, another when a rule file or a library changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import rules
from sitrep.models import RawDoc
from sitrep.pipeline import process


def _digest(monkeypatch: pytest.MonkeyPatch, package: Path) -> str:
    monkeypatch.setattr(rules, "PACKAGE", package)
    return rules.rules_version.__wrapped__()


def test_a_processed_report_carries_the_digest() -> None:
    done = process(RawDoc(source="note.txt", kind="text", data=b"Police said two people were injured in Dravos."))
    assert done.rules == rules.rules_version()
    assert len(done.rules) == 16 and int(done.rules, 16) >= 0


def test_the_digest_follows_the_rule_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary = tmp_path / "annotate" / "figures" / "data" / "groups.tsv"
    vocabulary.parent.mkdir(parents=True)
    vocabulary.write_text("waitress\tpeople\n")
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "app.py").write_text("# the web app reads the store; it makes no facts\n")
    first = _digest(monkeypatch, tmp_path)
    assert _digest(monkeypatch, tmp_path) == first
    (tmp_path / "web" / "app.py").write_text("# changed\n")
    assert _digest(monkeypatch, tmp_path) == first  # not a rule
    vocabulary.write_text("waitress\tpeople\nbartender\tpeople\n")
    assert _digest(monkeypatch, tmp_path) != first


def test_the_digest_follows_the_libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _digest(monkeypatch, tmp_path)
    monkeypatch.setattr(rules, "_library", lambda name: f"{name}==0.0.1")
    assert _digest(monkeypatch, tmp_path) != first
