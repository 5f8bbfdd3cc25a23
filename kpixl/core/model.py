"""The tracker as data, and the rating of each indicator for the reporting period.

A reader (openpyxl, xlwings, a CSV) fills a :class:`Tracker`; :func:`rate_tracker` then
applies the rules of rules.md to every row. Nothing here touches a file.

>>> from kpixl.core.periods import parse_period
>>> t = Tracker(periods=(parse_period("Apr-24"), parse_period("May-24")), indicators=[
...     Indicator(row=5, ref="AFL13", name="Homelessness prevented", polarity="Higher is better",
...               target="252 (21 per month)", tolerance="18-21", values=(30, 24))])
>>> r = rate_tracker(t)[0]
>>> (str(r.status), str(r.direction), r.ytd)
('Green', '↓A', 54.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import KpixlError
from .periods import Period
from .polarity import Polarity, parse_polarity
from .rules import Direction, Status, direction, rag
from .settings import Settings, get_settings
from .targets import TargetKind, parse_target, target_to_date
from .values import Value, read_value
from .ytd import parse_method, ytd

UNITS = ("%", "days", "£", "count", "rate", "kg", "score")


@dataclass(frozen=True)
class Indicator:
    """One row of a tracker, as written (raw cell values; nothing parsed yet)."""

    row: int  # the sheet row, for messages ("row 12")
    ref: str = ""
    name: str = ""
    committee: str = ""
    directorate: str = ""
    service: str = ""
    polarity: object = None
    target: object = None
    tolerance: object = None
    method: object = None  # YTD method; None: inferred (see infer_method)
    unit: object = None
    frequency: object = None
    benchmark: object = None
    last_year_ytd: object = None
    values: tuple[object, ...] = ()  # one per Tracker.periods
    last_year: tuple[object, ...] = ()  # same periods a year before, where the tracker has them
    comments: str = ""
    owner: str = ""
    sheet: str = ""
    stated_status: object = None  # what the tracker's own Status/RAG column says
    stated_direction: object = None
    stated_ytd: object = None


@dataclass(frozen=True)
class Tracker:
    """A council's tracker read into memory: its periods, its indicators and settings."""

    periods: tuple[Period, ...]
    indicators: list[Indicator]
    settings: Settings = field(default_factory=get_settings)
    source: str = ""  # file name, for titles and messages
    unmapped: tuple[str, ...] = ()  # headers kpixl did not map (reported, never guessed)

    def reporting_index(self) -> int | None:
        """Position in ``periods`` of the reporting period: the setting, or the latest
        period with data in any row."""
        wanted = self.settings.reporting_period
        if wanted:
            for i, p in enumerate(self.periods):
                if p.label.strip().lower() == str(wanted).strip().lower():
                    return i
            raise KpixlError(
                f'Check reporting period: no column headed "{wanted}"; the periods are '
                + ", ".join(p.label for p in self.periods)
            )
        latest = None
        for ind in self.indicators:
            for i, v in enumerate(ind.values):
                if _present(v) and (latest is None or i > latest):
                    latest = i
        return latest


def _present(v: object) -> bool:
    try:
        return read_value(v).value is not None
    except KpixlError:
        return True  # unreadable text is data that the row's problem will show


@dataclass(frozen=True)
class Rating:
    """An indicator rated for the reporting period; ``problem`` says why it could not be."""

    indicator: Indicator
    period: int | None  # index in Tracker.periods of the figure rated (quarterly: quarter end)
    value: Value
    previous: Value
    previous_label: str
    target: float | None  # the target for the reporting period
    status: Status | None
    direction: Direction | None
    ytd: float | None
    ytd_counts: tuple[float, float] | None  # numerator, denominator of a ratio YTD
    method: str
    unit: str
    polarity: Polarity | None
    problem: str = ""
    values: tuple[Value, ...] = ()  # every period read, for trends


