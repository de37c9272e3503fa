"""Debian's Chromium driven by Playwright for Python (no browser download): fixtures for the
console's browser tests. They skip, with one stated reason, only when the binary is missing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("ETUDES_CHROMIUM", "/usr/bin/chromium"))
NO_CHROMIUM = "Debian's chromium is not installed (apt-get install chromium)"


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session (each test gets its own context: cookies apart)."""
    if not CHROMIUM.is_file():
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh browser context (no cookie, French first) and its page."""
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 860})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()
