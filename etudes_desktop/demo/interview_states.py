"""Every interview screen in a state worth a screenshot, on a throw-away vault.

`screenshot_widgets()` is what `make screenshots` and the clipping test open; tests reuse
`seed_people` for the same three fictitious people.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from etudes_desktop.core.calls.territory import METROPOLE
from etudes_desktop.core.calls.windows import next_open
from etudes_desktop.core.interview import CallOutcome, Decision, Mode
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.storage.handle import VaultHandle

FICTITIOUS = [("S-0001", "Mme", "Lefèvre", "Jeanne", "06 11 22 33 44", "Rennes"),
              ("S-0002", "M.", "N'Diaye", "Moussa", "02 99 00 11 22", "Vitré"),
              ("S-0003", "Mme", "Garcia", "Lucie", "07 55 44 33 22", "Fougères")]


_keep: list[Any] = []  # vaults and temp folders behind the screenshot widgets


def screenshot_widgets(workdir: Path | None = None) -> dict[str, Any]:
    """Name -> widget, each in a state worth showing (French, fictitious data)."""
    import tempfile

    if workdir is None:
        holder = tempfile.TemporaryDirectory(prefix="etudes-interview-shots-")
        _keep.append(holder)
        workdir = Path(holder.name)
    return build_states(workdir, _keep, now=datetime.now().astimezone())


def build_states(workdir: Path, keep: list[Any], now: datetime) -> dict[str, Any]:
    from etudes_desktop.demo.sample_study import sample_package
    from etudes_desktop.gui.calls import CallbackList, CallOutcomeDialog
    from etudes_desktop.gui.commitment import CommitmentDialog
    from etudes_desktop.gui.interview.screen import open_interview
    from etudes_desktop.gui.interview.study_info import StudyInfo
    from etudes_desktop.gui.profile import ProfileDialog
    from etudes_desktop.gui.start_interview import StartInterviewDialog
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage import contact_list
    from etudes_desktop.storage.interviews import InterviewStore
    from etudes_desktop.storage.studies import save_study
    from etudes_desktop.storage.vault import KdfParams, Vault

    vault, _code = Vault.create(DataPaths.for_data_dir(workdir / "vault"), "Captures-Ecran-2026!", kdf=KdfParams.fast())
    keep.append(vault)
    package = sample_package()
    save_study(vault, package)
    study = StudyInfo.from_package(package)
    people = seed_people(vault, study.study_id, now)
    store = InterviewStore(vault)
    shots: dict[str, Any] = {"profil": ProfileDialog(store)}
    me = store.set_profile("Claire Martin", "ENQ-07")
    commitment = CommitmentDialog(store, study, me, today=lambda: now.date())
    commitment.read_check.setEnabled(True)  # as after scrolling the text to its end
    commitment.read_check.setChecked(True)
    commitment.name_edit.setText("Claire Martin")
    shots["engagement"] = commitment
    store.sign_commitment(study.study_id, me.pseudonym, "Claire Martin", now.date().isoformat(), study.commitment_text)
    start = StartInterviewDialog(study, lambda text: contact_list.contactable(vault, study.study_id, text))
    start.set_mode(Mode.PHONE)
    shots["nouvel-entretien"] = start
    brief = contact_list.briefs(vault, [people[0]])[people[0]]
    call = CallOutcomeDialog(store, study.study_id, brief, me, now=lambda: now)
    call.set_outcome(CallOutcome.APPOINTMENT)
    shots["appel-sans-entretien"] = call
    # A hard appointment at the first calling hour three hours from now; a soft one already late,
    # agreed yesterday by a person living in Réunion (the agenda shows her own time).
    rules = store.calls.rules(study.study_id)
    store.record_call(study.study_id, people[1], CallOutcome.APPOINTMENT, me.pseudonym,
                      next_open(rules, METROPOLE, now + timedelta(hours=3)), at=now)  # the states' own clock
    with vault.transaction() as conn:
        conn.execute("UPDATE respondent SET postcode = '97400', town = 'Saint-Denis' WHERE id = ?", (people[2],))
    store.record_call(study.study_id, people[2], CallOutcome.SOFT_APPOINTMENT, me.pseudonym,
                      now - timedelta(hours=1), at=now - timedelta(days=1))
    callbacks = CallbackList(now=lambda: now)
    callbacks.refresh(store, vault, study.study_id)
    shots["rappels"] = callbacks
    for mode, name in ((Mode.FACE_TO_FACE, "mention-face-a-face"), (Mode.PHONE, "mention-telephone"), (Mode.PAPER, "mention-papier")):
        shots[name] = open_interview(store, study, me, store.start(study.study_id, study.version, mode))
    shots.update(_runner_states(store, study, me, open_interview))
    shots.update(_call_states(vault, store, study, now))
    return shots


def _call_states(vault: VaultHandle, store: Any, study: Any, now: datetime) -> dict[str, Any]:
    """"Appel suivant" at the next moment someone may be called, and the study's AAPOR rates."""
    from etudes_desktop.gui.next_call import NextCallDialog, RatesDialog, find_next_call

    moment = next_open(store.calls.rules(study.study_id), METROPOLE, now) or now
    return {"appel-suivant": NextCallDialog(find_next_call(vault, study.study_id, moment), viewer_tz=now.tzinfo),
            "taux-aapor": RatesDialog(study.title, store.calls.rates(study.study_id))}


