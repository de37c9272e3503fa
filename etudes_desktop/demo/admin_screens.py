"""The administration screens as the screenshot renderer sees them: sync, settings, audit, rights, retention.

`screenshot_widgets(services)` builds each screen over the services' open vault (shown as they
would be, nothing faked but the in-flight progress and the banner's dates); `prepare_demo_data`
fills a throw-away demo vault with a real sync through the embedded demo server first.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from etudes_desktop.demo.server import configure_vault, start_demo_server
from etudes_desktop.gui.audit_view import AuditView
from etudes_desktop.gui.retention_banner import RetentionBanner, RetentionOutcome, RetentionWarning
from etudes_desktop.gui.rights_dialog import RightsDialog
from etudes_desktop.gui.sync_panel import SyncPanel, run_sync
from etudes_desktop.gui.sync_settings import SyncSettingsDialog
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.studies import list_studies
from etudes_desktop.sync import overview

SIZES = {"synchronisation": (980, 640), "synchronisation-en-cours": (980, 640), "journal-audit": (980, 560),
         "droits-acces": (820, 680), "droits-rectification": (820, 680), "reglages-synchronisation": (560, 260),
         "bandeau-conservation": (980, 90)}


def prepare_demo_data(vault: VaultHandle, server_dir: Path, synced: int = 30, waiting: int = 6) -> None:
    """Interviews, a real sync through the demo server (batches of 10), then a few left waiting."""
    from threading import Event

    from etudes_desktop.demo import seed

    study = list_studies(vault)[0].id
    seed.seed_interviews(vault, study, synced, random.Random(3))
    url, token, stop = start_demo_server(server_dir, study)
    try:
        configure_vault(vault, url, token)
        run_sync(vault, overview.load_settings(vault), lambda *_: None, Event(), batch_size=10)
    finally:
        stop()
    seed.seed_interviews(vault, study, waiting, random.Random(4))


def screenshot_widgets(services: Any) -> dict[str, QWidget]:
    """Each screen by file name (French names, as the other screenshots), sized by `SIZES`."""
    widgets: dict[str, QWidget] = {}
    widgets["synchronisation"] = SyncPanel(services)
    running = SyncPanel(services)
    running.show_running(True)
    waiting = overview.status(services.vault).waiting
    running.show_progress(min(10, waiting), max(waiting, 1), min(10, waiting))
    widgets["synchronisation-en-cours"] = running
    widgets["reglages-synchronisation"] = SyncSettingsDialog(services.vault)
    widgets["journal-audit"] = AuditView(services)
    studies = list_studies(services.vault)
    if studies:
        people = RespondentRepository(services.vault).list(studies[0].id, limit=1)
        sample = people[0].sample_id if people else None
        access = RightsDialog(services, studies[0].id, sample)
        access.access_button.click()  # a real access request: audited like any other
        widgets["droits-acces"] = access
        rectify = RightsDialog(services, studies[0].id, sample)
        rectify.tabs.setCurrentIndex(1)
        rectify.field_edits["email"].setText("adresse-sans-arobase")
        rectify.rectify_button.click()
        widgets["droits-rectification"] = rectify
    banner = RetentionBanner()
    title = studies[0].title if studies else "Satisfaction des assurés 2026"
    banner.show_outcome(RetentionOutcome(day=date.today(), warnings=[
        RetentionWarning(studies[0].id if studies else "demo", title, date.today() + timedelta(days=12), 12)]))
    widgets["bandeau-conservation"] = banner
    for name, widget in widgets.items():
        widget.resize(*SIZES.get(name, (980, 640)))
    return widgets
