""""Appel suivant": the F5 key in the workspace and in the phone start dialog, and the rates window."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from etudes_desktop.core.calls.rules import CallingRules, parse_windows
from etudes_desktop.core.interview import CallOutcome, Mode
from etudes_desktop.demo.interview_states import seed_people
from etudes_desktop.demo.sample_study import sample_package
from etudes_desktop.gui.interview.launcher import InterviewLauncher
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.gui.next_call import NextCallDialog, RatesDialog, find_next_call
from etudes_desktop.gui.start_interview import CALL, StartInterviewDialog
from etudes_desktop.storage import contact_list
from etudes_desktop.storage.calls import CallService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.studies import save_study
from etudes_desktop.storage.vault import Vault
from tests.gui.conftest import GOOD_PASSPHRASE
from tests.gui.interview_support import Env, env  # noqa: F401 - fixture
from tests.gui.test_interview_host import _unlock

PARIS = ZoneInfo("Europe/Paris")
MONDAY_10 = datetime(2026, 11, 30, 10, 0, tzinfo=PARIS)  # T0 of the interview tests: 09:00 UTC


def test_f5_in_the_phone_start_dialog_picks_the_appointment_due_and_shows_the_persons_time(qtbot, env: Env):
    study = env.study.study_id
    with env.vault.transaction() as conn:  # Lucie Garcia lives in Réunion (3 hours ahead of Paris in winter)
        conn.execute("UPDATE respondent SET postcode = '97400' WHERE id = ?", (env.people[2],))
    calls = CallService(env.vault, clock=lambda: MONDAY_10)
    calls.record(study, env.people[0], "no_answer", "ENQ-07", at=MONDAY_10 - timedelta(hours=4))
    calls.record(study, env.people[1], "appointment", "ENQ-07", at=MONDAY_10 - timedelta(days=3),
                 appointment_at=MONDAY_10 + timedelta(minutes=30))
    moment = {"now": MONDAY_10}
    dialog = StartInterviewDialog(env.study, lambda text: contact_list.contactable(env.vault, study, text),
                                  next_call=lambda: find_next_call(env.vault, study, moment["now"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_mode(Mode.PHONE)
    assert dialog.next_call_button.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    # 10:00 in Paris is 13:00 in Réunion, its lunch break; a retry due comes before a first call.
    assert dialog.respondent_id() == env.people[0] and dialog.search_edit.text() == "S-0001"
    assert "Nouvel essai : dernier appel le 30/11" in dialog.next_call_label.text()
    assert "Heure locale de la personne : 10:00 (France métropolitaine, UTC+1)" in dialog.next_call_label.text()
    moment["now"] = MONDAY_10 + timedelta(minutes=31)
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    assert dialog.respondent_id() == env.people[1]  # the appointment due comes first
    assert "Rendez-vous précis à 10:30 (heure de la personne)" in dialog.next_call_label.text()
    assert "Heure locale de la personne : 10:31" in dialog.next_call_label.text()
    moment["now"] = datetime(2026, 11, 30, 11, 5, tzinfo=PARIS)  # 14:05 in Réunion
    calls.record(study, env.people[1], "busy", "ENQ-07", at=moment["now"])
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    label = dialog.next_call_label.text()
    assert dialog.respondent_id() in (env.people[2], env.people[0]) and "UTC" in label
    dialog.call_button.click()
    assert dialog.choice.action == CALL and dialog.choice.respondent_id == dialog.respondent_id()
    sunday = datetime(2026, 12, 6, 11, 0, tzinfo=PARIS)
    night = StartInterviewDialog(env.study, lambda text: contact_list.contactable(env.vault, study, text),
                                 next_call=lambda: find_next_call(env.vault, study, sunday))
    qtbot.addWidget(night)
    night.show()
    night.set_mode(Mode.PHONE)
    night.next_call_button.click()
    assert "Aucune personne à appeler pour le moment" in night.next_call_label.text()
    assert "Prochain créneau d'appel" in night.next_call_label.text()


def test_the_next_call_window_says_who_why_and_their_local_time(qtbot, env: Env):
    study = env.study.study_id
    CallService(env.vault).record(study, env.people[0], "busy", "ENQ-07", at=MONDAY_10 - timedelta(minutes=20))
    dialog = NextCallDialog(find_next_call(env.vault, study, MONDAY_10), viewer_tz=PARIS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.person_label.text().startswith("Mme Jeanne Lefèvre — S-0001")
    assert dialog.reason_label.text() == "Nouvel essai : dernier appel le 30/11 09:40, occupé"
    assert dialog.local_label.text() == "Heure locale de la personne : 10:00 (France métropolitaine, UTC+1)"
    assert dialog.attempts_label.text() == "1 appel déjà passé à cette personne."
    with qtbot.waitSignal(dialog.call_requested) as chosen:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert chosen.args == [env.people[0]]


def _vault_open_all_day(paths, kdf) -> tuple[str, list[int]]:
    """A study callable at any hour of any day (the test must not depend on when it runs)."""
    vault, _code = Vault.create(paths, GOOD_PASSPHRASE, kdf=kdf)
    package = sample_package().model_copy(update={"calling": CallingRules(
        windows=parse_windows("lun-dim 00:00-24:00"), avoid_holidays=False, slots=[])})
    save_study(vault, package)
    study = StudyInfo.from_package(package)
    store = InterviewStore(vault)
    me = store.set_profile("Claire Martin", "ENQ-07")
    store.sign_commitment(study.study_id, me.pseudonym, "Claire Martin", "2026-11-30", study.commitment_text)
    people = seed_people(vault, study.study_id, MONDAY_10)
    vault.close()
    return study.study_id, people


def test_f5_in_the_workspace_opens_the_next_call_and_appeler_goes_to_the_start_dialog(make_controller, paths, kdf,
                                                                                       qtbot):
    study_id, people = _vault_open_all_day(paths, kdf)
    asked = []

    def launcher(vault, study, parent):
        def start(study, search, parent, preselect=None, last_mode=None, next_call=None):
            asked.append(preselect)
            return None
        return InterviewLauncher(vault, study, parent=parent, ask_start=start)

    controller = make_controller(paths, make_launcher=launcher)
    controller.window.show()
    _unlock(qtbot, controller)
    controller.workspace.select_study(study_id)
    controller.window.activateWindow()
    qtbot.waitUntil(controller.window.isActiveWindow)
    qtbot.keyClick(controller.window, Qt.Key.Key_F5)
    dialog = controller.next_call_dialog
    assert isinstance(dialog, NextCallDialog) and dialog.isVisible()
    first = RespondentRepository(controller.vault).by_sample_id(study_id, dialog.info.call.sample_id)
    assert dialog.info.call.reason == "fresh" and "Premier appel" in dialog.reason_label.text()
    assert "Heure locale de la personne" in dialog.local_label.text()
    dialog.call_button.click()
    assert asked == [first.id], "the start dialog opened on the person to call"
    next(a for a in controller.window.view_menu.actions() if a.text() == "Taux de réponse (AAPOR)").trigger()
    rates = controller.rates_dialog
    assert isinstance(rates, RatesDialog) and rates.isVisible()
    assert rates.value("RR1") == "0.0 %" and "3 cas" in rates.counts_label.text()
    rates.reject()
    QApplication.processEvents()


def test_the_rates_window_shows_every_aapor_rate(qtbot, env: Env):
    study = env.study.study_id
    calls = CallService(env.vault, clock=lambda: MONDAY_10)
    calls.record(study, env.people[0], CallOutcome.WRONG_NUMBER, "ENQ-07")
    calls.record(study, env.people[1], CallOutcome.REFUSAL, "ENQ-07")
    interview = env.start(Mode.PHONE, env.people[2])
    from tests.gui.test_interview_calls import _agreed

    env.store.record_consent(interview, _agreed(env))
    env.store.complete(interview)
    dialog = RatesDialog("Satisfaction", calls.rates(study))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 16
    assert dialog.value("RR1") == "50.0 %" and dialog.value("COOP1") == "50.0 %" and dialog.value("REF1") == "50.0 %"
    assert "1 hors cible (NE)" in dialog.counts_label.text()
