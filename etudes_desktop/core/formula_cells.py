"""Spreadsheet formula injection (CSV injection): cells a spreadsheet would run as a formula.

A cell starting with = + - @, a tab or a carriage return is read by Excel, LibreOffice or Google
Sheets as a formula: `=HYPERLINK("http://…","Cliquez")`, `=cmd|' /C calc'!A0`, `@SUM(…)`. OWASP's
guidance (CSV Injection) is to prefix such a cell with a single quote, so the spreadsheet shows it
as text; for data that is stored then exported again, the prefix is kept with the value, so every
later export stays inert whatever writes it. A number or a phone (`-3`, `+33 6 12 34 56 78`,
`-12,5`) has no letters and cannot call anything: it is left as it is.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # ASCII and full-width
_NUMBER_OR_PHONE = re.compile(r"[+\-\uff0b\uff0d][\d\s.,()/\-]*")


def is_formula(text: str) -> bool:
    """Whether a spreadsheet would take this cell's text for a formula."""
    if not text or not text.startswith(TRIGGERS):
        return False
    return _NUMBER_OR_PHONE.fullmatch(text) is None


def neutralise(text: str) -> str:
    """The text as a spreadsheet shows it without running it (a quote in front), else unchanged."""
    return "'" + text if is_formula(text) else text
