"""AAPOR outcome rates (Standard Definitions): response RR1–RR6, cooperation COOP1–4, refusal
REF1–3 and contact CON1–3, from each case's final disposition.

A case's final disposition: what its interview says (complete, partial, break-off, objection),
else its final call disposition, else the most informative of its interim calls (a refusal tells
more than a non-contact, which tells more than a ring with no answer), else "not attempted".
Pure functions: the laptop's command line and screens and the server's console call them with
the dispositions they hold (per study, per interviewer).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from etudes_desktop.core.calls.dispositions import BY_KEY, INTERIM_PRECEDENCE, Category, Disposition

RATE_NAMES = ("RR1", "RR2", "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP2", "COOP3", "COOP4",
              "REF1", "REF2", "REF3", "CON1", "CON2", "CON3")


def case_disposition(calls: Sequence[str], interview: str | None = None, objected: bool = False) -> Disposition:
    """The final disposition of one case: `calls` are its call dispositions (keys, oldest first),
    `interview` how its interview ended (complete, partial, break_off, objection; None if none),
    `objected` whether the person objected outside an interview (rights request)."""
    if interview in ("complete", "partial", "objection"):
        return BY_KEY[interview]
    if objected:
        return BY_KEY["objection"]
    finals = [BY_KEY[c] for c in calls if BY_KEY[c].final]
    if finals:
        return finals[-1]
    if interview == "break_off":
        return BY_KEY["break_off"]
    interims = [BY_KEY[c] for c in calls]
    if not interims:
        return BY_KEY["not_attempted"]
    best = max(INTERIM_PRECEDENCE[d.category] for d in interims)
    return [d for d in interims if INTERIM_PRECEDENCE[d.category] == best][-1]


@dataclass(frozen=True)
class Counts:
    """Cases by AAPOR category (I, P, R, NC, O, UH, UO, NE)."""

    by_category: dict[Category, int] = field(default_factory=dict)

    @classmethod
    def of(cls, dispositions: Iterable[Disposition]) -> Counts:
        counter = Counter(d.category for d in dispositions)
        return cls({c: counter.get(c, 0) for c in Category})

    @classmethod
    def from_letters(cls, **numbers: int) -> Counts:
        """Counts(I=5, P=3, ...) by AAPOR's letters."""
        return cls({c: int(numbers.get(c.value, 0)) for c in Category})

    def __getitem__(self, letter: str) -> int:
        return self.by_category.get(Category(letter), 0)

    @property
    def total(self) -> int:
        return sum(self.by_category.values())


def estimated_eligibility(counts: Counts) -> Fraction | None:
    """AAPOR's e estimated as the share of eligible cases among those whose eligibility is known."""
    known = sum(counts[x] for x in ("I", "P", "R", "NC", "O"))
    resolved = known + counts["NE"]
    return Fraction(known, resolved) if resolved else None


def _ratio(top: Fraction | int, bottom: Fraction | int) -> Fraction | None:
    return Fraction(top) / Fraction(bottom) if bottom else None


def rates(counts: Counts, e: float | Fraction | None = None) -> dict[str, Fraction | None]:
    """Every AAPOR rate as an exact fraction (None when its denominator is zero).

    `e` is the estimated proportion of cases of unknown eligibility that are eligible; None
    estimates it from the cases (`estimated_eligibility`), 1 when nothing is known yet."""
    if e is None:
        e = estimated_eligibility(counts)
    e = Fraction(1) if e is None else Fraction(e).limit_denominator(10**6)
    i, p, r, nc, o, uh, uo = (counts[x] for x in ("I", "P", "R", "NC", "O", "UH", "UO"))
    interviews, eligible, unknown = i + p, r + nc + o, uh + uo
    full = interviews + eligible + unknown
    weighted = interviews + eligible + e * unknown
    known = interviews + eligible
    contacted = interviews + r + o
    return {
        "RR1": _ratio(i, full), "RR2": _ratio(interviews, full),
        "RR3": _ratio(i, weighted), "RR4": _ratio(interviews, weighted),
        "RR5": _ratio(i, known), "RR6": _ratio(interviews, known),
        "COOP1": _ratio(i, interviews + r + o), "COOP2": _ratio(interviews, interviews + r + o),
        "COOP3": _ratio(i, interviews + r), "COOP4": _ratio(interviews, interviews + r),
        "REF1": _ratio(r, full), "REF2": _ratio(r, weighted), "REF3": _ratio(r, known),
        "CON1": _ratio(contacted, contacted + nc + unknown), "CON2": _ratio(contacted, contacted + nc + e * unknown),
        "CON3": _ratio(contacted, contacted + nc),
    }


@dataclass(frozen=True)
class RatesReport:
    """What a screen or the command line shows: the counts, e, and every rate."""

    counts: Counts
    e: Fraction | None
    e_estimated: bool
    values: dict[str, Fraction | None]

    def as_json(self) -> dict[str, object]:
        return {"cases": self.counts.total,
                "counts": {c.value: self.counts[c.value] for c in Category},
                "e": None if self.e is None else float(self.e), "e_estimated": self.e_estimated,
                "rates": {k: None if v is None else round(float(v), 6) for k, v in self.values.items()}}


def report(dispositions: Iterable[Disposition], e: float | None = None) -> RatesReport:
    """Counts, e and rates for these final dispositions (one per case)."""
    counts = Counts.of(dispositions)
    used = Fraction(e).limit_denominator(10**6) if e is not None else estimated_eligibility(counts)
    return RatesReport(counts, used, e is None, rates(counts, used))
