"""The column mapping: guessed from French headers, editable, validated, saved as JSON."""

from __future__ import annotations

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample_mapping import SampleMapping, guess_mapping, guess_target, parse_mapping


def test_guess_from_typical_french_headers():
    headers = ["N° échantillon", "Civilité", "NOM", "Prénom", "Sexe", "Âge", "Adresse 1", "Adresse 2", "CP",
               "Commune", "Tél. fixe", "Tél. portable", "Courriel", "Profession", "Nb consultations 2023"]
    mapping = guess_mapping(headers)
    assert mapping.columns == {
        "N° échantillon": "sample_id", "Civilité": "title", "NOM": "last_name", "Prénom": "first_name",
        "Sexe": "sex", "Âge": "age", "Adresse 1": "address", "Adresse 2": "address", "CP": "postcode",
        "Commune": "town", "Tél. fixe": "phone", "Tél. portable": "phone2", "Courriel": "email",
        "Profession": "profession", "Nb consultations 2023": "attribute",
    }


@pytest.mark.parametrize(
    ("header", "target"),
    [("Date de naissance", "birth_date"), ("DDN", "birth_date"), ("e-mail", "email"), ("Adresse mail", "email"),
     ("Adresse électronique", "email"), ("Code postal", "postcode"), ("Ville", "town"), ("Identifiant", "sample_id"),
     ("first_name", "first_name"), ("Téléphone 2", "phone"), ("Métier", "profession"), ("Genre", "sex"),
     ("Régime", "attribute"), ("Montant remboursé", "attribute"), ("Nom du médecin traitant", "attribute")],
)
def test_guess_target(header, target):
    assert guess_target(header) == target


def test_first_unknown_column_becomes_the_identifier():
    mapping = guess_mapping(["Dossier", "Nom", "Ville"])
    assert mapping.columns["Dossier"] == "sample_id"


def test_no_identifier_is_refused_at_use():
    mapping = guess_mapping(["Nom", "Ville"])
    with pytest.raises(EtudesError, match="identifiant"):
        mapping.require_sample_id()


def test_duplicate_fields_fall_back_to_attributes():
    mapping = guess_mapping(["id", "Nom", "Nom de naissance", "Téléphone", "Portable", "Mobile"])
    assert mapping.columns["Nom de naissance"] == "attribute"
    assert mapping.columns["Portable"] == "phone2"
    assert mapping.columns["Mobile"] == "attribute"


def test_edited_mapping_is_validated():
    with pytest.raises(EtudesError, match="destination inconnue"):
        parse_mapping({"columns": {"id": "sample_id", "X": "nir"}})
    with pytest.raises(EtudesError, match="deux colonnes"):
        parse_mapping({"columns": {"id": "sample_id", "A": "last_name", "B": "last_name"}})
    ok = parse_mapping({"columns": {"id": "sample_id", "A": "address", "B": "address", "C": "ignore"}})
    assert ok.columns_for("address") == ["A", "B"]


def test_json_round_trip_keeps_order_and_accents():
    mapping = guess_mapping(["Identifiant", "Prénom", "Nb actes"])
    again = SampleMapping.from_json(mapping.to_json())
    assert again == mapping
    assert list(again.columns) == ["Identifiant", "Prénom", "Nb actes"]
    assert "Prénom" in mapping.to_json()


def test_bare_object_and_bad_json():
    assert SampleMapping.from_json('{"id": "sample_id"}').columns == {"id": "sample_id"}
    with pytest.raises(EtudesError, match="JSON invalide"):
        SampleMapping.from_json("{id: ")
