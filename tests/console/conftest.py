"""Fixtures of the collection office's console: the real server on 127.0.0.1 (SQLite, and
PostgreSQL when configured), one account per role, httpx clients that log in as a person would
(the login page, its form token, the session cookie), and a real browser (tests/console/browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from etudes_desktop.server.accounts import create_user
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Store, sqlite_url
from tests.server.conftest import db_url  # noqa: F401 - fixture

PASSWORDS = {
    "manager": "Responsable-Étude-2026!",
    "dpo": "Délégué-Protection-2026!",
    "insurer": "Assureur-Livrable-2026!",
}
EMAILS = {role: f"{role}@bureau.example.org" for role in PASSWORDS}
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Clock:
    """The server's clock, moved by the tests (idle timeout, growing delays)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Office:
    """A running server with its console, its stores and one account per role."""

    store: Store
    office: OfficeStore
    server: EmbeddedServer
    clock: Clock
    clients: list[httpx.Client] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    def client(self) -> httpx.Client:
        client = httpx.Client(base_url=self.url, timeout=30, follow_redirects=False)
        self.clients.append(client)
        return client

    def login_token(self, client: httpx.Client) -> str:
        response = client.get("/console/login")
        assert response.status_code == 200
        return CSRF.search(response.text).group(1)

    def try_login(self, client: httpx.Client, email: str, password: str, **headers: str) -> httpx.Response:
        token = self.login_token(client)
        return client.post("/console/login", data={"csrf": token, "email": email, "password": password,
                                                   "next": "/console/"}, headers=headers)

    def login(self, role: str, client: httpx.Client | None = None) -> tuple[httpx.Client, str]:
        """A client logged in with `role`'s account, and its session's CSRF token."""
        client = client or self.client()
        response = self.try_login(client, EMAILS[role], PASSWORDS[role])
        assert response.status_code == 303, response.text
        home = client.get("/console/")
        assert home.status_code == 200
        return client, CSRF.search(home.text).group(1)


def _office(url: str) -> Iterator[Office]:
    clock = Clock()
    store = Store(url, clock=clock)
    office = OfficeStore(store)
    for role, password in PASSWORDS.items():
        create_user(office, EMAILS[role], role, password)
    with EmbeddedServer(store) as server:
        running = Office(store=store, office=office, server=server, clock=clock)
        yield running
        for client in running.clients:
            client.close()
    store.close()


@pytest.fixture
def office(db_url: str) -> Iterator[Office]:  # noqa: F811 - the fixture imported above
    """The office on each backend (SQLite; PostgreSQL when ETUDES_TEST_DATABASE_URL is set)."""
    yield from _office(db_url)


@pytest.fixture
def office_sqlite(tmp_path: Path) -> Iterator[Office]:
    """The office on SQLite only (the browser tests)."""
    yield from _office(sqlite_url(tmp_path / "server"))
