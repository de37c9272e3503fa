"""The paper keying window of one study (Alt+1 to Alt+4): the batch's first keying, the blind
second keying of the forms picked, the reconciliation of differences, the operators' figures."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from etudes_desktop.core.study import StudyPackage
from etudes_desktop.gui.paper.figures import FiguresPanel
from etudes_desktop.gui.paper.keying import KeyingPanel
from etudes_desktop.gui.paper.passes import FirstPass, SecondPass
from etudes_desktop.gui.paper.reconcile import ReconcilePanel
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.paper_verify import DoubleEntry


class PaperWindow(QDialog):
    def __init__(self, double: DoubleEntry, batch_id: str, package: StudyPackage, operator: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.double, self.paper = double, double.paper
        self.batch_id, self.package, self.operator = batch_id, package, operator
        batch = self.paper.batch(batch_id)
        self.setWindowTitle(self.tr("Saisie des questionnaires papier — %1").replace("%1", package.title))
        self.resize(1180, 680)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        set_role(self.summary, "subtitle")
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        own = batch.operator == operator
        self.keying = KeyingPanel(
            FirstPass(self.paper, batch_id, package),
            self.tr("Lot du %1, opérateur %2 · double saisie : %3").replace("%1", batch.keyed_on)
            .replace("%2", batch.operator).replace("%3", batch.rate.describe()))
        self.keying.setEnabled(own)
        self.verify = KeyingPanel(
            SecondPass(double, package, operator),
            self.tr("Double saisie à l'aveugle par %1 : saisissez le questionnaire tiré comme s'il était nouveau "
                    "(la première saisie n'est pas montrée).").replace("%1", operator))
        self.reconcile = ReconcilePanel(double, package, operator)
        self.figures = FiguresPanel(double, package.id)
        for n, (page, title) in enumerate([
            (self.keying, self.tr("Saisie")), (self.verify, self.tr("Double saisie")),
            (self.reconcile, self.tr("Différences")), (self.figures, self.tr("Statistiques")),
        ], start=1):
            self.tabs.addTab(page, f"&{n} {title}")
        layout.addWidget(self.tabs, 1)
        for panel in (self.keying, self.verify):
            panel.form_saved.connect(lambda _form: self._refresh())
        self.reconcile.resolved.connect(lambda _form: self._refresh())
        self.tabs.currentChanged.connect(self._on_tab)
        self._refresh()

    def _on_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.reconcile:
            self.reconcile.refresh()
        elif page is self.figures:
            self.figures.refresh()
        elif isinstance(page, KeyingPanel):
            page.entry.setFocus()

    def _refresh(self) -> None:
        forms = self.paper.forms(self.batch_id)
        waiting = len(self.double.to_verify(self.package.id, self.operator))
        to_resolve = len(self.double.to_resolve(self.package.id))
        done = sum(1 for f in forms if f.state == "done")
        aside = sum(1 for f in forms if f.state == "set_aside")
        self.summary.setText(
            self.tr("Questionnaires du lot : %1 · terminés : %2 · mis de côté : %3 · à vérifier : %4 · à trancher : %5")
            .replace("%1", str(len(forms))).replace("%2", str(done)).replace("%3", str(aside))
            .replace("%4", str(waiting)).replace("%5", str(to_resolve)))

