"""Twenty paper forms keyed heads-down by one operator, the picked ones keyed again blind by
another with planted differences, the differences resolved with 1/2/R: the resolved values are
what the interviews carry, the errors are attributed to the right operator, and only verified
forms wait in the outbox."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from etudes_desktop.core.interview import TO_SEND, State
from etudes_desktop.demo.paper_study import paper_package
from etudes_desktop.gui.paper.start import BatchDialog
from etudes_desktop.gui.paper.window import PaperWindow
from etudes_desktop.storage import outbox
from etudes_desktop.storage.paper_verify import DoubleEntry
from etudes_desktop.storage.studies import save_study

OBJECTS, NOT_TICKED = 7, 13


@pytest.fixture
def package(vault):
    package = paper_package()
    save_study(vault, package)
    return package


def answers(n: int) -> dict[str, str]:
    """What form n's paper says, as codes."""
    satisfaction = str(1 + n % 4)
    codes = {"age": str(30 + n), "sexe": str(1 + n % 2), "satisfaction": satisfaction}
    if satisfaction in ("3", "4"):
        codes["pourquoi"] = str(1 + n % 3)
    codes.update({"canaux": "13", "contacts": str(n), "reco": str(n % 11), "commentaire": ""})
    return codes


def key_form(qtbot, panel, number: str | None, notice: str | None, codes: dict[str, str]) -> None:
    entry = panel.entry
    if number is not None:
        entry.selectAll()
        qtbot.keyClicks(entry, number)
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert panel.error.text() == ""
    if notice is not None:
        qtbot.keyClicks(entry, notice)  # one digit: moves on by itself
        assert panel.step == "notice_again"
        qtbot.keyClicks(entry, notice)  # keyed twice: the decision keeps or drops the person's answers
    for name, code in codes.items():
        assert panel.key == name, panel.prompt.text()
        qtbot.keyClicks(entry, code)
        if panel.key == name:  # not moved on by a code of full length: Enter (or Tab)
            qtbot.keyClick(entry, Qt.Key.Key_Tab if name == "contacts" else Qt.Key.Key_Return)
        assert panel.error.text() == "", (name, panel.error.text())


def window_for(qtbot, double, batch_id, package, operator):
    window = PaperWindow(double, batch_id, package, operator)
    qtbot.addWidget(window)
    window.show()
    return window


def to_send(vault, study_id):
    return outbox.count(vault, study_id, TO_SEND)


