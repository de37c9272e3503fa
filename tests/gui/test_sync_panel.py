"""The synchronisation panel against the real collection server on 127.0.0.1 and a real vault."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from etudes_desktop.demo.server import DEMO_STUDY_ID, configure_vault, start_demo_server
from etudes_desktop.gui.sync_panel import SyncPanel
from etudes_desktop.gui.sync_settings import SyncSettingsDialog
from etudes_desktop.gui.tasks import ImmediatePool
from etudes_desktop.gui.views.services import WorkspaceServices
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store, sqlite_url
from etudes_desktop.storage.outbox import LockedBatch, build_payload
from etudes_desktop.storage.settings import read_setting
from etudes_desktop.sync import overview
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.engine import SETTING_SERVER, SETTING_TOKEN, SyncReport, batch_body
from tests.sync import seed as s


@dataclass
class Server:
    store: Store
    server: EmbeddedServer
    token: str

    @property
    def url(self) -> str:
        return self.server.url

    def count(self, study: str = s.STUDY) -> int:
        return int(self.store.stats(study)["interviews"])


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    store = Store(sqlite_url(tmp_path / "server"))
    _, token = store.enroll(s.STUDY, "portable-01")
    with EmbeddedServer(store) as running:
        yield Server(store, running, token)
    store.close()


def _panel(qtbot, vault, *, pool=None, batch_size: int | None = None) -> SyncPanel:
    panel = SyncPanel(WorkspaceServices(vault=vault, pool=pool), batch_size=batch_size)
    qtbot.addWidget(panel)
    panel.resize(980, 640)
    panel.show()
    return panel


def _log_column(panel: SyncPanel, column: int) -> list[str]:
    table = panel.log_table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_a_real_sync_through_the_panel(qtbot, vault, server) -> None:
    ids = s.seed(vault, 12)
    overview.save_settings(vault, server.url, server.token)
    panel = _panel(qtbot, vault, batch_size=5)  # the application's thread pool
    assert panel.status_text() == "12 entretiens en attente d'envoi · jamais synchronisé"
    seen: list[tuple[int, int, int]] = []
    panel.controller._relay.progressed.connect(lambda *args: seen.append(args))
    statuses: list[str] = []
    panel.status_changed.connect(statuses.append)
    with qtbot.waitSignal(panel.sync_finished, timeout=20_000) as finished:
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
        assert panel.busy and not panel.sync_button.isEnabled() and panel.cancel_button.isEnabled()
    report = finished.args[0]
    assert isinstance(report, SyncReport) and report.sent == 12 and report.purged == 12
    assert seen[-1] == (12, 12, 0) and (5, 12, 5) in seen  # interviews sent out of total, current batch
    assert panel.progress_bar.value() == panel.progress_bar.maximum() == 12
    assert panel.progress_label.text() == "12 entretiens envoyés sur 12"
    assert panel.outcome_label.text().startswith("Synchronisation réussie : 12 entretiens envoyés en 3 lots")
    assert statuses[-1].startswith("Aucun entretien en attente d'envoi · dernière synchronisation réussie : ")
    assert panel.status_text() == statuses[-1]
    assert _log_column(panel, 3) == ["2", "5", "5"]  # newest first: batches of 5, 5, 2
    assert set(_log_column(panel, 8)) == {"Réussi"}
    assert server.count() == 12 and s.states(vault) == {}
    assert sorted(r[0] for r in vault.conn.execute("SELECT interview_id FROM tombstone")) == sorted(ids)
    assert not panel.busy and panel.sync_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_cancel_stops_between_batches(qtbot, vault, server) -> None:
    s.seed(vault, 15)
    overview.save_settings(vault, server.url, server.token)
    panel = _panel(qtbot, vault, pool=ImmediatePool(), batch_size=5)

    def cancel_after_first_batch(done: int, _total: int, batch: int) -> None:
        if done == 5 and batch == 0 and panel.cancel_button.isEnabled():
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

    panel.controller._relay.progressed.connect(cancel_after_first_batch)
    with qtbot.waitSignal(panel.sync_finished) as finished:
        panel.sync_button.click()
    assert type(finished.args[0]).__name__ == "SyncCancelled"
    assert server.count() == 5  # the batch on the wire finished; no other left
    assert panel.outcome_label.text() == ("Synchronisation annulée : 5 entretiens envoyés ; les autres "
                                          "partiront à la prochaine synchronisation.")
    assert panel.status_text().startswith("10 entretiens en attente d'envoi · jamais synchronisé")
    assert "Annulé" in _log_column(panel, 8)
    panel.controller._relay.progressed.disconnect(cancel_after_first_batch)
    with qtbot.waitSignal(panel.sync_finished):
        panel.sync_button.click()  # the next sync finishes the job
    assert server.count() == 15 and s.states(vault) == {}


def test_a_wrong_token_shows_a_french_error(qtbot, vault, server) -> None:
    s.seed(vault, 3)
    overview.save_settings(vault, server.url, "etd_pas-le-bon-jeton")
    panel = _panel(qtbot, vault, pool=ImmediatePool())
    with qtbot.waitSignal(panel.sync_finished):
        panel.sync_button.click()
    assert panel.outcome_label.text() == ("Le serveur a refusé le jeton d'appareil. Vérifiez-le dans les réglages "
                                          "du serveur ; rien n'a été envoyé ni effacé.")
    assert panel.outcome_label.property("role") == "error"
    assert panel.progress_label.isHidden()  # no "Connexion au serveur…" left behind
    assert server.count() == 0 and s.states(vault) == {"completed": 3}
    assert _log_column(panel, 8) == ["Échec"]
    assert panel.status_text() == "3 entretiens en attente d'envoi · jamais synchronisé"


def test_rejected_interviews_stay_visible_with_their_reason(qtbot, vault, server) -> None:
    ids = s.seed(vault, 4)
    with vault.transaction() as conn:  # one interview lost its consent record: it may not leave
        conn.execute("DELETE FROM consent WHERE interview_id = ?", (ids[0],))
    overview.save_settings(vault, server.url, server.token)
    panel = _panel(qtbot, vault, pool=ImmediatePool())
    with qtbot.waitSignal(panel.sync_finished):
        panel.sync_button.click()
    assert server.count() == 3
    assert "1 refusé ou en conflit : il reste" in panel.outcome_label.text()
    assert panel.tabs.tabText(1) == "Refusés ou en conflit (1)"
    table = panel.problems_table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == ids[0][:8] and table.item(0, 3).text() == "Bloqué sur ce poste"
    assert "mention d'information" in table.item(0, 4).text()
    assert "1 refusé ou en conflit" in panel.status_text()


def test_a_conflict_on_the_server_is_shown_in_french(qtbot, vault, server) -> None:
    ids = s.seed(vault, 3)
    row = vault.conn.execute("SELECT * FROM interview WHERE id = ?", (ids[0],)).fetchone()
    other = p.InterviewPayload.model_validate({**build_payload(vault.conn, row), "answers": {"q00": 5}})
    content = other.model_dump(mode="json")
    batch = LockedBatch(str(uuid.uuid4()), s.STUDY, [{"id": ids[0], "payload": content,
                                                     "content_sha256": hashlib.sha256(p.canonical_json(content)).hexdigest()}])
    sent = httpx.post(f"{server.url}{p.BATCHES_PATH}", content=batch_body(batch, None, 0, "2026-11-29T10:00:00.000000Z"),
                      headers={"Authorization": f"Bearer {server.token}", "Content-Type": p.MEDIA_TYPE})
    assert sent.status_code == 200  # another laptop already sent this id with other answers
    overview.save_settings(vault, server.url, server.token)
    panel = _panel(qtbot, vault, pool=ImmediatePool())
    with qtbot.waitSignal(panel.sync_finished) as finished:
        panel.sync_button.click()
    assert finished.args[0].conflict == 1 and finished.args[0].purged == 2
    assert panel.outcome_label.property("role") == "warn"
    table = panel.problems_table
    assert [table.item(0, c).text() for c in (0, 3, 4)] == [
        ids[0][:8], "En conflit", "déjà reçu par le serveur avec un autre contenu"]
    assert _log_column(panel, 6) == ["1"]  # the batch's conflict count
    assert s.states(vault) == {"conflict": 1}


def test_missing_settings_say_where_to_set_them(qtbot, vault) -> None:
    s.seed(vault, 1)
    panel = _panel(qtbot, vault, pool=ImmediatePool())
    panel.sync_button.click()
    assert not panel.busy
    assert panel.outcome_label.text() == ("Indiquez l'adresse du serveur et le jeton d'appareil (bouton "
                                          "« Réglages du serveur… »).")


def test_settings_dialog_checks_and_saves_in_the_vault(qtbot, vault) -> None:
    dialog = SyncSettingsDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.token_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.url_edit, "collecte.exemple.fr")
    qtbot.keyClicks(dialog.token_edit, "etd_abc")
    dialog.save_button.click()
    assert dialog.error_label.text() == "L'adresse du serveur doit commencer par http:// ou https://."
    assert read_setting(vault, SETTING_SERVER) is None
    dialog.url_edit.setText("https://collecte.exemple.fr/")
    dialog.token_edit.clear()
    dialog.save_button.click()
    assert dialog.error_label.text() == "Indiquez le jeton d'appareil."
    qtbot.keyClicks(dialog.token_edit, "etd_abc")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert read_setting(vault, SETTING_SERVER) == "https://collecte.exemple.fr"
    assert read_setting(vault, SETTING_TOKEN) == "etd_abc"
    again = SyncSettingsDialog(vault)
    qtbot.addWidget(again)
    assert again.url_edit.text() == "https://collecte.exemple.fr" and again.token_edit.text() == "etd_abc"


def test_the_panel_opens_the_settings(qtbot, vault) -> None:
    panel = _panel(qtbot, vault, pool=ImmediatePool())
    panel.settings_button.click()
    dialog = panel.controller.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.url_edit.setText("http://127.0.0.1:8765")
    dialog.token_edit.setText("etd_xyz")
    with qtbot.waitSignal(panel.settings_saved):
        dialog.save_button.click()
    assert overview.load_settings(vault) == overview.SyncSettings("http://127.0.0.1:8765", "etd_xyz")


def test_demo_server_works_out_of_the_box(qtbot, vault, tmp_path) -> None:
    url, token, stop = start_demo_server(tmp_path / "demo")
    try:
        assert url.startswith("http://127.0.0.1:")
        s.seed(vault, 6, study_id=DEMO_STUDY_ID)
        configure_vault(vault, url, token)
        panel = _panel(qtbot, vault, pool=ImmediatePool())
        with qtbot.waitSignal(panel.sync_finished) as finished:
            panel.sync_button.click()
        assert finished.args[0].sent == 6 and finished.args[0].study_id == DEMO_STUDY_ID
    finally:
        stop()
    stop()  # twice is harmless
    store = Store(sqlite_url(tmp_path / "demo" / "serveur-demo"))
    assert store.stats(DEMO_STUDY_ID)["interviews"] == 6  # the demo store keeps what was sent
    store.close()


def test_a_cleartext_address_of_another_machine_needs_an_explicit_confirmation(qtbot, vault):
    from etudes_desktop.gui.sync_settings import SyncSettingsDialog

    dialog = SyncSettingsDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url_edit, "http://collecte.exemple.fr")
    dialog.token_edit.setText("etd_abcdefghijklmnop")
    assert dialog.cleartext_check.isVisible() and not dialog.cleartext_check.isChecked()
    dialog.save_button.click()
    assert "pas chiffrée" in dialog.error_label.text() and dialog.isVisible()
    assert overview.load_settings(vault).server_url == ""
    dialog.cleartext_check.click()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert overview.load_settings(vault).server_url == "http://collecte.exemple.fr"
    for url in ("http://127.0.0.1:8765", "http://localhost:8765", "https://collecte.exemple.fr"):
        dialog.url_edit.setText(url)
        assert not dialog.cleartext_check.isVisible()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_panel_words_errors_and_reasons_by_their_type_not_their_text(qtbot, language):
    """A reworded server message or engine sentence changes nothing on screen; English reads English."""
    from etudes_desktop.gui.i18n import install_translators
    from etudes_desktop.gui.sync_panel import SyncPanel
    from etudes_desktop.gui.views.services import WorkspaceServices
    from etudes_desktop.sync import errors
    from etudes_desktop.sync.protocol import ReasonCode

    install_translators(language)
    try:
        panel = SyncPanel(WorkspaceServices())
        qtbot.addWidget(panel)
        refused = panel.describe_error(errors.TokenRefused("n'importe quel texte du serveur"), 0)
        unreachable = panel.describe_error(errors.ServerUnreachable(6, "reworded by a new release"), 0)
        other = panel.reason_text("wording changed in a new server release", ReasonCode.OTHER_CONTENT.value)
        if language == "fr":
            assert refused.startswith("Le serveur a refusé le jeton d'appareil")
            assert unreachable.startswith("Le serveur de collecte est injoignable")
            assert other == "déjà reçu par le serveur avec un autre contenu"
        else:
            assert refused.startswith("The server refused the device token")
            assert unreachable.startswith("The collection server cannot be reached")
            assert other == "already received by the server with different content"
        assert "texte du serveur" not in refused and "reworded" not in unreachable
    finally:
        install_translators("fr")


def test_a_laptop_revoked_by_the_office_says_its_study_data_was_destroyed(qtbot, vault, server) -> None:
    s.seed(vault, 3)
    overview.save_settings(vault, server.url, server.token)
    server.store.revoke(study_id=s.STUDY, name="portable-01")
    panel = _panel(qtbot, vault, pool=ImmediatePool())
    with qtbot.waitSignal(panel.sync_finished) as finished:
        panel.sync_button.click()
    assert finished.args[0].wiped and server.count() == 3  # sent first, then destroyed
    assert panel.outcome_label.text() == (
        "Cet ordinateur a été retiré de l'étude par le bureau d'études : ses données de l'étude ont été détruites "
        "après l'envoi de ce qui pouvait l'être.")
    assert panel.outcome_label.property("role") == "warn"
    assert vault.conn.execute("SELECT count(*) FROM study").fetchone()[0] == 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_people_received_and_withdrawn_are_counted_in_words(qtbot, language):
    from etudes_desktop.gui.i18n import install_translators

    install_translators(language)
    try:
        panel = SyncPanel(WorkspaceServices())
        qtbot.addWidget(panel)
        one = panel.describe_report(SyncReport(assigned_added=1, assigned_dropped=0))
        many = panel.describe_report(SyncReport(assigned_added=1250, assigned_dropped=3))
        quiet = panel.describe_report(SyncReport(assigned_updated=4))
        if language == "fr":
            assert one.endswith("Attribution du bureau d'études : 1 personne reçue, 0 retirée.")
            assert many.endswith("Attribution du bureau d'études : 1\u202f250 personnes reçues, 3 retirées.")
        else:
            assert one.endswith("Assignment from the collection office: 1 person received, 0 withdrawn.")
            assert many.endswith("Assignment from the collection office: 1\u202f250 people received, 3 withdrawn.")
        assert "ttribution" not in quiet and "ssignment" not in quiet  # nothing received or withdrawn: no word of it
    finally:
        install_translators("fr")
