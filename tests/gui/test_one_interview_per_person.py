"""One person, one interview per study: the vault refuses a second one, the start dialog offers
to resume the open draft, and a draft can be discarded (the person back to "à contacter")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from etudes_desktop.core.interview import Mode, State
from etudes_desktop.gui.interview.launcher import InterviewLauncher
from etudes_desktop.gui.start_interview import RESUME, StartInterviewDialog
from etudes_desktop.storage import audit, contact_list
from etudes_desktop.storage.interviews import AlreadyInterviewed, DraftExists, NotADraft
from tests.gui.interview_support import FULL_RUN, Env, agree, env, fill_page  # noqa: F401 - fixture


def _status(env: Env, person: int) -> str:
    return env.respondent(person)["status"]


def test_the_vault_refuses_a_second_draft_and_any_interview_after_a_finished_one(env: Env):
    person = env.people[0]
    first = env.start(Mode.FACE_TO_FACE, person)
    with pytest.raises(DraftExists) as raised:
        env.start(Mode.PHONE, person)
    assert raised.value.interview_id == first
    # Even a caller that skips the store's check is refused by the vault itself.
    with pytest.raises(Exception, match="interview_exists"):
        with env.vault.transaction() as conn:
            conn.execute("INSERT INTO interview (id, study_id, study_version, respondent_id, mode, state, created_at, "
                         "updated_at) VALUES ('x', ?, '1', ?, 'phone', 'draft', 'now', 'now')",
                         (env.study.study_id, person))
    env.store.abandon(first)
    assert _status(env, person) == "stopped"  # no longer "en cours"
    with pytest.raises(AlreadyInterviewed):
        env.start(Mode.FACE_TO_FACE, person)
    assert [p.id for p in contact_list.contactable(env.vault, env.study.study_id)].count(person) == 0


def test_the_start_dialog_offers_to_resume_the_persons_draft(qtbot, env: Env):
    person = env.people[0]
    draft = env.start(Mode.FACE_TO_FACE, person)
    dialog = StartInterviewDialog(env.study, lambda text: contact_list.contactable(env.vault, env.study.study_id, text),
                                  preselect=person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.respondent_id() == person
    assert "Reprendre" in dialog.start_button.text() and "déjà un entretien en cours" in dialog.hint_label.text()
    qtbot.keyClick(dialog.respondent_list, Qt.Key.Key_Return)
    assert dialog.choice.action == RESUME and dialog.choice.interview_id == draft


def test_a_person_clicked_who_cannot_be_interviewed_is_explained(qtbot, env: Env):
    person = env.people[0]
    env.store.abandon(env.start(Mode.FACE_TO_FACE, person))
    dialog = StartInterviewDialog(env.study, lambda text: contact_list.contactable(env.vault, env.study.study_id, text),
                                  preselect=person)
    qtbot.addWidget(dialog)
    assert dialog.respondent_id() != person
    assert "ne peut pas être interrogée" in dialog.hint_label.text()


def test_starting_again_for_a_person_with_a_draft_reopens_that_draft(qtbot, env: Env):
    person = env.people[0]
    draft = env.start(Mode.FACE_TO_FACE, person)

    def start(study, search, parent, preselect=None, last_mode=None, next_call=None):
        dialog = StartInterviewDialog(study, search, preselect=preselect, parent=parent)
        qtbot.addWidget(dialog)
        dialog.start_button.click()
        return dialog.choice

    launcher = InterviewLauncher(env.vault, env.study, clock=env.clock, ask_profile=lambda store, parent: env.me,
                                 ask_commitment=lambda *a: True, ask_start=start)
    screen = launcher.new_interview(respondent_id=person)
    qtbot.addWidget(screen)
    assert screen.flow.interview_id == draft
    assert len(env.store.list_for_study(env.study.study_id)) == 1


def test_a_draft_is_discarded_with_its_answers_and_the_person_is_back_to_contact(qtbot, env: Env):
    person = env.people[0]
    draft = env.start(Mode.FACE_TO_FACE, person)
    screen = env.screen(qtbot, draft)
    agree(screen)
    for answers in FULL_RUN[:3]:
        fill_page(screen, answers)
    assert _status(env, person) == "in_progress" and len(env.store.answers(draft)) == 2
    assert env.store.discard(draft) == 2
    assert _status(env, person) == "to_contact"
    assert env.store.list_for_study(env.study.study_id) == []
    assert env.vault.conn.execute("SELECT count(*) FROM answer").fetchone()[0] == 0
    last = audit.entries(env.vault.conn)[-1]
    assert last.event == "interview_discarded" and last.counts == {"answers_erased": 2} and last.object_ids == []
    second = env.start(Mode.PHONE, person)  # may be interviewed again
    env.store.complete(second, {})
    with pytest.raises(NotADraft):
        env.store.discard(second)
    assert env.store.get(second).state is State.COMPLETED
