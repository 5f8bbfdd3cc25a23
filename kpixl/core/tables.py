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

from .errors import KpixlError
from .model import Rating, Tracker
from .polarity import Polarity
from .rules import Direction, Status
from .summary import Summary, summary
from .targets import parse_target
from .tolerance import ToleranceKind, parse_tolerance
from .values import Value, read_value

STATUS_MEANING = {
    Status.GREEN: "On target or better",
    Status.AMBER: "Missed the target, within tolerance",
    Status.RED: "Missed the target by more than the tolerance",
    Status.NO_DATA: "Data missing",
    Status.UNDER_REVIEW: "Target under review",
    Status.TRACKING: "Tracking indicator only",
}
NOT_RATED = "Check data"  # a row that could not be rated: the comments say why
RECENT_PERIODS = 3


@dataclass(frozen=True)
class Column:
    """A pack column: ``kind`` tells the writer how to render its cells."""

    key: str
    header: str
    width: float
    kind: str = "text"  # text, wrap, value, arrow, status, trend


@dataclass(frozen=True)
class Cell:
    """A value with what a writer needs to show it: unit and decimals for numbers, the
    status or arrow for colour, and a note shown under it ("3 out of 4")."""

    value: float | str | None
    unit: str = ""
    decimals: int = 0
    note: str = ""
    status: Status | None = None
    arrow: Direction | None = None


@dataclass(frozen=True)
class Row:
    kind: str  # "section" or "indicator"
    label: str = ""
    cells: tuple[Cell, ...] = ()
    trend: tuple[float | None, ...] = ()
    rating: Rating | None = None

    @property
    def has_notes(self) -> bool:
        return any(c.note for c in self.cells)


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
    exceptions: tuple[Rating, ...]  # every Red indicator
    problems: tuple[Rating, ...]  # rows that could not be rated
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
    unmapped: tuple[str, ...] = ()


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


def _polarity_words(r: Rating) -> str:
    if r.polarity is Polarity.HIGHER:
        return "Higher is better"
    if r.polarity is Polarity.LOWER:
        return "Lower is better"
    if r.polarity is Polarity.NONE:
        return "No polarity"
    return str(r.indicator.polarity or "")


def _tolerance_words(raw: object, default_text: str) -> str:
    try:
        tol = parse_tolerance(raw)
    except KpixlError:
        return str(raw)
    if tol.kind is ToleranceKind.DEFAULT:
        return f"{default_text} (default)" if raw in (None, "") else f"{raw} ({default_text})"
    if isinstance(raw, float):
        return tol.describe().replace(" of target", "")
    return " ".join(str(raw).split())


def _target_cell(r: Rating, decimals: int) -> Cell:
    raw = r.indicator.target
    note = ""
    try:
        t = parse_target(raw)
        text = t.text if isinstance(raw, str) or not t.text else None
    except KpixlError:
        return Cell(" ".join(str(raw).split()))
    if r.target is not None and (t.per_period is not None or t.profile or t.years):
        note = f"this period: {_shown(r.target, r.unit, decimals)}"
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return Cell(float(raw), r.unit, decimals, note)
    if text is not None:
        return Cell(" ".join(text.split()), note=note)
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
    fy = tracker.periods[k].year if k is not None else None
    last_fy = _previous_fy(fy)
    cols = [
        Column("ref", "Ref", 9),
        Column("name", "Indicator", 34, "wrap"),
        Column("benchmark", "Benchmark", 15, "wrap"),
        Column("last_ytd", f"Year to date {last_fy}" if last_fy else "Last year", 12, "value"),
        *(Column(f"p{i}", tracker.periods[i].label, 11, "value") for i in recent),
        Column("ytd", f"Year to date {fy}" if fy else "Year to date", 12, "value"),
        Column("direction", "Direction of travel", 10, "arrow"),
        Column("polarity", "Polarity", 11, "wrap"),
        Column("target", "Target", 14, "wrap"),
        Column("tolerance", "Tolerance", 13, "wrap"),
        Column("status", "Status", 12, "status"),
        Column("trend", "Trend", 12, "trend"),
        Column("comments", "Comments", 50, "wrap"),
    ]
    return tuple(cols), recent


