"""The deliverable as an Excel workbook: a notes sheet (method, threshold, legend), then one
sheet per table; suppressed counts read « < 11 » or « s », on grey."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from etudes_desktop.server.results.deliverable import Deliverable
from etudes_desktop.server.results.layout import count_grid, crossing, extra_rows, legend, percent_grid
from etudes_desktop.server.results.tables import Table

SECRET = PatternFill("solid", fgColor="D9D9D9")
HEADER = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)


def render_xlsx(deliverable: Deliverable) -> bytes:
    book = Workbook()
    notes = book.active
    notes.title = "Notes"
    _notes(notes, deliverable)
    names: set[str] = {"Notes"}
    for table in deliverable.tables:
        sheet = book.create_sheet(_sheet_name(table.id, names))
        _table(sheet, deliverable, table)
    book.properties.creator = "Études terrain"
    book.properties.title = f"Résultats agrégés {deliverable.study_id}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(table_id: str, taken: set[str]) -> str:
    """Excel's rules: 31 characters, none of []:*?/\\, unique (case-insensitive)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", table_id)[:31]
    name, n = base, 1
    while name.lower() in {t.lower() for t in taken}:
        n += 1
        name = f"{base[:31 - len(str(n)) - 1]}~{n}"
    taken.add(name)
    return name


def _notes(sheet: Worksheet, d: Deliverable) -> None:
    rows = [(f"Résultats agrégés : {d.title}", TITLE), (f"Étude {d.study_id} — {d.sponsor}", None),
            (f"Produits le {d.generated_at:%d/%m/%Y à %H:%M} (UTC)", None), ("", None),
            (f"Seuil de diffusion : {d.threshold} (aucun effectif de 1 à {d.threshold - 1} n'est publié)", BOLD),
            (f"Niveau de protection : {d.protection.protection}", None), ("", None), ("Légende", BOLD),
            *((line, None) for line in legend(d)), ("", None), ("Méthode", BOLD), (d.method, None),
            *((note, None) for note in d.notes), ("", None), ("Tableaux", BOLD)]
    for text, font in rows:
        sheet.append([text])
        if font is not None:
            sheet.cell(sheet.max_row, 1).font = font
    sheet.cell(rows.index(("Méthode", BOLD)) + 2, 1).alignment = Alignment(wrap_text=True, vertical="top")
    for table in d.tables:
        sheet.append([f"{table.id} : {table.question} ({crossing(d, table)})"])
    sheet.column_dimensions["A"].width = 120
    _printable(sheet)


def _table(sheet: Worksheet, d: Deliverable, table: Table) -> None:
    sheet.append([table.question])
    sheet.cell(1, 1).font = TITLE
    sheet.append([f"Croisement : {crossing(d, table)}", None, f"Tableau {table.id}"])
    sheet.append([])
    header, rows = count_grid(d, table)
    _header(sheet, ["Effectifs", *header])
    for label, cells in rows:
        sheet.append([label, *(c.value if c.marker is None else c.marker for c in cells)])
        for k, c in enumerate(cells, start=2):
            if c.marker is not None:
                target = sheet.cell(sheet.max_row, k)
                target.fill, target.alignment = SECRET, Alignment(horizontal="right")
    sheet.append([])
    header, percents = percent_grid(d, table)
    _header(sheet, ["% en colonne", *header])
    for label, values in percents:
        sheet.append([label, *(round(v, 1) if v is not None else None for v in values)])
        for k in range(2, len(values) + 2):
            sheet.cell(sheet.max_row, k).number_format = "0.0"
    extra = extra_rows(d, table)
    if extra:
        sheet.append([])
        _header(sheet, ["Statistiques" if table.kind == "number" else "Score", *header])
        for label, values in extra:
            sheet.append([label, *(round(v, 2) if isinstance(v, float) else v for v in values)])
    sheet.append([])
    for line in legend(d):
        sheet.append([line])
        sheet.cell(sheet.max_row, 1).font = Font(italic=True, size=9)
    sheet.column_dimensions["A"].width = 42
    for k in range(2, len(header) + 2):
        sheet.column_dimensions[get_column_letter(k)].width = max(12, min(30, len(str(header[k - 2])) + 2))
    sheet.freeze_panes = "B5"
    _printable(sheet)


def _printable(sheet: Worksheet) -> None:
    """Printed (or converted to PDF) on one page wide, landscape when the table is wide."""
    sheet.page_setup.orientation = "landscape" if sheet.max_column > 5 else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _header(sheet: Worksheet, values: list[str]) -> None:
    sheet.append(values)
    for k in range(1, len(values) + 1):
        target = sheet.cell(sheet.max_row, k)
        target.font, target.fill = BOLD, HEADER
