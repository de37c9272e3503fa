"""The server image's dependencies (installer/server_requirements.py) are enough to run the server.

The Dockerfile installs pyproject.toml's dependencies but the desktop's own. Here the real
`etudes-server` runs in a process where those (Qt, SQLCipher, httpx) cannot be imported: it
enrols a device, serves, answers its health route (the image's HEALTHCHECK) and its console's
login page, accepts a batch and exports it, over SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.server import factory as f

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import server_requirements  # noqa: E402

# Runs `etudes-server ARGS` with the desktop-only distributions made unimportable.
LAUNCHER = """
import importlib.metadata as md, sys
blocked_dists = set(sys.argv[1].split(","))
blocked = {module for module, dists in md.packages_distributions().items()
           if {d.lower().replace("_", "-") for d in dists} & blocked_dists}
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"not in the server image: {name}")
sys.meta_path.insert(0, Refuse())
from etudes_desktop.server.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _command(*argv: str) -> list[str]:
    left_out = ",".join(server_requirements.desktop_only(ROOT / "pyproject.toml"))
    return [sys.executable, "-c", LAUNCHER, left_out, *argv]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_image_lists_the_servers_dependencies_and_leaves_qt_out():
    names = server_requirements.server_requirements(ROOT / "pyproject.toml")
    assert any(name.startswith("psycopg[binary]") for name in names)
    left_out = server_requirements.desktop_only(ROOT / "pyproject.toml")
    assert {"pyside6-essentials", "sqlcipher3"} <= set(left_out)
    assert not any(name.lower().startswith(("pyside6", "sqlcipher3")) for name in names)


def test_the_server_runs_with_only_the_images_dependencies(db_url: str, tmp_path: Path):
    env = {**os.environ, "ETUDES_SERVER_DATABASE_URL": db_url}
    enrolled = subprocess.run(_command("enroll", "--study", "sat-2026", "--device-name", "portable-01", "--json"),
                              capture_output=True, text=True, env=env, timeout=60)
    assert enrolled.returncode == 0, enrolled.stderr
    token = json.loads(enrolled.stdout)["token"]

    port = _free_port()
    server = subprocess.Popen(_command("serve", "--host", "127.0.0.1", "--port", str(port)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline, health = time.monotonic() + 30, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert health is not None and health.status_code == 200, server.stderr.read() if server.poll() else ""
        assert health.json()["status"] == "ok"
        login = httpx.get(f"http://127.0.0.1:{port}/console/login", timeout=10)
        assert login.status_code == 200 and "<form" in login.text
        items = f.many(3)
        sent = httpx.post(f"http://127.0.0.1:{port}/v1/batches", json=f.batch(items),
                          headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert sent.status_code == 200, sent.text
        assert [r["status"] for r in sent.json()["receipts"]] == ["accepted"] * 3
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "ModuleNotFoundError" not in errors and "Traceback" not in errors

    exported = subprocess.run(_command("export", "--study", "sat-2026"), capture_output=True, text=True, env=env,
                              timeout=60)
    assert exported.returncode == 0, exported.stderr
    assert sorted(json.loads(line)["id"] for line in exported.stdout.splitlines()) == sorted(i["id"] for i in items)
