"""Interviews in the main window: started from the workspace, resumed on the same page after a lock."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

from PySide6.QtCore import Qt

from etudes_desktop.core.interview import Mode
from etudes_desktop.demo.interview_states import seed_people
from etudes_desktop.demo.sample_study import sample_package
from etudes_desktop.gui.controller import WORKSPACE_VIEW
from etudes_desktop.gui.interview.launcher import InterviewLauncher
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.gui.interview_host import INTERVIEW_VIEW
from etudes_desktop.gui.start_interview import START, StartChoice
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.studies import save_study
from etudes_desktop.storage.vault import Vault
from tests.gui.conftest import GOOD_PASSPHRASE

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _vault_with_a_study(paths, kdf) -> tuple[str, list[int]]:
    """A study, three people, a profile and a signed commitment (so no dialog asks for them)."""
    vault, _code = Vault.create(paths, GOOD_PASSPHRASE, kdf=kdf)
    package = sample_package()
    save_study(vault, package)
    study = StudyInfo.from_package(package)
    store = InterviewStore(vault)
    me = store.set_profile("Claire Martin", "ENQ-07")
    store.sign_commitment(study.study_id, me.pseudonym, "Claire Martin", "2026-11-30", study.commitment_text)
    people = seed_people(vault, study.study_id, T0)
    vault.close()
    return study.study_id, people


def _launcher_choosing(respondent_id: int):
    """The real launcher; the start dialog's answer is given as the interviewer would choose it."""

    def make(vault, study, parent):
        choice = StartChoice(START, Mode.FACE_TO_FACE, respondent_id)
        return InterviewLauncher(vault, study, parent=parent, ask_start=lambda *_a, **_k: choice)

    return make


