"""The interviewer's profile and the contractor's commitment, signed before any interview."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from etudes_desktop.core.interview import text_sha256
from etudes_desktop.gui.commitment import CommitmentDialog
from etudes_desktop.gui.profile import ProfileDialog
from tests.gui.interview_support import Env, env  # noqa: F401 - fixture

VALID_NIR = "1 84 12 76 451 089 46"


def test_first_run_sets_the_profile(qtbot, vault):
    from etudes_desktop.storage.interviews import InterviewStore

    store = InterviewStore(vault)
    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Claire Martin")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.pseudonym_edit, "ENQ-07")
    dialog.save_button.click()
    assert dialog.result() == ProfileDialog.DialogCode.Accepted
    profile = store.profile()
    assert (profile.display_name, profile.pseudonym) == ("Claire Martin", "ENQ-07")
    assert ProfileDialog.ensure_profile(store) == profile  # known: no dialog again


def test_a_profile_holding_a_nir_is_refused_beside_the_fields(qtbot, vault):
    from etudes_desktop.storage.interviews import InterviewStore

    store = InterviewStore(vault)
    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Claire " + VALID_NIR)
    dialog.pseudonym_edit.setText("ENQ-07")
    dialog.save_button.click()
    assert store.profile() is None
    assert "sécurité sociale" in dialog.error_label.text() or "NIR" in dialog.error_label.text()
    assert VALID_NIR.replace(" ", "") not in dialog.error_label.text().replace(" ", "")


def test_the_commitment_is_signed_with_a_typed_name_and_the_text_hash(qtbot, env: Env):
    study = replace(env.study, study_id=env.study.study_id)
    env.vault.conn.execute("DELETE FROM commitment")  # a fresh interviewer on this study
    dialog = CommitmentDialog(env.store, study, env.me, today=lambda: date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.read_check.isEnabled()  # not before the text was read to its end
    dialog.text_view.verticalScrollBar().setValue(dialog.text_view.verticalScrollBar().maximum())
    assert dialog.text_view.toPlainText() == study.commitment_text
    assert "non-réexploitation" in dialog.text_view.toPlainText()
    assert not dialog.sign_button.isEnabled()
    dialog.read_check.click()
    assert not dialog.sign_button.isEnabled()  # a signature is a typed name
    qtbot.keyClicks(dialog.name_edit, "Claire Martin")
    dialog.sign_button.click()
    row = env.vault.conn.execute("SELECT * FROM commitment").fetchone()
    assert (row["signed_name"], row["signed_on"], row["pseudonym"]) == ("Claire Martin", "2026-11-30", "ENQ-07")
    assert row["text_sha256"] == text_sha256(study.commitment_text)
    assert CommitmentDialog.ensure_signed(env.store, study, env.me)  # no dialog when signed


def test_a_changed_commitment_text_must_be_signed_again(qtbot, env: Env):
    assert env.store.has_signed(env.study.study_id, "ENQ-07", env.study.commitment_text)
    changed = replace(env.study, commitment_text=env.study.commitment_text + "\n7. Article ajouté.")
    assert not env.store.has_signed(changed.study_id, "ENQ-07", changed.commitment_text)
    dialog = CommitmentDialog(env.store, changed, env.me)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_view.verticalScrollBar().setValue(dialog.text_view.verticalScrollBar().maximum())
    dialog.read_check.click()
    dialog.name_edit.setText("Claire Martin")
    dialog.sign_button.click()
    assert env.store.has_signed(changed.study_id, "ENQ-07", changed.commitment_text)


def test_the_box_is_ticked_only_once_the_text_was_scrolled_to_its_end(qtbot, env: Env):
    long = replace(env.study, commitment_text="\n".join(f"{n}. Article de l'engagement." for n in range(1, 80)))
    dialog = CommitmentDialog(env.store, long, env.me)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.read_check.isEnabled()
    bar = dialog.text_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert not dialog.read_check.isEnabled()
    bar.setValue(bar.maximum())
    assert dialog.read_check.isEnabled()


def test_the_signature_is_the_full_name_of_the_profile(qtbot, env: Env):
    changed = replace(env.study, commitment_text=env.study.commitment_text + "\n8. Avenant.")
    dialog = CommitmentDialog(env.store, changed, env.me)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_view.verticalScrollBar().setValue(dialog.text_view.verticalScrollBar().maximum())
    dialog.read_check.click()
    dialog.name_edit.setText("Claire")
    dialog.sign_button.click()
    assert "nom complet" in dialog.error_label.text()
    assert not env.store.has_signed(changed.study_id, "ENQ-07", changed.commitment_text)
    dialog.name_edit.setText("MARTIN claire")  # order, case and accents do not matter
    dialog.sign_button.click()
    assert env.store.has_signed(changed.study_id, "ENQ-07", changed.commitment_text)


def test_a_pseudonym_holding_the_interviewers_name_is_refused(qtbot, vault):
    from etudes_desktop.storage.interviews import InterviewStore

    store = InterviewStore(vault)
    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    for pseudonym in ("claire testeuse", "C-Testeuse", "CLAIRE07"):
        dialog.name_edit.setText("Claire Testeuse")
        dialog.pseudonym_edit.setText(pseudonym)
        dialog.save_button.click()
        assert store.profile() is None and "ni votre nom ni votre prénom" in dialog.error_label.text()
    dialog.pseudonym_edit.setText("ENQ-07")
    dialog.save_button.click()
    assert store.profile().pseudonym == "ENQ-07"
