"""Create, open, transactions, pragmas, secrets and checks on a real SQLCipher vault."""

from __future__ import annotations

import os
import stat

import pytest

from etudes_desktop.core.passphrase import PassphraseRefused
from etudes_desktop.storage import migrate
from etudes_desktop.storage.connection import EXPECTED_PRAGMAS
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE
from tests.storage.helpers import setting_keys


def test_create_then_open_keeps_rows(vault_paths):
    assert not Vault.exists(vault_paths)
    vault, code = Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    assert Vault.exists(vault_paths)
    with vault.transaction() as conn:
        conn.execute("INSERT INTO setting VALUES ('a', '1')")
    vault.close()
    reopened = Vault.open(vault_paths, TEST_PASSPHRASE)
    assert setting_keys(reopened) == {"a"}
    reopened.close()
    # no log or temporary file left; vault.unlock is the shared failure counter (empty: none)
    assert sorted(p.name for p in vault_paths.data_dir.iterdir()) == ["vault.db", "vault.keys", "vault.unlock"]


def test_recovery_code_is_long_and_readable(vault_paths):
    _vault, code = Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    _vault.close()
    from etudes_desktop.core import recovery

    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 and set(g) <= set(recovery.ALPHABET) for g in groups)
    assert recovery.RANDOM_SYMBOLS * 5 >= 128  # random bits; the last 2 symbols are a check


def test_weak_passphrase_refused_before_anything_is_written(vault_paths):
    with pytest.raises(PassphraseRefused) as caught:
        Vault.create(vault_paths, "motdepasse")
    assert "Accepté" in str(caught.value)
    assert not vault_paths.data_dir.exists() or list(vault_paths.data_dir.iterdir()) == []


def test_pragmas_read_back(vault):
    report = vault.check()
    assert report["pragmas"] == EXPECTED_PRAGMAS
    assert report["pragmas"]["temp_store"] == 2 and report["pragmas"]["journal_mode"] == "wal"
    assert report["integrity_check"] == "ok" and report["cipher_integrity_check"] == "ok"
    assert report["schema_version"] == migrate.latest_version() >= 1
    assert report["cipher_version"].startswith("4.")
    assert report["ok"] is True


def test_files_are_private(vault_paths, vault):
    with vault.transaction() as conn:
        conn.execute("INSERT INTO setting VALUES ('a', '1')")
    wal = vault_paths.vault.with_name("vault.db-wal")
    for path in (vault_paths.data_dir, vault_paths.vault, vault_paths.keyslots, wal):
        assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0


def test_transaction_commits_and_rolls_back(vault):
    with vault.transaction() as conn:
        conn.execute("INSERT INTO setting VALUES ('kept', '1')")
    with pytest.raises(RuntimeError):
        with vault.transaction() as conn:
            conn.execute("INSERT INTO setting VALUES ('lost', '1')")
            raise RuntimeError("boom")
    assert setting_keys(vault) == {"kept"}
    assert not vault.conn.in_transaction


def test_nested_transaction_is_a_savepoint(vault):
    with vault.transaction() as conn:
        conn.execute("INSERT INTO setting VALUES ('outer', '1')")
        with pytest.raises(ValueError):
            with vault.transaction() as inner:
                inner.execute("INSERT INTO setting VALUES ('inner', '1')")
                raise ValueError
        with vault.transaction() as inner:
            inner.execute("INSERT INTO setting VALUES ('inner2', '1')")
    assert setting_keys(vault) == {"outer", "inner2"}


def test_foreign_keys_are_enforced(vault):
    import sqlcipher3

    with pytest.raises(sqlcipher3.IntegrityError):
        with vault.transaction() as conn:
            conn.execute(
                "INSERT INTO interview (id, study_id, study_version, mode, created_at, updated_at)"
                " VALUES ('i1', 'no-such-study', '1', 'phone', 'now', 'now')"
            )


def test_rows_are_sqlcipher_rows(vault):
    row = vault.conn.execute("SELECT 1 AS one").fetchone()
    assert row["one"] == 1


def test_secret_is_stable_per_vault_and_purpose(vault_paths, vault, tmp_path):
    from etudes_desktop.paths import DataPaths

    first = vault.secret("suppression-list")
    assert len(first) == 32 and first != vault.secret("other-purpose")
    vault.close()
    again = Vault.open(vault_paths, TEST_PASSPHRASE)
    assert again.secret("suppression-list") == first
    again.close()
    other, _ = Vault.create(DataPaths(tmp_path / "b", tmp_path / "bl"), TEST_PASSPHRASE, kdf=KdfParams.fast())
    assert other.secret("suppression-list") != first
    other.close()


def test_checkpoint_empties_the_log(vault_paths, vault):
    with vault.transaction() as conn:
        conn.execute("INSERT INTO setting VALUES ('a', '1')")
    wal = vault_paths.vault.with_name("vault.db-wal")
    assert wal.stat().st_size > 0
    busy, _log, _done = vault.checkpoint()
    assert busy == 0 and wal.stat().st_size == 0


def test_default_kdf_is_strong():
    params = KdfParams()
    assert params.memory_cost >= 64 * 1024 and params.time_cost >= 2
    assert params.is_sane() and KdfParams.fast().is_sane()


def test_close_is_idempotent_and_context_manager(vault_paths):
    vault, _ = Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    with vault:
        pass
    vault.close()
    assert sorted(p.name for p in vault_paths.data_dir.iterdir()) == ["vault.db", "vault.keys"]


def test_orphans_are_set_aside_not_lost_nor_replayed(vault_paths):
    vault_paths.data_dir.mkdir(parents=True)
    vault_paths.keyslots.write_text("{}")
    (vault_paths.data_dir / "vault.db-wal").write_bytes(b"stale log")
    vault, _ = Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    assert vault.check()["ok"]
    vault.close()
    aside = sorted(p.name.split(".orphelin-")[0] for p in vault_paths.data_dir.iterdir() if ".orphelin-" in p.name)
    assert aside == ["vault.db-wal", "vault.keys"]
    Vault.open(vault_paths, TEST_PASSPHRASE).close()


def test_check_reports_damage_that_happens_while_open(vault_paths):
    from tests.storage.helpers import make_vault

    make_vault(vault_paths, rows=300)
    vault = Vault.open(vault_paths, TEST_PASSPHRASE)
    assert vault.check()["ok"]
    with vault_paths.vault.open("r+b") as handle:  # a disk error under a running application
        handle.seek(5 * 4096 + 100)
        byte = handle.read(1)
        handle.seek(5 * 4096 + 100)
        handle.write(bytes([byte[0] ^ 0xFF]))
    report = vault.check()
    vault.close()
    assert report["ok"] is False and report["cipher_integrity_check"] != "ok"
