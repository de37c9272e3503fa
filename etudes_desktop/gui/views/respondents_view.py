"""The respondents of the selected study: search, status filter, a lazy table, start buttons.

Layout only: the workspace controller listens to `filters_changed` and gives the model its
query; this widget reports what the person typed, picked and clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.gui.views.labels import group_digits, respondent_status_label
from etudes_desktop.gui.views.respondents_model import RespondentsModel
from etudes_desktop.gui.views.tables import list_table
from etudes_desktop.storage.browse import RESPONDENT_STATUSES, RespondentRow

SEARCH_DELAY_MS = 250
CONTACTABLE = ("to_contact", "in_progress")
APPOINTMENTS = "appointments"  # the filter entry of people with a callback agreed


class RespondentsView(QWidget):
    """Search box, status filter, count, the table, and the buttons that start an interview."""

    filters_changed = Signal()
    start_requested = Signal(object)  # RespondentRow | None (an unnamed respondent)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RespondentsModel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect_signals()
        self._on_selection_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("respondent_search")
        self.search_edit.setPlaceholderText(self.tr("Rechercher : nom, prénom, identifiant, commune ou téléphone"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("respondent_status")
        self.status_combo.setMinimumContentsLength(18)
        self._fill_statuses({})
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.status_combo)
        layout.addLayout(bar)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("respondent_count")
        self.count_label.setProperty("role", "subtitle")
        layout.addWidget(self.count_label)
        self.table = list_table(self, "respondent_table", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the town takes what is left
        header.setMinimumSectionSize(60)
        # Fixed widths from the font: sizing to contents would read every row of a lazy model.
        metrics = self.fontMetrics()
        for column, sample in ((0, "FONTAINE Françoise"), (1, "ECH-0000000"), (3, "00 00 00 00 00"),
                               (4, respondent_status_label("do_not_contact"))):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 18)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("respondent_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.empty_label.hide()
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        buttons = QHBoxLayout()
        self.unnamed_button = QPushButton(self.tr("Entretien sans personne désignée"), self)
        self.unnamed_button.setObjectName("start_unnamed")
        self.start_button = QPushButton(self.tr("Commencer l'entretien"), self)
        self.start_button.setObjectName("start_interview")
        self.start_button.setProperty("role", "primary")
        buttons.addWidget(self.unnamed_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edited)
        self.search_edit.returnPressed.connect(self.apply_filters_now)
        self._search_timer.timeout.connect(self.filters_changed)
        self.status_combo.currentIndexChanged.connect(self._on_status_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_start_clicked)  # double click, or Enter on a row
        QShortcut(QKeySequence.StandardKey.Find, self, self._on_find_shortcut)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.unnamed_button.clicked.connect(self._on_unnamed_clicked)

    # -- what the controller reads and sets ---------------------------------------------------
    def search_text(self) -> str:
        return self.search_edit.text().strip()

    def status_filter(self) -> tuple[str, ...]:
        value = self.status_combo.currentData()
        return tuple(value) if isinstance(value, (tuple, list)) else ()

    def appointments_only(self) -> bool:
        """The "Avec rendez-vous" entry: people with a callback agreed, still to reach."""
        return self.status_combo.currentData() == APPOINTMENTS

    def set_status_filter(self, *statuses: str) -> None:
        """Pick the filter entry for these statuses (none: every status; APPOINTMENTS: callbacks)."""
        wanted: object = APPOINTMENTS if statuses == (APPOINTMENTS,) else tuple(statuses)
        for index in range(self.status_combo.count()):
            data = self.status_combo.itemData(index)
            if (data if data == APPOINTMENTS else tuple(data or ())) == wanted:
                self.status_combo.setCurrentIndex(index)
                return
        raise ValueError(f"no status filter for {statuses}")

    def set_status_counts(self, counts: dict[str, int], appointments: int = 0) -> None:
        """Show how many people each filter entry holds, keeping the current choice."""
        current = (APPOINTMENTS,) if self.appointments_only() else self.status_filter()
        self.status_combo.blockSignals(True)
        self._fill_statuses(counts, appointments)
        self.set_status_filter(*current)
        self.status_combo.blockSignals(False)

    def _fill_statuses(self, counts: dict[str, int], appointments: int = 0) -> None:
        self.status_combo.clear()
        def label(text: str, keys: tuple[str, ...]) -> str:
            return f"{text} ({group_digits(sum(counts.get(k, 0) for k in keys))})" if counts else text
        self.status_combo.addItem(label(self.tr("Tous les statuts"), RESPONDENT_STATUSES), ())
        self.status_combo.addItem(label(self.tr("À contacter ou en cours"), CONTACTABLE), CONTACTABLE)
        with_count = f" ({group_digits(appointments)})" if counts else ""
        self.status_combo.addItem(self.tr("Avec rendez-vous") + with_count, APPOINTMENTS)
        for status in RESPONDENT_STATUSES:
            self.status_combo.addItem(label(respondent_status_label(status), (status,)), (status,))

    def apply_filters_now(self) -> None:
        """Apply the search at once (Enter, or a test) instead of after the typing pause."""
        self._search_timer.stop()
        self.filters_changed.emit()

    def show_count(self, shown: int, total: int, has_study: bool) -> None:
        """'12 345 personnes' or '87 sur 12 345 personnes'; an explanation when empty."""
        if not has_study:
            self.count_label.setText("")
            self._show_empty(self.tr("Choisissez une étude à gauche, ou importez-en une."))
            return
        if shown == total:
            noun = self.tr("personne") if total <= 1 else self.tr("personnes")
            self.count_label.setText(f"{group_digits(total)} {noun}")
        else:
            self.count_label.setText(self.tr("%1 sur %2 personnes").replace("%1", group_digits(shown))
                                     .replace("%2", group_digits(total)))
        if total == 0:
            self._show_empty(self.tr("Aucune personne dans cette étude pour l'instant.\n"
                                     "Importez le fichier d'échantillon reçu : bouton « Importer un échantillon… »."))
        elif shown == 0:
            self._show_empty(self.tr("Personne ne correspond à cette recherche."))
        else:
            self.empty_label.hide()
            self.table.show()

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.table.hide()
        self.empty_label.show()

    def selected_respondent(self) -> RespondentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def set_study_allows_start(self, allowed: bool) -> None:
        self._start_allowed = allowed
        self._on_selection_changed()

    # -- slots ------------------------------------------------------------------------------------
    def _on_search_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_status_changed(self, _index: int) -> None:
        self.apply_filters_now()

    def _on_selection_changed(self, *_args: object) -> None:
        allowed = getattr(self, "_start_allowed", False)
        person = self.selected_respondent()
        self.start_button.setEnabled(allowed and person is not None and person.status in CONTACTABLE)
        self.unnamed_button.setEnabled(allowed)
        if person is not None and person.status not in CONTACTABLE:
            self.start_button.setToolTip(self.tr("Cette personne ne doit pas être sollicitée (%1).")
                                         .replace("%1", respondent_status_label(person.status)))
        else:
            self.start_button.setToolTip("")

    def _on_start_clicked(self, *_args: object) -> None:
        person = self.selected_respondent()
        if person is not None and self.start_button.isEnabled():
            self.start_requested.emit(person)

    def _on_find_shortcut(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_unnamed_clicked(self) -> None:
        self.start_requested.emit(None)
