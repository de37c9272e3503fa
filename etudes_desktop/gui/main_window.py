"""The main window shell: the fixed screens, the workspace where the views live, a status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from etudes_desktop import APP_NAME

HOME_VIEW = "home"
IDLE_CHOICES = (2, 5, 10, 15, 30)


class HomeView(QWidget):
    """What an open vault shows until the studies, respondents and interviews views exist."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        title = QLabel(self.tr("Coffre ouvert"), self)
        title.setObjectName("home_title")
        title.setProperty("role", "title")
        body = QLabel(self.tr("Vos études, les personnes à interroger et les entretiens s'afficheront ici."), self)
        body.setObjectName("home_body")
        body.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(1)


class ElidedLabel(QLabel):
    """A one-line label that gives way in a narrow window: elided, the whole text in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._elide()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.width()) if self.isVisible() else hint.width(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def _elide(self) -> None:
        width = self.width() if self.isVisible() else 10_000
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(width - 4, 0))
        super().setText(shown)


class MainWindow(QMainWindow):
    """Layout only: the controller decides which screen is shown and when."""

    lock_requested = Signal()
    quit_requested = Signal()
    language_chosen = Signal(str)
    idle_minutes_chosen = Signal(int)

    def __init__(self, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = APP_NAME + (self.tr(" — démonstration") if demo else "")
        self.setWindowTitle(title)
        self.setMinimumSize(800, 560)
        self.resize(980, 700)
        self.screens = QStackedWidget(self)
        self.screens.setObjectName("screens")
        self.setCentralWidget(self.screens)
        self.workspace_page = QWidget(self.screens)
        page_layout = QVBoxLayout(self.workspace_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        self._banners = QVBoxLayout()
        self._banners.setContentsMargins(12, 0, 12, 0)
        page_layout.addLayout(self._banners)
        self.workspace = QStackedWidget(self.workspace_page)
        self.workspace.setObjectName("workspace")
        page_layout.addWidget(self.workspace, 1)
        self.screens.addWidget(self.workspace_page)
        self._views: dict[str, QWidget] = {}
        self.add_view(HOME_VIEW, HomeView(self.workspace))
        self._build_menus()
        self._build_status_bar(demo)
        self.set_locked(True)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Coffre"))
        self.vault_menu = menu
        self.lock_action = QAction(self.tr("&Verrouiller maintenant"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = QAction(self.tr("&Quitter"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit_requested)
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.addActions([self.lock_action, self.quit_action])  # shortcuts work with the menu closed
        self.view_menu = self.menuBar().addMenu(self.tr("&Affichage"))
        self._unlocked_actions: list[QAction] = [self.lock_action]
        self._build_settings_menu()

    def _build_settings_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Réglages"))
        languages = menu.addMenu(self.tr("&Langue"))
        self._language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("fr", "Français"), ("en", "English")):  # each in its own language
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            self._language_group.addAction(action)
            languages.addAction(action)
            self.language_actions[code] = action
        idle = menu.addMenu(self.tr("&Verrouillage automatique"))
        self._idle_group = QActionGroup(self)
        self.idle_actions: dict[int, QAction] = {}
        for minutes in IDLE_CHOICES:
            action = QAction(self.tr("Après %1 min d'inactivité").replace("%1", str(minutes)), self, checkable=True)
            action.triggered.connect(lambda _checked=False, m=minutes: self.idle_minutes_chosen.emit(m))
            self._idle_group.addAction(action)
            idle.addAction(action)
            self.idle_actions[minutes] = action

    def show_settings(self, language: str, idle_minutes: float) -> None:
        """Tick the current language and auto-lock delay in the menu."""
        if language in self.language_actions:
            self.language_actions[language].setChecked(True)
        if int(idle_minutes) in self.idle_actions:
            self.idle_actions[int(idle_minutes)].setChecked(True)

    def _build_status_bar(self, demo: bool) -> None:
        self.sync_label = ElidedLabel(self)
        self.sync_label.setObjectName("sync_label")
        self.statusBar().addWidget(self.sync_label, 1)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state_label")
        self.statusBar().addPermanentWidget(self.state_label)
        self.mode_label = QLabel(self.tr("Mode démonstration : données fictives") if demo else "", self)
        self.mode_label.setObjectName("mode_label")
        self.mode_label.setVisible(demo)
        self.statusBar().addPermanentWidget(self.mode_label)

    # --- screens --------------------------------------------------------------------------

    def add_screen(self, screen: QWidget) -> None:
        """Take a fixed screen (creation, unlock) into the window, not shown yet."""
        if self.screens.indexOf(screen) < 0:
            self.screens.addWidget(screen)

    def show_screen(self, screen: QWidget) -> None:
        """Show a fixed screen in place of the workspace."""
        self.add_screen(screen)
        self.screens.setCurrentWidget(screen)
        screen.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_workspace(self, view_key: str | None = None) -> None:
        """Show the workspace, on `view_key` if given (the page left when the window locked)."""
        if view_key in self._views:
            self.workspace.setCurrentWidget(self._views[view_key])  # type: ignore[index]
        self.screens.setCurrentWidget(self.workspace_page)

    def workspace_visible(self) -> bool:
        return self.screens.currentWidget() is self.workspace_page

    def add_banner(self, banner: QWidget) -> None:
        """A band above every workspace view (e.g. retention notices); it shows and hides itself."""
        self._banners.addWidget(banner)

    def add_view_action(self, key: str, text: str, shortcut: str) -> QAction:
        """An entry of the Affichage menu that shows a registered view (only while unlocked)."""
        return self.add_view_menu_action(text, shortcut, lambda _checked=False, k=key: self.show_view(k))

    def add_view_menu_action(self, text: str, shortcut: str, slot: object) -> QAction:
        """An entry of the Affichage menu that runs `slot` (only while unlocked)."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.view_menu.addAction(action)
        self.addAction(action)
        self._add_unlocked_action(action)
        return action

    def add_vault_action(self, text: str, slot: object) -> QAction:
        """An entry of the Coffre menu, above Verrouiller (only while unlocked)."""
        action = QAction(text, self)
        action.triggered.connect(slot)
        self.vault_menu.insertAction(self.lock_action, action)
        self._add_unlocked_action(action)
        return action

    def _add_unlocked_action(self, action: QAction) -> None:
        self._unlocked_actions.append(action)
        action.setEnabled(self.lock_action.isEnabled())

    def set_sync_status(self, text: str) -> None:
        """What waits for the server and the last successful sync (no personal data)."""
        self.sync_label.setVisible(bool(text))
        self.sync_label.setText(text)

    def set_locked(self, locked: bool, *, vault_exists: bool = True) -> None:
        """Menu and status bar follow the vault's state."""
        for action in getattr(self, "_unlocked_actions", [self.lock_action]):
            action.setEnabled(not locked)
        if not vault_exists:
            self.state_label.setText(self.tr("Aucun coffre"))
        else:
            self.state_label.setText(self.tr("Coffre verrouillé") if locked else self.tr("Coffre ouvert"))

    # --- views (studies, respondents, interviews are added by their own modules) ----------

    def add_view(self, key: str, view: QWidget) -> None:
        """Register a workspace view under a stable key."""
        self._views[key] = view
        self.workspace.addWidget(view)

    def remove_view(self, key: str) -> None:
        """Take a view out of the workspace (the caller deletes it)."""
        view = self._views.pop(key, None)
        if view is not None:
            self.workspace.removeWidget(view)

    def show_view(self, key: str) -> None:
        view = self._views[key]
        self.workspace.setCurrentWidget(view)
        focus_entry(view)

    def current_view_key(self) -> str:
        current = self.workspace.currentWidget()
        return next((key for key, view in self._views.items() if view is current), HOME_VIEW)

    def view(self, key: str) -> QWidget:
        return self._views[key]


def focus_entry(view: QWidget) -> None:
    """Put the keyboard focus where the person types next in a view just shown (after a resume,
    an unlock, a first launch or a dialog closing): the view's own `focus_entry()` when it has
    one, else the view's first focusable child. A focus set while a view is hidden is lost, so
    this runs once the view is current."""
    entry = getattr(view, "focus_entry", None)
    if callable(entry):
        entry()
    elif not view.hasFocus() and view.focusWidget() is None:
        view.setFocus(Qt.FocusReason.OtherFocusReason)
