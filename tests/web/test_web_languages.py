"""The web questionnaire in the form's languages: the browser's language on the first visit, a switch
on every page (no script), the questionnaire's labels, the notice and the pages' own words in the
chosen language; the answers and the consent are the same whatever the language."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import Web, start
from tests.web.study import bilingual_form


@pytest.fixture
def web_bilingual(tmp_path: Path) -> Iterator[Web]:
    from etudes_desktop.server.store import sqlite_url

    yield from start(sqlite_url(tmp_path / "server"), tmp_path, make_form=bilingual_form)


def _text(response) -> str:
    return html.unescape(response.text)


def test_the_browser_language_first_then_the_switch_on_any_page(web_bilingual: Web) -> None:
    web = web_bilingual
    english = web.client.get(web.link(), headers={"Accept-Language": "en-GB,en;q=0.8,fr;q=0.5"})
    page = _text(english)
    assert '<html lang="en">' in english.text and "ENGLISH NOTICE" in page
    assert "I accept" in page and "I object" in page and "Before you start" in page
    assert 'value="lang:Français (fr)"' in english.text  # the switch, a plain form button
    assert web.client.post(web.link(), data={"action": "agree"}).status_code == 303
    first = _text(web.client.get(web.link()))
    assert "Are you satisfied with your fund?" in first and "Yes" in first and "Next" in first
    refused = _text(web.client.post(web.link(), data={"page": "satisfait", "action": "next"}))
    assert "This question is required." in refused and "One answer needs correcting" in refused
    switched = web.client.post(web.link(), data={"page": "__langue__", "action": "lang:Français (fr)"})
    assert switched.status_code == 303
    french = _text(web.client.get(web.link()))
    assert '<html lang="fr">' in web.client.get(web.link()).text
    assert "Êtes-vous satisfait(e) de votre caisse ?" in french and "Suivant" in french


def test_a_french_browser_gets_french_and_an_unknown_language_is_ignored(web_bilingual: Web) -> None:
    web = web_bilingual
    french = web.client.get(web.link(), headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert '<html lang="fr">' in french.text and "J'accepte" in _text(french)
    assert web.client.post(web.link(), data={"page": "__langue__", "action": "lang:Klingon"}).status_code == 303
    assert '<html lang="fr">' in web.client.get(web.link()).text
