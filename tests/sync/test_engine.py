"""Sync engine: batches, receipts and purge against the real server; every failure converges."""

from __future__ import annotations

import time
from datetime import UTC

import httpx
import pytest

from etudes_desktop.sync import clock_offset
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.engine import Retry, SyncCancelled, SyncError
from tests.sync import seed as s
from tests.sync.conftest import Field

HANDSHAKE = ("pass",) * clock_offset.SAMPLES  # the device request and its clock probes


def assert_converged(field: Field, ids: list[str]) -> None:
    """The server holds every interview exactly once; the laptop purged exactly those."""
    exported = [r["id"] for r in field.store.iter_interviews(s.STUDY)]
    assert sorted(exported) == sorted(ids) and len(set(exported)) == len(exported)
    tombstones = {r[0] for r in field.vault.conn.execute("SELECT interview_id FROM tombstone").fetchall()}
    assert tombstones == set(ids)
    assert s.states(field.vault) == {}
    assert s.leftovers(field.vault) == []


def test_happy_path_sends_purges_and_grows_batches(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 320, objected_every=10)
    report = field_setup.engine().run()
    assert report.outcome == "ok" and report.study_id == s.STUDY
    assert report.accepted == 320 and report.purged == 320 and report.remaining == 0
    assert report.batches == 3  # 100, then 200 (grown), then the last 20
    assert_converged(field_setup, ids)
    stats = field_setup.store.stats(s.STUDY)
    assert stats["by_state"] == {"completed": 288, "objected": 32}
    exported = next(iter(field_setup.store.iter_interviews(s.STUDY)))
    assert "last_name" not in str(exported) and "06" not in str(exported["payload"]["attributes"])
    tomb = field_setup.vault.conn.execute("SELECT * FROM tombstone LIMIT 1").fetchone()
    assert tomb["receipt_status"] == "accepted" and len(tomb["content_sha256"]) == 64
    contacts = field_setup.vault.conn.execute(
        "SELECT count(*) FROM respondent WHERE last_name IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL"
    ).fetchone()[0]
    assert contacts == 0
    log_rows = field_setup.vault.conn.execute("SELECT sum(sent), sum(accepted) FROM sync_log").fetchone()
    assert tuple(log_rows) == (320, 320)
    assert field_setup.engine().run().sent == 0  # nothing left, nothing twice


def test_dropped_before_the_server_commits(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 30)
    field_setup.proxy.fail_next(*HANDSHAKE, "drop_before")  # the handshake passes, the batch is lost
    report = field_setup.engine().run()
    assert report.retries == 1 and len(field_setup.sleeps) == 1
    assert_converged(field_setup, ids)


def test_dropped_after_commit_before_the_answer(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 30)
    field_setup.proxy.fail_next(*HANDSHAKE, "drop_after")
    report = field_setup.engine().run()
    assert report.accepted == 30 and report.retries == 1  # the replayed receipts say accepted
    assert_converged(field_setup, ids)


def test_duplicated_request_gets_the_same_receipts(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 30)
    field_setup.proxy.fail_next(*HANDSHAKE, "duplicate")
    report = field_setup.engine().run()
    assert report.accepted == 30
    assert field_setup.store.stats(s.STUDY)["batches"] == 1
    assert_converged(field_setup, ids)


def test_500_and_503_back_off_and_honour_retry_after(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 10)
    field_setup.proxy.fail_next(*HANDSHAKE, "http_500", "http_503", "http_500")
    report = field_setup.engine().run()
    assert report.retries == 3
    assert field_setup.sleeps[1] == 7.0  # Retry-After
    assert field_setup.sleeps[0] == pytest.approx(0.5 * 0.75) and field_setup.sleeps[2] == pytest.approx(2.0 * 0.75)
    assert_converged(field_setup, ids)


def test_server_unreachable_leaves_everything_for_the_next_sync(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 10)
    field_setup.proxy.fail_next(*HANDSHAKE, *["http_503"] * 5)
    with pytest.raises(SyncError, match="injoignable"):
        field_setup.engine().run()
    assert s.states(field_setup.vault) == {"sending": 10} and field_setup.on_server() == 0
    field_setup.engine().run()
    assert_converged(field_setup, ids)


