"""The paper keying screens as the screenshot renderer sees them: a form being keyed heads-down,
and the reconciliation of a form keyed twice. `screenshot_widgets(folder)` keys a small batch on
a throw-away vault (two fictitious operators) and returns one window per step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from etudes_desktop.core.paper.verification import Rate, RateKind
from etudes_desktop.demo.paper_study import paper_package

SIZE = (1180, 680)
FORMS = {
    41: {"age": 52, "sexe": "1", "satisfaction": "2", "canaux": "1 3", "contacts": 4, "reco": 8},
    42: {"age": 37, "sexe": "2", "satisfaction": "3", "pourquoi": "1", "canaux": "2", "contacts": 2, "reco": 5},
}
SECOND = {42: {"age": 73, "sexe": "2", "satisfaction": "4", "pourquoi": "1", "canaux": "2 3", "contacts": 2,
               "reco": 5}}


def screenshot_widgets(folder: Path) -> dict[str, QWidget]:
    from etudes_desktop.gui.paper.window import PaperWindow
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.paper import PaperNotice
    from etudes_desktop.storage.paper_verify import DoubleEntry
    from etudes_desktop.storage.studies import save_study
    from etudes_desktop.storage.vault import KdfParams, Vault

    vault, _ = Vault.create(DataPaths.for_data_dir(folder), "Papier-Demo-2026!", kdf=KdfParams.fast())
    package: Any = paper_package()
    save_study(vault, package)
    double = DoubleEntry(vault)
    paper = double.paper
    batch = paper.create_batch(package.id, "OPE-04", dt.date(2026, 6, 3), Rate(RateKind.EVERY, 2))
    for number, values in FORMS.items():
        form = paper.open_form(batch, f"{number:04d}", PaperNotice.AGREES, package)
        for name, value in values.items():
            paper.save_first(form.id, name, value)
        paper.finish_first(form.id, package.questionnaire)
    for number, values in SECOND.items():
        form = double.find(package.id, f"{number:04d}")
        assert form is not None
        double.start(form.id, "VER-02")
        for name, value in values.items():
            double.save_second(form.id, name, value)
        double.finish_second(form.id, package.questionnaire)
    keying = PaperWindow(double, batch, package, "OPE-04")
    panel = keying.keying
    for text in ("0043", "1", "1", "64", "1", "3"):  # number, notice twice, age, sex, satisfaction: on « pourquoi »
        panel.entry.setText(text)
        panel._on_validated()
    panel.entry.setText("7")
    panel._on_validated()  # a code that does not exist: refused under the line
    keying.resize(*SIZE)
    reconcile = PaperWindow(double, batch, package, "CHEF-01")
    reconcile.tabs.setCurrentIndex(2)
    reconcile.reconcile.table.setCurrentCell(1, 0)
    reconcile.reconcile._on_decided(0, "second")
    reconcile.resize(*SIZE)
    return {"papier-saisie": keying, "papier-differences": reconcile}
