"""GUI fixtures: real vaults (cheap KDF), a synchronous pool, a fake clock, French by default."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from etudes_desktop.paths import DataPaths, resource_path

GOOD_PASSPHRASE = "Terrain-Enquete-2026!"  # ASCII: QTest.keyClicks types ASCII only
OTHER_PASSPHRASE = "Nouvelle-Phrase-2027?"


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 10_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    """Build the .qm files from the committed .ts when `make translations` has not run."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in resource_path("translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(autouse=True)
def _french_and_styled(qapp):
    """Every test starts in French with the application's style; pending tasks are drained."""
    from PySide6.QtCore import QThreadPool

    from etudes_desktop.gui.i18n import install_translators
    from etudes_desktop.gui.style import apply_style

    install_translators("fr", qapp)
    apply_style(qapp)
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    qapp.processEvents()
    install_translators("fr", qapp)
    names = close_leftover_windows(qapp)
    if names:  # a window a test forgot stays over the next tests' screens: a failure, not a warning
        pytest.fail(f"windows left open by the test (register them with qtbot.addWidget): {', '.join(names)}")


def close_leftover_windows(qapp) -> list[str]:
    """Close the top-level windows still shown; return their class names."""
    leftovers = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    for widget in leftovers:
        widget.close()
    return [type(w).__name__ for w in leftovers]


@pytest.fixture
def paths(data_dir) -> DataPaths:
    return DataPaths.for_data_dir(data_dir)


@pytest.fixture
def kdf():
    from etudes_desktop.storage.vault import KdfParams

    return KdfParams.fast()


@pytest.fixture
def pool():
    from etudes_desktop.gui.tasks import ImmediatePool

    return ImmediatePool()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def existing_vault(paths, kdf) -> str:
    """A vault on disk (closed) opened by GOOD_PASSPHRASE; returns its recovery code."""
    from etudes_desktop.storage.vault import Vault

    vault, code = Vault.create(paths, GOOD_PASSPHRASE, kdf=kdf)
    vault.close()
    return code


@pytest.fixture
def make_controller(qtbot, pool, clock, kdf):
    """Build an AppController on given paths, shown, shut down at teardown."""
    from etudes_desktop.gui.controller import AppController

    made = []

    def make(paths: DataPaths, **kwargs):
        options = {"pool": pool, "clock": clock, "kdf": kdf, **kwargs}
        controller = AppController(paths, **options)
        qtbot.addWidget(controller.window)
        controller.window.resize(980, 700)
        controller.window.show()
        controller.start()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


def can_open(paths: DataPaths, passphrase: str) -> bool:
    """What landed on disk: does this passphrase open the vault?"""
    from etudes_desktop.storage.errors import WrongPassphrase
    from etudes_desktop.storage.vault import Vault

    try:
        Vault.open(paths, passphrase).close()
    except WrongPassphrase:
        return False
    return True
