"""The free-text identity guard: phones, e-mails and the person's own identity are found; the
ordinary words of a survey comment are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etudes_desktop.core.free_text import (
    IdentityKind,
    contains_identity,
    find_identity,
    identity_terms,
    refusal_message,
)

PHONES = [
    "0627874421",
    "06 27 87 44 21",
    "06.27.87.44.21",
    "06-27-87-44-21",
    "+33 6 27 87 44 21",
    "+33.6.12.34.56.78",
    "+33627874421",
    "0033 6 27 87 44 21",
    "+33 (0)6 27 87 44 21",
    "01 45 67 89 10",
    "0262 12 34 56",
    "+262 262 12 34 56",
]


@pytest.mark.parametrize("phone", PHONES)
def test_phone_numbers_are_found_in_any_usual_writing(phone: str) -> None:
    assert find_identity(f"rappeler au {phone} demain") is IdentityKind.PHONE


@pytest.mark.parametrize(
    "email",
    ["lucas.dubois@example.fr", "lucas.dubois @ example.fr", "lucas(at)example.fr", "l.d [at] mail.com"],
)
def test_email_addresses_are_found(email: str) -> None:
    assert find_identity(f"écrire à {email}") is IdentityKind.EMAIL


@pytest.mark.parametrize(
    "text",
    [
        "Très satisfait de l'accueil, attente 20 minutes",
        "remboursé 12,50 € le 05/12/2026",
        "3 enfants, 2 à charge",
        "code postal 75011",
        "note 10/10",
        "ordonnance du 12 03 2026",
        "rendez-vous le 01.02.2026 10:30",
        "vu le 01/02/2026 10h",
        "montant 1 250 000 euros",
    ],
)
def test_ordinary_comments_pass(text: str) -> None:
    assert find_identity(text, identity_terms(last_name="Dubois", first_name="Lucas")) is None


def test_the_persons_own_name_first_name_and_street_are_found_accents_and_case_ignored() -> None:
    terms = identity_terms(last_name="Lefèvre", first_name="Éléonore", street="12 rue Victor Hugo")
    assert find_identity("Mme LEFEVRE est contente", terms) is IdentityKind.NAME
    assert find_identity("eleonore trouve ça long", terms) is IdentityKind.NAME
    assert find_identity("habite victor hugo", terms) is IdentityKind.NAME
    assert find_identity("Victor est son fils", terms) is None  # one word of the street only
    assert find_identity("lefevres", terms) is None  # whole words only


def test_short_names_and_generic_street_words_are_not_terms() -> None:
    assert identity_terms(last_name="Li", first_name="", street="rue de la Gare") == (("gare",),)
    assert not contains_identity("la rue est calme", identity_terms(street="rue de la Gare"))


def test_the_message_never_repeats_what_was_found() -> None:
    for kind in IdentityKind:
        message = refusal_message(kind)
        assert "0627874421" not in message and "@" not in message
        assert message.startswith("Ce texte contient")


@settings(max_examples=150, derandomize=True)
@given(st.from_regex(r"0[1-9]\d{8}", fullmatch=True), st.sampled_from(["", " ", ".", "-"]))
def test_any_french_national_number_is_found(number: str, sep: str) -> None:
    written = sep.join(number[i:i + 2] for i in range(0, 10, 2))
    assert find_identity(f"tel {written}.") is IdentityKind.PHONE


@pytest.mark.parametrize("hostile", ["a" * 20_000, "a" * 20_000 + "@", "a." * 10_000 + "@x", "a@" * 10_000, "06 " * 7_000])
def test_a_hostile_text_is_checked_in_linear_time(hostile: str) -> None:
    import time

    started = time.perf_counter()
    find_identity(hostile, identity_terms(last_name="Dubois"))
    assert time.perf_counter() - started < 1.0  # a quadratic scan took seconds on 10,000 letters
