"""A whole focus group driven with the keyboard: 8 invited, 1 walk-in, 1 objection, 20 notes,
3 questions by a show of hands, the participants' questionnaires, the close."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from etudes_desktop.core.group.guide import GroupGuide
from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.gui.group.start import SessionsDialog
from etudes_desktop.gui.group.window import GroupSessionWindow
from etudes_desktop.storage.groups import GroupService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository, SuppressionList
from etudes_desktop.storage.studies import save_study

FIRST_NAMES = ["Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Gaëlle", "Hugo"]


def group_package() -> StudyPackage:
    lists = {"canaux": ["agence", "tel", "web"], "oui_non": ["oui", "non"], "delais": ["courts", "corrects", "longs"]}
    return StudyPackage(
        id="groupes", title="Groupes accueil",
        group=GroupGuide(themes=["Accueil", "Délais", "Internet"], questions=["canal", "satisfait", "delai"]),
        questionnaire=Questionnaire(
            form_id="groupes", title="t",
            items=[Item(name="canal", type=ItemType.SELECT_ONE, list_name="canaux", label={"fr": "Canal préféré"}),
                   Item(name="satisfait", type=ItemType.SELECT_ONE, list_name="oui_non", label={"fr": "Satisfait ?"}),
                   Item(name="delai", type=ItemType.SELECT_ONE, list_name="delais", label={"fr": "Délais ?"}),
                   Item(name="age", type=ItemType.INTEGER, label={"fr": "Votre âge"})],
            choices={name: [Choice(name=c, label={"fr": c}) for c in values] for name, values in lists.items()}))


@pytest.fixture
def study(vault):
    package = group_package()
    save_study(vault, package)
    RespondentRepository(vault).insert_many("groupes", [
        SampleRecord(n + 2, f"G{n:02d}", last_name=f"Nom{chr(65 + n)}", first_name=name, phone=f"06123456{n:02d}")
        for n, name in enumerate(FIRST_NAMES)], now=datetime(2026, 6, 1, tzinfo=UTC))
    return package


def test_a_whole_session_with_the_keyboard(qtbot, vault, study, tmp_path):
    groups = GroupService(vault)
    dialog = SessionsDialog(vault, groups, "groupes", "MOD-01", dt.date(2026, 6, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.place, "Salle 3, CPAM de Rennes")
    dialog.people.setFocus()
    dialog.people.setCurrentRow(0)
    for _ in FIRST_NAMES:  # Espace coche, flèche bas passe à la suivante
        qtbot.keyClick(dialog.people, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.people, Qt.Key.Key_Down)
    assert len(dialog.invited()) == 8
    dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.session_id

    window = GroupSessionWindow(groups, dialog.session_id, study)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    # The door: Espace marks the selected person present, the next expected one follows.
    window.door.table.setFocus()
    for _ in FIRST_NAMES:
        qtbot.keyClick(window.door.table, Qt.Key.Key_Space)
    window.door.walk_in.setFocus()
    qtbot.keyClicks(window.door.walk_in, "Jean")
    qtbot.keyClick(window.door.walk_in, Qt.Key.Key_Return)
    seats = groups.seats(dialog.session_id)
    assert [s.pseudonym for s in seats] == [f"P{n}" for n in range(1, 10)]
    assert seats[-1].first_name == "Jean" and seats[-1].walk_in

    # No decision before the notice; then Alt+2, Ctrl+Entrée.
    qtbot.keyClick(window.tabs, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.decisions.table, Qt.Key.Key_A)
    assert "mention" in window.decisions.message.text()
    qtbot.keyClick(window.tabs, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is window.notice
    assert window.notice.text.toPlainText() == study.notice.text_fr  # verbatim
    qtbot.keyClick(window.notice, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert groups.get(dialog.session_id).notice_delivered_at

    qtbot.keyClick(window.tabs, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    table = window.decisions.table
    table.setCurrentCell(0, 0)
    for n in range(9):  # P5 objects, everyone else accepts
        qtbot.keyClick(table, Qt.Key.Key_O if n == 4 else Qt.Key.Key_A)
    decided = {s.pseudonym: s for s in groups.seats(dialog.session_id)}
    assert [p for p, s in decided.items() if s.decision == "objects"] == ["P5"]
    assert decided["P5"].first_name == "" and decided["P5"].respondent_id is None
    assert window.decisions.undecided() == 0

    # Twenty notes: a name typed becomes the pseudonym; Ctrl+2 picks the second theme.
    qtbot.keyClick(window.tabs, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    entry = window.notes.entry
    assert entry.hasFocus()  # the tab puts the cursor where the moderator types
    for n in range(20):
        if n == 10:
            qtbot.keyClick(entry, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        text = "Alice trouve les delais longs" if n == 3 else f"P{1 + n % 9} remarque {n}"
        qtbot.keyClicks(entry, text)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.keyClicks(entry, "rappeler au 06 27 87 44 21")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert "téléphone" in window.notes.message.text() and entry.text()  # refused, the text kept to correct
    entry.clear()
    notes = groups.notes(dialog.session_id)
    assert len(notes) == 20 and window.notes.model.rowCount() == 20
    assert notes[3].text == "P1 trouve les delais longs" and "P1" in notes[3].pseudonyms
    assert {n.theme for n in notes[:10]} == {"Accueil"} and {n.theme for n in notes[10:]} == {"Délais"}

    # Three questions by a show of hands: 8 present who accepted.
    qtbot.keyClick(window.tabs, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    hands = window.hands
    for index, values in enumerate(([3, 2, 3], [6, 2], [1, 4, 2])):
        hands.question.setCurrentIndex(index)
        for spin, value in zip(hands.spins.values(), values):
            spin.lineEdit().selectAll()
            qtbot.keyClicks(spin.lineEdit(), str(value))
        last = list(hands.spins.values())[-1]
        qtbot.keyClick(last.lineEdit(), Qt.Key.Key_Return)
        assert "Décompte enregistré" in hands.message.text(), hands.message.text()
    counts = groups.counts(dialog.session_id)
    assert counts["canal"] == (8, {"agence": 3, "tel": 2, "web": 3})
    assert counts["delai"] == (8, {"courts": 1, "corrects": 4, "longs": 2})

    # Each participant who accepted has a questionnaire (an interview of mode group) to open.
    qtbot.keyClick(window.tabs, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert window.questionnaires.list.count() == 8
    with qtbot.waitSignal(window.questionnaire_requested) as opened:
        window.questionnaires.open_button.click()
    store = InterviewStore(vault)
    interview = store.get(opened.args[0])
    assert interview.mode.value == "group" and store.latest_consent(interview.id).decision.value == "agrees"
    for seat in groups.taking_part(dialog.session_id)[:6]:
        store.save_answer(seat.interview_id, "age", 40)
        store.complete(seat.interview_id)

    # The session sheet: the notice and the pseudonyms, no first name.
    sheet = tmp_path / "fiche.pdf"
    assert window.save_sheet(str(sheet))
    from pypdf import PdfReader

    printed = " ".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert "P9" in printed and not any(name in printed for name in FIRST_NAMES + ["Jean"])

    # The close: two presses, no dialog; first names erased, the objector left only the suppression entry.
    window.close_button.click()
    assert "prénoms seront effacés" in window.confirm.text()
    with qtbot.waitSignal(window.closed_session):
        window.close_button.click()
    assert all(s.first_name == "" for s in groups.seats(dialog.session_id))
    objector = RespondentRepository(vault).by_sample_id("groupes", "G04")
    assert objector.status == "objected" and objector.first_name is None and objector.phone is None
    assert SuppressionList(vault).contains("groupes", sample_id="G04")
    states = [store.get(s.interview_id).state.value for s in groups.seats(dialog.session_id)]
    assert states.count("completed") == 6 and states.count("objected") == 1 and states.count("abandoned") == 2
