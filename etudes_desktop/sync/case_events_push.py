"""A sync step: what happened to the cases on this laptop goes up (`POST /v1/case-events`).

Events leave in order, in chunks, each checked by the wire contract's model; the server keeps
each once (by device and event id) and answers the highest id it holds, so a chunk re-sent after
a lost answer is harmless. Events are marked sent up to that id, never beyond what was sent. An
id the server holds for another event of this device (this vault was created anew with the same
token, its numbers started from 1 again) comes back as a conflict: the event is numbered after
everything the server holds and sent again, never taken for a re-send. A server from before case
management (404) changes nothing: the events wait for a newer one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from pydantic import ValidationError

from etudes_desktop.storage import case_events
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.sync import case_protocol as cp
from etudes_desktop.sync.transport import Reply

CHUNK = 1000  # under the contract's MAX_CASE_EVENTS


class CaseEventsRefused(Exception):
    """The server refused the events, or answered something unreadable (its message, in French)."""


def push(vault: VaultHandle, study_id: str, post: Callable[[bytes], Reply]) -> int:
    """Send every unsent event of the study; returns how many the server acknowledged. `post`
    does the retries."""
    acknowledged = 0
    renumbered = False
    while rows := case_events.pending(vault, study_id, CHUNK):
        try:
            upload = cp.CaseEventsUpload(study_id=study_id, events=[cp.CaseEvent(**r.as_dict()) for r in rows])
        except ValidationError as exc:
            raise CaseEventsRefused(f"événement de suivi illisible ({exc.error_count()} erreur(s))") from None
        reply = post(json.dumps(upload.model_dump(mode="json"), ensure_ascii=False,
                                separators=(",", ":")).encode("utf-8"))
        if reply.status == 404:
            return acknowledged  # no case management on this server
        if reply.status != 200:
            raise CaseEventsRefused(reply.message())
        try:
            ack = cp.CaseEventsAck.model_validate(reply.body)
        except ValidationError:
            raise CaseEventsRefused("accusé de réception illisible") from None
        if ack.conflicts:  # numbers the server holds for other events: these go again, numbered after
            moved = case_events.renumber(vault, study_id, [i for i in ack.conflicts if i <= rows[-1].id], ack.upto)
        else:
            moved = 0
        marked = case_events.mark_sent(vault, study_id, min(ack.upto, rows[-1].id))
        acknowledged += marked
        if moved and not renumbered:
            renumbered = True  # once per sync: the new numbers are above all the server holds
            continue
        if marked < len(rows) or len(rows) < CHUNK:
            break  # the server holds less than was sent: the rest waits for the next sync
    return acknowledged
