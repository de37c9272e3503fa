"""`--demo`: the real collection server on 127.0.0.1 with its own SQLite store, enrolled automatically.

No Qt. The application calls `start_demo_server(data_dir)` at start-up, then
`configure_vault(vault, url, token)` once the demo vault is open, so "Synchroniser" works on
one machine with nothing to type. Each start enrols a new device (the port changes too), and
the saved settings are replaced; the store keeps what earlier demo sessions sent.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etudes_desktop.paths import private_dir
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url
from etudes_desktop.sync.engine import SETTING_SERVER, SETTING_TOKEN, write_setting

log = logging.getLogger(__name__)

DEMO_STUDY_ID = "satisfaction_assures_2026"  # the id of resources/studies/satisfaction_assures_2026.xlsx
SERVER_FOLDER = "serveur-demo"


def start_demo_server(data_dir: Path | str, study_id: str = DEMO_STUDY_ID,
                      host: str = "127.0.0.1") -> tuple[str, str, Callable[[], None]]:
    """Start the server in a background thread; return its URL, a fresh device token and `stop`."""
    folder = Path(data_dir) / SERVER_FOLDER
    private_dir(folder)
    store = Store(sqlite_url(folder))
    try:
        _device, token = store.enroll(study_id, f"poste-demo-{uuid.uuid4().hex[:8]}")
        server = EmbeddedServer(store, host=host).start()
    except BaseException:
        store.close()
        raise
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            stopped = True
            server.stop()
            store.close()

    log.info("demo collection server on %s (study %s)", server.url, study_id)
    return server.url, token, stop


def configure_vault(vault: Any, url: str, token: str) -> None:
    """Save the demo server's address and token in the (demo) vault's settings."""
    write_setting(vault, SETTING_SERVER, url)
    write_setting(vault, SETTING_TOKEN, token)
