"""One rule, three paths: ``kpixl.rag`` (a cell), ``KPI_RAG`` (a cell and a column) and
``rate_frame`` (pandas) must give the same answer for every input, under every scheme.

The inputs are every case table of the core (tests/cases_core.py) crossed with each other,
and one Hypothesis strategy of hostile cells ("", NaN, ±inf, huge ints, Decimal, booleans,
datetimes, text). The answer is a status, or the message that says why a row cannot be
rated; the only translation is the worksheet's: a wholly blank row of a range stays blank.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpixl
from kpixl import KpixlError, Polarity, Status, udfs
from kpixl.core import scheme as schemes
from kpixl.core.rules import compare, rate_rows, width_kernel
from kpixl.frame import rate_frame
from tests import cases_core as cases

WORDS = {s.value for s in Status}

# the schemes every input is rated under: the default (004's key) and each choice a council
# makes that changes a status (rules.md; issue 8's named sources)
SCHEMES = {
    "default": {},
    "points (Cheshire West)": {"percent_tolerance": "points"},
    "green band (Bracknell Forest)": {"green_within": "5%", "default_tolerance": "10%"},
    "exceed level": {"exceed_by": "10%"},
    "lower by default": {"default_polarity": "Lower is better"},
    "no tolerance": {"default_tolerance": "No tolerance"},
}

HOSTILE = [
    None,
    "",
    "   ",
    float("nan"),
    float("inf"),
    float("-inf"),
    -0.0,
    0,
    1,
    1e300,
    1.5e300,
    -1e301,
    10**400,
    -(10**400),
    2**63,
    Decimal("0.9"),
    Decimal("NaN"),
    Decimal("1e400"),
    Fraction(9, 10),
    True,
    False,
    dt.datetime(2023, 4, 1),
    dt.date(2023, 4, 1),
    "1e308",
    "1e400",
    "nan",
    "inf",
    "-",
    "%",
    "90%%%",
    "(12)",
    "£",
    "x" * 400,
    "9" * 400,
    "#N/A",
    "#VALUE!",
]

ACTUALS = [c[0] for c in cases.RAG_CASES] + [v for v, _ in cases.VALUES] + HOSTILE
TARGETS = [c[1] for c in cases.RAG_CASES] + [t for t, _ in cases.TARGET_KINDS] + HOSTILE
POLARITIES = [p for p, _ in cases.POLARITIES] + [None, "sideways", True, 1.0, float("nan")]
TOLERANCES = (
    [t[0] for t in cases.TOLERANCES] + [t for t, _ in cases.TOLERANCE_ERRORS] + HOSTILE[:14]
)


def _distinct(xs: list[object]) -> list[object]:
    seen: list[object] = []
    for x in xs:
        if not any(type(x) is type(y) and (x == y or x is y) for y in seen):
            seen.append(x)
    return seen


def _rows(n: int, seed: int) -> list[tuple[object, object, object, object]]:
    """The case tables' own rows, then a deterministic sample of their cross product."""
    rows = [c[:4] for c in cases.RAG_CASES]
    pools = [_distinct(p) for p in (ACTUALS, TARGETS, POLARITIES, TOLERANCES)]
    rng = random.Random(seed)
    rows += [tuple(rng.choice(p) for p in pools) for _ in range(n)]  # type: ignore[misc]
    return rows  # type: ignore[return-value]


def by_rag(row: tuple[object, ...], scheme: kpixl.Scheme) -> str:
    try:
        return kpixl.rag(*row, scheme=scheme).value
    except KpixlError as e:
        return str(e)


def by_frame(rows: list[tuple[object, ...]], scheme: kpixl.Scheme) -> list[str]:
    df = pd.DataFrame(rows, columns=["actual", "target", "polarity", "tolerance"], dtype=object)
    out = rate_frame(df, previous=None, scheme=scheme)
    return [
        p if isinstance(s, float) else s for s, p in zip(out["status"], out["problem"], strict=True)
    ]


def sheet(row: tuple[object, ...], answer: str) -> str:
    """What a worksheet shows for a row the core answers ``answer``: a blank row stays blank."""
    return "" if all(x is None for x in row) else answer


@pytest.mark.parametrize("name", SCHEMES)
def test_every_path_gives_the_same_answer(name: str) -> None:
    rows = _rows(3000, seed=8)
    with schemes.settings(**SCHEMES[name]) as current:
        s = current.scheme
        expected = [by_rag(r, s) for r in rows]
        # a cell
        cells = [udfs.KPI_RAG(*r) for r in rows]
        # a column, each row with its own target, polarity and tolerance
        column = udfs.KPI_RAG(*([[r[i]] for r in rows] for i in range(4)))
        # the core's column function
        core = rate_rows(*([r[i] for r in rows] for i in range(4)), scheme=s)
    frame = by_frame(rows, s)
    # one row at a time, so pandas reads each column's own type (float targets and all)
    single = [by_frame([r], s)[0] for r in rows[: len(cases.RAG_CASES)]]
    for i, row in enumerate(rows):
        want = expected[i]
        assert cells[i] == sheet(row, want), (name, row)
        assert column[i] == [sheet(row, want)], (name, row)
        c = core[i]
        got = "" if c is None else (c.value if isinstance(c, Status) else str(c))
        assert got == sheet(row, want), (name, row)
        assert frame[i] == want, (name, row)
    for i, got in enumerate(single):
        assert got == expected[i], (name, rows[i])
    # the sample reaches every status and plenty of problems, or it proves little
    assert WORDS - {"Exceeded"} <= set(expected) | {"Not yet due"}
    assert sum(e not in WORDS for e in expected) > 300


