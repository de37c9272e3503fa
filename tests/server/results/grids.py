"""Hand-made linked tables for the suppression tests, and an intruder written independently of
the product's (SciPy's linprog on the full model, no warm starts), to check the product's."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

from etudes_desktop.server.results.suppression import LinkedCells


def two_way(matrix: list[list[int]]) -> tuple[LinkedCells, dict[tuple[object, object], int]]:
    """Cells, row totals, column totals and the grand total of a table; `at[(i, j)]` names a
    variable, with "total" for a margin."""
    m = np.asarray(matrix, dtype=int)
    rows, cols = m.shape
    at: dict[tuple[object, object], int] = {}
    values: list[int] = []

    def var(key: tuple[object, object], value: int) -> int:
        at[key] = len(values)
        values.append(int(value))
        return at[key]

    for i in range(rows):
        for j in range(cols):
            var((i, j), m[i, j])
    for i in range(rows):
        var((i, "total"), m[i].sum())
    for j in range(cols):
        var(("total", j), m[:, j].sum())
    var(("total", "total"), m.sum())
    equations = [{**{at[(i, j)]: 1 for j in range(cols)}, at[(i, "total")]: -1} for i in range(rows)]
    equations += [{**{at[(i, j)]: 1 for i in range(rows)}, at[("total", j)]: -1} for j in range(cols)]
    equations.append({**{at[(i, "total")]: 1 for i in range(rows)}, at[("total", "total")]: -1})
    equations.append({**{at[("total", j)]: 1 for j in range(cols)}, at[("total", "total")]: -1})
    return LinkedCells.build(values, equations), at


def independent_interval(cells: LinkedCells, suppressed: np.ndarray, var: int) -> tuple[float, float]:
    """min and max of one variable over what is published, by SciPy's linprog (full model)."""
    n = len(cells.values)
    unknown = suppressed | cells.hidden
    bounds = [(0, None) if unknown[i] else (cells.values[i], cells.values[i]) for i in range(n)]
    c = np.zeros(n)
    c[var] = 1.0
    a_eq = cells.equations.toarray()
    low = linprog(c, A_eq=a_eq, b_eq=np.zeros(len(a_eq)), bounds=bounds, method="highs")
    high = linprog(-c, A_eq=a_eq, b_eq=np.zeros(len(a_eq)), bounds=bounds, method="highs")
    assert low.status == 0
    return float(low.fun), (float(-high.fun) if high.status == 0 else float("inf"))