def test_timeout_shrinks_batches_and_resent_interviews_are_duplicates(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 150)
    field_setup.proxy.slow_seconds = 1.5
    field_setup.proxy.fail_next(*HANDSHAKE, "slow")
    sizes: list[int] = []
    engine = field_setup.engine(request_timeout=0.5, progress=lambda done, total, size: size and sizes.append(size))
    report = engine.run()
    assert sizes[:2] == [100, 50]  # the timed-out batch of 100 is given back and sent as 50
    assert report.duplicate == 100 and report.accepted == 50  # the slow batch had been committed
    assert_converged(field_setup, ids)


def test_body_limit_halves_batches(vault, tmp_path) -> None:
    from etudes_desktop.server.embedded import EmbeddedServer
    from etudes_desktop.server.store import Store, sqlite_url
    from etudes_desktop.sync.engine import SyncEngine
    from etudes_desktop.sync.transport import HttpTransport

    ids = s.seed(vault, 100, answers=30)
    store = Store(sqlite_url(tmp_path / "srv"))
    _, token = store.enroll(s.STUDY, "p")
    with EmbeddedServer(store, max_decompressed_bytes=40_000) as server:
        engine = SyncEngine(vault, HttpTransport(server.url, token), sleep=lambda _: None)
        report = engine.run()
    assert report.accepted == 100 and engine.sizer.count < 100
    assert len([r for r in store.iter_interviews(s.STUDY)]) == len(ids)
    store.close()


def test_a_wrong_token_stops_without_losing_anything(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 5)
    with pytest.raises(SyncError, match="jeton"):
        field_setup.engine(token="etd_wrong").run()
    assert s.states(field_setup.vault) == {"completed": 5} and field_setup.on_server() == 0
    _, fresh = field_setup.store.enroll(s.STUDY, "portable-02")
    field_setup.engine(token=fresh).run()
    assert_converged(field_setup, ids)
    # a revoked token: tests/sync/test_remote_wipe.py (it sends what it holds, then wipes)


def test_a_device_of_another_study_cannot_send(field_setup: Field) -> None:
    s.seed(field_setup.vault, 5)
    _, other = field_setup.store.enroll("autre-etude", "portable-02")
    with pytest.raises(SyncError, match="autre-etude"):
        field_setup.engine(token=other).run(s.STUDY)
    assert s.states(field_setup.vault) == {"completed": 5}
    assert field_setup.engine(token=other).run().sent == 0  # its own study: nothing to send
    assert field_setup.on_server() == 0 and field_setup.on_server("autre-etude") == 0


def test_conflict_and_rejection_stay_visible_with_reason(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 6)
    clash = ids[2]
    other = s.seed(field_setup.vault, 1, marker="AUTRE")[0]
    payload = s_payload_for(field_setup, clash)
    payload["answers"]["comment"] = "autre contenu"  # the server already holds ids[2] with other content
    body = {"protocol_version": 1, "batch_id": "00000000-0000-4000-8000-000000000001", "study_id": s.STUDY,
            "sent_at": "2026-11-29T11:00:00Z",
            "interviews": [{"id": clash, "content_sha256": p.content_hash(payload), "payload": payload}]}
    httpx.post(f"{field_setup.server.url}/v1/batches", json=body,
               headers={"Authorization": f"Bearer {field_setup.token}"}).raise_for_status()
    with field_setup.vault.transaction() as conn:
        conn.execute("UPDATE interview SET attributes_json = '{\"phone\": \"0612345678\"}' WHERE id = ?", (other,))
    report = field_setup.engine().run()
    assert report.conflict == 1 and report.rejected == 1 and report.accepted == 5
    rows = {r["id"]: r for r in field_setup.vault.conn.execute("SELECT * FROM interview").fetchall()}
    assert rows[clash]["state"] == "conflict" and rows[clash]["receipt_reason"]
    assert rows[other]["state"] == "rejected" and "phone" in rows[other]["receipt_reason"]
    assert rows[other]["receipt_status"] == "local" and field_setup.on_server() == 6  # it never left
    kept = field_setup.vault.conn.execute("SELECT count(*) FROM answer WHERE interview_id = ?", (clash,)).fetchone()[0]
    assert kept == 5  # nothing purged that the server did not acknowledge
    assert field_setup.engine().run().sent == 0  # they wait for a person, not for the next sync


