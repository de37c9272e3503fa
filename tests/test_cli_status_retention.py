"""`etudes status`, `etudes retention run` and `etudes audit` against a real vault."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timezone

import pytest

from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.vault import KdfParams, Vault

PASSPHRASE = "Collecte-Terrain-2026!"
NOW = datetime(2026, 11, 29, tzinfo=UTC).isoformat()


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "poste"
    vault, _ = Vault.create(DataPaths.for_data_dir(folder), PASSPHRASE, kdf=KdfParams.fast())
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at, delivery_date) "
                     "VALUES ('sat', '1', 'Satisfaction', '{}', ?, '2026-04-01')", (NOW,))
        for n, state in enumerate(("draft", "completed", "completed", "objected")):
            conn.execute("INSERT INTO interview (id, study_id, study_version, mode, state, created_at, updated_at) "
                         "VALUES (?, 'sat', '1', 'phone', ?, ?, ?)", (f"i{n}", state, NOW, NOW))
        conn.execute("INSERT INTO respondent (study_id, sample_id, last_name, created_at) VALUES ('sat', 'A1', 'Moreau', ?)", (NOW,))
    vault.close()
    return folder


def _etudes(folder, *args, passphrase=PASSPHRASE):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETUDES_")}
    if passphrase is not None:
        env["ETUDES_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "etudes_desktop.cli", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60)


def test_status_json_counts_interviews_by_state(data):
    result = _etudes(data, "--json", "status")
    assert result.returncode == 0, result.stderr
    [study] = json.loads(result.stdout)["studies"]
    assert study["study"] == "sat" and study["respondents"] == 1
    assert study["interviews"]["draft"] == 1 and study["interviews"]["completed"] == 2
    assert study["interviews"]["objected"] == 1 and study["interviews"]["purged"] == 0


def test_retention_run_then_audit_shows_counts_and_no_names(data):
    result = _etudes(data, "--json", "retention", "run", "--today", "2026-11-29")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["destroyed"]["sat"] == {"respondents": 1, "drafts": 1, "call_attempts": 0}
    audit = _etudes(data, "--json", "audit")
    assert audit.returncode == 0
    events = json.loads(audit.stdout)
    assert [e["event"] for e in events][-1] == "retention_destroyed"
    assert "Moreau" not in audit.stdout


def test_wrong_passphrase_and_bad_date_are_one_clear_line(data):
    wrong = _etudes(data, "status", passphrase="pas la bonne phrase")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1
    bad = _etudes(data, "retention", "run", "--today", "29/11/2026")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    missing = _etudes(data, "status", passphrase=None)
    assert missing.returncode == 1 and "ETUDES_PASSPHRASE" in missing.stderr


def test_rights_access_rectify_object_from_the_command_line(data, tmp_path):
    out = tmp_path / "export"
    access = _etudes(data, "rights", "access", "sat", "A1", "--out", str(out))
    assert access.returncode == 0, access.stderr
    assert "Moreau" in (out / "acces-A1.txt").read_text(encoding="utf-8")
    rectify = _etudes(data, "rights", "rectify", "sat", "A1", "--set", "town=Nantes")
    assert rectify.returncode == 0, rectify.stderr
    shown = json.loads(_etudes(data, "--json", "rights", "access", "sat", "A1").stdout)
    assert shown["contact"]["town"] == "Nantes"
    objected = _etudes(data, "--json", "rights", "object", "sat", "A1")
    assert objected.returncode == 0, objected.stderr
    after = json.loads(_etudes(data, "--json", "rights", "access", "sat", "A1").stdout)
    assert after["contact"]["last_name"] is None and after["status"] == "objected"
    unknown = _etudes(data, "rights", "access", "sat", "NOPE")
    assert unknown.returncode == 1 and "aucune personne" in unknown.stderr


def test_study_set_delivery_date_drives_retention(data):
    result = _etudes(data, "--json", "study", "set", "sat", "--delivery-date", "2026-10-15", "--retention-months", "3")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["destroy_on"] == "2027-01-15"
    assert _etudes(data, "--json", "retention", "run", "--today", "2026-12-01").stdout.count('"sat"') == 0
    longer = _etudes(data, "study", "set", "sat", "--delivery-date", "2026-10-15", "--retention-months", "9")
    assert longer.returncode == 1 and "entre 0 et 6" in longer.stderr
    unknown = _etudes(data, "study", "set", "nope", "--delivery-date", "2026-10-15")
    assert unknown.returncode == 1 and "inconnue" in unknown.stderr


def test_a_path_like_sample_id_is_refused_cleanly_and_the_export_gives_full_paths(data, tmp_path):
    out = tmp_path / "export"
    evil = _etudes(data, "rights", "access", "sat", "A/../../evil", "--out", str(out))
    assert evil.returncode == 1 and "Traceback" not in evil.stderr and "erreur interne" not in evil.stderr
    assert len(evil.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "evil.txt").exists() and not list(tmp_path.parent.glob("*evil*"))
    good = _etudes(data, "rights", "access", "sat", "A1", "--out", str(out))
    assert str((out / "acces-A1.txt").resolve()) in good.stdout
    assert oct(os.stat(out / "acces-A1.json").st_mode & 0o777) == "0o600"
