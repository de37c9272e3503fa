"""The workspace driven as an interviewer would: pick a study, search, filter, scroll, start, lock."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

import pytest
from PySide6.QtCore import Qt

from benchmarks.bench_views import fill_vault, insert_study
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode, text_sha256
from etudes_desktop.gui.hub import Hub
from etudes_desktop.gui.views import WorkspaceServices, WorkspaceView
from etudes_desktop.storage.interviews import InterviewStore

STUDY = "bench-2026"
OTHER = "autre-2026"


@pytest.fixture
def filled(vault):
    """Two studies: 2,000 respondents and 300 interviews, and a small one."""
    insert_study(vault)
    fill_vault(vault, STUDY, 2000, 300)
    insert_study(vault, OTHER, "Délais de remboursement")
    fill_vault(vault, OTHER, 25, 4, seed=3)
    return vault


@pytest.fixture
def make_workspace(qtbot, pool):
    def make(vault=None, hub=None) -> WorkspaceView:
        view = WorkspaceView(WorkspaceServices(vault=vault, pool=pool, hub=hub))
        qtbot.addWidget(view)
        view.resize(1200, 760)
        view.show()
        qtbot.waitExposed(view)
        return view
    return make


def _sql_people(vault, study=STUDY, where: str = "", params: tuple = ()) -> list[tuple]:
    return [tuple(r) for r in vault.conn.execute(
        f"SELECT id, last_name, first_name, status FROM respondent WHERE study_id = ? {where} "
        "ORDER BY last_name, first_name, id", (study, *params)).fetchall()]


def _shown(view: WorkspaceView, limit: int | None = None) -> list[str]:
    """'NOM Prénom' of the rows, as the table displays them."""
    model = view.respondents.model
    rows = range(model.rowCount() if limit is None else min(limit, model.rowCount()))
    return [model.index(r, 0).data() for r in rows]


def test_after_unlock_the_studies_and_the_first_study_people_are_shown(filled, make_workspace):
    view = make_workspace(filled)
    assert view.studies.study_titles() == ["Délais de remboursement", "Satisfaction des assurés 2026"]
    assert view.current_study_id() == OTHER
    view.select_study(STUDY)
    assert view.study_title.text() == "Satisfaction des assurés 2026"
    people = _sql_people(filled)
    assert view.respondents.model.rowCount() == len(people) == 2000
    assert view.respondents.count_label.text() == "2\u202f000 personnes"
    view.respondents.table.viewport().repaint()
    assert view.respondents.model.cached_rows() <= 200  # lazy: only the pages painted are read
    assert _shown(view, 50) == [f"{last.upper()} {first}" for _id, last, first, _s in people[:50]]


def test_typing_in_the_search_box_narrows_the_list(filled, make_workspace, qtbot):
    view = make_workspace(filled)
    view.select_study(STUDY)
    qtbot.keyClicks(view.respondents.search_edit, "Dubois")
    expected = _sql_people(filled, where="AND (last_name LIKE '%Dubois%' OR first_name LIKE '%Dubois%')")
    qtbot.waitUntil(lambda: view.respondents.model.rowCount() == len(expected), timeout=3000)
    assert 0 < len(expected) < 2000
    assert {name.split()[0] for name in _shown(view)} == {"DUBOIS"}
    assert view.respondents.count_label.text() == f"{len(expected)} sur 2\u202f000 personnes"
    view.respondents.search_edit.clear()
    qtbot.keyClicks(view.respondents.search_edit, "zzzz")
    qtbot.keyClick(view.respondents.search_edit, Qt.Key.Key_Return)
    assert view.respondents.model.rowCount() == 0
    assert view.respondents.empty_label.isVisible()
    assert "Personne ne correspond" in view.respondents.empty_label.text()


def test_status_filter_shows_only_that_status_with_counts_in_the_menu(filled, make_workspace, qtbot):
    view = make_workspace(filled)
    view.select_study(STUDY)
    combo = view.respondents.status_combo
    objected = _sql_people(filled, where="AND status = 'objected'")
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert f"Opposé ({len(objected)})" in labels and "Tous les statuts (2\u202f000)" in labels
    combo.setFocus()
    combo.setCurrentIndex(labels.index(f"Opposé ({len(objected)})"))
    assert view.respondents.model.rowCount() == len(objected) > 0
    model = view.respondents.model
    assert {model.index(r, 4).data() for r in range(model.rowCount())} == {"Opposé"}
    view.respondents.set_status_filter("to_contact", "in_progress")
    assert model.rowCount() == len(_sql_people(filled, where="AND status IN ('to_contact', 'in_progress')"))


def test_scrolling_to_the_end_shows_the_last_people_and_reads_few_pages(filled, make_workspace, qtbot):
    view = make_workspace(filled)
    view.select_study(STUDY)
    table, model = view.respondents.table, view.respondents.model
    bar = table.verticalScrollBar()
    for step in range(1, 11):
        bar.setValue(bar.maximum() * step // 10)
        table.viewport().repaint()
    last_visible = table.rowAt(table.viewport().height() - 2)
    assert last_visible == model.rowCount() - 1
    people = _sql_people(filled)
    _id, last, first, _status = people[-1]
    assert model.index(last_visible, 0).data() == f"{last.upper()} {first}"
    assert model.pages_fetched <= 25
    bar.setValue(0)
    table.viewport().repaint()
    assert model.index(table.rowAt(1), 0).data() == f"{people[0][1].upper()} {people[0][2]}"


def _completed(store: InterviewStore, respondent_id: int) -> str:
    interview = store.start(STUDY, "1", Mode.FACE_TO_FACE, respondent_id=respondent_id)
    store.record_consent(interview, ConsentRecord(
        notice_id="n", notice_version="1", text_sha256=text_sha256("t"), mode=Mode.FACE_TO_FACE,
        interviewer="enq-07", delivered_at=datetime.now(UTC), decision=Decision.AGREES))
    store.complete(interview)
    return interview


def test_counters_and_interviews_follow_the_vault(vault, make_workspace, qtbot):
    insert_study(vault)
    fill_vault(vault, STUDY, 40, 0)
    store = InterviewStore(vault)
    draft = store.start(STUDY, "1", Mode.PHONE, respondent_id=3)
    _completed(store, 4)
    _completed(store, 5)
    view = make_workspace(vault)
    to_contact = len(_sql_people(vault, where="AND status IN ('to_contact', 'in_progress')"))
    qtbot.waitUntil(lambda: view.counters.values()["drafts"] != "–")  # counted just after the list is shown
    assert view.counters.values() == {"to_contact": str(to_contact), "drafts": "1", "completed": "2",
                                      "waiting_sync": "2"}
    view.tabs.setCurrentWidget(view.interviews)
    table, model = view.interviews.table, view.interviews.model
    assert model.rowCount() == 3 and view.interviews.count_label.text() == "3 entretiens"
    states = [model.index(r, 2).data() for r in range(3)]
    assert states.count("Brouillon") == 1 and states.count("Terminé, à envoyer") == 2
    view.interviews.set_state_filter("draft")
    assert model.rowCount() == 1
    table.selectRow(0)
    assert view.interviews.resume_button.isEnabled()
    with qtbot.waitSignal(view.resume_interview_requested) as blocker:
        qtbot.mouseClick(view.interviews.resume_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [draft]
    _completed(store, 6)
    view.refresh()
    assert view.counters.values()["completed"] == "3"
    assert view.current_study_id() == STUDY
    assert view.interviews.state_filter() == ("draft",) and view.interviews.selected_interview().id == draft


def test_refresh_keeps_the_place_in_the_list(filled, make_workspace, qtbot):
    view = make_workspace(filled)
    view.select_study(STUDY)
    table = view.respondents.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 900)  # laid out for 2,000 rows
    table.verticalScrollBar().setValue(900)
    table.selectRow(905)
    chosen = view.respondents.selected_respondent()
    view.refresh()
    assert table.verticalScrollBar().value() == 900
    assert view.respondents.selected_respondent() == chosen


def test_start_interview_with_the_selected_person_or_unnamed(filled, make_workspace, qtbot):
    view = make_workspace(filled)
    view.select_study(STUDY)
    people = _sql_people(filled)
    contactable = next(i for i, p in enumerate(people) if p[3] == "to_contact")
    view.respondents.table.selectRow(contactable)
    with qtbot.waitSignal(view.start_interview_requested) as blocker:
        qtbot.mouseClick(view.respondents.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [STUDY, people[contactable][0]]
    objected = next(i for i, p in enumerate(people) if p[3] == "objected")
    view.respondents.table.selectRow(objected)
    assert not view.respondents.start_button.isEnabled()
    assert "ne doit pas être sollicitée" in view.respondents.start_button.toolTip()
    with qtbot.waitSignal(view.start_interview_requested) as blocker:
        qtbot.mouseClick(view.respondents.unnamed_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [STUDY, None]
    view.respondents.table.setFocus()
    view.respondents.table.selectRow(contactable)
    with qtbot.waitSignal(view.start_interview_requested) as blocker:  # the keyboard: Enter on the row
        qtbot.keyClick(view.respondents.table, Qt.Key.Key_Return)
    assert blocker.args == [STUDY, people[contactable][0]]


def test_locking_clears_everything_shown_and_unlocking_brings_it_back(filled, make_workspace):
    hub = Hub()
    view = make_workspace(hub=hub)
    assert view.studies.list.count() == 0 and view.studies.empty_label.isVisible()
    hub.vault_opened.emit(filled)
    view.select_study(STUDY)
    assert view.respondents.model.rowCount() == 2000
    hub.vault_locked.emit()
    assert view.respondents.model.rowCount() == 0 and view.respondents.model.cached_rows() == 0
    assert view.interviews.model.rowCount() == 0
    assert view.studies.list.count() == 0 and view.counters.values()["drafts"] == "–"
    assert not view.studies.import_study_button.isEnabled()
    hub.vault_opened.emit(filled)
    assert view.studies.list.count() == 2


def test_an_empty_vault_says_what_to_do(vault, make_workspace):
    view = make_workspace(vault)
    assert view.studies.empty_label.isVisible()
    assert "Importez le questionnaire" in view.studies.empty_label.text()
    assert view.respondents.empty_label.isVisible()
    assert not view.studies.import_sample_button.isEnabled()
    assert view.counters.values()["to_contact"] == "–"


def test_while_the_vault_is_busy_importing_the_list_reads_nothing_new(filled, make_workspace):
    view = make_workspace(filled)
    view.select_study(STUDY)
    model = view.respondents.model
    first = model.index(0, 0).data()  # on screen: read
    read = model.pages_fetched
    model.set_frozen(True)
    assert model.index(1500, 0).data() is None and model.pages_fetched == read
    assert model.index(0, 0).data() == first  # what was already read stays on screen
    model.set_frozen(False)
    assert model.index(1500, 0).data() and model.pages_fetched == read + 1


def test_phones_read_as_a_french_interviewer_dials_them():
    from etudes_desktop.gui.views.labels import phone_text

    assert phone_text("+33694641177") == "06 94 64 11 77"
    assert phone_text("0612345678") == "06 12 34 56 78"
    assert phone_text("+262692123456") == "06 92 12 34 56"  # Réunion: France's national plan
    assert phone_text("+32471123456") == "+32471123456"  # another country: as stored
