"""The whole loop, as an interviewer goes through it, in the real application (issue 4 "Tests",
issue 5 point 4).

First run on an empty data folder (create the vault, note the recovery code), import the demo
study and a sample from the window, set the profile and sign the commitment, one interview per
mode through the notice to completion, one objection; quit and start again (locked, unlock,
everything there); synchronise from the panel with the embedded server on 127.0.0.1: the
completed interviews are acknowledged and purged, the objection travels as a consent record
only, the server holds each once, and no name of the sample is left in the vault.

Keys and clicks through pytest-qt; no mock of project code. The launcher's dialogs (profile,
commitment, start) are the real ones, filled by `Person` instead of a blocking exec(): the
launcher takes them as parameters for that, and the controller takes the launcher's factory.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from etudes_desktop.core.interview import Mode, State
from etudes_desktop.demo.server import DEMO_STUDY_ID, configure_vault
from etudes_desktop.gui.commitment import CommitmentDialog
from etudes_desktop.gui.controller import SYNC_VIEW, WORKSPACE_VIEW
from etudes_desktop.gui.interview.launcher import InterviewLauncher
from etudes_desktop.gui.interview_host import INTERVIEW_VIEW
from etudes_desktop.gui.profile import ProfileDialog
from etudes_desktop.gui.start_interview import StartInterviewDialog
from etudes_desktop.gui.unlock import UnlockScreen
from etudes_desktop.gui.vault_create import VaultCreateScreen
from etudes_desktop.paths import resource_path
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.vault import Vault
from tests.gui.conftest import GOOD_PASSPHRASE
from tests.gui.interview_support import give

DEMO_STUDY = resource_path("studies", "satisfaction_assures_2026.xlsx")
STUDY_TITLE = "Satisfaction des assurés 2026 – contacts avec la caisse"

# Five fictitious people; their names, phones and towns must all be gone after the sync.
PEOPLE = [
    # sample id, title, last name, first name, age, postcode, town, phone
    ("S0001", "Mme", "Quéméner", "Maëlle", "41", "29200", "Brest", "06 11 22 33 44"),
    ("S0002", "M.", "Abgrall", "Yannick", "58", "29000", "Quimper", "06 55 66 77 88"),
    ("S0003", "Mme", "Kerjean", "Gwenola", "33", "35000", "Rennes", "07 12 34 56 78"),
    ("S0004", "Mme", "Le Bihan", "Soizic", "49", "22300", "Lannion", "06 98 76 54 32"),
    ("S0005", "M.", "Trébaol", "Erwan", "67", "56100", "Lorient", "02 97 12 34 56"),
]
PERSONAL = [v for p in PEOPLE for v in (p[2], p[3], p[6], p[7].replace(" ", ""))]

# The demo questionnaire answered by a person who had no contact with the fund this year.
ANSWERS: dict[str, Any] = {
    "sexe": "femme", "tranche_age": "45_59", "situation": "salarie", "region": "bre", "departement": "29",
    "canaux": "aucun", "clarte_info": "4", "delai_remboursement": "3", "satisf_globale": "4",
    "recommandation": 8, "ameliorations": "attente delais", "commentaire": "Accueil correct.",
}


# -- a person at the keyboard ---------------------------------------------------------------------
class Person:
    """Fills the launcher's real dialogs as the interviewer would (the mode chosen per interview)."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.mode = Mode.FACE_TO_FACE
        self.seen: list[str] = []

    def launcher(self, vault: Any, study: Any, parent: Any) -> InterviewLauncher:
        return InterviewLauncher(vault, study, parent=parent, ask_profile=self.profile,
                                 ask_commitment=self.commitment, ask_start=self.start)

    def profile(self, store: InterviewStore, parent: Any) -> Any:
        if store.profile() is not None:
            return store.profile()
        self.seen.append("profile")
        dialog = ProfileDialog(store, parent)
        self.qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.save_button.isEnabled()
        self.qtbot.keyClicks(dialog.name_edit, "Claire Martin")
        self.qtbot.keyClicks(dialog.pseudonym_edit, "ENQ-07")
        self.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == ProfileDialog.DialogCode.Accepted
        return dialog.profile

    def commitment(self, store: InterviewStore, study: Any, interviewer: Any, parent: Any) -> bool:
        if store.has_signed(study.study_id, interviewer.pseudonym, study.commitment_text):
            return True
        self.seen.append("commitment")
        dialog = CommitmentDialog(store, study, interviewer, parent=parent)
        self.qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.text_view.toPlainText() == study.commitment_text
        assert not dialog.sign_button.isEnabled() and not dialog.read_check.isEnabled()
        self.qtbot.keyClick(dialog.text_view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # read to the end
        bar = dialog.text_view.verticalScrollBar()
        assert dialog.read_check.isEnabled(), (bar.value(), bar.maximum())
        dialog.read_check.click()
        self.qtbot.keyClicks(dialog.name_edit, "Claire Martin")
        self.qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        return dialog.result() == CommitmentDialog.DialogCode.Accepted

    def start(self, study: Any, search: Any, parent: Any, preselect: int | None = None, last_mode: Any = None,
              next_call: Any = None) -> Any:
        self.seen.append("start")
        dialog = StartInterviewDialog(study, search, preselect=preselect, parent=parent)
        self.qtbot.addWidget(dialog)
        dialog.show()
        assert list(dialog.mode_buttons) == [Mode.FACE_TO_FACE, Mode.PHONE, Mode.PAPER, Mode.GROUP]  # the study's
        dialog.mode_buttons[self.mode].click()
        self.qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        return dialog.choice


# -- steps ------------------------------------------------------------------------------------------
def _sample_csv(path: Path) -> Path:
    header = "Identifiant;Civilité;Nom;Prénom;Âge;Code postal;Ville;Téléphone"
    path.write_text("\r\n".join([header, *(";".join(p) for p in PEOPLE)]) + "\r\n", encoding="utf-8-sig")
    return path


def _create_vault(qtbot: Any, controller: Any) -> None:
    screen = controller.window.screens.currentWidget()
    assert isinstance(screen, VaultCreateScreen)
    assert controller.window.state_label.text() == "Aucun coffre"
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE)
    qtbot.keyClick(ui.confirm_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(ui.recovery_code_label.text()), timeout=5000)
    assert not ui.continue_button.isEnabled(), "the code must be noted first"
    assert ui.noted_check.text().replace("&", "") == "Je l'ai noté"
    ui.noted_check.click()
    with qtbot.waitSignal(controller.hub.vault_opened, timeout=5000):
        qtbot.mouseClick(ui.continue_button, Qt.MouseButton.LeftButton)


