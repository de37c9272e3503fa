"""The console behind `etudes-server serve --workers 2` (the real command, on SQLite and on
PostgreSQL when configured): a session opened through one worker is honoured by every worker, its
CSRF token too, and a logout closes it everywhere. Sessions, form tokens and login throttling live
in the database (server.office_store), never in a worker's memory: with two workers, fresh
connections land on both, and a session kept in memory would fail about every other request."""

from __future__ import annotations

import html
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from etudes_desktop.server.accounts import create_user
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Store
from tests.console.conftest import CSRF, EMAILS, PASSWORDS

ROUNDS = 24


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def two_workers(db_url: str) -> Iterator[str]:
    store = Store(db_url)
    create_user(OfficeStore(store), EMAILS["manager"], "manager", PASSWORDS["manager"])
    store.enroll("sat-2026", "portable-01")
    store.close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "etudes_desktop.server.cli", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--database-url", db_url, "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode() if proc.poll() is not None else "no start") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(15)


def _fresh(url: str, cookies: httpx.Cookies) -> httpx.Client:
    """A new connection (so any worker may answer it) carrying the session cookie."""
    return httpx.Client(base_url=url, cookies=cookies, timeout=30, follow_redirects=False)


def test_a_session_works_on_every_worker(two_workers: str) -> None:
    url = two_workers
    with httpx.Client(base_url=url, timeout=30, follow_redirects=False) as first:
        login = first.get("/console/login")
        token = CSRF.search(login.text).group(1)
        answer = first.post("/console/login", data={"csrf": token, "email": EMAILS["manager"],
                                                    "password": PASSWORDS["manager"], "next": "/console/"})
        assert answer.status_code == 303
        cookies = first.cookies
        csrf = CSRF.search(first.get("/console/").text).group(1)
    for _round in range(ROUNDS):
        with _fresh(url, cookies) as client:
            page = client.get("/console/studies/sat-2026/progress")
            assert page.status_code == 200 and 'id="total-completed"' in page.text
            # a form with the session's token is accepted (the wrong current password is then the answer)
            form = client.post("/console/password", data={"csrf": csrf, "current": "pas-le-bon", "new": "x",
                                                          "confirm": "x"})
            assert form.status_code == 422 and "Mot de passe actuel incorrect." in html.unescape(form.text)
    with _fresh(url, cookies) as client:
        assert client.post("/console/logout", data={"csrf": csrf}).status_code == 303
    for _round in range(ROUNDS // 2):
        with _fresh(url, cookies) as client:
            closed = client.get("/console/studies/sat-2026/progress")
            assert closed.status_code == 303 and re.search(r"/console/login", closed.headers["location"])
