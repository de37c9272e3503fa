"""The unlock screen: passphrase, the delay after repeated failures, the recovery route."""

from __future__ import annotations

import html
import math
import time
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from etudes_desktop.core.wipe import wipe
from etudes_desktop.gui.forms import Pages, make_card
from etudes_desktop.gui.vault_forms import UnlockForm, place
from etudes_desktop.gui.i18n import translate
from etudes_desktop.gui.messages import policy_feedback, throttle_text, vault_error_text
from etudes_desktop.gui.style import set_role
from etudes_desktop.gui.tasks import Pool, run_task
from etudes_desktop.paths import DataPaths

UNLOCK_PAGE, RECOVER_PAGE = 0, 1


class UnlockScreen(QWidget):
    """Opens the vault off the GUI thread; emits `unlocked(vault)` on success."""

    unlocked = Signal(object)
    passphrase_reset = Signal()

    def __init__(
        self,
        paths: DataPaths,
        *,
        pool: Pool | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._pool = pool
        self._clock = clock  # the countdown's
        self._wall_clock = wall_clock  # the vault's throttle, shared with other processes
        self._attempt = 0
        self._busy = False
        self._preparing = False
        self._retry_at: float | None = None
        self._note: tuple[str, str] = ("", "")
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self.ui = UnlockForm()
        place(self.ui, make_card(self))
        self.pages = Pages(self.ui.unlock_page, self.ui.recover_page)
        self._setup_view(demo_passphrase)
        self._connect_signals()
        self._update_enabled()

    def _setup_view(self, demo_passphrase: str | None) -> None:
        self.ui.busy_bar.hide()
        self.ui.recover_busy_bar.hide()
        self.ui.message_label.hide()
        self.ui.recover_message_label.hide()
        self.ui.policy_label.hide()
        self.ui.demo_label.setVisible(demo_passphrase is not None)
        if demo_passphrase is not None:
            shown = f"<br/><b style='white-space:pre'>{html.escape(demo_passphrase)}</b>"
            self.ui.demo_label.setTextFormat(Qt.TextFormat.RichText)
            self.ui.demo_label.setText(translate("UnlockForm", "Mode démonstration : la phrase de passe est %1", shown))
        self._unlock_title = self.ui.title_label.text()
        self.setFocusProxy(self.ui.passphrase_edit)

    def _connect_signals(self) -> None:
        ui = self.ui
        ui.unlock_button.clicked.connect(self._on_unlock_clicked)
        ui.passphrase_edit.returnPressed.connect(self._on_unlock_clicked)
        ui.passphrase_edit.textChanged.connect(self._on_input_changed)
        ui.forgot_button.clicked.connect(self._on_forgot_clicked)
        ui.back_button.clicked.connect(self._on_back_clicked)
        for edit in (ui.code_edit, ui.new_edit, ui.confirm_edit):
            edit.textChanged.connect(self._on_input_changed)
        ui.code_edit.returnPressed.connect(ui.new_edit.setFocus)
        ui.new_edit.returnPressed.connect(ui.confirm_edit.setFocus)
        ui.confirm_edit.returnPressed.connect(self._on_recover_clicked)
        ui.recover_button.clicked.connect(self._on_recover_clicked)
        self._countdown.timeout.connect(self._on_countdown_tick)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), ui.recover_page)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self._on_back_clicked)

    # --- public -------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to an empty unlock page (used when the window locks); a running delay stays."""
        self._attempt += 1  # a result still in flight is dropped
        self._set_busy(False)
        for edit in (self.ui.passphrase_edit, self.ui.code_edit, self.ui.new_edit, self.ui.confirm_edit):
            edit.clear()
        self._note = ("", "")
        self._show_unlock_page()
        self._render_message()
        self._update_enabled()

    def set_preparing(self, preparing: bool) -> None:
        """While the demo vault is being created: a busy bar and a short explanation."""
        self._preparing = preparing
        self.ui.busy_bar.setVisible(preparing)
        self._show_message(translate("UnlockForm", "Préparation du coffre de démonstration…") if preparing else "", "")
        self._update_enabled()

    def show_error(self, text: str) -> None:
        self._show_message(text)

    # --- unlock ---------------------------------------------------------------------------

    def _on_unlock_clicked(self) -> None:
        if not self.ui.unlock_button.isEnabled():
            return
        from etudes_desktop.storage.vault import Vault

        paths, passphrase, clock = self._paths, self.ui.passphrase_edit.text(), self._wall_clock
        seq = self._begin()

        def open_then_forget() -> Vault:
            try:
                return Vault.open(paths, passphrase, clock=clock)
            finally:
                wipe(passphrase)  # our copy of the typed text (the field keeps its own until cleared)

        run_task(
            open_then_forget,
            lambda vault: self._on_open_done(seq, vault),
            lambda exc: self._on_open_failed(seq, exc),
            self._pool,
        )

    def _on_open_done(self, seq: int, vault: object) -> None:
        if seq != self._attempt:
            vault.close()  # type: ignore[attr-defined]
            return
        self._set_busy(False)
        self.ui.passphrase_edit.clear()
        self._show_message("")
        self.unlocked.emit(vault)

    def _on_open_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._attempt:
            return
        from etudes_desktop.storage.errors import UnlockThrottled

        self._set_busy(False)
        self._note = ("", "") if isinstance(exc, UnlockThrottled) else (vault_error_text(exc), "error")
        self._start_delay_if_any(exc)
        self._render_message()
        edit = self.ui.passphrase_edit if self.pages.current() == UNLOCK_PAGE else self.ui.code_edit
        edit.selectAll()
        edit.setFocus()

    # --- recovery route ------------------------------------------------------------------

    def _on_forgot_clicked(self) -> None:
        self.pages.set_current(RECOVER_PAGE)
        self.ui.title_label.setText(self.tr("Phrase de passe oubliée"))
        self._refresh_message()
        self._update_enabled()
        self.ui.code_edit.setFocus()

    def _on_back_clicked(self) -> None:
        self._show_unlock_page()
        self._refresh_message()
        self._update_enabled()
        self.ui.passphrase_edit.setFocus()

    def _on_recover_clicked(self) -> None:
        if not self.ui.recover_button.isEnabled():
            return
        from etudes_desktop.storage.vault import Vault

        paths, code, new = self._paths, self.ui.code_edit.text().strip(), self.ui.new_edit.text()
        clock = self._wall_clock
        seq = self._begin()

        def recover_then_forget() -> Vault:
            try:
                return Vault.recover(paths, code, new, clock=clock)
            finally:
                wipe(code)
                wipe(new)

        run_task(recover_then_forget, lambda vault: self._on_recovered(seq, vault), lambda exc: self._on_open_failed(seq, exc), self._pool)

    def _on_recovered(self, seq: int, vault: object) -> None:
        if seq != self._attempt:
            vault.close()  # type: ignore[attr-defined]
            return
        self._set_busy(False)
        for edit in (self.ui.code_edit, self.ui.new_edit, self.ui.confirm_edit):
            edit.clear()
        self._show_unlock_page()
        self._show_message("")
        self.passphrase_reset.emit()
        self.unlocked.emit(vault)

    # --- failure delay --------------------------------------------------------------------

    def _start_delay_if_any(self, exc: BaseException) -> None:
        """Start the countdown when the vault imposes a delay before the next attempt.

        The vault refuses early attempts with UnlockThrottled; after the failure that starts a
        delay (the fifth), its throttle already knows when the next attempt will be allowed.
        """
        from etudes_desktop.storage.vault import unlock_wait

        retry_after = float(getattr(exc, "retry_after", 0) or 0)
        retry_after = max(retry_after, unlock_wait(self._paths, self._wall_clock))
        if retry_after > 0:
            self._retry_at = self._clock() + retry_after
            self._countdown.start()
            self._update_enabled()

    def _on_countdown_tick(self) -> None:
        if self._retry_at is not None and self._clock() >= self._retry_at:
            self._retry_at = None
            self._note = (translate("UnlockForm", "Vous pouvez réessayer."), "")
        if self._retry_at is None:
            self._countdown.stop()
        self._render_message()
        self._update_enabled()

    def retry_delay_remaining(self) -> int:
        """Whole seconds before the next attempt is allowed (0 when none)."""
        if self._retry_at is None:
            return 0
        return max(0, math.ceil(self._retry_at - self._clock()))

    # --- helpers --------------------------------------------------------------------------

    def _begin(self) -> int:
        self._attempt += 1
        self._set_busy(True)
        self._show_message("")
        return self._attempt

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.busy_bar.setVisible(busy or self._preparing)
        self.ui.recover_busy_bar.setVisible(busy)
        self._update_enabled()

    def _on_input_changed(self, _text: str = "") -> None:
        self._update_enabled()

    def _update_enabled(self) -> None:
        ui = self.ui
        blocked = self._busy or self._preparing or self._retry_at is not None
        ui.unlock_button.setEnabled(not blocked and bool(ui.passphrase_edit.text()))
        ui.passphrase_edit.setEnabled(not (self._busy or self._preparing))
        feedback = policy_feedback(ui.new_edit.text(), ui.confirm_edit.text())
        ui.policy_label.setText(feedback.text)
        ui.policy_label.setVisible(bool(feedback.text))
        set_role(ui.policy_label, "warn" if feedback.state == "error" else feedback.state)
        ui.recover_button.setEnabled(not blocked and feedback.acceptable and bool(ui.code_edit.text().strip()))
        ui.forgot_button.setEnabled(not (self._busy or self._preparing))
        ui.back_button.setEnabled(not self._busy)

    def _show_unlock_page(self) -> None:
        self.pages.set_current(UNLOCK_PAGE)
        self.ui.title_label.setText(self._unlock_title)

    def _message_label(self) -> QLabel:
        return self.ui.message_label if self.pages.current() == UNLOCK_PAGE else self.ui.recover_message_label

    def _show_message(self, text: str, role: str = "error") -> None:
        """Replace the note of the current page (the running delay, if any, stays below it)."""
        self._note = (text, role)
        self._render_message()

    def _render_message(self) -> None:
        text, role = self._note
        lines = [text] if text else []
        if self._retry_at is not None:
            lines.append(throttle_text(self.retry_delay_remaining()))
            role = "error"
        for label in (self.ui.message_label, self.ui.recover_message_label):
            label.clear()
            label.hide()
        label = self._message_label()
        label.setText("\n".join(lines))
        label.setVisible(bool(lines))
        set_role(label, role)

    def _refresh_message(self) -> None:
        """The delay follows the person from one page to the other; other notes do not."""
        self._note = ("", "")
        self._render_message()
