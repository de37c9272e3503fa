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
from etudes_desktop.storage.errors import WrongPassphrase
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
LANES = 2
TRIALS_PER_LANE = 11  # 22 kills in all


class Writers:
    """The zygote process that forks one writer per trial (see crash_child)."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-u", "-m", "tests.storage.crash_child", str(root)],
            cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert self._line() == "zygote"

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, self.proc.stderr.read() if self.proc.stderr else "zygote died"
        return line.rstrip("\n")

    def kill_one_at_random(self, rng: random.Random, job: str = "go") -> list[str]:
        """Fork a writer, SIGKILL it at a random moment; the lines it printed whole."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{job}\n")
        self.proc.stdin.flush()
        pid = int(self._line().split()[1])
        assert self._line() == "ready"
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(pid, signal.SIGKILL)
        ids = []
        while True:
            line = self._line()
            if line.startswith("dead "):
                status = int(line.split()[1])
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
                return ids
            if line.endswith(";"):  # a line cut by the kill has no terminator
                ids.append(line[:-1])

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _lane(root: Path, seed: int) -> tuple[int, int]:
    paths = DataPaths(root, root / "logs")
    Vault.create(paths, TEST_PASSPHRASE, kdf=KdfParams.fast())[0].close()
    rng = random.Random(seed)
    committed: set[int] = set()
    writers = Writers(root)
    try:
        for _ in range(TRIALS_PER_LANE):
            committed.update(int(line) for line in writers.kill_one_at_random(rng))
            _check_after_crash(paths, committed)
    finally:
        writers.close()
    return TRIALS_PER_LANE, len(committed)


def _check_after_crash(paths: DataPaths, committed: set[int]) -> None:
    vault = Vault.open(paths, TEST_PASSPHRASE)
    try:
        present = {int(r[0][2:]) for r in vault.conn.execute("SELECT key FROM setting WHERE key LIKE 'id%'")}
        missing = committed - present
        assert not missing, f"committed rows lost after SIGKILL: {sorted(missing)[:10]}"
        report = vault.check()
        assert report["integrity_check"] == "ok" and report["cipher_integrity_check"] == "ok", report
    finally:
        vault.close()


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


def test_sigkill_during_passphrase_changes_leaves_one_working_passphrase(tmp_path):
    """The key-slot file is replaced atomically: whatever the moment, one passphrase opens."""
    from tests.storage.crash_child import PASSPHRASES
    from tests.storage.helpers import make_vault

    paths = DataPaths(tmp_path, tmp_path / "logs")
    make_vault(paths, rows=10)
    writers = Writers(tmp_path)
    rng = random.Random()
    changes = 0
    try:
        for _ in range(6):
            changes += len(writers.kill_one_at_random(rng, "passwd"))
            opened = []
            for passphrase in PASSPHRASES:
                try:
                    vault = Vault.open(paths, passphrase)
                except WrongPassphrase:
                    continue
                assert vault.conn.execute("SELECT count(*) FROM setting").fetchone()[0] == 10
                vault.close()
                opened.append(passphrase)
            assert len(opened) == 1
    finally:
        writers.close()
    assert changes > 6
    assert not list(tmp_path.glob(".vault.keys.*.tmp"))  # a successful open sweeps half-written files
