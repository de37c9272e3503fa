"""Fixtures of the collection office's console: the real server on 127.0.0.1 and a real browser."""

from __future__ import annotations

from tests.console.browser import chromium, page  # noqa: F401 - fixtures
