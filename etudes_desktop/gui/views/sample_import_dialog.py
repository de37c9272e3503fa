"""Importing a sample file (CSV, XLSX) into a study: mapping, check, all-or-nothing or partial.

The file's header is read at once and the guessed (or last saved) mapping shown, editable.
Checking and importing run in the pool with a progress bar; problems are listed as
`ligne N, colonne C : problème`. A refused file writes nothing (storage.sample_import).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample import SampleRefused
from etudes_desktop.core.sample_mapping import FIELD_LABELS, RESPONDENT_FIELDS, SampleMapping, parse_mapping
from etudes_desktop.gui.style import set_role
from etudes_desktop.gui.tasks import run_task
from etudes_desktop.gui.views.labels import group_digits
from etudes_desktop.gui.views.services import WorkspaceServices

log = logging.getLogger(__name__)
TARGET_ORDER = (*RESPONDENT_FIELDS, "attribute", "ignore")
MAX_SHOWN = 500


class _ProgressRelay(QObject):
    """Carries the worker's progress (rows read, fraction of the file) to the GUI thread."""

    progressed = Signal(int, float)

    def __call__(self, rows: int, fraction: float | None) -> None:
        self.progressed.emit(rows, -1.0 if fraction is None else fraction)


class SampleImportDialog(QDialog):
    """Choose the file, check the mapping, pick all-or-nothing or partial, import."""

    imported = Signal(str)  # the French summary of what was imported
    busy_changed = Signal(bool)  # a check or an import is running in the pool (it uses the vault)

    def __init__(self, services: WorkspaceServices, study_id: str, study_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_import_dialog")
        self.setWindowTitle(self.tr("Importer un échantillon"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 640)
        self._services = services
        self.study_id = study_id
        self.path: Path | None = None
        self._busy = False
        self._close_when_done = False
        self._relay = _ProgressRelay(self)
        self._build(study_title)
        self._connect_signals()
        self._update_buttons()

    def _build(self, study_title: str) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Échantillon de l'étude « %1 »").replace("%1", study_title), self)
        heading.setProperty("role", "subtitle")
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("Aucun fichier choisi (CSV ou XLSX)."), self)
        self.file_label.setObjectName("sample_file")
        self.choose_button = QPushButton(self.tr("Choisir un fichier…"), self)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Correspondance des colonnes (devinée d'après les en-têtes, modifiable) :"), self))
        self.mapping_table = QTableWidget(0, 2, self)
        self.mapping_table.setObjectName("sample_mapping")
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Colonne du fichier"), self.tr("Devient")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.mapping_table, 2)
        self.all_or_nothing = QRadioButton(self.tr("Tout ou rien : si une ligne a un problème, rien n'est importé"), self)
        self.partial = QRadioButton(self.tr("Importer les lignes valides et lister les lignes rejetées"), self)
        self.all_or_nothing.setChecked(True)
        self._mode_group = QButtonGroup(self)
        for button in (self.all_or_nothing, self.partial):
            self._mode_group.addButton(button)
            layout.addWidget(button)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("sample_progress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("sample_status")
        self.status_label.setWordWrap(True)
        self.problems_list = QListWidget(self)
        self.problems_list.setObjectName("sample_problems")
        self.problems_list.setWordWrap(True)
        self.problems_list.hide()
        for widget in (self.progress, self.status_label):
            layout.addWidget(widget)
        layout.addWidget(self.problems_list, 1)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Vérifier"), self)
        self.import_button = QPushButton(self.tr("Importer"), self)
        self.import_button.setProperty("role", "primary")
        self.close_button = QPushButton(self.tr("Fermer"), self)
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self._relay.progressed.connect(self._on_progress)

    # -- the file and its mapping --------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choisir le fichier d'échantillon"), str(Path.home()),
            self.tr("Fichiers d'échantillon (*.csv *.txt *.tsv *.xlsx *.xlsm);;Tous les fichiers (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        """Read the header and show the mapping (the last one saved for the study if it fits)."""
        from etudes_desktop.storage.sample_import import prepare_import

        self.path = Path(path)
        self.file_label.setText(self.path.name)
        self._clear_report()
        try:
            importer = prepare_import(self._services.vault, self.study_id, self.path)
        except EtudesError as exc:
            self.path = None
            self.mapping_table.setRowCount(0)
            self._report(self.tr("Fichier refusé."), [str(exc)], "error")
        else:
            self._show_mapping(importer.mapping)
            self.status_label.setText(self.tr("%1 colonnes lues. Vérifiez la correspondance puis importez.")
                                      .replace("%1", str(len(importer.headers))))
        self._update_buttons()

    def _show_mapping(self, mapping: SampleMapping) -> None:
        self.mapping_table.setRowCount(len(mapping.columns))
        for row, (header, target) in enumerate(mapping.columns.items()):
            self.mapping_table.setCellWidget(row, 0, QLabel(header, self.mapping_table))
            combo = QComboBox(self.mapping_table)
            for key in TARGET_ORDER:
                label = FIELD_LABELS.get(key, key)
                combo.addItem(label[:1].upper() + label[1:], key)
            combo.setCurrentIndex(TARGET_ORDER.index(target) if target in TARGET_ORDER else len(TARGET_ORDER) - 1)
            self.mapping_table.setCellWidget(row, 1, combo)

    def set_target(self, header: str, target: str) -> None:
        """Change where one column goes (what the person does with the combo box)."""
        for row in range(self.mapping_table.rowCount()):
            if self.mapping_table.cellWidget(row, 0).text() == header:
                combo = self.mapping_table.cellWidget(row, 1)
                combo.setCurrentIndex(combo.findData(target))
                return
        raise KeyError(header)

    def mapping(self) -> SampleMapping:
        """The mapping as shown; EtudesError when it is not acceptable (two columns on one field)."""
        columns = {self.mapping_table.cellWidget(r, 0).text(): self.mapping_table.cellWidget(r, 1).currentData()
                   for r in range(self.mapping_table.rowCount())}
        return parse_mapping({"columns": columns})

    # -- checking and importing ------------------------------------------------------------------
    def check(self) -> None:
        """Scan the file without importing: the problems it would raise."""
        from etudes_desktop.storage.sample_import import prepare_import

        job = self._job()
        if job is None:
            return
        vault, path, mapping = job
        relay = self._relay
        partial, study_id = self.partial.isChecked(), self.study_id
        self._begin(self.tr("Vérification…"))
        run_task(lambda: prepare_import(vault, study_id, path, mapping, partial=partial, progress=relay).check(),
                 lambda scan: self._on_checked(scan, partial), self._on_failed, self._services.pool)

    def start_import(self) -> None:
        """Import in the pool: all or nothing, or the valid rows only."""
        from etudes_desktop.storage.sample_import import import_sample

        job = self._job()
        if job is None:
            return
        vault, path, mapping = job
        partial, relay, study_id = self.partial.isChecked(), self._relay, self.study_id
        self._begin(self.tr("Import…"))
        run_task(lambda: import_sample(vault, study_id, path, mapping, partial=partial, progress=relay),
                 self._on_imported, self._on_failed, self._services.pool)

    def _job(self) -> tuple[Any, Path, SampleMapping] | None:
        if self._busy or self.path is None or self._services.vault is None:
            return None
        try:
            mapping = self.mapping()
            mapping.require_sample_id()
        except EtudesError as exc:
            self._report(self.tr("Correspondance à corriger."), [str(exc)], "error")
            return None
        return self._services.vault, self.path, mapping

    def _begin(self, text: str) -> None:
        self._busy = True
        self.busy_changed.emit(True)
        self._clear_report()
        self.status_label.setText(text)
        self.progress.setRange(0, 0)  # busy until the first progress report tells how far
        self.progress.show()
        self._update_buttons()

    def _end(self) -> None:
        self._busy = False
        self.busy_changed.emit(False)
        self.progress.hide()
        self._update_buttons()
        if self._close_when_done:
            super().reject()

    def reject(self) -> None:
        """Escape, Fermer or the vault locking: a running import finishes first (then closes)."""
        if self._busy:
            self._close_when_done = True
            self.hide()
            return
        super().reject()

    def _on_progress(self, rows: int, fraction: float) -> None:
        if not self._busy:  # a report queued from a reading thread, arriving after the end
            return
        if fraction >= 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(1.0, fraction)))
        self.status_label.setText(self.tr("%1 lignes traitées…").replace("%1", group_digits(rows)))

    def _on_checked(self, scan: Any, partial: bool) -> None:
        self._end()
        refusal = scan.refusal(partial)
        if refusal is not None:
            self._show_refusal(refusal)
            return
        lines = [str(p) for p in scan.problems]
        valid = scan.total_rows - scan.rejected_rows - scan.suppressed
        text = self.tr("%1 lignes vérifiées : %2 à importer.").replace("%1", group_digits(scan.total_rows)) \
            .replace("%2", group_digits(valid))
        if lines:
            text += " " + self.tr("%1 ligne(s) seront rejetées :", "", scan.rejected_rows).replace(
                "%1", group_digits(scan.rejected_rows))
        self._report(text, lines, "ok")

    def _on_imported(self, report: Any) -> None:
        self._end()
        summary = report.summary()
        lines = [str(p) for p in report.problems]
        text = summary + "." + (" " + self.tr("Lignes rejetées :") if lines else "")
        self._report(text[:1].upper() + text[1:], lines, "ok")
        self.imported.emit(summary[:1].upper() + summary[1:] + ".")

    def _on_failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, SampleRefused):
            self._show_refusal(exc)
        elif isinstance(exc, EtudesError):
            self._report(self.tr("Fichier refusé : rien n'a été importé."), [str(exc)], "error")
        else:
            log.exception("sample import failed", exc_info=exc)
            self._report(self.tr("L'import a échoué : rien n'a été importé."), [type(exc).__name__], "error")

    def _show_refusal(self, refusal: SampleRefused) -> None:
        if refusal.nir:
            title = self.tr("Fichier refusé : il contient un numéro de sécurité sociale (NIR), interdit. "
                            "Rien n'a été importé. Retirez ces données puis recommencez :")
        else:
            title = self.tr("Fichier refusé : rien n'a été importé. Corrigez ces lignes, ou choisissez "
                            "« Importer les lignes valides » :")
        self._report(title, [str(p) for p in refusal.problems], "error")

    # -- what is shown ---------------------------------------------------------------------------
    def _report(self, text: str, lines: list[str], role: str) -> None:
        self.status_label.setText(text)
        set_role(self.status_label, role)
        self.problems_list.clear()
        self.problems_list.addItems(lines[:MAX_SHOWN])
        if len(lines) > MAX_SHOWN:
            more = len(lines) - MAX_SHOWN
            self.problems_list.addItem(self.tr("… et %1 autre(s)", "", more).replace("%1", group_digits(more)))
        self.problems_list.setVisible(bool(lines))

    def _clear_report(self) -> None:
        self.problems_list.clear()
        self.problems_list.hide()
        self.status_label.setText("")
        set_role(self.status_label, "")

    def problem_lines(self) -> list[str]:
        return [self.problems_list.item(i).text() for i in range(self.problems_list.count())]

    def _update_buttons(self) -> None:
        ready = self.path is not None and not self._busy
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.choose_button.setEnabled(not self._busy)
        self.close_button.setEnabled(not self._busy)
