"""The notice gate: verbatim notice per mode, delivery then decision, and no question without it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from etudes_desktop.core.interview import Decision, Mode, State
from etudes_desktop.gui.interview.controller import GateClosed, InterviewFlow
from etudes_desktop.gui.interview.runner import RunnerView
from etudes_desktop.gui.interview.study_info import NoticeText
from etudes_desktop.storage import contact_list
from tests.gui.interview_support import Env, agree, env  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("qtbot")


@pytest.mark.parametrize("mode", [Mode.FACE_TO_FACE, Mode.PHONE, Mode.PAPER])
def test_the_notice_is_shown_verbatim_with_its_version_for_each_mode(qtbot, env: Env, mode):
    screen = env.screen(qtbot, env.start(mode))
    gate = screen.gate
    assert screen.current_view() is gate
    assert gate.text_label.text() == env.study.notice.text  # verbatim, hashed as shown
    assert env.study.notice.version in gate.version_label.text()
    assert gate.print_button.isVisible() is (mode is Mode.FACE_TO_FACE)
    if mode is Mode.PHONE:
        assert "mot pour mot" in gate.instruction_label.text()
    if mode is Mode.PAPER:
        assert "papier" in gate.delivered_check.text() and env.study.notice.version in gate.delivered_check.text()


def test_no_decision_before_the_delivery_is_confirmed(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    gate = screen.gate
    assert not gate.agree_button.isEnabled() and not gate.object_button.isEnabled()
    gate.agree_button.click()
    assert env.store.latest_consent(interview) is None
    assert screen.current_view() is gate


def test_agreement_stores_the_consent_record_and_opens_the_first_question(qtbot, env: Env):
    interview = env.start(Mode.PHONE, env.people[0])
    screen = env.screen(qtbot, interview)
    agree(screen)
    consent = env.store.latest_consent(interview)
    notice = env.study.notice
    assert (consent.notice_id, consent.notice_version, consent.text_sha256) == (notice.id, notice.version, notice.sha256)
    assert consent.mode is Mode.PHONE and consent.interviewer == "ENQ-07" and consent.decision is Decision.AGREES
    assert consent.delivered_at < consent.decided_at
    assert screen.current_view() is screen.runner and screen.runner.page.key == "intro"


def test_an_objection_asks_no_question_erases_contact_and_marks_the_person(qtbot, env: Env):
    person = env.people[1]
    interview = env.start(Mode.PHONE, person)
    screen = env.screen(qtbot, interview)
    screen.gate.delivered_check.click()
    screen.gate.object_button.click()
    assert env.store.latest_consent(interview) is None  # one more click to confirm an objection
    assert screen.gate.confirm_objection_button.isVisible()
    screen.gate.confirm_objection_button.click()
    assert env.store.get(interview).state is State.OBJECTED
    assert env.store.latest_consent(interview).decision is Decision.OBJECTS
    assert env.store.answers(interview) == {}
    row = env.respondent(person)
    assert row["status"] == "objected" and row["last_name"] is None and row["phone"] is None
    assert row["sample_id"] == "S-0002"  # what stops a new contact stays
    assert screen.current_view() is screen.end and "Opposition" in screen.end.title_label.text()
    assert person not in [p.id for p in contact_list.contactable(env.vault, env.study.study_id)]
    with pytest.raises(Exception, match="opposée"):
        env.start(Mode.PHONE, person)
    with pytest.raises(GateClosed):
        screen.flow.answer("age", 30)


def test_not_now_ends_the_draft_without_any_answer(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE, env.people[0])
    screen = env.screen(qtbot, interview)
    screen.gate.delivered_check.click()
    screen.gate.later_button.click()
    assert env.store.get(interview).state is State.ABANDONED
    assert env.store.latest_consent(interview).decision is Decision.NOT_NOW
    assert screen.current_view() is screen.end


def test_no_question_is_reachable_without_consent(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE)
    flow = InterviewFlow(env.store, env.study, env.me, interview)
    with pytest.raises(GateClosed):
        _ = flow.session
    with pytest.raises(GateClosed):
        flow.answer("age", 30)
    with pytest.raises(GateClosed):
        flow.go_to("age")
    runner = RunnerView(flow)
    qtbot.addWidget(runner)
    with pytest.raises(GateClosed):
        runner.show_page(type("P", (), {"key": "age", "keys": ("age",)})())
    screen = env.screen(qtbot, interview)
    for key in ("Return", "PageDown", "Tab"):
        from PySide6.QtCore import Qt

        qtbot.keyClick(screen.gate, getattr(Qt.Key, f"Key_{key}"))
    assert screen.current_view() is screen.gate and env.store.answers(interview) == {}


def test_a_draft_begun_before_the_notice_changed_must_be_told_the_new_version(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE, env.people[2])
    screen = env.screen(qtbot, interview)
    agree(screen)
    screen.runner.next_button.click()
    screen.runner.field("age").editor.setText("47")
    screen.runner.next_button.click()
    assert env.store.answers(interview) == {"age": 47}
    new_text = env.study.notice.text + "\nVersion révisée : coordonnées du délégué mises à jour."
    env.study = replace(env.study, notice=NoticeText(env.study.notice.id, "2026-11", new_text))
    resumed = env.screen(qtbot, interview)
    assert resumed.current_view() is resumed.gate and resumed.gate.outdated_label.isVisible()
    assert "2026-11" in resumed.gate.version_label.text()
    with pytest.raises(GateClosed):
        resumed.flow.answer("sexe", "f")
    agree(resumed)
    consent = env.store.latest_consent(interview)
    assert consent.notice_version == "2026-11" and consent.text_sha256 == resumed.flow.study.notice.sha256
    assert resumed.current_view() is resumed.runner and resumed.runner.page.key == "sexe"
    assert env.store.answers(interview) == {"age": 47}


def test_the_face_to_face_notice_prints_as_a_pdf(qtbot, env: Env, tmp_path):
    screen = env.screen(qtbot, env.start(Mode.FACE_TO_FACE))
    path = screen.gate.export_pdf(tmp_path / "mention.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_the_gate_works_from_the_keyboard(qtbot, env: Env):
    from PySide6.QtCore import Qt

    interview = env.start(Mode.PHONE)
    screen = env.screen(qtbot, interview)
    gate = screen.gate
    gate.delivered_check.setFocus()
    qtbot.keyClick(gate.delivered_check, Qt.Key.Key_Space)
    assert gate.delivered_check.isChecked()
    qtbot.keyClick(gate.delivered_check, Qt.Key.Key_Tab)
    assert gate.focusWidget() is gate.agree_button
    qtbot.keyClick(gate.agree_button, Qt.Key.Key_Return)
    assert env.store.may_ask_questions(interview, env.study.notice.version, env.study.notice.sha256)
    assert screen.current_view() is screen.runner


def test_the_store_refuses_an_answer_under_a_consent_to_an_older_notice(qtbot, env: Env):
    from etudes_desktop.core.errors import EtudesError

    interview = env.start(Mode.PHONE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    notice = env.study.notice
    env.store.save_answer(interview, "age", 33, notice=(notice.version, notice.sha256))
    with pytest.raises(EtudesError, match="a changé"):
        env.store.save_answer(interview, "age", 34, notice=("2027-01", notice.sha256))
    assert env.store.answers(interview) == {"age": 33}
