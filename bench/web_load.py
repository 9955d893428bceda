"""The dossier under load: `sitrep serve` on a copy of the grouping benchmark's store, while `sitrep run` ingests.

The server runs in a subprocess on 127.0.0.1 (a free port); the load is bounded by time and by request count
and never leaves the loopback interface. A Python load generator (http.client, threads, keep-alive) always runs;
if `wrk` is installed, one extra wrk run on a dossier page is reported (skipped when absent).

Phases: dossier HTML pages, then JSON API pages (situation, document and entity JSON), each for the same time,
while an ingest of fresh bbc-news articles runs through the whole pipeline. The baseline in the same run is the
small dossier (a situation with few documents) against the largest situation of the store.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import BENCH_DATA
from bench.grouping import FULL, QUICK, ensure

THREADS = 4
SERVER_WORKERS = 2  # `sitrep serve --workers 2`: one process per core of the 2-core machine
MAX_REQUESTS = 50_000
INGEST_DOCS = 12
INDEX_TIMEOUT = 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _targets(db: Path) -> dict[str, list[str]]:
    from sitrep.store.database import reader

    conn = reader(db)
    sizes = conn.execute(
        "SELECT situation_id AS id, COUNT(*) AS n FROM documents WHERE situation_id IS NOT NULL"
        " GROUP BY situation_id ORDER BY n DESC, id"
    ).fetchall()
    rng = random.Random(3)
    situations = [r["id"] for r in rng.sample(sizes, min(200, len(sizes)))]
    docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id LIMIT 2000")]
    entities = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY id LIMIT 2000")]
    conn.close()
    return {
        "largest": [sizes[0]["id"]], "largest_n": [str(sizes[0]["n"])],
        "small": [r["id"] for r in sizes[-50:]], "small_n": [str(sizes[-1]["n"])],
        "dossier": [f"/situations/{s}" for s in situations],
        "api": [f"/situations/{s}.json" for s in situations[:50]] + [f"/documents/{d}.json" for d in docs[:200]]
        + [f"/entities/{e}.json" for e in entities[:200]],
    }


def _load(base: str, paths: list[str], seconds: float, max_requests: int) -> tuple[list[float], list[str], float]:
    """(latencies of successful requests, errors, elapsed): THREADS clients, keep-alive, bounded.

    The clients use `http.client` (a few microseconds a request): httpx costs the client about a millisecond a
    request, and with the server on the same two cores that measured the load generator, not the server."""
    import http.client
    from urllib.parse import urlsplit

    host, port = urlsplit(base).hostname or "127.0.0.1", urlsplit(base).port or 80
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    budget = [max_requests]

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        client = http.client.HTTPConnection(host, port, timeout=30)
        while time.perf_counter() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            path = rng.choice(paths)
            t = time.perf_counter()
            try:
                client.request("GET", path)
                response = client.getresponse()
                response.read()
                status, detail = response.status, ""
            except (OSError, http.client.HTTPException) as error:
                status, detail = 0, repr(error)
                client.close()
                client = http.client.HTTPConnection(host, port, timeout=30)
            took = time.perf_counter() - t
            with lock:
                if status == 200:
                    latencies.append(took)
                else:
                    errors.append(f"{path}: {status or detail}")
        client.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors, time.perf_counter() - start


def _first_renders(base: str, paths: list[str]) -> list[float]:
    """Latency of each page's first request (nothing cached yet: what a request costs after the store changed)."""
    import http.client
    from urllib.parse import urlsplit

    client = http.client.HTTPConnection(urlsplit(base).hostname or "127.0.0.1", urlsplit(base).port or 80, timeout=60)
    out = []
    for path in paths:
        t = time.perf_counter()
        client.request("GET", path)
        client.getresponse().read()
        out.append(time.perf_counter() - t)
    client.close()
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ingest_input(folder: Path) -> Path:
    path = folder / "fresh.jsonl"
    with open(BENCH_DATA / "bbc-news" / "bbc_news.jsonl", encoding="utf-8") as src, open(path, "w") as out:
        for i, line in enumerate(src):
            if i % 97 == 5 and i // 97 < INGEST_DOCS:
                article = json.loads(line)
                article["id"] = "fresh-" + article["id"]
                article["text"] = article["text"].replace(" the ", " this ", 3)
                out.write(json.dumps(article) + "\n")
    return path


