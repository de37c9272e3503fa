"""The collection server over HTTP: receipts, idempotency, authorisation, limits, errors."""

from __future__ import annotations

import copy
import gzip
import json
import uuid

import httpx

from etudes_desktop.sync import protocol as p
from tests.server import factory as f
from tests.server.conftest import Live


def test_health_and_server_clock(live: Live) -> None:
    response = live.client.get(f"{live.url}/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["protocol_version"] == 1
    assert body["database"] == live.store.dialect
    assert response.headers[p.SERVER_TIME_HEADER].endswith("Z")


def test_openapi_document_is_published(live: Live) -> None:
    doc = live.client.get(f"{live.url}/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) >= {"/v1/batches", "/v1/device", "/health"}
    assert {"Batch", "BatchReceipts", "InterviewPayload", "ErrorBody"} <= set(doc["components"]["schemas"])
    assert "413" in doc["paths"]["/v1/batches"]["post"]["responses"]


def test_device_endpoint_names_the_study(live: Live) -> None:
    body = live.client.get(f"{live.url}/v1/device", headers={"Authorization": f"Bearer {live.token}"}).json()
    assert body["device_id"] == live.device_id and body["study_id"] == "sat-2026" and body["server_time"]


def test_batch_is_accepted_and_resend_gets_the_same_receipts(live: Live) -> None:
    items = f.many(5) + [f.interview(objected=True)]
    body = f.batch(items)
    first = live.post(body)
    assert first.status_code == 200, first.text
    receipts = first.json()["receipts"]
    assert [r["interview_id"] for r in receipts] == [i["id"] for i in items]
    assert {r["status"] for r in receipts} == {"accepted"}
    again = live.post(body)
    assert again.status_code == 200
    assert again.json()["receipts"] == receipts and again.json()["replayed"] is True
    stats = live.store.stats("sat-2026")
    assert stats["interviews"] == 6 and stats["by_state"] == {"completed": 5, "objected": 1}
    assert stats["batches"] == 1


def test_same_id_in_a_new_batch_is_duplicate_or_conflict(live: Live) -> None:
    original = f.interview(seed=1)
    assert live.post(f.batch([original])).json()["receipts"][0]["status"] == "accepted"
    same = live.post(f.batch([original])).json()["receipts"][0]
    assert same["status"] == "duplicate"
    changed = f.interview(interview_id=original["id"], seed=2)
    other = live.post(f.batch([changed])).json()["receipts"][0]
    assert other["status"] == "conflict" and other["reason"]
    assert live.stored_count() == 1
    exported = list(live.store.iter_interviews("sat-2026"))
    assert exported[0]["content_sha256"] == original["content_sha256"]


def test_reordered_and_overlapping_batches_store_each_interview_once(live: Live) -> None:
    items = f.many(6)
    late, early = f.batch(items[:4]), f.batch(items[2:])
    assert {r["status"] for r in live.post(early).json()["receipts"]} == {"accepted"}
    statuses = [r["status"] for r in live.post(late).json()["receipts"]]
    assert statuses == ["accepted", "accepted", "duplicate", "duplicate"]
    assert live.stored_count() == 6


def test_bad_interviews_are_rejected_one_by_one(live: Live) -> None:
    good = f.interview(seed=1)
    tampered = f.interview(seed=2)
    tampered["payload"]["answers"]["q01"] = 99  # the hash no longer matches
    leaking = f.interview(seed=3)
    leaking["payload"]["attributes"]["phone"] = "0612345678"
    leaking["content_sha256"] = "0" * 64
    elsewhere = f.interview("autre-etude", seed=4)
    receipts = live.post(f.batch([good, tampered, leaking, elsewhere])).json()["receipts"]
    assert [r["status"] for r in receipts] == ["accepted", "rejected", "rejected", "rejected"]
    assert receipts[1]["reason"].startswith("hash_mismatch")
    assert "forbidden respondent attribute" in receipts[2]["reason"] and "0612345678" not in receipts[2]["reason"]
    assert receipts[3]["reason"].startswith("study_mismatch")
    assert live.stored_count() == 1
    dump = json.dumps(list(live.store.iter_interviews("sat-2026")))
    assert "0612345678" not in dump


def test_an_id_repeated_inside_a_batch(live: Live) -> None:
    first = f.interview(seed=1)
    other = f.interview(interview_id=first["id"], seed=2)
    receipts = live.post(f.batch([first, first, other])).json()["receipts"]
    assert [r["status"] for r in receipts] == ["accepted", "duplicate", "conflict"]
    assert live.stored_count() == 1


def test_batch_id_reused_for_other_content_is_refused(live: Live) -> None:
    batch_id = str(uuid.uuid4())
    assert live.post(f.batch(f.many(2), batch_id=batch_id)).status_code == 200
    response = live.post(f.batch(f.many(1), batch_id=batch_id))
    assert response.status_code == 409 and response.json()["error"] == "batch_id_reused"


def test_missing_wrong_and_wiped_tokens_get_401(live: Live) -> None:
    body = f.batch(f.many(1))
    missing = live.client.post(f"{live.url}/v1/batches", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    assert live.post(body, token="etd_not-a-real-token").status_code == 401
    assert live.store.revoke(device_id=live.device_id) == 1
    assert live.post(body).status_code == 200  # revoked, asked to wipe: it sends what it holds first
    wiped = {"protocol_version": 1, "entries": [
        {"id": 1, "at": "2026-11-29T12:00:00+00:00", "event": "study.remote_wiped", "counts": {}}]}
    assert live.client.post(f"{live.url}/v1/audit", json=wiped,
                            headers={"Authorization": f"Bearer {live.token}"}).status_code == 200
    revoked = live.post(f.batch(f.many(1)))
    assert revoked.status_code == 401 and revoked.json()["error"] == "invalid_token"
    assert "révoqué" in revoked.json()["message"]
    assert live.stored_count() == 1


def test_device_writes_only_to_its_study(live: Live) -> None:
    _, other_token = live.store.enroll("autre-etude", "portable-02")
    response = live.post(f.batch(f.many(2)), token=other_token)
    assert response.status_code == 403 and response.json()["error"] == "wrong_study"
    body = f.batch(f.many(1))
    body["device_id"] = str(uuid.uuid4())
    assert live.post(body).status_code == 403
    assert live.stored_count() == 0 and live.stored_count("autre-etude") == 0


def test_body_size_limit_gives_413(live: Live) -> None:
    big = f.many(1, n_answers=1)
    big[0]["payload"]["answers"]["q00_text"] = "x" * (3 * 1024 * 1024)
    response = live.post(f.batch(big))
    assert response.status_code == 413 and response.json()["error"] == "too_large"


def test_gzip_is_accepted_and_gzip_bombs_get_413(live: Live) -> None:
    headers = {"Authorization": f"Bearer {live.token}", "Content-Encoding": "gzip",
               "Content-Type": "application/json"}
    body = json.dumps(f.batch(f.many(3))).encode()
    ok = live.client.post(f"{live.url}/v1/batches", content=gzip.compress(body), headers=headers)
    assert ok.status_code == 200 and {r["status"] for r in ok.json()["receipts"]} == {"accepted"}
    bomb = gzip.compress(b" " * (64 * 1024 * 1024))  # 64 MiB of spaces, ~64 KiB on the wire
    assert len(bomb) < 2 * 1024 * 1024
    response = live.client.post(f"{live.url}/v1/batches", content=bomb, headers=headers)
    assert response.status_code == 413
    broken = live.client.post(f"{live.url}/v1/batches", content=b"\x1f\x8bnot gzip", headers=headers)
    assert broken.status_code == 422
    odd = live.client.post(f"{live.url}/v1/batches", content=body, headers={**headers, "Content-Encoding": "br"})
    assert odd.status_code == 415


def test_malformed_input_gets_422_with_details(live: Live) -> None:
    headers = {"Authorization": f"Bearer {live.token}", "Content-Type": "application/json"}
    not_json = live.client.post(f"{live.url}/v1/batches", content=b"{oops", headers=headers)
    assert not_json.status_code == 422 and not_json.json()["error"] == "malformed_json"
    body = f.batch(f.many(1))
    broken = copy.deepcopy(body)
    broken["batch_id"] = "123"
    del broken["sent_at"]
    broken["interviews"][0]["name"] = "Dupont"
    response = live.post(broken)
    assert response.status_code == 422
    details = response.json()["details"]
    locations = {tuple(d["loc"]) for d in details}
    assert ("batch_id",) in locations and ("sent_at",) in locations and ("interviews", 0, "name") in locations
    assert "Dupont" not in response.text  # details never echo the input
    future = {**body, "protocol_version": 2}
    assert live.post(future).status_code == 422


def test_unknown_route_and_method(live: Live) -> None:
    wrong_method = live.client.get(f"{live.url}/v1/batches")
    assert wrong_method.status_code == 405 and wrong_method.json()["error"] == "method_not_allowed"
    missing = live.client.get(f"{live.url}/nowhere")
    assert missing.status_code == 404 and missing.json()["message"] == "adresse inconnue"


def test_many_concurrent_resends_of_one_batch_agree(live: Live) -> None:
    import concurrent.futures

    body = f.batch(f.many(40))
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda _: live.post(body), range(8)))
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    receipts = [r.json()["receipts"] for r in responses]
    assert all(r == receipts[0] for r in receipts)
    assert {r["status"] for r in receipts[0]} == {"accepted"}
    assert sum(not r.json()["replayed"] for r in responses) == 1
    assert live.stored_count() == 40


def test_tokens_are_stored_hashed_only(live: Live) -> None:
    from sqlalchemy import select

    from etudes_desktop.server.store import devices, token_digest

    with live.store.engine.connect() as conn:
        stored = [row.token_sha256 for row in conn.execute(select(devices.c.token_sha256))]
    assert live.token not in stored and token_digest(live.token) in stored
    assert live.token.startswith("etd_") and len(live.token) > 40


def test_http_client_speaks_gzip_and_keeps_server_time(live: Live) -> None:
    response = httpx.get(f"{live.url}/health")
    assert response.json()["server_time"] == response.headers[p.SERVER_TIME_HEADER]


def test_server_logs_carry_no_interview_content(live: Live, caplog) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    item = f.interview(seed=1)
    item["payload"]["answers"]["q00_text"] = "MARQUEUR-CONFIDENTIEL"
    item["content_sha256"] = p.content_hash(item["payload"])
    bad = copy.deepcopy(item)
    bad["id"] = str(uuid.uuid4())
    bad["payload"]["attributes"]["email"] = "MARQUEUR-CONFIDENTIEL@example.org"
    assert live.post(f.batch([item, bad])).status_code == 200
    assert live.post({**f.batch([item]), "sent_at": "MARQUEUR-CONFIDENTIEL"}).status_code == 422
    assert "MARQUEUR" not in caplog.text


def test_identity_in_a_free_text_answer_is_rejected_as_a_nir_is(live: Live) -> None:
    import hashlib

    leaks = []
    for text in ("rappeler Lucas au 0627874421", "écrire à lucas.dubois@example.fr", "tel +33.6.12.34.56.78"):
        item = f.interview(seed=len(leaks) + 10)
        item["payload"]["answers"]["q00_text"] = text
        item["content_sha256"] = hashlib.sha256(b"any").hexdigest()  # refused before the hash is checked
        leaks.append(item)
    receipts = live.post(f.batch([f.interview(seed=1), *leaks])).json()["receipts"]
    assert [r["status"] for r in receipts] == ["accepted", "rejected", "rejected", "rejected"]
    assert "phone number" in receipts[1]["reason"] and "0627874421" not in receipts[1]["reason"]
    assert "e-mail" in receipts[2]["reason"] and "example.fr" not in receipts[2]["reason"]
    dump = json.dumps(list(live.store.iter_interviews("sat-2026")))
    assert "0627874421" not in dump and "example.fr" not in dump and live.stored_count() == 1
