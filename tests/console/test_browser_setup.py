"""The browser the console tests drive: Debian's Chromium through Playwright, against the real server."""

from __future__ import annotations

import json

from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url


def test_chromium_reaches_the_real_server(page, tmp_path) -> None:
    store = Store(sqlite_url(tmp_path / "server"))
    with EmbeddedServer(store) as server:
        response = page.goto(f"{server.url}/health")
        assert response is not None and response.status == 200
        assert json.loads(page.inner_text("body"))["status"] == "ok"
    store.close()
