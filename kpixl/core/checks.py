"""Check a tracker for data problems, row by row: errors are data (a table of findings).

Besides problems (Error, Warning), the checker lists the rows kpixl rated on a default or an
inference, and why (Note): a polarity taken from the scheme, a quarterly frequency read
from where the figures are, a cumulative measure rated against its target to date.

>>> from kpixl.core.periods import parse_period
>>> from kpixl.core.model import Indicator, Tracker
>>> t = Tracker(periods=(parse_period("Q1 2024/25"), parse_period("Q2 2024/25")),
...             indicators=[Indicator(row=4, ref="01", polarity="H", target="92%",
...                                   values=(83, "90.2%"), unit="%")])
>>> [f.code.value for f in check_tracker(t) if f.severity != "Note"]
['mixed-scales']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .errors import KpixlError
from .measures import mixed_scales
from .model import Measure, Rating, Tracker, rate_actions, rate_tracker
from .polarity import Polarity
from .rules import Status
from .scheme import Scheme
from .targets import TargetKind
from .tolerance import Tolerance, ToleranceKind
from .values import Value, on_fraction_scale, read_value


class Reason(StrEnum):
    """Why a row was reported; stable codes for filters and tests."""

    UNREADABLE_TARGET = "unreadable-target"
    UNREADABLE_TOLERANCE = "unreadable-tolerance"
    UNREADABLE_POLARITY = "unreadable-polarity"
    UNREADABLE_VALUE = "unreadable-value"
    UNREADABLE_STATUS = "unreadable-status"
    POLARITY_FROM_NAME = "polarity-from-name"
    MIXED_SCALES = "mixed-scales"
    BAND_OFF_TARGET = "band-off-target"
    BAND_DISAGREES = "band-disagrees"
    MISSING_PERIODS = "missing-periods"
    AVERAGED_PERCENTAGES = "averaged-percentages"
    ANNUAL_TARGET_PER_PERIOD = "annual-target-per-period"
    STATUS_DIFFERS = "status-differs"
    YTD_DIFFERS = "ytd-differs"
    ZERO_NOT_REPORTED = "zero-not-reported"
    RATED_BY = "rated-by"  # a Note: the default or inference a row was rated on
    ACTION_DATES = "action-dates"  # an action's status or RAG that its dates contradict
    ACTION_UNREADABLE = "action-unreadable"  # an action's cell that cannot be read
    ACTION_ROW = "action-row"  # a row of an action table that is not an action


SEVERITY = {
    Reason.UNREADABLE_TARGET: "Error",
    Reason.UNREADABLE_TOLERANCE: "Error",
    Reason.UNREADABLE_POLARITY: "Error",
    Reason.UNREADABLE_VALUE: "Error",
    Reason.UNREADABLE_STATUS: "Warning",
    Reason.POLARITY_FROM_NAME: "Error",
    Reason.MIXED_SCALES: "Error",
    Reason.BAND_OFF_TARGET: "Warning",
    Reason.BAND_DISAGREES: "Warning",
    Reason.MISSING_PERIODS: "Warning",
    Reason.AVERAGED_PERCENTAGES: "Warning",
    Reason.ANNUAL_TARGET_PER_PERIOD: "Warning",
    Reason.STATUS_DIFFERS: "Warning",
    Reason.YTD_DIFFERS: "Warning",
    Reason.ZERO_NOT_REPORTED: "Warning",
    Reason.RATED_BY: "Note",
    Reason.ACTION_DATES: "Warning",
    Reason.ACTION_UNREADABLE: "Error",
    Reason.ACTION_ROW: "Warning",
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


def check_measure(m: Measure, tracker: Tracker, rating: Rating) -> list[Finding]:
    """Every problem kpixl can see in one row, and the notes on how it was rated."""
    ind = m.indicator
    out: list[Finding] = []

    def add(code: Reason, message: str) -> None:
        out.append(Finding(ind.row, ind.ref, code, message, ind.sheet))

    for raw in (*ind.values, *(r for _, r in ind.extra)):
        if isinstance(raw, str) and _unreadable(raw):
            add(
                Reason.UNREADABLE_VALUE,
                f'Check value: cannot read "{raw[:60]}"; write a number such as 90.2%, '
                '15 Days or "92 out of 99", or TBC when there is none',
            )
    if m.target.problem:
        add(Reason.UNREADABLE_TARGET, m.target.problem)
    if m.polarity.problem:
        code = (
            Reason.POLARITY_FROM_NAME
            if m.polarity.source == "name"
            else (Reason.UNREADABLE_POLARITY)
        )
        add(code, m.polarity.problem)
    target = m.target.value
    tracking = target is not None and target.kind is TargetKind.TRACKING
    rated = m.polarity.value not in (None, Polarity.NONE) and not tracking
    if rated and m.tolerance.problem:
        add(Reason.UNREADABLE_TOLERANCE, m.tolerance.problem)
    point = rating.target
    if (
        point is None
        and target is not None
        and target.kind
        in (
            TargetKind.VALUE,
            TargetKind.PER_PERIOD,
        )
    ):
        point = target.point()
    problem = mixed_scales([o.value for o in m.observations], point, m.unit)
    if problem:
        add(Reason.MIXED_SCALES, problem)
    if rated and m.tolerance.value is not None and point is not None and m.polarity.value:
        _check_band(m.tolerance.value, point, m.polarity.value, m.unit, add)
    _missing(m, tracker, rating, add)
    if m.method == "mean" and any(o.value.numerator is not None for o in m.observations):
        add(
            Reason.AVERAGED_PERCENTAGES,
            "YTD averages percentages although numerators and denominators are given; use "
            "the ratio method (total of x out of total of y)",
        )
    if (
        rated
        and m.method == "sum"
        and not m.cumulative
        and target is not None
        and target.kind is TargetKind.VALUE
        and len(tracker.periods) > 1
        and point is not None
        and m.frequency in ("month", "quarter")
        and not ind.latest_own  # a long table's target is its own row's, for that period
    ):
        per, n = ("quarter", 4) if m.frequency == "quarter" else ("month", 12)
        add(
            Reason.ANNUAL_TARGET_PER_PERIOD,
            f"Target {point:,.6g} is rated against each {per} of a summed measure; if it is "
            "the year's total, write it with its part per period, e.g. "
            f'"{point:,.6g} ({point / n:,.4g} per {per})"',
        )
    _zero(m, rating, add)
    _stated(m, rating, add)
    _stated_ytd(m, rating, add)
    notes = [n for n in rating.basis if not n.startswith("year to date: the ")]
    default_tol = m.tolerance.value is not None and m.tolerance.value.kind is ToleranceKind.DEFAULT
    if rated and default_tol and rating.own_status is not None and rating.own_status.rated:
        notes.append(f"tolerance: none given, so the default ({_tol(m.scheme)})")
    if notes:
        add(Reason.RATED_BY, "Rated by: " + "; ".join(dict.fromkeys(notes)))
    return out


def _unreadable(raw: str) -> bool:
    try:
        read_value(raw)
    except KpixlError:
        return True
    return False


def _tol(s: Scheme) -> str:
    return s.default_tolerance.describe().replace(" of target", " of the target")


def _missing(m: Measure, tracker: Tracker, rating: Rating, add: Callable[..., None]) -> None:
    k = tracker.reporting
    if k is None:
        return
    gaps: list[str] = []
    own = None if m.indicator.columns is None else set(m.indicator.columns)
    for i, v in enumerate(m.grid[: k + 1]):
        p = tracker.periods[i]
        if own is not None and i not in own:
            continue  # a period the row's own table has no column (or row) for
        if v.value is not None or (v.missing or "").startswith("\x00"):
            continue  # a figure, or an unreadable cell reported on its own
        if m.frequency == "quarter" and p.kind == "month" and p.last % 3:
            continue  # a quarterly row only owes a figure at quarter ends
        if m.frequency in ("year", "term") and v.missing == "blank":
            continue
        if (
            m.frequency == "quarter"
            and v.missing == "blank"
            and any(
                o.index < 0 and o.period.ordinal() == p.ordinal() and o.value.value is not None
                for o in m.observations
            )
        ):
            continue  # its quarter column holds the figure
        if v.missing and v.missing.startswith("see "):
            continue
        gaps.append(p.label)
    if gaps:
        add(
            Reason.MISSING_PERIODS,
            "Missing periods: "
            + ", ".join(gaps)
            + "; enter the figures, or TBC with a comment saying when they are due",
        )


def _zero(m: Measure, rating: Rating, add: Callable[..., None]) -> None:
    """Hart writes 0 where a figure is not yet reported: a 0 between figures far from it."""
    v = rating.value
    if v.value != 0 or v.numerator is not None:
        return
    others = [o.value.value for o in m.observations if o.value.value not in (None, 0)]
    t = rating.target
    far = [x for x in others if abs(x) > 0]
    if (
        far
        and (t is None or t != 0)
        and all(abs(x) >= (0.5 if on_fraction_scale(x) else 5) for x in far)
    ):
        label = rating.at.label if rating.at is not None else "the reporting period"
        add(
            Reason.ZERO_NOT_REPORTED,
            f'0 in {label} may stand for "not reported": if so, write TBC or leave the '
            "cell blank, so it is No data rather than rated",
        )


def _stated(m: Measure, rating: Rating, add: Callable[..., None]) -> None:
    raw = m.indicator.stated_status
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return
    if rating.stated is None:
        add(
            Reason.UNREADABLE_STATUS,
            f'Check status: cannot read "{str(raw)[:40]}" as a status; write Green, Amber, '
            "Red, No data, Under review or Tracking",
        )
        return
    own = rating.own_status
    if own is not None and own is not rating.stated:
        period = rating.at.label if rating.at is not None else ""
        add(
            Reason.STATUS_DIFFERS,
            f"The tracker says {rating.stated.value}; by the rules it is {own.value} "
            f"({period}); check the figures or the scheme (kpixl check --scheme)",
        )


def _stated_ytd(m: Measure, rating: Rating, add: Callable[..., None]) -> None:
    """The tracker's own Year to Date against kpixl's (004 prints its own)."""
    raw = m.indicator.stated_ytd
    if raw is None or rating.ytd is None:
        return
    try:
        stated = read_value(raw)
    except KpixlError:  # an unreadable stated YTD is only not compared
        return
    if stated.value is None:
        return
    mine = rating.ytd
    if stated.numerator is not None and rating.ytd_counts is not None:
        same = (stated.numerator, stated.denominator) == rating.ytd_counts
    else:
        scale = max(abs(mine), abs(stated.value), 1e-12)
        same = abs(mine - stated.value) <= 0.0051 * scale or abs(mine - stated.value) < 0.00051
    if not same:
        add(
            Reason.YTD_DIFFERS,
            f"The tracker's year to date is {_shown(stated, m.unit)}; kpixl's is "
            f"{_shown_number(mine, rating.ytd_counts, m.unit)} ({m.method} of the year's "
            "figures); check which is right",
        )


def _shown(v: Value, unit: str) -> str:
    counts = f" ({v.numerator:,.0f} out of {v.denominator:,.0f})" if v.numerator is not None else ""
    return _shown_number(v.value, None, unit) + counts  # type: ignore[arg-type]


def _shown_number(x: float, counts: tuple[float, float] | None, unit: str) -> str:
    text = f"{x * 100:.2f}%" if unit == "%" else f"{x:,.6g}"
    if counts is not None:
        text += f" ({counts[0]:,.0f} out of {counts[1]:,.0f})"
    return text


def _show(x: float, unit: str) -> str:
    return f"{x * 100:.4g}%" if unit == "%" else f"{x:,.6g}"


def _check_band(
    tol: Tolerance, point: float, polarity: Polarity, unit: str, add: Callable[..., None]
) -> None:
    if tol.kind is ToleranceKind.BAND and tol.low is not None and tol.high is not None:
        lo, hi = tol.band(point)
        near = min(abs(lo - point), abs(hi - point))
        on_better_side = lo >= point if polarity is Polarity.HIGHER else hi <= point
        if polarity is Polarity.IN_RANGE:
            return
        if on_better_side and not (lo == hi == point):
            add(
                Reason.BAND_OFF_TARGET,
                f'Band "{tol.text}" lies on the better side of the target '
                f"{_show(point, unit)}: it gives no amber; write the band below the target "
                "(e.g. 80% - 85% for 85%, higher is better)",
            )
        elif near > 1e-9 * max(1.0, abs(point)):
            add(
                Reason.BAND_OFF_TARGET,
                f'Band "{tol.text}" does not end at the target {_show(point, unit)}; '
                "write the band from the amber limit to the target",
            )
    if tol.kind is ToleranceKind.RELATIVE and tol.low is not None and tol.high is not None:
        limit = (
            point - tol.amount * abs(point)
            if polarity is Polarity.HIGHER
            else (point + tol.amount * abs(point))
        )
        if min(abs(limit - e) for e in (tol.low, tol.high)) > 0.005 * max(abs(point), 1e-9):
            add(
                Reason.BAND_DISAGREES,
                f'Tolerance "{tol.text}": {tol.amount:.0%} of the target gives {limit:,.4g}, '
                "not the band written beside it; correct one of them",
            )


def check_tracker(tracker: Tracker, ratings: list[Rating] | None = None) -> list[Finding]:
    """All findings, in tracker order (``ratings``: the tracker already rated)."""
    ratings = ratings if ratings is not None else rate_tracker(tracker)
    findings: list[Finding] = []
    for m, rating in zip(tracker.measures, ratings, strict=True):
        findings += check_measure(m, tracker, rating)
    return findings + check_actions(tracker)


def check_actions(tracker: Tracker) -> list[Finding]:
    """The delivery plan's problems: a status or RAG its dates contradict ("Status In
    Progress, but its end (Q2) has passed at Q3"), a cell that cannot be read, a row of an
    action table that is not an action. An action is named by its first words."""
    out: list[Finding] = []
    for judged in rate_actions(tracker):
        a = judged.action
        name = _first_words(a.text)
        for text in judged.findings:
            code = Reason.ACTION_UNREADABLE if text.startswith("Check ") else Reason.ACTION_DATES
            out.append(Finding(a.row or 0, "", code, f"{name}: {text}", a.sheet))
    for sheet, row, message in tracker.action_problems:
        out.append(Finding(row, "", Reason.ACTION_ROW, message, sheet))
    return out


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def findings_table(findings: list[Finding]) -> list[list[object]]:
    """Findings as rows for a sheet: header then one row per finding."""
    head: list[object] = ["Sheet", "Row", "Ref", "Severity", "Problem", "What to do"]
    rows = [head]
    for f in findings:
        problem, _, todo = f.message.partition("; ")
        rows.append([f.sheet, f.row, f.ref, f.severity, problem, todo])
    return rows


def findings_text(findings: list[Finding], tracker: Tracker, notes: bool = True) -> str:
    """The checker's report for a terminal: problems, then the notes on how rows were rated."""
    n = len(tracker.indicators)
    problems = [f for f in findings if f.severity != "Note"]
    what = f"{n} indicators" + (f" and {len(tracker.actions)} actions" if tracker.actions else "")
    lines = [f"{tracker.source}: {len(problems) or 'no'} problems in {what}"]
    for f in problems:
        where = f"{f.sheet} row {f.row}" if f.sheet else f"row {f.row}"
        lines.append(f"{where:>22}  {f.ref:<10} {f.severity:<7} {f.message}")
    rated_by = [f for f in findings if f.severity == "Note"]
    if notes and rated_by:
        lines.append(f"Rated on a default or an inference ({len(rated_by)} rows):")
        for f in rated_by:
            where = f"{f.sheet} row {f.row}" if f.sheet else f"row {f.row}"
            lines.append(f"{where:>22}  {f.ref:<10} {f.message.removeprefix('Rated by: ')}")
    if tracker.unmapped:  # reported by name, never guessed
        lines.append("Columns kpixl did not use: " + ", ".join(tracker.unmapped))
    lines.extend(tracker.notices)
    return "\n".join(lines)


def scheme_text(tracker: Tracker) -> str:
    """The tracker's scheme in words (``kpixl check --scheme``), and each group's own."""
    lines = ["How this tracker is rated:", *("  " + x for x in tracker.settings.scheme.describe())]
    for name, scheme in tracker.settings.groups.items():
        lines.append(f"Rows of {name}:")
        lines.extend("  " + x for x in scheme.describe())
    return "\n".join(lines)


__all__ = [
    "SEVERITY",
    "Finding",
    "Reason",
    "Status",
    "check_measure",
    "check_tracker",
    "findings_table",
    "findings_text",
    "scheme_text",
]
