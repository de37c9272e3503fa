"""Double entry: which forms are keyed again, who erred on a difference, the operators' figures."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

from etudes_desktop.core.errors import EtudesError

DEFAULT_EVERY = 5


class RateKind(StrEnum):
    EVERY = "every"      # every n-th form of the batch
    PERCENT = "percent"  # n % of the forms, drawn at random (seeded, so the draw can be replayed)


@dataclass(frozen=True)
class Rate:
    kind: RateKind = RateKind.EVERY
    value: int = DEFAULT_EVERY
    seed: int = 0

    def picks(self, batch_id: str, position: int) -> bool:
        """Is the form keyed at this position (1, 2, ...) of the batch keyed again?"""
        if self.value <= 0:
            return False
        if self.kind is RateKind.EVERY:
            return position % self.value == 0
        digest = hashlib.sha256(f"{self.seed}:{batch_id}:{position}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < self.value / 100

    def describe(self) -> str:
        if self.value <= 0:
            return "aucune double saisie"
        if self.kind is RateKind.EVERY:
            return "chaque questionnaire" if self.value == 1 else f"un questionnaire sur {self.value}"
        return f"{self.value} % des questionnaires, tirés au hasard"


_RATE = re.compile(r"^\s*(?:1\s*/\s*(\d{1,3})|(\d{1,3})\s*%)\s*$")


def parse_rate(text: str, seed: int = 0) -> Rate:
    """« 1/5 » (every 5th form) or « 20 % » (a random fifth); « 0 % » for none."""
    match = _RATE.match(text)
    if match is None:
        raise EtudesError("Taux de double saisie : écrivez « 1/5 » (un questionnaire sur cinq) ou « 20 % ».")
    every, percent = match.groups()
    if every is not None:
        if not 1 <= int(every) <= 100:
            raise EtudesError("Taux de double saisie : « 1/n » avec n de 1 à 100.")
        return Rate(RateKind.EVERY, int(every), seed)
    if not 0 <= int(percent) <= 100:
        raise EtudesError("Taux de double saisie : un pourcentage de 0 à 100.")
    return Rate(RateKind.PERCENT, int(percent), seed)


def format_rate(rate: Rate) -> str:
    return f"1/{rate.value}" if rate.kind is RateKind.EVERY else f"{rate.value} %"


class Resolution(StrEnum):
    FIRST = "first"    # the first keying was right
    SECOND = "second"  # the verifier was right
    REKEY = "rekey"    # the value is keyed again from the paper


def attribute(resolution: Resolution, first: object, second: object, final: object) -> tuple[int, int]:
    """(keyer errors, verifier errors) for one resolved difference: the value kept is right,
    whoever typed another was wrong (a re-key that matches neither blames both)."""
    if resolution is Resolution.FIRST:
        return 0, 1
    if resolution is Resolution.SECOND:
        return 1, 0
    return int(final != first), int(final != second)


@dataclass(frozen=True)
class OperatorFigures:
    """One operator's keying: forms and fields keyed (first or second keying), time, errors."""

    operator: str
    forms: int
    fields: int
    seconds: float
    errors: int

    @property
    def forms_per_hour(self) -> float | None:
        return self.forms * 3600 / self.seconds if self.seconds > 0 else None

    @property
    def errors_per_thousand(self) -> float | None:
        return self.errors * 1000 / self.fields if self.fields else None
