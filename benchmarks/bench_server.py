"""Collection server: batched vs one-request-per-interview, and ingest on SQLite and PostgreSQL.

Everything runs against the real server (uvicorn on 127.0.0.1) in the same run. Request bodies
are encoded before the clock starts, so the figures are the server's (HTTP, validation, hashing,
storage, receipts). Ingest is measured twice on SQLite: with the server embedded in the client's
process (one interpreter, one GIL for both) and with `etudes-server serve` in its own process,
as deployed. The vault sync always talks to a server in its own process. PostgreSQL is measured when ETUDES_BENCH_DATABASE_URL or
ETUDES_TEST_DATABASE_URL is set, in a schema of its own that is dropped afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from benchmarks.postgres import postgres_schema
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url
from etudes_desktop.sync import protocol as p

STUDY = "bench-2026"
ANSWERS = 30
MAX_BATCH_BYTES = 2 * 1024 * 1024
SINGLE_SAMPLE = 1000
NOTICE_SHA = hashlib.sha256(b"mention").hexdigest()


def _payload(seed: int) -> dict[str, Any]:
    answers: dict[str, Any] = {f"q{i:02d}": (seed * 7 + i) % 5 + 1 for i in range(ANSWERS - 2)}
    answers["comment"] = f"commentaire libre {seed}"
    answers["channels"] = ["web", "agence"] if seed % 2 else ["téléphone"]
    return {
        "study_id": STUDY, "study_version": "1.0", "state": "completed", "mode": "phone",
        "interviewer": "enq-bench", "created_at": "2026-11-29T10:00:00Z", "completed_at": "2026-11-29T10:20:00Z",
        "consent": {"notice_id": "cnam-marketing", "notice_version": "2024-01", "text_sha256": NOTICE_SHA,
                    "mode": "phone", "interviewer": "enq-bench", "delivered_at": "2026-11-29T10:00:00Z",
                    "decided_at": "2026-11-29T10:01:00Z", "decision": "agrees"},
        "answers": answers, "attributes": {"age_band": "35-44", "region": "IDF"},
    }


def interviews(count: int) -> list[dict[str, Any]]:
    """Completed interviews of 30 answers, hashed as the laptop hashes them."""
    out = []
    for seed in range(count):
        body = _payload(seed)
        out.append({"id": str(uuid.uuid4()), "content_sha256": p.content_hash(body), "clock_offset_ms": 0,
                    "payload": body})
    return out


def _body(items: list[dict[str, Any]]) -> bytes:
    batch = {"protocol_version": 1, "batch_id": str(uuid.uuid4()), "study_id": STUDY,
             "sent_at": "2026-11-29T11:00:00Z", "interviews": items}
    return json.dumps(batch, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def batched_bodies(items: list[dict[str, Any]], per_batch: int = 1000) -> list[bytes]:
    """Batches of up to per_batch interviews, each kept under 2 MB."""
    bodies, start = [], 0
    while start < len(items):
        size = per_batch
        while True:
            body = _body(items[start:start + size])
            if len(body) <= MAX_BATCH_BYTES or size == 1:
                break
            size = max(1, size * 3 // 4)
        bodies.append(body)
        start += size
    return bodies


def send(url: str, token: str, bodies: list[bytes]) -> tuple[float, int]:
    """Post the bodies one after the other; returns (seconds, interviews acknowledged)."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    acknowledged = 0
    with httpx.Client(timeout=60) as client:
        started = time.perf_counter()
        for body in bodies:
            response = client.post(f"{url}{p.BATCHES_PATH}", content=body, headers=headers)
            response.raise_for_status()
            acknowledged += sum(r["status"] in ("accepted", "duplicate") for r in response.json()["receipts"])
        return time.perf_counter() - started, acknowledged


