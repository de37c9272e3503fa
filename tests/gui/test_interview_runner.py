"""The runner: every type, one page at a time, messages beside fields, skip logic, saved marks."""

from __future__ import annotations

import pytest

from etudes_desktop.core.interview import Mode, State
from etudes_desktop.gui.interview.controller import REVIEW_POSITION
from etudes_desktop.gui.interview.widgets import AcknowledgeField, ChoiceField, LineField, NoteField, ScaleField
from tests.gui.interview_support import EXPECTED, FULL_RUN, Env, agree, env, fill_page, give  # noqa: F401

NIR = "2 69 05 49 588 157 80"


@pytest.mark.parametrize("mode", [Mode.FACE_TO_FACE, Mode.PHONE, Mode.PAPER])
def test_one_interview_per_mode_from_the_notice_to_completion(qtbot, env: Env, mode):
    person = env.people[0]
    interview = env.start(mode, person)
    screen = env.screen(qtbot, interview)
    agree(screen)
    for answers in FULL_RUN:
        assert screen.current_view() is screen.runner
        fill_page(screen, answers)
    assert screen.current_view() is screen.review
    assert env.store.get(interview).position == REVIEW_POSITION
    shown = {screen.review.table.item(r, 0).text(): screen.review.table.item(r, 1).text()
             for r in range(screen.review.table.rowCount())}
    assert shown["Vous êtes :"] == "Un homme" and shown["Date du dernier contact"] == "03/10/2026"
    assert screen.review.complete_button.isEnabled()
    screen.review.complete_button.click()
    assert screen.current_view() is screen.end and "terminé" in screen.end.title_label.text()
    assert env.store.get(interview).state is State.COMPLETED
    assert env.store.answers(interview) == EXPECTED
    assert env.respondent(person)["status"] == "done"
    again = env.screen(qtbot, interview)  # completed = read-only
    assert again.current_view() is again.review and again.review.read_only
    assert not again.review.complete_button.isVisible() and not again.review.back_button.isVisible()
    again.review.table.setCurrentCell(0, 0)
    again.review.table.itemActivated.emit(again.review.table.item(0, 0))
    assert again.current_view() is again.review


def test_every_engine_type_gets_its_widget(qtbot, env: Env):
    screen = env.screen(qtbot, env.start(Mode.FACE_TO_FACE))
    agree(screen)
    kinds = {}
    for answers in FULL_RUN:
        for field in screen.runner.fields:
            kinds[field.key] = type(field)
        fill_page(screen, answers)
    assert kinds["intro"] is NoteField and kinds["sexe"] is ChoiceField and kinds["reco"] is ScaleField
    assert kinds["lu"] is AcknowledgeField and kinds["age"] is LineField and kinds["rdv"] is LineField
    assert kinds["canaux"] is ChoiceField and kinds["date_contact"] is LineField


def test_required_and_constraint_messages_appear_beside_the_field(qtbot, env: Env):
    screen = env.screen(qtbot, env.start(Mode.FACE_TO_FACE))
    agree(screen)
    runner = screen.runner
    runner.next_button.click()
    runner.next_button.click()  # nothing typed on a required question
    assert runner.page.key == "age" and runner.field("age").message_label.text() == "Cette question est obligatoire."
    give(runner.field("age"), "12")
    assert runner.field("age").message_label.text() == "L'âge doit être compris entre 16 et 110 ans."
    runner.next_button.click()
    assert runner.page.key == "age" and "Corrigez" in runner.page_message.text()
    give(runner.field("age"), "abc")  # the validator refuses letters: nothing changes
    give(runner.field("age"), "30")
    assert runner.field("age").message_label.text() == "✓ Enregistré"
    runner.next_button.click()
    assert runner.page.key == "sexe"


def test_skip_logic_is_live_on_a_field_list_page(qtbot, env: Env):
    screen = env.screen(qtbot, env.start(Mode.FACE_TO_FACE))
    agree(screen)
    for answers in FULL_RUN[:4]:
        fill_page(screen, {**answers, "satisfaction": "tres"} if "satisfaction" in answers else answers)
    runner = screen.runner
    assert runner.page.key == "contact"  # "pourquoi" skipped: the person is satisfied
    assert [f.key for f in runner.fields] == ["canaux", "date_contact", "heure_contact"]
    runner.field("canaux").buttons[1].click()  # "Accueil en agence" shows the agency question
    assert [f.key for f in runner.fields] == ["canaux", "date_contact", "heure_contact", "agence_nom"]
    assert runner.field("canaux").is_saved_shown()
    runner.field("canaux").buttons[1].click()
    assert "agence_nom" not in [f.key for f in runner.fields]
    assert env.store.answers(screen.flow.interview_id).get("canaux") is None
    done, total = screen.flow.progress("contact")
    assert runner.progress_label.text() == f"Page {done + 1} sur {total}"


