"""The creation screen: the passphrase twice with live policy feedback, then the recovery code."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from etudes_desktop.gui.forms import Pages, make_card
from etudes_desktop.gui.messages import policy_feedback, vault_error_text
from etudes_desktop.gui.style import set_role
from etudes_desktop.gui.tasks import Pool, run_task
from etudes_desktop.gui.vault_forms import VaultCreateForm, place
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.handle import VaultHandle

PASSPHRASE_PAGE, RECOVERY_PAGE = 0, 1
GROUPS_PER_LINE = 4


def format_recovery_code(code: str, group: int = 4) -> str:
    """The code in groups that can be read aloud, four groups a line (parsing ignores lines)."""
    parts = [p for p in re.split(r"[\s-]+", code.strip()) if p]
    if len(parts) == 1:
        parts = [code[i : i + group] for i in range(0, len(code), group)]
    return "\n".join("-".join(parts[i : i + GROUPS_PER_LINE]) for i in range(0, len(parts), GROUPS_PER_LINE))


class VaultCreateScreen(QWidget):
    """Creates the vault off the GUI thread; emits `created(vault)` once the code is noted."""

    created = Signal(object)

    def __init__(
        self,
        paths: DataPaths,
        *,
        pool: Pool | None = None,
        kdf: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._pool = pool
        self._kdf = kdf
        self._busy = False
        self._vault: VaultHandle | None = None
        self.ui = VaultCreateForm()
        place(self.ui, make_card(self))
        self.pages = Pages(self.ui.passphrase_page, self.ui.recovery_page)
        self.ui.busy_bar.hide()
        self.ui.message_label.hide()
        self.setFocusProxy(self.ui.passphrase_edit)
        self._connect_signals()
        self._update_enabled()

    def _connect_signals(self) -> None:
        ui = self.ui
        ui.passphrase_edit.textChanged.connect(self._on_input_changed)
        ui.confirm_edit.textChanged.connect(self._on_input_changed)
        ui.confirm_edit.returnPressed.connect(self._on_create_clicked)
        ui.passphrase_edit.returnPressed.connect(ui.confirm_edit.setFocus)
        ui.create_button.clicked.connect(self._on_create_clicked)
        ui.noted_check.toggled.connect(self._on_noted_toggled)
        ui.continue_button.clicked.connect(self._on_continue_clicked)

    def _on_input_changed(self, _text: str = "") -> None:
        self._update_enabled()

    def _update_enabled(self) -> None:
        ui = self.ui
        feedback = policy_feedback(ui.passphrase_edit.text(), ui.confirm_edit.text())
        ui.policy_label.setText(feedback.text)
        ui.policy_label.setVisible(bool(feedback.text))
        set_role(ui.policy_label, "warn" if feedback.state == "error" else feedback.state)
        ui.create_button.setEnabled(feedback.acceptable and not self._busy)
        ui.passphrase_edit.setEnabled(not self._busy)
        ui.confirm_edit.setEnabled(not self._busy)
        ui.continue_button.setEnabled(ui.noted_check.isChecked())

    def _on_create_clicked(self) -> None:
        if not self.ui.create_button.isEnabled():
            return
        from etudes_desktop.storage.vault import Vault

        paths, passphrase, kdf = self._paths, self.ui.passphrase_edit.text(), self._kdf
        self._set_busy(True)
        run_task(lambda: Vault.create(paths, passphrase, kdf=kdf), self._on_create_done, self._on_create_failed, self._pool)

    def _on_create_done(self, result: tuple[Any, str]) -> None:
        vault, code = result
        self._vault = vault
        self._set_busy(False)
        self.ui.passphrase_edit.clear()
        self.ui.confirm_edit.clear()
        self.ui.recovery_code_label.setText(format_recovery_code(code))
        self.ui.title_label.setText(self.tr("Code de secours"))
        self.pages.set_current(RECOVERY_PAGE)
        self.ui.noted_check.setFocus()

    def _on_create_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.ui.message_label.setText(vault_error_text(exc))
        self.ui.message_label.show()

    def _on_noted_toggled(self, _checked: bool) -> None:
        self._update_enabled()

    def _on_continue_clicked(self) -> None:
        if not self.ui.noted_check.isChecked() or self._vault is None:
            return
        vault, self._vault = self._vault, None
        self.ui.recovery_code_label.clear()  # shown once: gone from the screen for good
        self.created.emit(vault)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.busy_bar.setVisible(busy)
        if busy:
            self.ui.message_label.hide()
        self._update_enabled()

    def shown_recovery_code(self) -> str:
        """The code as displayed (empty once the person has continued)."""
        return self.ui.recovery_code_label.text()
