"""The `sitrep` command. The only place that prints; everything else logs.

Exit codes: 0 all went well; 1 some inputs failed (each named on one line, the rest were stored);
2 the command was used wrongly; 3 the database could not be used.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.errors import SitrepError, StoreError, UsageError
from sitrep.runner import RunReport
from sitrep.store.database import Store, reader

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Turn crisis reports into a sourced situation picture."
)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite file holding the picture.")]
DEFAULT_DB = Path("sitrep.sqlite")


class _Reporter:
    """Rich progress bars on a terminal, plain lines otherwise (CI logs, pipes)."""

    def __init__(self) -> None:
        self.tty = err.is_terminal
        self.bar: Progress | None = None
        self.tasks: dict[str, object] = {}
        self.last: dict[str, int] = {}

    def __enter__(self) -> _Reporter:
        if self.tty:
            self.bar = Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=err)
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def __call__(self, step: str, done: int, total: int) -> None:
        if self.bar:
            if step not in self.tasks:
                self.tasks[step] = self.bar.add_task(step, total=total or None)
            self.bar.update(self.tasks[step], completed=done, total=total or None)  # type: ignore[arg-type]
        elif step != "ingest" and (done == total or done - self.last.get(step, 0) >= 25):
            self.last[step] = done
            say(f"{step}: {done}/{total}")


def say(line: str) -> None:
    """One plain line on standard error, never wrapped (people grep these)."""
    print(line, file=sys.stderr, flush=True)


def _finish(report: RunReport) -> None:
    for source, reason in report.errors:
        say(f"error: {source}: {reason}")
    say(
        f"stored {report.stored} new inputs ({report.unchanged} unchanged), processed {report.processed} documents"
        f"{f' ({report.reread} read again under new rules)' if report.reread else ''}, "
        f"{len(report.errors)} failed, {report.pending_links} links pending, "
        f"{len(report.situations)} situations updated"
    )
    if report.failed:
        raise typer.Exit(1)


def _workers(value: int | None) -> int:
    return value if value is not None else min(2, os.cpu_count() or 1)


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feeds, WARC archives, JSONL or URL lists.")],
    db: DbOption = DEFAULT_DB,
    fetch: Annotated[bool, typer.Option(help="Fetch pages named in URL lists and feeds (off by default).")] = False,
    workers: Annotated[int | None, typer.Option(help="Processes for clean + annotate (default: 2).")] = None,
) -> None:
    """Ingest reports and bring the situation picture up to date (only new or changed inputs are processed)."""
    from sitrep import runner

    with Store(db) as store, _Reporter() as progress:
        report = runner.run(store, inputs, fetch=fetch, workers=_workers(workers), progress=progress)
    _finish(report)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feeds, WARC archives, JSONL or URL lists.")],
    db: DbOption = DEFAULT_DB,
    fetch: Annotated[bool, typer.Option(help="Fetch pages named in URL lists and feeds.")] = False,
) -> None:
    """Store raw input only (append-only); `sitrep run` with no new input processes it later."""
    from sitrep import runner

    with Store(db) as store, _Reporter() as progress:
        report = runner.ingest(store, inputs, fetch=fetch, progress=progress)
    _finish(report)


@app.command()
def batch(
    shards: Annotated[list[str], typer.Argument(help="Shards: JSONL or WARC files (or folders), one Dask task each.")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes of the local Dask cluster.")] = 2,
    scheduler: Annotated[str | None, typer.Option(help="Address of an existing Dask scheduler instead.")] = None,
) -> None:
    """Run the same pipeline on Dask for corpora that outgrow one machine; results land in the same database."""
    from sitrep.batch import run_batch

    with Store(db) as store, _Reporter() as progress:
        report = run_batch(store, shards, workers=workers, scheduler=scheduler, progress=progress)
    _finish(report)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="json, csv, hxl, geojson, markdown or html.")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).")]
    = None,
    situation: Annotated[str | None, typer.Option(help="Only this situation id.")] = None,
) -> None:
    """Export the picture: JSON (contract sitrep/1), CSV, HXL CSV, GeoJSON, Markdown or self-contained HTML."""
    from sitrep.export import FORMATS, render

    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    conn = reader(db)
    text = render(conn, format, situation_id=situation)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


token_app = typer.Typer(help="Tokens that allow writes (upload, corrections) through the web app.")
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    db: DbOption = DEFAULT_DB,
    label: Annotated[str | None, typer.Option(help="A note saying whom the token is for.")] = None,
) -> None:
    """Make a new write token; it is printed once, only its hash is stored."""
    from sitrep.web.tokens import create_token

    with Store(db) as store:
        typer.echo(create_token(store, label=label))


@token_app.command("revoke")
def token_revoke(db: DbOption = DEFAULT_DB) -> None:
    """Revoke every write token of this database."""
    from sitrep.web.tokens import revoke_tokens

    with Store(db) as store:
        say(f"revoked {revoke_tokens(store)} tokens")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=16, help="Server processes (one per core serves most).")] = 1,
) -> None:
    """Serve the web dossier and its JSON API."""
    import uvicorn

    from sitrep.web.app import create_app

    reader(db).close()  # fail early, with a clear message, when the database is missing
    Store(db).close()  # bring an older database up to this version's migrations before readers use it
    say(f"sitrep dossier on http://{host}:{port}/  (Ctrl-C to stop)")
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "http": "httptools",
                               "loop": "uvloop"}
    if workers == 1:
        uvicorn.run(create_app(str(db)), **options)
    else:  # each process builds its own app from the environment; uploads and corrections are serialised by SQLite
        os.environ["SITREP_SERVE_DB"] = str(Path(db).resolve())
        uvicorn.run("sitrep.web.app:app_from_environment", factory=True, workers=workers, **options)


def main() -> None:
    logging.basicConfig(level=os.environ.get("SITREP_LOG", "WARNING"), format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except UsageError as error:
        say(f"error: {error}")
        sys.exit(2)
    except StoreError as error:
        say(f"error: {error}")
        sys.exit(3)
    except SitrepError as error:
        say(f"error: {error}")
        sys.exit(1)
