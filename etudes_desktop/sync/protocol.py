"""The sync protocol, shared by the laptop and the collection server (version 1).

One request carries one batch of one study from one device. The batch id is the idempotency
key: the server answers the same receipts every time the same batch is sent again. Every
interview travels with the SHA-256 of its canonical content (`content_hash`), computed once
when the interview is completed, so a resend in any later batch is recognised as a duplicate
(same id, same hash) or a conflict (same id, other hash).

What may leave the laptop is closed by construction: models forbid unknown fields, respondent
attributes may not carry names, addresses, phones or e-mails, and an objected interview carries
its consent record only (no answers, no attributes).

Wire format: JSON (UTF-8), optionally gzip-compressed (`Content-Encoding: gzip`), bearer device
token in `Authorization`. Every response carries the server clock (`server_time` and the
`X-Server-Time` header) so the client measures its clock offset at sync.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any, Literal

import orjson
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from etudes_desktop.core.free_text import IdentityKind, find_identity
from etudes_desktop.core.nir import contains_nir
from etudes_desktop.core.study import check_attribute
from etudes_desktop.sync import wire_guard as g

PROTOCOL_VERSION = 1
MEDIA_TYPE = "application/json"
BATCHES_PATH = "/v1/batches"
DEVICE_PATH = "/v1/device"
HEALTH_PATH = "/health"
AUDIT_PATH = "/v1/audit"
STUDIES_PATH = "/v1/studies"
MAX_PACKAGE_CHARS = 16 * 1024 * 1024
MAX_AUDIT_ENTRIES = 2000
SERVER_TIME_HEADER = "X-Server-Time"
MAX_INTERVIEWS_PER_BATCH = 5000

_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_SHA256 = r"^[0-9a-f]{64}$"
_ID = r"^[^\x00-\x1f\x7f]{1,128}$"  # printable, 1 to 128 characters
_ISO_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"

# Respondent attributes that never leave the laptop, whatever the study package says.
FORBIDDEN_ATTRIBUTES = frozenset(
    {
        "name", "nom", "last_name", "first_name", "prenom", "prénom", "full_name", "title",
        "birth_name", "nom_naissance", "address", "adresse", "street", "rue", "postcode",
        "town", "city", "ville", "phone", "phone2", "telephone", "téléphone", "mobile",
        "email", "e_mail", "mail", "courriel", "nir", "birth_date", "date_naissance",
    }
)


def _contact_data(text: str) -> bool:
    """A phone number or an e-mail address (the laptop's own guard, core.free_text)."""
    return find_identity(text) is not None


MAX_CLOCK_OFFSET_MS = 10 * 366 * 24 * 3600 * 1000  # ten years: beyond, the laptop clock is meaningless
MAX_INT64 = 2**63 - 1

Time = Annotated[str, Field(pattern=_ISO_TIME, max_length=40), AfterValidator(g.check_time)]
Label = Annotated[str, Field(pattern=_ID), AfterValidator(lambda v: g.check_text(v, "a label"))]
Pseudonym = Annotated[str, Field(pattern=_ID, max_length=64), AfterValidator(g.check_pseudonym)]


class Mode(str, Enum):
    """Modes of collection listed in the register."""

    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    PAPER = "paper"
    GROUP = "group"
    INTERNET = "internet"


class Decision(str, Enum):
    AGREES = "agrees"
    OBJECTS = "objects"


class ReceiptStatus(str, Enum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class ReasonCode(str, Enum):
    """Why an interview was not acknowledged, for screens to word it (the `reason` text is detail)."""

    INVALID_PAYLOAD = "invalid_payload"  # the content breaks the protocol's model (types, bounds, identity)
    UNDECLARED_ATTRIBUTE = "undeclared_attribute"  # a respondent attribute the server does not accept
    STUDY_MISMATCH = "study_mismatch"  # the interview belongs to another study than its batch
    HASH_MISMATCH = "hash_mismatch"  # content altered on the way
    UNKNOWN_NOTICE = "unknown_notice"  # the consent names no notice of the study published on the server
    OTHER_CONTENT = "other_content"  # already received with another content
    REPEATED_IN_BATCH = "repeated_in_batch"  # twice in one batch with different contents
    TOO_LARGE = "too_large"  # laptop: larger than the server takes, alone in its batch
    UNREADABLE = "unreadable"  # laptop: the stored interview does not make a valid payload


# Receipts after which the laptop may purge its copy: the server holds this exact content.
ACKNOWLEDGED = frozenset({ReceiptStatus.ACCEPTED, ReceiptStatus.DUPLICATE})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class ConsentRecord(_Strict):
    """Proof the mandatory notice was delivered before anything was collected, and the answer."""

    notice_id: Label
    notice_version: Annotated[Label, Field(max_length=64)]
    text_sha256: str = Field(pattern=_SHA256)
    mode: Mode
    interviewer: Pseudonym = Field(description="pseudonym of who delivered the notice")
    delivered_at: Time
    decided_at: Time
    decision: Decision

    @model_validator(mode="after")
    def _decided_after_delivery(self) -> ConsentRecord:
        if g.moment(self.decided_at) < g.moment(self.delivered_at):
            raise ValueError("the decision cannot precede the delivery of the notice")
        return self


AttributeValue = Annotated[str, Field(max_length=200)] | Annotated[int, Field(ge=-(2**53), le=2**53)] | float | bool | None
AttributeKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.\-]{1,64}$")]


class InterviewPayload(_Strict):
    """The canonical content of one interview; its hash is the interview's identity of content."""

    study_id: str = Field(pattern=_ID)
    study_version: Annotated[Label, Field(max_length=64)]
    state: Literal["completed", "objected"]
    mode: Mode
    interviewer: Pseudonym = Field(description="pseudonym; never a name, an e-mail or a phone")
    created_at: Time
    completed_at: Time | None = Field(None, description="absent for an objection")
    consent: ConsentRecord
    answers: dict[Annotated[str, Field(min_length=1, max_length=128)], Any] = Field(
        default_factory=dict, max_length=g.MAX_KEYS)
    attributes: dict[AttributeKey, AttributeValue] = Field(default_factory=dict, max_length=64)

    @field_validator("attributes")
    @classmethod
    def _no_contact_data(cls, value: dict[str, AttributeValue]) -> dict[str, AttributeValue]:
        for key, item in value.items():
            if g.key_identifying(key):
                raise ValueError(f"a respondent attribute key carries {g.identifying(key)}")
            if key.strip().lower() in FORBIDDEN_ATTRIBUTES or check_attribute(key):
                raise ValueError(f"forbidden respondent attribute: {key}")
            if isinstance(item, str) and _contact_data(item):
                raise ValueError("a respondent attribute looks like contact data")
        try:
            return g.check_mapping(value, "respondent attributes")  # type: ignore[return-value]
        except g.IdentifyingValue as exc:
            if exc.kind in (IdentityKind.PHONE, IdentityKind.EMAIL):
                raise ValueError("a respondent attribute looks like contact data") from None
            raise

    @field_validator("answers")
    @classmethod
    def _no_identity(cls, value: dict[str, Any]) -> dict[str, Any]:
        return g.check_mapping(value, "answers")

    @model_validator(mode="after")
    def _objection_carries_consent_only(self) -> InterviewPayload:
        objected = self.consent.decision == Decision.OBJECTS.value
        if objected != (self.state == "objected"):
            raise ValueError("state must be 'objected' exactly when the consent decision is 'objects'")
        if objected and (self.answers or self.attributes):
            raise ValueError("an objected interview travels with its consent record only")
        if self.completed_at is not None and g.moment(self.completed_at) < g.moment(self.created_at):
            raise ValueError("completion cannot precede creation")
        return self


class InterviewIn(BaseModel):
    """One interview in a batch. The payload is checked one interview at a time by the server,
    so one bad interview is rejected with a reason instead of blocking its batch."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_UUID)
    content_sha256: str = Field(pattern=_SHA256)
    clock_offset_ms: int = Field(0, ge=-MAX_CLOCK_OFFSET_MS, le=MAX_CLOCK_OFFSET_MS,
                                 description="server clock minus laptop clock, measured at sync; not hashed")
    payload: dict[str, Any]


class Batch(BaseModel):
    """One request: interviews of one study from one device."""

    model_config = ConfigDict(extra="forbid")

    protocol_version: Literal[1] = PROTOCOL_VERSION
    batch_id: str = Field(pattern=_UUID, description="idempotency key")
    device_id: str | None = Field(None, pattern=_UUID, description="checked against the token when given")
    study_id: str = Field(pattern=_ID)
    sent_at: Time
    interviews: list[InterviewIn] = Field(min_length=1, max_length=MAX_INTERVIEWS_PER_BATCH)


class Receipt(_Strict):
    interview_id: str
    status: ReceiptStatus
    reason: str | None = None
    reason_code: ReasonCode | None = None  # set whenever status is conflict or rejected


class BatchReceipts(BaseModel):
    """The server's answer: one receipt per interview, in the order they were sent."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    protocol_version: Literal[1] = PROTOCOL_VERSION
    batch_id: str
    study_id: str
    server_time: str
    replayed: bool = Field(False, description="true when this batch had been received before")
    receipts: list[Receipt]


class AuditEntry(_Strict):
    """One entry of the laptop's audit log: an event, ids and counts, never personal data."""

    id: int = Field(ge=1, le=MAX_INT64)
    at: Time
    event: str = Field(pattern=r"^[a-z0-9_.]{1,64}$")
    actor: Pseudonym | None = None
    object_ids: list[str] = Field(default_factory=list, max_length=200)
    counts: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_.\-]{1,64}$")], Annotated[int, Field(ge=-MAX_INT64, le=MAX_INT64)]] = Field(
        default_factory=dict, max_length=100)

    @field_validator("object_ids")
    @classmethod
    def _ids_only(cls, value: list[str]) -> list[str]:
        for item in value:
            if len(item) > 128 or _contact_data(item) or contains_nir(item):
                raise ValueError("an audit object id looks like personal data")
        return value


