"""Group questions answered by a show of hands: a count per choice, with the number present."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.questionnaire import ItemType, Questionnaire


class CountRefused(EtudesError):
    """A show of hands that cannot be right (more hands than people present...)."""


@dataclass(frozen=True)
class HandCount:
    question: str
    present: int
    counts: dict[str, int]  # choice name -> hands raised
    single: bool  # a single choice: one hand per person at most

    @property
    def abstained(self) -> int | None:
        """For a single choice: those present who raised no hand (None for a multiple choice)."""
        return self.present - sum(self.counts.values()) if self.single else None


def check_count(questionnaire: Questionnaire, question: str, present: int, counts: Mapping[str, int]) -> HandCount:
    """The count as it may be stored; CountRefused with a French message otherwise."""
    item = questionnaire.item_index().get(question)
    if item is None or item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        raise CountRefused(f"« {question} » n'est pas une question à choix du questionnaire.")
    if present < 1:
        raise CountRefused("Aucun participant présent : rien à compter.")
    names = {choice.name for choice in questionnaire.choices_for(item)}
    out: dict[str, int] = {}
    for name, value in counts.items():
        if name not in names:
            raise CountRefused(f"« {name} » n'est pas un choix de la question {question}.")
        if value < 0:
            raise CountRefused("Un nombre de mains levées ne peut pas être négatif.")
        if value > present:
            raise CountRefused(f"{value} mains levées pour {present} participants présents : recomptez.")
        out[name] = value
    if item.type is ItemType.SELECT_ONE and sum(out.values()) > present:
        raise CountRefused(f"Une seule main par personne : {sum(out.values())} mains levées pour "
                           f"{present} participants présents. Recomptez.")
    return HandCount(question, present, out, item.type is ItemType.SELECT_ONE)
