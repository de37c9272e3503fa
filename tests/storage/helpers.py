"""Helpers for the vault tests: snapshots of a data folder, a vault with rows in it."""

from __future__ import annotations

from pathlib import Path

from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.unlock_throttle import THROTTLE_FILE
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder (relative name -> bytes), to compare before and after; the unlock
    failure counter (vault.unlock), written by design on a wrong passphrase, is left out."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != THROTTLE_FILE}


def make_vault(paths: DataPaths, rows: int = 20, passphrase: str = TEST_PASSPHRASE) -> str:
    """Create a closed vault holding `rows` settings; returns its recovery code."""
    vault, code = Vault.create(paths, passphrase, kdf=KdfParams.fast())
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO setting (key, value_json) VALUES (?, ?)",
            [(f"k{i}", f'"{"v" * 200}{i}"') for i in range(rows)],
        )
    vault.close()
    return code


def setting_keys(vault: Vault) -> set[str]:
    return {row["key"] for row in vault.conn.execute("SELECT key FROM setting")}
