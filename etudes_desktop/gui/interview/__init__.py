"""The interview screens: notice gate, runner, review (see screen.InterviewScreen).

`screenshot_widgets()` builds every screen of this package on a throw-away vault, for the
screenshots module (`gui/screenshots.py`) and for looking at them during development.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_keep: list[Any] = []  # vaults and temp folders behind the screenshot widgets


def screenshot_widgets(workdir: Path | None = None) -> dict[str, Any]:
    """Name -> widget, each in a state worth showing (French, fictitious data)."""
    import tempfile
    from datetime import datetime

    from etudes_desktop.gui.interview.demo_states import build_states

    if workdir is None:
        holder = tempfile.TemporaryDirectory(prefix="etudes-interview-shots-")
        _keep.append(holder)
        workdir = Path(holder.name)
    return build_states(workdir, _keep, now=datetime.now().astimezone())
