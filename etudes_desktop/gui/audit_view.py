"""The audit log, read-only: what was done on this laptop (events, ids, counts; never personal data).

`AuditView` is the widget the main window hosts; its model reads through `storage.audit.entries`
and only appends what is new on `refresh()` (the log is append-only).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.gui.views.labels import group_digits, short_datetime
from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle

Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """Audit entries, newest first; five read-only columns."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[audit.AuditEntry] = []
        self._headers = [self.tr("Date"), self.tr("Événement"), self.tr("Enquêteur"), self.tr("Objets"),
                         self.tr("Nombres")]
        self._events = {
            "commitment_signed": self.tr("Engagement de confidentialité signé"),
            "delivery_date_set": self.tr("Date de livraison de l'étude enregistrée"),
            "sync_batch": self.tr("Lot synchronisé"),
            "interview_discarded": self.tr("Entretien en cours abandonné (réponses effacées)"),
            "retention_destroyed": self.tr("Destruction à échéance de conservation"),
            "rights_access": self.tr("Droit d'accès exercé"),
            "rights_rectification": self.tr("Rectification de coordonnées"),
            "rights_objection": self.tr("Opposition enregistrée"),
            "sample.import": self.tr("Échantillon importé"),
            "study_created": self.tr("Étude importée"),
            "study_updated": self.tr("Étude mise à jour"),
            "objection": self.tr("Opposition à l'entretien"),
            "assignment.applied": self.tr("Attribution du bureau d'études reçue"),
            "assignment.refused": self.tr("Attribution du bureau d'études refusée"),
            "study.remote_wiped": self.tr("Données de l'étude détruites à la demande du bureau d'études"),
        }
        self._counts = {
            "accepted": self.tr("acceptés"), "duplicate": self.tr("déjà reçus"), "conflict": self.tr("en conflit"),
            "rejected": self.tr("refusés"), "purged": self.tr("effacés"), "interviews": self.tr("entretiens"),
            "fields": self.tr("champs"), "respondents": self.tr("personnes"), "drafts": self.tr("brouillons"),
            "call_attempts": self.tr("appels"), "interviews_erased": self.tr("entretiens effacés"),
            "answers_erased": self.tr("réponses effacées"), "rows": self.tr("lignes"),
            "imported": self.tr("importées"), "suppressed": self.tr("écartées (liste d'opposition)"),
            "added": self.tr("reçues"), "updated": self.tr("mises à jour"), "dropped": self.tr("retirées"),
            "kept_open": self.tr("gardées (entretien en cours)"), "refused": self.tr("refusées"),
            "refused_nir": self.tr("refusées (NIR)"), "shared_suppression": self.tr("sur la liste d'opposition partagée"),
            "interviews_unsent": self.tr("entretiens non transmis"), "case_events": self.tr("événements de suivi"),
            "study": self.tr("étude"), "group_sessions": self.tr("séances de groupe"),
        }

    # -- the Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # never editable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.event if index.column() == 1 else self.cell(entry, index.column()) or None
        return None

    # -- what a person reads --------------------------------------------------------------------
    def cell(self, entry: audit.AuditEntry, column: int) -> str:
        if column == 0:
            return short_datetime(entry.at)
        if column == 1:
            return self._events.get(entry.event, entry.event)
        if column == 2:
            return entry.actor or "—"
        if column == 3:
            return ", ".join(entry.object_ids)
        shown = [(k, v) for k, v in entry.counts.items() if v] or list(entry.counts.items())[:1]
        return ", ".join(f"{self._counts.get(k, k)} : {group_digits(v) if isinstance(v, int) else v}"
                         for k, v in shown)

    def event_label(self, event: str) -> str:
        return self._events.get(event, event)

    def load(self, entries: list[audit.AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))
        self.endResetModel()

    def prepend(self, newer: list[audit.AuditEntry]) -> None:
        if not newer:
            return
        self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
        self.entries[:0] = list(reversed(newer))
        self.endInsertRows()

    @property
    def last_id(self) -> int:
        return self.entries[0].id if self.entries else 0


class AuditView(QWidget):
    """The journal of the vault: a read-only table, newest first, with "Actualiser"."""

    def __init__(self, services: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_view")
        self.vault: VaultHandle | None = None
        self.model = AuditModel(self)
        self._build()
        self._connect_signals(services)
        self.bind(getattr(services, "vault", None))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        title = QLabel(self.tr("Journal d'audit"), self)
        title.setProperty("role", "title")
        intro = QLabel(self.tr("Ce qui a été fait sur ce poste : événements, identifiants et nombres, jamais de "
                               "données personnelles. Le journal ne peut être ni modifié ni effacé."), self)
        intro.setWordWrap(True)
        intro.setProperty("role", "subtitle")
        row = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("audit_count")
        self.refresh_button = QPushButton(self.tr("Actualiser"), self)
        self.refresh_button.setObjectName("audit_refresh")
        row.addWidget(self.count_label, 1)
        row.addWidget(self.refresh_button)
        self.table = QTableView(self)
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def _connect_signals(self, services: Any) -> None:
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        hub = getattr(services, "hub", None)
        if hub is not None:
            hub.vault_opened.connect(self.bind)
            hub.vault_locked.connect(self.unbind)

    def bind(self, vault: VaultHandle) -> None:
        """Show the journal of this open vault (None: show nothing)."""
        self.vault = vault
        self.model.load(audit.entries(vault.conn) if vault is not None else [])
        self.refresh_button.setEnabled(vault is not None)
        self._show_count()

    def unbind(self) -> None:
        self.bind(None)

    def refresh(self) -> None:
        """Add the entries written since the last read."""
        if self.vault is not None:
            self.model.prepend(audit.entries(self.vault.conn, since_id=self.model.last_id))
            self._show_count()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """New entries are written while the view is hidden: add them on show."""
        super().showEvent(event)
        self.refresh()

    def rows(self) -> list[list[str]]:
        """What the person reads, row by row (tests, screenshots)."""
        return [[self.model.cell(e, c) for c in range(self.model.columnCount())] for e in self.model.entries]

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.count_label.setText(self.tr("Aucune entrée."))
        elif count == 1:
            self.count_label.setText(self.tr("1 entrée."))
        else:
            self.count_label.setText(self.tr("%1 entrées.").replace("%1", group_digits(count)))
        self.table.resizeColumnsToContents()

    def _on_refresh_clicked(self) -> None:
        self.refresh()
