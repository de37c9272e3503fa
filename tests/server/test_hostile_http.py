"""No 500 for hostile bodies: huge integers, deep nesting, wrong media type, gzip tricks, slow bodies."""

from __future__ import annotations

import gzip
import json
import logging
import socket
import time

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.openapi import openapi_document
from etudes_desktop.server.store import Store
from tests.server import factory as f
from tests.server.conftest import Live


def _send(live: Live, raw: bytes, path: str = "/v1/batches", **headers: str):
    base = {"Authorization": f"Bearer {live.token}", "Content-Type": "application/json"}
    return live.client.post(f"{live.url}{path}", content=raw, headers={**base, **headers})


@pytest.mark.parametrize("raw", [
    json.dumps(f.batch([{**f.interview(), "clock_offset_ms": 2**63}])).encode(),
    json.dumps(f.batch([{**f.interview(), "clock_offset_ms": 2**64 + 1}])).encode(),
    b'{"interviews": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    b'{"batch_id": ' + b"9" * 100_000 + b"}",
    b'{"a": NaN}',
], ids=["offset 2^63", "offset 2^64", "deep nesting", "100000 digits", "NaN"])
def test_hostile_numbers_and_nesting_get_422(live: Live, raw: bytes) -> None:
    started = time.monotonic()
    response = _send(live, raw)
    assert response.status_code == 422 and response.json()["error"] in ("malformed_json", "invalid_batch")
    assert time.monotonic() - started < 2


def test_audit_id_of_2_63_gets_422(live: Live) -> None:
    raw = json.dumps({"entries": [{"id": 2**63, "at": "2026-11-29T10:00:00Z", "event": "x"}]}).encode()
    assert _send(live, raw, "/v1/audit").status_code == 422


@pytest.mark.parametrize("media", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_content_type_must_be_json(live: Live, media: str) -> None:
    raw = json.dumps(f.batch([f.interview()])).encode()
    response = _send(live, raw, **{"Content-Type": media})
    assert response.status_code == 415 and live.stored_count() == 0


def test_a_second_gzip_member_is_refused(live: Live) -> None:
    raw = gzip.compress(json.dumps(f.batch([f.interview()])).encode()) + gzip.compress(b"{}")
    response = _send(live, raw, **{"Content-Encoding": "gzip"})
    assert response.status_code == 422 and response.json()["error"] == "malformed_gzip"
    assert live.stored_count() == 0


def test_a_half_sent_body_times_out(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    _, token = store.enroll("sat-2026", "p")
    with EmbeddedServer(store, body_timeout=0.5) as server:
        with socket.create_connection((server.host, server.port), timeout=5) as sock:
            sock.sendall(f"POST /v1/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                         "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"batch".encode())
            started = time.monotonic()
            answer = sock.recv(4096)
            assert answer.startswith(b"HTTP/1.1 408") and time.monotonic() - started < 3
    store.close()


def test_a_client_disconnect_is_one_log_line(tmp_path, caplog: pytest.LogCaptureFixture) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    _, token = store.enroll("sat-2026", "p")
    with caplog.at_level(logging.INFO, logger="etudes_desktop.server.app"):
        with EmbeddedServer(store) as server:
            with socket.create_connection((server.host, server.port), timeout=5) as sock:
                sock.sendall(f"POST /v1/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                             "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"ba".encode())
                time.sleep(0.3)
            time.sleep(0.5)
    store.close()
    lines = [r for r in caplog.records if r.name.startswith("etudes_desktop.server")]
    assert [r.getMessage() for r in lines] == ["client disconnected while sending its body"]
    assert all(r.exc_info is None for r in caplog.records)


# -- schemathesis over the published OpenAPI document: no 5xx -----------------------------------

schema = schemathesis.openapi.from_dict(openapi_document())


@schema.parametrize()
@settings(max_examples=25, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_5xx_over_the_openapi_document(case, live: Live) -> None:
    response = case.call(base_url=live.url, headers={"Authorization": f"Bearer {live.token}"})
    assert response.status_code < 500, response.text
