"""A focus group on a real vault: the door, the notice read to the group, each decision, notes
with names replaced by pseudonyms, shows of hands, and a close that keeps no first name."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime, timedelta

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.group.counts import CountRefused
from etudes_desktop.core.group.guide import GroupGuide
from etudes_desktop.core.group.notes import NoteRefused
from etudes_desktop.core.interview import Decision
from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.storage.groups import GroupService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository, SuppressionList
from etudes_desktop.storage.studies import save_study

T0 = datetime(2026, 6, 2, 16, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def group_package() -> StudyPackage:
    return StudyPackage(
        id="groupes", title="Groupes accueil",
        group=GroupGuide(themes=["Accueil", "Délais"], questions=["canal"]),
        questionnaire=Questionnaire(
            form_id="groupes", title="t",
            items=[Item(name="canal", type=ItemType.SELECT_ONE, list_name="canaux"),
                   Item(name="note", type=ItemType.INTEGER)],
            choices={"canaux": [Choice(name="agence"), Choice(name="tel"), Choice(name="web")]}))


@pytest.fixture
def session(vault):
    package = group_package()
    save_study(vault, package)
    RespondentRepository(vault).insert_many("groupes", [
        SampleRecord(2, "G01", last_name="Durand", first_name="Éléonore", phone="0627874421"),
        SampleRecord(3, "G02", last_name="Martin", first_name="Paul"),
        SampleRecord(4, "G03", last_name="Lemoine", first_name="Sophie", phone="0611223344"),
    ], now=T0)
    groups = GroupService(vault, Clock())
    session_id = groups.create("groupes", dt.date(2026, 6, 2), "Salle 3, CPAM de Rennes", "MOD-01")
    ids = [RespondentRepository(vault).by_sample_id("groupes", s).id for s in ("G01", "G02", "G03")]
    assert groups.plan(session_id, ids) == 3
    return groups, session_id, package, ids


def test_pseudonyms_are_given_at_the_door_in_order_of_arrival(session):
    groups, session_id, _package, _ids = session
    seats = {s.first_name: s for s in groups.seats(session_id)}
    assert groups.arrive(seats["Paul"].id) == "P1"
    assert groups.arrive(seats["Éléonore"].id) == "P2"
    assert groups.arrive(seats["Paul"].id) == "P1"  # arriving twice changes nothing
    walk_in = groups.add_walk_in(session_id, "Jean-Marc")
    assert walk_in.pseudonym == "P3" and walk_in.walk_in and walk_in.present
    assert [s.pseudonym for s in groups.seats(session_id)] == ["P1", "P2", "P3", None]  # Sophie not yet here


@pytest.mark.parametrize("name", ["", "Marc 06 12 34 56 78", "1 85 05 78 006 084 36", "marc@x.fr", "A" * 41])
def test_a_walk_in_gives_a_first_name_and_nothing_else(session, name):
    groups, session_id, _package, _ids = session
    with pytest.raises(EtudesError):
        groups.add_walk_in(session_id, name)
    assert len(groups.seats(session_id)) == 3


def test_no_decision_before_the_notice_is_read_to_the_group(session):
    groups, session_id, package, _ids = session
    seat = groups.seats(session_id)[0]
    groups.arrive(seat.id)
    with pytest.raises(EtudesError, match="mention d'information"):
        groups.decide(seat.id, Decision.AGREES, package)


def test_each_decision_is_the_consent_of_an_interview_and_an_objector_leaves_nothing(vault, session):
    groups, session_id, package, ids = session
    for seat in groups.seats(session_id):
        groups.arrive(seat.id)
    groups.deliver_notice(session_id, package.notice)
    by_name = {s.first_name: s for s in groups.seats(session_id)}
    agreed = groups.decide(by_name["Éléonore"].id, Decision.AGREES, package)
    objected = groups.decide(by_name["Sophie"].id, Decision.OBJECTS, package)
    store = InterviewStore(vault)
    consent = store.latest_consent(agreed)
    assert consent is not None and consent.mode.value == "group" and consent.interviewer == "MOD-01"
    assert consent.text_sha256 == package.notice.sha256 and consent.decision is Decision.AGREES
    assert store.get(objected).state.value == "objected"
    sophie = groups.seat(by_name["Sophie"].id)
    assert sophie.first_name == "" and sophie.respondent_id is None and sophie.decision == "objects"
    person = RespondentRepository(vault).get(ids[2])
    assert person.status == "objected" and person.phone is None and person.first_name is None
    assert SuppressionList(vault).contains("groupes", sample_id="G03")
    with pytest.raises(EtudesError, match="déjà décidé"):
        groups.decide(by_name["Éléonore"].id, Decision.OBJECTS, package)


def test_notes_put_pseudonyms_in_place_of_names_and_refuse_contact_data(session):
    groups, session_id, package, _ids = session
    by_name = {s.first_name: s for s in groups.seats(session_id)}
    for name in ("Éléonore", "Paul", "Sophie"):
        groups.arrive(by_name[name].id)
    note, cleaned = groups.add_note(session_id, "Éléonore Durand trouve que Paul exagère", "Accueil", ["P3"])
    assert note.text == "P1 trouve que P2 exagère"
    assert note.pseudonyms == ("P3", "P1", "P2") and cleaned.replaced == ("P1", "P2")
    with pytest.raises(NoteRefused):
        groups.add_note(session_id, "elle donne son 06 27 87 44 21", "Accueil")
    tagged, _ = groups.add_note(session_id, "P3 n'est pas d'accord avec P9", "Délais")
    assert tagged.pseudonyms == ("P3",)  # a pseudonym named in the note tags it; P9 is nobody here
    assert [n.text for n in groups.notes(session_id)] == ["P1 trouve que P2 exagère", "P3 n'est pas d'accord avec P9"]


def test_the_name_of_someone_who_objected_and_left_is_still_taken_out_of_a_note(vault, session):
    groups, session_id, package, _ids = session
    by_name = {s.first_name: s for s in groups.seats(session_id)}
    for seat in by_name.values():
        groups.arrive(seat.id)
    groups.deliver_notice(session_id, package.notice)
    groups.decide(by_name["Sophie"].id, Decision.OBJECTS, package)
    note, cleaned = groups.add_note(session_id, "Sophie LEMOINE est partie fâchée ; lemoine reviendra", "Accueil")
    assert "Sophie" not in note.text and "LEMOINE" not in note.text.upper().replace("(PARTICIPANT SORTI)", "")
    assert note.text == "(participant sorti) est partie fâchée ; (participant sorti) reviendra"
    assert cleaned.removed == 2
    stored = vault.conn.execute("SELECT left_digests FROM group_participant WHERE id = ?", (by_name["Sophie"].id,)).fetchone()[0]
    assert "sophie" not in stored.lower() and "lemoine" not in stored.lower()  # keyed digests, not the names
    groups.close(session_id)
    assert vault.conn.execute("SELECT count(*) FROM group_participant WHERE left_digests IS NOT NULL").fetchone()[0] == 0


def test_a_show_of_hands_counts_those_present_who_accepted(session):
    groups, session_id, package, _ids = session
    seats = groups.seats(session_id)
    for seat in seats:
        groups.arrive(seat.id)
    groups.deliver_notice(session_id, package.notice)
    groups.decide(seats[0].id, Decision.AGREES, package)
    groups.decide(seats[1].id, Decision.AGREES, package)
    groups.decide(seats[2].id, Decision.OBJECTS, package)
    count = groups.record_count(session_id, package, "canal", {"agence": 1, "web": 1})
    assert count.present == 2 and count.abstained == 0
    with pytest.raises(CountRefused):
        groups.record_count(session_id, package, "canal", {"agence": 2, "web": 1})
    assert groups.counts(session_id) == {"canal": (2, {"agence": 1, "web": 1})}


def test_closing_erases_first_names_and_stops_every_change(vault, session):
    groups, session_id, package, _ids = session
    seats = groups.seats(session_id)
    for seat in seats:
        groups.arrive(seat.id)
    groups.add_walk_in(session_id, "Jean")
    groups.deliver_notice(session_id, package.notice)
    for seat, decision in zip(groups.seats(session_id), (Decision.AGREES, Decision.AGREES, Decision.OBJECTS, Decision.AGREES)):
        groups.decide(seat.id, decision, package)
    answered = groups.seats(session_id)[0].interview_id
    InterviewStore(vault).save_answer(answered, "note", 7)
    figures = groups.close(session_id)
    assert figures == {"invited": 3, "walk_ins": 1, "present": 4, "agreed": 3, "objected": 1, "notes": 0}
    assert all(s.first_name == "" for s in groups.seats(session_id))
    states = {InterviewStore(vault).get(s.interview_id).state.value for s in groups.seats(session_id)[1:]}
    assert states == {"abandoned", "objected"}  # unanswered questionnaires do not linger as drafts
    assert InterviewStore(vault).get(answered).state.value == "draft"
    with pytest.raises(EtudesError, match="close"):
        groups.add_note(session_id, "trop tard", "Accueil")
