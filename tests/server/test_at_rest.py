"""The server's data at rest: a private folder, private files, answers and attributes encrypted."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import sqlalchemy

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.crypto import KEY_ENV
from etudes_desktop.server.store import Store, interviews, sqlite_url
from etudes_desktop.sync import protocol as p
from tests.server import factory as f

MARKER = "RÉPONSE-EN-CLAIR-7731"


def _batch_with_marker() -> p.Batch:
    item = f.interview()
    item["payload"]["answers"]["q00_text"] = MARKER
    item["payload"]["attributes"]["region"] = "ATTRIBUT-CLAIR-5521"
    item["content_sha256"] = p.content_hash(item["payload"])
    return p.Batch.model_validate(f.batch([item]))


def test_sqlite_folder_is_private_and_answers_are_not_in_clear(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    data = tmp_path / "server"
    store = Store(sqlite_url(data))
    device, _ = store.enroll("sat-2026", "portable-01")
    store.ingest(device, _batch_with_marker())
    exported = list(store.iter_interviews("sat-2026"))
    assert exported[0]["payload"]["answers"]["q00_text"] == MARKER  # the export opens what was sealed
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = list(data.iterdir())
    assert {path.name for path in files} >= {"server.db", "server.key"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        raw = path.read_bytes()
        assert MARKER.encode() not in raw and b"ATTRIBUT-CLAIR-5521" not in raw, path.name
    store.close()


def test_stored_payload_is_sealed_on_both_backends(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_url)
    device, _ = store.enroll("sat-2026", "portable-01")
    store.ingest(device, _batch_with_marker())
    with store.engine.connect() as conn:
        stored = conn.execute(sqlalchemy.select(interviews.c.payload_json)).scalar_one()
    assert MARKER not in stored and "ATTRIBUT-CLAIR" not in stored and stored.startswith("aesgcm1:")
    store.close()
    other = Store(db_url, key=b"\x01" * 32)  # another key cannot read it, and says so plainly
    with pytest.raises(EtudesError, match="clé du serveur"):
        list(other.iter_interviews("sat-2026"))
    other.close()


def test_postgresql_without_a_key_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv("ETUDES_SERVER_KEY_FILE", raising=False)
    from etudes_desktop.server.crypto import load_key
    with pytest.raises(EtudesError, match="clé du serveur manquante"):
        load_key(None)
