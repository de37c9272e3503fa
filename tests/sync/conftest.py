"""The sync engine against the real collection server on 127.0.0.1 and a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url
from etudes_desktop.sync.engine import BatchSizer, Retry, SyncEngine
from etudes_desktop.sync.transport import HttpTransport
from tests.server.netfault import FaultyProxy
from tests.sync.seed import STUDY


@dataclass
class Field:
    """A server, a proxy in front of it, and a way to build engines over the vault."""

    store: Store
    server: EmbeddedServer
    proxy: FaultyProxy
    token: str
    vault: object
    sleeps: list[float] = field(default_factory=list)

    def engine(self, *, token: str | None = None, direct: bool = False, vault: object = None,
               **kwargs: object) -> SyncEngine:
        """An engine over this field's vault (or another laptop's), through the proxy by default."""
        url = self.server.url if direct else self.proxy.url
        transport = HttpTransport(url, token or self.token, timeout=10)
        kwargs.setdefault("sleep", self.sleeps.append)
        kwargs.setdefault("rng", lambda: 0.5)
        kwargs.setdefault("retry", Retry(attempts=5))
        kwargs.setdefault("sizer", BatchSizer())
        return SyncEngine(vault or self.vault, transport, **kwargs)

    def on_server(self, study_id: str = STUDY) -> int:
        return int(self.store.stats(study_id)["interviews"])


@pytest.fixture
def field_setup(vault, tmp_path) -> Iterator[Field]:
    store = Store(sqlite_url(tmp_path / "server"))
    _, token = store.enroll(STUDY, "portable-01")
    with EmbeddedServer(store) as server:
        proxy = FaultyProxy(server.port)
        yield Field(store=store, server=server, proxy=proxy, token=token, vault=vault)
        proxy.close()
    store.close()
