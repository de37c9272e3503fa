"""From "Nouvel entretien" to the interview screen: profile, commitment, respondent and mode.

The conditional path of issue 4 points 2-3 in one controller: no profile, no interview; no
signed commitment (for this study's exact text), no interview; a phone call that leads to no
interview is recorded with its outcome instead. The dialogs are injected (defaults: their
modal classmethods) so tests drive real dialogs without a blocking exec().
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QWidget

from etudes_desktop.gui.calls import CallOutcomeDialog
from etudes_desktop.gui.commitment import CommitmentDialog
from etudes_desktop.gui.interview.screen import InterviewScreen, open_interview
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.gui.profile import ProfileDialog
from etudes_desktop.gui.sign_in import sign_in
from etudes_desktop.gui.start_interview import CALL, RESUME, StartChoice, StartInterviewDialog
from etudes_desktop.storage import contact_list
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import DraftExists, InterviewStore, utc_now


def load_study_info(vault: VaultHandle, study_id: str) -> StudyInfo | None:
    """The interview screens' view of a study imported in the vault."""
    from etudes_desktop.storage.studies import load_study

    package = load_study(vault, study_id)
    return None if package is None else StudyInfo.from_package(package)


class InterviewLauncher:
    """Runs the steps before an interview; returns the screen to show (or None)."""

    def __init__(self, vault: VaultHandle, study: StudyInfo, *, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = utc_now,
                 ask_profile: Callable[..., Any] = ProfileDialog.ensure_profile,
                 ask_commitment: Callable[..., bool] = CommitmentDialog.ensure_signed,
                 ask_start: Callable[..., StartChoice | None] = StartInterviewDialog.ask,
                 ask_call: Callable[..., int | None] = CallOutcomeDialog.record) -> None:
        self.vault, self.study, self.parent, self.clock = vault, study, parent, clock
        self.store = InterviewStore(vault, clock=clock)
        self._ask_profile, self._ask_commitment = ask_profile, ask_commitment
        self._ask_start, self._ask_call = ask_start, ask_call
        self.last_call: int | None = None

    def search(self, text: str) -> list[contact_list.RespondentBrief]:
        return contact_list.contactable(self.vault, self.study.study_id, text)

    def next_call(self) -> Any:
        """Who to call now, why, their local time (the start dialog's "Appel suivant")."""
        from etudes_desktop.gui.next_call import find_next_call

        return find_next_call(self.vault, self.study.study_id, self.clock())

    def new_interview(self, respondent_id: int | None = None) -> InterviewScreen | None:
        """Profile, commitment, choice (`respondent_id` preselected); then the screen on its notice gate."""
        interviewer = sign_in(self.store, self.study, self.parent, ask_profile=self._ask_profile,
                              ask_commitment=self._ask_commitment)
        if interviewer is None:
            return None
        choice = self._ask_start(self.study, self.search, self.parent, respondent_id,
                                 last_mode=self.store.last_mode(), next_call=self.next_call)
        if choice is None:
            return None
        if choice.action == CALL:
            person = contact_list.briefs(self.vault, [choice.respondent_id])[choice.respondent_id]
            self.last_call = self._ask_call(self.store, self.study.study_id, person, interviewer, self.parent,
                                            began_at=choice.began_at)
            return None
        if choice.action == RESUME and choice.interview_id:
            interview_id = choice.interview_id
        else:
            try:
                interview_id = self.store.start(self.study.study_id, self.study.version, choice.mode,
                                                choice.respondent_id)
            except DraftExists as exc:  # opened meanwhile (another window): that one goes on
                interview_id = exc.interview_id
        return open_interview(self.store, self.study, interviewer, interview_id, clock=self.clock, parent=self.parent)

    def resume(self, interview_id: str) -> InterviewScreen | None:
        """A draft (back on its page, or on the notice if it changed) or a finished interview."""
        interviewer = self.store.profile()
        if interviewer is None:
            return None
        return open_interview(self.store, self.study, interviewer, interview_id, clock=self.clock, parent=self.parent)
