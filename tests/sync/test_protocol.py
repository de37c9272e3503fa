"""The sync protocol: canonical hashing and what may (not) leave the laptop."""

from __future__ import annotations

import copy
import hashlib
import uuid

import pytest
from pydantic import ValidationError

from etudes_desktop.sync import protocol as p

TEXT_SHA = hashlib.sha256(b"notice").hexdigest()


def make_payload(**changes: object) -> dict:
    payload = {
        "study_id": "sat-2026",
        "study_version": "1.0",
        "state": "completed",
        "mode": "phone",
        "interviewer": "enq-7f3a",
        "created_at": "2026-11-29T10:00:00Z",
        "completed_at": "2026-11-29T11:20:00.123+01:00",
        "consent": {
            "notice_id": "cnam-marketing",
            "notice_version": "2024-01",
            "text_sha256": TEXT_SHA,
            "mode": "phone",
            "interviewer": "enq-7f3a",
            "delivered_at": "2026-11-29T10:00:00Z",
            "decided_at": "2026-11-29T10:01:00Z",
            "decision": "agrees",
        },
        "answers": {"q1": 3, "q2": "très satisfait", "q3": [1, 2], "q4": None, "q5": 2.5},
        "attributes": {"age_band": "35-44", "sex": "F"},
    }
    payload.update(changes)
    return payload


def test_canonical_json_is_key_order_independent_and_compact() -> None:
    assert p.canonical_json({"b": 1, "a": "é"}) == p.canonical_json({"a": "é", "b": 1})
    assert p.canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()


def test_content_hash_is_stable_across_a_json_round_trip() -> None:
    model = p.InterviewPayload.model_validate(make_payload())
    again = p.InterviewPayload.model_validate_json(model.model_dump_json())
    assert p.content_hash(model) == p.content_hash(again) == p.content_hash(make_payload())
    assert len(p.content_hash(model)) == 64


def test_content_hash_changes_with_any_answer() -> None:
    changed = make_payload(answers={**make_payload()["answers"], "q1": 4})
    assert p.content_hash(changed) != p.content_hash(make_payload())


@pytest.mark.parametrize("key", ["last_name", "Phone", "email", "address", "first_name", "nir"])
def test_contact_attributes_never_leave(key: str) -> None:
    with pytest.raises(ValidationError, match="forbidden respondent attribute"):
        p.InterviewPayload.model_validate(make_payload(attributes={key: "x"}))


@pytest.mark.parametrize("value", ["jean.dupont@example.fr", "06 12 34 56 78", "+33612345678"])
def test_contact_data_hidden_in_an_allowed_attribute_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="contact data"):
        p.InterviewPayload.model_validate(make_payload(attributes={"segment": value}))


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        p.InterviewPayload.model_validate(make_payload(respondent_name="Dupont"))


def test_an_answer_carrying_a_nir_is_refused() -> None:
    nir = "1 85 05 78 006 084 91"
    assert p.contains_nir(nir)
    with pytest.raises(ValidationError, match="NIR"):
        p.InterviewPayload.model_validate(make_payload(answers={"free": f"mon numéro {nir}"}))


def test_objected_interview_travels_with_consent_only() -> None:
    consent = {**make_payload()["consent"], "decision": "objects"}
    ok = p.InterviewPayload.model_validate(make_payload(state="objected", consent=consent, answers={}, attributes={}))
    assert ok.answers == {} and ok.attributes == {}
    with pytest.raises(ValidationError, match="consent record only"):
        p.InterviewPayload.model_validate(make_payload(state="objected", consent=consent))
    with pytest.raises(ValidationError, match="exactly when"):
        p.InterviewPayload.model_validate(make_payload(state="completed", consent=consent, answers={}))


def test_batch_validation_and_limits() -> None:
    item = {"id": str(uuid.uuid4()), "content_sha256": p.content_hash(make_payload()), "payload": make_payload()}
    batch = p.Batch.model_validate(
        {"batch_id": str(uuid.uuid4()), "study_id": "sat-2026", "sent_at": "2026-11-29T11:00:00Z", "interviews": [item]}
    )
    assert batch.protocol_version == p.PROTOCOL_VERSION
    bad = copy.deepcopy(batch.model_dump())
    bad["protocol_version"] = 2
    with pytest.raises(ValidationError):
        p.Batch.model_validate(bad)
    with pytest.raises(ValidationError):
        p.Batch.model_validate({**batch.model_dump(), "interviews": []})
    with pytest.raises(ValidationError):
        p.Batch.model_validate({**batch.model_dump(), "batch_id": "not-a-uuid"})


def test_receipts_serialise_statuses_as_strings() -> None:
    receipts = p.BatchReceipts(
        batch_id="b", study_id="s", server_time="2026-11-29T11:00:00Z",
        receipts=[p.Receipt(interview_id="i", status=p.ReceiptStatus.REJECTED, reason="content altered",
                            reason_code=p.ReasonCode.HASH_MISMATCH)],
    )
    data = receipts.model_dump(mode="json")
    assert data["receipts"][0] == {"interview_id": "i", "status": "rejected", "reason": "content altered",
                                   "reason_code": "hash_mismatch"}
    assert p.ReceiptStatus.DUPLICATE in p.ACKNOWLEDGED and p.ReceiptStatus.CONFLICT not in p.ACKNOWLEDGED
