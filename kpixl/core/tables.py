"""The committee pack as a model: sheets, sections, rows and cells, built before anything
is written. Writers (XlsxWriter, a test snapshot) only render it.

>>> from kpixl.core.periods import parse_period
>>> from kpixl.core.model import Indicator, Tracker, rate_tracker
>>> t = Tracker(periods=(parse_period("Apr-24"),), indicators=[Indicator(
...     row=5, ref="X1", name="Calls answered", committee="Finance", target="90%", polarity="H",
...     values=("92%",))])
>>> pack = build_pack(t, rate_tracker(t), produced="1 May 2025")
>>> [c.value for c in pack.tables[0].rows[-1].cells if c.status]
['Green']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .actions import ActionStatus, ActionSummary, summarise
from .benchmark import Comparison, describe, rank_polarity
from .cells import Cell, Column, ColumnKind, Row, RowKind
from .errors import KpixlError
from .listings import (
    Listing,
    delivery_plan,
    exceptions_listings,
    summary_listings,
)
from .model import Rating, Tracker, action_date, action_rules, rate_actions
from .periods import previous_fy, year_label
from .polarity import Polarity
from .rules import Direction, Status
from .scheme import DirectionStyle, Scheme
from .summary import Summary, summary
from .targets import TargetKind
from .tolerance import ToleranceKind
from .values import Value, read_value

STATUS_MEANING = {
    Status.GREEN: "On target or better",
    Status.AMBER: "Missed the target, within tolerance",
    Status.RED: "Missed the target by more than the tolerance",
    Status.NO_DATA: "Data missing",
    Status.UNDER_REVIEW: "Target under review",
    Status.TRACKING: "Tracking indicator only",
    Status.EXCEEDED: "Better than target by more than the set margin",
    Status.NOT_YET_DUE: "Annual measure, not yet due",
}
RECENT_PERIODS = 3


@dataclass(frozen=True)
class Table:
    """One sheet of the pack: a committee (or directorate) and its indicators."""

    sheet: str
    committee: str
    heading: str  # e.g. "Housing & Communities OSC"
    meeting: str  # the committee's meeting date, if the settings give one
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    summary: Summary


@dataclass(frozen=True)
class Pack:
    council: str
    title: str
    period: str  # the reporting period's label
    produced: str  # date written on the pack
    tables: tuple[Table, ...]
    summary: Summary  # all indicators, with groups by committee
    trend_labels: tuple[str, ...]
    palette: str = "standard"
    status_codes: bool = False
    key_statuses: tuple[tuple[Status, str], ...] = field(
        default_factory=lambda: tuple(STATUS_MEANING.items())
    )
    key_arrows: tuple[tuple[Direction, str], ...] = field(
        default_factory=lambda: tuple((d, d.meaning) for d in Direction)
    )
    acceptable_range: float = 0.05  # for the key: "within 5% of the last period"
    scheme_words: tuple[str, ...] = ()  # the scheme in words, for the key
    notices: tuple[str, ...] = ()
    summary_sheet: tuple[Listing, ...] = ()  # counts by committee, in words; action boxes
    exceptions_sheet: tuple[Listing, ...] = ()  # Red rows, data problems, overdue actions
    plan: tuple[Listing, ...] = ()  # the delivery plan: a table of actions per theme
    actions: ActionSummary | None = None


def _decimals(values: list[float], unit: str) -> int:
    """Enough decimals to show the figures as officers typed them, at most 2."""
    shown = [v * 100 if unit == "%" else v for v in values]
    for d in range(0, 3):
        if all(abs(x - round(x, d)) < 1e-9 * max(1.0, abs(x)) for x in shown):
            return (
                max(d, 1)
                if unit in ("%", "days") and d == 0 and any(x != int(x) for x in shown)
                else d
            )
    return 2 if unit != "%" else 1


def _value_cell(v: Value, unit: str, decimals: int) -> Cell:
    note = ""
    if v.numerator is not None and v.denominator is not None:
        note = f"{_count(v.numerator)} out of {_count(v.denominator)}"
    if v.value is None:
        text = "" if v.missing in (None, "blank") else str(v.missing)
        return Cell(text, note=note)
    return Cell(v.value, unit, decimals, note)


def _count(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _raw_cell(x: object, unit: str, decimals: int) -> Cell:
    """A cell as the tracker wrote it: numbers formatted by unit, text kept as typed."""
    if x is None or (isinstance(x, str) and not x.strip()):
        return Cell("")
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return Cell(float(x), unit, decimals)
    if isinstance(x, Value):  # a figure the reader took with its cell's format (97.4%)
        return _value_cell(x, unit, decimals)
    try:
        v = read_value(x)
    except KpixlError:
        return Cell(" ".join(str(x).split()))
    if v.value is not None and isinstance(x, str) and _plain_number(x):
        return _value_cell(v, unit, decimals)
    return Cell(" ".join(str(x).split()), note="")


def _plain_number(text: str) -> bool:
    t = text.strip().replace(",", "").replace("%", "").replace("£", "")
    try:
        float(t)
    except ValueError:
        return False
    return True


def _benchmark_cell(r: Rating, decimals: int) -> Cell:
    """The tracker's own Benchmark cell, or where benchmark data places the indicator:
    "8th of 32 (1st quartile); Scotland 39.0%", for the period rated."""
    b = r.indicator.benchmark
    if not isinstance(b, Comparison):
        return _raw_cell(b, r.unit, decimals)
    peers = b.at(r.at)
    scale = 1.0
    if peers is not None and peers.value and r.measure is not None:
        # the figure as the measure reads it (Hart's 95.5 with a % unit is 95.5%): the
        # others' figures are on the same scale
        mine = next(
            (o.value.value for o in r.measure.observations if o.period == peers.period), None
        )
        if mine is not None and mine != peers.value:
            scale = mine / peers.value
    given = r.measure is None or r.measure.polarity.source != "tracking target"
    pol, assumed = rank_polarity(
        r.polarity,
        given,
        r.indicator.name,
        r.measure.scheme.default_polarity if r.measure else Polarity.HIGHER,
    )
    return Cell(describe(b, r.at, pol, lambda x: _shown(x * scale, r.unit, decimals), assumed))


def _polarity_words(r: Rating) -> str:
    if r.polarity is not None:
        return r.polarity.words
    return str(r.indicator.polarity or "")


def _tolerance_words(r: Rating, default_text: str) -> str:
    m = r.measure
    raw = r.indicator.tolerance
    tol = m.tolerance.value if m is not None else None
    if tol is None:
        return " ".join(str(raw).split()) if raw is not None else ""
    if tol.kind is ToleranceKind.DEFAULT:
        return f"{default_text} (default)" if raw in (None, "") else f"{raw} ({default_text})"
    if isinstance(raw, (int, float, Value)) and not isinstance(raw, bool):
        return tol.describe().replace(" of target", "")
    return " ".join(str(raw).split())


def _target_cell(r: Rating, decimals: int) -> Cell:
    raw = r.indicator.target
    m = r.measure
    t = m.target.value if m is not None else None
    if t is None:
        return Cell(" ".join(str(raw or "").split()))
    note = ""
    if r.target is not None and (
        t.per_period is not None
        or t.profile
        or t.years
        or t.kind is TargetKind.SPLIT
        or (m is not None and m.cumulative)
    ):
        what = "to date" if m is not None and m.cumulative else "this period"
        note = f"{what}: {_shown(r.target, r.unit, decimals)}"
    if isinstance(raw, Value) or (isinstance(raw, (int, float)) and not isinstance(raw, bool)):
        value = t.value if t.value is not None else float(raw)  # type: ignore[arg-type]
        return Cell(value, r.unit, decimals, note)
    if isinstance(raw, str) and raw.strip():
        return Cell(" ".join(raw.split()), note=note)
    return Cell(t.describe(), note=note)


def _shown(x: float, unit: str, decimals: int) -> str:
    if unit == "%":
        return f"{x * 100:.{decimals}f}%"
    if unit == "£":
        return f"£{x:,.{decimals}f}"
    text = f"{x:,.{decimals}f}"
    return f"{text} {unit}" if unit in ("days", "kg") else text


def _columns(tracker: Tracker, k: int | None) -> tuple[tuple[Column, ...], list[int]]:
    recent = [] if k is None else list(range(max(0, k - RECENT_PERIODS + 1), k + 1))
    start = tracker.settings.fy_start_month
    year = tracker.periods[k].year if k is not None else None
    fy = year_label(year, start) if year else None
    last_fy = year_label(previous_fy(year), start) if year else None
    cols = [
        Column("ref", "Ref", 9),
        Column("name", "Indicator", 34, ColumnKind.WRAP),
        Column("benchmark", "Benchmark", 15, ColumnKind.WRAP),
        Column(
            "last_ytd", f"Year to date {last_fy}" if last_fy else "Last year", 12, ColumnKind.VALUE
        ),
        *(Column(f"p{i}", tracker.periods[i].label, 11, ColumnKind.VALUE) for i in recent),
        Column("ytd", f"Year to date {fy}" if fy else "Year to date", 12, ColumnKind.VALUE),
        Column("direction", "Direction of travel", 10, ColumnKind.ARROW),
        *(
            [Column("long_trend", f"Long trend ({n} periods)", 10, ColumnKind.ARROW)]
            if (n := tracker.settings.scheme.long_trend)
            else []
        ),
        Column("polarity", "Polarity", 11, ColumnKind.WRAP),
        Column("target", "Target", 14, ColumnKind.WRAP),
        Column("tolerance", "Tolerance", 13, ColumnKind.WRAP),
        Column("status", "Status", 12, ColumnKind.STATUS),
        Column("trend", "Trend", 12, ColumnKind.TREND),
        Column("comments", "Comments", 50, ColumnKind.WRAP),
    ]
    return tuple(cols), recent


def _row(
    r: Rating, columns: tuple[Column, ...], recent: list[int], default_tol: str, tracker: Tracker
) -> Row:
    ind = r.indicator
    numbers = [v.value for v in r.values if v.value is not None]
    if r.value.value is not None:
        numbers.append(r.value.value)
    if r.ytd is not None:
        numbers.append(r.ytd)
    dec = _decimals(numbers, r.unit)
    tracking = r.polarity is Polarity.NONE or r.status is Status.TRACKING
    by: dict[str, Cell] = {
        "ref": Cell(ind.ref),
        "name": Cell(" ".join(ind.name.split())),
        "benchmark": _benchmark_cell(r, dec),
        "last_ytd": _raw_cell(ind.last_year_ytd, r.unit, dec),
        "polarity": Cell(_polarity_words(r)),
        "target": _target_cell(r, dec),
        "tolerance": Cell(_tolerance_words(r, default_tol))
        if not tracking
        else Cell("N/A" if ind.tolerance in (None, "") else str(ind.tolerance)),
        "trend": Cell(""),
    }
    shown = _shown_values(r, recent, tracker)
    for i in recent:
        v, note = shown.get(i, (Value(None, missing="blank"), ""))
        cell = _value_cell(v, r.unit, dec)
        if note:
            cell = Cell(
                cell.value, cell.unit, cell.decimals, "; ".join(x for x in (note, cell.note) if x)
            )
        by[f"p{i}"] = cell
    ytd_note = ""
    if r.ytd_counts:
        ytd_note = f"{_count(r.ytd_counts[0])} out of {_count(r.ytd_counts[1])}"
    if r.ytd is not None:
        by["ytd"] = Cell(r.ytd, r.unit, dec, ytd_note)
    else:
        by["ytd"] = Cell("n/a" if r.method == "none" else "")
    by["direction"] = Cell(str(r.direction) if r.direction else "", arrow=r.direction)
    by["long_trend"] = Cell(str(r.long_trend) if r.long_trend else "", arrow=r.long_trend)
    comments = " ".join(str(ind.comments or "").split())
    by["status"] = Cell(r.label, status=r.status)
    if r.status is None and r.problem:
        comments = f"Data problem: {r.problem}" + (f"\n{comments}" if comments else "")
    by["comments"] = Cell(comments)
    trend = tuple(
        v.value
        for v in r.values[: (tracker.reporting + 1) if tracker.reporting is not None else None]
    )
    return Row(RowKind.INDICATOR, cells=tuple(by[c.key] for c in columns), trend=trend, rating=r)


def _shown_values(r: Rating, recent: list[int], tracker: Tracker) -> dict[int, tuple[Value, str]]:
    """What each recent column shows for a row: its own figure for the column's period,
    else a figure of a longer period ending there (a quarterly row's Q1 under June), with
    that period's label as a note."""
    out: dict[int, tuple[Value, str]] = {}
    m = r.measure
    for i in recent:
        v = r.values[i] if i < len(r.values) else Value(None, missing="blank")
        out[i] = (v, "")
        if m is None or (v.value is not None) or i >= len(tracker.periods):
            continue
        end = tracker.periods[i].ordinal()
        for o in m.observations:
            longer = o.period.months > tracker.periods[i].months
            if o.index < 0 and o.period.ordinal() == end and o.value.value is not None and longer:
                out[i] = (o.value, o.period.label)
                break
    return out


_SHEET_WORDS = (
    ("Overview & Scrutiny", "O&S"),
    ("Overview and Scrutiny", "O&S"),
    ("Committee", "Cttee"),
    ("Environment", "Env"),
    ("Communities", "Comms"),
    ("Directorate", "Dir"),
    (" and ", " & "),
)


def _sheet_name(name: str, used: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ ; names must differ
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "Indicators"
    for long, short in _SHEET_WORDS:  # shorten the usual words before cutting any
        if len(clean) > 31:
            clean = clean.replace(long, short)
    base = clean if len(clean) <= 31 else clean[:31].rsplit(" ", 1)[0].rstrip(" &-,")
    candidate, n = base, 2
    while candidate.lower() in used or candidate.lower() in ("summary", "exceptions", "trend data"):
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def build_pack(tracker: Tracker, ratings: list[Rating], produced: str) -> Pack:
    """The committee pack model: a table per committee (else per directorate), sections per
    directorate and service, a summary and the exceptions (every Red indicator)."""
    s = tracker.settings
    k = tracker.reporting_index()
    columns, recent = _columns(tracker, k)
    by_committee = any(r.indicator.committee for r in ratings)
    groups: dict[str, list[Rating]] = {}
    for r in ratings:
        key = (r.indicator.committee if by_committee else r.indicator.directorate) or (
            r.indicator.sheet or "Indicators"
        )
        groups.setdefault(key, []).append(r)
    default_tol = s.scheme.default_tolerance.describe().replace(" of target", "")
    used: set[str] = set()
    tables = []
    for name, rs in groups.items():
        rows: list[Row] = []
        section = None
        for r in rs:
            ind = r.indicator
            here = tuple(x for x in ((ind.directorate if by_committee else ""), ind.service) if x)
            if here and here != section:
                rows.append(Row(RowKind.SECTION, label=" – ".join(here)))
                section = here
            rows.append(_row(r, columns, recent, default_tol, tracker))
        tables.append(
            Table(
                sheet=_sheet_name(name, used),
                committee=name,
                heading=name,
                meeting=s.committees.get(name, ""),
                columns=columns,
                rows=tuple(rows),
                summary=summary([lab for r in rs if (lab := r.counted)]),
            )
        )
    # every counted row's label with its committee, in the sheets' order, in one pass
    pairs = [
        (lab, t.committee)
        for t in tables
        for row in t.rows
        if row.kind == "indicator" and row.rating is not None and (lab := row.rating.counted)
    ]
    labels, keys = [p[0] for p in pairs], [p[1] for p in pairs]
    period = tracker.periods[k].label if k is not None else ""
    judged = rate_actions(tracker)
    actions = summarise(judged) if judged else None
    if judged and not period:  # a delivery plan alone: judged at its own reporting date
        period = action_date(tracker).label
    exceptions = tuple(r for r in ratings if r.status is Status.RED)
    problems = tuple(r for r in ratings if r.status is None and r.problem)
    totals = summary(labels, keys)
    return Pack(
        council=s.council,
        title=s.title,
        period=period,
        produced=produced,
        tables=tuple(tables),
        summary=totals,
        trend_labels=tuple(p.label for p in tracker.periods[: (k + 1) if k is not None else 0]),
        palette=s.palette,
        status_codes=s.status_codes,
        acceptable_range=s.acceptable_range,
        key_statuses=_key_statuses(ratings),
        key_arrows=_key_arrows(s.scheme),
        scheme_words=tuple(s.scheme.describe()),
        notices=tracker.notices,
        summary_sheet=summary_listings(
            totals if tables else None, period, tracker.unmapped, actions
        ),
        exceptions_sheet=exceptions_listings(
            period,
            exceptions,
            problems,
            [a for a in judged if a.status is ActionStatus.OVERDUE],
        ),
        plan=delivery_plan(judged, action_rules(s).describe()) if judged else (),
        actions=actions,
    )


def _key_statuses(ratings: list[Rating]) -> tuple[tuple[Status, str], ...]:
    """The statuses of 004's key, and the two optional ones where a row has them."""
    used = {r.status for r in ratings}
    return tuple(
        (st, meaning)
        for st, meaning in STATUS_MEANING.items()
        if st not in (Status.EXCEEDED, Status.NOT_YET_DUE) or st in used
    )


def _key_arrows(scheme: Scheme) -> tuple[tuple[Direction, str], ...]:
    if scheme.direction_style is DirectionStyle.IMPROVED_DECLINED:
        return (
            (Direction.UP_GREEN, "improved"),
            (Direction.SAME, "the same"),
            (Direction.DOWN_AMBER, "declined"),
        )
    arrows = [d for d in Direction if d is not Direction.NOT_AVAILABLE]
    if scheme.direction_style is DirectionStyle.BETTER_WORSE:
        arrows = [d for d in arrows if d.colour != "amber"]
    return tuple((d, d.meaning) for d in arrows)
