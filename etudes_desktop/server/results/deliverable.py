"""The insurer's deliverable: tables counted, protected, checked by the attacker, ready to write.

`build_deliverable(store, package, by=..., threshold=...)` is the one call the command line and
the console make. What leaves it is published counts (or a suppression marker), percentages
derived from published counts only, and statistics of numbers where their count is published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from etudes_desktop.core.study import StudyPackage
from etudes_desktop.server.results.attacker import require_protected
from etudes_desktop.server.results.suppression import (
    DEFAULT_THRESHOLD,
    PUBLISHED,
    STATUS_NAMES,
    Protection,
    check_threshold,
    protect,
)
from etudes_desktop.server.results.tables import BY_LABELS, NPS_ROWS, NUMBER_ROW, Counted, Table, count_tables

METHOD_FR = (
    "Secret statistique. Suppression primaire : toute cellule (marges comprises) d'effectif compris entre 1 et "
    "{threshold_minus} est masquée. Suppression secondaire : d'autres cellules sont masquées, en en masquant le "
    "moins possible (programme linéaire en nombres entiers, HiGHS), de sorte qu'aucune cellule masquée ne puisse "
    "être recalculée ni encadrée dans un intervalle de moins de {protection} à partir des cellules et des marges "
    "publiées, tous les tableaux de la livraison étant protégés ensemble. Chaque tableau a été vérifié par un "
    "attaquant (minimum et maximum de chaque cellule masquée par programmation linéaire) avant diffusion. "
    "Les pourcentages sont calculés sur les seuls effectifs publiés ; moyennes, médianes et quartiles ne sont "
    "donnés que pour un effectif publié. « Ne sait pas » et « Refus » sont comptés à part. Aucune réponse en "
    "texte libre, aucun identifiant ni pseudonyme ne figure dans les résultats."
)


@dataclass
class Deliverable:
    """Protected tables of one study, and how each count is published."""

    study_id: str
    title: str
    sponsor: str
    threshold: int
    counted: Counted
    protection: Protection
    low: np.ndarray
    high: np.ndarray
    generated_at: datetime
    notes: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return self.counted.tables

    @property
    def method(self) -> str:
        return METHOD_FR.format(threshold_minus=self.threshold - 1, protection=self.protection.protection)

    def status(self, var: int) -> str | None:
        """None when published, else "primary" or "secondary"."""
        return STATUS_NAMES.get(int(self.protection.status[var]))

    def value(self, var: int) -> int | None:
        """The published count, or None when it is suppressed."""
        return int(self.counted.cells.values[var]) if self.protection.status[var] == PUBLISHED else None

    def marker(self, var: int) -> str:
        """What a reader sees in place of a suppressed count."""
        return f"< {self.threshold}" if self.status(var) == "primary" else "s"

    def percent(self, table: Table, row: int, column: int) -> float | None:
        """Column percentage, from published counts only (None otherwise)."""
        count, base = self.value(int(table.cell_vars[row, column])), self.value(table.column_vars[column])
        return None if count is None or not base else 100.0 * count / base

    def total_percent(self, table: Table, row: int) -> float | None:
        count, base = self.value(table.row_vars[row]), self.value(table.total_var)
        return None if count is None or not base else 100.0 * count / base

    def column_stats(self, table: Table, column: int | None) -> dict[str, float] | None:
        """Mean, median, quartiles of a number's column (None = the total), when its count of
        numeric answers is published."""
        if table.kind != "number" or not table.stats:
            return None
        row = table.row_keys.index(NUMBER_ROW)
        var = table.row_vars[row] if column is None else int(table.cell_vars[row, column])
        stats = table.stats[-1 if column is None else column]
        n = self.value(var)
        return stats if stats is not None and n is not None and n >= self.threshold else None

    def nps(self, table: Table, column: int | None) -> float | None:
        """Net Promoter Score (% promoters - % detractors) from published counts only."""
        if table.kind != "nps":
            return None
        keys = [key for key, _ in NPS_ROWS[:3]]
        counts = []
        for key in keys:
            row = table.row_keys.index(key)
            var = table.row_vars[row] if column is None else int(table.cell_vars[row, column])
            counts.append(self.value(var))
        if any(c is None for c in counts) or not sum(counts):  # type: ignore[arg-type]
            return None
        detractors, passives, promoters = counts
        return 100.0 * (promoters - detractors) / (detractors + passives + promoters)  # type: ignore[operator]

    def by_label(self, name: str) -> str:
        return BY_LABELS.get(name, name)


def build_deliverable(store: Any, package: StudyPackage, *, by: list[str] | None = None,
                      threshold: int = DEFAULT_THRESHOLD, protection: int | None = None,
                      now: datetime | None = None) -> Deliverable:
    """Count, protect and check every table of a study; EtudesError when anything would be exposed."""
    check_threshold(threshold)
    from etudes_desktop.server.groups_store import GroupStore

    counted = count_tables(package, store.iter_results_rows(package.id), by, GroupStore(store).hands(package.id))
    protected = protect(counted.cells, threshold, protection)
    low, high = require_protected(counted.cells, protected)
    notes = []
    if counted.skipped:
        notes.append("Questions posées dans une répétition, non tabulées (une personne y compterait plusieurs "
                     f"fois) : {', '.join(counted.skipped)}.")
    return Deliverable(package.id, package.title, package.sponsor, threshold, counted, protected, low, high,
                       now or datetime.now(UTC), notes)


def document(deliverable: Deliverable) -> dict[str, Any]:
    """The JSON deliverable, in the shape analysts and checks read (issue 13, item 5)."""
    return {"study": deliverable.study_id, "threshold": deliverable.threshold,
            "tables": [_table(deliverable, table) for table in deliverable.tables],
            "statistics": [s for table in deliverable.tables if (s := _statistics(deliverable, table))]}


def _table(d: Deliverable, table: Table) -> dict[str, Any]:
    rows, cols = table.cells.shape
    suppressed: list[list[Any]] = []

    def mark(i: Any, j: Any, var: int) -> int | None:
        status = d.status(var)
        if status is not None:
            suppressed.append([i, j, status])
        return d.value(var)

    cells = [[mark(i, j, int(table.cell_vars[i, j])) for j in range(cols)] for i in range(rows)]
    row_totals = [mark(i, "total", var) for i, var in enumerate(table.row_vars)]
    column_totals = [mark("total", j, var) for j, var in enumerate(table.column_vars)]
    total = mark("total", "total", table.total_var)
    return {"id": table.id, "question": table.question, "by": list(table.by), "rows": list(table.rows),
            "columns": list(table.columns), "cells": cells, "row_totals": row_totals,
            "column_totals": column_totals, "total": total, "suppressed": suppressed}


def _statistics(d: Deliverable, table: Table) -> dict[str, Any] | None:
    """Numbers' statistics and NPS scores per column and overall (null where not publishable)."""
    columns = range(len(table.columns))
    if table.kind == "number":
        return {"table": table.id, "columns": list(table.columns),
                "values": [d.column_stats(table, j) for j in columns], "total": d.column_stats(table, None)}
    if table.kind == "nps":
        return {"table": table.id, "columns": list(table.columns), "nps": [d.nps(table, j) for j in columns],
                "total": d.nps(table, None)}
    return None