def test_a_batch_of_twenty_keyed_twice(qtbot, vault, package):
    double = DoubleEntry(vault)
    chooser = BatchDialog(double.paper, package.id, "OPE-01", dt.date(2026, 6, 3))
    qtbot.addWidget(chooser)
    assert chooser.rate.text() == "1/5"  # the default: every fifth form
    chooser.rate.setText("1/2")
    chooser.create_button.click()
    batch_id = chooser.batch_id
    assert batch_id

    window = window_for(qtbot, double, batch_id, package, "OPE-01")
    panel = window.keying
    for n in range(1, 21):
        notice = "2" if n == OBJECTS else "0" if n == NOT_TICKED else "1"
        key_form(qtbot, panel, "0001" if n == 1 else None, notice, {} if notice != "1" else answers(n))
        assert panel.step == "number" and panel.entry.text() == f"{n + 1:04d}"  # the next number offered
    # Bad input: refused inline, nothing stored, the same field waits.
    qtbot.keyClicks(panel.entry, "0003")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert "n° 0003 a déjà été saisi" in panel.error.text() and panel.step == "number"

    forms = {int(f.number): f for f in double.paper.forms(batch_id)}
    assert forms[NOT_TICKED].state == "set_aside" and forms[NOT_TICKED].interview_id is None
    assert double.paper.interviews.get(forms[OBJECTS].interview_id).state is State.OBJECTED
    picked = sorted(n for n, f in forms.items() if f.verify)
    assert picked == [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]
    assert to_send(vault, package.id) == 9  # 8 forms not picked + the objection; the picked wait
    assert double.paper.interviews.answers(forms[5].interview_id) == {
        "age": 35, "sexe": "2", "satisfaction": "2", "canaux": "1 3", "contacts": 5, "reco": 5.0}

    # The second operator keys the picked forms again, blind, with planted differences.
    window.close()
    window = window_for(qtbot, double, batch_id, package, "OPE-02")
    assert not window.keying.isEnabled()  # another operator's batch: not theirs to key
    window.tabs.setCurrentIndex(1)
    verify = window.verify
    planted = {4: {"age": "44"}, 8: {"sexe": "2"}, 12: {"satisfaction": "3", "pourquoi": "2"}, 16: {"contacts": "61"}}
    for n in picked:
        codes = answers(n)
        if n == 12:  # the verifier reads « 3 » (a skip the first keying did not take)
            codes = {**codes, "satisfaction": "3"}
            codes = {k: codes[k] for k in ("age", "sexe", "satisfaction")} | {"pourquoi": "2"} | {
                k: codes[k] for k in ("canaux", "contacts", "reco", "commentaire")}
        else:
            codes.update(planted.get(n, {}))
        assert verify.entry.text() == f"{n:04d}"  # the next form waiting for its verification
        qtbot.keyClick(verify.entry, Qt.Key.Key_Return)
        assert verify.entry.text() == "" and verify.keyed.count() == 0  # nothing of the first keying shown
        for name, code in codes.items():
            assert verify.key == name
            qtbot.keyClicks(verify.entry, code)
            if verify.key == name:
                qtbot.keyClick(verify.entry, Qt.Key.Key_Return)
            assert verify.error.text() == ""
    states = {int(f.number): f.state for f in double.paper.forms(batch_id)}
    assert sorted(n for n, s in states.items() if s == "to_resolve") == [4, 8, 12, 16]
    assert to_send(vault, package.id) == 9 + 6  # agreeing keyings are verified at once

    # Reconciliation: 1 keeps the first keying, 2 the second, R keys the value from the paper.
    window.tabs.setCurrentIndex(2)
    rec = window.reconcile
    decisions = {4: ["1"], 8: ["2"], 12: ["1", "1"], 16: ["R"]}
    for n in (4, 8, 12, 16):
        assert rec.form.number == f"{n:04d}"
        rows = [rec.table.item(r, 0).text() for r in range(rec.table.rowCount())]
        assert len(rows) == len(decisions[n]), rows
        for key in decisions[n]:
            qtbot.keyClicks(rec.table, key)
            if key == "R":
                qtbot.keyClicks(rec.rekey, "70")
                qtbot.keyClick(rec.rekey, Qt.Key.Key_Return)
        qtbot.keyClick(rec.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert "validé" in rec.message.text(), rec.message.text()
    assert rec.forms.count() == 0 and to_send(vault, package.id) == 19

    final = {int(f.number): double.paper.interviews.answers(f.interview_id) for f in double.paper.forms(batch_id)
             if f.interview_id and f.notice.value == "agrees"}
    assert final[4]["age"] == 34 and final[8]["sexe"] == "2" and final[16]["contacts"] == 70
    assert final[12]["satisfaction"] == "1" and "pourquoi" not in final[12]
    payload = outbox.build_payload(vault.conn, vault.conn.execute(
        "SELECT * FROM interview WHERE id = ?", (double.paper.forms(batch_id)[15].interview_id,)).fetchone())
    assert payload["answers"]["contacts"] == 70 and payload["mode"] == "paper"

    # Attribution: the value kept is right; a re-key matching neither blames both.
    figures = {f.operator: f for f in double.figures(package.id)}
    assert (figures["OPE-01"].errors, figures["OPE-02"].errors) == (2, 4)
    assert (figures["OPE-01"].forms, figures["OPE-02"].forms) == (20, 10)
    window.tabs.setCurrentIndex(3)
    table = window.figures.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())}
    assert rows["OPE-02"][4] == "4" and rows["OPE-01"][4] == "2"
    assert rows["OPE-01"][5] == f"{2000 / figures['OPE-01'].fields:.1f}".replace(".", ",")


def test_bad_codes_are_refused_inline(qtbot, vault, package):
    double = DoubleEntry(vault)
    batch_id = double.paper.create_batch(package.id, "OPE-01", dt.date(2026, 6, 3))
    window = window_for(qtbot, double, batch_id, package, "OPE-01")
    panel = window.keying
    for text in ("", "12345678901234", "A B"):
        panel.entry.setText(text)
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        assert panel.step == "number" and panel.error.text()
    qtbot.keyClicks(panel.entry, "77")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.entry, "5")
    assert "Mention : 1" in panel.error.text() and panel.step == "notice"
    qtbot.keyClicks(panel.entry, "1")
    qtbot.keyClicks(panel.entry, "2")  # a slip on the confirmation: said, and the decision keyed again
    assert panel.step == "notice" and "diffèrent" in panel.error.text() and not double.paper.forms(batch_id)
    qtbot.keyClicks(panel.entry, "1")
    qtbot.keyClicks(panel.entry, "1")
    qtbot.keyClicks(panel.entry, "200")  # three digits: checked at once
    assert "entre 16 et 110" in panel.error.text() and panel.key == "age"
    qtbot.keyClicks(panel.entry, "45")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.entry, "9")
    assert "code « 9 » n'existe pas" in panel.error.text() and panel.key == "sexe"
    qtbot.keyClick(panel.entry, Qt.Key.Key_Up)  # back to the age, corrected
    assert panel.key == "age" and panel.entry.text() == "45"
    form = double.paper.forms(batch_id)[0]
    assert double.paper.first_values(form.id) == {"age": 45}


