"""Crash safety: a writer killed with SIGKILL at random moments loses no committed row."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
LANES = 2
TRIALS_PER_LANE = 11  # 22 kills in all


def _kill_at_random(data_dir: Path, rng: random.Random) -> list[int]:
    """Start the writer, SIGKILL it at a random moment; the ids it printed as committed."""
    child = subprocess.Popen(
        [sys.executable, "-u", "-m", "tests.storage.crash_child", str(data_dir)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err
    assert "Traceback" not in err
    lines = out.split("\n")
    return [int(line) for line in lines[:-1]]  # the last piece may be cut mid-line


def _lane(root: Path, seed: int) -> tuple[int, int]:
    paths = DataPaths(root, root / "logs")
    Vault.create(paths, TEST_PASSPHRASE, kdf=KdfParams.fast())[0].close()
    rng = random.Random(seed)
    committed: set[int] = set()
    for _ in range(TRIALS_PER_LANE):
        committed.update(_kill_at_random(root, rng))
        vault = Vault.open(paths, TEST_PASSPHRASE)
        try:
            present = {int(r[0][2:]) for r in vault.conn.execute("SELECT key FROM setting WHERE key LIKE 'id%'")}
            missing = committed - present
            assert not missing, f"committed rows lost after SIGKILL: {sorted(missing)[:10]}"
            report = vault.check()
            assert report["integrity_check"] == "ok" and report["cipher_integrity_check"] == "ok", report
        finally:
            vault.close()
    return TRIALS_PER_LANE, len(committed)


@pytest.mark.slow
def test_sigkill_loses_no_committed_row(tmp_path):
    seed = random.randrange(1 << 30)
    with ThreadPoolExecutor(LANES) as pool:
        futures = [pool.submit(_lane, tmp_path / f"lane{i}", seed + i) for i in range(LANES)]
        results = [f.result() for f in futures]
    trials = sum(t for t, _ in results)
    rows = sum(r for _, r in results)
    assert trials >= 20
    assert rows > trials, f"the writer barely wrote (seed {seed})"
    print(f"{trials} kills, {rows} committed rows checked")
