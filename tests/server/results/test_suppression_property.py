"""Over random tables and thresholds: nothing published below the threshold, every primary cell
kept in an interval at least the protection level wide (checked by an independent LP), margins
consistent. Seeded and bounded: the same 100 examples every run."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etudes_desktop.server.results.attacker import check
from etudes_desktop.server.results.suppression import PRIMARY, PUBLISHED, SECONDARY, protect
from tests.server.results.grids import independent_interval, two_way

counts = st.one_of(st.integers(0, 12), st.integers(0, 90))


@st.composite
def tables(draw: st.DrawFn) -> list[list[int]]:
    rows, cols = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    return [[draw(counts) for _ in range(cols)] for _ in range(rows)]


@settings(max_examples=100, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrix=tables(), threshold=st.integers(5, 15))
def test_every_protected_table_holds_against_the_intruder(matrix: list[list[int]], threshold: int) -> None:
    cells, at = two_way(matrix)
    prot = protect(cells, threshold=threshold)
    values = cells.values
    assert np.abs(cells.equations @ values).max() == 0  # every margin is the sum of its cells
    published = prot.status == PUBLISHED
    assert ((values[published] == 0) | (values[published] >= threshold)).all()
    assert set(np.flatnonzero(prot.status == PRIMARY)) == set(np.flatnonzero((values >= 1) & (values < threshold)))
    for var in np.flatnonzero(prot.status == PRIMARY):
        low, high = independent_interval(cells, prot.suppressed, var)
        assert high - low >= prot.protection - 1e-6
    for var in np.flatnonzero(prot.status == SECONDARY):
        low, high = independent_interval(cells, prot.suppressed, var)
        assert high - low > 1e-6  # a secondary cell the intruder recomputes would have been published
    assert check(cells, prot)[0] == []
