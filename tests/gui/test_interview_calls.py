"""Starting an interview, phone calls without interview (AAPOR codes) and the callback list."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime

from etudes_desktop.core.interview import AAPOR_CODES, CallOutcome, Mode
from etudes_desktop.gui.calls import CallbackList, CallOutcomeDialog
from etudes_desktop.gui.start_interview import CALL, START, StartInterviewDialog
from etudes_desktop.storage import contact_list
from tests.gui.interview_support import Env, env  # noqa: F401 - fixture

NOW = datetime(2026, 11, 30, 10, 0).astimezone()


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


@pytest.mark.parametrize("outcome", [o for o in CallOutcome if o is not CallOutcome.APPOINTMENT])
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
    for person, hours in ((env.people[0], 26), (env.people[2], 3)):
        dialog = CallOutcomeDialog(env.store, env.study.study_id, people[person], env.me, now=lambda: NOW)
        qtbot.addWidget(dialog)
        dialog.set_outcome(CallOutcome.APPOINTMENT)
        assert dialog.appointment_edit.isEnabled()
        dialog.appointment_edit.setDateTime(QDateTime((NOW - timedelta(hours=1)).replace(tzinfo=None)))
        dialog.save_button.click()
        assert dialog.attempt_id is None and "futur" in dialog.error_label.text()
        dialog.appointment_edit.setDateTime(QDateTime((NOW + timedelta(hours=hours)).replace(tzinfo=None)))
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
