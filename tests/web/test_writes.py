"""Token-protected writes: tokens, corrections, uploads (size limit, safe file names)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.store.database import Store
from sitrep.web.app import create_app
from sitrep.web.pages import _disjoint
from sitrep.web.tokens import check_token, create_token, revoke_tokens
from sitrep.web.writes import WriteError, safe_name, save_upload


def _token(db: Path) -> str:
    with Store(db) as store:
        return create_token(store, label="test")


def test_tokens_store_only_a_hash(db: Path) -> None:
    token = _token(db)
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT sha256 FROM tokens").fetchall()
    assert len(stored) == 1 and token not in stored[0][0]
    conn.row_factory = sqlite3.Row
    assert check_token(conn, token) == 1
    assert check_token(conn, token + "x") is None
    assert check_token(conn, "") is None
    with Store(db) as store:
        assert revoke_tokens(store) == 1
    assert check_token(conn, token) is None


def test_corrections_need_a_token_and_show_in_the_dossier(db: Path, client: TestClient) -> None:
    form = {"fact_id": "fig-wire-killed", "verdict": "wrong", "note": "double-counted"}
    assert client.post("/corrections.json", data={**form, "token": "nope"}).status_code == 403
    token = _token(db)
    done = client.post("/corrections.json", data={**form, "token": token}).json()
    assert done == {"fact_id": "fig-wire-killed", "kind": "figure", "verdict": "wrong", "document_id": "doc-wire",
                    "href": "/documents/doc-wire#about-fig-wire-killed"}
    page = client.get("/situations/sit-norvania").text
    assert "marked wrong" in page
    exported = client.get("/export.json").json()["corrections"]
    assert [(c["kind"], c["subject"], c["value"]) for c in exported] == [("verdict", "fig-wire-killed", "wrong")]
    assert "Marked wrong by an analyst" in client.get("/export.csv").text
    redirect = client.post("/corrections", data={**form, "verdict": "reset", "token": token}, follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"].startswith("/documents/doc-wire#")
    assert "marked wrong" not in client.get("/situations/sit-norvania").text
    bad = client.post("/corrections.json", data={**form, "verdict": "delete", "token": token})
    assert bad.status_code == 400
    missing = client.post("/corrections.json", data={**form, "fact_id": "nope", "token": token})
    assert missing.status_code == 404


def test_upload_refuses_without_token_and_when_too_big(db: Path, tmp_path: Path) -> None:
    client = TestClient(create_app(str(db), data_dir=tmp_path / "data", max_upload=1000))
    files = {"file": ("report.txt", b"Curfew declared in Velmar.", "text/plain")}
    assert client.post("/upload.json", data={"token": "nope"}, files=files).status_code == 403
    big = {"file": ("report.txt", b"x" * 200_000, "text/plain")}
    assert client.post("/upload.json", data={"token": "nope"}, files=big).status_code == 413
    token = _token(db)
    almost = {"file": ("report.txt", b"x" * 1500, "text/plain")}
    assert client.post("/upload.json", data={"token": token}, files=almost).status_code == 413
    wrong_type = {"file": ("evil.exe", b"MZ", "application/octet-stream")}
    assert client.post("/upload.json", data={"token": token}, files=wrong_type).status_code == 415
    assert not (tmp_path / "data" / "uploads").exists() or not any((tmp_path / "data" / "uploads").iterdir())


def test_upload_names_stay_inside_the_data_directory(tmp_path: Path) -> None:
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("..\\..\\win.ini.html") == "win.ini.html"
    assert safe_name("a b<script>.html") == "a_b_script_.html"
    with pytest.raises(WriteError):
        safe_name("../../.bashrc")
    path = save_upload(tmp_path, "../../../x.txt", b"hello")
    assert path.parent == (tmp_path / "uploads").resolve() and path.read_bytes() == b"hello"


def test_upload_runs_the_pipeline(db: Path, tmp_path: Path) -> None:
    try:
        import sitrep.runner  # noqa: F401
    except ImportError as error:
        pytest.skip(f"the pipeline cannot run yet: {error}")
    client = TestClient(create_app(str(db), data_dir=tmp_path / "data"))
    text = (b"Velmar, 8 May 2031. Authorities in Velmar extended the curfew on Friday, police said. "
            b"At least 40 people were detained overnight, the Interior Ministry said.\n")
    files = {"file": ("velmar-0508.txt", text, "text/plain")}
    queued = client.post("/upload.json", data={"token": _token(db)}, files=files)
    assert queued.status_code == 202 and queued.json()["state"] == "queued"
    done = wait_for_job(client, queued.json()["href"])
    assert done["state"] == "done" and done["stored"] == 1 and done["processed"] == 1, done
    doc_id = done["documents"][0]["id"]
    assert client.get(f"/documents/{doc_id}").status_code == 200
    assert any(r["id"] == doc_id for r in client.get("/search.json", params={"q": "overnight"}).json()["results"])


def wait_for_job(client: TestClient, href: str, seconds: float = 180) -> dict[str, Any]:
    """Poll an upload job's JSON twin until it is finished."""
    deadline = time.monotonic() + seconds
    while True:
        job: dict[str, Any] = client.get(f"{href}.json").json()
        if job["finished"] or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def test_uploads_wait_in_a_queue_and_a_failed_file_is_reported(db: Path, tmp_path: Path) -> None:
    client = TestClient(create_app(str(db), data_dir=tmp_path / "data"))
    token = _token(db)
    first = client.post("/upload.json", data={"token": token},
                        files={"file": ("a.txt", b"Velmar, 9 May 2031. Shops reopened in Velmar.\n", "text/plain")})
    binary = client.post("/upload.json", data={"token": token},
                         files={"file": ("b.html", bytes(range(256)) * 40, "text/html")})
    assert first.json()["job_id"] < binary.json()["job_id"]
    assert wait_for_job(client, first.json()["href"])["state"] == "done"
    failed = wait_for_job(client, binary.json()["href"])
    assert failed["finished"] and failed["errors"] and failed["errors"][0]["source"].endswith("b.html")
    page = client.get(binary.json()["href"]).text
    assert "Problems" in page and 'http-equiv="refresh"' not in page
    redirect = client.post("/upload", data={"token": token}, follow_redirects=False,
                           files={"file": ("c.txt", b"Velmar, 10 May 2031. Calm.\n", "text/plain")})
    assert redirect.status_code == 303 and redirect.headers["location"].startswith("/jobs/")
    assert client.get("/jobs/999999.json").status_code == 404


def test_a_job_left_running_by_a_stopped_server_is_run_again(db: Path, tmp_path: Path) -> None:
    report = tmp_path / "data" / "uploads" / "left.txt"
    report.parent.mkdir(parents=True)
    report.write_text("Velmar, 11 May 2031. The curfew was lifted, officials said.\n")
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO upload_jobs (path, file, bytes, state, created_at) VALUES (?, 'left.txt', 60,"
                 " 'running', '2031-05-11T00:00:00Z')", (str(report),))
    conn.commit()
    client = TestClient(create_app(str(db), data_dir=tmp_path / "data"))
    job = wait_for_job(client, "/jobs/1")
    assert job["state"] == "done" and job["processed"] == 1


def test_conflict_means_disjoint_intervals() -> None:
    assert _disjoint({"low": 5, "high": 5}, {"low": 9, "high": 9})
    assert not _disjoint({"low": 5, "high": None}, {"low": 9, "high": 9})
