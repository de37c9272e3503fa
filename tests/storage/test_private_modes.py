"""Issue 10 item 2, laptop side: data and log folders 0700; vault, keys, log and settings files 0600,
also when an older version (or a umask of 000) left them wider. (Access exports: test_rights.)"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from etudes_desktop.logging_setup import close_logging, setup_logging
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows uses the profile's ACLs)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The widest umask: whatever is created private is so by the application, not the umask."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_a_new_installation_is_private(tmp_path, open_umask):
    paths = DataPaths.for_data_dir(tmp_path / "nouveau" / "etudes")
    try:
        setup_logging(paths.log_dir)  # the CLI starts its log before anything else
        vault, _code = Vault.create(paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
        with vault.transaction() as conn:
            conn.execute("INSERT INTO setting VALUES ('a', '1')")
        import logging

        logging.getLogger("test").info("une ligne")
        folders = [tmp_path / "nouveau", paths.data_dir, paths.log_dir]
        files = [p for p in paths.data_dir.rglob("*") if p.is_file()]
        assert {p.name for p in files} >= {"vault.db", "vault.db-wal", "vault.keys", "etudes.log"}
        assert {str(f): oct(mode(f)) for f in folders} == {str(f): "0o700" for f in folders}
        assert {f.name: oct(mode(f)) for f in files} == {f.name: "0o600" for f in files}
        vault.close()
    finally:
        close_logging(paths.log_dir)


def test_an_older_wider_installation_is_narrowed(tmp_path, open_umask):
    paths = DataPaths.for_data_dir(tmp_path / "ancien")
    vault, _code = Vault.create(paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    vault.close()
    paths.log_dir.mkdir(mode=0o755, exist_ok=True)
    (paths.log_dir / "etudes.log.1").write_text("ancien journal\n")
    for path in (paths.data_dir, paths.log_dir):
        os.chmod(path, 0o755)
    for path in (paths.vault, paths.keyslots, paths.log_dir / "etudes.log.1"):
        os.chmod(path, 0o644)
    (paths.data_dir / "settings.ini").write_text("[ui]\n")
    parent_before = mode(tmp_path)
    paths.ensure()
    assert mode(paths.data_dir) == mode(paths.log_dir) == 0o700
    assert {mode(p) for p in (paths.vault, paths.keyslots, paths.data_dir / "settings.ini",
                              paths.log_dir / "etudes.log.1")} == {0o600}
    assert mode(tmp_path) == parent_before  # an existing parent (the home folder) is left alone


def test_the_command_line_narrows_the_folder_it_works_in(tmp_path, open_umask):
    import subprocess

    data = tmp_path / "cli"
    data.mkdir(mode=0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETUDES_")}
    env["ETUDES_PASSPHRASE"] = TEST_PASSPHRASE
    result = subprocess.run([sys.executable, "-m", "etudes_desktop.cli", "--data-dir", str(data), "vault", "init"],
                            cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
                            timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert mode(data) == mode(data / "logs") == 0o700
    assert {p.name: mode(p) for p in data.rglob("*") if p.is_file()} == {
        p.name: 0o600 for p in data.rglob("*") if p.is_file()}


def test_settings_file_is_private(tmp_path, open_umask):
    from etudes_desktop.gui.settings import AppSettings

    paths = DataPaths.for_data_dir(tmp_path / "reglages").ensure()
    settings = AppSettings.for_paths(paths)
    settings.language = "fr"
    assert mode(paths.data_dir / "settings.ini") == 0o600
