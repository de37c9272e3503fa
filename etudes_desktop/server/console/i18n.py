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


def role_label(role: str, lang: str = "fr") -> str:
    return translate(ROLE_LABELS.get(role, role), lang)


from etudes_desktop.server.console.catalogue_en import CATALOGUE as _CATALOGUE  # noqa: E402

EN.update(_CATALOGUE)
