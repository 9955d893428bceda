"""End to end through the real command: a folder of reports in, the JSON contract out, a real SQLite file."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "veloria"
SCHEMA = Path(__file__).parent.parent / "sitrep" / "export" / "sitrep-1.schema.json"


def sitrep(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"sitrep {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


def export(db: Path) -> dict[str, object]:
    picture: dict[str, object] = json.loads(sitrep("export", "--db", str(db), "--format", "json").stdout)
    return picture


@pytest.fixture(scope="module")
def veloria_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("veloria") / "v.sqlite"
    sitrep("run", str(FIXTURES), "--db", str(db))
    return db


def test_every_command_says_what_it_does() -> None:
    for command in ("run", "ingest", "export", "serve", "batch"):
        out = sitrep(command, "--help").stdout
        assert "--db" in out and len(out.splitlines()) > 5, command


def test_run_then_export_gives_the_contract(veloria_db: Path) -> None:
    picture = export(veloria_db)
    jsonschema.validate(picture, json.loads(SCHEMA.read_text()))
    docs = picture["documents"]
    assert isinstance(docs, list) and len(docs) == 6  # 2 html + 1 txt + 3 jsonl lines
    sources = sorted(d["source"] for d in docs)
    assert any(s.endswith("reports.jsonl#hb-1") for s in sources)
    figures = picture["figures"]
    assert isinstance(figures, list) and figures, "the fixtures state figures"
    for f in figures:  # every figure points at the exact characters it came from
        text = sqlite3.connect(veloria_db).execute("SELECT text FROM documents WHERE id = ?",
                                                   (f["document_id"],)).fetchone()[0]
        assert text[f["start"] : f["end"]] == f["count_text"] or f["count_text"] in f["sentence"]
        assert f["sentence"] in text


def test_the_repost_is_a_copy_of_the_wire_story(veloria_db: Path) -> None:
    docs = {Path(d["source"]).name: d for d in export(veloria_db)["documents"]}  # type: ignore[union-attr]
    wire, repost = docs["wire-0304.html"], docs["repost-0304.html"]
    assert repost["copy_of"] == wire["id"] or wire["copy_of"] == repost["id"]
    assert repost["story_id"] == wire["story_id"]
    # the harvest festival six months later is not part of the crackdown
    assert docs["reports.jsonl#hb-2"]["situation_id"] != wire["situation_id"]


def test_running_again_adds_nothing(veloria_db: Path, tmp_path: Path) -> None:
    before = export(veloria_db)
    result = sitrep("run", str(FIXTURES), "--db", str(veloria_db))
    assert "stored 0 new inputs" in result.stderr
    assert export(veloria_db) == before


def test_a_changed_file_adds_a_new_version(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    db = tmp_path / "v.sqlite"
    sitrep("run", str(folder), "--db", str(db))
    page = folder / "ngo-0307.txt"
    page.write_text(page.read_text().replace("210 people were hospitalized", "260 people were hospitalized"))
    sitrep("run", str(folder), "--db", str(db))
    conn = sqlite3.connect(db)
    versions = conn.execute("SELECT COUNT(*) FROM raw_inputs WHERE source LIKE '%ngo-0307.txt'").fetchone()[0]
    assert versions == 2
    counts = {r[0] for r in conn.execute("SELECT low FROM figures WHERE measure = 'hospitalized'")}
    assert 260 in counts and 210 not in counts


def _bad_inputs(folder: Path) -> dict[str, str]:
    """One file per kind of bad input; returns file name -> a word the error line must contain."""
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 40)
    words = " ".join(f"word{random.Random(7).randrange(10**6)}{i}" for i in range(3000))
    whole = gzip.compress(f"<html><body><p>{words}</p></body></html>".encode())
    (folder / "cut.html.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "cut.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" * 50)[:120])
    good = '{"id": "ok", "text": "Police said 4 people were detained in Port Arden on Monday."}'
    (folder / "lines.jsonl").write_text(good + "\nthis line is not json\n")
    (folder / "cp1251.txt").write_bytes("Полиция сообщила, что 12 человек задержаны в Порт-Ардене.".encode("cp1251"))
    (folder / "latin1.txt").write_bytes("Les autorités ont déclaré que 7 manifestants ont été arrêtés à Port Arden."
                                        .encode("latin-1"))
    (folder / "bad-utf8.txt").write_bytes(b"Police said 3 people were injured \xff\xfe in the market on Monday.")
    (folder / "huge.html").write_bytes(b"<html><body>" + b"<p>" + b"x" * 1000 + b"</p>" * 1 + b"a" * (50 * 2**20))
    (folder / "folder.html").mkdir()  # a directory where a page was expected: unreadable as a file
    return {"empty.html": "empty", "binary.html": "binary", "cut.html.gz": "", "cut.warc.gz": "", "lines.jsonl": "L2",
            "huge.html": ""}


def test_bad_input_is_named_the_batch_goes_on_and_nothing_is_lost(tmp_path: Path) -> None:
    db = tmp_path / "v.sqlite"
    sitrep("run", str(FIXTURES), "--db", str(db))
    before = {d["id"] for d in export(db)["documents"]}  # type: ignore[union-attr]
    bad = tmp_path / "bad"
    bad.mkdir()
    expected = _bad_inputs(bad)
    result = sitrep("run", str(bad), "--db", str(db), check=False)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    for name, word in expected.items():
        lines = [line for line in errors if name in line]
        assert len(lines) >= 1, f"no error line names {name}:\n{result.stderr}"
        assert word.lower() in lines[0].lower()
    after = {d["id"]: d for d in export(db)["documents"]}  # type: ignore[union-attr]
    assert before <= set(after), "documents stored before were lost"
    sources = " ".join(d["source"] for d in after.values())
    for readable in ("lines.jsonl#ok", "cp1251.txt", "latin1.txt", "bad-utf8.txt"):
        assert readable in sources, f"{readable} should have been read"
    conn = sqlite3.connect(db)
    texts = " ".join(r[0] for r in conn.execute("SELECT text FROM documents"))
    assert "Полиция сообщила" in texts and "autorités" in texts


def test_an_interrupted_run_is_completed_by_the_next(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(12):  # enough documents that the kill lands part way
        for page in FIXTURES.iterdir():
            text = page.read_bytes().replace(b"Port Arden", f"Port Arden {i}".encode())
            (corpus / f"{i:02d}-{page.name}").write_bytes(text)
    whole = tmp_path / "whole.sqlite"
    sitrep("run", str(corpus), "--db", str(whole), "--workers", "1")

    cut = tmp_path / "cut.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "run", str(corpus), "--db", str(cut), "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    done = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            done = sqlite3.connect(cut, timeout=1).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if done >= 5:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be interrupted"
    assert 0 < done < 60
    sitrep("run", str(corpus), "--db", str(cut), "--workers", "1")
    assert export(cut) == export(whole)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_binds_the_loopback_and_answers(veloria_db: Path, workers: str) -> None:
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(veloria_db), "--port",
                               str(port), "--workers", workers], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=10)
                break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline, "sitrep serve did not come up"
                time.sleep(0.3)
        assert response.status_code == 200 and response.json()["documents"] == 6
        assert "script-src 'self'" in response.headers["content-security-policy"]
        with socket.socket() as probe:  # nothing listens beyond the loopback interface
            probe.settimeout(2)
            other = socket.gethostbyname(socket.gethostname())
            if not other.startswith("127."):
                assert probe.connect_ex((other, port)) != 0
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
