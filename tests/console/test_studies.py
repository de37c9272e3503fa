"""Studies published from the server: `etudes-server study publish|close|list`, the console's
upload with the laptop's located messages, versions kept, `GET /v1/studies`, and the notice check
on batches. The real server on 127.0.0.1 over SQLite and PostgreSQL."""

from __future__ import annotations

import html
import json
import re

import httpx
import pytest

from etudes_desktop.cli import main as laptop_cli
from etudes_desktop.core.interview import text_sha256
from etudes_desktop.server.cli import main
from etudes_desktop.server.publishing import publish_file
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.protocol import Batch
from tests.console.conftest import Office
from tests.console.forms import STUDY, TITLE, bad_form, good_form, notice_text
from tests.server import factory as f


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_publish_from_the_command_line_keeps_every_version(office: Office, tmp_path, capsys) -> None:
    url = ["--database-url", office.store.url]
    first = good_form(tmp_path, "1")
    code, out, err = run_cli(capsys, "study", "publish", str(first), "--json", *url)
    assert code == 0 and json.loads(out.splitlines()[0]) == {"study": STUDY, "version": "1", "outcome": "created"}
    assert "étude sat-2026 publiée (version 1)" in err
    code, _, err = run_cli(capsys, "study", "publish", str(first), *url)
    assert code == 0 and "déjà publiée à l'identique" in err
    changed = good_form(tmp_path, "1", extra_question=True, name="autre.xlsx")
    code, _, err = run_cli(capsys, "study", "publish", str(changed), *url)
    assert code == 1 and "la version 1 de l'étude sat-2026 est déjà publiée avec un autre contenu" in err
    code, _, err = run_cli(capsys, "study", "publish", str(good_form(tmp_path, "2", extra_question=True)), *url)
    assert code == 0 and "nouvelle version 2" in err
    code, out, _ = run_cli(capsys, "study", "list", "--json", *url)
    listed = json.loads(out)
    assert [v["version"] for v in listed[0]["versions"]] == ["1", "2"] and listed[0]["title"] == TITLE
    assert office.office.source_file(STUDY, "1") == ("sat-2026-v1.xlsx", first.read_bytes())  # the file itself


def test_a_bad_form_gets_the_laptops_own_located_messages(office: Office, tmp_path, capsys) -> None:
    form = bad_form(tmp_path)
    laptop_code = laptop_cli(["study", "check", str(form)])
    laptop = capsys.readouterr().err.splitlines()
    code, out, err = run_cli(capsys, "study", "publish", str(form), "--database-url", office.store.url)
    assert laptop_code == code == 1 and err.splitlines() == laptop and len(laptop) == 3
    assert laptop[0] == "survey, row 3, column type: type audio non pris en charge par l'application"
    assert office.office.studies() == []  # nothing published


def test_a_closed_study_takes_no_new_version(office: Office, tmp_path, capsys) -> None:
    url = ["--database-url", office.store.url]
    run_cli(capsys, "study", "publish", str(good_form(tmp_path, "1")), *url)
    code, _, err = run_cli(capsys, "study", "close", STUDY, *url)
    assert code == 0 and "close aux nouveaux entretiens" in err
    code, _, err = run_cli(capsys, "study", "close", STUDY, *url)
    assert code == 1 and "aucune étude publiée et ouverte" in err
    code, _, err = run_cli(capsys, "study", "publish", str(good_form(tmp_path, "2")), *url)
    assert code == 1 and "est close" in err