def _wrk(url: str) -> str:
    if shutil.which("wrk") is None:
        return "wrk                                 not installed; skipped"
    out = subprocess.run(["wrk", "-t2", "-c8", "-d5s", "--latency", url], capture_output=True, text=True,
                         timeout=60).stdout
    rate = next((line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec")), "?")
    return f"wrk, one dossier page, 5 s         {rate} requests/s"


def run(quick: bool = False) -> list[str]:
    n = QUICK if quick else FULL
    seconds = 8.0 if quick else 20.0
    folder = Path(tempfile.mkdtemp(prefix="sitrep-web-load-"))
    db = folder / "store.sqlite"
    shutil.copyfile(ensure(n), db)
    targets = _targets(db)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "SITREP_LOG": "ERROR"}
    root = Path(__file__).resolve().parent.parent
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - closed in the finally below
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(SERVER_WORKERS)],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=log)
    ingest: subprocess.Popen[bytes] | None = None
    try:
        import httpx

        for _ in range(300):
            try:
                if httpx.get(base + "/api.json", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("sitrep serve did not come up")
        cold = _first_renders(base, targets["api"])  # before any load: every page rendered for the first time
        small, _, _ = _load(base, [f"/situations/{s}" for s in targets["small"]], 3.0, 300)
        largest, _, _ = _load(base, [f"/situations/{targets['largest'][0]}"], 3.0, 100)
        ingest_log = open(folder / "ingest.log", "wb")  # noqa: SIM115 - closed when the ingest has ended
        ingest = subprocess.Popen([sys.executable, "-m", "sitrep", "run", str(_ingest_input(folder)), "--db", str(db),
                                   "--workers", "1"], cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=ingest_log)
        pages, page_errors, page_time = _load(base, targets["dossier"], seconds / 2, MAX_REQUESTS)
        api, api_errors, api_time = _load(base, targets["api"], seconds / 2, MAX_REQUESTS)
        ingest_running = ingest.poll() is None
        wrk_line = _wrk(base + targets["dossier"][0])
        t = time.perf_counter()
        try:
            index = "ok" if httpx.get(base + "/index.json", timeout=INDEX_TIMEOUT).status_code == 200 else "FAILED"
        except httpx.TimeoutException:
            index = f"timed out after {INDEX_TIMEOUT} s"
        index_time = time.perf_counter() - t
        ingest_rc = ingest.wait(timeout=600)
        ingest_log.close()
        ingest_err = (folder / "ingest.log").read_bytes()
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
        server.terminate()
        server.wait(timeout=30)
        log.close()
        tracebacks = [line for line in (folder / "server.log").read_text(errors="replace").splitlines()
                      if line and not line.startswith(" ")]
        shutil.rmtree(folder, ignore_errors=True)
    errors = page_errors + api_errors

    def ms(values: list[float], q: float) -> str:
        return f"{_p(values, q) * 1000:6.1f} ms"

    return [
        f"store                               {n} documents; {SERVER_WORKERS} server processes, {THREADS} client"
        f" threads, 2 x {seconds / 2:.0f} s",
        f"dossier pages (random situations)   p50 {ms(pages, .5)}  p95 {ms(pages, .95)}"
        f"  {len(pages) / page_time:6.0f} requests/s  (goal p95 <= 100 ms)",
        f"JSON API (situation/doc/entity)     p50 {ms(api, .5)}  p95 {ms(api, .95)}"
        f"  {len(api) / api_time:6.0f} requests/s  (goal >= 500)",
        f"JSON API, first render (cold)       p50 {ms(cold, .5)}  p95 {ms(cold, .95)}  ({len(cold)} pages one at"
        f" a time; pages are kept until the store changes)",
        f"baseline: 50 smallest dossiers      p50 {ms(small, .5)}  p95 {ms(small, .95)}  (from {targets['small_n'][0]}"
        f" docs; before the ingest)",
        f"largest situation ({targets['largest_n'][0]} docs)      p50 {statistics.median(largest) * 1000:6.1f} ms"
        f"  = {statistics.median(largest) / statistics.median(small):.1f}x the smallest dossiers",
        f"/index.json (all situations)        {index_time * 1000:6.0f} ms  ({index})",
        f"concurrent ingest (sitrep run)      {INGEST_DOCS} articles, exit {ingest_rc}"
        f"{', still running during the whole load' if ingest_running else ', finished during the load'}"
        + (f"; stderr: {ingest_err.decode()[-300:]!r}" if ingest_rc else ""),
        f"errors                              {len(errors)}" + (f"  e.g. {errors[:3]}" if errors else ""),
        *(f"  server: {line[:200]}" for line in sorted(set(tracebacks))[-6:]),
        wrk_line,
    ]
