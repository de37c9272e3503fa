"""AAPOR rates of the progress page, per study and per interviewer, from the pure core
(core.calls.rates: case_disposition, then report). Pure: no SQL.

From the laptops' case events when the study has any: each case's final disposition from its
calls and its reported outcome, counted for the interviewer of its latest event; the sample's
cases never attempted count for the study (AAPOR 3.11, unknown eligibility). Before any case
event, each received interview is one case: a completed interview is a complete (I), an
objection a refusal (R).
"""

from __future__ import annotations

from fractions import Fraction
from itertools import chain, repeat

from etudes_desktop.core.calls.dispositions import Disposition
from etudes_desktop.core.calls.rates import RatesReport, case_disposition, report
from etudes_desktop.server.progress_store import CaseOutcomes, Tally

SHOWN = ("RR1", "RR3", "COOP1", "REF1", "CON1")


def interview_rates(tally: Tally) -> RatesReport:
    """The rates of the cases these interviews close (one case per interview)."""
    complete, objection = case_disposition([], "complete"), case_disposition([], "objection")
    return report(chain(repeat(complete, tally.completed), repeat(objection, tally.objected)))


def case_rates(found: CaseOutcomes) -> tuple[RatesReport, dict[str, RatesReport]]:
    """The study's rates and each interviewer's, from the cases the laptops reported."""
    untouched = case_disposition([])
    per: dict[str, list[Disposition]] = {}
    every: list[Disposition] = []
    for case in found.cases:
        final = case_disposition(case.calls, "complete" if case.outcome == "completed" else None,
                                 objected=case.outcome == "objected")
        every.append(final)
        per.setdefault(case.interviewer, []).append(final)
    study = report(chain(every, repeat(untouched, found.untouched)))
    return study, {name: report(finals) for name, finals in sorted(per.items())}


def percent(value: Fraction | None, lang: str) -> str:
    """75,0 % in French, 75.0% in English; a dash when the rate has no denominator yet."""
    if value is None:
        return "—"
    text = f"{float(value) * 100:.1f}"
    return text.replace(".", ",") + "\u202f%" if lang == "fr" else text + "%"
