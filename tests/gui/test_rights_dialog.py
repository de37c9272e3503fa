"""The rights dialog on a real vault: access and export, rectification, objection."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timezone

import pytest
from PySide6.QtCore import Qt

from etudes_desktop.core.interview import ConsentRecord, Decision, Mode, text_sha256
from etudes_desktop.gui.rights_dialog import RightsDialog
from etudes_desktop.gui.views.services import WorkspaceServices
from etudes_desktop.storage import audit
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import SuppressionList

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


@pytest.fixture
def people(vault) -> dict[str, str]:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) "
                     "VALUES ('sat', '1', 'Satisfaction 2026', '{}', ?)", (NOW.isoformat(),))
        for sample, last, first, phone, mail, town in (
                ("A1", "Garnier", "Lucie", "0612345678", "lucie.garnier@example.fr", "Lyon"),
                ("B2", "Roussel", "Paul", "0798765432", "paul.roussel@example.fr", "Nantes")):
            conn.execute("INSERT INTO respondent (study_id, sample_id, last_name, first_name, phone, email, town, "
                         "created_at) VALUES ('sat', ?, ?, ?, ?, ?, ?, ?)",
                         (sample, last, first, phone, mail, town, NOW.isoformat()))
    store = InterviewStore(vault, clock=lambda: NOW)
    store.set_profile("Claire Enquêtrice", "ENQ-07")
    ids = {}
    for sample in ("A1", "B2"):
        rid = vault.conn.execute("SELECT id FROM respondent WHERE sample_id = ?", (sample,)).fetchone()[0]
        interview = store.start("sat", "1", Mode.PHONE, respondent_id=rid)
        store.record_consent(interview, ConsentRecord(
            notice_id="n", notice_version="1", text_sha256=text_sha256("notice"), mode=Mode.PHONE,
            interviewer="ENQ-07", delivered_at=NOW, decided_at=NOW, decision=Decision.AGREES))
        store.save_answer(interview, "commentaire", f"réponse de {sample}")
        ids[sample] = interview
    return ids


def _dialog(qtbot, vault, *args, **kwargs) -> RightsDialog:
    dialog = RightsDialog(WorkspaceServices(vault=vault), *args, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_choose_from_the_list_then_access_and_export(qtbot, vault, people, tmp_path) -> None:
    out = tmp_path / "export"
    dialog = _dialog(qtbot, vault, folder_chooser=lambda _parent: out)
    assert not dialog.tabs.isEnabled()
    assert dialog.people_list.count() == 2
    qtbot.keyClicks(dialog.search_edit, "garn")
    assert [dialog.people_list.item(i).text() for i in range(dialog.people_list.count())] == ["A1 — GARNIER Lucie (Lyon)"]
    dialog.people_list.setCurrentRow(0)
    assert dialog.tabs.isEnabled()
    assert dialog.person_label.text() == "Personne : A1 — Lucie GARNIER · statut : En cours"
    assert not dialog.export_button.isEnabled()
    before = len(audit.entries(vault.conn))
    qtbot.mouseClick(dialog.access_button, Qt.MouseButton.LeftButton)
    shown = dialog.access_text.toPlainText()
    assert "Nom : Garnier" in shown and "réponse de A1" in shown and "Roussel" not in shown
    entries = audit.entries(vault.conn)
    assert len(entries) == before + 1 and entries[-1].event == "rights_access" and entries[-1].actor == "ENQ-07"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    txt, js = out / "acces-A1.txt", out / "acces-A1.json"
    assert txt.read_text(encoding="utf-8") == shown
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["contact"]["email"] == "lucie.garnier@example.fr" and "B2" not in js.read_text(encoding="utf-8")
    assert stat.S_IMODE(txt.stat().st_mode) == 0o600 and stat.S_IMODE(js.stat().st_mode) == 0o600
    assert dialog.access_message.text() == ("Export écrit : acces-A1.txt et acces-A1.json. À remettre à la personne, "
                                            "puis à supprimer de ce poste.")


def test_rectification_with_french_errors(qtbot, vault, people) -> None:
    dialog = _dialog(qtbot, vault, "sat", "A1")
    assert dialog.person is not None and dialog.person.sample_id == "A1"
    assert dialog.field_edits["phone"].text() == "06 12 34 56 78"
    dialog.rectify_button.click()
    assert dialog.rectify_message.text() == "Aucune modification à enregistrer."
    dialog.field_edits["email"].setText("pas-un-mail")
    dialog.rectify_button.click()
    assert dialog.rectify_message.text() == "E-mail : adresse e-mail invalide."
    assert dialog.rectify_message.property("role") == "error"
    dialog.field_edits["email"].setText("lucie.garnier@example.fr")
    dialog.field_edits["address"].setText("2 85 05 2A 006 084 12 rue X")
    dialog.rectify_button.click()
    assert "numéro de sécurité sociale" in dialog.rectify_message.text() and "084" not in dialog.rectify_message.text()
    dialog.field_edits["address"].setText("")
    dialog.field_edits["last_name"].clear()
    dialog.rectify_button.click()
    assert dialog.rectify_message.text() == "Nom : nom vide."
    dialog.field_edits["last_name"].setText("Garnier-Martin")
    qtbot.keyClicks(dialog.field_edits["town"], "-Villeurbanne")
    with qtbot.waitSignal(dialog.changed) as changed:
        dialog.rectify_button.click()
    assert changed.args == ["rectification"]
    assert dialog.rectify_message.text() == "Coordonnées corrigées : Nom, Commune."
    row = vault.conn.execute("SELECT last_name, town, email FROM respondent WHERE sample_id = 'A1'").fetchone()
    assert tuple(row) == ("Garnier-Martin", "Lyon-Villeurbanne", "lucie.garnier@example.fr")
    last = audit.entries(vault.conn)[-1]
    assert last.event == "rights_rectification" and last.counts == {"fields": 2}
    assert "Villeurbanne" not in json.dumps(last.as_dict())


def test_objection_needs_confirmation_then_erases(qtbot, vault, people) -> None:
    dialog = _dialog(qtbot, vault, "sat", "A1")
    dialog.tabs.setCurrentIndex(2)
    assert not dialog.object_button.isEnabled()
    dialog.object_button.click()  # disabled: nothing happens
    assert vault.conn.execute("SELECT status FROM respondent WHERE sample_id = 'A1'").fetchone()[0] == "in_progress"
    qtbot.mouseClick(dialog.confirm_check, Qt.MouseButton.LeftButton)
    assert dialog.object_button.isEnabled()
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.object_button, Qt.MouseButton.LeftButton)
    assert dialog.object_message.text() == ("Opposition enregistrée : 1 entretien non transmis et 1 réponse "
                                            "effacée ; la personne ne sera plus contactée.")
    row = vault.conn.execute("SELECT * FROM respondent WHERE sample_id = 'A1'").fetchone()
    assert row["status"] == "objected" and row["last_name"] is None and row["phone"] is None
    assert SuppressionList(vault).contains("sat", email="lucie.garnier@example.fr")
    assert vault.conn.execute("SELECT count(*) FROM answer WHERE interview_id = ?", (people["B2"],)).fetchone()[0] == 1
    assert dialog.person_label.text() == "Personne : A1 — coordonnées effacées · statut : Opposé"
    assert not dialog.rectify_button.isEnabled() and not dialog.confirm_check.isEnabled()
    assert dialog.people_list.currentItem().text() == "A1 — coordonnées effacées"
    assert audit.entries(vault.conn)[-1].event == "rights_objection"


def test_an_unknown_sample_id_is_said(qtbot, vault, people) -> None:
    dialog = _dialog(qtbot, vault)
    assert not dialog.select("sat", "Z9")
    assert dialog.person_label.text() == "Aucune personne d'identifiant « Z9 » dans cette étude."
    assert not dialog.tabs.isEnabled()


def test_rectification_names_every_error_at_once_and_normalises_phones_as_the_import(qtbot, vault, people) -> None:
    dialog = _dialog(qtbot, vault, "sat", "A1")
    dialog.field_edits["age"].setText("-3")
    dialog.field_edits["email"].setText("pas-un-mail")
    dialog.rectify_button.click()
    message = dialog.rectify_message.text()
    assert "Âge : âge négatif" in message and "E-mail : adresse e-mail invalide" in message
    row = vault.conn.execute("SELECT age, email FROM respondent WHERE sample_id = 'A1'").fetchone()
    assert row["email"] == "lucie.garnier@example.fr"  # nothing changed
    dialog.field_edits["age"].setText("47")
    dialog.field_edits["email"].setText("lucie.garnier@example.fr")
    dialog.field_edits["phone"].setText("+33 6.12.34.56.79")
    dialog.rectify_button.click()
    assert vault.conn.execute("SELECT phone FROM respondent WHERE sample_id = 'A1'").fetchone()[0] == "0612345679"
