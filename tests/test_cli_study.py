"""`etudes study check|preview|import|list`, run in process as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from etudes_desktop.cli import main
from etudes_desktop.core.xlsform_writer import write_xlsform
from tests.conftest import TEST_PASSPHRASE

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "studies" / "satisfaction_assures_2026.xlsx"
FR = "label::Français (fr)"


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def test_check_valid_form_exits_0(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "study", "check", str(DEMO)]) == 0
    assert "valide" in capsys.readouterr().out


def test_check_lists_every_problem_and_writes_nothing(tmp_path, capsys):
    form = write_xlsform(tmp_path / "mauvais.xlsx", [
        {"type": "integer", "name": "age", "label": "Âge"},
        {"type": "geotrace", "name": "ou", "label": "Par où ?"},
        {"type": "text", "name": "pourquoi", "label": "Pourquoi ?", "relevant": "${age} >"},
        {"type": "image", "name": "photo", "label": "Photo"},
    ])
    before = _files(tmp_path)
    code = main(["--data-dir", str(tmp_path / "d"), "study", "check", str(form)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert len(err) == 3
    assert err[0] == "survey, row 3, column type: type geotrace non pris en charge par l'application"
    assert err[1].startswith("survey, row 4, column relevant: expression invalide à la position")
    assert err[2] == "survey, row 5, column type: type image non pris en charge par l'application"
    assert not (tmp_path / "d" / "vault.db").exists()
    assert _files(tmp_path) - before == set()  # not even a log file


def test_check_expression_error_line(tmp_path, capsys):
    form = write_xlsform(tmp_path / "expr.xlsx", [
        {"type": "integer", "name": "age", "label": "Âge"},
        {"type": "text", "name": "pourquoi", "label": "Pourquoi ?", "relevant": "${age} >"},
    ])
    assert main(["study", "check", str(form)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("survey, row 3, column relevant: expression invalide à la position")


def test_check_missing_file_exits_1(tmp_path, capsys):
    assert main(["study", "check", str(tmp_path / "absent.xlsx")]) == 1
    assert "introuvable" in capsys.readouterr().err


def test_preview_contract_on_the_demo(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({
        "sexe": "femme", "tranche_age": "45_59", "region": "cor", "departement": "2B",
        "canaux": "telephone courrier", "motif": "remboursement", "nb_contacts": 80,
        "clarte_info": "4", "delai_remboursement": "2", "satisf_globale": "3", "recommandation": 6,
        "commentaire": "Mon numéro : 2 69 05 2A 123 456 67",
    }), encoding="utf-8")
    assert main(["study", "preview", str(DEMO), "--answers", str(answers), "--lang", "fr"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"visible", "values", "errors", "choices"}
    assert out["visible"][:6] == ["intro", "sexe", "tranche_age", "situation", "region", "departement"]
    assert "attente_tel" in out["visible"] and "attente_accueil" not in out["visible"]
    assert "nps_categorie" not in out["visible"] and "profil" not in out["visible"]
    assert out["values"] == {"nps_categorie": "detracteur", "score_satisfaction": 3}
    assert out["errors"]["nb_contacts"] == "Indiquez un nombre entre 1 et 50."
    assert "numéro de sécurité sociale" in out["errors"]["commentaire"] and "123" not in out["errors"]["commentaire"]
    assert "date_contact" not in out["errors"]
    assert out["choices"] == {"departement": ["2A", "2B"]}


def test_preview_with_repeats_and_lists(tmp_path, capsys):
    form = write_xlsform(tmp_path / "rep.xlsx", [
        {"type": "select_multiple c", "name": "canaux", FR: "Canaux"},
        {"type": "begin_repeat", "name": "enfant", FR: "Enfant"},
        {"type": "integer", "name": "age", FR: "Âge", "required": "yes"},
        {"type": "end_repeat"},
        {"type": "calculate", "name": "nb", "calculation": "count(${age})"},
    ], [{"list_name": "c", "name": "a", FR: "A"}, {"list_name": "c", "name": "b", FR: "B"}])
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"canaux": ["a", "b"], "enfant": [{"age": 4}, {}, {"age": 9}]}), encoding="utf-8")
    assert main(["study", "preview", str(form), "--answers", str(answers)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["visible"] == ["canaux", "age[1]", "age[2]", "age[3]"]
    assert out["values"] == {"nb": 3}
    assert out["errors"] == {"age[2]": "Cette question est obligatoire."}


def test_preview_languages(tmp_path, capsys):
    form = write_xlsform(tmp_path / "langues.xlsx", [
        {"type": "integer", "name": "age", FR: "Âge", "label::English (en)": "Age", "constraint": ". < 120",
         "constraint_message::Français (fr)": "Âge improbable", "constraint_message::English (en)": "Unlikely age"},
    ])
    answers = tmp_path / "a.json"
    answers.write_text('{"age": 300}', encoding="utf-8")
    assert main(["study", "preview", str(form), "--answers", str(answers), "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["errors"] == {"age": "Unlikely age"}
    assert main(["study", "preview", str(form), "--answers", str(answers), "--lang", "fr"]) == 0
    assert json.loads(capsys.readouterr().out)["errors"] == {"age": "Âge improbable"}
    assert main(["study", "preview", str(form), "--answers", str(answers), "--lang", "de"]) == 0
    captured = capsys.readouterr()
    assert "absente du formulaire" in captured.err and json.loads(captured.out)["errors"]["age"]
    plain = write_xlsform(tmp_path / "simple.xlsx", [{"type": "integer", "name": "age", "label": "Âge", "required": "yes"}])
    answers.write_text("{}", encoding="utf-8")
    assert main(["study", "preview", str(plain), "--answers", str(answers), "--lang", "fr"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and json.loads(captured.out)["errors"] == {"age": "Cette question est obligatoire."}


def test_import_and_list_through_the_vault(tmp_path, capsys, monkeypatch):
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import KdfParams, Vault

    data = tmp_path / "data"
    vault, _code = Vault.create(DataPaths.for_data_dir(data), TEST_PASSPHRASE, kdf=KdfParams.fast())
    vault.close()
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # each command removes it once read
    assert main(["--data-dir", str(data), "study", "import", str(DEMO)]) == 0
    assert "importée" in capsys.readouterr().out
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # each command removes it once read
    assert main(["--data-dir", str(data), "study", "import", str(DEMO)]) == 0
    assert "déjà à jour" in capsys.readouterr().out
    bad = write_xlsform(tmp_path / "bad.xlsx", [{"type": "audio", "name": "son", "label": "Son"}])
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # each command removes it once read
    assert main(["--data-dir", str(data), "study", "import", str(bad)]) == 1
    assert "type audio" in capsys.readouterr().err
    monkeypatch.setenv("ETUDES_PASSPHRASE", TEST_PASSPHRASE)  # each command removes it once read
    assert main(["--data-dir", str(data), "--json", "study", "list"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed] == ["satisfaction_assures_2026"]
    assert listed[0]["delivery_date"] == "2026-12-18" and listed[0]["retention_months"] == 6
    with Vault.open(DataPaths.for_data_dir(data), TEST_PASSPHRASE) as vault:
        from etudes_desktop.storage.studies import load_study

        stored = load_study(vault, "satisfaction_assures_2026")
        events = [row[0] for row in vault.conn.execute("SELECT event FROM audit ORDER BY id")]
    assert stored is not None and stored.notice.sha256 and stored.questionnaire.item_index()["recommandation"]
    assert events.count("study_created") == 1


def test_import_without_passphrase_is_refused(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "study", "import", str(DEMO)]) == 1
    assert "ETUDES_PASSPHRASE" in capsys.readouterr().err


def test_a_study_file_carrying_a_nir_is_refused_without_repeating_it(tmp_path, capsys):
    form = write_xlsform(tmp_path / "nir.xlsx", [
        {"type": "integer", "name": "age", "label": "Âge"},
        {"type": "text", "name": "comment", "label": "Exemple : 2 85 05 2A 006 084 12", "hint": "texte libre"},
    ])
    code = main(["--data-dir", str(tmp_path / "d"), "study", "check", str(form)])
    err = capsys.readouterr().err
    assert code == 1
    assert "survey, row 3, column comment" in err and "NIR" in err
    assert "084" not in err and "2A" not in err
    assert not (tmp_path / "d" / "vault.db").exists()
