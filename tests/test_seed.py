"""Synthetic content: the demo study, fictitious respondents, completed interviews that obey the form."""

from __future__ import annotations

import random

from etudes_desktop.core.session import Session
from etudes_desktop.demo import seed
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository


def test_demo_study_people_and_interviews(vault):
    package = seed.import_demo_study(vault)
    assert seed.seed_respondents(vault, package.id, 30) == 30
    assert RespondentRepository(vault).count(package.id) == 30
    assert seed.seed_interviews(vault, package.id, 5, random.Random(3)) == 5
    store = InterviewStore(vault)
    completed = store.list_for_study(package.id)
    assert len(completed) == 5 and {i.state.value for i in completed} == {"completed"}
    answers = store.answers(completed[0].id)
    assert len(answers) >= 10
    session = Session(package.questionnaire, answers)
    assert session.errors() == {}, "synthetic answers must satisfy required and constraints"
    assert store.latest_consent(completed[0].id).notice_version == package.notice.version


def test_demo_vault_holds_the_demo_study_and_30_people(tmp_path):
    from etudes_desktop.demo import DEMO_PASSPHRASE, demo_paths, ensure_demo_vault
    from etudes_desktop.storage.studies import list_studies
    from etudes_desktop.storage.vault import KdfParams, Vault

    paths = demo_paths(tmp_path)
    assert ensure_demo_vault(paths, kdf=KdfParams.fast()) is True
    with Vault.open(paths, DEMO_PASSPHRASE) as vault:
        [study] = list_studies(vault)
        assert RespondentRepository(vault).count(study.id) == 30


def test_the_demo_questionnaire_answers_its_yes_no_questions_in_their_own_words():
    from pathlib import Path

    from etudes_desktop.core.xlsform import load_xlsform

    form = load_xlsform(Path(__file__).resolve().parents[1] / "resources" / "studies" / "satisfaction_assures_2026.xlsx")
    questionnaire = form.questionnaire

    def find(items, name):
        for item in items:
            if item.name == name:
                return item
            found = find(getattr(item, "children", None) or [], name)
            if found is not None:
                return found
        return None

    for name, word in (("clarte_info", "claires"), ("facilite_ameli", "facile")):
        labels = [next(iter(c.label.values())) for c in questionnaire.choices_for(find(questionnaire.items, name))]
        assert all("satisf" not in label for label in labels) and any(word in label for label in labels), labels
