"""Fixtures of the web questionnaire: the real server on 127.0.0.1 with a published study, its
sample imported, one link per person; a real browser (tests/console/browser)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from etudes_desktop.server.cases_import_store import import_sample
from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.publishing import publish_file
from etudes_desktop.server.store import Store
from etudes_desktop.server.web.limits import Limits
from etudes_desktop.server.web_store import WebStore
from tests.server.cases_files import sample_file
from tests.server.conftest import db_url  # noqa: F401 - fixture
from tests.web.study import STUDY, web_form

PEOPLE = 6


@dataclass
class Web:
    """A running server with the study, its sample and its links (sample id -> token)."""

    store: Store
    server: EmbeddedServer
    links: dict[str, str]
    client: httpx.Client

    @property
    def url(self) -> str:
        return self.server.url

    def link(self, sample_id: str = "E00001") -> str:
        return f"/q/{self.links[sample_id]}"

    @property
    def cases(self) -> CasesStore:
        return CasesStore(self.store)


def start(url: str, folder: Path, limits: Limits | None = None, make_form=web_form) -> Iterator[Web]:  # noqa: ANN001
    store = Store(url)
    office = OfficeStore(store)
    form = make_form(folder)
    publish_file(office, form.name, form.read_bytes(), actor="cli", role=None)
    import_sample(CasesStore(store, office), STUDY, sample_file(folder, PEOPLE))
    issued = WebStore(store, office).issue(STUDY)
    with EmbeddedServer(store, web_limits=limits) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        yield Web(store, server, dict(issued.links), client)
    store.close()


@pytest.fixture
def web(db_url: str, tmp_path: Path) -> Iterator[Web]:  # noqa: F811 - the fixture imported above
    """On each backend (SQLite; PostgreSQL when ETUDES_TEST_DATABASE_URL is set)."""
    yield from start(db_url, tmp_path)


@pytest.fixture
def web_sqlite(tmp_path: Path) -> Iterator[Web]:
    from etudes_desktop.server.store import sqlite_url

    yield from start(sqlite_url(tmp_path / "server"), tmp_path)
