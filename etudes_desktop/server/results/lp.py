"""One linear programme solved many times with a changing objective (HiGHS, warm-started).

The attacker minimises and maximises every suppressed cell over the same constraints: HiGHS
keeps its basis between solves, so each cell costs a few simplex iterations, not a new model.
"""

from __future__ import annotations

import os
import sys

import highspy
import numpy as np
from scipy import sparse

from etudes_desktop.core.errors import EtudesError

INF = highspy.kHighsInf


def _silence_banner() -> None:
    """HiGHS prints its banner on standard output (from C) when the first solver is made: made
    here, once, with that output sent to /dev/null, so `results --out -` stays pure JSON."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


_silence_banner()


class BoundedLP:
    """min/max of one variable subject to `matrix @ z == rhs` and `lower <= z <= upper`."""

    def __init__(self, matrix: sparse.spmatrix, rhs: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
        self.n = matrix.shape[1]
        columns = sparse.csc_matrix(matrix, dtype=float)
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = self.n, matrix.shape[0]
        lp.col_cost_ = np.zeros(self.n)
        lp.col_lower_ = np.where(np.isfinite(lower), lower, -INF)
        lp.col_upper_ = np.where(np.isfinite(upper), upper, INF)
        lp.row_lower_ = lp.row_upper_ = np.asarray(rhs, dtype=float)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = columns.indptr.astype(np.int32)
        lp.a_matrix_.index_ = columns.indices.astype(np.int32)
        lp.a_matrix_.value_ = columns.data
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("presolve", "off")  # keeps the basis from one solve to the next
        self.highs.passModel(lp)
        self.lower, self.upper = np.asarray(lower, dtype=float), np.asarray(upper, dtype=float)
        self._last: int | None = None

    def set_bounds(self, lower: np.ndarray, upper: np.ndarray) -> None:
        self.lower, self.upper = np.asarray(lower, dtype=float), np.asarray(upper, dtype=float)
        index = np.arange(self.n, dtype=np.int32)
        self.highs.changeColsBounds(self.n, index, np.where(np.isfinite(self.lower), self.lower, -INF),
                                    np.where(np.isfinite(self.upper), self.upper, INF))

    def extreme(self, var: int, sign: float) -> tuple[float, np.ndarray | None]:
        """The greatest (sign=+1) or least (sign=-1) value of `var`; inf when unbounded. Also the
        reduced costs, whose products with the bounds make up the optimum (LP duality)."""
        if self._last is not None:
            self.highs.changeColCost(self._last, 0.0)
        self.highs.changeColCost(var, -sign)
        self._last = var
        self.highs.run()
        status = self.highs.getModelStatus()
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return sign * np.inf, None
        if status != highspy.HighsModelStatus.kOptimal:
            raise EtudesError("contrôle des tableaux : les marges publiées sont incohérentes")
        value = -float(self.highs.getInfo().objective_function_value) * sign
        return value, np.asarray(self.highs.getSolution().col_dual)

    def bound_weights(self, dual: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """How much the optimum (of the minimised objective) moves per unit of each lower and upper
        bound: the reduced cost, on the side of the bound it sits at."""
        at_lower = np.where(dual > 0, dual, 0.0)
        at_upper = np.where(dual < 0, dual, 0.0)
        return at_lower, at_upper
