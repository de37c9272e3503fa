"""A closed focus group goes to the real server as one record: no name arrives, the objector is a
pseudonym and a decision, the figures add up, the laptop's copy is purged, a resend is a duplicate."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime

from etudes_desktop.core.group.guide import GroupGuide
from etudes_desktop.core.interview import Decision
from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.server.groups_store import GroupStore
from etudes_desktop.storage import group_outbox
from etudes_desktop.storage.groups import GroupService
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.studies import save_study
from etudes_desktop.sync import group_push
from etudes_desktop.sync.transport import HttpTransport
from tests.sync.seed import STUDY

NAMES = ["Eleonore", "Baptiste", "Capucine", "Dorothee"]


def _closed_session(vault) -> tuple[GroupService, str, StudyPackage]:
    package = StudyPackage(
        id=STUDY, title="Groupes", group=GroupGuide(themes=["Accueil"], questions=["canal"]),
        questionnaire=Questionnaire(form_id="g", title="t", items=[
            Item(name="canal", type=ItemType.SELECT_ONE, list_name="c")], choices={"c": [Choice(name="a"), Choice(name="b")]}))
    save_study(vault, package)
    RespondentRepository(vault).insert_many(STUDY, [SampleRecord(n + 2, f"GRP-{n}", last_name=f"Famille{n}", first_name=name)
                                                    for n, name in enumerate(NAMES)])
    groups = GroupService(vault)
    session = groups.create(STUDY, dt.date(2026, 11, 20), "Salle Rennes", "MOD-01")
    groups.plan(session, [r.id for r in RespondentRepository(vault).list(STUDY)])
    for seat in groups.seats(session):
        groups.arrive(seat.id)
    groups.add_walk_in(session, "Zephyrin")
    groups.deliver_notice(session, package.notice)
    for n, seat in enumerate(groups.seats(session)):
        groups.decide(seat.id, Decision.OBJECTS if n == 1 else Decision.AGREES, package)
    groups.add_note(session, "Eleonore Famille0 trouve l'accueil lent", "Accueil")
    groups.add_note(session, "P3 et Zephyrin sont d'accord", "Accueil")
    groups.record_count(session, package, "canal", {"a": 3, "b": 1})
    groups.close(session)
    return groups, session, package


def test_a_session_arrives_as_one_pseudonymised_record(vault, field_setup, tmp_path):
    groups, session, _package = _closed_session(vault)
    transport = HttpTransport(field_setup.server.url, field_setup.token, timeout=10)
    report = group_push.push(vault, transport, STUDY, lambda request: request(), datetime.now(UTC))
    assert report.sent == 1 and report.problems == []
    server = GroupStore(field_setup.store)
    [figures] = server.sessions(STUDY)
    assert (figures.invited, figures.present, figures.walk_ins, figures.agreed, figures.objected, figures.notes) == (
        4, 5, 1, 4, 1, 2)
    record = server.record(session)
    text = str(record)
    assert not any(name in text for name in [*NAMES, "Zephyrin", "Famille", "GRP-"])
    assert [p["decision"] for p in record["participants"]].count("objects") == 1
    objector = next(p for p in record["participants"] if p["decision"] == "objects")
    assert set(objector) == {"pseudonym", "walk_in", "decision", "decided_at", "interview_id"}
    assert server.hands(STUDY) == {"canal": {"a": (3, 4), "b": (1, 4)}}
    # the laptop keeps no note, no participant, no count of a session the server holds
    assert group_outbox.to_send(vault, STUDY) == []
    assert groups.notes(session) == [] and groups.seats(session) == [] and groups.get(session).state == "synced"
    database = (tmp_path / "server" / "server.db").read_bytes()
    assert b"lent" not in database and b"Accueil" not in database  # the record is sealed at rest


def test_a_resend_is_a_duplicate_and_other_content_a_conflict(vault, field_setup):
    from etudes_desktop.sync import group_protocol as gp

    _groups, session, _package = _closed_session(vault)
    record = gp.GroupSessionRecord.model_validate(group_outbox.record(vault, session))
    transport = HttpTransport(field_setup.server.url, field_setup.token, timeout=10)
    body = gp.GroupSessionUpload(content_sha256=gp.record_hash(record), record=record).model_dump_json().encode()
    assert transport.post_group_session(body, 10).body["status"] == "accepted"
    assert transport.post_group_session(body, 10).body["status"] == "duplicate"
    other = record.model_copy(update={"place": "Salle Brest"})
    body = gp.GroupSessionUpload(content_sha256=gp.record_hash(other), record=other).model_dump_json().encode()
    assert transport.post_group_session(body, 10).body["status"] == "conflict"


def test_a_record_naming_a_person_is_refused_by_the_server(vault, field_setup):
    from etudes_desktop.sync import group_protocol as gp

    _groups, session, _package = _closed_session(vault)
    raw = group_outbox.record(vault, session)
    raw["notes"][0]["text"] = "rappeler au 06 27 87 44 21"
    transport = HttpTransport(field_setup.server.url, field_setup.token, timeout=10)
    import json
    body = json.dumps({"protocol_version": 1, "content_sha256": "0" * 64, "record": raw}).encode()
    reply = transport.post_group_session(body, 10)
    assert reply.status == 422 and "06 27" not in json.dumps(reply.body)
    assert GroupStore(field_setup.store).sessions(STUDY) == []
