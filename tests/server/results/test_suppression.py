"""Primary and secondary suppression on hand-made tables whose protected answer is known, and
the attacker check on them."""

from __future__ import annotations

import numpy as np
import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.results.attacker import check, intervals, require_protected
from etudes_desktop.server.results.suppression import (
    PRIMARY, PUBLISHED, SECONDARY, LinkedCells, Protection, check_threshold, protect, suppress_smallest,
)
from tests.server.results.grids import independent_interval, two_way


def _kinds(prot: Protection, at: dict) -> dict:
    return {key: prot.status[var] for key, var in at.items() if prot.status[var] != PUBLISHED}


def test_one_small_cell_of_a_two_by_two_takes_the_whole_interior_with_it():
    cells, at = two_way([[3, 20], [15, 30]])
    prot = protect(cells)
    assert _kinds(prot, at) == {(0, 0): PRIMARY, (0, 1): SECONDARY, (1, 0): SECONDARY, (1, 1): SECONDARY}
    lo, hi = require_protected(cells, prot)
    # published margins 23, 45, 18, 50: the small cell is anywhere from 0 to 18
    assert (lo[at[(0, 0)]], hi[at[(0, 0)]]) == (0, 18)


def test_a_one_way_table_hides_the_next_smallest_category_beside_the_small_one():
    values = [4, 30, 25, 59]  # three categories and their total
    cells = LinkedCells.build(values, [{0: 1, 1: 1, 2: 1, 3: -1}])
    prot = protect(cells)
    assert list(prot.status) == [PRIMARY, PUBLISHED, SECONDARY, PUBLISHED]
    lo, hi = require_protected(cells, prot)
    assert (lo[0], hi[0]) == (0, 29)


def test_a_small_margin_is_suppressed_like_any_cell():
    cells, at = two_way([[2, 3], [40, 50]])
    prot = protect(cells)
    assert prot.status[at[(0, "total")]] == PRIMARY  # 5 people in the first row
    assert prot.status[at[(0, 0)]] == PRIMARY and prot.status[at[(0, 1)]] == PRIMARY
    require_protected(cells, prot)


def test_zero_and_large_cells_are_not_primary():
    cells, at = two_way([[0, 20], [15, 30]])
    prot = protect(cells)
    assert prot.count(PRIMARY) == 0 and prot.count(SECONDARY) == 0


def test_the_threshold_is_never_below_five():
    with pytest.raises(EtudesError, match="au moins 5"):
        check_threshold(4)
    with pytest.raises(EtudesError):
        protect(two_way([[1, 2]])[0], threshold=3)
    assert check_threshold(5) == 5


def test_a_higher_threshold_suppresses_more():
    cells, _ = two_way([[12, 30, 7], [25, 14, 40], [9, 33, 50]])
    assert protect(cells, threshold=15).count(PRIMARY) > protect(cells, threshold=11).count(PRIMARY)


def test_the_attacker_sees_through_primary_suppression_alone():
    cells, at = two_way([[3, 20], [15, 30]])
    only_primary = protect(cells)
    only_primary.status[only_primary.status == SECONDARY] = PUBLISHED
    exposures, lo, hi = check(cells, only_primary)
    assert [e.var for e in exposures] == [at[(0, 0)]] and lo[at[(0, 0)]] == hi[at[(0, 0)]] == 3
    with pytest.raises(EtudesError, match="rien n'est diffusé"):
        require_protected(cells, only_primary)


def test_intervals_agree_with_an_independent_linear_programme():
    cells, at = two_way([[3, 20, 8, 40], [15, 30, 2, 11], [60, 5, 33, 21]])
    prot = protect(cells)
    lo, hi = intervals(cells, prot.suppressed)
    for var in np.flatnonzero(prot.suppressed):
        assert (lo[var], hi[var]) == pytest.approx(independent_interval(cells, prot.suppressed, var))


def test_tables_sharing_a_margin_are_protected_together():
    """Q x sex and Q x region share Q's row totals: each alone may look safe, the pair must be."""
    sex = [[4, 26], [21, 19]]
    region = [[15, 15], [20, 20]]
    values, equations = [], []

    def add(v: int) -> int:
        values.append(v)
        return len(values) - 1

    rows = [add(30), add(40)]
    total = add(70)
    equations.append({rows[0]: 1, rows[1]: 1, total: -1})
    for table in (sex, region):
        cell = [[add(v) for v in row] for row in table]
        cols = [add(table[0][j] + table[1][j]) for j in range(2)]
        for i in range(2):
            equations.append({cell[i][0]: 1, cell[i][1]: 1, rows[i]: -1})
        for j in range(2):
            equations.append({cell[0][j]: 1, cell[1][j]: 1, cols[j]: -1})
        equations.append({cols[0]: 1, cols[1]: 1, total: -1})
    cells = LinkedCells.build(values, equations)
    prot = protect(cells)
    assert len(cells.components()) == 1
    for var in np.flatnonzero(prot.status == PRIMARY):
        low, high = independent_interval(cells, prot.suppressed, var)
        assert high - low >= prot.protection


def test_the_optimum_hides_no_more_than_the_smallest_cell_heuristic():
    rng = np.random.default_rng(7)
    matrix = rng.integers(0, 60, size=(8, 8))
    matrix[rng.random((8, 8)) < 0.2] = 3
    cells, _ = two_way(matrix.tolist())
    optimal, plain = protect(cells), suppress_smallest(cells)
    assert not check(cells, optimal)[0]
    assert not [e for e in check(cells, plain)[0] if plain.status[e.var] == PRIMARY]
    assert optimal.count(SECONDARY) <= plain.count(SECONDARY)
