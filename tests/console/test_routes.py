"""Every console route refuses: without a session (to the login page), with a role it is not
for (a French 403 page), and a POST without its session's CSRF token (403). Nothing changes on
any refusal. The table below must list every protected route (checked against the app)."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pytest
from starlette.routing import Route

from etudes_desktop.server.console import routes as console_routes
from etudes_desktop.server.publishing import publish_file
from tests.console.conftest import PASSWORDS, Office
from tests.console.forms import STUDY, good_form

ANY = ("manager", "dpo", "insurer")


@dataclass(frozen=True)
class R:
    method: str
    template: str  # as declared in the console's routes
    roles: tuple[str, ...]
    form: tuple[tuple[str, str], ...] = ()

    def path(self, device_id: str) -> str:
        return "/console" + self.template.replace("{study_id}", STUDY).replace("{device_id}", device_id).replace(
            "{fmt}", "csv")


ROUTES = [
    R("GET", "/", ANY),
    R("POST", "/logout", ANY),
    R("GET", "/password", ANY),
    R("POST", "/password", ANY, (("current", PASSWORDS["manager"]), ("new", "Nouveau-Mot-de-Passe-2027?"),
                                 ("confirm", "Nouveau-Mot-de-Passe-2027?"))),
    R("GET", "/audit", ("dpo",)),
    R("GET", "/studies", ("manager",)),
    R("POST", "/studies", ("manager",)),
    R("GET", "/studies/{study_id}", ("manager",)),
    R("GET", "/studies/{study_id}/file", ("manager",)),
    R("POST", "/studies/{study_id}/close", ("manager",), (("confirm", "yes"),)),
    R("GET", "/progress", ("manager",)),
    R("GET", "/studies/{study_id}/progress", ("manager",)),
    R("GET", "/studies/{study_id}/sample", ("manager",)),
    R("POST", "/studies/{study_id}/sample", ("manager",)),
    R("POST", "/studies/{study_id}/sample/assign", ("manager",), (("device", "portable-01"), ("count", "1"))),
    R("GET", "/studies/{study_id}/groups", ("manager",)),
    R("GET", "/retention", ("dpo",)),
    R("POST", "/retention/run", ("dpo",)),
    R("GET", "/devices", ("manager",)),
    R("POST", "/devices", ("manager",), (("study", STUDY), ("name", "portable-99"))),
    R("POST", "/devices/{device_id}/rename", ("manager",), (("name", "renommé"),)),
    R("POST", "/devices/{device_id}/revoke", ("manager",)),
    R("GET", "/results", ("manager", "insurer")),
    R("GET", "/results/{study_id}", ("manager",)),
    R("GET", "/results/{study_id}/{fmt}", ("manager", "insurer")),
    R("POST", "/results/{study_id}/deliver", ("manager",), (("confirm", "yes"),)),
]


def test_the_table_lists_every_protected_route() -> None:
    declared = set()
    for route in console_routes():
        if isinstance(route, Route) and hasattr(route.endpoint, "roles"):
            for method in route.methods - {"HEAD"}:
                declared.add((method, route.path, tuple(route.endpoint.roles) or ANY))
    assert declared == {(r.method, r.template, r.roles) for r in ROUTES}


@pytest.fixture
def setup(office: Office, tmp_path) -> tuple[Office, str]:
    form = good_form(tmp_path, "1")
    publish_file(office.office, form.name, form.read_bytes(), actor="cli", role=None)
    device, _ = office.store.enroll(STUDY, "portable-01")
    return office, device.id


def _unchanged(office: Office, device_id: str) -> None:
    assert office.office.device(device_id).revoked_at is None and office.office.device(device_id).name == "portable-01"
    assert office.office.studies()[0].closed_at is None and len(office.office.studies()[0].versions) == 1
    assert len(office.office.list_devices()) == 1


def test_without_a_session_every_route_leads_to_the_login_page(setup) -> None:
    office, device_id = setup
    client = office.client()
    for route in ROUTES:
        response = client.request(route.method, route.path(device_id), data=dict(route.form) or None)
        assert response.status_code == 303, route
        assert response.headers["location"].startswith("/console/login?next="), route
    _unchanged(office, device_id)


def test_a_role_a_route_is_not_for_gets_a_french_403(setup) -> None:
    office, device_id = setup
    sessions = {role: office.login(role) for role in ANY}
    for route in ROUTES:
        for role in set(ANY) - set(route.roles):
            client, csrf = sessions[role]
            data = {"csrf": csrf, **dict(route.form)} if route.method == "POST" else None
            response = client.request(route.method, route.path(device_id), data=data)
            assert response.status_code == 403, (route, role)
            text = html.unescape(response.text)
            assert "Accès refusé" in text and "ne donne pas accès à cette page" in text, (route, role)
    _unchanged(office, device_id)
    refused = [e for e in office.office.audit_entries(1000) if e["action"] == "refused"]
    assert len(refused) == sum(len(set(ANY) - set(r.roles)) for r in ROUTES)


def test_a_post_without_the_session_token_is_refused(setup) -> None:
    office, device_id = setup
    sessions = {role: office.login(role) for role in ANY}
    for route in (r for r in ROUTES if r.method == "POST"):
        role = route.roles[0]
        client, csrf = sessions[role]
        other_csrf = sessions["dpo" if role != "dpo" else "insurer"][1]
        for data in (dict(route.form), {"csrf": "", **dict(route.form)}, {"csrf": other_csrf, **dict(route.form)}):
            response = client.post(route.path(device_id), data=data)
            assert response.status_code == 403, (route, data.get("csrf"))
            assert "Formulaire expiré ou invalide" in html.unescape(response.text)
    _unchanged(office, device_id)
    for role, (client, _) in sessions.items():  # no session was closed, no password changed
        assert client.get("/console/").status_code == 200, role
    assert office.try_login(office.client(), "manager@bureau.example.org", PASSWORDS["manager"]).status_code == 303
