"""Web answers count as any other mode: on the console's progress page (by mode, by interviewer,
total) beside a laptop's phone interview, and in `etudes-server results`."""

from __future__ import annotations

import html
import json
import uuid

from etudes_desktop.core.study_load import package_from_stored
from etudes_desktop.server.accounts import create_user
from etudes_desktop.server.cli import main
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.progress_store import ProgressStore
from etudes_desktop.sync import protocol as p
from tests.console.conftest import CSRF
from tests.web.conftest import Web
from tests.web.study import STUDY


def _answer_all(web: Web, sample_id: str, satisfied: str) -> None:
    link = web.link(sample_id)
    web.client.post(link, data={"action": "agree"})
    for page, answers in (("satisfait", {"satisfait": satisfied}), ("pourquoi", {"pourquoi": "Attente"}),
                          ("note", {"note": "6"}), ("contacts", {"canaux": ["tel"]}), ("dernier", {})):
        if page == "pourquoi" and satisfied == "oui":
            continue
        assert web.client.post(link, data={"page": page, "action": "next", **answers}).status_code == 303
    assert web.client.post(link, data={"page": "__end__", "action": "send"}).status_code == 303


def _phone_interview(web: Web) -> None:
    """A laptop's phone interview of the same study, through the device API."""
    package = package_from_stored(OfficeStore(web.store).package_json(STUDY, "1") or "")
    device, token = web.store.enroll(STUDY, "portable-01")
    when = "2026-03-02T10:00:00Z"
    body = {"study_id": STUDY, "study_version": "1", "state": "completed", "mode": "phone", "interviewer": "enq-7f3a",
            "created_at": when, "completed_at": "2026-03-02T10:10:00Z",
            "consent": {"notice_id": package.notice.id, "notice_version": package.notice.version,
                        "text_sha256": package.notice.sha256, "mode": "phone", "interviewer": "enq-7f3a",
                        "delivered_at": when, "decided_at": when, "decision": "agrees"},
            "answers": {"satisfait": "non", "note": 3, "canaux": "agence", "visites": 2}, "attributes": {}}
    batch = {"protocol_version": 1, "batch_id": str(uuid.uuid4()), "study_id": STUDY, "sent_at": when,
             "interviews": [{"id": str(uuid.uuid4()), "content_sha256": p.content_hash(body), "payload": body}]}
    answer = web.client.post("/v1/batches", json=batch, headers={"Authorization": f"Bearer {token}"})
    assert answer.json()["receipts"][0]["status"] == "accepted", answer.text


def test_web_interviews_on_the_progress_page_and_in_the_results(web_sqlite: Web, tmp_path, capsys) -> None:
    web = web_sqlite
    for sample_id, satisfied in (("E00000", "oui"), ("E00001", "non"), ("E00002", "oui"), ("E00004", "oui"),
                                 ("E00005", "non")):
        _answer_all(web, sample_id, satisfied)
    web.client.post(web.link("E00003"), data={"action": "object"})
    _phone_interview(web)

    progress = ProgressStore(web.store).progress(STUDY)
    assert progress.by_mode["internet"].completed == 5 and progress.by_mode["internet"].objected == 1
    assert progress.by_mode["phone"].completed == 1
    assert progress.total.completed == 6 and progress.total.objected == 1
    assert progress.by_interviewer["internet"].total == 6
    assert [d.name for d in progress.by_device] == ["portable-01"]  # the web is no device to watch

    office = OfficeStore(web.store)
    create_user(office, "manager@bureau.example.org", "manager", "Responsable-Étude-2026!")
    client = web.client
    form = client.get("/console/login")
    client.post("/console/login", data={"csrf": CSRF.search(form.text).group(1), "email": "manager@bureau.example.org",
                                        "password": "Responsable-Étude-2026!", "next": "/console/"})
    page = html.unescape(client.get(f"/console/studies/{STUDY}/progress").text)
    assert '<th scope="row">Internet</th><td class="num">5</td><td class="num">1</td><td class="num">6</td>' in page
    assert "Tous modes</th><td class=\"num\">6</td><td class=\"num\">1</td><td class=\"num\">7</td>" in page

    assert main(["results", STUDY, "--threshold", "5", "--data-dir", str(tmp_path / "server")]) == 0
    tables = {t["id"]: t for t in json.loads(capsys.readouterr().out)["tables"]}
    assert tables["satisfait"]["total"] == 6  # five web answers and the phone one (3 and 3: under the threshold)
    assert "Internet" in tables["satisfait.par.mode"]["columns"]
