"""The workspace after unlock: studies, counters, respondents and interviews of the chosen study.

`WorkspaceView` is the widget the main window hosts (layout and a small public API);
`WorkspaceController` holds the logic: it reads through storage.browse, swaps the lazy models'
queries, runs imports, and follows the vault being opened and locked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from etudes_desktop.gui.calls import CallbackList
from etudes_desktop.gui.style import set_role
from etudes_desktop.gui.views.counters import CountersBar
from etudes_desktop.gui.views.interviews_view import InterviewsView
from etudes_desktop.gui.views.labels import group_digits
from etudes_desktop.gui.views.respondents_view import RespondentsView
from etudes_desktop.gui.views.sample_import_dialog import SampleImportDialog
from etudes_desktop.gui.views.services import WorkspaceServices
from etudes_desktop.gui.views.studies import StudiesPanel
from etudes_desktop.gui.views.study_import import ProblemsPanel, StudyImporter
from etudes_desktop.storage import browse
from etudes_desktop.storage.handle import VaultHandle


class WorkspaceView(QWidget):
    """Studies on the left; counters, then respondents and interviews tabs on the right."""

    start_interview_requested = Signal(str, object)  # study id, respondent id (int) or None
    resume_interview_requested = Signal(str)  # interview id
    discard_interview_requested = Signal(str)  # interview id (a draft; the interviewer confirmed)

    def __init__(self, services: WorkspaceServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace_view")
        self.services = services
        self._build()
        self.importer = StudyImporter(services, self)
        self.controller = WorkspaceController(self, services)

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.studies = StudiesPanel(splitter)
        right = QWidget(splitter)
        column = QVBoxLayout(right)
        column.setContentsMargins(12, 0, 0, 0)
        self.study_title = QLabel(right)
        self.study_title.setObjectName("study_title")
        self.study_title.setProperty("role", "title")
        self.study_title.setWordWrap(True)
        self.message_label = QLabel(right)
        self.message_label.setObjectName("workspace_message")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.problems = ProblemsPanel(right)
        self.counters = CountersBar(right)
        self.tabs = QTabWidget(right)
        self.tabs.setObjectName("workspace_tabs")
        self.respondents = RespondentsView(self.tabs)
        self.interviews = InterviewsView(self.tabs)
        self.callbacks = CallbackList(parent=self.tabs)
        self.callbacks.setObjectName("callbacks_agenda")
        self.callbacks.setMinimumSize(0, 0)  # the tab gives it the room of the lists
        self.tabs.addTab(self.respondents, self.tr("Personnes à interroger"))
        self.tabs.addTab(self.interviews, self.tr("Entretiens"))
        self.tabs.addTab(self.callbacks, self.tr("Rappels"))
        for widget in (self.study_title, self.message_label, self.problems, self.counters):
            column.addWidget(widget)
        column.addWidget(self.tabs, 1)
        splitter.addWidget(self.studies)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 760])
        layout.addWidget(splitter)

    # -- the public API (the main window, the interview screens, tests) -------------------------
    def bind(self, vault: VaultHandle) -> None:
        """Show what this open vault holds."""
        self.controller.bind(vault)

    def unbind(self) -> None:
        """The vault was locked: drop every row shown (no personal data stays on screen)."""
        self.controller.unbind()

    def refresh(self) -> None:
        """Re-read studies, counters and lists (after an interview was started or completed)."""
        self.controller.refresh()

    def select_study(self, study_id: str) -> None:
        self.studies.select(study_id)

    def current_study_id(self) -> str:
        return self.controller.study_id

    def import_study_file(self, path: str | Path) -> None:
        """Import an XLSForm or study package (what the file dialog calls with its choice)."""
        self.importer.import_file(path)

    def open_sample_import(self, path: str | Path | None = None) -> SampleImportDialog | None:
        """Open the sample import dialog for the selected study (window-modal, not blocking)."""
        return self.controller.open_sample_import(path)

    def show_callbacks(self) -> None:
        """The callbacks agenda of the current study, due ones first (menu Affichage, Ctrl+4)."""
        self.tabs.setCurrentWidget(self.callbacks)
        self.callbacks.table.setFocus()

    def show_message(self, text: str, role: str = "ok") -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)
        self.message_label.setVisible(bool(text))


class WorkspaceController(QObject):
    """Reads through storage.browse and keeps the view in step with the vault."""

    def __init__(self, view: WorkspaceView, services: WorkspaceServices) -> None:
        super().__init__(view)
        self.view = view
        self.services = services
        self.study_id = ""
        self._summaries: dict[str, browse.StudySummary] = {}
        self.sample_dialog: SampleImportDialog | None = None
        self._connect_signals()
        if services.vault is not None:
            self.bind(services.vault)
        else:
            self.unbind()

    def _connect_signals(self) -> None:
        view = self.view
        view.studies.study_selected.connect(self._on_study_selected)
        view.studies.import_study_clicked.connect(self._on_import_study_clicked)
        view.studies.import_sample_clicked.connect(self._on_import_sample_clicked)
        view.respondents.filters_changed.connect(self._on_respondent_filters_changed)
        view.respondents.start_requested.connect(self._on_start_requested)
        view.interviews.filters_changed.connect(self._on_interview_filters_changed)
        view.interviews.resume_requested.connect(view.resume_interview_requested)
        view.interviews.discard_requested.connect(view.discard_interview_requested)
        view.callbacks.call_requested.connect(self._on_callback_call)
        view.importer.started.connect(self._on_import_started)
        view.importer.imported.connect(self._on_study_imported)
        view.importer.refused.connect(self._on_study_refused)
        hub = self.services.hub
        if hub is not None:
            hub.vault_opened.connect(self.bind)
            hub.vault_locked.connect(self.unbind)
            hub.interviews_changed.connect(self._on_vault_data_changed)

    @property
    def vault(self) -> Any:
        return self.services.vault

    def bind(self, vault: VaultHandle) -> None:
        """Show the list first; interviews are counted right after it is painted."""
        self.services.vault = vault
        self.view.studies.import_study_button.setEnabled(True)
        self.refresh(interviews_later=True)

    def unbind(self) -> None:
        self.services.vault = None
        if self.sample_dialog is not None:
            self.sample_dialog.reject()
            self.sample_dialog = None
        self._summaries.clear()
        self.study_id = ""
        view = self.view
        view.respondents.model.clear()
        view.interviews.model.clear()
        view.callbacks.show_callbacks([], {})
        view.respondents.search_edit.clear()
        view.studies.show_studies([])
        view.studies.import_study_button.setEnabled(False)
        view.problems.hide()
        view.show_message("")

    def _on_vault_data_changed(self) -> None:
        self.refresh()

    def refresh(self, interviews_later: bool = False) -> None:
        """Studies with their counters; the current study stays selected."""
        if self.vault is None:
            return
        summaries = browse.studies(self.vault, interviews=not interviews_later)
        if interviews_later:
            QTimer.singleShot(0, self._on_interview_counts_due)
        self._summaries = {s.id: s for s in summaries}
        keep = self.study_id or None
        places = [self._place(v.table) for v in (self.view.respondents, self.view.interviews)]
        self.study_id = ""  # show_studies re-selects and reloads the lists
        self.view.studies.show_studies(summaries, keep)
        if keep is not None and self.study_id == keep:  # back where the interviewer was in each list
            for v, place in zip((self.view.respondents, self.view.interviews), places):
                self._restore(v.table, place)

    def _on_interview_counts_due(self) -> None:
        if self.vault is None or all(s.interviews_known for s in self._summaries.values()):
            return
        states, purged = browse.interview_counts(self.vault)
        self._summaries = {k: browse.with_interviews(s, states.get(k, {}), purged.get(k, 0))
                           for k, s in self._summaries.items()}
        summary = self._summaries.get(self.study_id)
        if summary is not None:
            self.view.counters.show_counters(summary.counters)
            self._on_interview_filters_changed()

    @staticmethod
    def _place(table: Any) -> tuple[int, int]:
        rows = table.selectionModel().selectedRows()
        return table.verticalScrollBar().value(), rows[0].row() if rows else -1

    @staticmethod
    def _restore(table: Any, place: tuple[int, int]) -> None:
        scrolled, selected = place
        if 0 <= selected < table.model().rowCount():
            table.selectRow(selected)
        table.doItemsLayout()  # the scroll bar's range follows the new row count now, not later
        table.verticalScrollBar().setValue(scrolled)

    # -- the selected study -------------------------------------------------------------------
    def _on_study_selected(self, study_id: str) -> None:
        self.study_id = study_id
        view = self.view
        summary = self._summaries.get(study_id)
        view.counters.show_counters(summary.counters if summary else None,
                                    summary.interviews_known if summary else True)
        if summary is None or self.vault is None:
            view.study_title.setText(self.tr("Aucune étude sélectionnée"))
            view.respondents.model.clear()
            view.interviews.model.clear()
            view.respondents.show_count(0, 0, has_study=False)
            view.interviews.show_count(0)
            view.respondents.set_study_allows_start(False)
            view.callbacks.show_callbacks([], {})
            return
        view.study_title.setText(summary.title)
        view.study_title.setToolTip(self.tr("Identifiant %1, version %2").replace("%1", summary.id)
                                    .replace("%2", summary.version))
        self._show_callbacks()  # read once: the agenda, and how many people the filter entry holds
        view.respondents.set_status_counts(summary.by_status, len(view.callbacks.rows))
        view.respondents.set_study_allows_start(summary.closed_at is None)
        self._on_respondent_filters_changed()
        self._on_interview_filters_changed()

    def _show_callbacks(self) -> None:
        from etudes_desktop.storage.interviews import InterviewStore

        callbacks = self.view.callbacks
        callbacks.refresh(InterviewStore(self.vault), self.vault, self.study_id)
        due = len(callbacks.rows)
        index = self.view.tabs.indexOf(callbacks)
        self.view.tabs.setTabText(index, self.tr("Rappels (%1)").replace("%1", group_digits(due)) if due
                                  else self.tr("Rappels"))

    def _on_callback_call(self, respondent_id: int) -> None:
        if self.study_id:
            self.view.start_interview_requested.emit(self.study_id, respondent_id)

    def _on_respondent_filters_changed(self) -> None:
        vault, view = self.vault, self.view.respondents
        summary = self._summaries.get(self.study_id)
        if vault is None or summary is None:
            return
        query = browse.RespondentQuery(self.study_id, view.search_text(), view.status_filter(),
                                       appointments=view.appointments_only())
        if query.search or query.appointments:  # one pass over the index: the matching ids give the count and the pages
            ids = browse.respondent_ids(vault, query)
            view.model.set_source(lambda: len(ids), lambda offset, limit, _after: browse.respondents_by_ids(
                vault, ids[offset:offset + limit]))
        else:  # the summary already counted them per status; pages are read as they are shown
            view.model.set_source(lambda: summary.respondents_with(query.statuses), lambda offset, limit, after:
                                  browse.respondents_page(vault, query, offset, limit, after))
        view.show_count(view.model.rowCount(), summary.counters.respondents, has_study=True)

    def _on_interview_filters_changed(self) -> None:
        vault, view = self.vault, self.view.interviews
        summary = self._summaries.get(self.study_id)
        if vault is None or summary is None or not summary.interviews_known:
            view.model.clear()
            return
        query = browse.InterviewQuery(self.study_id, view.state_filter())
        view.model.set_source(lambda: summary.interviews_with(query.states),
                              lambda offset, limit, _after: browse.interviews_page(vault, query, offset, limit))
        view.show_count(view.model.rowCount())

    def _on_start_requested(self, person: browse.RespondentRow | None) -> None:
        if self.study_id:
            self.view.start_interview_requested.emit(self.study_id, person.id if person is not None else None)

    # -- imports ----------------------------------------------------------------------------------
    def _on_import_study_clicked(self) -> None:
        self.view.importer.choose_file(self.view)

    def _on_import_started(self, name: str) -> None:
        self.view.problems.hide()
        self.view.show_message(self.tr("Vérification de « %1 »…").replace("%1", name), "")

    def _on_study_imported(self, study_id: str, outcome: str) -> None:
        texts = {"created": self.tr("Étude « %1 » importée."), "updated": self.tr("Étude « %1 » mise à jour."),
                 "unchanged": self.tr("Étude « %1 » déjà à jour : rien n'a changé.")}
        self.study_id = study_id
        self.refresh()
        title = self._summaries[study_id].title if study_id in self._summaries else study_id
        self.view.show_message(texts.get(outcome, texts["created"]).replace("%1", title), "ok")
        self._status(self.tr("Étude importée."))

    def _on_study_refused(self, name: str, lines: list[str]) -> None:
        self.view.show_message("")
        count = len(lines)
        title = (self.tr("« %1 » refusé : %2 problème(s) à corriger dans le fichier. Rien n'a été importé.", "", count)
                 .replace("%1", name).replace("%2", str(count)))
        self.view.problems.show_problems(title, lines)

    def _on_import_sample_clicked(self) -> None:
        dialog = self.open_sample_import()
        if dialog is not None:
            dialog.choose_file()

    def open_sample_import(self, path: str | Path | None = None) -> SampleImportDialog | None:
        if self.vault is None or not self.study_id:
            return None
        if self.sample_dialog is not None and self.sample_dialog.study_id == self.study_id:
            self.sample_dialog.raise_()  # one dialog per study: bring it back rather than open another
            if path is not None:
                self.sample_dialog.load_file(path)
            return self.sample_dialog
        if self.sample_dialog is not None:
            self.sample_dialog.reject()
        summary = self._summaries[self.study_id]
        dialog = SampleImportDialog(self.services, summary.id, summary.title, self.view)
        dialog.imported.connect(self._on_sample_imported)
        dialog.busy_changed.connect(self._on_sample_busy)
        dialog.finished.connect(lambda _result, closed=dialog: self._on_sample_dialog_finished(closed))
        self.sample_dialog = dialog
        dialog.open()
        if path is not None:
            dialog.load_file(path)
        return dialog

    def _on_sample_busy(self, busy: bool) -> None:
        for model in (self.view.respondents.model, self.view.interviews.model):
            model.set_frozen(busy)

    def _on_sample_imported(self, summary_text: str) -> None:
        self.refresh()
        self.view.show_message(summary_text, "ok")
        self._status(self.tr("Échantillon importé."))

    def _on_sample_dialog_finished(self, dialog: SampleImportDialog) -> None:
        if self.sample_dialog is dialog:
            self.sample_dialog = None
        dialog.deleteLater()

    def _status(self, text: str) -> None:
        hub = self.services.hub
        if hub is not None:
            hub.status_message.emit(text)
