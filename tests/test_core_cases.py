"""Tables of cases from the seed reports (000-004) and the boundaries of rules.md section 4.

The tables themselves are plain data in tests/cases_core.py (also run inside Pyodide)."""

from __future__ import annotations

import math

import pytest

import kpixl
from kpixl import Direction, Status, ToleranceKind
from tests.cases_core import (
    DOT_CASES,
    MISSING_MARKERS,
    PERIODS,
    POLARITIES,
    RAG_CASES,
    TARGET_KINDS,
    TOLERANCE_ERRORS,
    TOLERANCES,
    TTD_CASES,
    VALUE_PARTS,
    VALUES,
)

# --- rules.md section 3: every tolerance form of 004 (and the table's own examples) -------


@pytest.mark.parametrize(("written", "kind", "amount", "low", "high"), TOLERANCES)
def test_tolerance_forms(written, kind, amount, low, high):
    tol = kpixl.parse_tolerance(written)
    assert tol.kind is kind
    assert tol.amount == pytest.approx(amount)
    assert tol.low == pytest.approx(low) if low is not None else tol.low is None
    assert tol.high == pytest.approx(high) if high is not None else tol.high is None


def test_thresholds_tolerance_of_stp08():
    tol = kpixl.parse_tolerance("99.5% and above is green, 99% and above is amber")
    assert tol.kind is ToleranceKind.THRESHOLDS
    assert (tol.green, tol.amber) == pytest.approx((0.995, 0.99))
    # the thresholds replace the target (100%) for Green
    assert kpixl.rag(7884 / 7903, "100%", "Higher is better", tol) is Status.GREEN  # 99.76%
    assert kpixl.rag("99.2%", "100%", "Higher is better", tol) is Status.AMBER
    assert kpixl.rag("98.9%", "100%", "Higher is better", tol) is Status.RED


@pytest.mark.parametrize(("written", "says"), TOLERANCE_ERRORS)
def test_tolerance_errors_name_the_value_and_the_forms(written, says):
    with pytest.raises(kpixl.ToleranceError) as err:
        kpixl.parse_tolerance(written)
    assert says in str(err.value)
    assert str(err.value).startswith("Check tolerance:")


# --- rules.md section 2: polarity spellings -----------------------------------------------


@pytest.mark.parametrize(("written", "polarity"), POLARITIES)
def test_polarity_spellings(written, polarity):
    assert kpixl.parse_polarity(written) is polarity


def test_polarity_error_lists_accepted_values():
    with pytest.raises(kpixl.PolarityError) as err:
        kpixl.parse_polarity("Better if bigger")
    message = str(err.value)
    assert '"Better if bigger"' in message
    assert "Higher is better" in message and "Lower is better" in message


# --- rules.md section 8: values as officers type them ---------------------------------------


@pytest.mark.parametrize(("written", "numerator", "denominator", "note", "unit"), VALUE_PARTS)
def test_value_parts_as_printed(written, numerator, denominator, note, unit):
    v = kpixl.read_value(written)
    assert (v.numerator, v.denominator, v.note, v.unit) == (numerator, denominator, note, unit)


@pytest.mark.parametrize(("heading", "kind", "number", "year", "start", "months"), PERIODS)
def test_period_headings(heading, kind, number, year, start, months):
    from kpixl.core.periods import parse_period

    p = parse_period(heading)
    assert (p.kind, p.number, p.year, p.start, p.months) == (kind, number, year, start, months)


def test_an_annual_measure_before_its_year_end_is_not_yet_due():
    # 001's box: "Not started (annual KPIs)" are neither No data nor rated
    from kpixl.core.model import Indicator, Tracker, rate_tracker
    from kpixl.core.periods import parse_period

    quarters = tuple(parse_period(f"Q{q} 2023/24") for q in (1, 2, 3))
    annual = Indicator(
        row=5,
        ref="A1",
        name="Residents' survey",
        frequency="Annual",
        polarity="Higher is better",
        target="80%",
        values=(None, None, None),
    )
    quarterly = Indicator(row=6, ref="A2", target="90%", values=(0.91, 0.92, 0.93))
    r = rate_tracker(Tracker(periods=quarters, indicators=[annual, quarterly]))[0]
    assert (str(r.status), r.at.label) == ("Not yet due", "Q3 2023/24")
    assert kpixl.parse_status("Not started (annual KPIs)") is Status.NOT_YET_DUE


