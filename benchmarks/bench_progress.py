"""The collection office's progress page: p95 over HTTP with 200 devices and 100,000 interviews,
on SQLite and on PostgreSQL (ETUDES_BENCH_DATABASE_URL or ETUDES_TEST_DATABASE_URL, in a schema of
its own dropped afterwards). Target: p95 <= 200 ms (issue 12, Scale).

The study is seeded fast, in bulk through the store's own tables (devices enrolled by the store,
interviews with a sealed payload, their facts and the devices' last contacts), not by 100,000
HTTP calls; then a manager logs in as a person would and the real server (uvicorn on 127.0.0.1)
answers the page, session check and rendering included.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from benchmarks.postgres import postgres_schema
from etudes_desktop.server.accounts import create_user
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.facts_store import device_contacts, interview_facts
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Store, interviews, iso, sqlite_url

STUDY = "bench-progress"
DEVICES = 200
INTERVIEWS = 100_000
MODES = ("face_to_face", "phone", "paper", "group", "internet")
EMAIL, PASSWORD = "manager@bench.example.org", "Responsable-Bench-2026!"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def seed(store: Store, devices: int, count: int) -> None:
    """`devices` enrolled devices and `count` interviews over 90 days, 10 % objections."""
    rng = random.Random(12)
    ids = [store.enroll(STUDY, f"portable-{n:03d}")[0].id for n in range(devices)]
    start = datetime(2026, 9, 1, tzinfo=UTC)
    sealed = store.sealer.seal("{}", "bench")  # the page never opens a payload: one sealed stand-in
    received = iso(start)
    chunk_rows: list[dict[str, Any]] = []
    chunk_facts: list[dict[str, Any]] = []

    def flush() -> None:
        with store.engine.begin() as conn:
            conn.execute(interviews.insert(), chunk_rows)
            conn.execute(interview_facts.insert(), chunk_facts)
        chunk_rows.clear()
        chunk_facts.clear()

    for n in range(count):
        device = ids[n % devices]
        state = "objected" if rng.random() < 0.1 else "completed"
        mode = MODES[rng.randrange(len(MODES))]
        interview_id = str(uuid.uuid4())
        chunk_rows.append({"id": interview_id, "study_id": STUDY, "device_id": device, "batch_id": "b" * 36,
                           "content_sha256": "0" * 64, "state": state, "mode": mode, "clock_offset_ms": 0,
                           "received_at": received, "payload_json": sealed})
        chunk_facts.append({"interview_id": interview_id, "study_id": STUDY, "device_id": device,
                            "interviewer": f"enq-{n % devices:03d}", "state": state, "mode": mode,
                            "day": (start + timedelta(days=rng.randrange(90))).date().isoformat(),
                            "received_at": received})
        if len(chunk_rows) == 5000:
            flush()
    if chunk_rows:
        flush()
    now = store.clock()
    with store.engine.begin() as conn:  # 10 % of the devices silent for a week
        conn.execute(device_contacts.insert(), [
            {"device_id": d, "last_seen_at": iso(now - timedelta(days=7 if i % 10 == 0 else 0, minutes=i))}
            for i, d in enumerate(ids)])
    if store.dialect == "postgresql":  # what autovacuum does after a bulk load: statistics, visibility map
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE interview_facts")
            conn.exec_driver_sql("VACUUM ANALYZE devices")


def _login(client: httpx.Client) -> None:
    token = CSRF.search(client.get("/console/login").text).group(1)
    answer = client.post("/console/login", data={"csrf": token, "email": EMAIL, "password": PASSWORD,
                                                 "next": "/console/"})
    assert answer.status_code == 303, answer.status_code


def measure(store: Store, label: str, devices: int, count: int, rounds: int) -> list[dict[str, Any]]:
    started = time.perf_counter()
    seed(store, devices, count)
    seeding = time.perf_counter() - started
    create_user(OfficeStore(store), EMAIL, "manager", PASSWORD)
    rows: list[dict[str, Any]] = []
    with EmbeddedServer(store) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        _login(client)
        for path, what in ((f"/console/studies/{STUDY}/progress", "page"),
                           (f"/console/studies/{STUDY}/progress?fragment=1", "refresh (figures only)")):
            times = []
            for _round in range(rounds + 3):
                tick = time.perf_counter()
                answer = client.get(path)
                times.append((time.perf_counter() - tick) * 1000)
                assert answer.status_code == 200 and "total-completed" in answer.text
            times = sorted(times[3:])  # the first requests warm the caches
            p95 = times[max(0, int(len(times) * 0.95) - 1)]
            rows.append({"name": f"progress {what} p95, {label}, {devices} devices, {count} itw", "value": p95,
                         "unit": "ms", "target": "<= 200" if what == "page" else "",
                         "note": f"median {statistics.median(times):.0f} ms over {rounds} requests; "
                                 f"seeded in {seeding:.1f} s"})
    return rows


def run(quick: bool = False) -> list[dict[str, Any]]:
    devices, count, rounds = (50, 10_000, 20) if quick else (DEVICES, INTERVIEWS, 60)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(sqlite_url(Path(folder)))
        try:
            rows = measure(store, "SQLite", devices, count, rounds)
        finally:
            store.close()
    with postgres_schema() as url:
        if url:
            store = Store(url)
            try:
                rows += measure(store, "PostgreSQL", devices, count, rounds)
            finally:
                store.close()
    return rows


if __name__ == "__main__":
    for row in run(quick=bool(os.environ.get("QUICK"))):
        print(f"{row['name']:<72} {row['value']:>8.1f} {row['unit']:<4} {row.get('target', '')} {row.get('note', '')}")