class AuditUpload(BaseModel):
    """The audit entries a device has not sent yet; entry ids make a re-send harmless."""

    model_config = ConfigDict(extra="forbid")
    protocol_version: Literal[1] = PROTOCOL_VERSION
    device_id: str | None = None
    entries: list[AuditEntry] = Field(min_length=1, max_length=MAX_AUDIT_ENTRIES)


class AuditAck(BaseModel):
    received: int = Field(description="entries stored now (a re-sent entry is not counted twice)")
    upto: int = Field(description="the highest entry id the server holds for this device")
    server_time: str
    conflicts: list[int] = Field(
        default_factory=list, max_length=MAX_AUDIT_ENTRIES,
        description="ids sent that the server holds for other entries of this device (a vault created anew "
                    "with the same token): added in 0.1 without a version change, older laptops ignore it")


class DeviceInfo(BaseModel):
    device_id: str
    device_name: str
    study_id: str
    server_time: str
    study_delivered_on: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="the day the study's results were delivered (starts the retention clock); absent before. "
                    "Added in 0.1 without a version change: older laptops ignore it")
    wipe_requested: bool = Field(
        False, description="the device was revoked from the collection office: send what can be sent, then "
                           "destroy this study's data on the laptop and say so in the audit log (remote wipe)")
    audit_upto: int = Field(
        0, ge=0, description="the highest audit entry id the server holds for this device: a vault created "
                             "anew with the same token numbers its entries after it (added in 0.1 without a "
                             "version change: older laptops ignore it)")


