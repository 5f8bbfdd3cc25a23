"""Property tests: monotonicity, symmetry, totals, column = cell, nothing raises in a cell."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import kpixl
from kpixl import Status, udfs

ORDER = {Status.RED: 0, Status.AMBER: 1, Status.GREEN: 2}
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
small = st.floats(min_value=0, max_value=0.99, allow_nan=False)
tolerances = st.one_of(
    st.none(),
    small.map(lambda t: round(t, 4)),
    st.sampled_from(["5%", "10%", "5 pts", "+/- 3", "No tolerance", "3 days", "N/A"]),
)


@given(a=finite, b=finite, t=finite, tol=tolerances, pol=st.sampled_from(["higher", "lower"]))
def test_a_better_actual_never_gives_a_worse_status(a, b, t, tol, pol):
    worse, better = sorted((a, b)) if pol == "higher" else sorted((a, b), reverse=True)
    assert ORDER[kpixl.rag(better, t, pol, tol)] >= ORDER[kpixl.rag(worse, t, pol, tol)]


@given(a=finite, t=finite, tol=tolerances)
def test_swapping_polarity_mirrors(a, t, tol):
    # Lower is better for (a, t) is higher is better for (-a, -t).
    assert kpixl.rag(a, t, "lower", tol) is kpixl.rag(-a, -t, "higher", tol)


@given(a=finite, t=finite, r1=small, r2=small, pol=st.sampled_from(["higher", "lower"]))
def test_a_wider_tolerance_never_worsens(a, t, r1, r2, pol):
    narrow, wide = sorted((r1, r2))
    assert (
        ORDER[kpixl.rag(a, t, pol, wide or "No tolerance")]
        >= ORDER[kpixl.rag(a, t, pol, narrow or "No tolerance")]
    )


@given(st.lists(st.one_of(st.none(), st.integers(-(10**6), 10**6).map(float)), max_size=12))
def test_ytd_sum_over_all_periods_is_the_total(values):
    present = [v for v in values if v is not None]
    got = kpixl.ytd(values, "sum")
    if not present:
        assert got is None
    else:
        assert got == sum(present)


@given(st.lists(st.integers(1, 10**4), min_size=1, max_size=12), st.data())
def test_ytd_ratio_of_x_out_of_y(dens, data):
    nums = [data.draw(st.integers(0, d)) for d in dens]
    text = [f"{n} out of {d}" for n, d in zip(nums, dens, strict=True)]
    assert math.isclose(kpixl.ytd(text, "ratio"), sum(nums) / sum(dens), rel_tol=1e-12)


cells = st.one_of(
    st.none(), finite, st.sampled_from(["90.2%", "TBC", "n/a", "12 out of 13", "15 Days", "x"])
)


@settings(max_examples=60)
@given(
    st.lists(st.tuples(cells, cells), min_size=2, max_size=30),
    st.sampled_from(["Higher is better", "Lower is better", None, "N/A"]),
    tolerances,
)
def test_column_form_equals_cell_form(rows, pol, tol):
    actual = [[a] for a, _ in rows]
    target = [[t] for _, t in rows]
    column = udfs.KPI_RAG(actual, target, pol, tol)
    assert column == [[udfs.KPI_RAG(a, t, pol, tol)] for a, t in rows]
    column = udfs.KPI_RAG(actual, 0.9, pol, tol)
    assert column == [[udfs.KPI_RAG(a, 0.9, pol, tol)] for a, _ in rows]
    dots = udfs.KPI_DOT(actual, target, pol)
    assert dots == [[udfs.KPI_DOT(a, t, pol)] for a, t in rows]


anything = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
    lambda inner: st.lists(st.lists(inner, min_size=1, max_size=3), min_size=1, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300)
@given(anything, anything, anything, anything, anything)
def test_nothing_raises_in_a_worksheet_function(a, b, c, d, e):
    for result in (
        udfs.KPI_RAG(a, b, c, d),
        udfs.KPI_DOT(a, b, c, d, e),
        udfs.KPI_YTD(a, b, c),
        udfs.KPI_TARGET(a, b, c, d),
        udfs.KPI_VALUE(a),
        udfs.KPI_SUMMARY(a, b),
    ):
        assert isinstance(result, (str, float, int, list))
