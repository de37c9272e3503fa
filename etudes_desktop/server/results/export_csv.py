"""The deliverable as CSV for Excel in French: `;` between fields, decimal comma, UTF-8 with BOM."""

from __future__ import annotations

import csv
import io
from typing import Any

from etudes_desktop.server.results.deliverable import Deliverable
from etudes_desktop.server.results.layout import count_grid, crossing, extra_rows, legend, percent_grid


def french_number(value: Any, digits: int = 1) -> str:
    """12.5 -> "12,5"; an integer stays an integer; None -> ""."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}".replace(".", ",")


def safe_text(text: str) -> str:
    """A label a spreadsheet would run as a formula is quoted."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(deliverable: Deliverable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_text(f"Résultats agrégés : {deliverable.title} ({deliverable.study_id})")])
    writer.writerow([f"Seuil de diffusion : {deliverable.threshold}"])
    for line in legend(deliverable):
        writer.writerow([safe_text(line)])
    writer.writerow([])
    for table in deliverable.tables:
        writer.writerow(["Tableau", table.id])
        writer.writerow(["Question", safe_text(table.question)])
        writer.writerow(["Croisement", safe_text(crossing(deliverable, table))])
        header, rows = count_grid(deliverable, table)
        writer.writerow(["", *map(safe_text, header)])
        for label, cells in rows:
            writer.writerow([safe_text(label), *(c.text for c in cells)])
        header, percents = percent_grid(deliverable, table)
        writer.writerow(["% en colonne", *map(safe_text, header)])
        for label, values in percents:
            writer.writerow([safe_text(label), *(french_number(v) for v in values)])
        for label, values in extra_rows(deliverable, table):
            writer.writerow([label, *(french_number(v) for v in values)])
        writer.writerow([])
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")
