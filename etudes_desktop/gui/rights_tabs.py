"""The three requests of the rights dialog, a widget each: access, rectification, objection.

Each tab is given the open vault and who is acting, shows one person (`show_person`), runs its
request through `storage.rights` and says the outcome beside its button. The dialog
(rights_dialog.py) chooses the person and re-reads them when a tab reports a change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.gui.i18n import SOURCE_LANGUAGE, current_language
from etudes_desktop.gui.style import monospace_font, set_role
from etudes_desktop.gui.views.labels import phone_text
from etudes_desktop.storage import rights
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.respondents import Respondent
from etudes_desktop.storage.rights import write_access_export

IDENTITY_FIELDS = ("title", "last_name", "first_name", "sex", "age", "birth_date", "profession")
Actor = Callable[[], "str | None"]
FolderChooser = Callable[[QWidget], "Path | None"]


def display_value(value: Any, name: str) -> str:
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


class _RequestTab(QWidget):
    """What the three tabs share: the vault, the actor, the person shown, the outcome line."""

    changed = Signal(str)  # what changed in the vault: "rectification" or "objection"

    def __init__(self, vault: VaultHandle, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault, self._actor = vault, actor
        self.person: Respondent | None = None

    def _error(self, label: QLabel, exc: EtudesError) -> None:
        text = exc.message if current_language() == SOURCE_LANGUAGE else self.tr("La demande a été refusée.")
        label.setText(text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."))
        set_role(label, "error")

    @staticmethod
    def _ok(label: QLabel, text: str) -> None:
        label.setText(text)
        set_role(label, "ok")


class AccessTab(_RequestTab):
    """Everything this laptop holds on the person, shown and exported for them."""

    def __init__(self, vault: VaultHandle, actor: Actor, choose_folder: FolderChooser, parent: QWidget | None = None) -> None:
        super().__init__(vault, actor, parent)
        self._choose = choose_folder
        self.access_data: dict[str, Any] | None = None
        column = QVBoxLayout(self)
        intro = QLabel(self.tr("Tout ce que ce poste détient sur la personne : coordonnées, mentions "
                               "d'information, entretiens non encore transmis, traces des envois."), self)
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        self.access_button = QPushButton(self.tr("Afficher les données détenues"), self)
        self.access_button.setObjectName("access_button")
        self.export_button = QPushButton(self.tr("Exporter…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.setEnabled(False)
        buttons.addWidget(self.access_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self.access_text = QPlainTextEdit(self)
        self.access_text.setObjectName("access_text")
        self.access_text.setReadOnly(True)
        self.access_text.setFont(monospace_font(10))
        self.access_message = QLabel(self)
        self.access_message.setObjectName("access_message")
        self.access_message.setWordWrap(True)
        column.addWidget(intro)
        column.addLayout(buttons)
        column.addWidget(self.access_text, 1)
        column.addWidget(self.access_message)
        self.access_button.clicked.connect(self._on_access_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)

    def show_person(self, person: Respondent) -> None:
        self.person = person
        self.access_data = None
        self.access_text.clear()
        self.export_button.setEnabled(False)
        self.access_message.clear()

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


class RectificationTab(_RequestTab):
    """The person's contact fields, corrected and validated as the import validates them."""

    def __init__(self, vault: VaultHandle, actor: Actor, labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(vault, actor, parent)
        self._labels = labels
        column = QVBoxLayout(self)
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        form.setHorizontalSpacing(10)
        self.field_edits: dict[str, QLineEdit] = {}
        columns = (IDENTITY_FIELDS, tuple(n for n in rights.RECTIFIABLE if n not in IDENTITY_FIELDS))
        for side, names in enumerate(columns):  # the person on the left, how to reach them on the right
            for line, name in enumerate(names):
                edit = QLineEdit(self)
                edit.setObjectName(f"rectify_{name}")
                self.field_edits[name] = edit
                label = QLabel(self.tr("%1 :").replace("%1", labels.get(name, name)), self)
                label.setBuddy(edit)
                form.addWidget(label, line, side * 2)
                form.addWidget(edit, line, side * 2 + 1)
        self.rectify_button = QPushButton(self.tr("Enregistrer les corrections"), self)
        self.rectify_button.setObjectName("rectify_button")
        self.rectify_button.setProperty("role", "primary")
        self.rectify_message = QLabel(self)
        self.rectify_message.setObjectName("rectify_message")
        self.rectify_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.rectify_message, 1)
        row.addWidget(self.rectify_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(form)
        column.addLayout(row)
        column.addStretch(1)
        self.rectify_button.clicked.connect(self._on_rectify_clicked)

    def show_person(self, person: Respondent, keep_message: bool = False) -> None:
        self.person = person
        if not keep_message:
            self.rectify_message.clear()
        erased = person.status in ("objected", "erased")
        for name, edit in self.field_edits.items():
            edit.setText(display_value(getattr(person, name), name))
            edit.setEnabled(not erased)
        self.rectify_button.setEnabled(not erased)

    def _on_rectify_clicked(self) -> None:
        if self.person is None:
            return
        changes = {name: edit.text() for name, edit in self.field_edits.items()
                   if edit.text().strip() != display_value(getattr(self.person, name), name)}
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
        self._ok(self.rectify_message, self.tr("Coordonnées corrigées : %1.").replace("%1", fields))
        self.changed.emit("rectification")


class ObjectionTab(_RequestTab):
    """The objection, confirmed, then definitive: contact and unsent answers erased, suppressed."""

    def __init__(self, vault: VaultHandle, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(vault, actor, parent)
        column = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "L'opposition efface les coordonnées de la personne et ses réponses non encore transmises, "
            "l'inscrit sur la liste d'opposition (elle ne sera plus contactée pour cette étude) et enregistre "
            "la demande au journal d'audit. Cette opération est définitive."), self)
        intro.setWordWrap(True)
        self.confirm_check = QCheckBox(self.tr("Je confirme que la personne s'oppose au traitement de ses données."),
                                       self)
        self.confirm_check.setObjectName("objection_confirm")
        self.object_button = QPushButton(self.tr("Enregistrer l'opposition"), self)
        self.object_button.setObjectName("objection_button")
        self.object_button.setEnabled(False)
        self.object_message = QLabel(self)
        self.object_message.setObjectName("objection_message")
        self.object_message.setWordWrap(True)
        column.addWidget(intro)
        column.addWidget(self.confirm_check)
        column.addWidget(self.object_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.object_message)
        column.addStretch(1)
        self.confirm_check.toggled.connect(self._on_confirm_toggled)
        self.object_button.clicked.connect(self._on_object_clicked)

    def show_person(self, person: Respondent, keep_message: bool = False) -> None:
        self.person = person
        if not keep_message:
            self.object_message.clear()
        self.confirm_check.setChecked(False)
        self.confirm_check.setEnabled(person.status != "objected")

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
        interviews, answers = counts["interviews_erased"], counts["answers_erased"]
        self._ok(self.object_message, self.tr(
            "Opposition enregistrée : %1 et %2 ; la personne ne sera plus contactée.")
            .replace("%1", self.tr("%1 entretien(s) non transmis", "", interviews).replace("%1", str(interviews)))
            .replace("%2", self.tr("%1 réponse(s) effacée(s)", "", answers).replace("%1", str(answers))))
        self.changed.emit("objection")
