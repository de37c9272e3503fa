"""The unlock throttle, shared by every process that opens one vault, and kept across restarts.

The failures are counted in `vault.unlock` beside the vault (0600), under an exclusive lock held
for the whole attempt: the window, the command line and a script guessing in parallel queue on
the same lock and count towards the same delay. After `free_attempts` failures each further
attempt waits a doubling delay (5 s, 10 s, ... up to 5 min); the right passphrase or recovery code
resets the count. Times are wall-clock seconds (they must survive a restart); a deadline further
away than the longest delay (the clock was set back) is brought back to it.

The file holds a count and a time, nothing secret. It is bound to the vault it counts for: a
count belonging to another vault (replaced key slots) starts again from zero. Removing the file
resets the count, which needs write access to the data folder, where vault.keys itself could be
copied for guessing offline; the throttle is against guessing through the application.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from etudes_desktop.storage.errors import UnlockThrottled, WrongPassphrase, WrongRecoveryCode

THROTTLE_FILE = "vault.unlock"
T = TypeVar("T")


@dataclass(frozen=True)
class ThrottlePolicy:
    free_attempts: int = 5
    base_delay: float = 5.0
    max_delay: float = 300.0

    def delay_after(self, failures: int) -> float:
        if failures < self.free_attempts:
            return 0.0
        return min(self.max_delay, self.base_delay * 2 ** min(failures - self.free_attempts, 32))


@dataclass(frozen=True)
class ThrottleState:
    failures: int = 0
    not_before: float = float("-inf")  # wall-clock seconds

    def wait(self, now: float, policy: ThrottlePolicy) -> float:
        return max(0.0, min(self.not_before - now, policy.max_delay))


POLICY = ThrottlePolicy()


def throttle_path(data_dir: Path) -> Path:
    return data_dir / THROTTLE_FILE


@contextmanager
def _locked(path: Path) -> Iterator[int]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        _lock(fd)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: a lock on the first byte, retried until the other process is done
        import msvcrt

        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    fcntl.flock(fd, fcntl.LOCK_EX)


def _read(fd: int, vault_id: str, policy: ThrottlePolicy) -> ThrottleState:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    if not raw:
        return ThrottleState()
    try:
        data: Any = json.loads(raw.decode("ascii"))
        if data.get("vault_id") != vault_id:
            return ThrottleState()  # another vault's count
        failures, not_before = int(data["failures"]), float(data["not_before"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        # torn or edited: counted as the last free attempt, so the next failure waits
        return ThrottleState(failures=max(0, policy.free_attempts - 1))
    return ThrottleState(max(0, failures), not_before)


def _write(fd: int, vault_id: str, state: ThrottleState) -> None:
    data = json.dumps({"vault_id": vault_id, "failures": state.failures,
                       "not_before": state.not_before if state.not_before != float("-inf") else 0.0}).encode("ascii")
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data)
    os.fsync(fd)


def guarded(data_dir: Path, vault_id: str, attempt: Callable[[], T], *, clock: Callable[[], float] = time.time,
            policy: ThrottlePolicy = POLICY) -> tuple[T, int]:
    """Run one unlock attempt under the shared throttle; returns its result and the failures
    counted before it. UnlockThrottled while a delay runs (the attempt is not made)."""
    with _locked(throttle_path(data_dir)) as fd:
        state = _read(fd, vault_id, policy)
        wait = state.wait(clock(), policy)
        if wait > 0:
            raise UnlockThrottled(wait)
        try:
            result = attempt()
        except (WrongPassphrase, WrongRecoveryCode):
            failures = state.failures + 1
            delay = policy.delay_after(failures)
            _write(fd, vault_id, ThrottleState(failures, clock() + delay if delay else float("-inf")))
            raise
        if state.failures:
            _write(fd, vault_id, ThrottleState())
        return result, state.failures


def current_wait(data_dir: Path, vault_id: str | None = None, *, clock: Callable[[], float] = time.time,
                 policy: ThrottlePolicy = POLICY) -> float:
    """Seconds before the next attempt is allowed (0 when none), read without waiting for a lock."""
    try:
        raw = throttle_path(data_dir).read_bytes()
        data = json.loads(raw.decode("ascii"))
        if vault_id is not None and data.get("vault_id") != vault_id:
            return 0.0
        return ThrottleState(int(data["failures"]), float(data["not_before"])).wait(clock(), policy)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return 0.0


def failures(data_dir: Path) -> int:
    """The failures counted so far (for the log and the tests)."""
    try:
        return int(json.loads(throttle_path(data_dir).read_bytes().decode("ascii"))["failures"])
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return 0
