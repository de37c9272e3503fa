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
