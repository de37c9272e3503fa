"""Point, barcode and rank questions on a laptop (issue 9, item 12): no GPS, no scanner, no
drag-and-drop list, so each is a typed field with a French hint, and what is saved is what the
engine accepted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from etudes_desktop.core.interview import Mode
from etudes_desktop.core.xlsform import load_xlsform
from etudes_desktop.core.xlsform_writer import write_xlsform
from etudes_desktop.demo.interview_states import seed_people
from etudes_desktop.demo.sample_study import sample_package
from etudes_desktop.gui.interview.controller import display_answer
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.gui.interview.widgets import RankField
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.studies import save_study
from tests.gui.interview_support import T0, Env, StepClock, agree


@pytest.fixture
def laptop_env(vault, tmp_path) -> Env:
    survey = [
        {"type": "geopoint", "name": "lieu", "label": "Où se trouve l'agence ?"},
        {"type": "barcode", "name": "code", "label": "Code de la boîte de médicament"},
        {"type": "rank canal", "name": "ordre", "label": "Classez les canaux du préféré au moins aimé"},
    ]
    choices = [{"list_name": "canal", "name": n, "label": label}
               for n, label in (("tel", "Téléphone"), ("web", "Site web"), ("agence", "Agence"))]
    form = load_xlsform(write_xlsform(tmp_path / "laptop.xlsx", survey, choices))
    package = sample_package(id="laptop-2026", questionnaire=form.questionnaire)
    save_study(vault, package)
    clock = StepClock()
    store = InterviewStore(vault, clock=clock)
    me = store.set_profile("Claire Martin", "ENQ-07")
    study = StudyInfo.from_package(package)
    store.sign_commitment(study.study_id, me.pseudonym, "Claire Martin", "2026-11-30", study.commitment_text)
    return Env(vault, store, study, me, seed_people(vault, study.study_id, T0), clock)


def _type(qtbot, field, text: str) -> None:
    field.editor.setFocus()
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, text)
    qtbot.keyClick(field.editor, Qt.Key.Key_Return)


def test_point_barcode_and_rank_are_typed_and_saved(qtbot, laptop_env: Env):
    env = laptop_env
    interview = env.start(Mode.FACE_TO_FACE, env.people[0])
    screen = env.screen(qtbot, interview)
    agree(screen)
    runner = screen.runner

    assert runner.page.key == "lieu"
    lieu = runner.field("lieu")
    assert "latitude puis longitude" in lieu.hint_label.text() and lieu.hint_label.isVisible()
    _type(qtbot, lieu, "91, 2.35")
    assert "latitude" in lieu.message_label.text() and "lieu" not in env.store.answers(interview)
    _type(qtbot, lieu, "48,8566, 2,3522")  # pasted from a map, decimal commas
    assert env.store.answers(interview)["lieu"] == "48.8566 2.3522"

    assert runner.page.key == "code"
    code = runner.field("code")
    assert "douchette" in code.hint_label.text()
    _type(qtbot, code, "1850578006084")  # a person's NIR body: refused without repeating it
    assert "sécurité sociale" in code.message_label.text() and "1850578" not in code.message_label.text()
    _type(qtbot, code, "3017620422003")  # a French EAN-13, shaped like a NIR without key: accepted
    assert env.store.answers(interview)["code"] == "3017620422003"

    assert runner.page.key == "ordre"
    ordre = runner.field("ordre")
    assert isinstance(ordre, RankField)
    assert "1 = Téléphone, 2 = Site web, 3 = Agence" in ordre.hint_label.text()
    _type(qtbot, ordre, "3 1")
    assert "une fois et une seule" in ordre.message_label.text() and "ordre" not in env.store.answers(interview)
    _type(qtbot, ordre, "3 1 2")
    assert env.store.answers(interview)["ordre"] == "agence tel web"
    assert display_answer(screen.flow.session, "ordre") == "Agence > Téléphone > Site web"
    ordre.set_value("web agence tel")
    assert ordre.editor.text() == "2 3 1"  # a stored ranking is shown as the numbers typed
