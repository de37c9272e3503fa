"""One person of the sample given field by field (the collection office's assignment), checked as
a row of a sample file is: the NIR guard on every value and attribute, the formula guard, the
same converters. Pure: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Mapping

from etudes_desktop.core.formula_cells import neutralise
from etudes_desktop.core.nir import find_nir, header_names_nir
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.sample_mapping import RESPONDENT_FIELDS
from etudes_desktop.core.sample_values import CONVERTERS, InvalidValue

_FIELDS = RESPONDENT_FIELDS[1:]  # the sample id travels on its own


class PersonRefused(ValueError):
    """The person may not be stored; `nir` when a value or an attribute carries a NIR. The
    message names the field, never its value."""

    def __init__(self, message: str, *, nir: bool = False) -> None:
        super().__init__(message)
        self.nir = nir


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def person_record(sample_id: str, fields: Mapping[str, object], attributes: Mapping[str, str]) -> SampleRecord:
    """The record to store for this person, or PersonRefused (a NIR anywhere, an unknown field,
    a value its field's rule refuses)."""
    texts = {name: _text(value) for name, value in fields.items()}
    every = [sample_id, *texts.values(), *attributes.keys(), *attributes.values()]
    if any(find_nir(text) for text in every if text) or any(header_names_nir(key) for key in attributes):
        raise PersonRefused("numéro de sécurité sociale (NIR)", nir=True)
    unknown = sorted(set(texts) - set(_FIELDS))
    if unknown:
        raise PersonRefused(f"champ inconnu : {unknown[0]}")
    values: dict[str, object] = {}
    try:
        values["sample_id"] = CONVERTERS["sample_id"](sample_id.strip())
        for name in _FIELDS:
            if name in texts:
                values[name] = CONVERTERS[name](neutralise(texts[name]))
    except InvalidValue as exc:
        raise PersonRefused(str(exc)) from None
    kept = {key: neutralise(text) for key, value in attributes.items() if (text := value.strip())}
    return SampleRecord(0, attributes=kept, **values)  # type: ignore[arg-type]
