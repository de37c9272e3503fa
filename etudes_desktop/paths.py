"""Where things live: platformdirs locations and packaged resources."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from etudes_desktop import APP_AUTHOR, APP_ID

VAULT_FILE = "vault.db"
KEYSLOT_FILE = "vault.keys"


def resource_path(*parts: str) -> Path:
    """Find a file under resources/ in a source tree, an installed wheel or a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "resources"]
    for root in candidates:
        if root.is_dir():
            return root.joinpath(*parts)
    return candidates[-1].joinpath(*parts)


@dataclass(frozen=True)
class DataPaths:
    """The folders of one installation (or of one --data-dir)."""

    data_dir: Path
    log_dir: Path

    @property
    def vault(self) -> Path:
        return self.data_dir / VAULT_FILE

    @property
    def keyslots(self) -> Path:
        return self.data_dir / KEYSLOT_FILE

    @classmethod
    def default(cls) -> "DataPaths":
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_ID, APP_AUTHOR)),
            log_dir=Path(platformdirs.user_log_dir(APP_ID, APP_AUTHOR)),
        )

    @classmethod
    def for_data_dir(cls, data_dir: Path | str | None) -> "DataPaths":
        """Given --data-dir, everything (logs included) lives under it."""
        if data_dir is None:
            return cls.default()
        root = Path(data_dir).expanduser().resolve()
        return cls(data_dir=root, log_dir=root / "logs")
