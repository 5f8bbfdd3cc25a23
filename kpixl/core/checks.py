"""Check a tracker for data problems, row by row: errors are data (a table of findings).

>>> from kpixl.core.periods import parse_period
>>> from kpixl.core.model import Indicator, Tracker
>>> t = Tracker(periods=(parse_period("Q1 2024/25"), parse_period("Q2 2024/25")),
...             indicators=[Indicator(row=4, ref="01", polarity="H", target="92%",
...                                   values=(83, "90.2%"), unit="%")])
>>> [f.code.value for f in check_tracker(t)]
['mixed-scales']
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import KpixlError
from .model import (
    Indicator,
    Rating,
    Tracker,
    infer_method,
    is_quarterly,
    rate_tracker,
    scale_problem,
    unit_of,
)
from .polarity import Polarity, parse_polarity
from .rules import parse_status
from .targets import TargetKind, parse_target
from .tolerance import ToleranceKind, parse_tolerance, percent_scale
from .values import Value, read_value


class Reason(StrEnum):
    """Why a row was reported; stable codes for filters and tests."""

    UNREADABLE_TARGET = "unreadable-target"
    UNREADABLE_TOLERANCE = "unreadable-tolerance"
    UNREADABLE_POLARITY = "unreadable-polarity"
    UNREADABLE_VALUE = "unreadable-value"
    BLANK_POLARITY = "blank-polarity"
    MIXED_SCALES = "mixed-scales"
    BAND_OFF_TARGET = "band-off-target"
    BAND_DISAGREES = "band-disagrees"
    MISSING_PERIODS = "missing-periods"
    AVERAGED_PERCENTAGES = "averaged-percentages"
    ANNUAL_TARGET_PER_PERIOD = "annual-target-per-period"
    STATUS_DIFFERS = "status-differs"


SEVERITY = {
    Reason.UNREADABLE_TARGET: "Error",
    Reason.UNREADABLE_TOLERANCE: "Error",
    Reason.UNREADABLE_POLARITY: "Error",
    Reason.UNREADABLE_VALUE: "Error",
    Reason.BLANK_POLARITY: "Error",
    Reason.MIXED_SCALES: "Error",
    Reason.BAND_OFF_TARGET: "Warning",
    Reason.BAND_DISAGREES: "Warning",
    Reason.MISSING_PERIODS: "Warning",
    Reason.AVERAGED_PERCENTAGES: "Warning",
    Reason.ANNUAL_TARGET_PER_PERIOD: "Warning",
    Reason.STATUS_DIFFERS: "Warning",
}


@dataclass(frozen=True)
class Finding:
    """One problem in one row: where, a stable code, and a message saying what to do."""

    row: int
    ref: str
    code: Reason
    message: str
    sheet: str = ""

    @property
    def severity(self) -> str:
        return SEVERITY[self.code]


def _values(ind: Indicator) -> tuple[list[Value], list[str]]:
    read, bad = [], []
    for raw in ind.values:
        try:
            read.append(read_value(raw))
        except KpixlError:
            bad.append(str(raw))
            read.append(Value(None, missing=str(raw)))
    return read, bad


def check_indicator(
    ind: Indicator, tracker: Tracker, k: int | None, rating: Rating | None = None
) -> list[Finding]:
    """Every problem kpixl can see in one row (``rating``: the row already rated)."""
    out: list[Finding] = []

    def add(code: Reason, message: str) -> None:
        out.append(Finding(ind.row, ind.ref, code, message, ind.sheet))

    values, bad = _values(ind)
    for text in bad:
        add(
            Reason.UNREADABLE_VALUE,
            f'Check value: cannot read "{text}"; write a number such '
            'as 90.2%, 15 Days or "92 out of 99", or TBC when there is none',
        )
    target = None
    try:
        target = parse_target(ind.target)
    except KpixlError as e:
        add(Reason.UNREADABLE_TARGET, str(e))
    tracking = target is not None and target.kind is TargetKind.TRACKING
    polarity = None
    try:
        polarity = parse_polarity(ind.polarity, default=Polarity.NONE if tracking else None)
    except KpixlError as e:
        blank = ind.polarity is None or not str(ind.polarity).strip()
        add(Reason.BLANK_POLARITY if blank else Reason.UNREADABLE_POLARITY, str(e))
    rated = polarity not in (None, Polarity.NONE) and not tracking
    tol = None
    if rated:
        try:
            tol = parse_tolerance(ind.tolerance)
        except KpixlError as e:
            add(Reason.UNREADABLE_TOLERANCE, str(e))
    unit = unit_of(ind, values)
    point = None
    if target is not None and target.kind in (TargetKind.VALUE, TargetKind.PER_PERIOD):
        point = target.point()
    if rating is not None and rating.target is not None:
        point = rating.target  # the target for the reporting period (profiles, multi-year)
    problem = scale_problem(values, point, unit)
    if problem:
        add(Reason.MIXED_SCALES, problem)
    if rated and tol is not None and point is not None and polarity is not None:
        _check_band(tol, point, polarity, unit, add)
    if k is not None:
        gaps = [
            tracker.periods[i].label
            for i in range(min(k + 1, len(values)))
            if values[i].value is None
            and values[i].missing not in (None, "blank")
            and str(ind.values[i]) not in bad  # an unreadable value is reported on its own
        ]
        # a quarterly row in a monthly tracker only owes a figure at quarter ends
        owed = [
            i
            for i in range(min(k + 1, len(values)))
            if not is_quarterly(ind)
            or tracker.periods[i].kind == "quarter"
            or tracker.periods[i].number % 3 == 0
        ]
        blanks = [tracker.periods[i].label for i in owed if values[i].missing == "blank"]
        missing = gaps + blanks
        if missing:
            add(
                Reason.MISSING_PERIODS,
                "Missing periods: "
                + ", ".join(missing)
                + "; enter the figures, or TBC with a comment saying when they are due",
            )
    try:
        method = infer_method(ind, values)
    except KpixlError:
        method = ""
    if method == "mean" and any(v.numerator is not None for v in values):
        add(
            Reason.AVERAGED_PERCENTAGES,
            "YTD averages percentages although numerators and "
            "denominators are given; use the ratio method (total of x out of total of y)",
        )
    if (
        rated
        and method == "sum"
        and target is not None
        and target.kind is TargetKind.VALUE
        and len(tracker.periods) > 1
        and point is not None
    ):
        quarters = is_quarterly(ind) or tracker.periods[0].kind == "quarter"
        per, n = ("quarter", 4) if quarters else ("month", 12)
        add(
            Reason.ANNUAL_TARGET_PER_PERIOD,
            f"Target {point:,.6g} is rated against each {per} of a summed measure; if it is "
            "the year's total, write it with its part per period, e.g. "
            f'"{point:,.6g} ({point / n:,.4g} per {per})"',
        )
    return out


def _show(x: float, unit: str) -> str:
    return f"{x * 100:.4g}%" if unit == "%" else f"{x:,.6g}"


def _check_band(tol: object, point: float, polarity: Polarity, unit: str, add: object) -> None:
    from .tolerance import Tolerance

    assert isinstance(tol, Tolerance)
    if tol.kind is ToleranceKind.BAND and tol.low is not None and tol.high is not None:
        scale = percent_scale(point) if tol.percent else 1.0
        lo, hi = tol.low * scale, tol.high * scale
        near = min(abs(lo - point), abs(hi - point))
        on_better_side = lo >= point if polarity is Polarity.HIGHER else hi <= point
        if on_better_side and not (lo == hi == point):
            add(
                Reason.BAND_OFF_TARGET,  # type: ignore[operator]
                f'Band "{tol.text}" lies on the better side of the target '
                f"{_show(point, unit)}: it gives no amber; write the band below the target "
                "(e.g. 80% - 85% for 85%, higher is "
                "better)",
            )
        elif near > 1e-9 * max(1.0, abs(point)):
            add(
                Reason.BAND_OFF_TARGET,  # type: ignore[operator]
                f'Band "{tol.text}" does not end at the target {_show(point, unit)}; '
                "write the band from the amber limit to the target",
            )
    if tol.kind is ToleranceKind.RELATIVE and tol.low is not None and tol.high is not None:
        limit = (
            point - tol.amount * abs(point)
            if polarity is Polarity.HIGHER
            else (point + tol.amount * abs(point))
        )
        ends = (tol.low, tol.high)
        if min(abs(limit - e) for e in ends) > 0.005 * max(abs(point), 1e-9):
            add(
                Reason.BAND_DISAGREES,  # type: ignore[operator]
                f'Tolerance "{tol.text}": {tol.amount:.0%} of the target gives {limit:,.4g}, '
                "not the band written beside it; correct one of them",
            )


def check_tracker(tracker: Tracker) -> list[Finding]:
    """All findings, in tracker order, plus statuses the tracker states that kpixl does not
    agree with (a typed-in status that has gone stale)."""
    k = tracker.reporting_index()
    findings: list[Finding] = []
    ratings = rate_tracker(tracker)
    for ind, rating in zip(tracker.indicators, ratings, strict=True):
        findings += check_indicator(ind, tracker, k, rating)
        stated = parse_status(ind.stated_status) if isinstance(ind.stated_status, str) else None
        if stated is not None and rating.status is not None and stated is not rating.status:
            findings.append(
                Finding(
                    ind.row,
                    ind.ref,
                    Reason.STATUS_DIFFERS,
                    f"The tracker says {stated.value}; by the rules it is {rating.status.value} "
                    f"({tracker.periods[k].label if k is not None else ''})",
                    ind.sheet,
                )
            )
    return findings


def findings_table(findings: list[Finding]) -> list[list[object]]:
    """Findings as rows for a sheet: header then one row per finding."""
    head: list[object] = ["Sheet", "Row", "Ref", "Severity", "Problem", "What to do"]
    rows = [head]
    for f in findings:
        problem, _, todo = f.message.partition("; ")
        rows.append([f.sheet, f.row, f.ref, f.severity, problem, todo])
    return rows


def findings_text(findings: list[Finding], tracker: Tracker) -> str:
    """The checker's report for a terminal."""
    n = len(tracker.indicators)
    lines = [f"{tracker.source}: {len(findings) or 'no'} problems in {n} indicators"]
    for f in findings:
        where = f"{f.sheet} row {f.row}" if f.sheet else f"row {f.row}"
        lines.append(f"{where:>22}  {f.ref:<10} {f.severity:<7} {f.message}")
    if tracker.unmapped:  # reported by name, never guessed
        lines.append("Columns kpixl did not use: " + ", ".join(tracker.unmapped))
    return "\n".join(lines)
