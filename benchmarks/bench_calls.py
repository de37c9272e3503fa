""""Appel suivant" with 100,000 people in the study (target: <= 20 ms p99).

A real vault: 100,000 people across metropolitan France and the overseas départements, a third
of them already called once to three times (retries due at every hour), 2 % with a hard
appointment. Measures the first planning of everyone (once, after an import), then "Appel
suivant" at 400 moments of a working week (every territory's hours, nights included), then the
interviewer's loop: next call, record its outcome, next call.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

POSTCODES = (("75011", 20), ("69003", 10), ("13005", 8), ("35000", 8), ("20000", 2), ("57000", 3), ("67000", 3),
             ("97110", 8), ("97200", 8), ("97300", 5), ("97400", 15), ("97600", 5))
MONDAY = datetime(2026, 6, 1, tzinfo=UTC)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _fill(vault: Any, study: str, size: int, rng: random.Random) -> list[int]:
    codes, weights = [p[0] for p in POSTCODES], [p[1] for p in POSTCODES]
    rows = [(study, f"B-{n:06d}", rng.choices(codes, weights)[0], "2026-05-01T00:00:00+00:00") for n in range(size)]
    with vault.transaction() as conn:
        conn.executemany("INSERT INTO respondent (study_id, sample_id, postcode, status, created_at) "
                         "VALUES (?, ?, ?, 'to_contact', ?)", rows)
        return [r[0] for r in conn.execute("SELECT id FROM respondent WHERE study_id = ?", (study,))]


def _history(vault: Any, study: str, ids: list[int], rng: random.Random) -> None:
    """A third called before (written in bulk as a sync or an import would), 2 % with a hard appointment."""
    rows = []
    for person in rng.sample(ids, len(ids) // 3):
        for n in range(rng.randint(1, 3)):
            at = MONDAY - timedelta(days=rng.randint(1, 6), minutes=rng.randint(0, 600)) + timedelta(hours=n)
            rows.append((study, person, at.isoformat(), rng.choice(("no_answer", "busy", "answering_machine")),
                         "3.13", None, None))
    for person in rng.sample(ids, len(ids) // 50):
        at = MONDAY - timedelta(days=1)
        day = MONDAY + timedelta(days=rng.randint(0, 4), hours=rng.choice((9, 10, 13, 14, 16)))  # Paris, UTC+2
        rows.append((study, person, at.isoformat(), "appointment", "2.21", day.isoformat(), "hard"))
    with vault.transaction() as conn:
        conn.executemany("INSERT INTO call_attempt (study_id, respondent_id, at, outcome, aapor_code, appointment_at, "
                         "appointment_kind, interviewer) VALUES (?, ?, ?, ?, ?, ?, ?, 'ENQ-B')", rows)


def run(quick: bool = False) -> list[dict[str, Any]]:
    from benchmarks.bench_views import insert_study
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.calls import CallService
    from etudes_desktop.storage.vault import KdfParams, Vault

    size = 10_000 if quick else 100_000
    rng = random.Random(15)
    with tempfile.TemporaryDirectory(prefix="etudes-bench-calls-") as folder:
        vault, _ = Vault.create(DataPaths.for_data_dir(Path(folder)), "Banc-Appels-2026!", kdf=KdfParams.fast())
        try:
            study = insert_study(vault, "cati-bench", "Appels 2026")
            ids = _fill(vault, study, size, rng)
            _history(vault, study, ids, rng)
            service = CallService(vault)
            started = time.perf_counter()
            planned = service.refresh(study)
            first_plan = time.perf_counter() - started
            moments = [MONDAY + timedelta(minutes=rng.randint(0, 5 * 24 * 60)) for _ in range(400)]
            timings, found = [], 0
            for moment in moments:
                started = time.perf_counter()
                offer = service.next_call(study, moment)
                timings.append(time.perf_counter() - started)
                found += offer is not None
            loop, now = [], MONDAY + timedelta(hours=8, minutes=30)  # Monday 10:30 in Paris
            for _ in range(200):
                started = time.perf_counter()
                offer = service.next_call(study, now)
                loop.append(time.perf_counter() - started)
                if offer is not None:
                    service.record(study, offer.respondent_id, rng.choice(("no_answer", "busy", "refusal")), "ENQ-B",
                                   at=now, duration_seconds=60)
                now += timedelta(seconds=45)
        finally:
            vault.close()
    return [
        {"name": f"plan {planned:,} people (once, after an import)", "value": first_plan, "unit": "s"},
        {"name": f"next call p50 ({size:,} people, 400 moments)", "value": _percentile(timings, 0.5) * 1000,
         "unit": "ms", "note": f"{found} moments with someone to call"},
        {"name": f"next call p99 ({size:,} people, 400 moments)", "value": _percentile(timings, 0.99) * 1000,
         "unit": "ms", "target": "<= 20"},
        {"name": "next call p99 in the call loop (after each record)", "value": _percentile(loop, 0.99) * 1000,
         "unit": "ms", "target": "<= 20"},
        {"name": "next call max in the call loop", "value": max(loop) * 1000, "unit": "ms"},
    ]
