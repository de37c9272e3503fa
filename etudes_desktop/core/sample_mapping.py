"""Which column of a sample file feeds which respondent field: the mapping, guessed then editable."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from etudes_desktop.core.errors import EtudesError

# Respondent fields a column may feed; "attribute" keeps the column as a study attribute,
# "ignore" leaves it out (data minimisation: what is not needed is not kept).
RESPONDENT_FIELDS = (
    "sample_id", "title", "last_name", "first_name", "sex", "age", "birth_date",
    "address", "postcode", "town", "phone", "phone2", "email", "profession",
)
TARGETS = frozenset(RESPONDENT_FIELDS) | {"attribute", "ignore"}
MULTI_COLUMN_FIELDS = frozenset({"address"})  # several address lines are joined
FIELD_LABELS = {
    "sample_id": "identifiant", "title": "civilité", "last_name": "nom", "first_name": "prénom",
    "sex": "sexe", "age": "âge", "birth_date": "date de naissance", "address": "adresse",
    "postcode": "code postal", "town": "commune", "phone": "téléphone", "phone2": "téléphone 2",
    "email": "e-mail", "profession": "profession", "attribute": "attribut d'étude", "ignore": "ignorée",
}

# Normalised header -> field. Headers are compared without accents, case or punctuation.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sample_id": ("id", "identifiant", "identifiant echantillon", "id echantillon", "num echantillon",
                  "numero echantillon", "n echantillon", "no echantillon", "sample id", "ref", "reference",
                  "code", "cle", "id enquete", "identifiant enquete", "numero", "num", "n", "no"),
    "title": ("civilite", "civ", "titre", "title", "qualite"),
    "last_name": ("nom", "nom de famille", "nom d usage", "nom usage", "nom naissance", "nom de naissance",
                  "nom patronymique", "nom assure", "nom beneficiaire", "last name", "lastname", "surname",
                  "name", "nom marital"),
    "first_name": ("prenom", "prenoms", "prenom assure", "prenom beneficiaire", "first name", "firstname"),
    "sex": ("sexe", "genre", "sex", "gender", "code sexe"),
    "age": ("age", "age ans", "age en annees", "age annees", "age actuel"),
    "birth_date": ("date de naissance", "date naissance", "ddn", "naissance", "ne le", "ne e le",
                   "birth date", "birthdate", "date of birth", "dob"),
    "address": ("adresse", "adresse 1", "adresse 2", "adresse 3", "adresse1", "adresse2", "adresse3",
                "adresse postale", "complement adresse", "complement d adresse", "voie", "rue",
                "numero et voie", "lieu dit", "address", "ligne adresse", "batiment", "residence"),
    "postcode": ("code postal", "cp", "postcode", "post code", "zip", "zip code", "code post"),
    "town": ("ville", "commune", "localite", "town", "city", "bureau distributeur", "commune residence"),
    "phone": ("telephone", "tel", "tel 1", "telephone 1", "tel1", "telephone1", "phone", "portable",
              "mobile", "tel portable", "tel mobile", "telephone portable", "telephone mobile", "tel fixe",
              "telephone fixe", "numero de telephone", "num tel", "n tel", "no tel", "tel domicile"),
    "email": ("email", "e mail", "mail", "courriel", "adresse mail", "adresse email", "adresse e mail",
              "adresse electronique", "mel", "adresse courriel"),
    "profession": ("profession", "metier", "csp", "pcs", "categorie socioprofessionnelle",
                   "categorie socio professionnelle", "emploi", "occupation", "activite professionnelle"),
}
_LOOKUP = {phrase: target for target, phrases in _SYNONYMS.items() for phrase in phrases}


def normalise_header(header: str) -> str:
    """Lower case, no accents, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", header)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


class SampleMapping(BaseModel):
    """Header -> target ("sample_id", "last_name", ..., "attribute" or "ignore"), in file order."""

    columns: dict[str, str] = Field(default_factory=dict)

    @field_validator("columns")
    @classmethod
    def _known_targets(cls, columns: dict[str, str]) -> dict[str, str]:
        for header, target in columns.items():
            if target not in TARGETS:
                raise ValueError(f"colonne « {header} » : destination inconnue « {target} »")
        return columns

    @model_validator(mode="after")
    def _single_fields(self) -> SampleMapping:
        seen: dict[str, str] = {}
        for header, target in self.columns.items():
            if target in RESPONDENT_FIELDS and target not in MULTI_COLUMN_FIELDS:
                if target in seen:
                    raise ValueError(f"« {FIELD_LABELS[target]} » reçoit deux colonnes : « {seen[target]} » et « {header} »")
                seen[target] = header
        return self

    def require_sample_id(self) -> None:
        """Refuse a mapping without an identifier column (needed for duplicates and objections)."""
        if not self.columns_for("sample_id"):
            raise EtudesError("aucune colonne n'est l'identifiant de l'échantillon : indiquez-la dans la correspondance")

    def columns_for(self, target: str) -> list[str]:
        return [h for h, t in self.columns.items() if t == target]

    def to_json(self) -> str:
        return json.dumps(self.model_dump(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_json(cls, text: str) -> SampleMapping:
        """A mapping from its JSON; a bare {header: target} object is accepted too."""
        try:
            data: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EtudesError(f"correspondance des colonnes illisible (JSON invalide, ligne {exc.lineno})") from exc
        if isinstance(data, dict) and "columns" not in data:
            data = {"columns": data}
        return parse_mapping(data)


def parse_mapping(data: Any) -> SampleMapping:
    """Validate a mapping, turning pydantic's errors into one French message."""
    from pydantic import ValidationError

    try:
        return SampleMapping.model_validate(data)
    except ValidationError as exc:
        reasons = "; ".join(str(e.get("ctx", {}).get("error", e["msg"])) for e in exc.errors())
        raise EtudesError(f"correspondance des colonnes invalide : {reasons}") from exc


def guess_target(header: str) -> str:
    """The field a header most likely names, or "attribute"."""
    name = normalise_header(header)
    if name in _LOOKUP:
        return _LOOKUP[name]
    stripped = re.sub(r"\s*\d+$", "", name)
    if stripped in _LOOKUP and _LOOKUP[stripped] in ("phone", "address"):
        return _LOOKUP[stripped]
    return "attribute"


def guess_mapping(headers: list[str]) -> SampleMapping:
    """Guess each column's destination from its header; the first of duplicates wins.

    A second phone column becomes phone2; without any recognisable identifier column, a first
    column that names nothing else is taken as the sample id (the user can change it).
    """
    columns: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        if not header or header in columns:
            continue
        target = guess_target(header)
        if target == "phone" and "phone" in taken:
            target = "phone2"
        if target in taken and target not in MULTI_COLUMN_FIELDS:
            target = "attribute"
        columns[header] = target
        taken.add(target)
    if "sample_id" not in taken and columns:
        first = next(iter(columns))
        if columns[first] == "attribute":
            columns[first] = "sample_id"
    return parse_mapping({"columns": columns})
