"""The workspace views shown after unlock: studies, respondents, interviews, counters, imports.

Host with `WorkspaceView(WorkspaceServices(hub=..., pool=...), parent)`.
"""

from __future__ import annotations

from etudes_desktop.gui.views.services import WorkspaceServices
from etudes_desktop.gui.views.workspace import WorkspaceController, WorkspaceView

__all__ = ["WorkspaceServices", "WorkspaceView", "WorkspaceController"]
