"""AAPOR rates of the progress page, per study and per interviewer, from the pure core
(core.calls.rates: case_disposition, then report). Pure: no SQL.

Until the laptops' case events (calls and their dispositions) reach the server, each received
interview is one case: a completed interview is a complete (I), an objection a refusal (R).
"""

from __future__ import annotations

from fractions import Fraction
from itertools import chain, repeat

from etudes_desktop.core.calls.rates import RatesReport, case_disposition, report
from etudes_desktop.server.progress_store import Tally

SHOWN = ("RR1", "RR3", "COOP1", "REF1", "CON1")


def interview_rates(tally: Tally) -> RatesReport:
    """The rates of the cases these interviews close (one case per interview)."""
    complete, objection = case_disposition([], "complete"), case_disposition([], "objection")
    return report(chain(repeat(complete, tally.completed), repeat(objection, tally.objected)))


def percent(value: Fraction | None, lang: str) -> str:
    """75,0 % in French, 75.0% in English; a dash when the rate has no denominator yet."""
    if value is None:
        return "—"
    text = f"{float(value) * 100:.1f}"
    return text.replace(".", ",") + "\u202f%" if lang == "fr" else text + "%"
