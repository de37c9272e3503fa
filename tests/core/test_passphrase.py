"""The CNIL 2022-100 passphrase policy (about 80 bits for a password used alone)."""

from __future__ import annotations

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.passphrase import PassphraseRefused, check_passphrase, normalize, require_acceptable


@pytest.mark.parametrize(
    "passphrase",
    [
        "Abcdef12!xyz",  # 12, four classes
        "Abcdefgh12xyzw",  # 14, three classes
        "abcdefgh12345678",  # 16, two classes
        "Été-Brûlant-2026",  # accented letters count as letters
        "cheval agrafe batterie correcte moulin orage tilleul",  # 7 words
        "le chat de ma voisine mange des souris",  # 8 words, short ones allowed
    ],
)
def test_accepted(passphrase):
    result = check_passphrase(passphrase)
    assert result.ok, result.message
    assert result.strength == 1.0 and "acceptée" in result.message
    require_acceptable(passphrase)


@pytest.mark.parametrize(
    "passphrase, hint",
    [
        ("", "vide"),
        ("Abcdef1!xyz", "il manque 1 caractère"),  # 11, four classes
        ("Abcdefgh12xyz", "il manque 1 caractère"),  # 13, three classes
        ("abcdefgh1234567", "il manque 1 caractère"),  # 15, two classes
        ("motdepassetreslongsansrien", "un seul type"),  # letters only, one word
        ("le chat de ma voisine", "un seul type"),  # 5 words
        ("aaaaaaaaaaaaaaaa1111", "répétés"),  # long but 2 distinct characters
        ("chat chat chat chat chat chat chat", "un seul type"),  # 7 times the same word
    ],
)
def test_refused_with_what_would_be_accepted(passphrase, hint):
    result = check_passphrase(passphrase)
    assert not result.ok
    assert hint in result.message
    assert "12 caractères" in result.message and "7 mots" in result.message
    assert result.strength < 1.0
    with pytest.raises(PassphraseRefused) as caught:
        require_acceptable(passphrase)
    assert isinstance(caught.value, EtudesError) and caught.value.message == result.message


def test_strength_grows_with_length():
    values = [check_passphrase("aB1!cD2?eF3#"[:n]).strength for n in (4, 8, 12)]
    assert values == sorted(values) and values[-1] == 1.0


def test_unicode_forms_are_one_passphrase():
    composed, decomposed = "Café-Crème-2026!", "Cafe\u0301-Cre\u0300me-2026!"
    assert composed != decomposed and normalize(composed) == normalize(decomposed)
    assert check_passphrase(decomposed).length == len(composed)
