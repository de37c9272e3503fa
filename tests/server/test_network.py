"""Field network failures between a client and the real server: every resend converges."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.server import factory as f
from tests.server.conftest import Live
from tests.server.netfault import FaultyProxy


@pytest.fixture
def proxy(live: Live) -> Iterator[FaultyProxy]:
    faulty = FaultyProxy(live.server.port)
    yield faulty
    faulty.close()


def _post(proxy: FaultyProxy, live: Live, body: dict) -> httpx.Response:
    with httpx.Client(timeout=10) as client:
        return client.post(f"{proxy.url}/v1/batches", json=body, headers={"Authorization": f"Bearer {live.token}"})


def test_dropped_before_the_server_commits(live: Live, proxy: FaultyProxy) -> None:
    body = f.batch(f.many(20))
    proxy.fail_next("drop_before")
    with pytest.raises(httpx.TransportError):
        _post(proxy, live, body)
    assert live.stored_count() == 0
    response = _post(proxy, live, body)
    assert response.status_code == 200 and response.json()["replayed"] is False
    assert {r["status"] for r in response.json()["receipts"]} == {"accepted"}
    assert live.stored_count() == 20


def test_dropped_after_commit_before_the_answer(live: Live, proxy: FaultyProxy) -> None:
    body = f.batch(f.many(20))
    proxy.fail_next("drop_after")
    with pytest.raises(httpx.TransportError):
        _post(proxy, live, body)
    assert live.stored_count() == 20  # the server committed; the client does not know it
    response = _post(proxy, live, body)
    assert response.status_code == 200 and response.json()["replayed"] is True
    assert {r["status"] for r in response.json()["receipts"]} == {"accepted"}
    assert live.stored_count() == 20
    assert proxy.seen == ["drop_after", "pass"]


def test_lost_answer_then_resplit_batches_are_duplicates(live: Live, proxy: FaultyProxy) -> None:
    items = f.many(10)
    proxy.fail_next("drop_after")
    with pytest.raises(httpx.TransportError):
        _post(proxy, live, f.batch(items))
    halves = [_post(proxy, live, f.batch(items[:5])), _post(proxy, live, f.batch(items[5:]))]
    statuses = {r["status"] for half in halves for r in half.json()["receipts"]}
    assert statuses == {"duplicate"}
    assert live.stored_count() == 10
