"""Before an interview: the profile at first run, the commitment per study, then respondent and mode."""

from __future__ import annotations

from dataclasses import replace

from etudes_desktop.core.interview import CallOutcome, Mode, State
from etudes_desktop.gui.calls import CallOutcomeDialog
from etudes_desktop.gui.commitment import CommitmentDialog
from etudes_desktop.gui.interview.launcher import InterviewLauncher, load_study_info
from etudes_desktop.gui.profile import ProfileDialog
from etudes_desktop.gui.start_interview import StartInterviewDialog
from tests.gui.interview_support import Env, env  # noqa: F401 - fixture


class Person:
    """Fills the dialogs as the interviewer would, instead of a blocking exec()."""

    def __init__(self, qtbot, *, sign: bool = True, mode: Mode = Mode.FACE_TO_FACE, call: CallOutcome | None = None):
        self.qtbot, self.sign, self.mode, self.call = qtbot, sign, mode, call
        self.seen: list[str] = []

    def profile(self, store, parent):
        if store.profile() is not None:
            return store.profile()
        self.seen.append("profile")
        dialog = ProfileDialog(store, parent)
        self.qtbot.addWidget(dialog)
        dialog.name_edit.setText("Karim Benali")
        dialog.pseudonym_edit.setText("ENQ-12")
        dialog.save_button.click()
        return dialog.profile

    def commitment(self, store, study, interviewer, parent):
        if store.has_signed(study.study_id, interviewer.pseudonym, study.commitment_text):
            return True
        self.seen.append("commitment")
        dialog = CommitmentDialog(store, study, interviewer, parent=parent)
        self.qtbot.addWidget(dialog)
        dialog.show()
        dialog.text_view.verticalScrollBar().setValue(dialog.text_view.verticalScrollBar().maximum())
        if self.sign:
            dialog.read_check.click()
            dialog.name_edit.setText("Karim Benali")
            dialog.sign_button.click()
        else:
            dialog.reject()
        return dialog.result() == CommitmentDialog.DialogCode.Accepted

    def start(self, study, search, parent, preselect=None, last_mode=None, next_call=None):
        self.seen.append("start")
        dialog = StartInterviewDialog(study, search, preselect=preselect, parent=parent, last_mode=last_mode,
                                      next_call=next_call)
        self.offered_mode = dialog.mode()
        self.qtbot.addWidget(dialog)
        dialog.set_mode(self.mode)
        (dialog.call_button if self.call else dialog.start_button).click()
        return dialog.choice

    def record_call(self, store, study_id, person, interviewer, parent, began_at=None):
        self.seen.append("call")
        dialog = CallOutcomeDialog(store, study_id, person, interviewer, parent=parent, began_at=began_at)
        self.qtbot.addWidget(dialog)
        dialog.set_outcome(self.call)
        dialog.save_button.click()
        return dialog.attempt_id


def _launcher(env: Env, person: Person) -> InterviewLauncher:
    return InterviewLauncher(env.vault, env.study, clock=env.clock, ask_profile=person.profile,
                             ask_commitment=person.commitment, ask_start=person.start, ask_call=person.record_call)


def test_first_run_asks_profile_and_commitment_then_opens_the_notice(qtbot, env: Env):
    env.vault.conn.execute("DELETE FROM commitment")
    env.vault.conn.execute("DELETE FROM interviewer")
    person = Person(qtbot)
    screen = _launcher(env, person).new_interview()
    qtbot.addWidget(screen)
    assert person.seen == ["profile", "commitment", "start"]
    assert screen.current_view() is screen.gate  # every interview begins with the notice
    assert env.store.get(screen.flow.interview_id).respondent_id == env.people[2]  # first in the list: Garcia
    second = Person(qtbot)
    screen = _launcher(env, second).new_interview(respondent_id=env.people[0])
    qtbot.addWidget(screen)
    assert second.seen == ["start"]  # profile and signature are remembered
    assert env.store.get(screen.flow.interview_id).respondent_id == env.people[0]  # chosen in the workspace


def test_no_interview_starts_without_the_signed_commitment(qtbot, env: Env):
    changed = replace(env.study, commitment_text=env.study.commitment_text + "\nAvenant : article 7.")
    person = Person(qtbot, sign=False)
    launcher = InterviewLauncher(env.vault, changed, ask_profile=person.profile, ask_commitment=person.commitment,
                                 ask_start=person.start, ask_call=person.record_call)
    assert launcher.new_interview() is None
    assert person.seen == ["commitment"]
    assert env.store.list_for_study(env.study.study_id) == []


def test_a_phone_call_without_interview_is_recorded_from_the_start_dialog(qtbot, env: Env):
    person = Person(qtbot, mode=Mode.PHONE, call=CallOutcome.WRONG_NUMBER)
    launcher = _launcher(env, person)
    assert launcher.new_interview() is None
    assert person.seen == ["start", "call"]
    row = env.vault.conn.execute("SELECT outcome, aapor_code FROM call_attempt WHERE id = ?", (launcher.last_call,)).fetchone()
    assert tuple(row) == ("wrong_number", "4.30")


def test_resume_uses_the_study_stored_in_the_vault(qtbot, env: Env):
    study = load_study_info(env.vault, env.study.study_id)
    assert study.notice == env.study.notice and study.interview_modes == env.study.interview_modes
    interview = env.start(Mode.PAPER)
    screen = InterviewLauncher(env.vault, study).resume(interview)
    qtbot.addWidget(screen)
    assert screen.current_view() is screen.gate and env.store.get(interview).state is State.DRAFT


def test_the_mode_chosen_last_is_offered_first(qtbot, env: Env):
    first = Person(qtbot, mode=Mode.PHONE)
    qtbot.addWidget(_launcher(env, first).new_interview(respondent_id=env.people[0]))
    second = Person(qtbot, mode=Mode.PHONE)
    qtbot.addWidget(_launcher(env, second).new_interview(respondent_id=env.people[1]))
    assert second.offered_mode is Mode.PHONE  # remembered from the first, in the vault (no personal data)
