"""The key-slot file on its own: round trip, authentication, atomic replacement."""

from __future__ import annotations

import json
import os
import secrets

import pytest

from etudes_desktop.core import recovery
from etudes_desktop.storage import keyslots
from etudes_desktop.storage.errors import KeySlotTampered, WrongPassphrase, WrongRecoveryCode
from etudes_desktop.storage.keyslots import KdfParams, KeySlots

PASS = "Terrain-Enquête-2026!"


@pytest.fixture
def made():
    key, salt, code = secrets.token_bytes(32), secrets.token_bytes(16), recovery.generate()
    return key, KeySlots.new(key, salt, PASS, code, KdfParams.fast()), code


def test_round_trip_through_the_file(tmp_path, made):
    key, slots, code = made
    path = tmp_path / "vault.keys"
    keyslots.write_atomic(path, slots.to_bytes(key))
    loaded, document = keyslots.load(path)
    assert loaded.unwrap_passphrase(PASS) == key
    assert loaded.unwrap_recovery(code) == key
    loaded.verify_mac(key, document)
    assert key.hex() not in path.read_text() and PASS not in path.read_text()


def test_wrong_secrets(made):
    _key, slots, _code = made
    with pytest.raises(WrongPassphrase):
        slots.unwrap_passphrase(PASS + "x")
    with pytest.raises(WrongRecoveryCode):
        slots.unwrap_recovery(recovery.generate())


def test_wrapping_is_bound_to_the_vault(made):
    key, slots, _code = made
    from dataclasses import replace

    moved = replace(slots, db_salt=secrets.token_hex(16))  # same slot, claimed by another file
    with pytest.raises(WrongPassphrase):
        moved.unwrap_passphrase(PASS)


def test_mac_detects_a_swapped_slot(tmp_path, made):
    key, slots, code = made
    other_key = secrets.token_bytes(32)
    rewrapped = slots.with_recovery(other_key, code)  # recovery slot now opens another key
    path = tmp_path / "k"
    document = json.loads(rewrapped.to_bytes(other_key))
    keyslots.write_atomic(path, json.dumps(document).encode())
    loaded, document = keyslots.load(path)
    with pytest.raises(KeySlotTampered):
        loaded.verify_mac(loaded.unwrap_passphrase(PASS), document)


def test_atomic_write_replaces_without_leftovers(tmp_path):
    folder = tmp_path / "keys"
    folder.mkdir()
    path = folder / "vault.keys"
    keyslots.write_atomic(path, b"one")
    keyslots.write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert [p.name for p in folder.iterdir()] == ["vault.keys"]
    assert os.stat(path).st_mode & 0o077 == 0


def test_absurd_kdf_parameters_are_not_run():
    assert not KdfParams(1, 2 ** 40, 1).is_sane()
    assert not KdfParams(0, 1024, 1).is_sane()
