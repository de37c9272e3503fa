"""The application-wide signals, on one documented object.

Local signals stay on their widgets; only what several parts of the window must hear goes here.

- `vault_opened(object)`: a `Vault` was created or unlocked; views rebind to it.
- `vault_locked()`: the vault was closed (auto-lock or "Verrouiller"); views drop what they show.
- `status_message(str)`: a short, PII-free line for the status bar.
- `interviews_changed()`: the vault's interviews or people changed (an interview, a call, a draft
  discarded, a rectification or an objection from any dialog): every list, counter and the sync
  line re-read, so nothing stale (a name, a phone, "En cours") stays on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Hub(QObject):
    """One instance per application window, passed to whoever needs it."""

    vault_opened = Signal(object)
    vault_locked = Signal()
    status_message = Signal(str)
    interviews_changed = Signal()
