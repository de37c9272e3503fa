"""Phone dispositions: AAPOR codes with the flags a scheduler needs, as one table of data.

The table follows queXS's `outcome` table (aapor_id, default_delay_minutes, contacted, tryagain,
eligible, calc): for each disposition, whether the person was reached, whether they are known to
be eligible, whether to call again (and after how long by default), whether it closes the case,
and the AAPOR rate category it counts in (I, P, R, NC, O, UH, UO, NE; AAPOR Standard
Definitions, telephone surveys). Codes are AAPOR's; the keys are ours and stable (the vault
stores them in `call_attempt.outcome`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from etudes_desktop.core.errors import EtudesError


class Category(StrEnum):
    """AAPOR's rate categories."""

    COMPLETE = "I"
    PARTIAL = "P"
    REFUSAL = "R"  # refusals and break-offs
    NON_CONTACT = "NC"
    OTHER = "O"
    UNKNOWN_HOUSEHOLD = "UH"  # unknown eligibility: no one reached on the line
    UNKNOWN_OTHER = "UO"
    NOT_ELIGIBLE = "NE"


class Appointment(StrEnum):
    HARD = "hard"  # at this exact time, with the person ("rendez-vous précis")
    SOFT = "soft"  # around this time ("rappeler vers…", often said by someone else)


@dataclass(frozen=True)
class Disposition:
    key: str
    aapor: str
    label_fr: str
    category: Category
    contact: bool  # someone was reached on the line
    eligible: bool | None  # the person is known eligible (True), not eligible (False), unknown (None)
    try_again: bool  # the person may be called again
    final: bool  # closes the case for this study
    delay_minutes: int = 0  # default delay before the next try (the study's rules may change it)
    appointment: Appointment | None = None
    by_interview: bool = False  # set by the interview itself, never recorded as a call


def _d(key: str, aapor: str, label: str, category: Category, *, contact: bool, eligible: bool | None,
       try_again: bool, delay: int = 0, appointment: Appointment | None = None, by_interview: bool = False) -> Disposition:
    return Disposition(key, aapor, label, category, contact, eligible, try_again, not try_again, delay, appointment,
                       by_interview)


C = Category
# Interim dispositions (the person may be called again) first, then final ones.
DISPOSITIONS: tuple[Disposition, ...] = (
    _d("no_answer", "3.13", "Pas de réponse", C.UNKNOWN_HOUSEHOLD, contact=False, eligible=None, try_again=True, delay=180),
    _d("busy", "3.12", "Occupé", C.UNKNOWN_HOUSEHOLD, contact=False, eligible=None, try_again=True, delay=15),
    _d("answering_machine", "3.14", "Répondeur", C.UNKNOWN_HOUSEHOLD, contact=False, eligible=None, try_again=True,
       delay=180),
    _d("message_left", "2.221", "Répondeur de la personne, message laissé", C.NON_CONTACT, contact=False, eligible=True,
       try_again=True, delay=1440),
    _d("technical_problem", "3.16", "Problème technique de ligne", C.UNKNOWN_HOUSEHOLD, contact=False, eligible=None,
       try_again=True, delay=180),
    # An appointment never kept: a hard one was agreed with the person (queXS counts it as a refusal,
    # "R"), a soft one was often said by someone else (AAPOR 2.21, respondent not available: "NC").
    _d("appointment", "2.21", "Rendez-vous précis", C.REFUSAL, contact=True, eligible=True, try_again=True,
       appointment=Appointment.HARD),
    _d("soft_appointment", "2.21", "Rappeler plus tard (heure approximative)", C.NON_CONTACT, contact=True,
       eligible=True, try_again=True, appointment=Appointment.SOFT),
    _d("soft_refusal", "2.112", "Refus pour l'instant (nouvel essai plus tard)", C.REFUSAL, contact=True, eligible=True,
       try_again=True, delay=10080),
    _d("refusal", "2.112", "Refus", C.REFUSAL, contact=True, eligible=True, try_again=False),
    _d("household_refusal", "2.111", "Refus par l'entourage", C.REFUSAL, contact=True, eligible=True, try_again=False),
    _d("wrong_number", "4.30", "Faux numéro", C.NOT_ELIGIBLE, contact=False, eligible=False, try_again=False),
    _d("not_eligible", "4.70", "Personne hors cible", C.NOT_ELIGIBLE, contact=True, eligible=False, try_again=False),
    _d("deceased", "2.31", "Personne décédée", C.OTHER, contact=True, eligible=True, try_again=False),
    _d("unable", "2.32", "Personne dans l'incapacité de répondre", C.OTHER, contact=True, eligible=True,
       try_again=False),
    _d("language", "2.332", "Barrière de la langue", C.OTHER, contact=True, eligible=True, try_again=False),
    _d("other_unknown", "3.90", "Autre cas (éligibilité inconnue)", C.UNKNOWN_OTHER, contact=False, eligible=None,
       try_again=False),
    # Set by the interview, never recorded as a call outcome.
    _d("complete", "1.1", "Entretien complet", C.COMPLETE, contact=True, eligible=True, try_again=False,
       by_interview=True),
    _d("partial", "1.2", "Entretien partiel", C.PARTIAL, contact=True, eligible=True, try_again=False,
       by_interview=True),
    _d("break_off", "2.12", "Entretien interrompu", C.REFUSAL, contact=True, eligible=True, try_again=False,
       by_interview=True),
    _d("objection", "2.112", "Opposition (droit d'opposition)", C.REFUSAL, contact=True, eligible=True,
       try_again=False, by_interview=True),
    _d("not_attempted", "3.11", "Jamais appelée", C.UNKNOWN_HOUSEHOLD, contact=False, eligible=None, try_again=True,
       by_interview=True),
)
del C

BY_KEY: dict[str, Disposition] = {d.key: d for d in DISPOSITIONS}
# The disposition an AAPOR code stands for on the command line (the first of the table with it).
BY_CODE: dict[str, Disposition] = {}
for _disposition in DISPOSITIONS:
    BY_CODE.setdefault(_disposition.aapor, _disposition)
del _disposition
RECORDABLE: tuple[Disposition, ...] = tuple(d for d in DISPOSITIONS if not d.by_interview)
# Which interim tells most about a person whose case never closed (AAPOR: the most informative).
INTERIM_PRECEDENCE = {Category.REFUSAL: 5, Category.OTHER: 4, Category.NON_CONTACT: 3, Category.UNKNOWN_OTHER: 2,
                      Category.UNKNOWN_HOUSEHOLD: 1}


def disposition(key_or_code: str) -> Disposition:
    """The disposition for a key (`no_answer`) or an AAPOR code (`3.13`); one clear refusal if neither."""
    text = str(key_or_code).strip()
    found = BY_KEY.get(text.lower()) or BY_CODE.get(text)
    if found is None:
        raise EtudesError(f"issue d'appel inconnue : {text} (par exemple no_answer, busy, appointment, refusal "
                          "ou un code AAPOR tel que 3.13)")
    return found


def recordable(key_or_code: str) -> Disposition:
    """A disposition a call may end with (completes and partials come from the interview itself)."""
    found = disposition(key_or_code)
    if found.by_interview:
        raise EtudesError(f"« {found.label_fr} » ne s'enregistre pas comme issue d'appel : il découle de l'entretien")
    return found
