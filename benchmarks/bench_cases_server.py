"""Case management on the server: sample import of 100,000 rows (target <= 5 s) and the download of
a 5,000-person assignment, GET /v1/assignment through the real server (target <= 1 s), on SQLite
and, when ETUDES_BENCH_DATABASE_URL or ETUDES_TEST_DATABASE_URL is set, on PostgreSQL (in a schema
of its own, dropped afterwards). The import is the whole thing: the laptop's importer (NIR guard,
rules), digests, AES-GCM sealing of every person, and the transaction's COMMIT.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.bench_sample import generate_csv
from benchmarks.postgres import postgres_schema
from etudes_desktop.core.sample import SampleImport
from etudes_desktop.server.cases_import_store import import_sample
from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url
from etudes_desktop.sync import case_protocol as cp

STUDY = "bench-cases"
ROWS, QUICK_ROWS = 100_000, 10_000
ASSIGNED, QUICK_ASSIGNED = 5_000, 1_000


def measure(url: str, csv_path: Path, rows: int, assigned: int, label: str) -> list[dict[str, Any]]:
    store = Store(url)
    try:
        _, token = store.enroll(STUDY, "bench-01")
        cases = CasesStore(store)
        started = time.perf_counter()
        report = import_sample(cases, STUDY, csv_path)
        seconds = time.perf_counter() - started
        assert report.imported == rows, report.summary()
        cases.assign_count(STUDY, "bench-01", assigned)
        samples, not_modified = [], []
        with EmbeddedServer(store) as server, httpx.Client(timeout=60) as client:
            headers = {"Authorization": f"Bearer {token}"}
            for _ in range(5):
                started = time.perf_counter()
                response = client.get(f"{server.url}{cp.ASSIGNMENT_PATH}", headers=headers)
                people = len(response.json()["people"])  # received, inflated and parsed by the client
                samples.append(time.perf_counter() - started)
                assert response.status_code == 200 and people == assigned
            etag = response.headers["ETag"]
            for _ in range(20):
                started = time.perf_counter()
                again = client.get(f"{server.url}{cp.ASSIGNMENT_PATH}", headers={**headers, "If-None-Match": etag})
                not_modified.append(time.perf_counter() - started)
                assert again.status_code == 304
        size = len(response.content)
    finally:
        store.close()
    return [
        {"name": f"server sample import, {label} ({rows} rows, sealed)", "value": seconds, "unit": "s",
         "target": "<= 5", "note": f"{rows / seconds:,.0f} rows/s"},
        {"name": f"GET /v1/assignment, {assigned} people, {label}", "value": statistics.median(samples), "unit": "s",
         "target": "<= 1", "note": f"median of 5; max {max(samples):.3f} s; {size / 1e6:.1f} MB JSON (gzip on the wire)"},
        {"name": f"GET /v1/assignment unchanged (304), {label}", "value": statistics.median(not_modified) * 1000,
         "unit": "ms", "note": "median of 20"},
    ]


def run(quick: bool = False) -> list[dict[str, Any]]:
    rows, assigned = (QUICK_ROWS, QUICK_ASSIGNED) if quick else (ROWS, ASSIGNED)
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-cases-") as folder:
        csv_path = generate_csv(Path(folder) / "echantillon.csv", rows)
        started = time.perf_counter()
        SampleImport(csv_path).check()  # the laptop's importer alone: what the server adds is the rest
        out.append({"name": f"of which the core importer's pass alone ({rows} rows)", "value": time.perf_counter() - started,
                    "unit": "s", "note": "reading, rules, NIR guard; no digest, no sealing, no SQL"})
        out += measure(sqlite_url(Path(folder) / "server"), csv_path, rows, assigned, "SQLite")
        with postgres_schema() as url:
            if url:
                out += measure(url, csv_path, rows, assigned, "PostgreSQL")
    return out