def test_a_profile_as_plain_numbers():
    assert kpixl.target_to_date([4505, 5603, 2720, 2828], 2, periods=4) == 10108


@pytest.mark.parametrize(("written", "value"), VALUES)
def test_values(written, value):
    assert kpixl.parse_value(written) == pytest.approx(value, rel=1e-12)


def test_out_of_keeps_numerator_and_denominator():
    v = kpixl.read_value("95.41% (16579 out of 17377)")
    assert (v.value, v.numerator, v.denominator) == (0.9541, 16579.0, 17377.0)
    v = kpixl.read_value("92 out of 99")
    assert (v.numerator, v.denominator) == (92.0, 99.0)


@pytest.mark.parametrize("written", MISSING_MARKERS)
def test_missing_markers_keep_the_reason(written):
    v = kpixl.read_value(written)
    assert v.value is None
    assert kpixl.parse_value(written) is None
    assert v.missing


def test_unreadable_value_names_argument():
    with pytest.raises(kpixl.ValueTextError) as err:
        kpixl.parse_value("lots")
    assert 'Check value: cannot read "lots"' in str(err.value)


# --- rules.md section 4: the RAG rule and its boundaries ------------------------------------


@pytest.mark.parametrize(("actual", "target", "polarity", "tolerance", "status"), RAG_CASES)
def test_rag(actual, target, polarity, tolerance, status):
    assert kpixl.rag(actual, target, polarity, tolerance) is status


def test_mixed_scales_are_never_rated_silently():
    # 000 row 01: Q1 typed as 83 beside 90.2%, against 92%
    with pytest.raises(kpixl.ValueTextError, match="write the actual as 83%"):
        kpixl.rag(83, "92%", "Higher is better")
    with pytest.raises(kpixl.TargetError, match="write the target as 92%"):
        kpixl.rag("90.2%", 92, "Higher is better")
    assert kpixl.rag("90.2%", "92%", "Higher is better") is Status.AMBER
    assert kpixl.rag(0.83, "92%", "Higher is better") is Status.RED  # Excel's 83%
    assert kpixl.rag("92 out of 99", 0.9) is Status.GREEN


def test_status_words():
    assert [str(s) for s in Status] == [
        "Green",
        "Amber",
        "Red",
        "No data",
        "Under review",
        "Tracking",
        "Exceeded",  # only where a scheme asks for a level beyond Green
        "Not yet due",  # an annual measure before its year end (001's box)
    ]


def test_default_tolerance_is_a_setting():
    assert kpixl.rag(0.85, 0.9) is Status.RED  # 5.6% short of target
    with kpixl.settings(default_tolerance="10%"):
        assert kpixl.rag(0.85, 0.9) is Status.AMBER
        assert kpixl.rag("85%", "90%", "higher", "N/A") is Status.AMBER
    assert kpixl.rag(0.85, 0.9) is Status.RED


def test_float_edges():
    for target in (55.0, 0.55, 1e-6, 1e9, 97.5, 0.975):
        limit = target * 0.95
        assert kpixl.rag(limit, target) is Status.AMBER
        assert kpixl.rag(math.nextafter(limit, 0) * (1 - 1e-7), target) is Status.RED
        assert kpixl.rag(target, target, "lower") is Status.GREEN
        assert kpixl.rag(target * 1.05, target, "lower") is Status.AMBER


# --- rules.md section 5: direction of travel, 004's rows --------------------------------------


@pytest.mark.parametrize(("current", "previous", "polarity", "target", "arrow"), DOT_CASES)
def test_direction(current, previous, polarity, target, arrow):
    assert kpixl.direction(current, previous, polarity, target) is arrow


def test_direction_codes_are_those_of_the_key():
    assert [str(d) for d in Direction] == [
        "↑G",
        "↓G",
        "↑A",
        "↓A",
        "↑R",
        "↓R",
        "→",
        "⇧",
        "⇨",
        "⇩",
        "n/a",
    ]


def test_acceptable_range_is_an_argument_and_a_setting():
    assert kpixl.direction(0.9, 1.0) is Direction.DOWN_RED
    assert kpixl.direction(0.9, 1.0, acceptable="10%") is Direction.DOWN_AMBER
    with kpixl.settings(acceptable_range="10%"):
        assert kpixl.direction(0.9, 1.0) is Direction.DOWN_AMBER
    assert kpixl.direction(1.05, 1.0, "lower", acceptable=0.05) is Direction.UP_AMBER


