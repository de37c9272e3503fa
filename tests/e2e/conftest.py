"""End-to-end fixtures: the GUI tests' set-up (real vaults with a cheap KDF, a synchronous pool,
a fake monotonic clock, French), reused as is, and the real collection server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gui.conftest import (  # noqa: F401 - fixtures
    _compiled_translations,
    _french_and_styled,
    clock,
    kdf,
    make_controller,
    paths,
    pool,
)


@dataclass
class DemoServer:
    """The embedded server `--demo` starts (its own SQLite store), enrolled for the demo study."""

    url: str
    token: str
    folder: Path
    stop: object

    def interviews(self, study_id: str) -> list[dict]:
        """What the server holds, read from its store once it is stopped (or alongside it)."""
        from etudes_desktop.server.store import Store, sqlite_url

        store = Store(sqlite_url(self.folder))
        try:
            return list(store.iter_interviews(study_id))
        finally:
            store.close()


@pytest.fixture
def demo_server(tmp_path) -> Iterator[DemoServer]:
    from etudes_desktop.demo.server import SERVER_FOLDER, start_demo_server

    url, token, stop = start_demo_server(tmp_path)
    yield DemoServer(url, token, tmp_path / SERVER_FOLDER, stop)
    stop()
