"""The embedded server of `--demo`: its own SQLite store, a device enrolled automatically."""

from __future__ import annotations

from pathlib import Path

import httpx

from etudes_desktop.server.embedded import start_demo


def test_demo_server_enrols_once_and_reuses_a_valid_token(tmp_path: Path) -> None:
    server, token = start_demo(tmp_path / "demo-server", "demo-satisfaction")
    try:
        info = httpx.get(f"{server.url}/v1/device", headers={"Authorization": f"Bearer {token}"}).json()
        assert info["study_id"] == "demo-satisfaction" and server.url.startswith("http://127.0.0.1:")
    finally:
        server.stop(close_store=True)
    again, same = start_demo(tmp_path / "demo-server", "demo-satisfaction", token)
    again.stop(close_store=True)
    assert same == token
    other, fresh = start_demo(tmp_path / "demo-server", "demo-satisfaction", "etd_lost")
    try:
        assert fresh != token
        old = httpx.get(f"{other.url}/v1/device", headers={"Authorization": f"Bearer {token}"})
        assert old.status_code == 401  # the lost demo token was replaced, not left valid
    finally:
        other.stop(close_store=True)
    assert (tmp_path / "demo-server" / "server.db").is_file()