def _unlock(qtbot, controller) -> None:
    edit = controller.unlock_screen.ui.passphrase_edit
    qtbot.keyClicks(edit, GOOD_PASSPHRASE)
    with qtbot.waitSignal(controller.hub.vault_opened, timeout=5000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_an_interview_opens_in_the_window_and_comes_back_after_a_lock(make_controller, paths, kdf, qtbot, clock):
    study_id, people = _vault_with_a_study(paths, kdf)
    controller = make_controller(paths, make_launcher=_launcher_choosing(people[0]))
    _unlock(qtbot, controller)
    window, workspace = controller.window, controller.workspace
    assert window.current_view_key() == WORKSPACE_VIEW

    workspace.start_interview_requested.emit(study_id, people[0])
    screen = controller.interviews.screen
    assert screen is not None and window.current_view_key() == INTERVIEW_VIEW and screen.isVisible()
    assert screen.gate is not None and screen.current_view() is screen.gate, "the notice comes first"
    interview_id = screen.flow.interview_id

    clock.advance(600)
    controller.idle.check()
    assert controller.locked and not screen.isVisible()
    assert controller.interviews.screen is None, "the screen holding the closed vault is gone"

    _unlock(qtbot, controller)
    again = controller.interviews.screen
    assert again is not None and again.flow.interview_id == interview_id
    assert window.current_view_key() == INTERVIEW_VIEW and again.current_view() is again.gate

    again.finished.emit("notice")  # the person leaves the interview
    assert window.current_view_key() == WORKSPACE_VIEW and controller.interviews.screen is None


def test_a_lock_in_the_middle_of_the_questions_resumes_on_the_same_page(make_controller, paths, kdf, qtbot, clock):
    from tests.gui.interview_support import FULL_RUN, agree, fill_page

    study_id, people = _vault_with_a_study(paths, kdf)
    controller = make_controller(paths, make_launcher=_launcher_choosing(people[1]))
    _unlock(qtbot, controller)
    controller.workspace.start_interview_requested.emit(study_id, people[1])
    screen = controller.interviews.screen
    agree(screen)
    for answers in FULL_RUN[:3]:
        fill_page(screen, answers)
    page_before = screen.runner.page.key

    controller.window.lock_action.trigger()  # Coffre > Verrouiller maintenant
    assert controller.locked
    _unlock(qtbot, controller)
    again = controller.interviews.screen
    assert again is not screen
    assert again.current_view() is again.runner and again.runner.page.key == page_before


def test_the_interviews_list_shows_a_drafts_progress_and_discards_it_after_confirmation(make_controller, paths, kdf,
                                                                                       qtbot, clock):
    from tests.gui.interview_support import FULL_RUN, agree, fill_page

    study_id, people = _vault_with_a_study(paths, kdf)
    controller = make_controller(paths, make_launcher=_launcher_choosing(people[1]))
    _unlock(qtbot, controller)
    controller.workspace.start_interview_requested.emit(study_id, people[1])
    screen = controller.interviews.screen
    agree(screen)
    for answers in FULL_RUN[:3]:
        fill_page(screen, answers)
    screen.suspend_button.click()  # "Reprendre plus tard"
    workspace = controller.workspace
    view = workspace.interviews
    workspace.tabs.setCurrentWidget(view)
    view.set_state_filter("draft")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.selectRow(0)
    progress = view.model.index(0, 3).data()
    assert progress.endswith("pages") and progress.startswith("3 / "), progress
    assert InterviewStore(controller.vault).answers(view.selected_interview().id)
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert view.discard_confirm.isVisible() and view.model.rowCount() == 1  # nothing erased yet
    qtbot.mouseClick(view.discard_confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert controller.vault.conn.execute("SELECT count(*) FROM answer").fetchone()[0] == 0
    status = controller.vault.conn.execute("SELECT status FROM respondent WHERE id = ?", (people[1],)).fetchone()[0]
    assert status == "to_contact" and "effacée" in workspace.message_label.text()


def test_after_an_unlock_and_a_resume_the_keys_go_where_the_interviewer_types(make_controller, paths, kdf, qtbot,
                                                                              clock):
    from PySide6.QtWidgets import QApplication

    from tests.gui.interview_support import FULL_RUN, agree, fill_page

    study_id, people = _vault_with_a_study(paths, kdf)
    controller = make_controller(paths, make_launcher=_launcher_choosing(people[1]))
    _unlock(qtbot, controller)
    controller.workspace.start_interview_requested.emit(study_id, people[1])
    screen = controller.interviews.screen
    agree(screen)
    fill_page(screen, FULL_RUN[0])  # now on "age"
    controller.window.lock_action.trigger()
    _unlock(qtbot, controller)
    again = controller.interviews.screen
    window = controller.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert again.runner.page.key == "age"
    focus = QApplication.focusWidget()
    assert focus is again.runner.field("age").editor, focus
    qtbot.keyClicks(focus, "47")  # no click first
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert again.runner.page.key == "sexe"
    assert InterviewStore(controller.vault).answers(again.flow.interview_id)["age"] == 47


def test_an_objection_from_the_rights_dialog_leaves_no_name_or_phone_on_screen(make_controller, paths, kdf, qtbot):
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.gui.rights_dialog import RightsDialog

    study_id, people = _vault_with_a_study(paths, kdf)
    controller = make_controller(paths, make_launcher=_launcher_choosing(people[0]))
    _unlock(qtbot, controller)
    workspace = controller.workspace
    model = workspace.respondents.model

    def shown() -> str:
        return " ".join(str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount()))

    qtbot.waitUntil(lambda: "LEFÈVRE" in shown().upper())
    assert "06 11 22 33 44" in shown() or "0611223344" in shown()
    rights = next(a for a in controller.window.vault_menu.actions() if a.text().startswith("Droits des personnes"))
    rights.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RightsDialog) and w.isVisible())
    assert dialog.select(study_id, "S-0001")
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.confirm_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.object_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "LEFÈVRE" not in shown().upper())
    assert "06 11 22 33 44" not in shown() and "0611223344" not in shown()
    dialog.close()


def test_an_appointment_shows_on_the_person_in_the_list(make_controller, paths, kdf, qtbot):
    from datetime import datetime as dt

    from etudes_desktop.core.interview import CallOutcome

    study_id, people = _vault_with_a_study(paths, kdf)
    controller = make_controller(paths, make_launcher=_launcher_choosing(people[0]))
    _unlock(qtbot, controller)
    from datetime import timedelta

    today = dt.now().date()
    friday = today + timedelta(days=(4 - today.weekday()) % 7 or 7)  # the next Friday, never today
    # a Friday afternoon: within the person's calling hours, and after the call recorded now
    appointment = dt(friday.year, friday.month, friday.day, 16, 30).astimezone()
    InterviewStore(controller.vault).record_call(study_id, people[0], CallOutcome.APPOINTMENT, "ENQ-07",
                                                 appointment_at=appointment)
    controller.hub.interviews_changed.emit()
    model = controller.workspace.respondents.model

    def statuses() -> list[str]:
        return [str(model.index(r, model.columnCount() - 1).data()) for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: any(f"Rendez-vous le {friday:%d/%m} à 16:30" in s for s in statuses()))
    assert sum("Rendez-vous" in s for s in statuses()) == 1
