"""`etudes study print`: the paper form of a study of the vault or of a form file, and its refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

from etudes_desktop.cli import main
from etudes_desktop.core.study import MANDATORY_MENTION
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.vault import KdfParams, Vault
from tests.conftest import TEST_PASSPHRASE

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "studies" / "satisfaction_assures_2026.xlsx"


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def _vault_with_demo(tmp_path: Path, monkeypatch) -> Path:
    data = tmp_path / "data"
    Vault.create(DataPaths.for_data_dir(data), TEST_PASSPHRASE, kdf=KdfParams.fast())[0].close()
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["--data-dir", str(data), "study", "import", str(DEMO)]) == 0
    return data


def test_print_a_study_of_the_vault(tmp_path, capsys, monkeypatch):
    data = _vault_with_demo(tmp_path, monkeypatch)
    capsys.readouterr()
    out = tmp_path / "papier.pdf"
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["--data-dir", str(data), "--json", "study", "print", "satisfaction_assures_2026", "--out", str(out)]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["study"] == "satisfaction_assures_2026" and said["questions"] == 24
    text = _text(out)
    assert " ".join(MANDATORY_MENTION.split()) in text
    assert "24. Avez-vous un commentaire ou une suggestion ?" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".etudes-")] == []  # no temporary left


def test_print_an_unknown_study_says_so_in_french(tmp_path, capsys, monkeypatch):
    data = _vault_with_demo(tmp_path, monkeypatch)
    capsys.readouterr()
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)
    out = tmp_path / "papier.pdf"
    assert main(["--data-dir", str(data), "study", "print", "inconnue", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "etudes: étude inconnue : « inconnue » (voir etudes study list)"
    assert not out.exists()


def test_print_a_form_file_without_a_vault_and_in_another_language(tmp_path, capsys):
    out = tmp_path / "papier.pdf"
    assert main(["--data-dir", str(tmp_path / "d"), "study", "print", str(DEMO), "--out", str(out), "--lang", "de"]) == 0
    captured = capsys.readouterr()
    assert "absente du formulaire" in captured.err and "24 questions" in captured.out
    assert "1. Vous êtes : *" in _text(out)
    assert not (tmp_path / "d" / "vault.db").exists()


def test_an_unwritable_destination_is_refused_without_traceback(tmp_path, capsys):
    missing = tmp_path / "absent" / "papier.pdf"
    assert main(["study", "print", str(DEMO), "--out", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("etudes: dossier introuvable pour papier.pdf") and "Traceback" not in err
    folder = tmp_path / "dossier.pdf"
    folder.mkdir()
    assert main(["study", "print", str(DEMO), "--out", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("etudes: impossible d'écrire dossier.pdf : c'est un dossier") and "Traceback" not in err
    assert list(tmp_path.glob(".etudes-*")) == [] and list(folder.iterdir()) == []


def test_a_broken_form_file_lists_its_problems(tmp_path, capsys):
    from etudes_desktop.core.xlsform_writer import write_xlsform

    bad = write_xlsform(tmp_path / "bad.xlsx", [{"type": "audio", "name": "son", "label": "Son"}])
    assert main(["study", "print", str(bad), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "type audio" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
