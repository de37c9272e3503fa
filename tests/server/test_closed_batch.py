"""What the server accepts is closed: no NIR, phone, e-mail or contact attribute anywhere in a batch."""

from __future__ import annotations

import copy
import hashlib
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from etudes_desktop.core.free_text import find_identity
from etudes_desktop.core.nir import contains_nir, nir_key
from etudes_desktop.server.intake import _validate
from etudes_desktop.sync import protocol as p
from tests.server import factory as f
from tests.server.conftest import Live

BODY = "1850578006084"
NIR = BODY + f"{nir_key(BODY):02d}"
PHONE = "+33.6.12.34.56.78"
EMAIL = "lucas.dubois@example.fr"


def _raw_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(p.canonical_json(body)).hexdigest()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = body
        for part in parents:
            target = target[part]
        target[last] = value
    return change


def _answer(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body["answers"].__setitem__(key, value)


def _attr(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body["attributes"].__setitem__(key, value)


def _split(body: dict[str, Any]) -> None:
    body["answers"].update({"n1": NIR[:7], "n2": NIR[7:]})


HOSTILE = {
    "nir as an answer key": (_answer(f"k{NIR}", 1), NIR),
    "nir in interviewer": (_set("interviewer", f"enq{NIR}"), NIR),
    "nir in study_version": (_set("study_version", NIR), NIR),
    "nir in notice_version": (_set("consent.notice_version", NIR), NIR),
    "nir in notice_id": (_set("consent.notice_id", NIR), NIR),
    "nir as an attribute key": (_attr(NIR, "x"), NIR),
    "15-digit integer answer": (_answer("q99", int(NIR)), NIR),
    "13-digit integer answer": (_answer("q99", int(BODY)), BODY),
    "nir as a float answer": (_answer("q99", float(NIR)), NIR),
    "13-digit integer attribute": (_attr("region", int(BODY)), BODY),
    "nir split over two answers": (_split, NIR[:7]),
    "nir split over two integer answers": (lambda body: body["answers"].update(
        {"n1": int(NIR[:9]), "n2": int(NIR[9:])}), NIR[:9]),
    "nir split over a float and a text": (lambda body: body["answers"].update(
        {"n1": float(NIR[:9]), "n2": NIR[9:]}), NIR[:9]),
    "nir split over a short code and a long text": (lambda body: body["answers"].update(
        {"n1": int(NIR[:5]), "n2": NIR[5:]}), NIR[5:]),
    "nom_famille attribute": (_attr("nom_famille", "Durand-X"), "Durand-X"),
    "lastname attribute": (_attr("lastname", "Durand-X"), "Durand-X"),
    "surname attribute": (_attr("surname", "Durand-X"), "Durand-X"),
    "e-mail attribute": (_attr("e-mail", "Durand-X"), "Durand-X"),
    "tel attribute": (_attr("tel", "Durand-X"), "Durand-X"),
    "adresse_postale attribute": (_attr("adresse_postale", "Durand-X"), "Durand-X"),
    "phone-looking attribute value": (_attr("region", PHONE), PHONE),
    "interviewer first name and name": (_set("interviewer", "Jean Dupont"), "Jean Dupont"),
    "interviewer e-mail": (_set("interviewer", EMAIL), EMAIL),
    "interviewer phone": (_set("interviewer", "0612345678"), "0612345678"),
    "phone in a text answer": (_answer("comment", "rappeler au 0627874421"), "0627874421"),
    "e-mail in a text answer": (_answer("comment", f"écrire à {EMAIL}"), EMAIL),
    "impossible date": (_set("created_at", "2026-13-45T25:61:61Z"), "2026-13-45"),
    "year 9999": (_set("completed_at", "9999-01-01T00:00:00Z"), "9999"),
    "completion before creation": (_set("completed_at", "2026-11-29T09:00:00Z"), "09:00:00"),
    "undeclared attribute": (_attr("segment", "A"), "segment-value-not-echoed"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_interview_is_rejected_with_a_reason_that_never_repeats_it(live: Live, case: str) -> None:
    change, secret = HOSTILE[case]
    body = f.payload()
    change(body)
    item = {"id": str(uuid.uuid4()), "content_sha256": _raw_hash(body), "payload": body}
    response = live.post(f.batch([item, f.interview()]))
    assert response.status_code == 200, response.text
    first, second = response.json()["receipts"]
    assert first["status"] == "rejected" and first["reason"]
    assert secret not in response.text
    assert second["status"] == "accepted" and live.stored_count() == 1  # one bad interview blocks nothing


@pytest.mark.parametrize("entry", [
    {"id": 1, "at": "not a date", "event": "x"},
    {"id": 1, "at": "2026-11-29T10:00:00Z", "event": "x", "actor": "jean.dupont@example.fr"},
    {"id": 1, "at": "2026-11-29T10:00:00Z", "event": "x", "actor": f"e{NIR}"},
    {"id": 2**63, "at": "2026-11-29T10:00:00Z", "event": "x"},
])
def test_audit_actor_at_and_id_are_typed(live: Live, entry: dict[str, Any]) -> None:
    response = live.client.post(f"{live.url}/v1/audit", json={"entries": [entry]},
                                headers={"Authorization": f"Bearer {live.token}"})
    assert response.status_code == 422
    assert NIR not in response.text and "dupont" not in response.text


# -- property: whatever the server accepts carries no NIR, phone or e-mail ---------------------

_pieces = st.sampled_from([NIR, BODY, NIR[:7], NIR[7:], PHONE, "0627874421", EMAIL, "Jean Dupont", "35-44",
                           "très satisfait", "42", "IDF", "enq-7f3a"])
_texts = st.lists(_pieces, min_size=1, max_size=3).map(" ".join)
_scalars = st.one_of(_texts, st.integers(min_value=-10**16, max_value=10**16), st.sampled_from([int(NIR), int(BODY), 3]),
                     st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none())
_answers = st.dictionaries(st.one_of(st.sampled_from(["q1", "q2", "comment", f"k{NIR}", EMAIL]), _texts), st.one_of(
    _scalars, st.lists(_scalars, max_size=3)), max_size=5)
_attrs = st.dictionaries(st.sampled_from(["age_band", "sex", "region", "tel", "surname", NIR]), _scalars, max_size=3)


def _flat(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *_flat(item)]]
    if isinstance(value, list):
        return [text for item in value for text in _flat(item)]
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, float):
        return [str(int(value))] if value == int(value) and abs(value) < 1e17 else [repr(value)]
    return [str(value)]


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(answers=_answers, attrs=_attrs, interviewer=st.one_of(st.just("enq-7f3a"), _texts),
       version=st.one_of(st.just("1.0"), _texts))
def test_any_accepted_payload_holds_no_nir_phone_or_email(answers: dict, attrs: dict, interviewer: str,
                                                          version: str) -> None:
    body = f.payload()
    body.update(answers=answers, attributes=attrs, interviewer=interviewer, study_version=version)
    body["consent"] = {**body["consent"], "interviewer": interviewer}
    try:
        raw = copy.deepcopy(body)
        reason, _blob, _payload = _validate(raw, "sat-2026", _raw_hash(raw))
    except ValueError:  # not JSON-able (canonical hashing refuses it): never stored
        return
    if reason:
        return
    texts = _flat(body)
    joined_digits = "".join(t for t in texts if t.isdigit())
    assert not any(contains_nir(t) or find_identity(t) for t in texts)
    assert not (len(joined_digits) in (13, 15) and contains_nir(joined_digits))


def test_protocol_keeps_hashing_what_the_laptop_sends() -> None:
    """The bounds change nothing for a good payload: the hash the laptop computed still matches."""
    body = f.payload()
    assert p.content_hash(body) == _raw_hash(body)
    with pytest.raises(ValidationError):
        p.InterviewPayload.model_validate({**body, "interviewer": "Claire Testeuse"})
