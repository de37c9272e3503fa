"""Shared set-up for the interview screen tests: a real vault with a study and three people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from etudes_desktop.core.interview import Mode
from etudes_desktop.demo.interview_states import seed_people
from etudes_desktop.demo.sample_study import sample_package
from etudes_desktop.gui.interview.screen import InterviewScreen, open_interview
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.storage.interviews import Interviewer, InterviewStore
from etudes_desktop.storage.studies import save_study

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class StepClock:
    """A clock that moves one second per reading."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass
class Env:
    vault: Any
    store: InterviewStore
    study: StudyInfo
    me: Interviewer
    people: list[int]
    clock: StepClock

    def start(self, mode: Mode, respondent: int | None = None) -> str:
        return self.store.start(self.study.study_id, self.study.version, mode, respondent)

    def screen(self, qtbot: Any, interview_id: str) -> InterviewScreen:
        screen = open_interview(self.store, self.study, self.me, interview_id, clock=self.clock)
        qtbot.addWidget(screen)
        screen.resize(980, 700)
        screen.show()
        return screen

    def respondent(self, respondent_id: int) -> Any:
        return self.vault.conn.execute("SELECT * FROM respondent WHERE id = ?", (respondent_id,)).fetchone()


@pytest.fixture
def env(vault: Any) -> Env:
    package = sample_package()
    save_study(vault, package)
    clock = StepClock()
    store = InterviewStore(vault, clock=clock)
    me = store.set_profile("Claire Martin", "ENQ-07")
    study = StudyInfo.from_package(package)
    store.sign_commitment(study.study_id, me.pseudonym, "Claire Martin", "2026-11-30", study.commitment_text)
    return Env(vault, store, study, me, seed_people(vault, study.study_id, T0), clock)


def agree(screen: InterviewScreen) -> None:
    """Deliver the notice and record agreement, by clicks."""
    assert screen.gate is not None and screen.current_view() is screen.gate
    screen.gate.delivered_check.click()
    screen.gate.agree_button.click()


def fill_page(screen: InterviewScreen, answers: dict[str, Any]) -> None:
    """Answer the current page's fields by clicks and typing, then go on."""
    runner = screen.runner
    for key, value in answers.items():  # skip logic may add fields as answers are given
        if any(f.key == key for f in runner.fields):
            give(runner.field(key), value)
    runner.next_button.click()


def give(field: Any, value: Any) -> None:
    from etudes_desktop.gui.interview.widgets import AcknowledgeField, ChoiceField, LineField, ScaleField

    if isinstance(field, ChoiceField):
        for name in str(value).split():
            field.buttons[field.names.index(name)].click()
    elif isinstance(field, ScaleField):
        field.buttons[field.values.index(value)].click()
    elif isinstance(field, AcknowledgeField):
        field.box.click()
    elif isinstance(field, LineField):
        field.editor.setFocus()
        if field.multiline:
            field.editor.setPlainText(str(value))
        else:
            field.editor.setText(str(value))
        field.flush()


# A whole interview, page by page (the "pourquoi" page appears because satisfaction is "peu").
FULL_RUN: list[dict[str, Any]] = [
    {},
    {"age": "52"},
    {"sexe": "h"},
    {"satisfaction": "peu"},
    {"pourquoi": "Trop d'attente au guichet"},
    {"canaux": "tel agence", "date_contact": "03/10/2026", "heure_contact": "14:30", "agence_nom": "Rennes centre"},
    {"attente": "12,5"},
    {"rdv": "15/12/2026 10:30"},
    {"reco": 6},
    {"commentaire": "Personnel aimable."},
    {"lu": True},
]
EXPECTED = {"age": 52, "sexe": "h", "satisfaction": "peu", "pourquoi": "Trop d'attente au guichet",
            "canaux": "tel agence", "date_contact": "2026-10-03", "heure_contact": "14:30", "agence_nom": "Rennes centre",
            "attente": 12.5, "rdv": "2026-12-15T10:30:00", "reco": 6, "commentaire": "Personnel aimable.", "lu": "OK"}
