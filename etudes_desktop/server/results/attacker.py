"""The intruder: what a reader of the deliverable can compute about each suppressed cell.

For every suppressed count, the least and the greatest value it can take given everything
published (published counts fixed, suppressed and hidden counts >= 0, every margin equation),
each by linear programming (SciPy's HiGHS). A delivery whose primary cells are not all kept in
an interval at least `protection` wide is refused: nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count
from etudes_desktop.server.results.cells import PRIMARY, SECONDARY, LinkedCells, Protection
from etudes_desktop.server.results.lp import BoundedLP

_EPS = 1e-6


def intervals(cells: LinkedCells, suppressed: np.ndarray,
              only: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(lowest, highest) of each suppressed variable (`only` those if given); published values
    are their own interval; +inf when nothing bounds a cell from above."""
    unknown = suppressed | cells.hidden
    lo, hi = cells.values.copy(), cells.values.copy()
    targets = np.flatnonzero(suppressed) if only is None else np.asarray(only)
    if not len(targets):
        return lo, hi
    free = np.flatnonzero(unknown)
    position = {var: k for k, var in enumerate(free)}
    a_free = cells.equations[:, free]
    keep = np.flatnonzero(np.abs(a_free).sum(axis=1).A1 > 0)
    a_free = a_free[keep]
    known = cells.values.copy()
    known[free] = 0.0
    rhs = -(cells.equations[keep] @ known)
    lp = BoundedLP(a_free, rhs, np.zeros(len(free)), np.full(len(free), np.inf))
    for var in targets:
        lo[var] = lp.extreme(position[var], -1.0)[0]
        hi[var] = lp.extreme(position[var], +1.0)[0]
    return lo, hi


@dataclass(frozen=True)
class Exposure:
    """A suppressed cell the intruder narrows too much (its index and interval)."""

    var: int
    low: float
    high: float


def check(cells: LinkedCells, protection: Protection) -> tuple[list[Exposure], np.ndarray, np.ndarray]:
    """Every suppressed cell's interval; the primary cells narrower than the protection level,
    and the suppressed cells given back exactly, are the exposures."""
    suppressed = protection.suppressed
    lo, hi = intervals(cells, suppressed)
    out = []
    for var in np.flatnonzero(suppressed):
        width = hi[var] - lo[var]
        too_narrow = protection.status[var] == PRIMARY and width < protection.protection - _EPS
        recomputed = protection.status[var] == SECONDARY and width < _EPS
        if too_narrow or recomputed:
            out.append(Exposure(int(var), float(lo[var]), float(hi[var])))
    return out, lo, hi


def exposed(cells: LinkedCells, protection: Protection) -> list[int]:
    """The primary cells whose interval is narrower than the protection level."""
    primaries = np.flatnonzero(protection.status == PRIMARY)
    lo, hi = intervals(cells, protection.suppressed, only=primaries)
    return [int(v) for v in primaries if hi[v] - lo[v] < protection.protection - _EPS]


def require_protected(cells: LinkedCells, protection: Protection) -> tuple[np.ndarray, np.ndarray]:
    """The intervals, or EtudesError when any suppressed cell is exposed (nothing is published)."""
    exposures, lo, hi = check(cells, protection)
    if exposures:
        exposed_cells = count(len(exposures), "cellule masquée recalculable", "cellules masquées recalculables")
        raise EtudesError(f"contrôle de l'attaquant échoué : {exposed_cells} à partir des cellules publiées ; "
                          "rien n'est diffusé")
    return lo, hi
