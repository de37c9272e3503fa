"""Counts outside the interface agree with their noun in French (0 and 1 take the singular)."""

from etudes_desktop.core.plural import count


def test_french_takes_the_singular_for_zero_and_one_and_the_plural_beyond():
    assert count(0, "ligne rejetée", "lignes rejetées") == "0 ligne rejetée"
    assert count(1, "répondant") == "1 répondant"
    assert count(2, "répondant") == "2 répondants"
    assert count(1200, "appareil actif", "appareils actifs") == "1200 appareils actifs"
