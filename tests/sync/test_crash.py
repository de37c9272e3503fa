"""Processes killed mid-sync (the laptop's, the server's): the next sync finishes the job."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import httpx

from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url
from etudes_desktop.sync.engine import SyncEngine
from etudes_desktop.sync.transport import HttpTransport, Reply
from tests.conftest import TEST_PASSPHRASE
from tests.sync import seed as s

CHILD = textwrap.dedent("""
    import os, signal, sys
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import Vault
    from etudes_desktop.sync.engine import SyncEngine
    from etudes_desktop.sync.transport import HttpTransport

    class DiesOnReceipts(HttpTransport):
        def post_batch(self, body, timeout):
            reply = super().post_batch(body, timeout)
            if reply.status == 200:
                sys.stdout.write("receipts\\n"); sys.stdout.flush()
                os.kill(os.getpid(), signal.SIGKILL)  # between the receipts and the purge
            return reply

    data, logs, url, token = sys.argv[1:5]
    vault = Vault.open(DataPaths(data_dir=__import__("pathlib").Path(data), log_dir=__import__("pathlib").Path(logs)),
                       os.environ["CHILD_PASSPHRASE"])
    SyncEngine(vault, DiesOnReceipts(url, token)).run()
""")


def test_client_killed_between_receipts_and_purge(vault, vault_paths, tmp_path: Path) -> None:
    ids = s.seed(vault, 120)
    store = Store(sqlite_url(tmp_path / "server"))
    _, token = store.enroll(s.STUDY, "portable-01")
    with EmbeddedServer(store) as server:
        env = {**os.environ, "CHILD_PASSPHRASE": TEST_PASSPHRASE}
        child = subprocess.run([sys.executable, "-c", CHILD, str(vault_paths.data_dir), str(vault_paths.log_dir),
                                server.url, token], capture_output=True, text=True, env=env, timeout=60,
                               cwd=Path(__file__).resolve().parents[2])
        assert child.returncode == -signal.SIGKILL, child.stderr
        assert child.stdout.strip() == "receipts"
        assert store.stats(s.STUDY)["interviews"] == 100  # the server has the first batch...
        assert s.states(vault) == {"sending": 120}  # ...the laptop still holds it, and the next batch locked
        report = SyncEngine(vault, HttpTransport(server.url, token)).run()
    assert report.accepted == 120 and report.purged == 120  # replayed receipts, then the rest
    assert sorted(r["id"] for r in store.iter_interviews(s.STUDY)) == sorted(ids)
    assert s.states(vault) == {} and s.leftovers(vault) == []
    assert vault.conn.execute("SELECT count(*) FROM tombstone").fetchone()[0] == 120
    store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`etudes-server serve` as a real process that the test can kill and start again."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir, self.port, self.proc = data_dir, _free_port(), None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "etudes_desktop.server.cli", "serve", "--port",
                                      str(self.port), "--data-dir", str(self.data_dir)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/health", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError("server did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


def test_server_killed_mid_batch(vault, tmp_path: Path) -> None:
    ids = s.seed(vault, 200, answers=30)
    server = ServerProcess(tmp_path / "server")
    store = Store(sqlite_url(server.data_dir))
    _, token = store.enroll(s.STUDY, "portable-01")
    server.start()
    kills: list[float] = []

    class KillsTheServerOnce(HttpTransport):
        def post_batch(self, body: bytes, timeout: float) -> Reply:
            if not kills:
                kills.append(time.monotonic())
                threading.Timer(0.02, server.kill).start()  # while the batch is being received or stored
            return super().post_batch(body, timeout)

    restarts: list[float] = []

    def sleep(seconds: float) -> None:
        if server.proc.poll() is not None:
            restarts.append(seconds)
            server.start()

    try:
        report = SyncEngine(vault, KillsTheServerOnce(server.url, token), sleep=sleep).run()
    finally:
        server.kill()
    assert kills and restarts and report.retries >= 1
    assert report.accepted + report.duplicate == 200 and report.purged == 200
    assert sorted(r["id"] for r in store.iter_interviews(s.STUDY)) == sorted(ids)
    assert s.states(vault) == {} and s.leftovers(vault) == []
    store.close()
