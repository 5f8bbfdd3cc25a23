"""The pandas path gives the core's answer, row by row."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import kpixl
from tests.test_core_cases import DOT_CASES, RAG_CASES


def test_seed_cases_rate_as_the_core_does():
    df = pd.DataFrame(RAG_CASES, columns=["actual", "target", "polarity", "tolerance", "want"])
    got = kpixl.rate_frame(df)
    assert got["status"].tolist() == [s.value for s in df["want"]]
    assert (got["problem"] == "").all()


def test_seed_directions_as_the_core_gives_them():
    df = pd.DataFrame(DOT_CASES, columns=["actual", "previous", "polarity", "target", "want"])
    got = kpixl.rate_frame(df)
    assert got["direction"].tolist() == [d.value for d in df["want"]]


def test_unreadable_rows_are_data_not_failures():
    df = pd.DataFrame(
        {
            "actual": [0.88, 0.95, "lots"],
            "target": ["90%", "90%", "90%"],
            "tolerance": ["85-", "5%", "5%"],
        },
        index=["KI 20", "BBF02", "X1"],
    )
    got = kpixl.rate_frame(df)
    assert got.index.tolist() == ["KI 20", "BBF02", "X1"]
    assert pd.isna(got.loc["KI 20", "status"])
    assert got.loc["KI 20", "problem"].startswith('Check tolerance: cannot read "85-"')
    assert got.loc["BBF02", "status"] == "Green"
    assert got.loc["X1", "problem"].startswith('Check actual: cannot read "lots"')


numbers = st.floats(-1e6, 1e6, allow_nan=False)


@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(
            st.one_of(numbers, st.none(), st.sampled_from(["TBC", "90.2%", "12 out of 13"])),
            st.one_of(
                numbers, st.sampled_from(["92%", "TBC", "No target - tracking", "15 per quarter"])
            ),
            st.sampled_from(["Higher is better", "Lower is better", "N/A", None]),
            st.sampled_from(
                [
                    None,
                    "5%",
                    "5 pts",
                    "85% - 90%",
                    "9 to 12",
                    "No tolerance",
                    0.1,
                    "+/- 3",
                    "99.5% and above is green, 99% and above is amber",
                ]
            ),
            st.one_of(numbers, st.none()),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_frame_equals_the_core_row_by_row(rows):
    df = pd.DataFrame(rows, columns=["actual", "target", "polarity", "tolerance", "previous"])
    got = kpixl.rate_frame(df)
    for i, (a, t, p, tol, prev) in enumerate(rows):
        try:
            want = kpixl.rag(a, t, p, tol).value
        except kpixl.KpixlError as e:  # not rated: the row carries the core's message
            assert pd.isna(got["status"].iloc[i])
            assert got["problem"].iloc[i] == str(e)
        else:
            assert got["status"].iloc[i] == want
        assert got["direction"].iloc[i] == kpixl.direction(a, prev, p, t).value


def test_numeric_columns_take_the_fast_route():
    rng = np.random.default_rng(7)
    n = 2000
    df = pd.DataFrame(
        {
            "actual": rng.uniform(0, 1, n),
            "target": rng.uniform(0, 1, n),
            "previous": rng.uniform(0, 1, n),
        }
    )
    got = kpixl.rate_frame(df, polarity="Lower is better")
    want = [kpixl.rag(a, t, "lower").value for a, t in zip(df.actual, df.target, strict=True)]
    assert got["status"].tolist() == want
