"""`etudes-server`: enrol, revoke, export, stats, errors, and `serve` as a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from etudes_desktop.server.cli import main
from etudes_desktop.server.store import Store
from tests.server import factory as f


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_enroll_prints_the_token_once_and_stores_its_hash(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "enroll", "--study", "sat-2026", "--device-name", "portable-01",
                             "--database-url", db_url)
    assert code == 0 and "une seule fois" in err
    token = out.strip()
    assert token.startswith("etd_")
    store = Store(db_url)
    assert store.authenticate(token) is not None
    code, out, err = run_cli(capsys, "enroll", "--study", "sat-2026", "--device-name", "portable-01",
                             "--database-url", db_url)
    assert code == 1 and err.startswith("etudes-server: ") and "déjà inscrit" in err and len(err.splitlines()) == 1
    code, _, err = run_cli(capsys, "revoke", "--study", "sat-2026", "--device-name", "portable-01",
                           "--database-url", db_url)
    assert code == 0 and "effacement à distance" in err
    revoked = store.authenticate(token)
    assert revoked is not None and revoked.wipe_pending  # it may still send what it holds, then wipe
    code, _, err = run_cli(capsys, "revoke", "--device-id", "nope", "--database-url", db_url)
    assert code == 1 and "aucun appareil" in err
    store.close()


def test_sqlite_file_lives_in_data_dir_without_the_token(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "enroll", "--study", "s", "--device-name", "d", "--data-dir", str(tmp_path))
    assert code == 0
    database = tmp_path / "server.db"
    assert database.is_file() and out.strip().encode() not in database.read_bytes()


def test_export_and_stats(db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    store = Store(db_url)
    device, _ = store.enroll("sat-2026", "portable-01")
    from etudes_desktop.sync.protocol import Batch

    items = f.many(3) + [f.interview(objected=True)]
    items[0]["payload"]["answers"]["q00_text"] = "=HYPERLINK(1)"
    items[0]["content_sha256"] = __import__("etudes_desktop.sync.protocol", fromlist=["x"]).content_hash(
        items[0]["payload"])
    store.ingest(device, Batch.model_validate(f.batch(items)))
    code, out, _ = run_cli(capsys, "export", "--study", "sat-2026", "--database-url", db_url)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {r["id"] for r in records} == {i["id"] for i in items}
    assert all(r["payload"]["consent"]["notice_id"] == "cnam-marketing" for r in records)
    target = tmp_path / "export.csv"
    code, _, err = run_cli(capsys, "export", "--study", "sat-2026", "--format", "csv", "--output", str(target),
                           "--database-url", db_url)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert code == 0 and len(rows) == 4 and "4 entretien" in err
    assert {"q.q01", "attr.age_band", "consent_decision"} <= set(rows[0])
    assert "'=HYPERLINK(1)" in {row["q.q00_text"] for row in rows}  # no formula reaches a spreadsheet
    code, out, _ = run_cli(capsys, "stats", "--study", "sat-2026", "--json", "--database-url", db_url)
    stats = json.loads(out)
    assert code == 0 and stats["interviews"] == 4 and stats["by_state"] == {"completed": 3, "objected": 1}
    assert stats["devices"] == {"active": 1, "revoked": 0} and stats["batches"] == 1
    code, out, _ = run_cli(capsys, "stats", "--study", "sat-2026", "--database-url", db_url)
    assert "4 entretiens reçus" in out
    store.close()


def test_usage_and_input_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["enroll", "--study", "s"])
    assert usage.value.code == 2
    code, _, err = run_cli(capsys, "stats", "--study", "s", "--database-url", "mysql://x/y")
    assert code == 1 and "non prise en charge" in err
    code, _, err = run_cli(capsys, "serve", "--tls-cert", str(tmp_path / "c.pem"), "--data-dir", str(tmp_path))
    assert code == 1 and "--tls-key" in err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def serve_process(db_url: str) -> Iterator[callable]:
    started: list[subprocess.Popen[bytes]] = []

    def start(port: int, *extra: str, scheme: str = "http") -> subprocess.Popen[bytes]:
        cmd = [sys.executable, "-m", "etudes_desktop.server.cli", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--database-url", db_url, *extra]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(proc)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{scheme}://127.0.0.1:{port}/health", verify=False, timeout=1).status_code == 200:
                    return proc
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError(proc.stderr.read().decode() if proc.poll() is not None else "server did not start")

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(10)


def test_server_killed_mid_batch_then_resend_converges(db_url: str, serve_process: callable) -> None:
    store = Store(db_url)
    _, token = store.enroll("sat-2026", "portable-01")
    port = _free_port()
    proc = serve_process(port)
    body = f.batch(f.many(400, n_answers=10))
    encoded = json.dumps(body).encode()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    outcome: list[object] = []

    def slow_upload() -> Iterator[bytes]:  # the server is killed while the batch is arriving
        for start in range(0, len(encoded), 16384):
            yield encoded[start:start + 16384]
            time.sleep(0.01)

    def send() -> None:
        try:
            outcome.append(httpx.post(f"http://127.0.0.1:{port}/v1/batches", content=slow_upload(),
                                      headers=headers, timeout=30))
        except httpx.TransportError as exc:
            outcome.append(exc)

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    sender.join(30)
    assert isinstance(outcome[0], httpx.TransportError)
    assert store.stats("sat-2026")["interviews"] == 0  # nothing half-stored
    serve_process(port)
    response = httpx.post(f"http://127.0.0.1:{port}/v1/batches", json=body, headers=headers, timeout=30)
    assert response.status_code == 200
    assert {r["status"] for r in response.json()["receipts"]} == {"accepted"}
    assert store.stats("sat-2026")["interviews"] == 400
    store.close()


def test_serve_over_tls(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "etudes_desktop.server.cli", "serve", "--port", str(port),
                             "--data-dir", str(tmp_path / "srv"), "--tls-cert", str(cert), "--tls-key", str(key)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_healthy(f"https://127.0.0.1:{port}")
        _check_tls(port, cert)
    finally:
        proc.terminate()
        proc.wait(10)


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", verify=False, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise AssertionError("server did not start")


def _check_tls(port: int, cert: Path) -> None:
    response = httpx.get(f"https://127.0.0.1:{port}/health", verify=ssl.create_default_context(cafile=cert))
    assert response.status_code == 200 and response.json()["status"] == "ok"
    with pytest.raises(httpx.ConnectError):  # an unknown certificate is refused by default
        httpx.get(f"https://127.0.0.1:{port}/health")
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    import ipaddress

    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_several_workers_share_one_database(db_url: str, serve_process: callable) -> None:
    """Stateless workers: concurrent, overlapping and repeated batches store each interview once."""
    import concurrent.futures

    store = Store(db_url)
    _, token = store.enroll("sat-2026", "portable-01")
    port = _free_port()
    serve_process(port, "--workers", "2")
    items = f.many(120)
    bodies = [f.batch(items[start:start + 40]) for start in range(0, 120, 20)]  # each interview in 2 batches
    bodies += bodies[:3]  # and some batches sent twice
    headers = {"Authorization": f"Bearer {token}"}

    def post(body: dict) -> dict:
        response = httpx.post(f"http://127.0.0.1:{port}/v1/batches", json=body, headers=headers, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(post, bodies))
    first_sends = [a for a in answers if not a["replayed"]]
    accepted = [r["interview_id"] for a in first_sends for r in a["receipts"] if r["status"] == "accepted"]
    assert sorted(accepted) == sorted(i["id"] for i in items)  # each accepted exactly once
    assert all(r["status"] in ("accepted", "duplicate") for a in answers for r in a["receipts"])
    assert store.stats("sat-2026")["interviews"] == 120
    store.close()
