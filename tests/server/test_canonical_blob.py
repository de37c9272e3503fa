"""The server hashes a payload's JSON as decoded when that equals the model's dump: same bytes either way."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from etudes_desktop.server.intake import _canonical_blob
from etudes_desktop.sync.protocol import InterviewPayload, canonical_json, reference_canonical_json

SHA = "a" * 64
TIME = "2026-11-29T10:00:00Z"

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=6), inner, max_size=4)),
                      max_leaves=12)
attributes = st.dictionaries(st.sampled_from(["age_band", "region", "segment", "score"]),
                             st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                       st.sampled_from(["35-44", "IDF", "é", ""])), max_size=3)


def _payload(answers: dict, attrs: dict, drop: str | None) -> dict:
    body = {
        "study_id": "s-1", "study_version": "1.0", "state": "completed", "mode": "phone", "interviewer": "enq",
        "created_at": TIME, "completed_at": TIME,
        "consent": {"notice_id": "n", "notice_version": "1", "text_sha256": SHA, "mode": "phone",
                    "interviewer": "enq", "delivered_at": TIME, "decided_at": TIME, "decision": "agrees"},
        "answers": answers, "attributes": attrs,
    }
    if drop:
        body.pop(drop)
    return body


@settings(max_examples=300, deadline=None)
@given(answers=st.dictionaries(st.text(max_size=8), values, max_size=6), attrs=attributes,
       drop=st.sampled_from([None, None, "completed_at", "answers", "attributes"]))
def test_same_bytes_as_the_dump(answers: dict, attrs: dict, drop: str | None) -> None:
    try:
        text = json.dumps(_payload(answers, attrs, drop))
    except ValueError:
        return
    raw = json.loads(text)  # the server only ever sees decoded JSON
    try:
        model = InterviewPayload.model_validate(raw)
    except ValidationError:  # refused before any hashing: nothing to compare
        return
    try:
        expected = reference_canonical_json(model.model_dump(mode="json"))
    except ValueError as exc:  # a non-finite attribute: both ways refuse it
        try:
            _canonical_blob(raw, model)
        except ValueError as again:
            assert type(again) is type(exc)
            return
        raise AssertionError("the fast path accepted what the dump refuses") from None
    assert _canonical_blob(raw, model) == expected


TRICKY = ["", "é", "z", "Z", "\u2028", "\x7f", "\x00", "\x1f", "\\", '"', "/", "😀", "\ud7ff", "\ue000", "ﬀ", "a b"]


@settings(max_examples=300, deadline=None)
@given(answers=st.dictionaries(st.one_of(st.sampled_from(TRICKY), st.text(min_size=1, max_size=6)),
                               st.recursive(st.one_of(st.none(), st.booleans(), st.sampled_from(TRICKY),
                                                      st.integers(min_value=-(2**70), max_value=2**70), st.text()),
                                            lambda inner: st.one_of(
                                                st.lists(inner, max_size=3),
                                                st.dictionaries(st.sampled_from(TRICKY), inner, max_size=3)),
                                            max_leaves=8), max_size=6))
def test_without_a_float_the_fast_bytes_are_the_reference_bytes(answers: dict) -> None:
    """No float among the answers: the server writes the canonical bytes with orjson (ten times
    faster); they must be exactly json.dumps' (sorted keys, escapes, non-ASCII kept), or the hash
    the laptop computed would not match. Integers beyond 64 bits take the reference path."""
    raw = json.loads(json.dumps(_payload({k: v for k, v in answers.items() if k}, {}, None)))
    try:
        model = InterviewPayload.model_validate(raw)
    except ValidationError:
        return
    assert _canonical_blob(raw, model) == reference_canonical_json(model.model_dump(mode="json"))


@settings(max_examples=500, deadline=None)
@given(value=st.recursive(
    st.one_of(st.none(), st.booleans(), st.sampled_from(TRICKY), st.text(),
              st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=False, allow_infinity=False)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(TRICKY), st.text(max_size=6)), inner, max_size=4)),
    max_leaves=16))
def test_the_canonical_bytes_are_the_reference_bytes(value) -> None:
    """What the laptop hashes and the server checks: whichever path writes them, the bytes of the
    definition (Python's json with sorted keys), for any JSON a payload can hold."""
    try:
        expected = reference_canonical_json(value)
    except ValueError:  # a lone surrogate: refused both ways
        try:
            canonical_json(value)
        except ValueError:
            return
        raise AssertionError("the fast path wrote what the reference refuses") from None
    assert canonical_json(value) == expected


def test_a_lone_surrogate_is_refused_by_either_path() -> None:
    import pytest

    for value in ("\ud800", {"a": ["\udfff"]}):
        with pytest.raises(ValueError):
            reference_canonical_json(value)
        with pytest.raises(ValueError):
            canonical_json(value)