def s_payload_for(field: Field, interview_id: str) -> dict:
    from etudes_desktop.storage.outbox import build_payload

    row = field.vault.conn.execute("SELECT * FROM interview WHERE id = ?", (interview_id,)).fetchone()
    return build_payload(field.vault.conn, row)


def test_cancel_between_batches_then_resume(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 250)
    done: list[int] = [0]

    def progress(sent: int, total: int, batch: int) -> None:
        done[0] = sent

    with pytest.raises(SyncCancelled):
        field_setup.engine(progress=progress, cancelled=lambda: done[0] > 0).run()
    assert field_setup.on_server() == 100 and s.states(field_setup.vault) == {"completed": 150}
    field_setup.engine().run()
    assert_converged(field_setup, ids)


def test_progress_reports_sent_out_of_total(field_setup: Field) -> None:
    s.seed(field_setup.vault, 150)
    seen: list[tuple[int, int, int]] = []
    field_setup.engine(progress=lambda done, total, batch: seen.append((done, total, batch))).run()
    assert seen[0] == (0, 150, 100) and seen[-1] == (150, 150, 0)


def test_interviews_taken_through_the_interview_service_sync(field_setup: Field) -> None:
    from datetime import datetime, timezone

    from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
    from etudes_desktop.storage.interviews import InterviewStore

    s.add_study(field_setup.vault)
    service = InterviewStore(field_setup.vault)
    service.set_profile("Camille Martin", "enq-7f3a")

    def consent(decision: Decision) -> ConsentRecord:
        now = datetime.now(UTC)
        return ConsentRecord(notice_id="cnam-marketing", notice_version="2024-01", text_sha256=s.NOTICE_SHA,
                             mode=Mode.FACE_TO_FACE, interviewer="enq-7f3a", delivered_at=now, decided_at=now,
                             decision=decision)

    agreed = service.start(s.STUDY, "1.0", Mode.FACE_TO_FACE)
    service.record_consent(agreed, consent(Decision.AGREES))
    service.save_answer(agreed, "q01", 4)
    service.save_answer(agreed, "comment", "très bon accueil")
    service.save_answer(agreed, "channels", ["web", "agence"])
    service.complete(agreed, {"age_band": "35-44"})
    objected = service.start(s.STUDY, "1.0", Mode.FACE_TO_FACE)
    service.record_consent(objected, consent(Decision.OBJECTS))
    draft = service.start(s.STUDY, "1.0", Mode.FACE_TO_FACE)
    report = field_setup.engine().run()
    assert report.accepted == 2 and s.states(field_setup.vault) == {"draft": 1}
    stored = {r["id"]: r["payload"] for r in field_setup.store.iter_interviews(s.STUDY)}
    assert stored[agreed]["answers"] == {"q01": 4, "comment": "très bon accueil", "channels": ["web", "agence"]}
    assert stored[agreed]["consent"]["decision"] == "agrees" and stored[agreed]["interviewer"] == "enq-7f3a"
    assert stored[objected]["answers"] == {} and stored[objected]["consent"]["decision"] == "objects"
    assert draft not in stored


