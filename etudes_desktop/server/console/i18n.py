"""The console's languages: French first; English from a catalogue keyed by the French text.

`translate("Études", "en")` -> "Studies". A text missing from the catalogue stays French (the
test suite checks that every text of the templates and pages has its English).
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("fr", "en")

ROLE_LABELS = {
    "manager": "Responsable d'étude",
    "dpo": "Délégué à la protection des données",
    "insurer": "Assureur",
}

EN: dict[str, str] = {}  # filled from catalogue_en below


def translate(text: str, lang: str, **values: Any) -> str:
    out = EN.get(text, text) if lang == "en" else text
    return out.format(**values) if values else out


# Messages with a count: (singular, plural) in each language (French takes the singular for 0 and 1).
PLURALS: dict[str, dict[str, tuple[str, str]]] = {
    "refused": {
        "fr": ("Fichier refusé : {count} problème à corriger. Rien n'a été publié.",
               "Fichier refusé : {count} problèmes à corriger. Rien n'a été publié."),
        "en": ("File refused: {count} problem to fix. Nothing was published.",
               "File refused: {count} problems to fix. Nothing was published."),
    },
    "silent_days": {
        "fr": ("Appareils silencieux depuis plus d'un jour", "Appareils silencieux depuis plus de {count} jours"),
        "en": ("Devices silent for more than a day", "Devices silent for more than {count} days"),
    },
    "retention_run": {
        "fr": ("Conservation appliquée : fichiers fournis détruits pour {count} étude échue.",
               "Conservation appliquée : fichiers fournis détruits pour {count} études échues."),
        "en": ("Retention applied: supplied files destroyed for {count} study due.",
               "Retention applied: supplied files destroyed for {count} studies due."),
    },
}


def plural(key: str, count: int, lang: str) -> str:
    """The message `key` agreeing with `count`, in `lang`."""
    forms = PLURALS[key].get(lang) or PLURALS[key]["fr"]
    one = abs(count) <= 1 if lang == "fr" else count == 1
    return forms[0 if one else 1].format(count=count)


def role_label(role: str, lang: str = "fr") -> str:
    return translate(ROLE_LABELS.get(role, role), lang)


from etudes_desktop.server.console.catalogue_en import CATALOGUE as _CATALOGUE  # noqa: E402

EN.update(_CATALOGUE)
