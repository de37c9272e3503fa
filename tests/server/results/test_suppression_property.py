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


from etudes_desktop.server.results.tables import count_tables  # noqa: E402
from tests.server.results.data import package  # noqa: E402

answers = st.fixed_dictionaries({
    "satisfaction": st.sampled_from(["oui", "non", "_dk", None]),
    "canaux": st.sampled_from(["web", "tel agence", "web tel agence", "_rf", None]),
    "attente": st.one_of(st.integers(0, 60), st.just("_dk"), st.none()),
    "reco": st.one_of(st.integers(0, 10), st.none()),
})
interviews = st.lists(st.tuples(st.sampled_from(["phone", "internet", "paper"]), answers,
                                st.sampled_from([{"age_band": "18-34"}, {"age_band": "55+"}, {}])),
                      min_size=0, max_size=120)


@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=interviews, threshold=st.integers(5, 12))
def test_a_whole_delivery_of_linked_tables_holds_against_the_intruder(rows: list, threshold: int) -> None:
    """One-way and crossed tables sharing margins, select_multiple complements, numbers, NPS."""
    clean = [(mode, {k: v for k, v in a.items() if v is not None}, attrs) for mode, a, attrs in rows]
    counted = count_tables(package(), clean)
    cells = counted.cells
    prot = protect(cells, threshold=threshold)
    published = prot.status == PUBLISHED
    assert ((cells.values[published] == 0) | (cells.values[published] >= threshold)).all()
    for var in np.flatnonzero(prot.status == PRIMARY):
        low, high = independent_interval(cells, prot.suppressed, var)
        assert high - low >= prot.protection - 1e-6
    for table in counted.tables:  # every published total is the sum of its cells (additive rows)
        assert (table.cells.sum(axis=1) == cells.values[table.row_vars]).all()
        if table.kind != "multiple":
            assert (table.cells.sum(axis=0) == cells.values[table.column_vars]).all()
        assert cells.values[table.column_vars].sum() == cells.values[table.total_var]
