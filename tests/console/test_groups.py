"""The console's focus group page: sessions held and participants per session, counts only."""

from __future__ import annotations

import html
from pathlib import Path

from etudes_desktop.server.groups_store import GroupStore
from etudes_desktop.server.publishing import publish_file
from etudes_desktop.server.store import Device
from etudes_desktop.sync import group_protocol as gp
from tests.console.conftest import Office
from tests.console.forms import STUDY, good_form

PAGE = f"/console/studies/{STUDY}/groups"
NOTICE = {"notice_id": "mention", "notice_version": "1", "text_sha256": "a" * 64, "delivered_at": "2026-11-20T16:05:00+00:00"}


def _record(session: str, held_on: str, people: int, objecting: int) -> gp.GroupSessionUpload:
    participants = [{"pseudonym": f"P{n + 1}", "walk_in": n == 0, "decision": "objects" if n < objecting else "agrees",
                     "decided_at": "2026-11-20T16:06:00+00:00"} for n in range(people)]
    record = gp.GroupSessionRecord.model_validate({
        "session_id": session, "study_id": STUDY, "study_version": "1", "held_on": held_on, "place": "Salle 3",
        "moderator": "MOD-07", "invited": people - 1, "notice": NOTICE, "participants": participants,
        "notes": [{"at": "2026-11-20T16:10:00+00:00", "theme": "Accueil", "pseudonyms": ["P2"],
                   "text": "P2 trouve l'accueil agréable, texte secret"}],
        "counts": [{"question": "q1", "present": people - objecting, "counts": {"oui": 2}}],
        "closed_at": "2026-11-20T18:00:00+00:00"})
    return gp.GroupSessionUpload(content_sha256=gp.record_hash(record), record=record)


def test_the_manager_sees_sessions_and_participants_never_a_note(office: Office, tmp_path: Path) -> None:
    form = good_form(tmp_path, "1")
    publish_file(office.office, form.name, form.read_bytes(), actor="cli", role=None)
    device, _ = office.store.enroll(STUDY, "portable-01")
    groups = GroupStore(office.store)
    client, _ = office.login("manager")
    empty = html.unescape(client.get(PAGE).text)
    assert "Aucune réunion reçue pour l'instant." in empty
    for session, day, people, objecting in (("11111111-1111-4111-8111-111111111111", "2026-11-19", 8, 1),
                                            ("22222222-2222-4222-8222-222222222222", "2026-11-20", 6, 0)):
        assert groups.ingest(Device(device.id, STUDY, "portable-01"), _record(session, day, people, objecting))[0] == "accepted"
    page = client.get(PAGE)
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "2026-11-19" in text and "2026-11-20" in text and "MOD-07" in text
    assert "Total (2)" in text
    assert "texte secret" not in text, "a note reached the page"
    assert "P2" not in text.replace("(P1, P2…)", ""), "a pseudonym reached the page"
    assert f"{PAGE}" in html.unescape(client.get(f"/console/studies/{STUDY}").text)  # linked from the study
