"""Who works now, asked before an interview, a focus group or a batch of paper keying alike: the
profile (asked on first run), then the study's commitment signed in its exact text.

The dialogs are injected (defaults: their modal classmethods) so tests drive real dialogs
without a blocking exec().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from etudes_desktop.gui.commitment import CommitmentDialog
from etudes_desktop.gui.profile import ProfileDialog
from etudes_desktop.storage.interviews import Interviewer, InterviewStore

AskProfile = Callable[..., Interviewer | None]
AskCommitment = Callable[..., bool]


def sign_in(store: InterviewStore, study: Any, parent: QWidget | None = None, *,
            ask_profile: AskProfile | None = None, ask_commitment: AskCommitment | None = None) -> Interviewer | None:
    """The person who works, or None when they cancel the profile or do not sign the commitment."""
    person = (ask_profile or ProfileDialog.ensure_profile)(store, parent)
    if person is None:
        return None
    if not (ask_commitment or CommitmentDialog.ensure_signed)(store, study, person, parent):
        return None
    return person