def test_the_keying_screen_follows_the_window(qtbot, vault, package):
    """The keying lines are laid out apart from the window (so that a field's new prompt moves
    nothing else), yet a larger or smaller window still gives them its room."""
    double = DoubleEntry(vault)
    batch_id = double.paper.create_batch(package.id, "OPE-01", dt.date(2026, 6, 3))
    window = window_for(qtbot, double, batch_id, package, "OPE-01")
    panel = window.keying
    qtbot.waitExposed(window)
    before = panel.entry.width()
    window.resize(window.width() + 300, window.height())
    qtbot.waitUntil(lambda: panel.entry.width() > before)
    window.resize(panel.minimumWidth() // 2, window.height())  # the window keeps the lines' minimum
    qtbot.waitUntil(lambda: panel.entry.width() < before)
    assert panel.rect().contains(panel.entry.geometry()) and panel.entry.width() >= panel.entry.minimumSizeHint().width()
    key_form(qtbot, panel, "00001", "1", answers(1))
    assert panel.step == "number" and "00001" in panel.status.text()


def test_a_block_repeated_as_many_times_as_the_paper_holds(qtbot, vault):
    """« Autant de fois que nécessaire »: after each copy, 1 keys another one, 0 goes on; every
    copy is kept, numbered in the list, and a resumed form still holds them all."""
    from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire
    from etudes_desktop.demo.paper_study import paper_package

    def q(name, kind, label, **extra):
        return Item(name=name, type=kind, label={"default": label}, **extra)

    child = q("enfant", ItemType.REPEAT, "Enfant", children=[
        q("initiale", ItemType.TEXT, "Initiale de l'enfant"), q("age_enfant", ItemType.INTEGER, "Son âge")])
    form = Questionnaire(form_id="foyer_papier", title="Foyer", version="1", items=[
        q("adultes", ItemType.INTEGER, "Combien d'adultes ?"), child, q("fin", ItemType.TEXT, "Un dernier mot ?")])
    package = paper_package(id="foyer-papier-2026", questionnaire=form)
    save_study(vault, package)
    double = DoubleEntry(vault)
    batch_id = double.paper.create_batch(package.id, "OPE-01", dt.date(2026, 6, 3))
    window = window_for(qtbot, double, batch_id, package, "OPE-01")
    panel = window.keying
    entry = panel.entry

    def key(text):
        qtbot.keyClicks(entry, text)
        if panel.step not in ("more", "notice") or len(text) != 1:
            qtbot.keyClick(entry, Qt.Key.Key_Return)
        assert panel.error.text() == "", panel.error.text()

    entry.selectAll()
    qtbot.keyClicks(entry, "0001")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.keyClicks(entry, "1")  # the notice: agrees, keyed twice
    qtbot.keyClicks(entry, "1")
    key("2")
    assert panel.key == "initiale[1]" and panel.prompt.text().startswith("Q2 (1).")
    key("A")
    key("7")
    assert panel.step == "more" and "Enfant" in panel.prompt.text() and "1 déjà saisi" in panel.prompt.text()
    qtbot.keyClicks(entry, "3")
    assert panel.error.text() and panel.step == "more"  # neither 1 nor 0: said, nothing changes
    entry.clear()
    qtbot.keyClicks(entry, "1")
    assert panel.key == "initiale[2]" and panel.prompt.text().startswith("Q2 (2).")
    key("B")
    key("4")
    qtbot.keyClick(entry, Qt.Key.Key_Up)  # back from the question to the last field of the copy
    assert panel.key == "age_enfant[2]"
    key("5")
    assert panel.step == "more" and "2 déjà saisis" in panel.prompt.text()
    qtbot.keyClicks(entry, "0")
    assert panel.key == "fin"
    rows = [panel.keyed.item(r).text() for r in range(panel.keyed.count())]
    assert {"Q2 (1)  A", "Q2 (2)  B", "Q3 (2)  5"} <= set(rows)
    key("merci")
    saved = double.paper.forms(batch_id)[0]
    assert double.paper.interviews.answers(saved.interview_id) == {
        "adultes": 2, "initiale[1]": "A", "age_enfant[1]": 7, "initiale[2]": "B", "age_enfant[2]": 5, "fin": "merci"}
    from etudes_desktop.gui.paper.flow import KeyingFlow

    resumed = KeyingFlow(form, double.paper.interviews.answers(saved.interview_id), lambda *_: None)
    assert "initiale[2]" in resumed.keys() and resumed.instance_end("age_enfant[2]") is not None
