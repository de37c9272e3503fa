"""One focus group session, step by step in tabs (Alt+1 to Alt+6): the door, the notice read to
the group, the decisions, the discussion's notes, shows of hands, each participant's questionnaire;
then the close, which erases the first names."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.gui.group.door import DecisionsPage, DoorPage
from etudes_desktop.gui.group.hands import HandsPage
from etudes_desktop.gui.group.notes import NotesPage
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.groups import GroupService


class NoticePage(QWidget):
    delivered = Signal()

    def __init__(self, groups: GroupService, session_id: str, package: StudyPackage, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups, self.session_id, self.package = groups, session_id, package
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Lisez la mention à voix haute au groupe, mot pour mot, avant toute question :"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QTextBrowser()
        self.text.setPlainText(package.notice.text(language))
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)  # read aloud from a step away
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        self.button = QPushButton(self.tr("La mention a été &lue au groupe (Ctrl+Entrée)"))
        self.button.clicked.connect(self.deliver)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.deliver)
        layout.addWidget(self.button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        session = self.groups.get(self.session_id)
        if session.notice_delivered_at:
            at = datetime.fromisoformat(session.notice_delivered_at).astimezone().strftime("%H:%M")
            self.status.setText(self.tr("Mention lue au groupe à %1 (version %2). Recueillez maintenant la décision "
                                        "de chacun (Alt+3).").replace("%1", at).replace("%2", session.notice_version or ""))
            set_role(self.status, "ok")

    def deliver(self) -> None:
        try:
            self.groups.deliver_notice(self.session_id, self.package.notice)
        except EtudesError as exc:
            self.status.setText(str(exc))
            set_role(self.status, "error")
            return
        self.refresh()
        emit(self.delivered)


class QuestionnairesPage(QWidget):
    """Each participant who accepted answers their own short questionnaire (an interview of mode group)."""

    open_requested = Signal(str)  # interview id

    def __init__(self, groups: GroupService, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups, self.session_id = groups, session_id
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Questionnaire individuel de chaque participant qui a accepté : choisissez-le, Entrée l'ouvre."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.itemActivated.connect(self._open)
        layout.addWidget(self.list, 1)
        self.open_button = QPushButton(self.tr("&Ouvrir le questionnaire"))
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        layout.addWidget(self.open_button)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for seat in self.groups.taking_part(self.session_id):
            item = QListWidgetItem(f"{seat.pseudonym}  {seat.first_name}")
            item.setData(Qt.ItemDataRole.UserRole, seat.interview_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.open_button.setEnabled(self.list.count() > 0)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            emit(self.open_requested, str(item.data(Qt.ItemDataRole.UserRole)))


class GroupSessionWindow(QDialog):
    closed_session = Signal(str)
    questionnaire_requested = Signal(str)  # interview id

    def __init__(self, groups: GroupService, session_id: str, package: StudyPackage, language: str = "fr",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups, self.session_id, self.package, self.language = groups, session_id, package, language
        session = groups.get(session_id)
        self.setWindowTitle(self.tr("Réunion de groupe — %1, %2").replace("%1", session.place)
                            .replace("%2", session.held_on))
        self.resize(1200, 700)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        set_role(self.summary, "subtitle")
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.door = DoorPage(groups, session_id)
        self.notice = NoticePage(groups, session_id, package, language)
        self.decisions = DecisionsPage(groups, session_id, package)
        self.notes = NotesPage(groups, session_id, package.group.note_themes())
        self.hands = HandsPage(groups, session_id, package, language)
        self.questionnaires = QuestionnairesPage(groups, session_id)
        for n, (page, title) in enumerate([
            (self.door, self.tr("Accueil")), (self.notice, self.tr("Mention")), (self.decisions, self.tr("Décisions")),
            (self.notes, self.tr("Discussion")), (self.hands, self.tr("Main levée")),
            (self.questionnaires, self.tr("Questionnaires")),
        ], start=1):
            self.tabs.addTab(page, f"&{n} {title}")
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.confirm = QLabel()
        self.confirm.setWordWrap(True)
        bottom.addWidget(self.confirm, 1)
        self._confirming = False
        self.sheet_button = QPushButton(self.tr("&Fiche de séance (PDF)…"))
        self.sheet_button.clicked.connect(self._ask_sheet)
        bottom.addWidget(self.sheet_button)
        self.close_button = QPushButton(self.tr("&Clore la réunion…"))
        self.close_button.clicked.connect(self.close_session)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        for page in (self.door, self.decisions):
            page.changed.connect(self._refresh)
        self.notice.delivered.connect(self._refresh)
        self.notes.saved.connect(lambda _n: self._refresh_summary())
        self.questionnaires.open_requested.connect(self.questionnaire_requested)
        self.tabs.currentChanged.connect(self._on_tab)
        self._refresh()

    def _on_tab(self, index: int) -> None:
        if self._confirming:  # moving on cancels a close not confirmed
            self._confirming = False
            self.confirm.clear()
            self.close_button.setText(self.tr("&Clore la réunion…"))
        page = self.tabs.widget(index)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()
        focus = {self.door: self.door.table, self.decisions: self.decisions.table, self.notes: self.notes.entry}
        target = focus.get(page)  # type: ignore[call-overload]
        if target is not None:
            target.setFocus()

    def _refresh(self) -> None:
        self.decisions.refresh()
        self.questionnaires.refresh()
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        seats = self.groups.seats(self.session_id)
        present = sum(1 for s in seats if s.present)
        agreed = sum(1 for s in seats if s.decision == "agrees")
        objected = sum(1 for s in seats if s.decision == "objects")
        self.summary.setText(
            self.tr("%1 présents sur %2 attendus · %3 acceptent · %4 opposés · %5 notes")
            .replace("%1", str(present)).replace("%2", str(len(seats))).replace("%3", str(agreed))
            .replace("%4", str(objected)).replace("%5", str(self.notes.model.rowCount())))

    def _ask_sheet(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        session = self.groups.get(self.session_id)
        suggested = str(Path.home() / f"fiche-seance-{session.held_on}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Fiche de séance"), suggested, "PDF (*.pdf)")
        if path:
            self.save_sheet(path)

    def save_sheet(self, path: str) -> bool:
        """Write the session sheet (no name on it: pseudonyms only); says where, or why not."""
        from pathlib import Path

        try:
            Path(path).write_bytes(self.groups.sheet(self.session_id, self.package, self.language))
        except OSError:
            self.confirm.setText(self.tr("La fiche n'a pas pu être écrite à cet endroit : choisissez un autre dossier."))
            set_role(self.confirm, "error")
            return False
        self.confirm.setText(self.tr("Fiche de séance enregistrée : %1").replace("%1", path))
        set_role(self.confirm, "ok")
        return True

    def close_session(self) -> None:
        """Two steps, no dialog in the way: the first press says what closing does, the second closes."""
        if not self._confirming:
            undecided = self.decisions.undecided()
            text = self.tr("Clore la réunion ? Les prénoms seront effacés et plus rien ne pourra y être ajouté.")
            if undecided:
                text += " " + self.tr("%n participant(s) présent(s) sans décision : rien ne sera gardé d'eux.", "", undecided)
            self.confirm.setText(text)
            set_role(self.confirm, "warn")
            self.close_button.setText(self.tr("&Confirmer la clôture"))
            self._confirming = True
            return
        try:
            self.groups.close(self.session_id)
        except EtudesError as exc:
            self.confirm.setText(str(exc))
            set_role(self.confirm, "error")
            return
        emit(self.closed_session, self.session_id)
        self.accept()
