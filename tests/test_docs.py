"""The README and the code must not drift apart (like datasette's test_docs)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from sitrep.cli import app
from sitrep.export import FORMATS

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> set[str]:
    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "make demo" in first_block and "make test" in first_block


def test_every_command_is_documented_and_every_documented_command_exists() -> None:
    documented = set(re.findall(r"(?:`|bin/)sitrep (\w+)", README))
    assert commands() <= documented, f"undocumented: {commands() - documented}"
    assert documented <= commands(), f"documented but missing: {documented - commands()}"


def test_every_export_format_is_documented() -> None:
    line = next(line for line in README.splitlines() if line.startswith("| `sitrep export`"))
    for name in FORMATS:
        assert name in line, name


def test_every_pipeline_stage_folder_named_in_readme_exists() -> None:
    for folder in re.findall(r"sitrep/([a-z_]+)", README):
        assert (ROOT / "sitrep" / folder).exists() or (ROOT / "sitrep" / f"{folder}.py").exists(), folder


def test_makefile_targets_named_in_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"(?:`|^)make (\w+)", README, re.M)):
        assert re.search(rf"^{target}:", makefile, re.M), target
