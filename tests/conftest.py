"""Shared fixtures: headless Qt, fresh data folders, platformdirs redirected to tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """No test touches the real user folders: platformdirs and HOME point into tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for var in ("ETUDES_PASSPHRASE", "ETUDES_NEW_PASSPHRASE", "ETUDES_RECOVERY_CODE", "ETUDES_DEVICE_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


# -- the vault (storage) -----------------------------------------------------------------------
TEST_PASSPHRASE = "Terrain-Enquête-2026!"


@pytest.fixture
def vault_paths(tmp_path):
    """DataPaths of a fresh, not yet created vault under tmp_path."""
    from etudes_desktop.paths import DataPaths

    return DataPaths(data_dir=tmp_path / "vault-data", log_dir=tmp_path / "vault-logs")


@pytest.fixture
def vault(vault_paths):
    """An open vault (cheap KDF, passphrase TEST_PASSPHRASE), closed at teardown."""
    from etudes_desktop.storage.vault import KdfParams, Vault

    opened, _code = Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    yield opened
    opened.close()


# -- the browser (one Chromium for the whole run: Playwright's sync API allows one driver per thread)
from tests.console.browser import chromium, page  # noqa: E402, F401 - fixtures for the console's and the web's tests
