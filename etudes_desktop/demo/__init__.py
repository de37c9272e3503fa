"""Demo mode: a separate data folder, a vault with a published passphrase, demo content.

No Qt here: the desktop app (`etudes-desktop --demo`) and the command line share it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from etudes_desktop.paths import DataPaths

if TYPE_CHECKING:
    from etudes_desktop.storage.vault import KdfParams, Vault

# Shown on the unlock screen in demo mode only. The demo vault holds fictitious people only.
DEMO_PASSPHRASE = "Demo-Terrain-2026!"
DEMO_FOLDER = "demo"


def demo_paths(data_dir: Path | str | None = None) -> DataPaths:
    """The demo folder: `<data dir>/demo`, under --data-dir when one is given."""
    base = DataPaths.for_data_dir(data_dir)
    return DataPaths.for_data_dir(base.data_dir / DEMO_FOLDER)


def ensure_demo_vault(paths: DataPaths, kdf: KdfParams | None = None) -> bool:
    """Create and seed the demo vault on first use; return True when it was created now."""
    from etudes_desktop.storage.vault import Vault

    if Vault.exists(paths):
        return False
    vault, _recovery_code = Vault.create(paths, DEMO_PASSPHRASE, kdf=kdf)
    try:
        seed_demo(vault)
    finally:
        vault.close()
    return True


def seed_demo(vault: Vault) -> None:
    """Fill a new demo vault: the demo study and 30 fictitious respondents.

    Hook for the study and respondent services: add their seeding calls here (each in the
    vault's own transactions). Called once, right after the demo vault is created.
    """
    from etudes_desktop.demo import seed

    package = seed.import_demo_study(vault)
    seed.seed_respondents(vault, package.id, 30)