# --- rules.md section 6: year to date ---------------------------------------------------------


def test_ytd_stp15_ratio_15_of_17():
    assert kpixl.ytd(["12 out of 13", "3 out of 4"], "ratio") == 15 / 17
    assert kpixl.ytd([12, 3], "ratio", [13, 4]) == 15 / 17


def test_ytd_afl13_sum_99():
    assert kpixl.ytd([75, 24]) == 99
    assert kpixl.ytd([30, 21, 24, None, "TBC", 24], "sum") == 99


def test_ytd_methods():
    values = [4, None, 8, "TBC", 6, 2]
    assert kpixl.ytd(values, "mean") == 5
    assert kpixl.ytd(values, "last") == 2  # 004 rough sleepers, 001 KI 8
    assert kpixl.ytd(values, "max") == 8
    assert kpixl.ytd(values, "min") == 2
    assert kpixl.ytd(values, "rolling:2") == 4  # 001 KI 4: rolling audited quarters
    assert kpixl.ytd(values, "Rolling 3") == pytest.approx(16 / 3)
    # STP37a: total void days / properties let
    assert kpixl.ytd([60.9, 56.15], "weighted", [30, 45]) == pytest.approx(
        (60.9 * 30 + 56.15 * 45) / 75
    )
    # cells that carry their own weight: total void days over properties let
    assert kpixl.ytd(["2527 out of 45", "3313 out of 11"], "weighted") == pytest.approx(
        (2527 + 3313) / 56
    )
    assert kpixl.ytd([None, "TBC", "n/a"], "sum") is None
    assert kpixl.ytd([], "sum") is None


def test_ytd_errors():
    with pytest.raises(kpixl.MethodError, match="write sum, ratio"):
        kpixl.ytd([1, 2], "median")
    with pytest.raises(kpixl.KpixlError, match="ratio needs numerators and denominators"):
        kpixl.ytd([0.9, 0.8], "ratio")
    with pytest.raises(kpixl.KpixlError, match="weighted needs weights"):
        kpixl.ytd([1, 2], "weighted")


# --- rules.md section 7: targets and targets to date ----------------------------------------


@pytest.mark.parametrize(("target", "period", "periods", "method", "expected"), TTD_CASES)
def test_target_to_date(target, period, periods, method, expected):
    got = kpixl.target_to_date(target, period, periods, method)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, rel=1e-12)


def test_multi_year_target_uses_the_financial_year():
    t = "Q4 23/24 : 23 Q4 24/25: 38"
    assert kpixl.target_to_date(t, 4, 4, "last", year="2024/25") == 38


@pytest.mark.parametrize(("target", "kind"), TARGET_KINDS)
def test_target_kinds(target, kind):
    assert kpixl.parse_target(target).kind is kind


def test_unreadable_targets():
    with pytest.raises(kpixl.TargetError, match="one target per sub-measure"):
        kpixl.parse_target("P1 and P2 97.5% P3 and P4 90%").point()  # 004 STP31's parent
    with pytest.raises(kpixl.TargetError, match="several targets"):
        kpixl.parse_target("90% or 95%")
    with pytest.raises(kpixl.TargetError, match='cannot read "lots"'):
        kpixl.rag(1, "lots")
    with pytest.raises(kpixl.TargetError, match="period"):
        kpixl.target_to_date("92%", 13, 12)


# --- rules.md section 9: summaries -------------------------------------------------------------


def test_summary_as_dacorum_writes_it():
    statuses = ["Green"] * 16 + ["Amber"] * 8 + ["Red"] * 6 + ["No data"] * 4
    s = kpixl.summary(statuses)
    assert s.total == 34
    assert s.text("Green") == "47% (16) of 34"
    assert s.text(Status.RED) == "18% (6) of 34"
    assert s.share("Amber") == pytest.approx(8 / 34)


def test_summary_by_group_counts_other_words():
    s = kpixl.summary(
        ["Red", "Completed", "Green", "G", None, "Not started"],
        ["Environment", "Environment", "Economy", "Economy", "Economy", "Council"],
    )
    assert s.total == 5
    assert s.groups["Environment"].count("Completed") == 1
    assert s.groups["Economy"].count("Green") == 2
    assert s.rows()[0] == ["Group", "Green", "Red", "Completed", "Not started", "Total"]