# -- GET /v1/studies --------------------------------------------------------------------------------
def test_devices_get_their_published_study_with_every_notice(office: Office, tmp_path) -> None:
    device, token = office.store.enroll(STUDY, "portable-01")
    _, other = office.store.enroll("autre-etude", "portable-02")
    client = office.client()
    assert client.get("/v1/studies").status_code == 401
    bearer = {"Authorization": f"Bearer {token}"}
    empty = client.get("/v1/studies", headers=bearer)
    assert empty.status_code == 200 and empty.json()["studies"] == []
    publish_file(office.office, "v1.xlsx", good_form(tmp_path, "1").read_bytes(), actor="cli", role=None)
    publish_file(office.office, "v2.xlsx", good_form(tmp_path, "2", notice_version="2027-01").read_bytes(),
                 actor="cli", role=None)
    response = client.get("/v1/studies", headers=bearer)
    assert response.status_code == 200 and response.headers["x-server-time"]
    listed = p.StudiesList.model_validate(response.json())
    (study,) = listed.studies
    assert study.study_id == STUDY and study.current_version == "2" and not study.closed
    assert [v.version for v in study.versions] == ["1", "2"]
    assert study.versions[1].notice.version == "2027-01"
    assert study.versions[1].notice.text_sha256 == text_sha256(notice_text("2027-01"))
    assert json.loads(study.package_json)["version"] == "2"
    etag = response.headers["etag"]
    assert client.get("/v1/studies", headers={**bearer, "If-None-Match": etag}).status_code == 304
    office.office.close_study(STUDY, "cli", None)
    changed = client.get("/v1/studies", headers={**bearer, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.json()["studies"][0]["closed"] is True
    assert client.get("/v1/studies", headers={"Authorization": f"Bearer {other}"}).json()["studies"] == []
    office.store.revoke(device_id=device.id)
    revoked = client.get("/v1/studies", headers=bearer)  # until its remote wipe, it may only send
    assert revoked.status_code == 403 and revoked.json()["error"] == "device_revoked"


def test_a_consent_naming_no_published_notice_is_rejected(office: Office, tmp_path) -> None:
    device, _ = office.store.enroll(STUDY, "portable-01")
    before = [f.interview() for _ in range(2)]
    receipts = office.store.ingest(device, Batch.model_validate(f.batch(before)),
                                   office.office.notice_hashes(STUDY))
    assert {r.status for r in receipts.receipts} == {"accepted"}  # not published here: nothing to check against
    publish_file(office.office, "v1.xlsx", good_form(tmp_path, "1", notice_version="2027-01").read_bytes(),
                 actor="cli", role=None)
    published = text_sha256(notice_text("2027-01"))
    good = f.interview()
    good["payload"]["consent"]["text_sha256"] = published
    good["content_sha256"] = p.content_hash(good["payload"])
    stranger = f.interview()
    batch = f.batch([good, stranger])
    client = office.client()
    token = office.store.enroll(STUDY, "portable-02")[1]
    answer = client.post("/v1/batches", json=batch, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    statuses = {r["interview_id"]: (r["status"], r["reason"]) for r in answer.json()["receipts"]}
    assert statuses[good["id"]] == ("accepted", None)
    assert statuses[stranger["id"]][0] == "rejected" and statuses[stranger["id"]][1].startswith("unknown_notice")
    coded = {r["interview_id"]: r.get("reason_code") for r in answer.json()["receipts"]}
    assert coded[stranger["id"]] == "unknown_notice"
    assert office.store.stats(STUDY)["interviews"] == 3


# -- the console's upload ------------------------------------------------------------------------------
def _upload(client: httpx.Client, csrf: str, path, name: str | None = None) -> httpx.Response:
    return client.post("/console/studies", data={"csrf": csrf},
                       files={"file": (name or path.name, path.read_bytes(), "application/octet-stream")})


def test_console_upload_shows_located_problems_then_lists_the_study(office: Office, tmp_path) -> None:
    client, csrf = office.login("manager")
    refused = _upload(client, csrf, bad_form(tmp_path))
    assert refused.status_code == 422
    text = html.unescape(refused.text)
    assert "Fichier refusé : 3 problèmes à corriger. Rien n'a été publié." in text
    rows = [re.sub(r"<[^>]+>", "|", row) for row in re.findall(r"<tr><td>.*?</tr>", text)]
    assert any("survey|" in row and "|3|" in row and "|type|" in row and "type audio non pris en charge" in row
               for row in rows)
    assert any("|4|" in row and "|relevant|" in row and "expression invalide" in row for row in rows)
    assert "Aucune étude publiée" in text
    weird = client.post("/console/studies", data={"csrf": csrf},
                        files={"file": ("notes.txt", b"bonjour", "text/plain")})
    assert weird.status_code == 422 and ".xlsx, .xls ou .json attendu" in html.unescape(weird.text)
    fake = client.post("/console/studies", data={"csrf": csrf},
                       files={"file": ("faux.xlsx", b"pas un classeur", "application/octet-stream")})
    assert fake.status_code == 422 and "ce fichier n'est pas un classeur Excel" in html.unescape(fake.text)
    huge = client.post("/console/studies", data={"csrf": csrf},
                       files={"file": ("gros.xlsx", b"0" * (13 * 1024 * 1024), "application/octet-stream")})
    assert huge.status_code == 413 and "Formulaire trop volumineux" in html.unescape(huge.text)
    published = _upload(client, csrf, good_form(tmp_path, "1"))
    assert published.status_code == 200
    assert "Étude sat-2026 publiée (version 1)" in html.unescape(published.text)
    listing = html.unescape(client.get("/console/studies").text)
    assert TITLE in listing and "Ouverte" in listing
    again = _upload(client, csrf, good_form(tmp_path, "2", notice_version="2027-01"))
    assert "Nouvelle version 2 de l'étude sat-2026 publiée" in html.unescape(again.text)
    detail = client.get(f"/console/studies/{STUDY}")
    assert detail.status_code == 200 and "sat-2026-v2.xlsx" in detail.text and "2027-01" in detail.text
    assert "manager@bureau.example.org" in detail.text
    download = client.get(f"/console/studies/{STUDY}/file", params={"version": "1"})
    assert download.status_code == 200 and download.content == (tmp_path / "sat-2026-v1.xlsx").read_bytes()
    assert 'filename="sat-2026-v1.xlsx"' in download.headers["content-disposition"]
    assert client.get("/console/studies/inconnue").status_code == 404


def test_console_close_needs_a_confirmation(office: Office, tmp_path) -> None:
    client, csrf = office.login("manager")
    _upload(client, csrf, good_form(tmp_path, "1"))
    unconfirmed = client.post(f"/console/studies/{STUDY}/close", data={"csrf": csrf})
    assert unconfirmed.status_code == 422 and "Cochez la case de confirmation" in unconfirmed.text
    assert office.office.studies()[0].closed_at is None
    closed = client.post(f"/console/studies/{STUDY}/close", data={"csrf": csrf, "confirm": "yes"})
    assert closed.status_code == 303
    page = html.unescape(client.get(closed.headers["location"]).text)
    assert "Étude close : les ordinateurs ne commenceront plus d'entretien" in page
    assert office.office.studies()[0].closed_at is not None
    actions = [e["action"] for e in office.office.audit_entries()]
    assert "study_closed" in actions and "study_published" in actions


def test_a_published_study_accepts_only_the_attributes_its_package_declares(office: Office, tmp_path) -> None:
    """Before publication the operator's closed list applies; once published, the package's own."""
    device, token = office.store.enroll(STUDY, "portable-01")
    publish_file(office.office, "v1.xlsx", good_form(tmp_path, "1", notice_version="2027-01",
                                                     attributes="age_band").read_bytes(), actor="cli", role=None)
    assert office.office.declared_attributes(STUDY) == frozenset({"age_band"})
    declared, undeclared = f.interview(), f.interview()
    declared["payload"]["attributes"] = {"age_band": "35-44"}
    undeclared["payload"]["attributes"] = {"age_band": "35-44", "sex": "F"}  # sex: on the operator's list, not the study's
    for item in (declared, undeclared):
        item["payload"]["consent"]["text_sha256"] = text_sha256(notice_text("2027-01"))
        item["content_sha256"] = p.content_hash(item["payload"])
    answer = office.client().post("/v1/batches", json=f.batch([declared, undeclared]),
                                  headers={"Authorization": f"Bearer {token}"})
    coded = {r["interview_id"]: (r["status"], r.get("reason_code")) for r in answer.json()["receipts"]}
    assert coded[declared["id"]] == ("accepted", None)
    assert coded[undeclared["id"]] == ("rejected", "undeclared_attribute")
    assert office.office.declared_attributes("never-published") is None
