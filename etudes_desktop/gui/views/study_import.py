"""Importing a study from the window: file dialog -> core.study_load -> storage.studies.

The file is read and checked in the pool (pyxform can take a moment); the vault is written on
the GUI thread, in one transaction, only when the whole package is valid. A refused file
leaves the vault unchanged and its problems are listed in French, one line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.form_problems import FormError, FormProblem
from etudes_desktop.gui.tasks import run_task
from etudes_desktop.gui.views.services import WorkspaceServices

MAX_SHOWN_PROBLEMS = 200


def problem_text(problem: FormProblem) -> str:
    """'feuille survey, ligne 4, colonne type : message' (the designer's coordinates, in French)."""
    def t(text: str) -> str:
        return QCoreApplication.translate("StudyImport", text)
    if problem.sheet in ("survey", "choices", "settings"):
        where = t("feuille %1").replace("%1", problem.sheet)
    else:
        where = problem.sheet
    if problem.row is not None:
        where += ", " + t("ligne %1").replace("%1", str(problem.row))
    if problem.column:
        where += ", " + t("colonne %1").replace("%1", problem.column)
    return f"{where} : {problem.message}"


def _load_package(path: Path) -> Any:
    from etudes_desktop.core.study_load import load_package

    return load_package(path)


class StudyImporter(QObject):
    """The import's logic: runs the check in the pool, stores the package, reports the outcome."""

    started = Signal(str)  # file name
    imported = Signal(str, str)  # study id, outcome ("created" | "updated" | "unchanged")
    refused = Signal(str, list)  # file name, French problem lines

    def __init__(self, services: WorkspaceServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def choose_file(self, parent: QWidget | None) -> None:
        """Ask for the file (the only modal step), then import it."""
        path, _filter = QFileDialog.getOpenFileName(
            parent, self.tr("Importer une étude"), str(Path.home()),
            self.tr("Questionnaires et paquets d'étude (*.xlsx *.xls *.json);;Tous les fichiers (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        """Check the file in the pool; store it when valid, else report its problems."""
        if self._busy or self._services.vault is None:
            return
        source = Path(path)
        self._busy = True
        self.started.emit(source.name)
        run_task(lambda: _load_package(source), lambda package: self._on_loaded(source, package),
                 lambda exc: self._on_failed(source, exc), self._services.pool)

    def _on_loaded(self, source: Path, package: Any) -> None:
        from etudes_desktop.storage.studies import save_study

        self._busy = False
        vault = self._services.vault
        if vault is None:  # locked while the file was being read: nothing is written
            return
        try:
            outcome = save_study(vault, package, self._services.clock())
        except EtudesError as exc:
            self.refused.emit(source.name, [str(exc)])
            return
        self.imported.emit(package.id, outcome)

    def _on_failed(self, source: Path, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, FormError):
            lines = [problem_text(p) for p in exc.problems] or [str(exc)]
        elif isinstance(exc, EtudesError):
            lines = [str(exc)]
        else:
            lines = [self.tr("fichier illisible (%1)").replace("%1", type(exc).__name__)]
        self.refused.emit(source.name, lines)


class ProblemsPanel(QFrame):
    """A refusal shown in the window: what was refused, every problem, and a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems_panel")
        self.setStyleSheet("QFrame#problems_panel { background: #fdecee; border: 1px solid #e3a1aa; "
                           "border-radius: 6px; }")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("problems_title")
        self.title_label.setProperty("role", "error")
        self.title_label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Fermer"), self)
        self.close_button.setObjectName("problems_close")
        top.addWidget(self.title_label, 1)
        top.addWidget(self.close_button)
        self.list = QListWidget(self)
        self.list.setObjectName("problems_list")
        self.list.setWordWrap(True)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_problems(self, title: str, lines: list[str]) -> None:
        self.title_label.setText(title)
        self.list.clear()
        self.list.addItems(lines[:MAX_SHOWN_PROBLEMS])
        if len(lines) > MAX_SHOWN_PROBLEMS:
            more = len(lines) - MAX_SHOWN_PROBLEMS
            self.list.addItem(self.tr("… et %1 autre(s)", "", more).replace("%1", str(more)))
        # As tall as the problems need (long lines wrap), up to a scrolling limit.
        self.list.setFixedHeight(min(180, 12 + 2 * self.fontMetrics().lineSpacing() * min(len(lines), 6)))
        self.show()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
