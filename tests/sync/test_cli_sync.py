"""`etudes sync` from the command line, against the real server and a real vault."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from etudes_desktop.cli import main
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url
from tests.conftest import TEST_PASSPHRASE
from tests.sync import seed as s


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[EmbeddedServer, str]]:
    store = Store(sqlite_url(tmp_path / "server"))
    _, token = store.enroll(s.STUDY, "portable-01")
    with EmbeddedServer(store) as running:
        yield running, token
    store.close()


def etudes(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    """One command, as from a shell where ETUDES_PASSPHRASE is exported (each command removes it
    from its environment once read)."""
    os.environ["ETUDES_PASSPHRASE"] = TEST_PASSPHRASE
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_sync_then_status(vault, vault_paths, server, capsys, monkeypatch, tmp_path) -> None:
    running, token = server
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # restored as absent after the test
    s.seed(vault, 40, objected_every=8)
    token_file = tmp_path / "jeton.txt"
    token_file.write_text(token + "\n", encoding="utf-8")
    code, out, err = etudes(capsys, vault_paths.data_dir, "sync", "--server", running.url, "--token-file",
                            str(token_file))
    assert code == 0, err
    assert "40 entretiens envoyés" in out and "40 purgés" in out
    code, out, _ = etudes(capsys, vault_paths.data_dir, "--json", "status")
    study = next(item for item in json.loads(out)["studies"] if item["study"] == s.STUDY)
    assert study["interviews"]["purged"] == 40 and study["interviews"]["completed"] == 0
    s.seed(vault, 3, marker="SECOND")
    code, out, _ = etudes(capsys, vault_paths.data_dir, "--json", "sync")  # server and token were saved
    assert code == 0 and json.loads(out)["accepted"] == 3 and json.loads(out)["remaining"] == 0


def test_token_from_environment_and_clear_errors(vault, vault_paths, server, capsys, monkeypatch) -> None:
    running, token = server
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # restored as absent after the test
    s.seed(vault, 2)
    code, _, err = etudes(capsys, vault_paths.data_dir, "sync")
    assert code == 1 and "--server" in err and len(err.strip().splitlines()) == 1
    code, _, err = etudes(capsys, vault_paths.data_dir, "sync", "--server", running.url)
    assert code == 1 and "ETUDES_DEVICE_TOKEN" in err
    code, _, err = etudes(capsys, vault_paths.data_dir, "sync", "--token", "etd_faux")
    assert code == 1 and "ps" in err and "--token-file" in err and "etd_faux" not in err  # never from argv
    monkeypatch.setenv("ETUDES_DEVICE_TOKEN", "etd_faux")
    code, _, err = etudes(capsys, vault_paths.data_dir, "sync")
    assert code == 1 and "jeton" in err and "Traceback" not in err
    monkeypatch.delenv("ETUDES_DEVICE_TOKEN")
    assert s.states(vault) == {"completed": 2}
    code, _, err = etudes(capsys, vault_paths.data_dir, "sync", "--server", "ftp://x")
    assert code == 1 and "http://" in err
    monkeypatch.setenv("ETUDES_DEVICE_TOKEN", token)
    code, out, err = etudes(capsys, vault_paths.data_dir, "sync", "--study", s.STUDY)
    assert code == 0 and s.states(vault) == {}
    code, _, err = etudes(capsys, vault_paths.data_dir, "sync", "--study", "autre")
    assert code == 1 and "autre" in err


def test_a_cleartext_server_of_another_machine_is_refused_without_confirmation(vault, vault_paths, capsys,
                                                                               monkeypatch) -> None:
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # restored as absent after the test
    monkeypatch.setenv("ETUDES_DEVICE_TOKEN", "etd_abcdefghijklmnop")
    code, _, err = etudes(capsys, vault_paths.data_dir, "sync", "--server", "http://192.0.2.10:8765")
    assert code == 1 and "pas chiffrée" in err and len(err.strip().splitlines()) == 1


def test_a_laptop_clock_far_behind_the_server_is_said(vault, vault_paths, capsys, monkeypatch, tmp_path) -> None:
    from datetime import datetime, timedelta, timezone

    store = Store(sqlite_url(tmp_path / "server"), clock=lambda: datetime.now(timezone.utc) + timedelta(hours=2))
    _, token = store.enroll(s.STUDY, "portable-01")
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # restored as absent after the test
    monkeypatch.setenv("ETUDES_DEVICE_TOKEN", token)
    s.seed(vault, 2)
    with EmbeddedServer(store) as running:
        code, out, err = etudes(capsys, vault_paths.data_dir, "sync", "--server", running.url)
    store.close()
    assert code == 0, err
    assert "Horloge du poste en retard de 7200," in out and "vérifiez la date et l'heure du poste" in out
