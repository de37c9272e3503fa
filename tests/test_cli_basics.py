"""The command line's contract: usage errors exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys


def _etudes(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etudes_desktop.cli", *args], capture_output=True, text=True, timeout=60)


def test_unknown_command_is_a_usage_error():
    result = _etudes("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_version_is_printed():
    result = _etudes("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("etudes ")


def test_a_full_disk_is_said_as_such_not_as_an_internal_error():
    import errno

    import sqlcipher3

    from etudes_desktop.cli import _disk_message, _is_disk_full

    assert _is_disk_full(sqlcipher3.dbapi2.OperationalError("database or disk is full"))
    assert not _is_disk_full(sqlcipher3.dbapi2.OperationalError("no such table: x"))
    assert _disk_message(OSError(errno.ENOSPC, "No space left on device")).startswith("disque plein")
