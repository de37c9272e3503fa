"""The web questionnaire in the respondent's language: the form's declared languages (XLSForm
`label::English (en)`...), chosen on any page or taken from the browser's Accept-Language on the
first visit. The questionnaire's own texts come from the form; the pages' texts, and the engine's
common messages, from the English catalogue below (French is the source language)."""

from __future__ import annotations

import re
from collections.abc import Callable

from etudes_desktop.core.free_text import MESSAGES as IDENTITY_MESSAGES
from etudes_desktop.core.free_text import IdentityKind
from etudes_desktop.core.session import CONSTRAINT_MESSAGE, REQUIRED_MESSAGE
from etudes_desktop.core.session.answers import (
    INTEGER_EXPECTED,
    INTEGER_NOT_DECIMAL,
    LETTERS_REFUSED,
    NIR_REFUSED,
    NUMBER_EXPECTED,
)

NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español", "it": "Italiano", "pt": "Português",
         "ar": "العربية"}

EN = {
    # pages
    "Aller au contenu": "Skip to content",
    "Questionnaire en ligne": "Online questionnaire",
    "Vos réponses sont enregistrées à chaque page : vous pouvez fermer cette page et reprendre plus tard avec le même lien.":
        "Your answers are saved at every page: you can close this page and carry on later with the same link.",
    "Langue": "Language",
    "Avant de commencer": "Before you start",
    "Information sur le traitement de vos données": "How your data are processed",
    "Vous pouvez accepter de répondre, ou vous opposer : dans ce cas, aucune réponse n'est recueillie et vous ne serez plus sollicité(e) pour cette étude.":
        "You may accept to answer, or object: then no answer is collected and you will not be asked again for this study.",
    "J'accepte": "I accept",
    "Je m'oppose": "I object",
    "Erreur : ": "Error: ",
    "page {n} sur {total}": "page {n} of {total}",
    "Page {n} sur {total}": "Page {n} of {total}",
    "Avancement du questionnaire": "Progress through the questionnaire",
    "{n} sur {total}": "{n} of {total}",
    "Une réponse est à corriger": "One answer needs correcting",
    "{n} réponses sont à corriger": "{n} answers need correcting",
    "(obligatoire)": "(required)",
    "Donnez à chaque réponse son rang : 1 pour la première, {n} pour la dernière.":
        "Give each answer its rank: 1 for the first, {n} for the last.",
    "Suivant": "Next",
    "Ajouter : {label}": "Add: {label}",
    "Précédent": "Previous",
    "Envoyer vos réponses": "Send your answers",
    "Vous avez répondu à toutes les questions": "You have answered every question",
    "Une fois vos réponses envoyées, elles ne pourront plus être modifiées.":
        "Once your answers are sent, they can no longer be changed.",
    "Envoyer mes réponses": "Send my answers",
    "Revenir à la page précédente": "Back to the previous page",
    "Questionnaire en ligne de l'étude : aucun cookie, aucun service extérieur.":
        "The study's online questionnaire: no cookie, no outside service.",
    "Opposition enregistrée": "Objection recorded",
    "Votre opposition est enregistrée : vous ne serez plus sollicité(e) pour cette étude, et aucune réponse n'a été conservée.":
        "Your objection is recorded: you will not be asked again for this study, and no answer was kept.",
    "Merci !": "Thank you!",
    "Vos réponses sont enregistrées. Ce questionnaire est terminé : il ne peut plus être modifié.":
        "Your answers are saved. This questionnaire is finished: it can no longer be changed.",
    "Enquête terminée": "Survey closed",
    "L'enquête est terminée : elle n'accepte plus de réponses.": "The survey is over: it takes no more answers.",
    "Donnez à chaque réponse un rang différent, de 1 au nombre de réponses.":
        "Give each answer a different rank, from 1 to the number of answers.",
    "Réponse refusée.": "Answer refused.",
    # the engine's common messages (core.session)
    REQUIRED_MESSAGE: "This question is required.",
    CONSTRAINT_MESSAGE: "This answer does not follow the question's rule.",
    INTEGER_EXPECTED: "A whole number is expected.",
    INTEGER_NOT_DECIMAL: "A whole number is expected: the answer cannot have decimals.",
    NUMBER_EXPECTED: "A number is expected.",
    LETTERS_REFUSED: "Only digits are accepted: the answer holds letters.",
    NIR_REFUSED: "This answer seems to hold a social security number (NIR): it must never be collected. "
                 "Word the answer without it.",
    IDENTITY_MESSAGES[IdentityKind.PHONE]: "This text holds a phone number: it cannot be saved. Remove it and try again.",
    IDENTITY_MESSAGES[IdentityKind.EMAIL]: "This text holds an e-mail address: it cannot be saved. Remove it and try again.",
    IDENTITY_MESSAGES[IdentityKind.NAME]: "This text holds the name, first name or street of the person answering: "
                                          "answers stay anonymous. Remove it and try again.",
}
CATALOGUES = {"en": EN}


def code(language: str | None) -> str:
    """The two-letter code of a declared language (« English (en) » -> en; fr by default)."""
    text = (language or "").strip().lower()
    found = re.search(r"\(([a-z]{2})\)", text)
    if found:
        return found.group(1)
    for short, name in NAMES.items():
        if text in (short, name.lower()) or text.startswith(name.lower()):
            return short
    return "fr" if not text or text in ("default", "français", "francais", "french") else text[:2]


def translator(lang: str) -> Callable[..., str]:
    catalogue = CATALOGUES.get(lang, {})

    def translate(text: str, **values: object) -> str:
        said = catalogue.get(text, text)
        return said.format(**values) if values else said

    return translate


def offered(languages: list[str]) -> list[tuple[str, str]]:
    """(declared language, its name in itself) for a language switch; none for a one-language form."""
    if len(languages) < 2:
        return []
    return [(declared, NAMES.get(code(declared), declared)) for declared in languages]


def from_header(header: str, languages: list[str]) -> str | None:
    """The form's language the browser prefers (Accept-Language), or None."""
    by_code = {code(declared): declared for declared in languages}
    for part in header.split(","):
        wanted = part.split(";")[0].strip().lower()[:2]
        if wanted in by_code:
            return by_code[wanted]
    return None
