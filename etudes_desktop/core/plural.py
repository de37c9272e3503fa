"""Counts in French sentences without Qt (core, storage, command line): "1 entretien", "2 entretiens".

The interface uses Qt's plural forms (`tr(text, "", n)`); what is written outside it uses this.
French takes the singular for 0 and 1.
"""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`n` and the noun phrase that agrees with it: count(0, "ligne rejetée", "lignes rejetées")."""
    return f"{n} {singular if abs(n) <= 1 else (plural or singular + 's')}"