def _previous_fy(fy: str | None) -> str | None:
    if not fy:
        return None
    first = int(fy[:4]) - 1
    return f"{first}/{(first + 1) % 100:02d}"


def _row(r: Rating, columns: tuple[Column, ...], recent: list[int], default_tol: str) -> Row:
    ind = r.indicator
    numbers = [v.value for v in r.values if v.value is not None]
    if r.ytd is not None:
        numbers.append(r.ytd)
    dec = _decimals(numbers, r.unit)
    by: dict[str, Cell] = {
        "ref": Cell(ind.ref),
        "name": Cell(" ".join(ind.name.split())),
        "benchmark": _raw_cell(ind.benchmark, r.unit, dec),
        "last_ytd": _raw_cell(ind.last_year_ytd, r.unit, dec),
        "polarity": Cell(_polarity_words(r)),
        "target": _target_cell(r, dec),
        "tolerance": Cell(_tolerance_words(ind.tolerance, default_tol))
        if r.polarity is not Polarity.NONE and r.status is not Status.TRACKING
        else Cell("N/A" if ind.tolerance in (None, "") else str(ind.tolerance)),
        "trend": Cell(""),
    }
    for i in recent:
        v = r.values[i] if i < len(r.values) else Value(None, missing="blank")
        by[f"p{i}"] = _value_cell(v, r.unit, dec)
    ytd_note = ""
    if r.ytd_counts:
        ytd_note = f"{_count(r.ytd_counts[0])} out of {_count(r.ytd_counts[1])}"
    by["ytd"] = Cell(r.ytd, r.unit, dec, ytd_note) if r.ytd is not None else Cell("")
    by["direction"] = Cell(str(r.direction) if r.direction else "", arrow=r.direction)
    comments = " ".join(str(ind.comments or "").split())
    if r.status is None:
        by["status"] = Cell(NOT_RATED)
        problem = r.problem or "could not be rated"
        comments = f"Data problem: {problem}" + (f"\n{comments}" if comments else "")
    else:
        by["status"] = Cell(r.status.value, status=r.status)
    by["comments"] = Cell(comments)
    trend = tuple(v.value for v in r.values[: (r.period + 1) if r.period is not None else None])
    return Row("indicator", cells=tuple(by[c.key] for c in columns), trend=trend, rating=r)


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
    default_tol = s.default_tolerance.describe().replace(" of target", "")
    used: set[str] = set()
    tables = []
    for name, rs in groups.items():
        rows: list[Row] = []
        section = None
        for r in rs:
            ind = r.indicator
            here = tuple(x for x in ((ind.directorate if by_committee else ""), ind.service) if x)
            if here and here != section:
                rows.append(Row("section", label=" – ".join(here)))
                section = here
            rows.append(_row(r, columns, recent, default_tol))
        tables.append(
            Table(
                sheet=_sheet_name(name, used),
                committee=name,
                heading=name,
                meeting=s.committees.get(name, ""),
                columns=columns,
                rows=tuple(rows),
                summary=summary([_label(r) for r in rs]),
            )
        )
    labels = [_label(r) for r in ratings]
    keys = [t.committee for t in tables for r in t.rows if r.kind == "indicator"]
    return Pack(
        council=s.council,
        title=s.title,
        period=tracker.periods[k].label if k is not None else "",
        produced=produced,
        tables=tuple(tables),
        summary=summary(labels, keys),
        exceptions=tuple(r for r in ratings if r.status is Status.RED),
        problems=tuple(r for r in ratings if r.status is None),
        trend_labels=tuple(p.label for p in tracker.periods[: (k + 1) if k is not None else 0]),
        palette=s.palette,
        status_codes=s.status_codes,
        acceptable_range=s.acceptable_range,
        unmapped=tracker.unmapped,
    )


def _label(r: Rating) -> str:
    return r.status.value if r.status is not None else NOT_RATED
