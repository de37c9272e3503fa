"""Rights requests for one person: access (read, export), rectification, objection.

The person is chosen by study and a search (sample id, name, town, phone), or given by the
caller; each request is a tab of its own (rights_tabs.py). Every request goes through
`storage.rights`, which audits it with ids and counts only. `RightsDialog.show_for(...)` opens it
without blocking; tests drive the same widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.gui.rights_tabs import AccessTab, FolderChooser, ObjectionTab, RectificationTab
from etudes_desktop.gui.views.labels import respondent_status_label
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import Respondent, RespondentRepository
from etudes_desktop.storage.studies import list_studies

SEARCH_LIMIT = 50


def _choose_folder(parent: QWidget) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("RightsDialog",
                                                                                  "Dossier où écrire l'export"))
    return Path(chosen) if chosen else None


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
                 parent: QWidget | None = None) -> RightsDialog:
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
        self.access_tab = AccessTab(self.vault, self._actor, self._choose, self.tabs)
        self.rectification_tab = RectificationTab(self.vault, self._actor, self._labels, self.tabs)
        self.objection_tab = ObjectionTab(self.vault, self._actor, self.tabs)
        self.tabs.addTab(self.access_tab, self.tr("Accès"))
        self.tabs.addTab(self.rectification_tab, self.tr("Rectification"))
        self.tabs.addTab(self.objection_tab, self.tr("Opposition"))
        # The tabs' controls, as tests and the screenshot states reach them from the dialog.
        for tab, names in ((self.access_tab, ("access_button", "export_button", "access_text", "access_message")),
                           (self.rectification_tab, ("field_edits", "rectify_button", "rectify_message")),
                           (self.objection_tab, ("confirm_check", "object_button", "object_message"))):
            for name in names:
                setattr(self, name, getattr(tab, name))
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

    def _connect_signals(self) -> None:
        self.study_combo.currentIndexChanged.connect(self._on_search)
        self.search_edit.textChanged.connect(self._on_search)
        self.people_list.currentItemChanged.connect(self._on_person_chosen)
        for tab in (self.rectification_tab, self.objection_tab):
            tab.changed.connect(self._on_tab_changed)
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

    def _show_person(self, person: Respondent, keep_messages: bool = False) -> None:
        self.person = person
        self.access_tab.show_person(person)
        self.rectification_tab.show_person(person, keep_messages)
        self.objection_tab.show_person(person, keep_messages)
        name = " ".join(p for p in (person.first_name or "", (person.last_name or "").upper()) if p)
        self.person_label.setText(self.tr("Personne : %1 — %2 · statut : %3").replace("%1", person.sample_id)
                                  .replace("%2", name or self.tr("coordonnées effacées"))
                                  .replace("%3", respondent_status_label(person.status)))
        self.tabs.setEnabled(True)

    def _on_tab_changed(self, what: str) -> None:
        """A rectification or an objection: the person is read again, the tab's outcome stays."""
        assert self.person is not None
        fresh = RespondentRepository(self.vault).get(self.person.id)
        if fresh is not None:
            item = self.people_list.currentItem()
            if item is not None:
                item.setData(Qt.ItemDataRole.UserRole, fresh)
                item.setText(self._item_text(fresh))
            self._show_person(fresh, keep_messages=True)
        self.changed.emit(what)

    def export_to(self, folder: Path) -> tuple[Path, Path] | None:
        """Write the shown access document into `folder` (.txt and .json)."""
        return self.access_tab.export_to(folder)

    @property
    def access_data(self) -> dict[str, Any] | None:
        return self.access_tab.access_data

    def _actor(self) -> str | None:
        profile = InterviewStore(self.vault).profile()
        return profile.pseudonym if profile else None