def _unlock(qtbot: Any, controller: Any) -> None:
    edit = controller.unlock_screen.ui.passphrase_edit
    qtbot.keyClicks(edit, GOOD_PASSPHRASE)
    with qtbot.waitSignal(controller.hub.vault_opened, timeout=5000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def _select_person(workspace: Any, last_name: str | None = None, respondent_id: int | None = None) -> Any:
    """Click the person's row in the respondents list (by name, or by id once the name is erased)."""
    view = workspace.respondents
    for row in range(view.model.rowCount()):
        person = view.model.row_at(row)
        if person is not None and (person.last_name == last_name or person.id == respondent_id):
            view.table.selectRow(row)
            assert view.selected_respondent().id == person.id
            return person
    raise AssertionError(f"{last_name or respondent_id} is not in the list")


def _start(qtbot: Any, controller: Any, person: Person, last_name: str, mode: Mode) -> tuple[Any, int]:
    """Pick the person in the workspace, "Commencer l'entretien", then the launcher's dialogs."""
    workspace = controller.workspace
    chosen = _select_person(workspace, last_name)
    assert workspace.respondents.start_button.isEnabled()
    person.mode = mode
    qtbot.mouseClick(workspace.respondents.start_button, Qt.MouseButton.LeftButton)
    screen = controller.interviews.screen
    assert screen is not None and controller.window.current_view_key() == INTERVIEW_VIEW
    assert screen.current_view() is screen.gate, "the notice comes before any question"
    return screen, chosen.id


def _answer_everything(screen: Any) -> list[str]:
    """Answer page after page with the runner until the review; returns the pages seen."""
    pages: list[str] = []
    while screen.current_view() is screen.runner:
        runner = screen.runner
        key = runner.page.key
        assert key not in pages, f"stuck on page {key}: {runner.page_message.text()}"
        pages.append(key)
        for name, value in ANSWERS.items():
            if any(f.key == name for f in runner.fields):  # skip logic may change the page's fields
                give(runner.field(name), value)
                assert runner.field(name).is_saved_shown(), name
        runner.next_button.click()
    return pages


# -- the test ----------------------------------------------------------------------------------------
def test_first_run_to_sync_and_purge(qtbot, make_controller, paths, tmp_path, demo_server):
    person = Person(qtbot)

    # 1. First run on an empty data folder: the creation screen, then the main window.
    assert not Vault.exists(paths)
    controller = make_controller(paths, make_launcher=person.launcher)
    _create_vault(qtbot, controller)
    window, workspace = controller.window, controller.workspace
    assert window.workspace_visible() and window.current_view_key() == WORKSPACE_VIEW
    assert window.state_label.text() == "Coffre ouvert"

    # 2. The demo study, then a sample of five people, imported from the window.
    workspace.import_study_file(DEMO_STUDY)
    assert workspace.message_label.text() == f"Étude « {STUDY_TITLE} » importée."
    assert workspace.studies.study_titles() == [STUDY_TITLE]
    assert workspace.current_study_id() == DEMO_STUDY_ID
    dialog = workspace.open_sample_import(_sample_csv(tmp_path / "echantillon.csv"))
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text().startswith("5 répondants importés"), dialog.status_label.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert workspace.respondents.model.rowCount() == 5

    # 3-4. One interview per mode, through the notice to completion; profile and commitment first.
    store = InterviewStore(controller.vault)
    done: dict[str, tuple[Mode, int]] = {}
    for last_name, mode in (("Quéméner", Mode.FACE_TO_FACE), ("Abgrall", Mode.PHONE), ("Kerjean", Mode.PAPER),
                            ("Le Bihan", Mode.GROUP)):
        screen, respondent_id = _start(qtbot, controller, person, last_name, mode)
        interview_id = screen.flow.interview_id
        row = store.get(interview_id)
        assert (row.mode, row.respondent_id) == (mode, respondent_id), "the person picked in the list"
        gate = screen.gate
        assert not gate.agree_button.isEnabled(), "no decision before the notice is delivered"
        gate.delivered_check.click()
        qtbot.mouseClick(gate.agree_button, Qt.MouseButton.LeftButton)
        pages = _answer_everything(screen)
        assert pages[:2] == ["intro", "profil"] and "motif" not in pages  # "aucun contact": no motive asked
        assert screen.current_view() is screen.review and screen.review.complete_button.isEnabled()
        qtbot.mouseClick(screen.review.complete_button, Qt.MouseButton.LeftButton)
        assert screen.end.title_label.text() == "Entretien terminé"
        assert store.get(interview_id).state is State.COMPLETED
        answers = store.answers(interview_id)
        assert answers["sexe"] == "femme" and answers["recommandation"] == 8
        qtbot.mouseClick(screen.end.close_button, Qt.MouseButton.LeftButton)
        assert window.current_view_key() == WORKSPACE_VIEW and controller.interviews.screen is None
        done[interview_id] = (mode, respondent_id)
    assert person.seen[:3] == ["profile", "commitment", "start"]
    assert person.seen.count("profile") == person.seen.count("commitment") == 1, "asked once, remembered"
    signed = controller.vault.conn.execute("SELECT signed_name, pseudonym FROM commitment").fetchall()
    assert [tuple(r) for r in signed] == [("Claire Martin", "ENQ-07")]

    # 5. An objection: no question, the person is marked, no answer stored.
    screen, objector = _start(qtbot, controller, person, "Trébaol", Mode.PHONE)
    objected_id = screen.flow.interview_id
    screen.gate.delivered_check.click()
    qtbot.mouseClick(screen.gate.object_button, Qt.MouseButton.LeftButton)
    assert screen.gate.confirm_objection_button.isVisible()
    qtbot.mouseClick(screen.gate.confirm_objection_button, Qt.MouseButton.LeftButton)
    assert screen.end.title_label.text() == "Opposition enregistrée"
    qtbot.mouseClick(screen.end.close_button, Qt.MouseButton.LeftButton)
    assert store.get(objected_id).state is State.OBJECTED and store.answers(objected_id) == {}
    marked = controller.vault.conn.execute("SELECT status, last_name, phone FROM respondent WHERE id = ?",
                                           (objector,)).fetchone()
    assert tuple(marked) == ("objected", None, None)
    row = _select_person(workspace, respondent_id=objector)  # the row is still there, without a name...
    assert (row.last_name, row.phone, row.sample_id) == ("", "", "S0005")
    assert not workspace.respondents.start_button.isEnabled(), "...and nobody may contact them again"
    assert "ne doit pas être sollicitée" in workspace.respondents.start_button.toolTip()

    # 6. Quit, start again on the same folder: locked; unlock; every interview there with its state.
    controller.shutdown()
    window.close()
    assert controller.locked
    controller = make_controller(paths, make_launcher=person.launcher)
    window, workspace = controller.window, controller.workspace
    assert isinstance(window.screens.currentWidget(), UnlockScreen)
    assert window.state_label.text() == "Coffre verrouillé" and not window.workspace_visible()
    assert window.sync_label.text() == ""  # nothing about the vault's content while locked
    _unlock(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("5 entretiens en attente d'envoi"), timeout=3000)
    workspace = controller.workspace
    qtbot.waitUntil(lambda: workspace.interviews.model.rowCount() == 5, timeout=3000)
    model = workspace.interviews.model
    shown = sorted((model.row_at(r).mode, model.row_at(r).state) for r in range(model.rowCount()))
    assert shown == sorted([("face_to_face", "completed"), ("phone", "completed"), ("paper", "completed"),
                            ("group", "completed"), ("phone", "objected")])
    states = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert states == {"Terminé, à envoyer", "Opposition"}
    store = InterviewStore(controller.vault)
    assert {i: store.get(i).state for i in done} == dict.fromkeys(done, State.COMPLETED)
    assert store.get(objected_id).state is State.OBJECTED

    # 7. Synchronise from the panel with the embedded server.
    assert _personal_data_left(controller.vault), "the scan below finds the people while they are here"
    configure_vault(controller.vault, demo_server.url, demo_server.token)
    views = {a.text(): a for a in window.view_menu.actions()}
    views["Synchronisation"].trigger()
    assert window.current_view_key() == SYNC_VIEW
    panel = window.view(SYNC_VIEW)
    assert panel.status_text() == "5 entretiens en attente d'envoi · jamais synchronisé"
    seen: list[tuple[int, int, int]] = []
    panel.controller._relay.progressed.connect(lambda *args: seen.append(args))
    with qtbot.waitSignal(panel.sync_finished, timeout=20_000) as finished:
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert not isinstance(report, BaseException), panel.outcome_label.text()
    assert seen and seen[-1][:2] == (5, 5), "progress reaches the total"
    assert panel.progress_bar.maximum() == 5 and panel.progress_label.text() == "5 entretiens envoyés sur 5"
    assert panel.outcome_label.text().startswith("Synchronisation réussie : 5 entretiens envoyés")
    assert panel.status_text().startswith("Aucun entretien en attente d'envoi · dernière synchronisation réussie")
    assert window.sync_label.text() == panel.status_text(), "the status bar shows what waits and the last sync"
    assert (report.sent, report.accepted, report.purged, report.rejected, report.conflict) == (5, 5, 5, 0, 0)

    # On the laptop: tombstones only, and nothing of the sample's people.
    vault = controller.vault
    assert vault.conn.execute("SELECT count(*) FROM interview").fetchone()[0] == 0
    assert vault.conn.execute("SELECT count(*) FROM answer").fetchone()[0] == 0
    tombstones = {r["interview_id"]: r["receipt_status"] for r in vault.conn.execute("SELECT * FROM tombstone")}
    assert tombstones == dict.fromkeys([*done, objected_id], "accepted")
    assert _personal_data_left(vault) == []
    assert store.counts(DEMO_STUDY_ID)["purged"] == 5
    views["Études et entretiens"].trigger()
    assert workspace.counters.values()["waiting_sync"] == "0", "the workspace was re-read after the sync"
    assert workspace.interviews.model.rowCount() == 0, "purged: nothing left to list"
    respondents = workspace.respondents.model
    assert respondents.rowCount() == 5, "the rows stay, to stop a new contact"
    assert {respondents.row_at(r).display_name for r in range(5)} == {""}

    # On the server: each interview once; the objection is a consent record without answers.
    demo_server.stop()
    held = demo_server.interviews(DEMO_STUDY_ID)
    assert sorted(h["id"] for h in held) == sorted([*done, objected_id])
    by_id = {h["id"]: h["payload"] for h in held}
    objection = by_id[objected_id]
    assert objection["state"] == "objected" and objection["answers"] == {} and objection["attributes"] == {}
    assert objection["consent"]["decision"] == "objects"
    for interview_id, (mode, _respondent) in done.items():
        payload = by_id[interview_id]
        assert payload["state"] == "completed" and payload["mode"] == mode.value
        assert payload["answers"]["recommandation"] == 8 and payload["interviewer"] == "ENQ-07"
        assert payload["consent"]["decision"] == "agrees"
    blob = json.dumps(held, ensure_ascii=False)
    assert not [value for value in PERSONAL if value in blob], "no name, town or phone left the laptop"


def _personal_data_left(vault: Any) -> list[str]:
    """Every table of the decrypted vault, every text cell, searched for the sample's people."""
    found = []
    tables = [r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in vault.conn.execute(f'SELECT * FROM "{table}"'):
            text = " ".join(str(v) for v in tuple(row) if v is not None)
            found += [f"{table}: {value}" for value in PERSONAL if value.lower() in text.lower()]
    return found