def seed_people(vault: VaultHandle, study_id: str, now: datetime) -> list[int]:
    """Three fictitious respondents, through the repository an import uses; their ids in order."""
    from etudes_desktop.core.sample import SampleRecord
    from etudes_desktop.storage.respondents import RespondentRepository

    repository = RespondentRepository(vault)
    repository.insert_many(study_id, [
        SampleRecord(line, sample_id, title=title, last_name=last, first_name=first, phone=phone, town=town)
        for line, (sample_id, title, last, first, phone, town) in enumerate(FICTITIOUS, start=2)], now=now)
    return [repository.by_sample_id(study_id, row[0]).id for row in FICTITIOUS]


def _agreed(store: Any, study: Any, me: Any, open_interview: Any, mode: Mode = Mode.FACE_TO_FACE) -> Any:
    screen = open_interview(store, study, me, store.start(study.study_id, study.version, mode))
    screen.gate.delivered_check.setChecked(True)
    screen.gate.agree_button.click()
    return screen


def _runner_states(store: Any, study: Any, me: Any, open_interview: Any) -> dict[str, Any]:
    shots: dict[str, Any] = {}
    screen = _agreed(store, study, me, open_interview)
    runner = screen.runner
    runner.go_next()
    runner.field("age").editor.setText("34")
    runner.field("age").flush()
    shots["question-enregistree"] = screen
    screen = _agreed(store, study, me, open_interview)
    screen.runner.go_next()
    screen.stop_button.click()  # "La personne arrête l'entretien…": the warning and its confirmation
    shots["arret-a-confirmer"] = screen
    screen = _agreed(store, study, me, open_interview)
    for key, value in (("age", 41), ("sexe", "f"), ("satisfaction", "assez")):
        screen.flow.answer(key, value, key)
    screen.runner.show_page(screen.flow.page("contact"))
    screen.runner.field("canaux").pick(1)
    screen.runner.field("date_contact").editor.setText("31/02/2026")
    screen.runner.field("date_contact").flush()
    screen.runner.go_next()
    shots["page-groupe-erreurs"] = screen
    screen = _agreed(store, study, me, open_interview)
    screen.runner.show_page(screen.flow.page("reco"))
    screen.runner.field("reco").buttons[8].click()
    shots["question-echelle"] = screen
    screen = _agreed(store, study, me, open_interview, Mode.PHONE)
    _fill(screen.flow)
    screen.runner.show_page(screen.flow.page("lu"))
    screen.runner.go_next()
    shots["relecture"] = screen
    screen = _agreed(store, study, me, open_interview, Mode.PAPER)
    _fill(screen.flow)
    screen.flow.complete()
    shots["termine-lecture-seule"] = open_interview(store, study, me, screen.flow.interview_id)
    screen = _agreed(store, study, me, open_interview, Mode.FACE_TO_FACE)
    _fill(screen.flow)
    screen.runner.show_page(screen.flow.page("lu"))
    screen.runner.go_next()
    screen.review.complete_button.click()
    shots["entretien-termine"] = screen
    screen = open_interview(store, study, me, store.start(study.study_id, study.version, Mode.PHONE))
    screen.gate.delivered_check.setChecked(True)
    screen.gate.object_button.click()
    shots["mention-opposition-a-confirmer"] = screen
    screen = open_interview(store, study, me, store.start(study.study_id, study.version, Mode.PHONE))
    emit(screen.gate.decided, datetime.now().astimezone(), Decision.OBJECTS)
    shots["opposition-enregistree"] = screen
    return shots


def _fill(flow: Any) -> None:
    answers = {"age": 52, "sexe": "h", "satisfaction": "peu", "pourquoi": "Trop d'attente au guichet",
               "canaux": "tel agence", "agence_nom": "Rennes centre", "date_contact": date(2026, 10, 3).isoformat(),
               "heure_contact": "14:30", "attente": 25, "reco": 6, "lu": "OK"}
    for key, value in answers.items():
        result = flow.answer(key, value, key)
        assert result.saved, (key, result.error)
