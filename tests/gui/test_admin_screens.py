"""The administration screens render over demo data after a real sync through the demo server."""

from __future__ import annotations

from etudes_desktop.demo import seed_demo
from etudes_desktop.demo.admin_screens import prepare_demo_data, screenshot_widgets
from etudes_desktop.demo.server import DEMO_STUDY_ID
from etudes_desktop.gui.tasks import ImmediatePool
from etudes_desktop.gui.views.services import WorkspaceServices
from etudes_desktop.storage.studies import list_studies


def test_screenshot_widgets_show_demo_data(qtbot, vault, tmp_path) -> None:
    seed_demo(vault)
    assert [s.id for s in list_studies(vault)] == [DEMO_STUDY_ID]  # the study the demo server enrols for
    prepare_demo_data(vault, tmp_path / "server", synced=12, waiting=3)
    widgets = screenshot_widgets(WorkspaceServices(vault=vault, pool=ImmediatePool()))
    for widget in widgets.values():
        qtbot.addWidget(widget)
    assert set(widgets) == {"synchronisation", "synchronisation-en-cours", "reglages-synchronisation",
                            "journal-audit", "droits-acces", "droits-rectification", "bandeau-conservation"}
    panel = widgets["synchronisation"]
    assert panel.status_text().startswith("3 entretiens en attente d'envoi · dernière synchronisation réussie : ")
    assert panel.log_table.rowCount() == 2  # batches of 10 and 2
    assert "Données détenues sur ce poste" in widgets["droits-acces"].access_text.toPlainText()
    assert widgets["droits-rectification"].rectify_message.text() == "E-mail : adresse e-mail invalide."
    assert not widgets["bandeau-conservation"].isHidden()
    for name, widget in widgets.items():
        assert not widget.grab().isNull(), name
