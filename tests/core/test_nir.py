"""The NIR detector on hand-picked texts: what must be found, what must be left alone."""

from __future__ import annotations

import re

import pytest

from etudes_desktop.core.nir import (
    NIR_MASK,
    NIR_REFUSED_MESSAGE,
    contains_nir,
    find_nir,
    header_names_nir,
    is_plausible_nir,
    mask_nir,
    nir_key,
)


def key_of(body: str) -> str:
    """Reference key, written independently of the module: 97 - (n mod 97), 2A=19, 2B=18."""
    digits = body.upper().replace("2A", "19", 1) if body[5:7].upper() == "2A" else body
    digits = digits.upper().replace("2B", "18", 1) if body[5:7].upper() == "2B" else digits
    return f"{97 - int(digits) % 97:02d}"


BODY = "1850578006084"  # man born May 1985 in Yvelines (78), commune 006, order 084
FULL = BODY + key_of(BODY)


def test_key_matches_the_published_formula():
    assert nir_key(BODY) == int(key_of(BODY))
    assert nir_key("2690299350254") == 97 - 2690299350254 % 97
    assert nir_key("185052A123456") == 97 - 1850519123456 % 97
    assert nir_key("185052B123456") == 97 - 1850518123456 % 97


@pytest.mark.parametrize(
    "text",
    [
        FULL,
        BODY,
        f"1 85 05 78 006 084 {FULL[-2:]}",
        f"1.85.05.78.006.084.{FULL[-2:]}",
        f"1-85-05-78-006-084-{FULL[-2:]}",
        f"1850 5780 0608 4{FULL[-2:]}",
        f"NIR{FULL}",
        f"Mon numéro est le {FULL[:7]} {FULL[7:]}, merci de me rappeler.",
    ],
)
def test_nir_written_in_many_ways_is_found(text):
    spans = find_nir(text)
    assert len(spans) == 1
    start, end = spans[0]
    assert re.sub(r"\D", "", text[start:end]).startswith(BODY)


def test_corsica_and_overseas():
    for body in ("285052A123456", "185052B123456"):
        assert contains_nir(body + key_of(body))
        assert contains_nir(f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {key_of(body)}")
        assert contains_nir(body.lower())
    overseas = "2911297601123"  # département 976 (3 digits), commune 01, order 123
    assert contains_nir(f"2 91 12 976 01 123 {key_of(overseas)}")
    assert contains_nir(overseas)


def test_corsica_key_uses_19_and_18():
    body = "185052A123456"
    wrong = f"{97 - int(body.replace('2A', '20')) % 97:02d}"
    assert wrong != key_of(body)
    assert contains_nir(body + key_of(body))
    assert not contains_nir(body + wrong)


def test_wrong_key_on_a_compact_15_digit_number_is_not_a_nir():
    wrong = f"{(int(FULL[-2:]) % 97) + 1:02d}"
    assert not contains_nir(BODY + wrong)
    assert is_plausible_nir(BODY + FULL[-2:])
    assert not is_plausible_nir(BODY + wrong)


def test_nir_without_key_followed_by_another_number_is_found():
    assert find_nir(f"{BODY[0]} {BODY[1:3]} {BODY[3:5]} {BODY[5:7]} {BODY[7:10]} {BODY[10:]} 3 enfants")
    assert find_nir(f"Bâtiment 3 {FULL}")


@pytest.mark.parametrize(
    "text",
    [
        "0612345678",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "01 23 45 67 89 / 06 12 34 56 78",
        "01 23 45 67 89 06 12 34 56 78",
        "12/05/1985",
        "12.05.1985 14.30",
        "1985-05-12T14:30:00",
        "75011 Paris",
        "1 234 567,89 €",
        "1.234.567,89",
        "SIRET 123 456 789 00012",
        "12345678900012",
        "FR76 3000 6000 0112 3456 7890 189",
        "FR7630006000011234567890189",
        "1851378006084",  # month 13 does not exist
        "1850500006084",  # département 00 does not exist
        "5850578006084",  # sex digit 5 is not used
        "1850578000084",  # commune 000
        "1850578006000",  # order 000
    ],
)
def test_ordinary_numbers_are_not_nirs(text):
    assert find_nir(text) == []
    assert mask_nir(text) == text


def test_mask_replaces_every_nir_and_keeps_the_rest():
    other = "2690299350254"
    text = f"A: {FULL}; B: {other} tel 06 12 34 56 78"
    masked = mask_nir(text)
    assert masked == f"A: {NIR_MASK}; B: {NIR_MASK} tel 06 12 34 56 78"
    assert len(find_nir(text)) == 2


def test_refusal_message_is_french_and_carries_no_number():
    assert "sécurité sociale" in NIR_REFUSED_MESSAGE
    assert not re.search(r"\d", NIR_REFUSED_MESSAGE)


def test_spans_are_sorted_and_disjoint():
    text = f"{FULL} et {BODY} et {FULL}"
    spans = find_nir(text)
    assert spans == sorted(spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
    assert len(spans) == 3


def test_empty_and_short_texts():
    assert find_nir("") == []
    assert not contains_nir("123")


@pytest.mark.parametrize(
    "header",
    [
        "NIR",
        "nir",
        "NIR_CLE",
        "N° NIR",
        "NIA",
        "Numéro de sécurité sociale",
        "NUMERO DE SECURITE SOCIALE",
        "n° sécu",
        "N° SECU",
        "num secu",
        "num_secu",
        "numSecu",
        "No SS",
        "INSEE",
        "Numéro INSEE",
        "Matricule assuré",
        "matricule",
        "Social security number",
        "SSN",
        "Numéro d'inscription au répertoire",
        "Sécu sociale",
    ],
)
def test_headers_naming_a_nir(header):
    assert header_names_nir(header)


@pytest.mark.parametrize(
    "header",
    ["Nom", "Prénom", "Téléphone", "Code postal", "Commune", "Code INSEE commune", "Insécurité ressentie",
     "Identifiant échantillon", "Nb actes 2023", "Matricule enquêteur", "Immatriculation véhicule", "", "Nirvana"],
)
def test_ordinary_headers(header):
    assert not header_names_nir(header)


def test_scientific_notation_from_a_spreadsheet_export():
    """Excel shows a 15-digit number as 1,85058E+14 but exports every significant digit."""
    mantissa = f"{FULL[0]},{FULL[1:]}"
    assert find_nir(f"NIR : {mantissa}E+14 ;") == [(6, 6 + len(mantissa) + 4)]
    assert contains_nir(f"{BODY[0]}.{BODY[1:]}E+12")
    assert not contains_nir("1,85E+14")  # the digits are lost: nothing to protect, nothing to refuse
    assert not contains_nir("6,02214076E+23 molécules")
