"""`etudes vault ...` through a real subprocess: exit codes, one French line, no secrets in argv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from etudes_desktop.paths import DataPaths
from tests.conftest import TEST_PASSPHRASE
from tests.storage.helpers import make_vault

REPO = Path(__file__).resolve().parents[1]
NEW = "Autre-Phrase-De-Passe-9?"


def etudes(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ETUDES_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "etudes_desktop.cli", "--data-dir", str(data_dir), *args],
        cwd=REPO, env=environment, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )


def one_french_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("etudes: "), result.stderr
    assert "Traceback" not in result.stderr and "hmac" not in result.stderr.lower()
    return lines[0]


@pytest.fixture
def initialised(tmp_path) -> tuple[Path, str]:
    """A vault made in-process with the cheap KDF (the CLI then uses the slot's parameters)."""
    data = tmp_path / "data"
    return data, make_vault(DataPaths(data, data / "logs"), rows=3)


def test_init_prints_the_recovery_code_once_and_check_says_ok(tmp_path):
    data = tmp_path / "data"
    result = etudes(data, "vault", "init", ETUDES_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    code_lines = [line.strip() for line in result.stdout.splitlines() if line.strip().count("-") == 7]
    assert len(code_lines) == 1 and "récupération" in result.stdout
    check = etudes(data, "vault", "check", ETUDES_PASSPHRASE=TEST_PASSPHRASE)
    assert check.returncode == 0 and check.stdout.strip() == "OK"
    assert code_lines[0] not in check.stdout
    again = etudes(data, "vault", "init", ETUDES_PASSPHRASE=TEST_PASSPHRASE)
    assert "existe déjà" in one_french_line(again)
    recovered = etudes(data, "--json", "vault", "recover", ETUDES_RECOVERY_CODE=code_lines[0], ETUDES_NEW_PASSPHRASE=NEW)
    assert json.loads(recovered.stdout) == {"status": "recovered"}


def test_check_json_reports_pragmas(initialised):
    data, _code = initialised
    result = etudes(data, "--json", "vault", "check", ETUDES_PASSPHRASE=TEST_PASSPHRASE)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["ok"] and report["pragmas"]["temp_store"] == 2


def test_weak_passphrase_is_refused_with_what_would_be_accepted(tmp_path):
    line = one_french_line(etudes(tmp_path / "d", "vault", "init", ETUDES_PASSPHRASE="court"))
    assert "12 caractères" in line and "7 mots" in line
    assert not (tmp_path / "d" / "vault.db").exists()


def test_wrong_passphrase_and_missing_vault(initialised, tmp_path):
    data, _ = initialised
    assert "incorrecte" in one_french_line(etudes(data, "vault", "check", ETUDES_PASSPHRASE="Pas-la-bonne-2026!"))
    assert "aucun coffre" in one_french_line(etudes(tmp_path / "none", "vault", "check", ETUDES_PASSPHRASE=TEST_PASSPHRASE))


@pytest.mark.parametrize("where", ["first-page", "last-page"])
def test_corrupted_vault_gives_one_line_and_no_library_noise(initialised, where):
    """Page 1 damage makes SQLCipher log "hmac check failed" to stderr unless silenced."""
    data, _ = initialised
    db = data / "vault.db"
    raw = bytearray(db.read_bytes())
    raw[100 if where == "first-page" else len(raw) - 3000] ^= 0x55
    db.write_bytes(bytes(raw))
    line = one_french_line(etudes(data, "vault", "check", ETUDES_PASSPHRASE=TEST_PASSPHRASE))
    assert "endommagé" in line


def test_no_passphrase_and_no_terminal_is_refused(initialised):
    data, _ = initialised
    assert "ETUDES_PASSPHRASE" in one_french_line(etudes(data, "vault", "check"))


def test_passwd_then_recover(initialised):
    data, code = initialised
    ok = etudes(data, "vault", "passwd", ETUDES_PASSPHRASE=TEST_PASSPHRASE, ETUDES_NEW_PASSPHRASE=NEW)
    assert ok.returncode == 0, ok.stderr
    assert "incorrecte" in one_french_line(etudes(data, "vault", "check", ETUDES_PASSPHRASE=TEST_PASSPHRASE))
    assert etudes(data, "vault", "check", ETUDES_PASSPHRASE=NEW).returncode == 0
    bad = etudes(data, "vault", "recover", ETUDES_RECOVERY_CODE="AAAA-BBBB", ETUDES_NEW_PASSPHRASE=TEST_PASSPHRASE)
    assert "récupération" in one_french_line(bad)
    recovered = etudes(data, "vault", "recover", ETUDES_RECOVERY_CODE=code, ETUDES_NEW_PASSPHRASE=TEST_PASSPHRASE)
    assert recovered.returncode == 0, recovered.stderr
    assert etudes(data, "vault", "check", ETUDES_PASSPHRASE=TEST_PASSPHRASE).returncode == 0


def test_secrets_are_never_arguments(initialised):
    data, _ = initialised
    for args in (("vault", "check", "--passphrase", TEST_PASSPHRASE), ("vault", "check", TEST_PASSPHRASE)):
        result = etudes(data, *args, ETUDES_PASSPHRASE=TEST_PASSPHRASE)
        assert result.returncode == 2 and "Traceback" not in result.stderr
    assert etudes(data, "vault").returncode == 2


def test_logs_hold_no_secret(initialised):
    data, code = initialised
    etudes(data, "vault", "check", ETUDES_PASSPHRASE="Pas-la-bonne-2026!")
    etudes(data, "vault", "check", ETUDES_PASSPHRASE=TEST_PASSPHRASE)
    text = "".join(p.read_text() for p in (data / "logs").glob("*"))
    assert "vault opened" in text and "WrongPassphrase" in text
    for secret in (TEST_PASSPHRASE, "Pas-la-bonne-2026!", code, code.replace("-", "")):
        assert secret not in text
