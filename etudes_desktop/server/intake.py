"""What the server accepts from one interview, before any SQL: the payload model, the server's
closed list of respondent attributes, the study and the claimed hash. Pure: no SQL."""

from __future__ import annotations

import hashlib
import os
from typing import Any, NamedTuple

from pydantic import ValidationError

from etudes_desktop.sync.protocol import (
    ConsentRecord,
    InterviewPayload,
    ReasonCode,
    canonical_json,
    reference_canonical_json,
)

# The server holds no study package yet: the respondent attributes it accepts are a closed list
# of non-identifying analysis keys (the study package's defaults), widened only by the operator
# (ETUDES_SERVER_ALLOWED_ATTRIBUTES="age_band,sex,...").
DEFAULT_ALLOWED_ATTRIBUTES = frozenset({"age_band", "sex", "profession", "region"})
ALLOWED_ATTRIBUTES_ENV = "ETUDES_SERVER_ALLOWED_ATTRIBUTES"


def allowed_attributes_from_env() -> frozenset[str]:
    raw = os.environ.get(ALLOWED_ATTRIBUTES_ENV, "")
    names = {name.strip() for name in raw.split(",") if name.strip()}
    return frozenset(names) or DEFAULT_ALLOWED_ATTRIBUTES


class Refusal(NamedTuple):
    """Why the server refuses one interview: a code for screens, a detail text (no personal data)."""

    code: ReasonCode
    text: str


def _validate(raw: dict[str, Any], study_id: str, claimed: str,
              allowed: frozenset[str] = DEFAULT_ALLOWED_ATTRIBUTES) -> tuple[Refusal | None, str, Any]:
    try:
        payload = InterviewPayload.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        # a location may be a key holding the data itself: only the field path is named
        where = ".".join(str(part) for part in first["loc"][:2])
        return Refusal(ReasonCode.INVALID_PAYLOAD,
                       f"invalid payload ({exc.error_count()} error(s)); {where}: {first['msg']}"), "", None
    if set(payload.attributes) - allowed:
        return Refusal(ReasonCode.UNDECLARED_ATTRIBUTE,
                       "undeclared_attribute: a respondent attribute is not among those the server accepts"), "", None
    if payload.study_id != study_id:
        return Refusal(ReasonCode.STUDY_MISMATCH, "study_mismatch: payload belongs to another study"), "", None
    blob = _canonical_blob(raw, payload)
    if hashlib.sha256(blob).hexdigest() != claimed:
        reference = reference_canonical_json(payload.model_dump(mode="json"))  # the laptop's form, by definition
        if reference != blob and hashlib.sha256(reference).hexdigest() == claimed:
            return None, reference.decode("utf-8"), payload  # a faster path differed: never a false refusal
        return Refusal(ReasonCode.HASH_MISMATCH,
                       "hash_mismatch: content_sha256 does not match the canonical content"), "", None
    return None, blob.decode("utf-8"), payload


_PAYLOAD_FIELDS = frozenset(InterviewPayload.model_fields)
_CONSENT_FIELDS = frozenset(ConsentRecord.model_fields)
_NESTED = frozenset({"consent", "answers", "attributes"})


def _canonical_blob(raw: dict[str, Any], payload: InterviewPayload) -> bytes:
    """`canonical_json(payload.model_dump(mode="json"))`, without the dump when it cannot change anything.

    raw was decoded from the request's JSON and validated into payload. When it holds every
    field, with strings (or null) where the model keeps strings, the dump equals raw: validation
    keeps JSON strings, integers, booleans, lists and objects as they are (enums are stored as
    their values, unions keep the JSON type). The one exception, a non-finite float among the
    answers (which the dump turns into null), makes canonical_json(raw) raise, and so takes
    the dump, as does any other shape."""
    consent = raw.get("consent")
    if (raw.keys() == _PAYLOAD_FIELDS and type(consent) is dict and consent.keys() == _CONSENT_FIELDS
            and all(type(v) is str for v in consent.values())
            and all(type(v) is str or v is None for k, v in raw.items() if k not in _NESTED)):
        try:
            return canonical_json(raw)
        except (ValueError, TypeError):
            pass
    return canonical_json(payload.model_dump(mode="json"))
