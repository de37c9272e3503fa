"""Passphrase change, recovery and the unlock throttle, with every row kept."""

from __future__ import annotations

import pytest

from etudes_desktop.core.passphrase import PassphraseRefused
from etudes_desktop.storage.errors import UnlockThrottled, WrongPassphrase, WrongRecoveryCode
from etudes_desktop.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.storage.helpers import make_vault, setting_keys, snapshot

NEW = "Autre-Phrase-De-Passe-9?"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_change_passphrase_rewraps_only_the_key(vault_paths):
    make_vault(vault_paths, rows=50)
    db_before = vault_paths.vault.read_bytes()
    keys_before = vault_paths.keyslots.read_bytes()
    vault = Vault.open(vault_paths, TEST_PASSPHRASE)
    secret = vault.secret("x")
    vault.change_passphrase(TEST_PASSPHRASE, NEW)
    assert vault_paths.keyslots.read_bytes() != keys_before
    vault.close()
    assert vault_paths.vault.read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_paths, TEST_PASSPHRASE)
    reopened = Vault.open(vault_paths, NEW)
    assert len(setting_keys(reopened)) == 50 and reopened.secret("x") == secret
    reopened.close()


def test_change_passphrase_refusals_change_nothing(vault_paths, vault):
    before = vault_paths.keyslots.read_bytes()
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("Pas-la-bonne-2026!", NEW)
    with pytest.raises(PassphraseRefused):
        vault.change_passphrase(TEST_PASSPHRASE, "court")
    assert vault_paths.keyslots.read_bytes() == before


def test_recovery_sets_a_new_passphrase_and_keeps_rows(vault_paths):
    code = make_vault(vault_paths, rows=30)
    db_before = vault_paths.vault.read_bytes()
    vault = Vault.recover(vault_paths, code.lower().replace("-", " "), NEW)
    assert len(setting_keys(vault)) == 30
    vault.close()
    assert vault_paths.vault.read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_paths, TEST_PASSPHRASE)
    Vault.open(vault_paths, NEW).close()
    again = Vault.recover(vault_paths, code, TEST_PASSPHRASE)  # the code keeps working
    again.close()


def test_mistyped_recovery_code_is_told_apart(vault_paths):
    code = make_vault(vault_paths, rows=1)
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(WrongRecoveryCode) as caught:
        Vault.recover(vault_paths, typo, NEW)
    assert "mal saisi" in str(caught.value)


def test_recovery_refuses_a_weak_new_passphrase(vault_paths):
    code = make_vault(vault_paths, rows=1)
    before = snapshot(vault_paths.data_dir)
    with pytest.raises(PassphraseRefused):
        Vault.recover(vault_paths, code, "faible")
    assert snapshot(vault_paths.data_dir) == before


def test_growing_delay_after_five_failures(vault_paths):
    make_vault(vault_paths, rows=1)
    clock = FakeClock()
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_paths, "Pas-la-bonne-2026!", clock=clock)
    with pytest.raises(UnlockThrottled) as first:
        Vault.open(vault_paths, TEST_PASSPHRASE, clock=clock)  # even the right one waits
    assert first.value.retry_after > 0 and "réessayez dans" in str(first.value)
    clock.now += first.value.retry_after
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_paths, "Pas-la-bonne-2026!", clock=clock)
    with pytest.raises(UnlockThrottled) as second:
        Vault.open(vault_paths, TEST_PASSPHRASE, clock=clock)
    assert second.value.retry_after > first.value.retry_after
    clock.now += second.value.retry_after
    Vault.open(vault_paths, TEST_PASSPHRASE, clock=clock).close()
    for _ in range(4):  # success resets the count
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_paths, "Pas-la-bonne-2026!", clock=clock)
    Vault.open(vault_paths, TEST_PASSPHRASE, clock=clock).close()


def test_wrong_recovery_codes_are_throttled_too(vault_paths):
    make_vault(vault_paths, rows=1)
    clock = FakeClock()
    from etudes_desktop.core import recovery

    for _ in range(5):
        with pytest.raises(WrongRecoveryCode):
            Vault.recover(vault_paths, recovery.generate(), NEW, clock=clock)
    with pytest.raises(UnlockThrottled):
        Vault.recover(vault_paths, recovery.generate(), NEW, clock=clock)
