"""Primary and secondary cell suppression over linked tables (one delivery's tables together).

The tables of a delivery are one system of counts: every published number is a variable, and
every margin is an equation (cells of a row minus the row total = 0, ...). Tables that share a
margin share the variable, so they are protected together and cannot be differenced. Some
variables are never published (the complement of a select_multiple choice, a slack): they are
`hidden`, unknown to the intruder and never sensitive.

Primary suppression: every publishable count with 1 <= n < threshold.
Secondary suppression: a mixed-integer programme (SciPy's HiGHS) choosing further cells at the
least information lost, such that each primary cell's interval, as an intruder computes it by
linear programming from what is published, is at least `protection` wide. It is solved by cut
generation, the classic method of Fischetti and Salazar (2001): the master chooses cells; for
each primary cell two attacker LPs give its interval, and when it is too narrow their duals give
a constraint ("suppress enough of these cells") that every protecting pattern satisfies.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.results.attacker import exposed, intervals
from etudes_desktop.server.results.cells import (  # noqa: F401 - re-exported for the package's readers
    _EPS,
    DEFAULT_THRESHOLD,
    HIDDEN,
    MIN_THRESHOLD,
    PRIMARY,
    PUBLISHED,
    SECONDARY,
    STATUS_NAMES,
    LinkedCells,
    Protection,
    check_threshold,
    default_protection,
    primary,
)
from etudes_desktop.server.results.lp import BoundedLP

MAX_ROUNDS = 200


def protect(cells: LinkedCells, threshold: int = DEFAULT_THRESHOLD, protection: int | None = None) -> Protection:
    """Primary then secondary suppression of the whole linked system, component by component."""
    check_threshold(threshold)
    level = default_protection(threshold) if protection is None else protection
    status = np.full(len(cells.values), PUBLISHED, dtype=int)
    status[cells.hidden] = HIDDEN
    status[primary(cells, threshold)] = PRIMARY
    result = Protection(status, threshold, level)
    for component in cells.components():
        if (status[component] == PRIMARY).any():
            _protect_component(cells, component, result)
    _publish_determined(cells, result)
    return result


def _protect_component(cells: LinkedCells, comp: np.ndarray, result: Protection) -> None:
    sub = _Sub(cells, comp, result.protection)
    fixed = result.status[comp] != PUBLISHED
    sensitive = np.flatnonzero(result.status[comp] == PRIMARY)
    cuts = sub.initial_cuts(sensitive, fixed)
    chosen = fixed.copy()
    local = True
    for round_ in range(1, MAX_ROUNDS + 1):
        chosen = sub.master(fixed, cuts)
        fresh = [cut for p in sensitive if (cut := sub.cut_if_exposed(p, chosen, local=local)) is not None]
        result.rounds = max(result.rounds, round_)
        if not fresh:
            if not local:
                break
            local = False  # each question's tables hold: now against the whole delivery
            continue
        local = True
        cuts.extend(fresh)
        result.cuts += len(fresh)
    else:
        raise EtudesError("protection des tableaux : le calcul n'a pas abouti (trop de cellules à protéger)")
    result.status[comp[chosen & ~fixed]] = SECONDARY


class _Sub:
    """One component: its equations, values and the capped attacker used to generate cuts."""

    def __init__(self, cells: LinkedCells, comp: np.ndarray, level: int) -> None:
        self.a = cells.values[comp]
        self.matrix = cells.equations[:, comp]
        keep = np.flatnonzero(np.abs(self.matrix).sum(axis=1).A1 > 0)
        self.matrix = self.matrix[keep].tocsr()
        groups = cells.groups if cells.groups is not None else [frozenset()] * cells.equations.shape[0]
        self.groups = [groups[r] for r in keep]
        self.columns = self.matrix.tocsc()
        self._local: dict[int, tuple[BoundedLP, np.ndarray, dict[int, int]]] = {}
        self.level = float(level)
        # upward moves are capped for the cuts (a conservative attacker: protection against it
        # is protection against the real one, who has no cap); downward moves stop at zero
        self.cap = 2.0 * self.level
        total = float(self.a.sum()) or 1.0
        # the information lost: each printed number hidden (a margin shared by several tables is
        # hidden in each), then the respondents they hold
        shown = cells.appearances[comp] if cells.appearances is not None else np.ones(len(comp))
        self.weights = shown + self.a / (10.0 * total)
        zeros = np.zeros(len(self.a))
        self.lp = BoundedLP(self.matrix, np.zeros(self.matrix.shape[0]), zeros, zeros)
        self._x: np.ndarray | None = None

    def initial_cuts(self, sensitive: np.ndarray, fixed: np.ndarray) -> list[np.ndarray]:
        """A primary cell alone in an equation is given back exactly: another cell of each of its
        equations must go too."""
        cuts = []
        columns = self.matrix.tocsc()
        for p in sensitive:
            for r in columns[:, p].indices:
                row = np.zeros(len(self.a))
                others = self.matrix[r].indices
                row[others[others != p]] = self.level
                if row.any():
                    cuts.append(row)
        return cuts

    def master(self, fixed: np.ndarray, cuts: list[np.ndarray]) -> np.ndarray:
        n = len(self.a)
        lower = fixed.astype(float)
        cost = np.where(fixed, 0.0, self.weights)
        constraints = []
        if cuts:
            constraints.append(LinearConstraint(np.vstack(cuts), lb=self.level - _EPS, ub=np.inf))
        res = milp(cost, integrality=np.ones(n), bounds=Bounds(lower, np.ones(n)), constraints=constraints,
                   options={"time_limit": 60.0})
        if res.x is None:
            raise EtudesError("protection des tableaux : aucun masquage ne protège ces cellules")
        return res.x > 0.5

    def cut_if_exposed(self, p: int, chosen: np.ndarray, *, local: bool = True) -> np.ndarray | None:
        """None when cell p's interval is wide enough under `chosen`, else the cut it violates.
        `local`: the intruder sees only the tables of p's own question (a relaxation: its cuts are
        valid, and far cheaper); the whole component is looked at once they all hold."""
        x = chosen.astype(float)
        lp, where, position = self._lp_for(p) if local else (self.lp, None, None)
        if where is None:
            if self._x is None or not np.array_equal(self._x, x):
                lp.set_bounds(-self.a * x, self.cap * x)
                self._x = x
            a, at = self.a, p
        else:
            a, at = self.a[where], position[p]  # type: ignore[index]
            lp.set_bounds(-a * x[where], self.cap * x[where])
        up, up_coef = self._reach(lp, a, at, +1.0)
        down, down_coef = self._reach(lp, a, at, -1.0)
        if up + down >= self.level - _EPS:
            return None
        coef = np.minimum(up_coef + down_coef, self.level)  # a coefficient above the rhs adds nothing
        if where is None:
            return coef
        cut = np.zeros(len(self.a))
        cut[where] = coef
        return cut

    def _lp_for(self, p: int) -> tuple[BoundedLP, np.ndarray | None, dict[int, int] | None]:
        """The LP over the equations of one family of tables holding p (the first one)."""
        rows = self.columns[:, p].indices
        families = self.groups[rows[0]] if len(rows) else frozenset()
        if not families:
            return self.lp, None, None
        family = min(families)
        if family not in self._local:
            mine = np.array([r for r, held in enumerate(self.groups) if family in held])
            sub = self.matrix[mine]
            where = np.flatnonzero(np.abs(sub).sum(axis=0).A1 > 0)
            zeros = np.zeros(len(where))
            self._local[family] = (BoundedLP(sub[:, where], np.zeros(len(mine)), zeros, zeros), where,
                                   {int(v): k for k, v in enumerate(where)})
        lp, where, position = self._local[family]
        return lp, where, position

    def _reach(self, lp: BoundedLP, a: np.ndarray, p: int, sign: float) -> tuple[float, np.ndarray]:
        """How far cell p moves in direction `sign`, and the dual coefficients bounding that move
        for any choice of suppressed cells (weak duality: the dual does not depend on it)."""
        value, dual = lp.extreme(p, sign)
        if dual is None:
            raise EtudesError("protection des tableaux : calcul d'intervalle impossible")
        at_lower, at_upper = lp.bound_weights(dual)
        coef = at_lower * a - at_upper * self.cap
        return value * sign, np.maximum(coef, 0.0)


def _publish_determined(cells: LinkedCells, result: Protection) -> None:
    """A secondary cell the intruder computes exactly protects nothing: it is published."""
    secondary = np.flatnonzero(result.status == SECONDARY)
    if not len(secondary):
        return
    lo, hi = intervals(cells, result.suppressed, only=secondary)
    exact = secondary[(hi[secondary] - lo[secondary]) < _EPS]
    result.status[exact] = PUBLISHED


def suppress_smallest(cells: LinkedCells, threshold: int = DEFAULT_THRESHOLD,
                      protection: int | None = None) -> Protection:
    """The plain heuristic, for comparison: while a primary cell is exposed, suppress the
    smallest published cell of one of its equations."""
    check_threshold(threshold)
    level = default_protection(threshold) if protection is None else protection
    status = np.full(len(cells.values), PUBLISHED, dtype=int)
    status[cells.hidden] = HIDDEN
    status[primary(cells, threshold)] = PRIMARY
    result = Protection(status, threshold, level)
    columns = cells.equations.tocsc()
    while weak := exposed(cells, result):
        # the smallest published cell sharing an equation with the exposed cell, else with any
        # suppressed cell (the pattern widens until the intruder is held off)
        best = _smallest_beside(cells, columns, result.status, weak[:1]) or _smallest_beside(
            cells, columns, result.status, list(np.flatnonzero(result.suppressed)))
        if best is None:
            raise EtudesError("heuristique : plus aucune cellule à masquer")
        result.status[best] = SECONDARY
        result.rounds += 1
    return result


def _smallest_beside(cells: LinkedCells, columns: sparse.csc_matrix, status: np.ndarray, around: list[int]) -> int | None:
    best = None
    for p in around:
        for r in columns[:, p].indices:
            for var in cells.equations[r].indices:
                if status[var] == PUBLISHED and (best is None or cells.values[var] < cells.values[best]):
                    best = int(var)
    return best
