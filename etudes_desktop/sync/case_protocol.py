"""Case management on the wire (protocol version 1, added without a version change).

Two routes, both with the device's bearer token:

- `GET /v1/assignment`: the people the collection office assigned to this device (their contact
  data, travelling over TLS like the sample file itself did), the study's shared suppression list
  (digests only) and the study's case key. The answer carries an ETag (`generation`): an unchanged
  assignment costs one 304. The list is complete: a person the laptop received from the server
  and no longer finds in it was moved to another device or objected elsewhere, and the laptop
  drops them at this sync unless an interview with them is open.
- `POST /v1/case-events`: what happened to the cases on this laptop since its last upload
  (objections, completions, calls with their AAPOR disposition), keyed by a case digest
  (HMAC-SHA256 of the sample id under the study's case key), never by a name or a sample id.
  Event ids make a re-send harmless, as for the audit log.

Digests: `case_digest(key, sample_id)` names a case; `suppression_digest(key, kind, value)` names
a person on the shared suppression list (kind: sample_id, phone, email; values normalised as the
laptop's own list normalises them). The key is per study, so digests of two studies never match.
Pure: no SQL, no Qt.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from etudes_desktop.core.case_keys import case_digest, suppression_digest  # noqa: F401 - the contract's digests
from etudes_desktop.sync.protocol import _ID, _SHA256, MAX_INT64, PROTOCOL_VERSION, Pseudonym, Time

ASSIGNMENT_PATH = "/v1/assignment"
CASE_EVENTS_PATH = "/v1/case-events"
MAX_ASSIGNED = 100_000
MAX_SUPPRESSION = 1_000_000
MAX_CASE_EVENTS = 5_000

Digest = Annotated[str, Field(pattern=_SHA256)]
FieldValue = Annotated[str, Field(max_length=500)] | int | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AssignedPerson(_Strict):
    """One person of the sample, as the laptop's own import would store them."""

    sample_id: str = Field(min_length=1, max_length=64)
    fields: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]{1,32}$")], FieldValue] = Field(
        default_factory=dict, max_length=32, description="respondent fields (core.sample_mapping.RESPONDENT_FIELDS)")
    attributes: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_.\-]{1,64}$")], Annotated[str, Field(max_length=500)]] = Field(
        default_factory=dict, max_length=64)


class Assignment(BaseModel):
    """`GET /v1/assignment`: everything assigned to the token's device, and the shared list."""

    model_config = ConfigDict(extra="forbid")
    protocol_version: Literal[1] = PROTOCOL_VERSION
    study_id: str = Field(pattern=_ID)
    generation: str = Field(max_length=64, description="changes whenever this answer would; the ETag")
    case_key: str = Field(pattern=r"^[0-9a-f]{64}$", description="hex HMAC key of the study's digests")
    people: list[AssignedPerson] = Field(default_factory=list, max_length=MAX_ASSIGNED)
    suppression: list[Digest] = Field(default_factory=list, max_length=MAX_SUPPRESSION)
    server_time: str


class CaseEvent(_Strict):
    """One thing that happened to one case on the laptop."""

    id: int = Field(ge=1, le=MAX_INT64, description="the laptop's event number, increasing")
    case: Digest = Field(description="case_digest(case_key, sample_id)")
    kind: Literal["objected", "completed", "call"]
    at: Time
    interviewer: Pseudonym
    disposition: str | None = Field(None, pattern=r"^[a-z_]{1,40}$", description="for a call: core.calls key")
    suppression: list[Digest] = Field(default_factory=list, max_length=4,
                                      description="for an objection: the person's suppression digests")


class CaseEventsUpload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    protocol_version: Literal[1] = PROTOCOL_VERSION
    study_id: str = Field(pattern=_ID)
    events: list[CaseEvent] = Field(min_length=1, max_length=MAX_CASE_EVENTS)


class CaseEventsAck(BaseModel):
    received: int = Field(description="events stored now (a re-sent event is not counted twice)")
    upto: int = Field(description="the highest event id the server holds for this device")
    server_time: str
    conflicts: list[int] = Field(
        default_factory=list, max_length=MAX_CASE_EVENTS,
        description="ids sent that the server already holds for another event of this device (a vault "
                    "created anew with the same token numbers its events from 1 again): the laptop numbers "
                    "those events after `upto` and sends them again. Added in 0.1 without a version "
                    "change: older laptops ignore it")