def infer_method(ind: Indicator, values: list[Value]) -> str:
    """The YTD method when the tracker names none: ratio for "x out of y" rows, last for
    snapshots of percentages, sum for counts (rules.md section 6)."""
    if ind.method not in (None, ""):
        return str(parse_method(ind.method))
    if any(v.numerator is not None for v in values):
        return "ratio"
    if unit_of(ind, values) in ("%", "rate", "days", "score"):
        return "mean"
    return "sum"


def unit_of(ind: Indicator, values: list[Value]) -> str:
    """The unit to show numbers in: the tracker's Unit column, else read from the values."""
    if isinstance(ind.unit, str) and ind.unit.strip():
        u = ind.unit.strip().lower()
        aliases = {
            "percent": "%",
            "percentage": "%",
            "day": "days",
            "gbp": "£",
            "number": "count",
            "kgs": "kg",
            "no.": "count",
            "num": "count",
        }
        u = aliases.get(u, u)
        if u in UNITS:
            return u
    texts = [str(x).lower() for x in (*ind.values, ind.target) if isinstance(x, str)]
    if any(v.percent for v in values) or any(t.strip().endswith("%") for t in texts):
        return "%"
    if any("day" in t for t in texts):
        return "days"
    if any("£" in t for t in texts):
        return "£"
    if any(t.endswith("kg") for t in texts):
        return "kg"
    return "count"


def scale_problem(values: list[Value], target: float | None, unit: str) -> str:
    """Why a percentage row cannot be trusted, or "": 000 row 01 writes Q1 as 83 beside
    90.2% against 92% and would otherwise be rated Green (rules.md section 8)."""
    if unit != "%":
        return ""
    numbers = [v.value for v in values if v.value is not None]
    big = [x for x in numbers if abs(x) > 1.5]
    small = [x for x in numbers if abs(x) <= 1.5]
    if big and small:
        return (
            f"Check values: mixed scales ({_num(big[0])} beside {small[0]:.1%}); write every "
            f"value as a percentage, e.g. {_num(big[0])}%"
        )
    if target is not None and numbers:
        if abs(target) > 1.5 and not big:
            return (
                f"Check target: {_num(target)} is on a 0-100 scale but the values are "
                f"percentages (e.g. {small[0]:.1%}); write the target as {_num(target)}%"
            )
        if abs(target) <= 1.5 and target != 0 and not small:
            return (
                f"Check values: {_num(big[0])} is on a 0-100 scale but the target is "
                f"{target:.1%}; write the values as percentages, e.g. {_num(big[0])}%"
            )
    return ""


def _num(x: float) -> str:
    return f"{x:,.6g}"