class NoticeRef(BaseModel):
    """A notice a published study version carries: its identity and the SHA-256 of its text."""

    id: str = Field(max_length=128)
    version: str = Field(max_length=64)
    text_sha256: str = Field(pattern=_SHA256)


class StudyVersionInfo(BaseModel):
    version: str = Field(max_length=64)
    published_at: str
    package_sha256: str = Field(pattern=_SHA256)
    notice: NoticeRef


class PublishedStudyInfo(BaseModel):
    """A study published on the server: every version with its notice, the current package."""

    study_id: str = Field(pattern=_ID)
    title: str = Field(max_length=500)
    closed: bool = Field(description="closed to new interviews")
    closed_at: str | None = None
    current_version: str = Field(max_length=64)
    versions: list[StudyVersionInfo] = Field(min_length=1, max_length=1000)
    package_sha256: str = Field(pattern=_SHA256, description="SHA-256 of package_json (UTF-8)")
    package_json: str = Field(max_length=MAX_PACKAGE_CHARS, description="the current version's study package")

    @model_validator(mode="after")
    def _current_is_listed(self) -> PublishedStudyInfo:
        if hashlib.sha256(self.package_json.encode("utf-8")).hexdigest() != self.package_sha256:
            raise ValueError("package_json does not match package_sha256")
        if self.versions[-1].version != self.current_version:
            raise ValueError("the current version must be the last one listed")
        return self


class StudiesList(BaseModel):
    """`GET /v1/studies`: what is published for the token's study (empty when nothing is)."""

    studies: list[PublishedStudyInfo] = Field(max_length=100)
    server_time: str


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    protocol_version: int = PROTOCOL_VERSION
    database: str
    server_time: str


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer: a stable code, a French message, details for 422."""

    error: str
    message: str
    details: list[dict[str, Any]] | None = None
    server_time: str


def reference_canonical_json(value: Any) -> bytes:
    """UTF-8 JSON with sorted keys and no insignificant whitespace: the bytes that get hashed, by
    definition (Python's json, as every version of the laptop and the server wrote them)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def canonical_json(value: Any) -> bytes:
    """`reference_canonical_json`, ten times faster for plain JSON without a float (dicts with
    text keys, lists, texts, integers, booleans, null: orjson writes the very same bytes; a float's
    exponent it writes otherwise, so a float, or any other type, takes the reference path)."""
    if _plain(value):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:  # an integer beyond 64 bits, a lone surrogate: the reference says
            pass
    return reference_canonical_json(value)


def _plain(value: Any) -> bool:
    """Only dicts with text keys, lists, texts, integers, booleans and nulls (exact types)."""
    kind = type(value)
    if kind is dict:
        if not all(type(key) is str for key in value):
            return False
        items = value.values()
    elif kind is list:
        items = value
    else:
        return kind is str or kind is int or kind is bool or value is None
    for item in items:
        leaf = type(item)  # the leaves inline: most values are, and a call each would cost more
        if not (leaf is str or leaf is int or leaf is bool or item is None or _plain(item)):
            return False
    return True


def content_hash(payload: InterviewPayload | Mapping[str, Any]) -> str:
    """SHA-256 (hex) of an interview's canonical content; a mapping is validated first."""
    if not isinstance(payload, InterviewPayload):
        payload = InterviewPayload.model_validate(payload)
    return hashlib.sha256(canonical_json(payload.model_dump(mode="json"))).hexdigest()

