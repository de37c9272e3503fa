"""Settings kept inside the vault (a key and a JSON value): the sync server and token, the last
sync, the audit upload mark, the last interview mode... one read and one upsert, here only."""

from __future__ import annotations

import json
from typing import Any

from etudes_desktop.storage.handle import VaultHandle


def read_setting(vault: VaultHandle, key: str) -> Any:
    """The setting's value, None when it was never written."""
    row = vault.conn.execute("SELECT value_json FROM setting WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def write_setting_in(conn: Any, key: str, value: Any) -> None:
    """The upsert, inside the caller's transaction."""
    conn.execute("INSERT INTO setting (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                 "value_json = excluded.value_json", (key, json.dumps(value)))


def write_setting(vault: VaultHandle, key: str, value: Any) -> None:
    """Write one setting in its own transaction."""
    with vault.transaction() as conn:
        write_setting_in(conn, key, value)
