"""The focus group screens as the screenshot renderer sees them: a session prepared, the door,
the notice, the decisions, the discussion's notes, a show of hands, the questionnaires.

`screenshot_widgets(folder)` runs a whole session on a throw-away vault (fictitious people) up to
each step and returns one window per step, its tab chosen, sized for 1366×768 screens.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from etudes_desktop.core.group.guide import GroupGuide
from etudes_desktop.core.interview import Decision
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.demo.sample_study import sample_package
from etudes_desktop.gui.group.start import SessionsDialog
from etudes_desktop.gui.group.window import GroupSessionWindow

SIZE = (1180, 680)
_OPEN: list[Any] = []
PEOPLE = [("Martin", "Lucie"), ("Bernard", "Hugo"), ("Petit", "Inès"), ("Robert", "Karim"), ("Richard", "Manon"),
          ("Durand", "Paul"), ("Dubois", "Chloé"), ("Moreau", "Théo")]
NOTES = [("Accueil", "P1 attend en moyenne vingt minutes au guichet, P4 confirme"),
         ("Accueil", "P2 trouve l'accueil téléphonique plus rapide que l'agence"),
         ("Délais de remboursement", "P6 : « les remboursements arrivent en cinq jours, c'est correct »"),
         ("Délais de remboursement", "Lucie Martin n'a jamais reçu son attestation papier"),
         ("Compte en ligne", "P3 et P7 utilisent l'application chaque mois, P8 ne l'a jamais ouverte")]


def screenshot_widgets(folder: Path) -> dict[str, QWidget]:
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.groups import GroupService
    from etudes_desktop.storage.respondents import RespondentRepository
    from etudes_desktop.storage.studies import save_study
    from etudes_desktop.storage.vault import KdfParams, Vault

    vault, _ = Vault.create(DataPaths.for_data_dir(folder), "Reunion-Demo-2026!", kdf=KdfParams.fast())
    package: Any = sample_package(modes=["face_to_face", "group"], group=GroupGuide(
        themes=["Accueil", "Délais de remboursement", "Compte en ligne"], questions=["satisfaction", "canaux"]))
    save_study(vault, package)
    RespondentRepository(vault).insert_many(package.id, [
        SampleRecord(n + 2, f"GR-{n + 1:03d}", last_name=last, first_name=first, town="Rennes")
        for n, (last, first) in enumerate(PEOPLE)])
    groups = GroupService(vault)
    widgets: dict[str, QWidget] = {}
    chooser = SessionsDialog(vault, groups, package.id, "ANIM-03", dt.date(2026, 6, 2))
    chooser.place.setText("Salle 2, CPAM d'Ille-et-Vilaine, Rennes")
    for row in range(min(6, chooser.people.count())):
        chooser.people.item(row).setCheckState(Qt.CheckState.Checked)
    chooser.resize(*SIZE)
    widgets["groupe-preparation"] = chooser
    session = groups.create(package.id, dt.date(2026, 6, 2), "Salle 2, CPAM d'Ille-et-Vilaine, Rennes", "ANIM-03")
    ids = [r.id for r in RespondentRepository(vault).list(package.id, limit=20)]
    groups.plan(session, ids)
    seats = groups.seats(session)
    for seat in seats[:6]:
        groups.arrive(seat.id)
    widgets["groupe-accueil"] = _window(groups, session, package, 0)
    for seat in seats[6:]:
        groups.arrive(seat.id)
    groups.add_walk_in(session, "Jeanne")
    widgets["groupe-mention"] = _window(groups, session, package, 1)
    groups.deliver_notice(session, package.notice)
    present = [s for s in groups.seats(session) if s.present]
    for n, seat in enumerate(present[:6]):
        groups.decide(seat.id, Decision.OBJECTS if n == 4 else Decision.AGREES, package)
    widgets["groupe-decisions"] = _window(groups, session, package, 2)
    for seat in present[6:]:
        groups.decide(seat.id, Decision.AGREES, package)
    for theme, text in NOTES:
        groups.add_note(session, text, theme)
    discussion = _window(groups, session, package, 3)
    discussion.notes.entry.setText("P9 préfère écrire un courrier plutôt qu'appeler")
    widgets["groupe-discussion"] = discussion
    groups.record_count(session, package, "satisfaction", {"tres": 2, "assez": 4, "peu": 1, "pas": 1})
    hands = _window(groups, session, package, 4)
    hands.hands.save()
    widgets["groupe-main-levee"] = hands
    widgets["groupe-questionnaires"] = _window(groups, session, package, 5)
    _OPEN.append(vault)  # the vault lives as long as the windows read it
    return widgets


def _window(groups: Any, session: str, package: Any, tab: int) -> GroupSessionWindow:
    window = GroupSessionWindow(groups, session, package)
    window.tabs.setCurrentIndex(tab)
    window.resize(*SIZE)
    return window
