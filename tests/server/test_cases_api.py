"""Case management over the real server: each laptop downloads its own people and nothing else,
an unchanged assignment costs a 304, reassignment moves people, case events are stored once, an
objection takes the person off every laptop and onto the shared suppression list."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import sqlalchemy

from etudes_desktop.server.cases_import_store import import_sample
from etudes_desktop.server.cases_store import TABLES, CasesStore
from etudes_desktop.sync import case_protocol as cp
from tests.server.cases_files import PLANTED_NAME, PLANTED_PHONE, sample_file
from tests.server.conftest import Live

STUDY = "sat-2026"


@pytest.fixture
def two(live: Live, tmp_path: Path) -> tuple[Live, CasesStore, str]:
    """The live server, 40 people imported, a second device (portable-02) and its token."""
    cases = CasesStore(live.store)
    import_sample(cases, STUDY, sample_file(tmp_path, 40))
    _, token2 = live.store.enroll(STUDY, "portable-02")
    return live, cases, token2


def get(live: Live, token: str, etag: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}", **({"If-None-Match": etag} if etag else {})}
    return live.client.get(f"{live.url}{cp.ASSIGNMENT_PATH}", headers=headers)


def post_events(live: Live, token: str, events: list[dict], study: str = STUDY) -> httpx.Response:
    body = {"protocol_version": 1, "study_id": study, "events": events}
    return live.client.post(f"{live.url}{cp.CASE_EVENTS_PATH}", json=body, headers={"Authorization": f"Bearer {token}"})


def ids(response: httpx.Response) -> set[str]:
    return {person["sample_id"] for person in response.json()["people"]}


def event(n: int, case: str, kind: str = "call", **extra: object) -> dict:
    return {"id": n, "case": case, "kind": kind, "at": "2026-11-30T10:00:00Z", "interviewer": "ENQ-07", **extra}


def test_each_device_gets_its_own_people_and_a_304_while_nothing_changes(two) -> None:
    live, cases, token2 = two
    cases.assign_ids(STUDY, "portable-02", ["E00001", "E00002"])
    cases.assign_count(STUDY, "portable-01", 5)  # five of the unassigned
    first = get(live, live.token)
    assert first.status_code == 200
    mine = ids(first)
    assert len(mine) == 5 and not mine & {"E00001", "E00002"}
    answer = cp.Assignment.model_validate(first.json())
    assert answer.case_key == cases.case_key(STUDY) and answer.suppression == []
    person = answer.people[0]
    assert person.fields["last_name"] and person.fields["phone"] and person.attributes["Segment"].startswith("S")
    assert ids(get(live, token2)) == {"E00001", "E00002"}
    etag = first.headers["ETag"]
    assert get(live, live.token, etag).status_code == 304
    cases.assign_count(STUDY, "portable-02", 3)  # another laptop's assignment: mine is still the same
    assert get(live, live.token, etag).status_code == 304


def test_reassignment_moves_people_and_changes_both_answers(two) -> None:
    live, cases, token2 = two
    cases.assign_ids(STUDY, "portable-01", ["E00003", "E00004", "E00005"])
    etag1, etag2 = get(live, live.token).headers["ETag"], get(live, token2).headers["ETag"]
    moved = cases.assign_ids(STUDY, "portable-02", ["E00004"])
    assert moved.assigned == 1
    assert get(live, live.token, etag1).status_code == 200 and get(live, token2, etag2).status_code == 200
    assert ids(get(live, live.token)) == {"E00003", "E00005"} and ids(get(live, token2)) == {"E00004"}
    back = cases.assign_count(STUDY, "portable-02", 1, from_device="portable-01")  # a count-based reassignment
    assert back.assigned == 1 and len(ids(get(live, live.token))) == 1 and len(ids(get(live, token2))) == 2


def test_case_events_are_stored_once_whatever_the_resends(two) -> None:
    live, cases, _ = two
    key = cases.case_key(STUDY)
    batch = [event(1, cp.case_digest(key, "E00001"), disposition="no_answer"),
             event(2, cp.case_digest(key, "E00001"), disposition="appointment")]
    first = post_events(live, live.token, batch)
    assert first.status_code == 200 and first.json()["received"] == 2 and first.json()["upto"] == 2
    again = post_events(live, live.token, batch)
    assert again.json()["received"] == 0 and again.json()["upto"] == 2
    [disposition] = cases.case_event_dispositions(STUDY)
    assert (disposition.calls, disposition.last_disposition, disposition.interviewer) == (2, "appointment", "ENQ-07")
    assert cases.call_dispositions(STUDY) == {"no_answer": 1, "appointment": 1}


def test_an_objection_takes_the_person_off_every_laptop_and_onto_the_shared_list(two, tmp_path: Path) -> None:
    live, cases, token2 = two
    key = cases.case_key(STUDY)
    cases.assign_ids(STUDY, "portable-02", ["E00007", "E00008"])
    etag = get(live, token2).headers["ETag"]
    phone_digest = cp.suppression_digest(key, "phone", "0600000007")
    # the objection is heard on portable-01 (the person called back), not on the laptop holding the case
    done = post_events(live, live.token, [event(1, cp.case_digest(key, "E00007"), "objected", suppression=[phone_digest])])
    assert done.status_code == 200
    after = get(live, token2, etag)
    assert after.status_code == 200 and ids(after) == {"E00008"}
    shared = set(after.json()["suppression"])
    assert {phone_digest, cp.suppression_digest(key, "sample_id", "E00007")} <= shared
    assert set(get(live, live.token).json()["suppression"]) == shared
    assert cases.status(STUDY)["by_status"]["objected"] == 1
    with pytest.raises(Exception, match="aucune personne"):  # an objected case is never assigned again
        cases.assign_count(STUDY, "portable-01", 1, departement="69", from_device="portable-02")
    assert cases.assign_ids(STUDY, "portable-01", ["E00007"]).not_open == 1
    # a later file holding the same person under another id, same phone: suppressed at import
    again = tmp_path / "again"
    again.mkdir()
    path = again / "s.csv"
    path.write_text("Identifiant;Nom;Téléphone\r\nX1;Autre;06 00 00 00 07\r\nX2;Autre;0611111111\r\n", encoding="utf-8")
    report = import_sample(cases, STUDY, path)
    assert (report.imported, report.suppressed) == (1, 1)


def test_a_completed_case_leaves_the_assignment(two) -> None:
    live, cases, _ = two
    key = cases.case_key(STUDY)
    cases.assign_ids(STUDY, "portable-01", ["E00010", "E00011"])
    post_events(live, live.token, [event(5, cp.case_digest(key, "E00010"), "completed")])
    assert ids(get(live, live.token)) == {"E00011"}
    assert cases.status(STUDY)["by_status"]["completed"] == 1


def test_events_of_another_study_and_bad_bodies_are_refused(two) -> None:
    live, cases, _ = two
    key = cases.case_key(STUDY)
    refused = post_events(live, live.token, [event(1, cp.case_digest(key, "E00001"))], study="autre-etude")
    assert refused.status_code == 403 and refused.json()["error"] == "wrong_study"
    bad = post_events(live, live.token, [event(1, "pas-une-empreinte")])
    assert bad.status_code == 422 and "pas-une-empreinte" not in bad.text
    assert get(live, "etd_inconnu").status_code == 401
    assert cases.case_event_dispositions(STUDY) == []


def test_a_large_assignment_travels_gzipped(two, tmp_path: Path) -> None:
    live, cases, _ = two
    import_sample(cases, STUDY, sample_file(tmp_path, 80, start=40, name="more.csv"))
    cases.assign_count(STUDY, "portable-01", 120)
    raw = live.client.get(f"{live.url}{cp.ASSIGNMENT_PATH}", headers={
        "Authorization": f"Bearer {live.token}", "Accept-Encoding": "gzip"})
    assert raw.headers["content-encoding"] == "gzip" and len(raw.json()["people"]) == 120  # httpx inflates it
    plain = live.client.get(f"{live.url}{cp.ASSIGNMENT_PATH}", headers={
        "Authorization": f"Bearer {live.token}", "Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and len(plain.json()["people"]) == 120


def test_contact_data_is_not_in_clear_in_the_database_file(two, db_url: str) -> None:
    live, cases, _ = two
    cases.assign_count(STUDY, "portable-01", 40)
    assert PLANTED_NAME in get(live, live.token).text  # it is there, for the laptop, over the wire
    planted = (b"E00001", PLANTED_NAME.encode(), PLANTED_PHONE.encode(), "Hélène".encode())
    with live.store.engine.connect() as conn:  # every stored column of every case table, on either backend
        for table in TABLES:
            for row in conn.execute(sqlalchemy.select(table)):
                text = repr(tuple(row)).encode()
                assert not any(value in text for value in planted), table.name
    if db_url.startswith("sqlite"):  # and the database file itself, with its write-ahead log
        folder = Path(db_url.removeprefix("sqlite:///")).parent
        held = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("server.db"))
        assert not any(value in held for value in planted)
