"""Synthetic content for demos, load tests and benchmarks: fictitious people only, no Qt.

The demo study comes from resources/studies; respondents are drawn from lists of common
French names; interviews walk the real session, so skip logic and constraints hold.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.session import Session
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.paths import resource_path
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.studies import load_study, save_study

DEMO_STUDY_FILE = ("studies", "satisfaction_assures_2026.xlsx")
DEMO_PSEUDONYM = "ENQ-DEMO"

_LAST = ("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
         "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
         "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André")
_FIRST_F = ("Camille", "Léa", "Manon", "Chloé", "Inès", "Zoé", "Louise", "Jeanne", "Hélène", "Françoise")
_FIRST_M = ("Lucas", "Hugo", "Jules", "Louis", "Gabriel", "Arthur", "Noé", "Étienne", "René", "François")
_TOWNS = (("75011", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31000", "Toulouse"), ("59000", "Lille"),
          ("44000", "Nantes"), ("67000", "Strasbourg"), ("33000", "Bordeaux"), ("35000", "Rennes"), ("20000", "Ajaccio"))
_PROFESSIONS = ("Employé", "Cadre", "Retraité", "Artisan", "Enseignant", "Infirmier", "Ouvrier", "Étudiant")


def import_demo_study(vault: VaultHandle) -> StudyPackage:
    """Import the demo satisfaction study into the vault (idempotent)."""
    from etudes_desktop.core.study_load import load_package

    package = load_package(resource_path(*DEMO_STUDY_FILE))
    save_study(vault, package)
    return package


def fictitious_people(count: int, rng: random.Random, prefix: str = "D") -> list[SampleRecord]:
    """`count` fictitious respondents with plausible French contact data."""
    people = []
    for n in range(1, count + 1):
        female = rng.random() < 0.5
        postcode, town = rng.choice(_TOWNS)
        last = rng.choice(_LAST)
        first = rng.choice(_FIRST_F if female else _FIRST_M)
        people.append(SampleRecord(
            line=n + 1, sample_id=f"{prefix}{n:05d}", title="Mme" if female else "M.", last_name=last,
            first_name=first, sex="F" if female else "M", age=rng.randint(18, 90),
            address=f"{rng.randint(1, 120)} rue des Lilas", postcode=postcode, town=town,
            phone=f"+336{rng.randint(10_000_000, 99_999_999)}",
            email=f"{first.lower()}.{last.lower()}{n}@exemple.fr".encode("ascii", "ignore").decode(),
            profession=rng.choice(_PROFESSIONS), attributes={"region": town, "nb_remboursements": str(rng.randint(0, 40))},
        ))
    return people


def seed_respondents(vault: VaultHandle, study_id: str, count: int, rng: random.Random | None = None) -> int:
    return RespondentRepository(vault).insert_many(study_id, fictitious_people(count, rng or random.Random(7)))


def _value_for(session: Session, key: str, rng: random.Random) -> Any:
    item = session.item(key)
    kind = item.type
    if kind in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        names = [c.name for c in session.choices(key) if c.name != "other"]
        if not names:
            return None
        if kind is ItemType.SELECT_ONE:
            return rng.choice(names)
        return " ".join(rng.sample(names, k=rng.randint(1, min(3, len(names)))))
    if kind is ItemType.RANGE and item.range:
        steps = int((item.range.end - item.range.start) / item.range.step)
        return item.range.start + item.range.step * rng.randint(0, steps)
    if kind is ItemType.INTEGER:
        return rng.randint(1, 9)
    if kind is ItemType.DECIMAL:
        return round(rng.uniform(1, 100), 1)
    if kind is ItemType.DATE:
        return (datetime(2026, 1, 1) + timedelta(days=rng.randint(0, 300))).date().isoformat()
    if kind is ItemType.TIME:
        return f"{rng.randint(8, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}"
    if kind is ItemType.ACKNOWLEDGE:
        return "OK"
    return rng.choice(("Très bon accueil.", "Rien à signaler.", "Délais un peu longs.", "Satisfait."))


def synthetic_answers(package: StudyPackage, rng: random.Random) -> dict[str, Any]:
    """Walk the session page by page and answer what is shown, as an interviewer would."""
    session = Session(package.questionnaire)
    for _ in range(3):  # answers may reveal questions: a few passes settle the form
        for key in session.visible_keys():
            if session.item(key).is_input and session.answer(key) is None:
                value = _value_for(session, key, rng)
                if value is not None:
                    try:
                        session.set_answer(key, value)
                    except EtudesError:
                        continue
    return {k: v for k, v in session.answers().items() if session.is_visible(k)}


def seed_interviews(vault: VaultHandle, study_id: str, count: int, rng: random.Random | None = None,
                    mode: Mode = Mode.FACE_TO_FACE) -> int:
    """`count` completed synthetic interviews (consent agreed, answers walked through the session)."""
    package = load_study(vault, study_id)
    if package is None:
        raise EtudesError(f"étude inconnue : {study_id}")
    rng = rng or random.Random(11)
    store = InterviewStore(vault)
    profile = store.profile() or store.set_profile("Enquêteur de démonstration", DEMO_PSEUDONYM)
    now = datetime.now(UTC)
    for _ in range(count):
        with vault.transaction():  # one commit per interview, many statements inside
            interview = store.start(study_id, package.version, mode)
            store.record_consent(interview, ConsentRecord(
                notice_id=package.notice.id, notice_version=package.notice.version, text_sha256=package.notice.sha256,
                mode=mode, interviewer=profile.pseudonym, delivered_at=now, decided_at=now, decision=Decision.AGREES))
            for name, value in synthetic_answers(package, rng).items():
                store.save_answer(interview, name, value)
            store.complete(interview, {"age_band": rng.choice(("18-34", "35-49", "50-64", "65+")),
                                       "sex": rng.choice("FM")})
    return count
