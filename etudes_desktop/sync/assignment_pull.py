"""A sync step: the people the collection office assigned to this laptop come down
(`GET /v1/assignment`), with the study's shared suppression list and case key.

The answer is checked by the wire contract's model, then applied to the vault in one
transaction (storage.assignment: the hand import's checks, people reassigned elsewhere dropped
unless an interview with them is open or unsent). The ETag of the last applied answer is kept,
so an unchanged assignment costs one small 304 (and people kept for an interview that has
gone since leave then). A server from before case management (404)
changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from pydantic import ValidationError

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count
from etudes_desktop.storage import assignment
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.settings import read_setting, write_setting
from etudes_desktop.sync import case_protocol as cp
from etudes_desktop.sync.transport import Reply, Transport

log = logging.getLogger(__name__)

SETTING_ASSIGNMENT_ETAG = "sync.assignment_etag"


class AssignmentRefused(Exception):
    """The assignment could not be applied: nothing was changed (the message is for the user)."""


def pull(vault: VaultHandle, transport: Transport, study_id: str, call: Callable[[Callable[[], Reply]], Reply],
         now: datetime) -> tuple[str, assignment.AssignmentReport | None]:
    """Bring the assignment down and apply it: ("applied", counts); ("unchanged", counts) on a 304
    (people released earlier whose interview has gone since leave all the same); ("waiting", None)
    while the study is not on this laptop; ("none", None) from a server without case management (404)."""
    etag = read_setting(vault, SETTING_ASSIGNMENT_ETAG)
    reply = call(lambda: transport.get_assignment(etag))
    if reply.status == 404:
        return "none", None
    if reply.status == 304:
        return "unchanged", assignment.drop_released(vault, study_id, now)
    if reply.status != 200:
        raise AssignmentRefused(f"attribution illisible ({reply.message()})")
    try:
        given = cp.Assignment.model_validate(reply.body)
    except ValidationError as exc:
        raise AssignmentRefused(f"réponse du serveur invalide ({count(exc.error_count(), 'erreur')})") from None
    if given.study_id != study_id:
        raise AssignmentRefused(f"attribution d'une autre étude ({given.study_id})")
    if not RespondentRepository(vault).study_exists(study_id):
        return "waiting", None  # the study is not on this laptop yet: the people come once it is
    try:
        report = assignment.apply(vault, study_id, given.case_key, given.people, given.suppression, now)
    except EtudesError as exc:
        raise AssignmentRefused(str(exc)) from None
    write_setting(vault, SETTING_ASSIGNMENT_ETAG, reply.headers.get("etag"))
    return "applied", report
