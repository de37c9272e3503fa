"""`etudes-desktop --self-test`, run from source the way CI runs it from the installed bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _self_test(tmp_path: Path, **env_extra: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    # No display at all: the self-test must choose the offscreen platform itself.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(TMPDIR=str(scratch), **env_extra)
    result = subprocess.run([sys.executable, "-m", "etudes_desktop.gui.app", "--self-test"],
                            capture_output=True, text=True, timeout=120, env=env)
    return result, scratch


def test_the_self_test_checks_an_installation_without_a_screen_or_the_users_data(tmp_path):
    result, scratch = _self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("etudes-desktop --self-test : OK")
    assert "plateforme offscreen" in lines[0] and "relues du coffre" in lines[0]
    assert "Traceback" not in result.stderr
    # Nothing left behind: the throw-away vault is gone and the user's data folder never created.
    assert list(scratch.iterdir()) == []
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "etudes_desktop").exists()


def test_a_broken_installation_fails_the_self_test_with_one_line(tmp_path):
    empty = tmp_path / "no-plugins"
    empty.mkdir()
    result, scratch = _self_test(tmp_path, QT_QPA_PLATFORM_PLUGIN_PATH=str(empty))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "etudes-desktop --self-test : ÉCHEC à l'étape « greffon Qt offscreen » : "
        "greffon de plateforme Qt « offscreen » introuvable (installation incomplète)"
    ]
    assert "Traceback" not in result.stderr
    assert list(scratch.iterdir()) == []
