"""What the workspace views need from the application: the open vault, a pool, the hub."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from etudes_desktop.gui.tasks import Pool
from etudes_desktop.storage.handle import VaultHandle


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class WorkspaceServices:
    """Passed to `WorkspaceView`; tests give an ImmediatePool and a real vault.

    `vault` is the open vault or None while locked; with a `hub`, the workspace follows
    `vault_opened` / `vault_locked` by itself.
    """

    vault: VaultHandle | None = None
    pool: Pool | None = None
    hub: Any = None
    clock: Callable[[], datetime] = field(default=_utc_now)
