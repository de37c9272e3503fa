"""A sync step: closed focus group sessions go up, one record each (`POST /v1/group-sessions`).

Each record is checked by the wire model first (sync.group_protocol: no name, no contact data,
consistent counts); accepted or duplicate, the laptop's copy of the session's content is purged
(storage.group_outbox); a conflict or a refusal leaves it closed on the laptop and is reported. A
server from before focus groups (404) changes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from etudes_desktop.core.plural import count
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.sync import group_protocol as gp
from etudes_desktop.sync.transport import Reply, Transport

log = logging.getLogger(__name__)


@dataclass
class GroupPushReport:
    sent: int = 0
    problems: list[str] = field(default_factory=list)


def push(vault: VaultHandle, transport: Transport, study_id: str, call: Callable[[Callable[[], Reply]], Reply],
         now: datetime, timeout: float = 30.0) -> GroupPushReport:
    from etudes_desktop.storage import group_outbox

    report = GroupPushReport()
    for session_id in group_outbox.to_send(vault, study_id):
        raw = group_outbox.record(vault, session_id)
        try:
            record = gp.GroupSessionRecord.model_validate(raw)
        except ValidationError as exc:
            log.warning("group session %s unreadable (%d errors)", session_id, exc.error_count())
            report.problems.append(f"réunion du {raw['held_on']} illisible "
                                   f"({count(exc.error_count(), 'erreur')}) : gardée sur l'ordinateur")
            continue
        upload = gp.GroupSessionUpload(content_sha256=gp.record_hash(record), record=record)
        body = json.dumps(upload.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        reply = call(lambda body=body: transport.post_group_session(body, timeout))
        if reply.status == 404 and reply.body.get("error") in (None, "not_found"):
            return report  # a server from before focus groups
        if reply.status != 200:
            report.problems.append(f"réunion refusée par le serveur ({reply.message()})")
            continue
        try:
            receipt = gp.GroupSessionReceipt.model_validate(reply.body)
        except ValidationError:
            report.problems.append("réponse du serveur invalide pour une réunion")
            continue
        if receipt.session_id == session_id and receipt.status in ("accepted", "duplicate"):
            group_outbox.acknowledged(vault, session_id, now)
            report.sent += 1
        else:
            report.problems.append(f"réunion non reçue par le serveur ({receipt.reason or receipt.status})")
    return report