def test_the_answers_are_the_case_tables_answers() -> None:
    # the paths agreeing is worth something only if they are right: the first rows are
    # the case table's, with its statuses
    for a, t, p, tol, status in cases.RAG_CASES:
        assert by_rag((a, t, p, tol), schemes.DEFAULT_SCHEME) == status.value


cell = st.one_of(
    st.sampled_from(HOSTILE),
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-2, max_value=2),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.text(alphabet="0123456789.,%-+ ()£edaysptoTBCN/", max_size=12),
    st.sampled_from(["92%", "85% - 90%", "5 pts", "Higher is better", "Lower", "In range"]),
)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(cell, cell, cell, cell), min_size=1, max_size=6))
def test_hostile_cells_give_the_same_answer_on_every_path(rows) -> None:
    s = schemes.default_scheme()
    expected = [by_rag(r, s) for r in rows]
    shown = [sheet(r, e) for r, e in zip(rows, expected, strict=True)]
    assert [udfs.KPI_RAG(*r) for r in rows] == shown
    if len(rows) > 1:
        column = udfs.KPI_RAG(*([[r[i]] for r in rows] for i in range(4)))
        assert column == [[sheet(r, e)] for r, e in zip(rows, expected, strict=True)]
    assert by_frame(rows, s) == expected


finite = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)
edge = st.sampled_from([0.0, -0.0, 1.0, 0.95, 0.9, 100.0, 1e-300, 5e-324, 1e300, -1e300])


@settings(max_examples=2000, deadline=None)
@given(
    x=st.one_of(finite, edge),
    t=st.one_of(finite, edge),
    rel=st.sampled_from([0.0, 0.05, 0.1, 0.0333, 1.0]),
    flat=st.sampled_from([0.0, 3.0, 0.5]),
    higher=st.booleans(),
)
def test_the_width_kernel_is_the_comparison(x, t, rel, flat, higher) -> None:
    # the kernel writes out compare() with the limit worked out from the target; the two
    # must agree to the last bit of the float edge
    w = rel * abs(t) + flat
    if math.isinf(w) or math.isinf(t - w) or math.isinf(t + w):
        return  # a width beyond floats: the full path refuses such a figure earlier
    pol = Polarity.HIGHER if higher else Polarity.LOWER
    limit = t - w if higher else t + w
    assert width_kernel(higher, rel, flat)(x, t) is compare(x, t, limit, pol)


def test_boundaries_agree_on_every_path() -> None:
    # figures a hair either side of each limit, where float error would show first
    rows = []
    for t, tol, pol in itertools.product(
        [0.9, 55.0, 0.0, -10.0, 1e-9, 2.5e8], ["5%", "5 pts", "+/- 3", None], ["higher", "lower"]
    ):
        for k in (0.0, 0.05, 0.95, 1.0, 1.05, 1.5):
            for nudge in (-1e-12, 0.0, 1e-12):
                rows.append(
                    (t * (1 - k) + nudge if pol == "higher" else t * (1 + k) + nudge, t, pol, tol)
                )
    s = schemes.DEFAULT_SCHEME
    expected = [by_rag(r, s) for r in rows]
    column = udfs.KPI_RAG(*([[r[i]] for r in rows] for i in range(4)))
    assert column == [[e] for e in expected]
    assert by_frame(rows, s) == expected
    assert {"Green", "Amber", "Red"} <= set(expected)


ACCEPTABLE = [None, "10%", 0.05, 0.0, "", float("nan"), "lots", -0.1, 2.0, "150%", True]


def _arrow_rows(n: int, seed: int) -> list[tuple[object, ...]]:
    rows = [(*c[:4], None) for c in cases.DOT_CASES]
    pools = [_distinct(p) for p in (ACTUALS, ACTUALS, POLARITIES, TARGETS, ACCEPTABLE)]
    rng = random.Random(seed)
    rows += [tuple(rng.choice(p) for p in pools) for _ in range(n)]
    return rows


def by_direction(row: tuple[object, ...], scheme: kpixl.Scheme) -> str:
    try:
        return kpixl.direction(*row, scheme=scheme).value
    except KpixlError as e:
        return str(e)


@pytest.mark.parametrize("style", ["acceptable", "better_same_worse", "improved_declined"])
def test_every_path_draws_the_same_arrow(style: str) -> None:
    rows = _arrow_rows(3000, seed=5)
    with schemes.settings(direction_style=style) as current:
        s = current.scheme
        expected = [by_direction(r, s) for r in rows]
        cells = [udfs.KPI_DOT(*r) for r in rows]
        column = udfs.KPI_DOT(*([[r[i]] for r in rows] for i in range(5)))
    df = pd.DataFrame(
        rows, columns=["actual", "previous", "polarity", "target", "acceptable"], dtype=object
    )
    out = rate_frame(df, tolerance=None, acceptable="acceptable", scheme=s)
    for i, row in enumerate(rows):
        assert cells[i] == sheet(row, expected[i]), (style, row)
        assert column[i] == [sheet(row, expected[i])], (style, row)
        got = out["direction"].iloc[i]
        if expected[i] in {d.value for d in kpixl.Direction}:
            assert got == expected[i], (style, row)
        else:  # the row's problem is the arrow's, unless its status had one first
            assert isinstance(got, float), (style, row)
            if isinstance(out["status"].iloc[i], str):
                assert out["problem"].iloc[i] == expected[i], (style, row)
    assert len(set(expected) & {d.value for d in kpixl.Direction}) >= 7
