"""Starting an interview, phone calls without interview (AAPOR codes) and the callback list."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from etudes_desktop.core.calls.dispositions import BY_KEY
from etudes_desktop.core.interview import AAPOR_CODES, CallOutcome, Mode
from etudes_desktop.gui.calls import CallbackList, CallOutcomeDialog
from etudes_desktop.gui.start_interview import CALL, START, StartInterviewDialog
from etudes_desktop.storage import contact_list
from tests.gui.interview_support import Env, env  # noqa: F401 - fixture

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))  # a Monday; the people live in Brittany


def _search(env: Env):
    return lambda text: contact_list.contactable(env.vault, env.study.study_id, text)


def test_start_picks_a_respondent_and_a_mode_among_the_studys(qtbot, env: Env):
    dialog = StartInterviewDialog(env.study, _search(env))
    qtbot.addWidget(dialog)
    assert list(dialog.mode_buttons) == [Mode.FACE_TO_FACE, Mode.PHONE, Mode.PAPER]
    assert dialog.respondent_list.count() == 3
    qtbot.keyClicks(dialog.search_edit, "diaye")
    assert dialog.respondent_list.count() == 1 and "N'Diaye" in dialog.respondent_list.item(0).text()
    dialog.mode_buttons[Mode.PAPER].click()
    assert not dialog.call_button.isVisible()
    dialog.start_button.click()
    assert dialog.choice.action == START and dialog.choice.mode is Mode.PAPER
    assert dialog.choice.respondent_id == env.people[1]


def test_unnamed_respondents_only_when_the_study_allows_them(qtbot, env: Env):
    dialog = StartInterviewDialog(env.study, _search(env))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.unnamed_check.isVisible()
    panel = replace(env.study, allows_unnamed=True, modes=(Mode.FACE_TO_FACE,))
    dialog = StartInterviewDialog(panel, lambda text: [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.start_button.isEnabled() and "Aucune personne" in dialog.hint_label.text()
    dialog.unnamed_check.click()
    dialog.start_button.click()
    assert dialog.choice.respondent_id is None and dialog.choice.mode is Mode.FACE_TO_FACE
    interview = env.start(dialog.choice.mode, dialog.choice.respondent_id)
    assert env.store.get(interview).respondent_id is None


@pytest.mark.parametrize("outcome", [o for o in CallOutcome if BY_KEY[o].appointment is None])
def test_each_call_outcome_is_stored_with_its_aapor_code(qtbot, env: Env, outcome):
    start = StartInterviewDialog(env.study, _search(env))
    qtbot.addWidget(start)
    start.show()
    start.mode_buttons[Mode.PHONE].click()
    start.select_respondent(env.people[0])
    assert start.call_button.isVisible()
    start.call_button.click()
    assert start.choice.action == CALL and start.choice.respondent_id == env.people[0]
    person = contact_list.briefs(env.vault, [env.people[0]])[env.people[0]]
    dialog = CallOutcomeDialog(env.store, env.study.study_id, person, env.me, now=lambda: NOW)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, str(list(CallOutcome).index(outcome) + 1))  # digits pick the outcome
    assert dialog.outcome() is outcome
    assert not dialog.appointment_edit.isEnabled()
    dialog.save_button.click()
    row = env.vault.conn.execute("SELECT * FROM call_attempt WHERE id = ?", (dialog.attempt_id,)).fetchone()
    assert (row["outcome"], row["aapor_code"], row["interviewer"]) == (outcome.value, AAPOR_CODES[outcome], "ENQ-07")
    assert row["appointment_at"] is None
    status = env.respondent(env.people[0])["status"]
    assert status == ("do_not_contact" if outcome is CallOutcome.REFUSAL else "to_contact")


def test_appointments_need_a_future_date_and_fill_the_callback_list(qtbot, env: Env):
    people = contact_list.briefs(env.vault, env.people)
    for person, hours in ((env.people[0], 26), (env.people[2], 4)):  # within their calling hours
        dialog = CallOutcomeDialog(env.store, env.study.study_id, people[person], env.me, now=lambda: NOW)
        qtbot.addWidget(dialog)
        dialog.set_outcome(CallOutcome.APPOINTMENT)
        assert dialog.appointment_edit.isEnabled()
        dialog.set_appointment(NOW - timedelta(hours=1))
        dialog.save_button.click()
        assert dialog.attempt_id is None and "futur" in dialog.error_label.text()
        dialog.set_appointment(NOW + timedelta(hours=hours))
        dialog.save_button.click()
        assert dialog.attempt_id is not None
    row = env.vault.conn.execute("SELECT aapor_code FROM call_attempt WHERE respondent_id = ?", (env.people[0],)).fetchone()
    assert row["aapor_code"] == "2.21"
    later = NOW + timedelta(hours=5)
    callbacks = CallbackList(now=lambda: later)
    qtbot.addWidget(callbacks)
    callbacks.refresh(env.store, env.vault, env.study.study_id)
    assert callbacks.table.rowCount() == 2
    assert "Garcia" in callbacks.cell(0, 1) and "en retard" in callbacks.cell(0, 0)  # soonest first, now late
    assert "Lefèvre" in callbacks.cell(1, 1) and "01/12/2026 12:00" in callbacks.cell(1, 0)
    with qtbot.waitSignal(callbacks.call_requested) as called:
        callbacks.call_button.click()
    assert called.args == [env.people[2]]
    env.start(Mode.PHONE, env.people[2])  # the callback led to an interview: no longer due
    screen_id = env.store.list_for_study(env.study.study_id)[0].id
    env.store.record_consent(screen_id, _agreed(env))
    env.store.complete(screen_id)
    callbacks.refresh(env.store, env.vault, env.study.study_id)
    assert callbacks.table.rowCount() == 1 and "Lefèvre" in callbacks.cell(0, 1)


@pytest.mark.parametrize("typed", ["01122026 1430", "01/12/2026 14:30", "01-12-2026 14h30", "1/12/2026 1430"])
def test_the_appointment_is_typed_as_the_interview_dates_are(qtbot, env: Env, typed):
    person = contact_list.briefs(env.vault, [env.people[0]])[env.people[0]]
    dialog = CallOutcomeDialog(env.store, env.study.study_id, person, env.me, now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, str(list(CallOutcome).index(CallOutcome.APPOINTMENT) + 1))
    field = dialog.appointment_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.attempt_id is not None, dialog.error_label.text()
    row = env.vault.conn.execute("SELECT appointment_at FROM call_attempt WHERE id = ?", (dialog.attempt_id,)).fetchone()
    # typed in the person's own time (Rennes: Paris time), whatever the laptop's time zone
    assert datetime.fromisoformat(row["appointment_at"]) == datetime(2026, 12, 1, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.mark.parametrize("typed", ["31/11/2026 14:30", "01/12/2026", "demain 14h", "01/12/2026 25:00"])
def test_an_appointment_that_is_no_date_and_time_is_refused_and_nothing_saved(qtbot, env: Env, typed):
    person = contact_list.briefs(env.vault, [env.people[0]])[env.people[0]]
    dialog = CallOutcomeDialog(env.store, env.study.study_id, person, env.me, now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.set_outcome(CallOutcome.APPOINTMENT)
    dialog.appointment_edit.setText(typed)
    dialog.save_button.click()
    assert dialog.attempt_id is None and "non reconnues" in dialog.error_label.text()
    assert env.vault.conn.execute("SELECT count(*) FROM call_attempt").fetchone()[0] == 0


def test_the_callbacks_agenda_and_the_appointment_filter_in_the_workspace(qtbot, env: Env, pool):
    from etudes_desktop.gui.views.services import WorkspaceServices
    from etudes_desktop.gui.views.workspace import WorkspaceView

    soon, later = (datetime.now().astimezone() + timedelta(days=d) for d in (1, 3))
    # Soft appointments ("around then"): any day and hour may be agreed, the calling hours apply when due.
    env.store.record_call(env.study.study_id, env.people[2], CallOutcome.SOFT_APPOINTMENT, "ENQ-07", later)
    env.store.record_call(env.study.study_id, env.people[0], CallOutcome.SOFT_APPOINTMENT, "ENQ-07", soon)
    env.store.record_call(env.study.study_id, env.people[1], CallOutcome.NO_ANSWER, "ENQ-07")
    view = WorkspaceView(WorkspaceServices(vault=env.vault, pool=pool))
    qtbot.addWidget(view)
    view.resize(980, 700)
    view.show()
    view.select_study(env.study.study_id)
    tabs = view.tabs
    assert tabs.tabText(tabs.indexOf(view.callbacks)) == "Rappels (2)"
    view.show_callbacks()
    assert tabs.currentWidget() is view.callbacks
    assert view.callbacks.rows == [env.people[0], env.people[2]], "the soonest first"
    respondents = view.respondents
    combo = respondents.status_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Avec rendez-vous (2)" in labels
    combo.setCurrentIndex(labels.index("Avec rendez-vous (2)"))
    shown = {respondents.model.row_at(r).id for r in range(respondents.model.rowCount())}
    assert shown == {env.people[0], env.people[2]}
    with qtbot.waitSignal(view.start_interview_requested) as started:
        qtbot.keyClick(view.callbacks.table, Qt.Key.Key_Return)
    assert started.args == [env.study.study_id, env.people[0]]


def _agreed(env: Env):
    from etudes_desktop.core.interview import ConsentRecord, Decision

    notice = env.study.notice
    return ConsentRecord(notice_id=notice.id, notice_version=notice.version, text_sha256=notice.sha256,
                         mode=Mode.PHONE, interviewer="ENQ-07", delivered_at=NOW, decided_at=NOW,
                         decision=Decision.AGREES)


def test_an_empty_callback_list_says_so(qtbot, env: Env):
    callbacks = CallbackList(now=lambda: NOW)
    qtbot.addWidget(callbacks)
    callbacks.show()
    callbacks.refresh(env.store, env.vault, env.study.study_id)
    assert callbacks.empty_label.isVisible() and not callbacks.call_button.isEnabled()
