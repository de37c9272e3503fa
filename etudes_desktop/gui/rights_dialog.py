"""Rights requests for one person: access (read, export), rectification, objection.

The person is chosen by study and a search (sample id, name, town, phone), or given by the
caller. Every request goes through `storage.rights`, which audits it with ids and counts only.
`RightsDialog.show_for(...)` opens it without blocking; tests drive the same widgets.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.gui.i18n import SOURCE_LANGUAGE, current_language
from etudes_desktop.gui.style import monospace_font, set_role
from etudes_desktop.gui.views.labels import phone_text, respondent_status_label
from etudes_desktop.storage import rights
from etudes_desktop.storage.rights import write_access_export
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import Respondent, RespondentRepository
from etudes_desktop.storage.studies import list_studies

FolderChooser = Callable[[QWidget], "Path | None"]
SEARCH_LIMIT = 50
IDENTITY_FIELDS = ("title", "last_name", "first_name", "sex", "age", "birth_date", "profession")


def _choose_folder(parent: QWidget) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("RightsDialog",
                                                                                  "Dossier où écrire l'export"))
    return Path(chosen) if chosen else None


def _display(value: Any, name: str) -> str:
    """A stored contact value as the form shows it (dates and phones as a French reader writes them)."""
    if value in (None, ""):
        return ""
    if name == "birth_date":
        try:
            return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        except ValueError:
            return str(value)
    if name in ("phone", "phone2"):
        return phone_text(str(value))
    return str(value)


class RightsDialog(QDialog):
    """One person, three requests."""

    changed = Signal(str)  # "rectification" or "objection": the person's data changed in the vault

    def __init__(self, services: Any, study_id: str | None = None, sample_id: str | None = None,
                 parent: QWidget | None = None, *, folder_chooser: FolderChooser | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rights_dialog")
        self.setWindowTitle(self.tr("Droits des personnes"))
        self.resize(760, 640)
        self.vault = services.vault
        self.person: Respondent | None = None
        self.access_data: dict[str, Any] | None = None
        self._choose = folder_chooser or _choose_folder
        self._labels = self._field_labels()
        self._build()
        self._connect_signals()
        self._fill_studies(study_id)
        if study_id and sample_id:
            self.select(study_id, sample_id)
        else:
            self._on_search()

    @classmethod
    def show_for(cls, services: Any, study_id: str | None = None, sample_id: str | None = None,
                 parent: QWidget | None = None) -> "RightsDialog":
        """Open the dialog window-modal, without blocking; return it."""
        dialog = cls(services, study_id, sample_id, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _field_labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Civilité"), "last_name": self.tr("Nom"), "first_name": self.tr("Prénom"),
            "sex": self.tr("Sexe"), "age": self.tr("Âge"), "birth_date": self.tr("Date de naissance"),
            "address": self.tr("Adresse"), "postcode": self.tr("Code postal"), "town": self.tr("Commune"),
            "phone": self.tr("Téléphone"), "phone2": self.tr("Téléphone 2"), "email": self.tr("E-mail"),
            "profession": self.tr("Profession"),
        }

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Demande d'accès, de rectification ou d'opposition d'une personne de "
                               "l'échantillon. Chaque demande est inscrite au journal d'audit."), self)
        intro.setWordWrap(True)
        chooser = QFormLayout()
        self.study_combo = QComboBox(self)
        self.study_combo.setObjectName("rights_study")
        self.study_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("rights_search")
        self.search_edit.setPlaceholderText(self.tr("Identifiant, nom, commune ou téléphone"))
        self.search_edit.setClearButtonEnabled(True)
        chooser.addRow(self.tr("Étude :"), self.study_combo)
        chooser.addRow(self.tr("Rechercher :"), self.search_edit)
        self.people_list = QListWidget(self)
        self.people_list.setObjectName("rights_people")
        self.people_list.setMaximumHeight(130)
        self.person_label = QLabel(self.tr("Choisissez la personne concernée dans la liste."), self)
        self.person_label.setObjectName("rights_person")
        self.person_label.setProperty("role", "subtitle")
        self.person_label.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_access(), self.tr("Accès"))
        self.tabs.addTab(self._build_rectification(), self.tr("Rectification"))
        self.tabs.addTab(self._build_objection(), self.tr("Opposition"))
        self.tabs.setEnabled(False)
        self.close_button = QPushButton(self.tr("Fermer"), self)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.people_list)
        layout.addWidget(self.person_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(closing)

    def _build_access(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        intro = QLabel(self.tr("Tout ce que ce poste détient sur la personne : coordonnées, mentions "
                               "d'information, entretiens non encore transmis, traces des envois."), page)
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        self.access_button = QPushButton(self.tr("Afficher les données détenues"), page)
        self.access_button.setObjectName("access_button")
        self.export_button = QPushButton(self.tr("Exporter…"), page)
        self.export_button.setObjectName("export_button")
        self.export_button.setEnabled(False)
        buttons.addWidget(self.access_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self.access_text = QPlainTextEdit(page)
        self.access_text.setObjectName("access_text")
        self.access_text.setReadOnly(True)
        self.access_text.setFont(monospace_font(10))
        self.access_message = QLabel(page)
        self.access_message.setObjectName("access_message")
        self.access_message.setWordWrap(True)
        column.addWidget(intro)
        column.addLayout(buttons)
        column.addWidget(self.access_text, 1)
        column.addWidget(self.access_message)
        return page

    def _build_rectification(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        form.setHorizontalSpacing(10)
        self.field_edits: dict[str, QLineEdit] = {}
        columns = (IDENTITY_FIELDS, tuple(n for n in rights.RECTIFIABLE if n not in IDENTITY_FIELDS))
        for side, names in enumerate(columns):  # the person on the left, how to reach them on the right
            for line, name in enumerate(names):
                edit = QLineEdit(page)
                edit.setObjectName(f"rectify_{name}")
                self.field_edits[name] = edit
                label = QLabel(self.tr("%1 :").replace("%1", self._labels.get(name, name)), page)
                label.setBuddy(edit)
                form.addWidget(label, line, side * 2)
                form.addWidget(edit, line, side * 2 + 1)
        self.rectify_button = QPushButton(self.tr("Enregistrer les corrections"), page)
        self.rectify_button.setObjectName("rectify_button")
        self.rectify_button.setProperty("role", "primary")
        self.rectify_message = QLabel(page)
        self.rectify_message.setObjectName("rectify_message")
        self.rectify_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.rectify_message, 1)
        row.addWidget(self.rectify_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(form)
        column.addLayout(row)
        column.addStretch(1)
        return page

    def _build_objection(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        intro = QLabel(self.tr(
            "L'opposition efface les coordonnées de la personne et ses réponses non encore transmises, "
            "l'inscrit sur la liste d'opposition (elle ne sera plus contactée pour cette étude) et enregistre "
            "la demande au journal d'audit. Cette opération est définitive."), page)
        intro.setWordWrap(True)
        self.confirm_check = QCheckBox(self.tr("Je confirme que la personne s'oppose au traitement de ses données."),
                                       page)
        self.confirm_check.setObjectName("objection_confirm")
        self.object_button = QPushButton(self.tr("Enregistrer l'opposition"), page)
        self.object_button.setObjectName("objection_button")
        self.object_button.setEnabled(False)
        self.object_message = QLabel(page)
        self.object_message.setObjectName("objection_message")
        self.object_message.setWordWrap(True)
        column.addWidget(intro)
        column.addWidget(self.confirm_check)
        column.addWidget(self.object_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.object_message)
        column.addStretch(1)
        return page

    def _connect_signals(self) -> None:
        self.study_combo.currentIndexChanged.connect(self._on_search)
        self.search_edit.textChanged.connect(self._on_search)
        self.people_list.currentItemChanged.connect(self._on_person_chosen)
        self.access_button.clicked.connect(self._on_access_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.rectify_button.clicked.connect(self._on_rectify_clicked)
        self.confirm_check.toggled.connect(self._on_confirm_toggled)
        self.object_button.clicked.connect(self._on_object_clicked)
        self.close_button.clicked.connect(self.accept)

    # -- choosing the person ----------------------------------------------------------------------
    def _fill_studies(self, study_id: str | None) -> None:
        self.study_combo.blockSignals(True)
        for study in list_studies(self.vault):
            self.study_combo.addItem(f"{study.title} ({study.id})", study.id)
        if study_id is not None and (index := self.study_combo.findData(study_id)) >= 0:
            self.study_combo.setCurrentIndex(index)
        self.study_combo.blockSignals(False)

    @property
    def study_id(self) -> str | None:
        return self.study_combo.currentData()

    def select(self, study_id: str, sample_id: str) -> bool:
        """Choose the person by study and sample id; False (and a message) when unknown."""
        if (index := self.study_combo.findData(study_id)) >= 0:
            self.study_combo.setCurrentIndex(index)
        self.search_edit.setText(sample_id)
        for row in range(self.people_list.count()):
            item = self.people_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole).sample_id == sample_id:
                self.people_list.setCurrentItem(item)
                return True
        self.person_label.setText(self.tr("Aucune personne d'identifiant « %1 » dans cette étude.").replace(
            "%1", sample_id))
        return False

    def _on_search(self) -> None:
        self.people_list.clear()
        if self.study_id is None:
            return
        for person in RespondentRepository(self.vault).search(self.study_id, self.search_edit.text(), SEARCH_LIMIT):
            item = QListWidgetItem(self._item_text(person), self.people_list)
            item.setData(Qt.ItemDataRole.UserRole, person)

    def _item_text(self, person: Respondent) -> str:
        name = " ".join(part for part in ((person.last_name or "").upper(), person.first_name or "") if part)
        town = f" ({person.town})" if person.town else ""
        return f"{person.sample_id} — {name or self.tr('coordonnées effacées')}{town}"

    def _on_person_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._show_person(current.data(Qt.ItemDataRole.UserRole))

    def _show_person(self, person: Respondent) -> None:
        self.person = person
        self.access_data = None
        self.access_text.clear()
        self.export_button.setEnabled(False)
        for label in (self.access_message, self.rectify_message, self.object_message):
            label.clear()
        self.confirm_check.setChecked(False)
        erased = person.status in ("objected", "erased")
        for name, edit in self.field_edits.items():
            edit.setText(_display(getattr(person, name), name))
            edit.setEnabled(not erased)
        self.rectify_button.setEnabled(not erased)
        self.confirm_check.setEnabled(person.status != "objected")
        name = " ".join(p for p in (person.first_name or "", (person.last_name or "").upper()) if p)
        self.person_label.setText(self.tr("Personne : %1 — %2 · statut : %3").replace("%1", person.sample_id)
                                  .replace("%2", name or self.tr("coordonnées effacées"))
                                  .replace("%3", respondent_status_label(person.status)))
        self.tabs.setEnabled(True)

    def _reload_person(self) -> None:
        assert self.person is not None
        fresh = RespondentRepository(self.vault).get(self.person.id)
        if fresh is not None:
            item = self.people_list.currentItem()
            if item is not None:
                item.setData(Qt.ItemDataRole.UserRole, fresh)
                item.setText(self._item_text(fresh))
            self._show_person(fresh)

    # -- the requests -----------------------------------------------------------------------------
    def _actor(self) -> str | None:
        profile = InterviewStore(self.vault).profile()
        return profile.pseudonym if profile else None

    def _error(self, label: QLabel, exc: EtudesError) -> None:
        text = exc.message if current_language() == SOURCE_LANGUAGE else self.tr("La demande a été refusée.")
        label.setText(text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."))
        set_role(label, "error")

    def _ok(self, label: QLabel, text: str) -> None:
        label.setText(text)
        set_role(label, "ok")

    def _on_access_clicked(self) -> None:
        if self.person is None:
            return
        try:
            self.access_data = rights.access(self.vault, self.person.study_id, self.person.sample_id, self._actor())
        except EtudesError as exc:
            self._error(self.access_message, exc)
            return
        self.access_text.setPlainText(rights.access_text(self.access_data))
        self.export_button.setEnabled(True)
        self.access_message.clear()

    def export_to(self, folder: Path) -> tuple[Path, Path] | None:
        """Write the shown access document into `folder` (.txt and .json)."""
        if self.access_data is None or self.person is None:
            return None
        try:
            written = write_access_export(self.access_data, folder, self.person.sample_id)
        except OSError:
            self.access_message.setText(self.tr("Impossible d'écrire dans ce dossier : choisissez-en un autre."))
            set_role(self.access_message, "error")
            return None
        self._ok(self.access_message, self.tr("Export écrit : %1 et %2. À remettre à la personne, puis à supprimer "
                                              "de ce poste.").replace("%1", written[0].name)
                 .replace("%2", written[1].name))
        self.access_message.setToolTip(str(folder))
        return written

    def _on_export_clicked(self) -> None:
        folder = self._choose(self)
        if folder is not None:
            self.export_to(folder)

    def _on_rectify_clicked(self) -> None:
        if self.person is None:
            return
        changes = {name: edit.text() for name, edit in self.field_edits.items()
                   if edit.text().strip() != _display(getattr(self.person, name), name)}
        if not changes:
            self.rectify_message.setText(self.tr("Aucune modification à enregistrer."))
            set_role(self.rectify_message, "warn")
            return
        try:
            rights.rectify(self.vault, self.person.study_id, self.person.sample_id, changes, self._actor())
        except EtudesError as exc:
            self._error(self.rectify_message, exc)
            return
        fields = ", ".join(self._labels[name] for name in changes)
        self._reload_person()
        self._ok(self.rectify_message, self.tr("Coordonnées corrigées : %1.").replace("%1", fields))
        self.changed.emit("rectification")

    def _on_confirm_toggled(self, checked: bool) -> None:
        self.object_button.setEnabled(checked and self.person is not None)

    def _on_object_clicked(self) -> None:
        if self.person is None or not self.confirm_check.isChecked():
            return
        try:
            counts = rights.object_to_processing(self.vault, self.person.study_id, self.person.sample_id,
                                                 self._actor())
        except EtudesError as exc:
            self._error(self.object_message, exc)
            return
        self._reload_person()
        interviews, answers = counts["interviews_erased"], counts["answers_erased"]
        self._ok(self.object_message, self.tr(
            "Opposition enregistrée : %1 et %2 ; la personne ne sera plus contactée.")
            .replace("%1", self.tr("%1 entretien(s) non transmis", "", interviews).replace("%1", str(interviews)))
            .replace("%2", self.tr("%1 réponse(s) effacée(s)", "", answers).replace("%1", str(answers))))
        self.changed.emit("objection")
