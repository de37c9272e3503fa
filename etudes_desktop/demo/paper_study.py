"""A paper questionnaire to key back: codes of one digit, a skip, a bounded number, a scale
(for the paper keying tests, screenshots and benchmark)."""

from __future__ import annotations

from typing import Any

from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire, RangeSpec

YES = "true()"


def _q(name: str, kind: ItemType, label: str, **extra: Any) -> Item:
    return Item(name=name, type=kind, label={"default": label}, **extra)


def _choices(*labels: str) -> list[Choice]:
    return [Choice(name=str(n), label={"default": label}) for n, label in enumerate(labels, start=1)]


def paper_questionnaire() -> Questionnaire:
    items = [
        _q("age", ItemType.INTEGER, "Quel est votre âge ?", required=YES, constraint=". >= 16 and . <= 110",
           constraint_message={"default": "L'âge doit être compris entre 16 et 110 ans."}),
        _q("sexe", ItemType.SELECT_ONE, "Vous êtes :", required=YES, list_name="sexe"),
        _q("satisfaction", ItemType.SELECT_ONE, "Globalement, êtes-vous satisfait(e) de l'accueil ?", required=YES,
           list_name="satisf"),
        _q("pourquoi", ItemType.SELECT_ONE, "Qu'est-ce qui vous a déplu ?", list_name="motif",
           relevant="${satisfaction} = '3' or ${satisfaction} = '4'"),
        _q("canaux", ItemType.SELECT_MULTIPLE, "Par quels moyens avez-vous contacté votre caisse ?", list_name="canaux"),
        _q("contacts", ItemType.INTEGER, "Combien de fois cette année ?", constraint=". >= 0 and . <= 99",
           constraint_message={"default": "De 0 à 99 fois."}),
        _q("reco", ItemType.RANGE, "De 0 à 10, recommanderiez-vous ce service ?", range=RangeSpec(start=0, end=10)),
        _q("commentaire", ItemType.TEXT, "Un commentaire ?"),
    ]
    choices = {
        "sexe": _choices("Une femme", "Un homme", "Ne souhaite pas répondre"),
        "satisf": _choices("Très satisfait(e)", "Assez satisfait(e)", "Peu satisfait(e)", "Pas du tout satisfait(e)"),
        "motif": _choices("L'attente", "L'accueil", "Les horaires", "Autre"),
        "canaux": _choices("Téléphone", "Accueil en agence", "Compte en ligne", "Courrier"),
    }
    return Questionnaire(form_id="accueil_papier", title="Accueil (papier)", version="1", items=items, choices=choices)


def paper_package(**overrides: Any) -> Any:
    """A StudyPackage collected on paper around that questionnaire (default notice)."""
    from etudes_desktop.core.study import StudyPackage

    fields: dict[str, Any] = dict(id="accueil-papier-2026", title="Accueil 2026 (questionnaires papier)",
                                  modes=["paper"], questionnaire=paper_questionnaire())
    fields.update(overrides)
    return StudyPackage(**fields)
