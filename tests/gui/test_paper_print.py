"""Coffre > « Imprimer le questionnaire (PDF)… »: the current study's paper form, written where the user chose."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from etudes_desktop.core.study import MANDATORY_MENTION
from etudes_desktop.core.study_load import load_package
from etudes_desktop.paths import resource_path
from etudes_desktop.storage.studies import save_study
from etudes_desktop.storage.vault import Vault
from tests.gui.conftest import GOOD_PASSPHRASE
from tests.gui.test_interview_host import _unlock

STUDY = "satisfaction_assures_2026"


def _vault_with_the_demo_study(paths, kdf) -> None:
    vault, _code = Vault.create(paths, GOOD_PASSPHRASE, kdf=kdf)
    save_study(vault, load_package(resource_path("studies", f"{STUDY}.xlsx")))
    vault.close()


def _print_action(controller):
    (action,) = [a for a in controller.window.vault_menu.actions() if a.text() == "Imprimer le questionnaire (PDF)…"]
    return action


def test_the_menu_entry_writes_the_paper_form_of_the_current_study(make_controller, paths, kdf, qtbot, tmp_path,
                                                                   monkeypatch):
    _vault_with_the_demo_study(paths, kdf)
    controller = make_controller(paths)
    _unlock(qtbot, controller)
    out = tmp_path / "papier.pdf"
    asked = []

    def choose(parent, caption, suggested, filters):
        asked.append((caption, suggested, filters))
        return str(out), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    action = _print_action(controller)
    assert action.isEnabled()
    controller.workspace.select_study(STUDY)
    action.trigger()
    assert asked and asked[0][1].endswith(f"{STUDY}-questionnaire-papier.pdf") and "*.pdf" in asked[0][2]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert " ".join(MANDATORY_MENTION.split()) in text and "1. Vous êtes : *" in text
    assert controller.window.statusBar().currentMessage() == f"Questionnaire papier enregistré : {out}"
    controller.lock()
    assert not action.isEnabled()  # nothing to print from a locked vault


def test_a_folder_chosen_as_the_file_is_refused_in_words(make_controller, paths, kdf, qtbot, tmp_path):
    _vault_with_the_demo_study(paths, kdf)
    controller = make_controller(paths)
    _unlock(qtbot, controller)
    folder = tmp_path / "dossier.pdf"
    folder.mkdir()
    said = controller.print_questionnaire(STUDY, folder)
    assert said == ("Questionnaire non enregistré : impossible d'écrire dossier.pdf : c'est un dossier, "
                    "donnez un nom de fichier .pdf")
    assert list(folder.iterdir()) == [] and controller.window.statusBar().currentMessage() == said
    assert controller.print_questionnaire("inconnue", tmp_path / "x.pdf") == "Étude introuvable dans le coffre."
    assert not (tmp_path / "x.pdf").exists()
