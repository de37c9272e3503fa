"""The vault's cost: durable commits and bulk inserts against plain SQLite, and unlock time.

Both databases get the identical schema (the shipped migrations) and the same pragmas (WAL,
synchronous=FULL, temp_store=MEMORY, secure_delete, foreign_keys), sit in the same folder, and
are measured alternately in the same run, so load on the machine hits both alike.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etudes_desktop.paths import DataPaths
from etudes_desktop.storage import keyslots, migrate
from etudes_desktop.storage.vault import KdfParams, Vault

PASSPHRASE = "Banc-D-Essai-Chiffre-2026!"
PLAIN_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
)
VALUE = '"' + "réponse libre " * 6 + '"'


def _plain(path: Path, module: Any = sqlite3) -> Any:
    conn = module.connect(str(path), isolation_level=None)
    for pragma in PLAIN_PRAGMAS:
        conn.execute(pragma).fetchall()
    for migration in migrate.available():
        conn.executescript(f"BEGIN;\n{migration.sql}\n;PRAGMA user_version = {migration.number};\nCOMMIT;")
    return conn


def _seed(conn: Any, interview: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT OR IGNORE INTO study (id, version, title, package_json, imported_at) VALUES ('b', '1', 'b', '{}', 'now')")
    conn.execute(
        "INSERT INTO interview (id, study_id, study_version, mode, created_at, updated_at) VALUES (?, 'b', '1', 'phone', 'now', 'now')",
        (interview,),
    )
    conn.execute("COMMIT")


def _one_commit(conn: Any, interview: str, i: int) -> float:
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO answer VALUES (?, ?, ?, 'now')", (interview, f"q{i}", VALUE))
    conn.execute("COMMIT")
    return time.perf_counter() - started


def _bulk(conn: Any, interview: str, rows: int) -> float:
    _seed(conn, interview)
    data = [(interview, f"q{i}", VALUE) for i in range(rows)]
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO answer VALUES (?, ?, ?, 'now')", data)
    conn.execute("COMMIT")
    return time.perf_counter() - started


def _fsync_p50(root: Path, runs: int = 300) -> float:
    """What one durable write costs on this disk, whatever the database."""
    import os

    block = os.urandom(4096)
    times = []
    with open(root / "fsync.bin", "wb") as handle:
        for i in range(runs):
            started = time.perf_counter()
            os.pwrite(handle.fileno(), block, (i % 64) * 4096)
            os.fsync(handle.fileno())
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _alternate(subjects: dict[str, Any], runs: int, measure: Callable[[Any, int], float]) -> dict[str, list[float]]:
    """Measure each subject in turn, run after run, so drift in the machine's load is shared."""
    times: dict[str, list[float]] = {name: [] for name in subjects}
    for i in range(runs):
        for name, conn in subjects.items():
            times[name].append(measure(conn, i))
    return times


def run(quick: bool = False) -> list[dict[str, Any]]:
    commits, bulk_rows, bulk_runs, unlocks = (150, 10_000, 1, 2) if quick else (1500, 50_000, 3, 5)
    root = Path(tempfile.mkdtemp(prefix="etudes-bench-"))
    try:
        return _measure(root, commits, bulk_rows, bulk_runs, unlocks)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _measure(root: Path, commits: int, bulk_rows: int, bulk_runs: int, unlocks: int) -> list[dict[str, Any]]:
    import sqlcipher3

    paths = DataPaths(root / "vault", root / "logs")
    vault, _code = Vault.create(paths, PASSPHRASE, kdf=KdfParams())
    subjects = {"vault": vault.conn, "sqlite3": _plain(root / "plain.db"), "sqlcipher-nokey": _plain(root / "nokey.db", sqlcipher3)}
    for conn in subjects.values():
        _seed(conn, "commit")
    lat = _alternate(subjects, commits, lambda conn, i: _one_commit(conn, "commit", i))
    bulk = _alternate(subjects, bulk_runs, lambda conn, i: _bulk(conn, f"bulk{i}", bulk_rows))
    vault.close()
    for name, conn in subjects.items():
        if name != "vault":
            conn.close()
    unlock, kdf = [], []
    slots, _document = keyslots.load(paths.keyslots)
    for _ in range(unlocks):
        started = time.perf_counter()
        Vault.open(paths, PASSPHRASE).close()
        unlock.append(time.perf_counter() - started)
        started = time.perf_counter()
        slots.unwrap_passphrase(PASSPHRASE)
        kdf.append(time.perf_counter() - started)
    size_mb = paths.vault.stat().st_size / 1e6
    return _rows(lat, bulk, unlock, commits, bulk_rows) + [
        {"name": "  fsync of a 4 KiB write on this disk p50 (the floor)", "value": _fsync_p50(root) * 1000.0, "unit": "ms"},
        {"name": "  of which Argon2id key derivation (median)", "value": statistics.median(kdf), "unit": "s"},
        {"name": "  vault size at unlock (all pages HMAC-checked)", "value": size_mb, "unit": "MB"},
    ]


def _rows(lat: dict[str, list[float]], bulk: dict[str, list[float]], unlock: list[float], commits: int, bulk_rows: int) -> list[dict[str, Any]]:
    p50 = {k: statistics.median(v) for k, v in lat.items()}
    p99 = {k: _percentile(v, 0.99) for k, v in lat.items()}
    bulk_med = {k: statistics.median(v) for k, v in bulk.items()}
    ms = 1000.0
    rows = [
        {"name": "vault durable commit p50", "value": p50["vault"] * ms, "unit": "ms"},
        {"name": "vault durable commit p99", "value": p99["vault"] * ms, "unit": "ms"},
        {"name": "sqlite3 durable commit p50", "value": p50["sqlite3"] * ms, "unit": "ms"},
        {"name": "sqlite3 durable commit p99", "value": p99["sqlite3"] * ms, "unit": "ms"},
        {"name": "commit ratio vault/sqlite3 p50", "value": p50["vault"] / p50["sqlite3"], "unit": "x", "target": "<= 1.2"},
        {"name": "commit ratio vault/sqlite3 p99", "value": p99["vault"] / p99["sqlite3"], "unit": "x"},
        {"name": "commit overhead vault-sqlite3 p50 (encrypting ~2-3 pages)", "value": (p50["vault"] - p50["sqlite3"]) * 1e6, "unit": "us"},
        {"name": "commit ratio vault/same engine unencrypted p50", "value": p50["vault"] / p50["sqlcipher-nokey"], "unit": "x"},
        {"name": f"vault bulk insert {bulk_rows} rows", "value": bulk_med["vault"], "unit": "s"},
        {"name": f"sqlite3 bulk insert {bulk_rows} rows", "value": bulk_med["sqlite3"], "unit": "s"},
        {"name": "bulk ratio vault/sqlite3", "value": bulk_med["vault"] / bulk_med["sqlite3"], "unit": "x", "target": "<= 1.5"},
        {"name": "bulk ratio vault/same engine unencrypted", "value": bulk_med["vault"] / bulk_med["sqlcipher-nokey"], "unit": "x"},
        {"name": "unlock (Argon2id + open + checks) median", "value": statistics.median(unlock), "unit": "s", "target": "0.2 - 1"},
        {"name": "unlock max", "value": max(unlock), "unit": "s", "target": "<= 1"},
    ]
    for row in rows:
        row["note"] = f"{commits} commits, {len(next(iter(bulk.values())))} bulk runs"
    return rows
