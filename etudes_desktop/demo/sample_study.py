"""A small questionnaire with every engine type, for screenshots, tests and the benchmark."""

from __future__ import annotations

from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire, RangeSpec

YES = "true()"


def _choices(*pairs: tuple[str, str]) -> list[Choice]:
    return [Choice(name=n, label={"default": label}) for n, label in pairs]


def _q(name: str, kind: ItemType, label: str, **extra: object) -> Item:
    return Item(name=name, type=kind, label={"default": label}, **extra)  # type: ignore[arg-type]


def sample_questionnaire() -> Questionnaire:
    """Satisfaction d'accueil: skip logic, a constraint, a field-list page, a 0-10 scale."""
    items = [
        _q("intro", ItemType.NOTE, "Merci d'avoir accepté de répondre. L'entretien dure environ cinq minutes."),
        _q("age", ItemType.INTEGER, "Quel est votre âge ?", required=YES, constraint=". >= 16 and . <= 110",
           constraint_message={"default": "L'âge doit être compris entre 16 et 110 ans."}, hint={"default": "En années révolues."}),
        _q("sexe", ItemType.SELECT_ONE, "Vous êtes :", required=YES, list_name="sexe"),
        _q("satisfaction", ItemType.SELECT_ONE, "Globalement, êtes-vous satisfait(e) de l'accueil dans votre caisse ?",
           required=YES, list_name="satisf"),
        _q("pourquoi", ItemType.TEXT, "Qu'est-ce qui vous a déplu ?", relevant="${satisfaction} = 'peu' or ${satisfaction} = 'pas'",
           required=YES),
        Item(name="contact", type=ItemType.GROUP, label={"default": "Votre dernier contact"}, appearance="field-list", children=[
            _q("canaux", ItemType.SELECT_MULTIPLE, "Par quels moyens avez-vous contacté votre caisse cette année ?",
               required=YES, list_name="canaux"),
            _q("date_contact", ItemType.DATE, "Date du dernier contact", hint={"default": "JJ/MM/AAAA"}),
            _q("heure_contact", ItemType.TIME, "Heure approximative"),
            _q("agence_nom", ItemType.TEXT, "Quelle agence ?", relevant="selected(${canaux}, 'agence')"),
        ]),
        _q("attente", ItemType.DECIMAL, "Temps d'attente à l'accueil (en minutes)", constraint=". >= 0"),
        _q("rdv", ItemType.DATETIME, "Date et heure de votre prochain rendez-vous, si vous en avez un"),
        _q("reco", ItemType.RANGE, "De 0 à 10, recommanderiez-vous ce service à un proche ?", required=YES,
           range=RangeSpec(start=0, end=10, step=1)),
        _q("commentaire", ItemType.TEXT, "Avez-vous un commentaire ?", appearance="multiline"),
        _q("lu", ItemType.ACKNOWLEDGE, "La personne a été remerciée pour sa participation.", required=YES),
        _q("score", ItemType.CALCULATE, "", calculation="if(${reco} >= 9, 'promoteur', 'autre')"),
    ]
    choices = {
        "sexe": _choices(("f", "Une femme"), ("h", "Un homme"), ("nsp", "Ne souhaite pas répondre")),
        "satisf": _choices(("tres", "Très satisfait(e)"), ("assez", "Assez satisfait(e)"), ("peu", "Peu satisfait(e)"),
                           ("pas", "Pas du tout satisfait(e)")),
        "canaux": _choices(("tel", "Téléphone"), ("agence", "Accueil en agence"), ("web", "Compte en ligne"),
                           ("courrier", "Courrier")),
    }
    return Questionnaire(form_id="satisfaction_accueil", title="Satisfaction de l'accueil", version="3",
                         items=items, choices=choices)


def sample_package(**overrides: object) -> object:
    """A StudyPackage around the sample questionnaire (default notice and commitment)."""
    from etudes_desktop.core.study import StudyPackage

    fields: dict[str, object] = dict(id="satisfaction-accueil-2026", title="Satisfaction de l'accueil 2026",
                                     modes=["face_to_face", "phone", "paper"], questionnaire=sample_questionnaire())
    fields.update(overrides)
    return StudyPackage(**fields)
