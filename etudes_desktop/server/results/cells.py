"""The leaf of the results package: linked counts, the status of each one, the threshold rules.

Suppression (suppression.py) and the attacker (attacker.py) both read these; neither imports
the other's names through here, so the package has no import circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from etudes_desktop.core.errors import EtudesError

DEFAULT_THRESHOLD = 11
MIN_THRESHOLD = 5
_EPS = 1e-6

PUBLISHED, PRIMARY, SECONDARY, HIDDEN = 0, 1, 2, 3
STATUS_NAMES = {PRIMARY: "primary", SECONDARY: "secondary"}


def check_threshold(threshold: int) -> int:
    """The threshold, refused below 5 (the register's tables protect people, not rounding)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < MIN_THRESHOLD:
        raise EtudesError(f"seuil de diffusion invalide : un entier d'au moins {MIN_THRESHOLD} est attendu")
    return threshold


def default_protection(threshold: int) -> int:
    """The width an intruder's interval must keep: the « < 11 » label's own width (threshold - 1)."""
    return threshold - 1


@dataclass
class LinkedCells:
    """Counts and the equations between them (`equations @ values == 0`)."""

    values: np.ndarray
    equations: sparse.csr_matrix
    hidden: np.ndarray
    groups: list[frozenset[int]] | None = None  # per equation, the families of tables that state it
    appearances: np.ndarray | None = None  # per variable, in how many published tables it is printed

    @classmethod
    def build(cls, values: list[int], equations: list[dict[int, int]], hidden: set[int] | None = None,
              groups: list[frozenset[int]] | None = None) -> LinkedCells:
        rows, cols, data = [], [], []
        for r, equation in enumerate(equations):
            for var, coef in equation.items():
                rows.append(r), cols.append(var), data.append(coef)
        matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(equations), len(values)), dtype=float)
        mask = np.zeros(len(values), dtype=bool)
        mask[list(hidden or ())] = True
        cells = cls(np.asarray(values, dtype=float), matrix, mask, groups)
        if len(values) and np.abs(matrix @ cells.values).max(initial=0) > _EPS:
            raise ValueError("inconsistent tables: a margin is not the sum of its cells")
        return cells

    def components(self) -> list[np.ndarray]:
        """Groups of variables linked by equations (each protected on its own)."""
        n = len(self.values)
        incidence = (self.equations != 0).astype(int)
        graph = (incidence.T @ incidence) + sparse.identity(n, format="csr")
        count, labels = connected_components(graph, directed=False)
        return [np.flatnonzero(labels == k) for k in range(count)]


@dataclass
class Protection:
    """The status of every variable and how many rounds the solver needed."""

    status: np.ndarray
    threshold: int
    protection: int
    rounds: int = 0
    cuts: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def suppressed(self) -> np.ndarray:
        return (self.status == PRIMARY) | (self.status == SECONDARY)

    def count(self, kind: int) -> int:
        return int((self.status == kind).sum())


def primary(cells: LinkedCells, threshold: int) -> np.ndarray:
    """Publishable counts with 1 <= n < threshold, margins included."""
    values = cells.values
    return (~cells.hidden) & (values >= 1) & (values < threshold)