def rate_indicator(ind: Indicator, tracker: Tracker, k: int | None) -> Rating:
    """Rate one indicator at period index ``k`` (status, arrow, YTD), never raising."""
    s = tracker.settings
    values: list[Value] = []
    problem = ""
    for raw in ind.values:
        try:
            values.append(read_value(raw, "value"))
        except KpixlError as e:
            problem = problem or f"{e}"
            values.append(Value(None, missing=str(raw)))
    unit = unit_of(ind, values)
    missing = Value(None, missing="blank")
    k = latest_quarter_end(ind, tracker.periods, values, k)
    current = values[k] if k is not None and k < len(values) else missing
    prev, prev_label = _comparison(ind, tracker, values, k)
    status = direction_ = None
    target_now = ytd_value = None
    counts = None
    pol = None
    method = "sum"
    t = None
    # Each figure is worked out on its own, so that one unreadable cell (a tolerance, say)
    # blanks only what depends on it, exactly as the tracker's own KPI_* cells would.
    try:
        t = parse_target(ind.target)
        pol = parse_polarity(
            ind.polarity, default=Polarity.NONE if t.kind is TargetKind.TRACKING else None
        )
        if k is not None:
            number, periods, year = period_position(ind, tracker.periods[k])
            target_now = target_to_date(t, number, periods, "period", year=year or s.financial_year)
    except KpixlError as e:
        problem = problem or str(e)
    if pol is not None:
        try:
            direction_ = direction(current, prev, pol, target_now, s.acceptable_range)
        except KpixlError as e:
            problem = problem or str(e)
        if t is not None and not problem:
            point = (
                target_now
                if target_now is not None
                else (t if t.kind in (TargetKind.TRACKING, TargetKind.REVIEW) else None)
            )
            try:
                status = rag(current, point, pol, ind.tolerance)
            except KpixlError as e:
                problem = str(e)
    try:
        method = infer_method(ind, values)
        upto = values[: (k + 1) if k is not None else len(values)]
        ytd_value = ytd(upto, method)
        if method == "ratio":
            pairs = [
                (v.numerator, v.denominator)
                for v in upto
                if v.numerator is not None and v.denominator is not None
            ]
            if pairs:
                counts = (sum(n for n, _ in pairs), sum(d for _, d in pairs))
    except KpixlError as e:
        problem = problem or str(e)
    if not problem and status is not None and status.rated:
        problem = scale_problem(values, target_now, unit)
    if problem and status is not None and status.rated:
        status = None  # an unreadable value somewhere in the row: show the problem instead
    return Rating(
        indicator=ind,
        period=k,
        value=current,
        previous=prev,
        previous_label=prev_label,
        target=target_now,
        status=status,
        direction=direction_,
        ytd=ytd_value,
        ytd_counts=counts,
        method=method,
        unit=unit,
        polarity=pol,
        problem=problem,
        values=tuple(values),
    )


def is_quarterly(ind: Indicator) -> bool:
    """A quarterly indicator (its Frequency says so) reports once a quarter."""
    return isinstance(ind.frequency, str) and ind.frequency.strip().lower().startswith("quarter")


def period_position(ind: Indicator, period: Period) -> tuple[int, int, str | None]:
    """(number, periods in the year, financial year) of a period for this indicator:
    a quarterly indicator in a monthly tracker counts in quarters (March is Q4 of 4), so
    "15 per quarter" is its target for the quarter, not a third of it."""
    if is_quarterly(ind) and period.kind == "month":
        return period.quarter, 4, period.year
    return period.number, period.periods, period.year


def latest_quarter_end(
    ind: Indicator, periods: tuple[Period, ...], values: list[Value], k: int | None
) -> int | None:
    """The period a quarterly indicator reports for at monthly period ``k``: ``k`` itself
    when it holds a figure or a marker (TBC), else the latest quarter end before it, so a
    July pack shows the June quarter rather than No data."""
    if k is None or not is_quarterly(ind) or periods[k].kind != "month":
        return k
    if k < len(values) and values[k].missing != "blank":
        return k
    for i in range(k, -1, -1):
        if periods[i].number % 3 == 0:
            return i
    return k


def _comparison(
    ind: Indicator, tracker: Tracker, values: list[Value], k: int | None
) -> tuple[Value, str]:
    """The value to compare with: the same period last year where the settings say so,
    else the latest earlier period this indicator reports (quarterly rows in a monthly
    tracker skip their blank months; a TBC is a gap, not skipped)."""
    blank = Value(None, missing="blank")
    if k is None:
        return blank, ""
    if tracker.settings.compare_with == "last_year":
        if k < len(ind.last_year):
            return read_value(ind.last_year[k]), "same period last year"
        return blank, "same period last year"
    for j in range(k - 1, -1, -1):
        v = values[j]
        if v.value is not None or (v.missing not in (None, "blank")):
            return v, tracker.periods[j].label
    return blank, ""


def rate_tracker(tracker: Tracker) -> list[Rating]:
    """Every indicator rated for the reporting period, in tracker order."""
    k = tracker.reporting_index()
    return [rate_indicator(ind, tracker, k) for ind in tracker.indicators]