def test_saved_is_shown_only_once_the_answer_is_in_the_vault(qtbot, env: Env):
    interview = env.start(Mode.PHONE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    runner = screen.runner
    runner.next_button.click()
    seen = []
    runner.answer_saved.connect(lambda key: seen.append((key, env.store.answers(interview).get(key),
                                                         runner.field(key).is_saved_shown())))
    field = runner.field("age")
    field.editor.setText("44")
    assert not field.is_saved_shown()  # typed, not given yet
    field.flush()
    assert seen == [("age", 44, True)]
    qtbot.keyClicks(field.editor, "5")
    assert not field.is_saved_shown()  # edited again: the mark goes until the next commit


def test_a_nir_in_a_free_text_answer_is_refused_and_never_stored(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    for answers in FULL_RUN[:9]:
        fill_page(screen, answers)
    runner = screen.runner
    assert runner.page.key == "commentaire"
    give(runner.field("commentaire"), f"mon numéro est {NIR}")
    message = runner.field("commentaire").message_label.text()
    assert "NIR" in message and NIR.replace(" ", "")[:13] not in message.replace(" ", "")
    assert "commentaire" not in env.store.answers(interview)
    runner.next_button.click()
    assert runner.page.key == "commentaire"  # cannot go on with a refused answer on the page
    give(runner.field("commentaire"), "Rien à ajouter")
    runner.next_button.click()
    assert runner.page.key == "lu"


def test_going_back_and_the_review_jump_to_a_question(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    for answers in FULL_RUN:
        fill_page(screen, answers)
    review = screen.review
    row = review.keys.index("sexe")
    review.table.itemActivated.emit(review.table.item(row, 0))
    assert screen.current_view() is screen.runner and screen.runner.page.key == "sexe"
    assert screen.runner.field("sexe").buttons[1].isChecked()
    screen.runner.back_button.click()
    assert screen.runner.page.key == "age" and screen.runner.field("age").text() == "52"
    assert env.store.get(interview).position == "age"


def test_a_draft_resumes_on_its_page_with_its_answers(qtbot, env: Env):
    interview = env.start(Mode.PAPER)
    screen = env.screen(qtbot, interview)
    agree(screen)
    for answers in FULL_RUN[:5]:
        fill_page(screen, answers)
    give(screen.runner.field("canaux"), "web")
    assert screen.runner.page.key == "contact"
    screen.close()
    resumed = env.screen(qtbot, interview)
    assert resumed.current_view() is resumed.runner and resumed.runner.page.key == "contact"
    assert resumed.runner.field("canaux").selected() == ["web"]
    resumed.runner.back_button.click()
    assert resumed.runner.field("pourquoi").text() == "Trop d'attente au guichet"


def test_a_draft_left_on_the_review_page_resumes_there(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    for answers in FULL_RUN:
        fill_page(screen, answers)
    resumed = env.screen(qtbot, interview)
    assert resumed.current_view() is resumed.review and not resumed.review.read_only


def test_repeats_get_a_page_per_occurrence_and_resume_with_every_occurrence(qtbot, env: Env):
    from dataclasses import replace

    from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire

    def q(name, kind, label):
        return Item(name=name, type=kind, label={"default": label})

    form = Questionnaire(form_id="foyer", title="Foyer", items=[
        q("nb", ItemType.INTEGER, "Combien de personnes vivent au foyer ?"),
        Item(name="enfant", type=ItemType.REPEAT, label={"default": "Enfant"}, children=[
            q("prenom", ItemType.TEXT, "Prénom de l'enfant"), q("age_enfant", ItemType.INTEGER, "Son âge")]),
        q("fin", ItemType.NOTE, "Merci."),
    ])
    env.study = replace(env.study, questionnaire=form)
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    runner = screen.runner
    fill_page(screen, {"nb": "3"})
    assert runner.page.key == "prenom[1]" and runner.add_repeat_button.isVisible()
    assert "Enfant" in runner.add_repeat_button.text()
    fill_page(screen, {"prenom[1]": "Léo"})
    give(runner.field("age_enfant[1]"), "7")
    runner.add_repeat_button.click()
    assert runner.page.key == "prenom[2]"
    fill_page(screen, {"prenom[2]": "Inès"})
    fill_page(screen, {"age_enfant[2]": "4"})
    assert runner.page.key == "fin" and not runner.add_repeat_button.isVisible()
    assert env.store.answers(interview) == {"nb": 3, "prenom[1]": "Léo", "age_enfant[1]": 7,
                                            "prenom[2]": "Inès", "age_enfant[2]": 4}
    resumed = env.screen(qtbot, interview)
    assert resumed.runner.page.key == "fin"
    resumed.runner.back_button.click()
    assert resumed.runner.page.key == "age_enfant[2]" and resumed.runner.field("age_enfant[2]").text() == "4"


def test_a_date_that_does_not_exist_is_refused_in_the_format_typed(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    screen.runner.show_page(screen.flow.page("contact"))
    give(screen.runner.field("date_contact"), "31/02/2026")
    screen.runner.next_button.click()
    assert screen.runner.field("date_contact").message_label.text() == "Saisissez une date qui existe, au format JJ/MM/AAAA."
    assert "date_contact" not in env.store.answers(interview)


def test_a_draft_can_be_left_for_later_and_a_person_may_stop_at_any_time(qtbot, env: Env):
    interview = env.start(Mode.PHONE, env.people[0])
    screen = env.screen(qtbot, interview)
    assert screen.suspend_button.isVisible() and not screen.stop_button.isVisible()  # on the notice
    agree(screen)
    fill_page(screen, {})
    screen.runner.field("age").editor.setText("61")
    with qtbot.waitSignal(screen.finished) as left:
        screen.suspend_button.click()
    assert left.args == ["questions"] and env.store.answers(interview) == {"age": 61}  # typed, then kept
    resumed = env.screen(qtbot, interview)
    assert resumed.runner.page.key == "age" and resumed.stop_button.isVisible()
    resumed.stop_button.click()
    assert env.store.get(interview).state is State.DRAFT  # one more click to confirm
    resumed.confirm_stop_button.click()
    assert env.store.get(interview).state is State.ABANDONED and env.store.answers(interview) == {}
    assert resumed.current_view() is resumed.end and not resumed.suspend_button.isVisible()


def test_a_draft_resumes_every_answer_inside_a_repeat_sized_by_an_earlier_answer(qtbot, env: Env):
    from dataclasses import replace

    from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire

    form = Questionnaire(form_id="foyer", title="Foyer", items=[
        Item(name="nb", type=ItemType.INTEGER, label={"default": "Combien d'enfants ?"}),
        Item(name="enfant", type=ItemType.REPEAT, label={"default": "Enfant"}, repeat_count="${nb}", children=[
            Item(name="age", type=ItemType.INTEGER, label={"default": "Son âge"})]),
        Item(name="fin", type=ItemType.NOTE, label={"default": "Merci."}),
    ])
    env.study = replace(env.study, questionnaire=form)
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    fill_page(screen, {"nb": "2"})
    fill_page(screen, {"age[1]": "7"})
    fill_page(screen, {"age[2]": "9"})
    # The vault returns rows in key order: 'age[1]', 'age[2]' come before 'nb'.
    assert list(env.store.answers(interview)) == ["age[1]", "age[2]", "nb"]
    resumed = env.screen(qtbot, interview)
    assert resumed.flow.session.answers() == {"nb": 2, "age[1]": 7, "age[2]": 9}
    assert resumed.flow.restore_refused == {} and not resumed.error_label.isVisible()
    rows = {key: shown for key, _q, shown, _e in resumed.flow.review_rows()}
    assert rows == {"nb": "2", "age[1]": "7", "age[2]": "9"}


def test_the_pages_message_goes_once_the_page_is_fixed(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE)
    screen = env.screen(qtbot, interview)
    agree(screen)
    runner = screen.runner
    runner.next_button.click()  # the note
    runner.next_button.click()  # "age" is required: refused
    assert runner.page.key == "age" and runner.page_message.text()
    give(runner.field("age"), "40")
    assert runner.page_message.text() == "" and runner.field("age").is_saved_shown()
