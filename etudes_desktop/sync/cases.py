"""The sync's case-management steps, run after the batches and the audit log (sync.engine):

- normally: the case events go up (sync.case_events_push), the published study comes down
  (sync.studies_pull), then the assignment (sync.assignment_pull); a refusal of one is reported
  and audited, and the interviews already sent stay sent;
- when the collection office revoked this laptop (DeviceInfo.wipe_requested): nothing more is
  asked of the server; the study's data is destroyed on the laptop (storage.retention.wipe_study,
  after the batches and the audit went up), and the audit log goes up once more, carrying the
  "study.remote_wiped" entry that closes the device's token for good.
No SQL here: the vault's side is storage's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from etudes_desktop.storage import audit
from etudes_desktop.sync.transport import Reply

if TYPE_CHECKING:
    from etudes_desktop.sync.engine import SyncEngine, SyncReport

log = logging.getLogger(__name__)

Call = Callable[[Callable[[], Reply]], Reply]


def push_events(engine: SyncEngine, report: SyncReport, call: Call) -> None:
    from etudes_desktop.sync import case_events_push

    try:
        report.case_events_sent = case_events_push.push(engine.vault, report.study_id, lambda body: call(
            lambda: engine.transport.post_case_events(body, engine.request_timeout)))
    except case_events_push.CaseEventsRefused as exc:
        report.case_problem = str(exc)
        log.warning("sync: case events refused (%s)", exc)


def pull_assignment(engine: SyncEngine, report: SyncReport, call: Call, now: datetime) -> None:
    from etudes_desktop.sync import assignment_pull

    try:
        report.assignment, applied = assignment_pull.pull(engine.vault, engine.transport, report.study_id, call, now)
    except assignment_pull.AssignmentRefused as exc:
        report.assignment, report.case_problem = "refused", str(exc)
        log.warning("sync: assignment refused (%s)", exc)
        audit.record_alone(engine.vault, now, "assignment.refused", None, [report.study_id])
        return
    if applied is None:
        return
    report.assigned_added, report.assigned_dropped = applied.added, applied.dropped
    report.assigned_updated, report.assigned_kept = applied.updated, applied.kept_open
    report.assigned_refused = applied.refused


def remote_wipe(engine: SyncEngine, report: SyncReport, send_audit: Callable[[], int], now: datetime) -> None:
    """Destroy the study's data (once), then send the audit entry that says so."""
    from etudes_desktop.storage import retention

    if not retention.was_wiped(engine.vault, report.study_id):
        report.wipe_counts = retention.wipe_study(engine.vault, report.study_id, now)
        log.warning("sync: study data destroyed on the collection office's request (%s)", report.wipe_counts)
    report.wiped = True
    report.audit_sent += send_audit()
