"""The devices page: enrol (the token shown once, also as a QR code), rename, revoke; what a device
can do with its token after each step, against the real server."""

from __future__ import annotations

import html
import re

import segno
from sqlalchemy import select

from etudes_desktop.server.console.devices import MESSAGES
from etudes_desktop.server.publishing import publish_file
from etudes_desktop.server.store import Batch, devices
from tests.console.conftest import Office
from tests.console.forms import STUDY, good_form
from tests.server import factory as f


def _published(office: Office, tmp_path) -> None:
    form = good_form(tmp_path, "1")
    publish_file(office.office, form.name, form.read_bytes(), actor="cli", role=None)


def _enrol(office: Office, name: str) -> tuple[object, str, str]:
    client, csrf = office.login("manager")
    response = client.post("/console/devices", data={"csrf": csrf, "study": STUDY, "name": name})
    return client, csrf, response


def test_enrol_shows_the_token_once_as_text_and_qr(office: Office, tmp_path) -> None:
    _published(office, tmp_path)
    client, csrf, response = _enrol(office, "  portable-07 ")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    page = html.unescape(response.text)
    token = re.search(r'<code id="token"[^>]*>(etd_[\w-]+)</code>', page).group(1)
    assert "Appareil « portable-07 » inscrit" in page and "affiché qu'une fois" in page
    qr = segno.make(token, error="m").svg_inline(scale=5, border=3, dark="#000", light="#fff", omitsize=True)
    assert re.search(r' d="([^"]+)"', qr).group(1) in page  # the QR code encodes this very token
    device = client.get("/v1/device", headers={"Authorization": f"Bearer {token}"})
    assert device.status_code == 200 and device.json()["device_name"] == "portable-07"
    listing = client.get("/console/devices").text
    assert "portable-07" in listing and token not in listing  # never shown again
    with office.store.engine.connect() as conn:
        assert token not in str(conn.execute(select(devices)).all())  # only its hash is kept
    again = client.post("/console/devices", data={"csrf": csrf, "study": STUDY, "name": "portable-07"})
    assert again.status_code == 422 and "déjà inscrit" in html.unescape(again.text)


def test_enrol_only_for_a_published_open_study(office: Office, tmp_path) -> None:
    client, csrf = office.login("manager")
    page = html.unescape(client.get("/console/devices").text)
    assert "Publiez d'abord une étude" in page
    refused = client.post("/console/devices", data={"csrf": csrf, "study": "inconnue", "name": "p1"})
    assert refused.status_code == 422 and "Choisissez une étude publiée et ouverte." in html.unescape(refused.text)
    _published(office, tmp_path)
    assert client.post("/console/devices", data={"csrf": csrf, "study": STUDY, "name": "\x07"}).status_code == 422
    office.office.close_study(STUDY, "cli", None)
    closed = client.post("/console/devices", data={"csrf": csrf, "study": STUDY, "name": "p2"})
    assert closed.status_code == 422 and office.office.list_devices() == []


def test_rename_and_revoke(office: Office, tmp_path) -> None:
    _published(office, tmp_path)
    first, token = office.store.enroll(STUDY, "portable-01")
    office.store.enroll(STUDY, "portable-02")
    client, csrf = office.login("manager")
    office.store.ingest(first, Batch.model_validate(f.batch([f.interview()])))
    listing = client.get("/console/devices").text
    assert "jamais" in listing and listing.count(" UTC") >= 3  # enrolment dates and one last batch
    renamed = client.post(f"/console/devices/{first.id}/rename", data={"csrf": csrf, "name": "portable-01 (Brest)"})
    assert renamed.status_code == 303 and renamed.headers["location"] == "/console/devices?done=renamed"
    page = html.unescape(client.get(renamed.headers["location"]).text)
    assert "Appareil renommé." in page and "portable-01 (Brest)" in page
    clash = client.post(f"/console/devices/{first.id}/rename", data={"csrf": csrf, "name": "portable-02"})
    assert clash.status_code == 422 and "déjà inscrit" in html.unescape(clash.text)
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/v1/device", headers=bearer).json()["device_name"] == "portable-01 (Brest)"
    revoked = client.post(f"/console/devices/{first.id}/revoke", data={"csrf": csrf})
    assert revoked.status_code == 303
    page = html.unescape(client.get(revoked.headers["location"]).text)
    assert MESSAGES["revoked"] in page and "Révoqué" in page
    assert "effacement demandé" in page  # the manager sees the wipe is on its way
    assert client.get("/v1/device", headers=bearer).json()["wipe_requested"] is True  # told at its next contact
    assert client.get("/v1/studies", headers=bearer).status_code == 403
    assert client.post("/v1/batches", json=f.batch([f.interview()]), headers=bearer).status_code == 200  # what it holds
    assert client.post(f"/console/devices/{first.id}/revoke", data={"csrf": csrf}).status_code == 409
    assert client.post("/console/devices/inconnu/revoke", data={"csrf": csrf}).status_code == 404
    actions = [e["action"] for e in office.office.audit_entries()]
    assert {"device_renamed", "device_revoked"} <= set(actions)


def test_the_journal_names_the_device_and_the_account_behind_each_id(office: Office, tmp_path) -> None:
    """The DPO reads « portable-lyon-01 » next to a revoked device's id, the address of a created account."""
    _published(office, tmp_path)
    client, _csrf, response = _enrol(office, "portable-lyon-01")
    device = next(d for d in office.office.list_devices() if d.name == "portable-lyon-01")
    dpo, _ = office.login("dpo")
    journal = html.unescape(dpo.get("/console/audit").text)
    row = next(r for r in journal.split("<tr>") if device.id in r)
    assert "Appareil inscrit" in row and "portable-lyon-01" in row
    dpo_id = next(u.id for u in office.office.list_users() if u.role == "dpo")
    created = next(r for r in journal.split("<tr>") if dpo_id in r)
    assert "Compte créé" in created and "dpo@bureau.example.org" in created