def test_the_sync_log_keeps_outcomes_without_personal_data(field_setup: Field) -> None:
    s.seed(field_setup.vault, 12)
    with pytest.raises(SyncError):
        field_setup.engine(token="etd_wrong").run()
    field_setup.engine().run()
    rows = field_setup.vault.conn.execute("SELECT outcome, sent, accepted FROM sync_log ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("error", 0, 0), ("ok", 12, 12)]
    last = field_setup.vault.conn.execute("SELECT value_json FROM setting WHERE key = 'sync.last_success'").fetchone()
    assert last is not None and "T" in last[0]


def test_a_stale_duplicate_arriving_out_of_order_changes_nothing(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 250)
    field_setup.proxy.fail_next(*HANDSHAKE, "replay_later")  # batch 1 arrives again after batch 2
    report = field_setup.engine().run()
    assert report.accepted == 250 and field_setup.proxy.seen[:len(HANDSHAKE) + 2] == [*HANDSHAKE, "replay_later", "pass"]
    for _ in range(200):
        if field_setup.proxy.late_answers:
            break
        time.sleep(0.01)
    late = field_setup.proxy.late_answers[0]
    assert late.startswith(b"HTTP/1.1 200") and b'"replayed":true' in late
    assert field_setup.store.stats(s.STUDY)["batches"] == report.batches
    assert_converged(field_setup, ids)


def test_clock_offset_is_measured_at_sync_and_travels_unhashed(field_setup: Field) -> None:
    from datetime import datetime, timedelta, timezone

    ids = s.seed(field_setup.vault, 3)
    late_laptop = lambda: datetime.now(UTC) - timedelta(hours=1)  # noqa: E731 - a laptop an hour behind
    report = field_setup.engine(clock=late_laptop).run()
    assert report.clock_offset_ms == pytest.approx(3_600_000, abs=5_000)
    stored = list(field_setup.store.iter_interviews(s.STUDY))
    assert all(r["clock_offset_ms"] == report.clock_offset_ms for r in stored)
    assert all(r["content_sha256"] == p.content_hash(r["payload"]) for r in stored)
    assert_converged(field_setup, ids)



def test_clock_offset_after_a_retried_and_slow_handshake_is_within_a_few_ms(field_setup: Field) -> None:
    """Issue 10 item 6: a dropped first attempt (backoff really slept) then an answer held back
    0.4 s used to put the offset hundreds of ms off; now the quickest round trip wins."""
    from datetime import datetime, timedelta, timezone

    ids = s.seed(field_setup.vault, 3)
    field_setup.proxy.slow_seconds = 0.4
    field_setup.proxy.fail_next("drop_before", "slow", "pass", "pass")
    late_laptop = lambda: datetime.now(UTC) - timedelta(minutes=90)  # noqa: E731 - the truth: +5 400 000 ms
    engine = field_setup.engine(clock=late_laptop, sleep=time.sleep, retry=Retry(attempts=5, base=0.4))
    report = engine.run()
    assert report.handshake_retries == 1 and report.retries == 0
    assert report.clock_uncertainty_ms < 100  # a localhost round trip, not the 0.4 s held back
    assert abs(report.clock_offset_ms - 5_400_000) <= report.clock_uncertainty_ms + 2
    assert report.clock_suspect  # more than an hour behind is flagged
    stored = list(field_setup.store.iter_interviews(s.STUDY))
    assert {r["clock_offset_ms"] for r in stored} == {report.clock_offset_ms}
    assert_converged(field_setup, ids)


def test_a_laptop_clock_decades_off_is_refused_before_sending(field_setup: Field) -> None:
    from datetime import datetime, timezone

    ids = s.seed(field_setup.vault, 3)
    dead_battery = lambda: datetime(1970, 1, 1, tzinfo=UTC)  # noqa: E731
    with pytest.raises(SyncError, match="horloge de ce poste en retard de .* jours"):
        field_setup.engine(clock=dead_battery).run()
    assert field_setup.on_server() == 0 and s.states(field_setup.vault) == {"completed": 3}
    field_setup.engine().run()  # the clock set right, everything leaves
    assert_converged(field_setup, ids)


def test_the_access_report_tells_a_person_what_was_sent_and_erased(field_setup: Field) -> None:
    """After the purge the laptop holds no answer of the person, but it says they were sent, and when."""
    from etudes_desktop.storage import rights

    s.seed(field_setup.vault, 3)
    sample_id = field_setup.vault.conn.execute("SELECT sample_id FROM respondent ORDER BY id LIMIT 1").fetchone()[0]
    assert field_setup.engine().run().purged == 3
    data = rights.access(field_setup.vault, s.STUDY, sample_id)
    assert data["interviews"] == [] and len(data["sent_and_erased"]) == 1
    sent = data["sent_and_erased"][0]
    assert sent["mode"] == "phone" and sent["completed_at"].startswith("2026-11-20T09:15")
    text = rights.access_text(data)
    assert "Entretiens transmis au serveur de collecte puis effacés de ce poste :" in text
    assert "terminé le 20/11/2026" in text and "par téléphone, transmis et effacé de ce poste le" in text
    assert "MARQUEUR-RÉPONSE" not in text and "phone" not in text.replace("téléphone", "")
