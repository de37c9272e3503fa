"""`etudes sample import|mapping|count` against a real vault, as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timezone

import pytest

from etudes_desktop.core.nir import nir_key
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.vault import KdfParams, Vault

PASSPHRASE = "Collecte-Terrain-2026!"
NOW = datetime(2026, 3, 1, tzinfo=UTC).isoformat()
HEADER = "Identifiant;Nom;Prénom;Âge;Téléphone;Commentaire"
ROWS = ["A1;Lefèvre;Hélène;54;06 12 34 56 78;RAS", "A2;Dupont;José;71;+33 4 74 11 22 33;"]
BODY = "2690299350254"
NIR = BODY + f"{nir_key(BODY):02d}"


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "poste"
    vault, _ = Vault.create(DataPaths.for_data_dir(folder), PASSPHRASE, kdf=KdfParams.fast())
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) VALUES ('sat', '1', 'Satisfaction', '{}', ?)", (NOW,))
    vault.close()
    return folder


def etudes(folder, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETUDES_")}
    env["ETUDES_PASSPHRASE"] = PASSPHRASE
    return subprocess.run([sys.executable, "-m", "etudes_desktop.cli", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60)


def csv_file(tmp_path, lines, name="echantillon.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def count(folder):
    result = etudes(folder, "--json", "sample", "count", "sat")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["respondents"]


def test_import_then_count(data, tmp_path):
    result = etudes(data, "sample", "import", "sat", str(csv_file(tmp_path, [HEADER, *ROWS], encoding="cp1252")))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2 répondants importés dans l'étude sat"
    assert count(data) == 2


def test_nir_file_is_refused_with_rows_and_columns_and_never_the_number(data, tmp_path):
    path = csv_file(tmp_path, [HEADER, *ROWS, f"A3;Petit;Lou;33;;sécu {NIR[:7]} {NIR[7:]}"])
    result = etudes(data, "sample", "import", "sat", str(path), "--partial")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "ligne 4, colonne Commentaire : numéro de sécurité sociale (NIR)" in result.stderr
    assert BODY not in result.stderr.replace(" ", "") and BODY not in result.stdout
    assert count(data) == 0
    logs = "".join(p.read_text(encoding="utf-8") for p in DataPaths.for_data_dir(data).log_dir.glob("*.log*"))
    assert "sample import refused" in logs
    for value in (BODY, NIR[:7], "Lefèvre", "Hélène", "0612345678", "06 12 34 56 78", "Lou"):
        assert value not in logs


def test_invalid_rows_all_or_nothing_then_partial(data, tmp_path):
    path = csv_file(tmp_path, [HEADER, *ROWS, "A3;;Lou;trente;;"])
    refused = etudes(data, "sample", "import", "sat", str(path))
    assert refused.returncode == 1
    assert "ligne 4, colonne Nom : nom vide" in refused.stderr
    assert "ligne 4, colonne Âge : âge non numérique" in refused.stderr
    assert count(data) == 0
    partial = etudes(data, "--json", "sample", "import", "sat", str(path), "--partial")
    assert partial.returncode == 0, partial.stderr
    report = json.loads(partial.stdout)
    assert (report["imported"], report["rejected"]) == (2, 1)
    assert report["problems"] == ["ligne 4, colonne Nom : nom vide", "ligne 4, colonne Âge : âge non numérique"]
    assert count(data) == 2


def test_guessed_mapping_edited_and_passed_back(data, tmp_path):
    path = csv_file(tmp_path, [HEADER, *ROWS])
    shown = etudes(data, "sample", "mapping", str(path))
    assert shown.returncode == 0, shown.stderr
    mapping = json.loads(shown.stdout)
    assert mapping["columns"]["Prénom"] == "first_name" and mapping["columns"]["Commentaire"] == "attribute"
    mapping["columns"]["Commentaire"] = "ignore"
    map_file = tmp_path / "map.json"
    map_file.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    result = etudes(data, "--json", "sample", "import", "sat", str(path), "--mapping", str(map_file))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["mapping"]["Commentaire"] == "ignore"


def test_bad_mapping_unknown_study_and_missing_file(data, tmp_path):
    path = csv_file(tmp_path, [HEADER, *ROWS])
    bad = tmp_path / "bad.json"
    bad.write_text('{"Identifiant": "sample_id", "Nom": "nir"}', encoding="utf-8")
    result = etudes(data, "sample", "import", "sat", str(path), "--mapping", str(bad))
    assert result.returncode == 1 and "destination inconnue" in result.stderr
    result = etudes(data, "sample", "import", "inconnue", str(path))
    assert result.returncode == 1 and "étude inconnue : inconnue" in result.stderr
    result = etudes(data, "sample", "import", "sat", str(tmp_path / "absent.csv"))
    assert result.returncode == 1 and "fichier introuvable" in result.stderr


def test_usage_errors_exit_2(data):
    result = etudes(data, "sample", "import", "sat")
    assert result.returncode == 2
