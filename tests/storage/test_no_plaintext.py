"""Nothing personal reaches the disk in clear: scan every file of the data and log folders."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from etudes_desktop.logging_setup import close_logging, setup_logging
from etudes_desktop.storage.errors import WrongPassphrase
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE

MARKERS = ["ZQXMARKERNOM", "Jeanne-Zqxmarker", "zqx.marker@exemple.fr", "06 99 88 77 66", "REPONSEZQXLIBRE"]


def _all_files(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def _scan(files: list[Path]) -> list[tuple[str, str]]:
    found = []
    for path in files:
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3"), f"{path.name} is a plain SQLite file"
        for marker in MARKERS:
            for encoded in (marker.encode("utf-8"), marker.encode("utf-16-le")):
                if encoded in data:
                    found.append((path.name, marker))
    return found


def _store(vault: Vault, count: int) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) VALUES ('s', '1', 't', '{}', 'now')")
        for i in range(count):
            conn.execute(
                "INSERT INTO respondent (study_id, sample_id, last_name, first_name, email, phone, created_at)"
                " VALUES ('s', ?, ?, ?, ?, ?, 'now')",
                (f"S{i}", MARKERS[0], MARKERS[1], MARKERS[2], MARKERS[3]),
            )
        conn.execute(
            "INSERT INTO interview (id, study_id, study_version, mode, created_at, updated_at) VALUES ('i1', 's', '1', 'phone', 'now', 'now')"
        )
        conn.execute("INSERT INTO answer VALUES ('i1', 'q1', ?, 'now')", (f'"{MARKERS[4]}"',))


@pytest.fixture
def logged(vault_paths):
    setup_logging(vault_paths.log_dir)
    yield vault_paths
    close_logging(vault_paths.log_dir)


def test_no_marker_in_any_file_while_open_and_after_close(logged):
    paths = logged
    vault, _code = Vault.create(paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    _store(vault, 500)
    with vault.transaction() as conn:  # freed pages too: secure_delete, and encrypted anyway
        conn.execute("DELETE FROM respondent WHERE id % 2 = 0")
    logging.getLogger("test").info("stored %d respondents", 500)
    while_open = _all_files(paths.data_dir, paths.log_dir)
    assert any(p.name.endswith("-wal") for p in while_open)
    assert _scan(while_open) == []
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(paths, "Pas-la-bonne-2026!", clock=lambda: time.monotonic())
    reopened = Vault.open(paths, TEST_PASSPHRASE)
    assert reopened.conn.execute("SELECT count(*) FROM respondent WHERE last_name = ?", (MARKERS[0],)).fetchone()[0] == 250
    reopened.close()
    files = _all_files(paths.data_dir, paths.log_dir)
    assert {p.name for p in files} >= {"vault.db", "vault.keys", "etudes.log"}
    assert _scan(files) == []
    assert "vault created" in (paths.log_dir / "etudes.log").read_text()


def test_the_scan_would_see_plain_text(tmp_path):
    """The detector works: the same rows in plain SQLite are found."""
    import sqlite3

    db = tmp_path / "plain.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (?)", (MARKERS[0],))
    conn.commit()
    conn.close()
    with pytest.raises(AssertionError):
        _scan([db])
    db.write_bytes(db.read_bytes()[16:])
    assert _scan([db]) == [("plain.db", MARKERS[0])]
