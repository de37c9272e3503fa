"""Every refused open: its own clear French error, and not one byte changed on disk."""

from __future__ import annotations

import json
import os

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.storage import keyslots
from etudes_desktop.storage.errors import (
    KeySlotMissing,
    KeySlotTampered,
    VaultCorrupted,
    VaultError,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryCode,
)
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE
from tests.storage.helpers import make_vault, setting_keys, snapshot

PAGE = 4096


@pytest.fixture
def made(vault_paths):
    """A closed vault with rows; the recovery code."""
    return make_vault(vault_paths)


def _refused(paths, error: type[Exception], passphrase: str = TEST_PASSPHRASE) -> str:
    """Open must fail with `error` and leave every file byte-identical; returns the message."""
    before = snapshot(paths.data_dir) if paths.data_dir.exists() else {}
    with pytest.raises(error) as caught:
        Vault.open(paths, passphrase)
    after = snapshot(paths.data_dir) if paths.data_dir.exists() else {}
    assert after == before
    message = str(caught.value)
    assert isinstance(caught.value, EtudesError) and isinstance(caught.value, VaultError)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def _flip(path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_missing_vault(vault_paths):
    assert not Vault.exists(vault_paths)
    assert "aucun coffre" in _refused(vault_paths, VaultNotFound)
    assert not vault_paths.data_dir.exists()


def test_missing_vault_in_existing_folder(vault_paths):
    vault_paths.data_dir.mkdir(parents=True)
    _refused(vault_paths, VaultNotFound)
    assert list(vault_paths.data_dir.iterdir()) == []


def test_empty_file_is_not_a_new_vault(vault_paths, made):
    vault_paths.vault.write_bytes(b"")
    assert "vide" in _refused(vault_paths, VaultCorrupted)
    assert vault_paths.vault.stat().st_size == 0


def test_plain_sqlite_file_is_refused(vault_paths, made, tmp_path):
    import sqlite3

    vault_paths.vault.unlink()
    plain = sqlite3.connect(vault_paths.vault)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    assert "pas chiffré" in _refused(vault_paths, VaultCorrupted)


def test_truncated_mid_page(vault_paths, made):
    size = vault_paths.vault.stat().st_size
    os.truncate(vault_paths.vault, size - 1000)
    assert "tronqué" in _refused(vault_paths, VaultCorrupted)


def test_truncated_whole_pages(vault_paths, made):
    size = vault_paths.vault.stat().st_size
    assert size >= 3 * PAGE
    os.truncate(vault_paths.vault, size - PAGE)
    message = _refused(vault_paths, VaultCorrupted)
    assert "tronqué" in message or "endommagé" in message


def test_corrupted_first_page(vault_paths, made):
    _flip(vault_paths.vault, 100)
    _refused(vault_paths, VaultCorrupted)


def test_corrupted_later_page(vault_paths, made):
    size = vault_paths.vault.stat().st_size
    _flip(vault_paths.vault, size - PAGE + 200)
    assert "endommagé" in _refused(vault_paths, VaultCorrupted)


def test_corrupted_salt_no_longer_matches_the_key_slots(vault_paths, made):
    _flip(vault_paths.vault, 3)
    _refused(vault_paths, KeySlotTampered)


def test_wrong_passphrase(vault_paths, made):
    assert "incorrecte" in _refused(vault_paths, WrongPassphrase, passphrase="Pas-la-bonne-2026!")


def test_missing_key_slots(vault_paths, made):
    vault_paths.keyslots.unlink()
    assert "vault.keys" in _refused(vault_paths, KeySlotMissing)


def test_empty_key_slots(vault_paths, made):
    vault_paths.keyslots.write_bytes(b"")
    _refused(vault_paths, KeySlotTampered)


def test_key_slots_not_json(vault_paths, made):
    vault_paths.keyslots.write_bytes(b"\x00\xffnot json")
    _refused(vault_paths, KeySlotTampered)


def _edit_keys(paths, edit, fix_checksum: bool) -> None:
    document = json.loads(paths.keyslots.read_text())
    edit(document)
    if fix_checksum:
        body = {k: document[k] for k in ("format", "version", "vault_id", "db_salt", "slots")}
        import hashlib

        document["checksum"] = hashlib.sha256(keyslots.canonical(body)).hexdigest()
    paths.keyslots.write_text(json.dumps(document))


def _passphrase_slot(document):
    return next(s for s in document["slots"] if s["kind"] == "passphrase")


def _recovery_slot(document):
    return next(s for s in document["slots"] if s["kind"] == "recovery")


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: _passphrase_slot(d)["kdf"].update(t=_passphrase_slot(d)["kdf"]["t"] + 1),
        lambda d: _passphrase_slot(d)["kdf"].update(m=2 ** 40),
        lambda d: d.update(vault_id="00" * 16),
        lambda d: d.update(version="1"),
        lambda d: d.pop("mac"),
        lambda d: d["slots"].pop(),
        lambda d: _passphrase_slot(d).update(nonce="AAAA"),
        lambda d: _recovery_slot(d)["kdf"].update(alg="none"),
    ],
    ids=["kdf-cost", "kdf-absurd-memory", "vault-id", "version-type", "no-mac", "slot-removed", "nonce", "recovery-alg"],
)
def test_tampered_key_slots_are_detected(vault_paths, made, edit):
    _edit_keys(vault_paths, edit, fix_checksum=False)
    assert "vault.keys" in _refused(vault_paths, KeySlotTampered)