def measure(store: Store, count: int, label: str, *, compare: bool) -> list[dict[str, Any]]:
    _, token = store.enroll(STUDY, f"bench-{uuid.uuid4().hex[:6]}")
    rows: list[dict[str, Any]] = []
    with EmbeddedServer(store) as server:
        bodies = batched_bodies(interviews(count))
        cpu = time.process_time()
        seconds, acked = send(server.url, token, bodies)
        cpu = time.process_time() - cpu
        assert acked == count, f"{acked} of {count} acknowledged"
        batched = count / seconds
        rows.append({"name": f"server ingest, batched, {label} ({count} x {ANSWERS} answers)", "value": batched,
                     "unit": "itw/s", "target": ">= 10000",
                     "note": f"{len(bodies)} requests; server and client share one process (and its GIL)"})
        rows.append({"name": f"server ingest per CPU-second, {label} (HTTP client included)", "value": count / cpu,
                     "unit": "itw/cpu-s", "note": "one free core; " + ("PostgreSQL's own CPU not counted" if label == "PostgreSQL"
                                                     else "SQLite included")})
        if compare:
            sample = min(count, SINGLE_SAMPLE)  # each request commits (fsync): a sample keeps the run short
            singles = [_body([item]) for item in interviews(sample)]
            seconds, acked = send(server.url, token, singles)
            assert acked == sample
            single = sample / seconds
            rows.append({"name": f"one request per interview, {label}", "value": single, "unit": "itw/s",
                         "note": f"rate over {sample} requests"})
            rows.append({"name": f"batched / one per request, {label}", "value": batched / single, "unit": "x",
                         "target": ">= 20"})
    return rows


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def measure_own_process(count: int) -> list[dict[str, Any]]:
    """Batched ingest with `etudes-server serve` in its own process, as deployed: the client's
    interpreter (and its GIL) is not the server's."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "server"
        store = Store(sqlite_url(data))
        _, token = store.enroll(STUDY, "bench-own-process")
        store.close()
        bodies = batched_bodies(interviews(count))
        server = _ServerProcess(data)
        try:
            before = _cpu_seconds(server.proc.pid)
            seconds, acked = send(server.url, token, bodies)
            after = _cpu_seconds(server.proc.pid)
        finally:
            server.stop()
    assert acked == count, f"{acked} of {count} acknowledged"
    rows = [{"name": f"server ingest, batched, SQLite, server in its own process ({count} x {ANSWERS})",
             "value": count / seconds, "unit": "itw/s", "target": ">= 10000", "note": f"{len(bodies)} requests"}]
    if before is not None and after is not None and after > before:
        rows.append({"name": "server ingest per server CPU-second, SQLite, own process", "value": count / (after - before),
                     "unit": "itw/cpu-s", "note": "the server process alone (SQLite included)"})
    return rows


class _ServerProcess:
    """`etudes-server serve` in its own process, so client and server do not share one interpreter."""

    def __init__(self, data_dir: Path) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, "-m", "etudes_desktop.server.cli", "serve", "--port",
                                      str(self.port), "--data-dir", str(data_dir)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/health", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def measure_sync(count: int, per_request_sample: int) -> list[dict[str, Any]]:
    """The laptop's whole loop (lock, send, receipts, purge, checkpoint) from a real vault."""
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import KdfParams, Vault
    from etudes_desktop.sync.engine import BatchSizer, SyncEngine
    from etudes_desktop.sync.transport import HttpTransport
    from tests.sync import seed

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store = Store(sqlite_url(root / "server"))
        _, token = store.enroll(seed.STUDY, "bench")
        store.close()
        server = _ServerProcess(root / "server")
        try:
            results = {}
            for label, size, n in (("batched", None, count), ("one per request", 1, per_request_sample)):
                vault, _ = Vault.create(DataPaths(root / label / "data", root / label / "logs"), "Banc-Enquête-2026!",
                                        kdf=KdfParams.fast())
                seed.seed(vault, n, answers=ANSWERS, marker=label.replace(" ", ""))
                sizer = BatchSizer() if size is None else BatchSizer(count=1, max_count=1)
                engine = SyncEngine(vault, HttpTransport(server.url, token), sizer=sizer)
                started = time.perf_counter()
                report = engine.run()
                results[label] = (time.perf_counter() - started, report)
                assert report.purged == n, report
                vault.close()
        finally:
            server.stop()
    seconds, report = results["batched"]
    single_seconds, _ = results["one per request"]
    rows.append({"name": f"sync + purge from the vault, {count} x {ANSWERS} answers", "value": seconds, "unit": "s",
                 "target": "<= 5", "note": f"{report.batches} batches"})
    rows.append({"name": "sync + purge, batched", "value": count / seconds, "unit": "itw/s"})
    single = per_request_sample / single_seconds
    rows.append({"name": "sync + purge, one request per interview", "value": single, "unit": "itw/s",
                 "note": f"rate over {per_request_sample} interviews"})
    rows.append({"name": "sync + purge, batched / one per request", "value": count / seconds / single, "unit": "x",
                 "target": ">= 20"})
    return rows


def run(quick: bool = False) -> list[dict[str, Any]]:
    from etudes_desktop.server.crypto import KEY_ENV, new_key_text

    os.environ.setdefault(KEY_ENV, new_key_text())  # PostgreSQL needs a configured key (no key file beside it)
    count = 2000 if quick else 10_000
    load_before = os.getloadavg()[0]
    rows: list[dict[str, Any]] = measure_sync(count, 100 if quick else 300)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(sqlite_url(Path(folder)))
        try:
            rows += measure(store, count, "SQLite", compare=True)
        finally:
            store.close()
    rows += measure_own_process(count)
    rows.append({"name": f"load average (1 min) before / after, {os.cpu_count()} CPUs", "value": load_before,
                 "unit": "", "note": f"after: {os.getloadavg()[0]:.1f} (figures shrink when the machine is busy)"})
    with postgres_schema() as url:
        if url:
            store = Store(url)
            try:
                rows += measure(store, count, "PostgreSQL", compare=False)
            finally:
                store.close()
    return rows


if __name__ == "__main__":
    for row in run(quick=bool(os.environ.get("QUICK"))):
        print(f"{row['name']:<60} {row['value']:>10.1f} {row['unit']:<6} {row.get('target', '')}")
