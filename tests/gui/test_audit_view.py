"""The audit log, read-only, on a real vault."""

from __future__ import annotations

from datetime import UTC, date, datetime, timezone

from PySide6.QtCore import Qt

from etudes_desktop.gui.audit_view import AuditView
from etudes_desktop.gui.hub import Hub
from etudes_desktop.gui.views.services import WorkspaceServices
from etudes_desktop.storage import audit, retention

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def _entries(vault) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) "
                     "VALUES ('sat', '1', 'Satisfaction', '{}', ?)", (NOW.isoformat(),))
        audit.record(conn, NOW, "sync_batch", None, [], {"accepted": 40, "duplicate": 0, "purged": 40})
        audit.record(conn, NOW, "rights_rectification", "ENQ-07", ["sat", "respondent:12"], {"fields": 2})


def test_shows_the_journal_newest_first_and_in_french(qtbot, vault) -> None:
    _entries(vault)
    view = AuditView(WorkspaceServices(vault=vault))
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    rows = view.rows()
    assert rows[0][1:] == ["Rectification de coordonnées", "ENQ-07", "sat, respondent:12", "champs : 2"]
    assert rows[1][1:] == ["Lot synchronisé", "—", "", "acceptés : 40, effacés : 40"]
    assert view.count_label.text() == "2 entrées."
    index = view.model.index(0, 1)
    assert not view.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert view.model.data(index, Qt.ItemDataRole.ToolTipRole) == "rights_rectification"


def test_refresh_adds_what_is_new(qtbot, vault) -> None:
    _entries(vault)
    view = AuditView(WorkspaceServices(vault=vault))
    qtbot.addWidget(view)
    retention.set_delivery_date(vault, "sat", date(2026, 10, 1), now=NOW)
    assert view.model.rowCount() == 2
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 3 and view.rows()[0][1] == "Date de livraison de l'étude enregistrée"
    assert view.count_label.text() == "3 entrées."
    view.hide()
    retention.set_delivery_date(vault, "sat", date(2026, 10, 2), now=NOW)
    view.show()  # shown again: what was written meanwhile is there
    assert view.model.rowCount() == 4


def test_follows_the_vault_being_locked(qtbot, vault) -> None:
    _entries(vault)
    hub = Hub()
    view = AuditView(WorkspaceServices(hub=hub))
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0 and view.count_label.text() == "Aucune entrée."
    hub.vault_opened.emit(vault)
    assert view.model.rowCount() == 2
    hub.vault_locked.emit()
    assert view.model.rowCount() == 0 and not view.refresh_button.isEnabled()
