"""A real collection server on 127.0.0.1, over SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import sqlalchemy

from etudes_desktop.server.crypto import KEY_ENV, new_key_text
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url

PG_ENV = "ETUDES_TEST_DATABASE_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def postgres_schema_url(base: str, schema: str) -> str:
    """A URL whose connections use their own schema (so parallel runs never meet)."""
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "server")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set")
    # a PostgreSQL server's key is configured, never guessed (see server.crypto)
    request.getfixturevalue("monkeypatch").setenv(KEY_ENV, new_key_text())
    schema = f"etudes_test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield postgres_schema_url(base, schema)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    yield opened
    opened.close()


@dataclass
class Live:
    """A running server, its store and a client already holding one device's token."""

    server: EmbeddedServer
    store: Store
    token: str
    device_id: str
    client: httpx.Client

    @property
    def url(self) -> str:
        return self.server.url

    def post(self, body: dict, token: str | None = None, **kwargs: object) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token or self.token}"}
        return self.client.post(f"{self.url}/v1/batches", json=body, headers=headers, **kwargs)

    def stored_count(self, study_id: str = "sat-2026") -> int:
        return int(self.store.stats(study_id)["interviews"])


@pytest.fixture
def live(store: Store) -> Iterator[Live]:
    device, token = store.enroll("sat-2026", "portable-01")
    with EmbeddedServer(store, max_body_bytes=2 * 1024 * 1024, max_decompressed_bytes=8 * 1024 * 1024) as server:
        with httpx.Client(timeout=30) as client:
            yield Live(server=server, store=store, token=token, device_id=device.id, client=client)
