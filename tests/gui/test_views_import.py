"""Importing from the window: a study (XLSForm) and a sample file, accepted and refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.bench_views import insert_study
from etudes_desktop.core.xlsform_writer import write_xlsform
from etudes_desktop.gui.views import WorkspaceServices, WorkspaceView

FR = "label::Français (fr)"
STUDY = "bench-2026"
HEADER = "Identifiant;Civilité;Nom;Prénom;Âge;Code postal;Ville;Téléphone;Nb actes 2025"


@pytest.fixture
def workspace(qtbot, pool, vault) -> Iterator[WorkspaceView]:
    """The workspace on a real vault; the sample dialogs it opens are closed at teardown."""
    view = WorkspaceView(WorkspaceServices(vault=vault, pool=pool))
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    yield view
    if view.controller.sample_dialog is not None:
        view.controller.sample_dialog.close()


def _form(path: Path, **settings: str) -> Path:
    survey = [{"type": "text", "name": "avis", FR: "Votre avis sur l'accueil ?"},
              {"type": "integer", "name": "attente", FR: "Minutes d'attente", "relevant": settings.pop("relevant", "")}]
    return write_xlsform(path, survey, [{"list_name": "oui", "name": "1", FR: "Oui"}],
                         {"form_id": "accueil-2026", "form_title": "Accueil en agence 2026", **settings})


def _studies(vault) -> list[tuple]:
    return [tuple(r) for r in vault.conn.execute("SELECT id, version, title, package_json FROM study ORDER BY id")]


def test_importing_an_xlsform_from_the_window_stores_and_selects_the_study(workspace, vault, tmp_path):
    workspace.import_study_file(_form(tmp_path / "accueil.xlsx", version="3"))
    assert [(s[0], s[1], s[2]) for s in _studies(vault)] == [("accueil-2026", "3", "Accueil en agence 2026")]
    assert workspace.studies.study_titles() == ["Accueil en agence 2026"]
    assert workspace.current_study_id() == "accueil-2026"
    assert workspace.message_label.text() == "Étude « Accueil en agence 2026 » importée."
    assert not workspace.problems.isVisible()
    assert workspace.respondents.empty_label.isVisible()  # no sample yet: says what to do
    assert "Importez le fichier d'échantillon" in workspace.respondents.empty_label.text()
    workspace.import_study_file(tmp_path / "accueil.xlsx")
    assert "déjà à jour" in workspace.message_label.text()


def test_a_refused_form_lists_its_problems_in_french_and_changes_nothing(workspace, vault, tmp_path):
    insert_study(vault)
    workspace.refresh()
    before = _studies(vault)
    workspace.import_study_file(_form(tmp_path / "mauvais.xlsx", modes="bateau", retention_months="12"))
    assert _studies(vault) == before
    assert workspace.problems.isVisible()
    assert workspace.problems.title_label.text() == (
        "« mauvais.xlsx » refusé : 2 problèmes à corriger dans le fichier. Rien n'a été importé.")
    lines = workspace.problems.lines()
    assert lines[0].startswith("feuille settings, ligne 2, colonne modes : mode inconnu « bateau »")
    assert lines[1].startswith("feuille settings, ligne 2, colonne retention_months : ")
    assert "au plus 6 mois" in lines[1]
    workspace.import_study_file(_form(tmp_path / "logique.xlsx", relevant="${absent} > 2"))
    assert workspace.problems.lines() == [
        "feuille survey, ligne 3, colonne relevant : ${absent} ne désigne aucune question du formulaire"]
    assert _studies(vault) == before
    assert workspace.studies.study_titles() == ["Satisfaction des assurés 2026"]
    workspace.problems.close_button.click()
    assert not workspace.problems.isVisible()


def test_a_missing_or_unreadable_file_is_refused_plainly(workspace, vault, tmp_path):
    workspace.import_study_file(tmp_path / "absent.xlsx")
    assert workspace.problems.lines() == ["fichier : fichier introuvable : absent.xlsx"]
    junk = tmp_path / "notes.json"
    junk.write_text("{pas du json", encoding="utf-8")
    workspace.import_study_file(junk)
    assert workspace.problems.lines()[0].startswith("notes.json")
    assert "JSON illisible" in workspace.problems.lines()[0]
    assert _studies(vault) == []


# -- the sample import dialog --------------------------------------------------------------------
def _csv(path: Path, rows: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding=encoding)
    return path


def _good_rows(count: int) -> list[str]:
    names = ["Lefèvre;Hélène", "Dubois;José", "Martin;Zoé", "Noël;Anaïs"]
    return [f"E{n:05d};Mme;{names[n % 4]};{30 + n % 50};75011;Paris;06 12 34 {n % 100:02d} {n // 100 % 100:02d};{n % 7}"
            for n in range(count)]


def _respondents(vault) -> list[tuple]:
    return [tuple(r) for r in vault.conn.execute(
        "SELECT sample_id, last_name, first_name, age, phone, attributes_json FROM respondent ORDER BY sample_id")]


def test_sample_import_shows_the_guessed_mapping_and_imports_every_row(workspace, vault, tmp_path):
    insert_study(vault)
    workspace.refresh()
    dialog = workspace.open_sample_import(_csv(tmp_path / "echantillon.csv", _good_rows(1200), "cp1252"))
    assert dialog is not None and dialog.isVisible()
    shown = {dialog.mapping_table.cellWidget(r, 0).text(): dialog.mapping_table.cellWidget(r, 1).currentText()
             for r in range(dialog.mapping_table.rowCount())}
    assert shown == {"Identifiant": "Identifiant", "Civilité": "Civilité", "Nom": "Nom", "Prénom": "Prénom",
                     "Âge": "Âge", "Code postal": "Code postal", "Ville": "Commune", "Téléphone": "Téléphone",
                     "Nb actes 2025": "Attribut d'étude"}
    dialog.set_target("Âge", "ignore")  # the person decides the age is not needed
    dialog.import_button.click()
    rows = _respondents(vault)
    assert len(rows) == 1200 and rows[0][:3] == ("E00000", "Lefèvre", "Hélène")
    assert {r[3] for r in rows} == {None} and rows[1][4] == "0612340100"
    assert dialog.status_label.text() == "1200 répondants importés dans l'étude bench-2026."
    assert workspace.respondents.model.rowCount() == 1200
    assert workspace.message_label.text() == "1200 répondants importés dans l'étude bench-2026."
    assert workspace.counters.values()["to_contact"] == "1\u202f200"
    saved = vault.conn.execute("SELECT sample_mapping_json FROM study WHERE id = ?", (STUDY,)).fetchone()[0]
    assert '"Âge": "ignore"' in saved


def test_a_file_with_bad_rows_imports_nothing_unless_valid_rows_are_asked_for(workspace, vault, tmp_path):
    insert_study(vault)
    workspace.refresh()
    rows = _good_rows(20)
    rows[2] = "E00002;Mme;;Zoé;41;75011;Paris;0612345678;1"  # no last name
    rows[5] = "E00005;M.;Durand;Paul;quarante;75011;Paris;0612345678;1"  # age not a number
    rows[9] = "E00001;M.;Petit;Léo;50;75011;Paris;0612345678;1"  # duplicate id
    dialog = workspace.open_sample_import(_csv(tmp_path / "lignes.csv", rows))
    dialog.check_button.click()
    problems = dialog.problem_lines()
    assert "Fichier refusé" in dialog.status_label.text() and _respondents(vault) == []
    assert any(p.startswith("ligne 4, colonne Nom : ") for p in problems)
    assert any(p.startswith("ligne 7, colonne Âge : ") for p in problems)
    assert any(p.startswith("ligne 11, colonne Identifiant : identifiant en double") for p in problems)
    dialog.import_button.click()
    assert _respondents(vault) == [] and dialog.problems_list.isVisible()
    dialog.partial.click()
    dialog.import_button.click()
    imported = {r[0] for r in _respondents(vault)}
    assert len(imported) == 16 and not imported & {"E00002", "E00005", "E00001"}
    assert "4 lignes rejetées" in dialog.status_label.text()
    assert any(p.startswith("ligne 4, colonne Nom : ") for p in dialog.problem_lines())


def test_a_sample_carrying_a_nir_is_refused_whole_without_repeating_it(workspace, vault, tmp_path):
    insert_study(vault)
    workspace.refresh()
    rows = _good_rows(5)
    nir = "2 84 05 2A 004 012 73"
    rows[3] = rows[3].replace("75011;Paris", f"75011;Paris {nir}")
    dialog = workspace.open_sample_import(_csv(tmp_path / "nir.csv", rows))
    dialog.partial.click()
    dialog.import_button.click()
    assert _respondents(vault) == []
    assert "numéro de sécurité sociale (NIR)" in dialog.status_label.text()
    assert dialog.problem_lines() and dialog.problem_lines()[0].startswith("ligne 5, colonne Ville")
    assert not any("2A" in line or "004" in line for line in dialog.problem_lines())


def test_an_unreadable_sample_file_is_explained(workspace, vault, tmp_path):
    insert_study(vault)
    workspace.refresh()
    odd = tmp_path / "echantillon.pdf"
    odd.write_bytes(b"%PDF-1.4")
    dialog = workspace.open_sample_import(odd)
    assert dialog.status_label.text() == "Fichier refusé."
    assert "format de fichier non pris en charge" in dialog.problem_lines()[0]
    assert not dialog.import_button.isEnabled()


def test_the_form_is_checked_in_the_background_and_stored_on_return(qtbot, vault, tmp_path):
    """The real thread pool: the window stays responsive while the form is read."""
    view = WorkspaceView(WorkspaceServices(vault=vault))  # no pool given: Qt's global pool
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.importer.imported, timeout=30_000) as blocker:
        view.import_study_file(_form(tmp_path / "accueil.xlsx"))
        assert view.message_label.text() == "Vérification de « accueil.xlsx »…"
    assert blocker.args == ["accueil-2026", "created"]
    assert [s[0] for s in _studies(vault)] == ["accueil-2026"]
    assert view.studies.study_titles() == ["Accueil en agence 2026"]


def test_a_large_sample_imports_in_the_background_with_a_moving_progress_bar(qtbot, vault, tmp_path):
    insert_study(vault)
    view = WorkspaceView(WorkspaceServices(vault=vault))  # Qt's global pool: the window stays live
    qtbot.addWidget(view)
    view.show()
    dialog = view.open_sample_import(_csv(tmp_path / "grand.csv", _good_rows(5000)))
    qtbot.addWidget(dialog)
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.import_button.click()
        assert dialog.progress.isVisible() and not dialog.import_button.isEnabled()
    assert progress and 0 < max(progress) <= 1000
    assert not dialog.progress.isVisible() and dialog.import_button.isEnabled()
    assert dialog.status_label.text() == "5000 répondants importés dans l'étude bench-2026."
    assert len(_respondents(vault)) == 5000 and view.respondents.model.rowCount() == 5000


def test_one_sample_dialog_per_study(workspace, vault, tmp_path):
    insert_study(vault)
    workspace.refresh()
    first = workspace.open_sample_import()
    again = workspace.open_sample_import(_csv(tmp_path / "e.csv", _good_rows(3)))
    assert again is first and first.file_label.text() == "e.csv"
    first.close_button.click()
    assert workspace.controller.sample_dialog is None
