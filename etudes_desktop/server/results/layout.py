"""What every writer shows of a table, in the reader's words: one grid of texts and numbers.

The writers (CSV, XLSX, PDF) differ in form only; what a cell says is decided here once: a
published count, or the marker of a suppressed one (« < 11 » below the threshold, « s » for a
cell hidden to protect another), percentages from published counts, statistics where allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from etudes_desktop.server.results.deliverable import Deliverable
from etudes_desktop.server.results.tables import Table

TOTAL = "Total"
OVERALL = "Ensemble"
STAT_LABELS = (("mean", "Moyenne"), ("median", "Médiane"), ("q1", "1er quartile"), ("q3", "3e quartile"))


def legend(deliverable: Deliverable) -> list[str]:
    t = deliverable.threshold
    return [f"< {t} : effectif compris entre 1 et {t - 1}, masqué (secret statistique, suppression primaire)",
            "s : effectif masqué pour qu'une autre cellule ne puisse pas être recalculée (suppression secondaire)",
            "Pourcentages en colonne, calculés sur les seuls effectifs publiés ; vide quand l'un d'eux est masqué"]


@dataclass
class Cell:
    """A count as shown: its number, or the marker in its place (and which kind of secret)."""

    value: int | None
    marker: str | None = None
    kind: str | None = None

    @property
    def text(self) -> str:
        return self.marker if self.marker is not None else str(self.value)


def cell(d: Deliverable, var: int) -> Cell:
    status = d.status(var)
    if status is None:
        return Cell(d.value(var))
    return Cell(None, d.marker(var), status)


def crossing(d: Deliverable, table: Table) -> str:
    return OVERALL if not table.by else " × ".join(d.by_label(name) for name in table.by)


def count_grid(d: Deliverable, table: Table) -> tuple[list[str], list[tuple[str, list[Cell]]]]:
    """Header and rows of counts, a total row and (crossed tables) a total column."""
    if not table.by:
        rows = [(label, [cell(d, var)]) for label, var in zip(table.rows, table.row_vars)]
        return ["Effectif"], rows + [(TOTAL, [cell(d, table.total_var)])]
    header = [*table.columns, TOTAL]
    rows = [(label, [*(cell(d, int(v)) for v in table.cell_vars[i]), cell(d, table.row_vars[i])])
            for i, label in enumerate(table.rows)]
    rows.append((TOTAL, [*(cell(d, v) for v in table.column_vars), cell(d, table.total_var)]))
    return header, rows


def percent_grid(d: Deliverable, table: Table) -> tuple[list[str], list[tuple[str, list[float | None]]]]:
    """Column percentages (the total column: each row's share of everyone)."""
    if not table.by:
        return ["%"], [(label, [d.total_percent(table, i)]) for i, label in enumerate(table.rows)]
    columns = range(len(table.columns))
    return [*table.columns, TOTAL], [(label, [*(d.percent(table, i, j) for j in columns), d.total_percent(table, i)])
                                     for i, label in enumerate(table.rows)]


def extra_rows(d: Deliverable, table: Table) -> list[tuple[str, list[Any]]]:
    """Statistics of a number, or the NPS, per column then for the total (None = not published)."""
    columns: list[int | None] = [*range(len(table.columns)), None] if table.by else [None]
    if table.kind == "number":
        stats = [d.column_stats(table, j) for j in columns]
        return [(label, [s[key] if s else None for s in stats]) for key, label in STAT_LABELS]
    if table.kind == "nps":
        return [("NPS (% promoteurs - % détracteurs)", [d.nps(table, j) for j in columns])]
    return []