def test_tampering_with_recomputed_checksum_is_caught_by_the_keyed_mac(vault_paths, made):
    """Someone who edits the recovery slot and fixes the checksum is still caught once unlocked."""
    _edit_keys(vault_paths, lambda d: _recovery_slot(d)["kdf"].update(salt="A" * 22 + "=="), fix_checksum=True)
    _refused(vault_paths, KeySlotTampered)


def test_slot_metadata_is_authenticated(vault_paths, made):
    """Changing a slot's parameters, even with a fixed checksum, makes it unopenable (AAD)."""
    _edit_keys(vault_paths, lambda d: _passphrase_slot(d)["kdf"].update(t=2), fix_checksum=True)
    _refused(vault_paths, WrongPassphrase)


def test_key_slots_of_another_vault(vault_paths, made, tmp_path):
    from etudes_desktop.paths import DataPaths

    other = DataPaths(tmp_path / "other", tmp_path / "other-logs")
    make_vault(other)
    vault_paths.keyslots.write_bytes(other.keyslots.read_bytes())
    assert "ne correspond pas" in _refused(vault_paths, KeySlotTampered)


def test_key_slots_from_a_newer_version(vault_paths, made):
    _edit_keys(vault_paths, lambda d: d.update(version=2), fix_checksum=True)
    _refused(vault_paths, VaultTooNew)


def test_vault_from_a_newer_schema_is_refused(vault_paths, made):
    vault = Vault.open(vault_paths, TEST_PASSPHRASE)
    vault.conn.execute("PRAGMA user_version = 999")
    vault.close()
    message = _refused(vault_paths, VaultTooNew)
    assert "999" in message and "mettez l'application à jour" in message


def test_recovery_refusals_leave_files_identical(vault_paths, made):
    before = snapshot(vault_paths.data_dir)
    with pytest.raises(WrongRecoveryCode):
        Vault.recover(vault_paths, "0000-0000-0000-0000-0000-0000-0000-0000", "Nouvelle-Phrase-2026!")
    wrong_but_valid = keyslots.recovery.generate()
    with pytest.raises(WrongRecoveryCode):
        Vault.recover(vault_paths, wrong_but_valid, "Nouvelle-Phrase-2026!")
    assert snapshot(vault_paths.data_dir) == before


def test_create_refuses_an_existing_vault(vault_paths, made):
    before = snapshot(vault_paths.data_dir)
    with pytest.raises(VaultExists):
        Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    vault_paths.vault.write_bytes(b"")
    before = snapshot(vault_paths.data_dir)
    with pytest.raises(VaultExists):
        Vault.create(vault_paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    assert snapshot(vault_paths.data_dir) == before


def test_a_refused_open_does_not_spoil_the_vault(vault_paths, made):
    """After all kinds of refusals on a copy, the untouched original still opens with its rows."""
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_paths, "Pas-la-bonne-2026!")
    vault = Vault.open(vault_paths, TEST_PASSPHRASE)
    assert len(setting_keys(vault)) == 20
    vault.close()
