"""A focus group session on the wire (protocol version 1, added without a version change).

`POST /v1/group-sessions`: one closed session as one record, pseudonymised: the notice read to
the group, each present participant's pseudonym and decision (with the id of the interview that
holds their consent and questionnaire, sent in the usual batches), the moderator's notes (names
already replaced), the shows of hands, and counts of who was invited. No name, no sample id. The
session id is the idempotency key, its content hash tells a resend from a conflict, as for
interviews. Pure: no SQL, no Qt.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from etudes_desktop.sync import wire_guard as g
from etudes_desktop.sync.protocol import _ID, _SHA256, _UUID, PROTOCOL_VERSION, Label, Pseudonym, Time, canonical_json

GROUP_SESSIONS_PATH = "/v1/group-sessions"
MAX_PARTICIPANTS = 40
MAX_NOTES = 5_000

GroupPseudonym = Annotated[str, Field(pattern=r"^P\d{1,3}$")]
Checked = Annotated[str, AfterValidator(lambda v: g.check_text(v, "a group note"))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoticeDelivered(_Strict):
    notice_id: Label
    notice_version: Annotated[Label, Field(max_length=64)]
    text_sha256: str = Field(pattern=_SHA256)
    delivered_at: Time


class GroupParticipant(_Strict):
    pseudonym: GroupPseudonym
    walk_in: bool
    decision: Literal["agrees", "objects"] | None = Field(None, description="None: present, left before deciding")
    decided_at: Time | None = None
    interview_id: str | None = Field(None, pattern=_UUID, description="the interview holding the consent")


class GroupNote(_Strict):
    at: Time
    theme: Annotated[str, Field(min_length=1, max_length=80), AfterValidator(lambda v: g.check_text(v, "a theme"))]
    pseudonyms: list[GroupPseudonym] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    text: Annotated[Checked, Field(min_length=1, max_length=2000)]


class GroupCount(_Strict):
    question: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
    present: int = Field(ge=1, le=MAX_PARTICIPANTS)
    counts: dict[Annotated[str, Field(min_length=1, max_length=128)], Annotated[int, Field(ge=0, le=MAX_PARTICIPANTS)]] = Field(
        default_factory=dict, max_length=200)


class GroupSessionRecord(_Strict):
    """The canonical content of one session; its hash is the session's identity of content."""

    session_id: str = Field(pattern=_UUID)
    study_id: str = Field(pattern=_ID)
    study_version: Annotated[Label, Field(max_length=64)]
    held_on: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    place: Annotated[str, Field(min_length=1, max_length=120), AfterValidator(lambda v: g.check_text(v, "the place"))]
    moderator: Pseudonym
    invited: int = Field(ge=0, le=MAX_PARTICIPANTS, description="people of the sample invited (present or not)")
    notice: NoticeDelivered | None = Field(None, description="None when the notice was never read: no decision then")
    participants: list[GroupParticipant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    notes: list[GroupNote] = Field(default_factory=list, max_length=MAX_NOTES)
    counts: list[GroupCount] = Field(default_factory=list, max_length=200)
    closed_at: Time

    @model_validator(mode="after")
    def _consistent(self) -> GroupSessionRecord:
        pseudonyms = [p.pseudonym for p in self.participants]
        if len(set(pseudonyms)) != len(pseudonyms):
            raise ValueError("a pseudonym is given once per session")
        decided = [p for p in self.participants if p.decision is not None]
        if decided and self.notice is None:
            raise ValueError("no decision without the notice read to the group")
        agreed = sum(1 for p in self.participants if p.decision == "agrees")
        for count in self.counts:
            if count.present > agreed:
                raise ValueError("a show of hands counts more people than accepted")
            if max(count.counts.values(), default=0) > count.present:
                raise ValueError("more hands raised than people present")
        known = set(pseudonyms)
        for note in self.notes:
            if not set(note.pseudonyms) <= known:
                raise ValueError("a note names a pseudonym given to nobody")
        return self


class GroupSessionUpload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    protocol_version: Literal[1] = PROTOCOL_VERSION
    content_sha256: str = Field(pattern=_SHA256)
    record: GroupSessionRecord


class GroupSessionReceipt(BaseModel):
    session_id: str
    status: Literal["accepted", "duplicate", "conflict", "rejected"]
    reason: str | None = None
    server_time: str


def record_hash(record: GroupSessionRecord) -> str:
    return hashlib.sha256(canonical_json(record.model_dump(mode="json"))).hexdigest()
