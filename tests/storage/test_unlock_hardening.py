"""Issue 10 item 9: wrong passphrases throttled across processes and restarts; keys and the
passphrase gone from memory once used; ETUDES_PASSPHRASE gone from the environment once read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from etudes_desktop.cli.common import take_from_environment
from etudes_desktop.core.wipe import wipe
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage import keyslots, unlock_throttle
from etudes_desktop.storage.errors import UnlockThrottled, WrongPassphrase
from etudes_desktop.storage.vault import Vault, unlock_wait
from tests.conftest import TEST_PASSPHRASE
from tests.storage.helpers import make_vault

REPO = Path(__file__).resolve().parents[2]
WRONG = "Pas-la-bonne-2026!"


def _cli(data_dir: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETUDES_")}
    env["ETUDES_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "etudes_desktop.cli", "--data-dir", str(data_dir), "vault", "check"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_wrong_passphrases_in_parallel_processes_share_one_throttle(vault_paths):
    """Seven processes guessing at once: five failures are counted (none lost to a race), the
    other two wait; a new process with the right passphrase waits too; the count survives."""
    make_vault(vault_paths, rows=1)
    with ThreadPoolExecutor(max_workers=7) as pool:
        results = list(pool.map(lambda _: _cli(vault_paths.data_dir, WRONG), range(7)))
    lines = sorted(r.stderr.strip() for r in results)
    assert all(r.returncode == 1 for r in results)
    assert sum("incorrecte" in line for line in lines) == 5, lines
    assert sum("trop d'essais infructueux : réessayez dans" in line for line in lines) == 2, lines
    assert unlock_throttle.failures(vault_paths.data_dir) == 5
    right = _cli(vault_paths.data_dir, TEST_PASSPHRASE)  # a restart does not forget
    assert right.returncode == 1 and "réessayez dans 5 s" in right.stderr
    assert 0 < unlock_wait(vault_paths) <= 5
    later = lambda: time.time() + 6  # noqa: E731 - the delay has run out
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_paths, WRONG, clock=later)
    assert unlock_throttle.failures(vault_paths.data_dir) == 6
    assert unlock_wait(vault_paths, later) == pytest.approx(10, abs=0.5)  # the delay doubles
    Vault.open(vault_paths, TEST_PASSPHRASE, clock=lambda: time.time() + 17).close()
    assert unlock_throttle.failures(vault_paths.data_dir) == 0  # the right passphrase resets it
    ok = _cli(vault_paths.data_dir, TEST_PASSPHRASE)
    assert ok.returncode == 0 and ok.stdout.strip() == "OK"


def test_the_counter_file_is_private_and_bound_to_its_vault(vault_paths):
    make_vault(vault_paths, rows=1)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_paths, WRONG)
    counter = unlock_throttle.throttle_path(vault_paths.data_dir)
    assert counter.stat().st_mode & 0o777 == 0o600
    data = json.loads(counter.read_text())
    assert data["failures"] == 3 and set(data) == {"vault_id", "failures", "not_before"}
    assert TEST_PASSPHRASE not in counter.read_text() and WRONG not in counter.read_text()
    counter.write_text(json.dumps({**data, "vault_id": "0" * 32}))  # another vault's count
    Vault.open(vault_paths, TEST_PASSPHRASE).close()
    counter.write_bytes(b'{"failures": 2')  # torn or edited: the next failure already waits
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_paths, WRONG)
    with pytest.raises(UnlockThrottled):
        Vault.open(vault_paths, TEST_PASSPHRASE)


def test_a_deadline_moved_far_away_is_brought_back_to_the_longest_delay(vault_paths):
    make_vault(vault_paths, rows=1)
    slots, _ = keyslots.load(vault_paths.keyslots)
    unlock_throttle.throttle_path(vault_paths.data_dir).write_text(json.dumps(
        {"vault_id": slots.vault_id, "failures": 40, "not_before": time.time() + 10 * 365 * 86400}))
    assert unlock_wait(vault_paths) == pytest.approx(unlock_throttle.POLICY.max_delay, abs=1)


def test_the_key_lives_in_one_bytearray_zeroed_at_close(vault_paths):
    make_vault(vault_paths, rows=1)
    vault = Vault.open(vault_paths, TEST_PASSPHRASE)
    key = vault._key
    assert isinstance(key, bytearray) and len(key) == 32 and any(key)
    assert not any(isinstance(v, str) and "PRAGMA key" in v for v in vars(vault).values())
    vault.close()
    assert key == bytearray(32)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="reads another process's memory through /proc")
def test_no_passphrase_hex_key_or_raw_key_left_in_the_process_memory(vault_paths):
    """The whole memory of a process that unlocked the vault as the CLI does: while open, the raw
    key is held once (the vault needs it); the passphrase (environment block included) and the hex
    form of the key are nowhere; after close, the raw key is gone too."""
    passphrase = "Zq-Phrase-De-Passe-Unique-2026!"
    make_vault(vault_paths, rows=1, passphrase=passphrase)
    slots, _ = keyslots.load(vault_paths.keyslots)
    key = slots.unwrap_passphrase(passphrase)
    patterns = {"passphrase": passphrase.encode(), "passphrase utf-16": passphrase.encode("utf-16-le"),
                "hex key": key.hex().encode(), "HEX key": key.hex().upper().encode(), "raw key": key}
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETUDES_")}
    env["ETUDES_PASSPHRASE"] = passphrase
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("memory_child.py")),
                              str(vault_paths.data_dir)], cwd=REPO, env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "open"
        assert _found(child.pid, patterns) == {"raw key": 1}
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "closed"
        assert _found(child.pid, patterns) == {}
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def _found(pid: int, patterns: dict[str, bytes]) -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            fields = line.split()
            if "r" not in fields[1] or (len(fields) > 5 and fields[5] == "[vvar]"):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            for name, pattern in patterns.items():
                if data.count(pattern):
                    counts[name] = counts.get(name, 0) + data.count(pattern)
    return counts


def test_a_secret_read_from_the_environment_is_removed_from_it(monkeypatch):
    import ctypes

    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)
    assert take_from_environment("ETUDES_PASSPHRASE") == TEST_PASSPHRASE
    assert "ETUDES_PASSPHRASE" not in os.environ
    libc = ctypes.CDLL(None)
    libc.getenv.restype = ctypes.c_char_p
    assert libc.getenv(b"ETUDES_PASSPHRASE") is None  # child processes inherit nothing
    assert take_from_environment("ETUDES_PASSPHRASE") is None


def test_wipe_zeroes_what_it_is_given():
    raw = os.urandom(32)
    assert wipe(raw) and raw == bytes(32)
    text = "".join(["Phrase-", "àçcentuée-€-2026"])
    assert wipe(text) and set(text) == {"\x00"}
    ascii_text = "".join(["Phrase-", "de-passe-2026"])
    assert wipe(ascii_text) and set(ascii_text) == {"\x00"}
    buffer = bytearray(b"secret")
    assert wipe(buffer) and buffer == bytearray(6)
    assert not wipe("a") and not wipe(b"b")  # shared singletons are left alone
