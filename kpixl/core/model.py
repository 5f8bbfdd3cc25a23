"""The tracker as data, read once into typed measures, and the rating of each indicator for
the reporting period.

A reader (the workbook reader, the Excel ribbon, a CSV) fills a :class:`Tracker` with
:class:`Indicator` rows as written. The tracker reads each row once into a :class:`Measure`
(typed target, tolerance, polarity, values with their periods, its unit, frequency and
year-to-date method, and the words that decided each); :func:`rate_tracker` then applies
the rules of rules.md to every measure. Nothing here touches a file.

>>> from kpixl.core.periods import parse_period
>>> t = Tracker(periods=(parse_period("Apr-24"), parse_period("May-24")), indicators=[
...     Indicator(row=5, ref="AFL13", name="Homelessness prevented", polarity="Higher is better",
...               target="252 (21 per month)", tolerance="18-21", values=(30, 24))])
>>> r = rate_tracker(t)[0]
>>> (str(r.status), str(r.direction), r.ytd)
('Green', '↓A', 54.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from .actions import Action, ActionRules, Assessment, Reporting, assess, month_end, reporting
from .errors import KpixlError, NoTableFound, TargetError
from .measures import (
    accumulates,
    cumulative_words,
    figures_frequency,
    frequency_word,
    is_arrears,
    marker_frequency,
    mixed_scales,
    snapshot_words,
    unit_of,
)
from .periods import Period, parse_period, previous_fy
from .polarity import Polarity, in_range_words, lower_is_better_words, parse_polarity
from .rules import Direction, Rule, Status, arrow, compile_rule, parse_status, trend
from .scheme import Scheme, Settings, get_settings
from .targets import Target, TargetKind, parse_target, target_to_date
from .tolerance import Tolerance, parse_tolerance
from .values import BLANK, Value, on_fraction_scale, read_value
from .vocabulary import MEAN_WORDS, words
from .ytd import parse_method, ytd

T = TypeVar("T")

NOT_RATED = "Check data"  # a row that could not be rated: the problem says why
PARENT = "See below"  # a parent whose sub-measures are rated, each under it

UNITS = ("%", "days", "£", "count", "rate", "kg", "score")
MEAN_UNITS = ("%", "rate", "days", "score", "weeks", "hours", "minutes")


@dataclass(frozen=True)
class Indicator:
    """One row of a tracker, as written (raw cell values; nothing parsed yet).

    ``values`` has one cell per :attr:`Tracker.periods`; ``last_year`` the same periods a
    year before where the tracker has them; ``extra`` figures of other periods with their
    period (a Quarter 1 column beside months, last year's Q4 in a Q1 report). A cell may be
    a :class:`~kpixl.core.values.Value` where the reader knew its number format.
    """

    row: int  # the sheet row, for messages ("row 12")
    ref: str = ""
    name: str = ""
    committee: str = ""
    directorate: str = ""
    service: str = ""
    polarity: object = None
    target: object = None
    tolerance: object = None
    method: object = None  # YTD method; None: inferred (see Measure.method)
    unit: object = None
    frequency: object = None
    benchmark: object = None
    last_year_ytd: object = None
    values: tuple[object, ...] = ()
    last_year: tuple[object, ...] = ()
    extra: tuple[tuple[Period, object], ...] = ()
    comments: str = ""
    owner: str = ""
    sheet: str = ""
    stated_status: object = None  # what the tracker's own Status/RAG column says
    stated_direction: object = None
    stated_ytd: object = None
    stated_ytd_through: Period | None = None  # "Year to Date 2023-24 (Quarter 1)"
    parent: str = ""  # a sub-measure's parent reference (004 STP29's P1..P4)
    part: str = ""  # a sub-measure's label under its parent ("P1")
    cumulative: bool | None = None  # the tracker (or kpixl.toml) says so; None: from words
    # the positions in Tracker.periods that the row's own table has a column for (None:
    # all); a June column in another table is no blank June of this row
    columns: tuple[int, ...] | None = None
    # a long table's row, reported when its measure is: rated at its own latest figure up
    # to the reporting period (NHS England's October figure in a November extract)
    latest_own: bool = False


@dataclass(frozen=True, slots=True)
class Field(Generic[T]):
    """A field read once: its value, what was written, a problem, and where it came from."""

    value: T | None
    raw: object = None
    problem: str = ""
    source: str = "column"  # column, kpixl.toml, default, parent, tracking target


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure of a row with the period it is for."""

    period: Period
    value: Value
    where: str = "column"  # column, last year, ytd
    index: int = -1  # its position among the tracker's periods, -1 when off that grid


@dataclass(frozen=True)
class Measure:
    """An indicator read once into typed fields: what rating, the pack and the checker use."""

    indicator: Indicator
    scheme: Scheme
    grid: tuple[Value, ...]  # one per Tracker.periods
    observations: tuple[Observation, ...]  # every figure, ordered by period
    polarity: Field[Polarity]
    target: Field[Target]
    tolerance: Field[Tolerance]
    method: str  # the year-to-date method (written, or inferred: see notes)
    unit: str
    frequency: str  # month, quarter, term or year
    cumulative: str  # the words that said the measure accumulates over the year, or ""
    snapshot: str  # the words that said it stands at a moment, or ""
    builds: bool = True  # a cumulative measure building to the year's total (see accumulates)
    problem: str = ""  # the first unreadable value's message
    notes: tuple[str, ...] = ()  # what kpixl inferred or defaulted, and why

    @property
    def ref(self) -> str:
        return self.indicator.ref


@dataclass(frozen=True)
class Tracker:
    """A council's tracker read into memory: its periods, its indicators and settings.

    ``measures`` (each indicator read once) and the reporting period are worked out when
    the tracker is made.
    """

    periods: tuple[Period, ...]
    indicators: list[Indicator]
    settings: Settings = field(default_factory=get_settings)
    source: str = ""  # file name, for titles and messages
    unmapped: tuple[str, ...] = ()  # headers kpixl did not map (reported, never guessed)
    notices: tuple[str, ...] = ()  # what the reader left out and why (hidden sheets…)
    actions: tuple[Action, ...] = ()  # delivery-plan actions beside the KPIs
    action_problems: tuple[tuple[str, int, str], ...] = ()  # (sheet, row, message)
    measures: tuple[Measure, ...] = field(init=False, repr=False, compare=False)
    reporting: int | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parents = {i.ref: i for i in self.indicators if i.ref and not i.parent}
        object.__setattr__(
            self,
            "measures",
            tuple(prepare(i, self, parents.get(i.parent)) for i in self.indicators),
        )
        object.__setattr__(self, "reporting", self._find_reporting())

    def reporting_index(self) -> int | None:
        """Position in ``periods`` of the reporting period: the setting, or the latest
        period with data in any row."""
        return self.reporting

    @property
    def reporting_period(self) -> Period | None:
        k = self.reporting
        return None if k is None else self.periods[k]

    def _find_reporting(self) -> int | None:
        wanted = self.settings.reporting_period
        if wanted and not self.periods and self.actions:
            return None  # a delivery plan alone: its actions are judged at that period
        if wanted:
            return _match_period(self.periods, str(wanted), self.settings.fy_start_month)
        latest = None
        for m in self.measures:
            for i, v in enumerate(m.grid):
                if (v.value is not None or _is_unreadable(v)) and (latest is None or i > latest):
                    latest = i
            for o in m.observations:  # a quarter column beside months counts at its end
                if o.index < 0 and o.value.value is not None and o.where == "column":
                    end = _grid_end(self.periods, o.period)
                    if end is not None and (latest is None or end > latest):
                        latest = end
        return latest


def _match_period(periods: Sequence[Period], wanted: str, fy_start: int) -> int:
    text = " ".join(wanted.split()).lower()
    for i, p in enumerate(periods):
        if p.label.strip().lower() == text:
            return i
    target = parse_period(wanted, fy_start)
    if target is not None:
        for i, p in enumerate(periods):
            if (p.kind, p.start, p.months) == (target.kind, target.start, target.months) and (
                target.year is None or p.year == target.year
            ):
                return i
    raise KpixlError(
        f'Check reporting period: no column headed "{wanted}"; the periods are '
        + ", ".join(p.label for p in periods)
    )


def _grid_end(periods: Sequence[Period], p: Period) -> int | None:
    """The grid column holding the end of an off-grid period (Q1 ends in June)."""
    end = p.ordinal()
    for i, g in enumerate(periods):
        if g.ordinal() == end:
            return i
    return None


def _is_unreadable(v: Value) -> bool:
    return v.value is None and v.missing is not None and v.missing.startswith("\x00")


@dataclass(frozen=True)
class Rating:
    """An indicator rated for the reporting period; ``problem`` says why it could not be.

    ``status`` is what the pack shows: the tracker's own stated status where it gives one
    (and the scheme lets it win), else kpixl's rating, ``own_status``.
    """

    indicator: Indicator
    period: int | None  # index in Tracker.periods of the figure rated; None when off the grid
    value: Value
    previous: Value
    previous_label: str
    target: float | None  # the target for the figure rated
    status: Status | None
    direction: Direction | None
    ytd: float | None
    ytd_counts: tuple[float, float] | None  # numerator, denominator of a ratio YTD
    method: str
    unit: str
    polarity: Polarity | None
    problem: str = ""
    values: tuple[Value, ...] = ()  # every period of the grid, for trends
    measure: Measure | None = None
    at: Period | None = None  # the period of the figure rated (Q1 in a July report)
    own_status: Status | None = None
    stated: Status | None = None
    long_trend: Direction | None = None
    basis: tuple[str, ...] = ()  # how it was rated, in words, for the checker

    @property
    def label(self) -> str:
        """The status as the pack shows it: the word, "Check data" when a problem stopped
        the rating, or "See below" for a parent whose sub-measures are rated."""
        if self.status is not None:
            return self.status.value
        return NOT_RATED if self.problem else PARENT

    @property
    def counted(self) -> str | None:
        """The label the summaries count (rules.md section 9): a parent, rated through its
        sub-measures, is not counted itself."""
        return self.label if self.status is not None or self.problem else None

    def as_dict(self) -> dict[str, object]:
        """The rating as plain data, for scripts (``kpixl rate --format json``).

        Keys: ref, name, sheet, row, period, status, kpixl_status, stated_status, arrow,
        long_trend (where the scheme asks for one), value, target, ytd, ytd_numerator,
        ytd_denominator, unit, problem, basis.
        """
        ind = self.indicator
        return {
            "ref": ind.ref,
            "name": " ".join(ind.name.split()),
            "sheet": ind.sheet,
            "row": ind.row,
            "period": self.at.label if self.at is not None else "",
            "status": self.label,
            "kpixl_status": self.own_status.value if self.own_status else None,
            "stated_status": self.stated.value if self.stated else None,
            "arrow": self.direction.value if self.direction else None,
            "long_trend": self.long_trend.value if self.long_trend else None,
            "value": self.value.value,
            "target": self.target,
            "ytd": self.ytd,
            "ytd_numerator": self.ytd_counts[0] if self.ytd_counts else None,
            "ytd_denominator": self.ytd_counts[1] if self.ytd_counts else None,
            "unit": self.unit,
            "problem": self.problem,
            "basis": list(self.basis),
        }


# --- reading a row once -----------------------------------------------------------------


def _read(raw: object) -> tuple[Value, str]:
    try:
        return read_value(raw, "value"), ""
    except KpixlError as e:
        # kept as missing, marked so the reporting period still sees a figure was written
        return Value(None, missing="\x00" + str(raw)), str(e)


def prepare(ind: Indicator, tracker: Tracker, parent: Indicator | None = None) -> Measure:
    """Read one row once: its fields, its figures with their periods, and what it is. A
    sub-measure (004's STP29 P1) is the same kind of measure as its ``parent``: its name,
    method and frequency are read with the parent's."""
    settings = tracker.settings
    notes: list[str] = []
    if parent is not None:
        ind = replace(
            ind,
            method=ind.method if ind.method not in (None, "") else parent.method,
            frequency=ind.frequency if ind.frequency not in (None, "") else parent.frequency,
            comments=ind.comments or parent.comments,
        )
    kind_name = f"{parent.name} {ind.name}" if parent is not None else ind.name
    override = settings.override(ind.ref, ind.name)
    sources: dict[str, str] = {}
    if override is not None:
        given = override.given()
        cumulative = given.pop("cumulative", None)
        ind = replace(ind, **given)
        if cumulative is not None:
            ind = replace(ind, cumulative=bool(cumulative))
        sources = {k: "kpixl.toml" for k in given}
    scheme = settings.scheme_for(
        ind.service, ind.directorate, ind.committee, ind.sheet, ref=ind.parent or ind.ref
    )
    problem = ""
    grid: list[Value] = []
    for raw in ind.values:
        v, p = _read(raw)
        problem = problem or p
        grid.append(v)
    observations = _observations(ind, tracker, grid)
    target = _target(ind, sources)
    if target.value is not None and target.value.kind is TargetKind.SPLIT and ind.part:
        own = target.value.part(ind.part)
        target = (
            Field(own, ind.target, "", "parent")
            if own is not None
            else Field(
                None,
                ind.target,
                f'Check target: "{target.value.text}" gives no target for {ind.part}; '
                f"write {ind.part}'s own target on its row",
                "parent",
            )
        )
    unit = unit_of(ind.unit, [o.value for o in observations], _texts(ind))
    if (
        unit == "%"
        and unit_of(ind.unit, [], []) == "%"
        and not any(o.value.percent for o in observations)
    ):
        grid, observations, target = _on_percent_scale(grid, observations, target, notes)
    polarity = _polarity(ind, kind_name, target.value, scheme, sources, notes)
    tolerance = _tolerance(ind, sources)
    frequency = _frequency(ind, tracker, observations, notes)
    cumulative, snapshot = _nature(ind, kind_name, target.value, observations)
    fy = tracker.settings.financial_year
    fy_figures = [
        o.value.value
        for o in observations
        if o.value.value is not None and (fy is None or o.period.year == fy)
    ]
    point = target.value.value if target.value is not None else None
    builds = accumulates(kind_name, unit, fy_figures, point)
    method, why = _method(ind, observations, unit, cumulative, snapshot, frequency)
    if why:
        notes.append(why)
    if cumulative and builds:
        notes.append(f"cumulative ({cumulative}): rated against the target to date")
    elif cumulative:
        notes.append(f"cumulative ({cumulative}): a running level, rated against its target")
    return Measure(
        indicator=ind,
        scheme=scheme,
        grid=tuple(grid),
        observations=tuple(observations),
        polarity=polarity,
        target=target,
        tolerance=tolerance,
        method=method,
        unit=unit,
        frequency=frequency,
        cumulative=cumulative,
        snapshot=snapshot,
        builds=builds,
        problem=problem,
        notes=tuple(notes),
    )


def _nature(
    ind: Indicator, name: str, target: Target | None, obs: Sequence[Observation]
) -> tuple[str, str]:
    """(cumulative, snapshot): the words that said the measure accumulates over the year or
    stands at a moment. A year-to-date method the tracker writes decides: only "last" (or
    "cumulative") leaves a measure cumulative, and any method makes it no snapshot."""
    if ind.cumulative is not None:
        return ("the tracker says so" if ind.cumulative else ""), ""
    written = None
    if ind.method not in (None, ""):
        try:
            written = parse_method(ind.method).name
        except KpixlError:
            written = None
    cumulative = cumulative_words(name, target, ind.comments or "")
    if not cumulative and any(
        w.strip().lower() == "ytd" for o in obs for w in o.value.note.split(";")
    ):
        cumulative = "its figures are marked (YTD)"
    if written is not None:
        return (cumulative if written == "last" else ""), ""
    return cumulative, ("" if cumulative else snapshot_words(name, ind.comments or ""))


def _texts(ind: Indicator) -> list[str]:
    return [str(x) for x in (*ind.values, ind.target) if isinstance(x, str)]


def _observations(ind: Indicator, tracker: Tracker, grid: list[Value]) -> list[Observation]:
    periods = tracker.periods
    out: list[Observation] = []
    own = None if ind.columns is None else set(ind.columns)
    for i, v in enumerate(grid):
        if i < len(periods) and (own is None or i in own):
            out.append(Observation(periods[i], v, "column", i))
    for i, raw in enumerate(ind.last_year):
        if i < len(periods) and periods[i].year:
            p = periods[i]
            prev = p.with_year(previous_fy(p.year))  # type: ignore[arg-type]
            out.append(Observation(prev, _read(raw)[0], "last year"))
    for period, raw in ind.extra:
        out.append(Observation(period, _read(raw)[0], "column"))
    through = ind.stated_ytd_through
    # "Year to Date 2023-24 (Quarter 1)": the year so far is the first quarter's figure
    if (
        through is not None
        and through.start == 1
        and ind.stated_ytd is not None
        and not any(
            o.period.year == through.year
            and (o.period.start, o.period.months) == (1, through.months)
            and o.value.value is not None
            for o in out
        )
    ):
        out.append(Observation(through, _read(ind.stated_ytd)[0], "ytd"))
    out = _by_note(out, tracker.settings.fy_start_month)
    out.sort(key=lambda o: (o.period.ordinal() or 0, -o.period.months))
    return out


def _by_note(obs: list[Observation], fy_start: int) -> list[Observation]:
    """A figure whose note names another period ("97.48% (Q1 23-24)" in the June column) is
    that period's figure: moved there, once."""
    out: list[Observation] = []
    seen: set[tuple[object, ...]] = set()
    for o in obs:
        note = o.value.note
        if note and o.value.value is not None:
            p = parse_period(note.split(";")[0].strip(), fy_start)
            if (
                p is not None
                and p.year is not None
                and (p.start, p.months, p.year)
                != (
                    o.period.start,
                    o.period.months,
                    o.period.year,
                )
            ):
                key = (p.year, p.start, p.months)
                if key in seen or any(
                    (x.period.year, x.period.start, x.period.months) == key
                    and x.value.value is not None
                    for x in obs
                ):
                    if o.index >= 0:  # keep the grid cell for display, but not as a figure
                        out.append(replace(o, value=Value(None, missing=f"see {p.label}")))
                    continue
                seen.add(key)
                o = Observation(p, o.value, o.where, -1)
        out.append(o)
    return out


def _target(ind: Indicator, sources: Mapping[str, str]) -> Field[Target]:
    raw = ind.target
    try:
        t = parse_target(raw)
    except KpixlError as e:
        return Field(None, raw, str(e), sources.get("target", "column"))
    return Field(t, raw, "", sources.get("target", "column"))


def _on_percent_scale(
    grid: list[Value], obs: list[Observation], target: Field[Target], notes: list[str]
) -> tuple[list[Value], list[Observation], Field[Target]]:
    """A % Unit column over whole numbers (Hart writes 95.5 for 95.5%): where no figure of
    the row is written as a percentage and none is on the fraction scale, every figure is
    read as a percentage of 100."""
    bare = [
        v.value
        for v in (o.value for o in obs)
        if v.value is not None and not v.percent and v.value != 0
    ]
    t = target.value
    if not bare or any(on_fraction_scale(x) for x in bare):
        return grid, obs, target
    if t is not None and t.kind is TargetKind.VALUE and t.value is not None and not t.percent:
        if on_fraction_scale(t.value) and t.value != 0:
            return grid, obs, target  # the target is a fraction: mixed scales, checked later
        target = replace(
            target, value=replace(t, value=t.value / 100, percent=True, text=f"{t.value:g}%")
        )

    def scaled(v: Value) -> Value:
        if v.value is None or v.percent:
            return v
        return replace(v, value=v.value / 100, percent=True, unit="%")

    notes.append("a % unit on whole numbers: 95.5 is read as 95.5%")
    return (
        [scaled(v) for v in grid],
        [replace(o, value=scaled(o.value)) for o in obs],
        target,
    )


def _polarity(
    ind: Indicator,
    name: str,
    target: Target | None,
    scheme: Scheme,
    sources: Mapping[str, str],
    notes: list[str],
) -> Field[Polarity]:
    raw = ind.polarity
    source = sources.get("polarity", "column")
    try:
        return Field(parse_polarity(raw), raw, "", source)
    except KpixlError as e:
        if not (raw is None or (isinstance(raw, str) and not raw.strip())):
            return Field(None, raw, str(e), source)
    if target is not None and target.kind is TargetKind.TRACKING:
        return Field(Polarity.NONE, raw, "", "tracking target")
    lower = lower_is_better_words(name) if scheme.polarity_from_name else ()
    either = in_range_words(name) if scheme.polarity_from_name else ()
    if (lower and scheme.default_polarity is Polarity.HIGHER) or either:
        hints, means, write = (
            (either, "a miss either way counts", "In range")
            if either
            else (lower, "lower is better", "Lower is better")
        )
        said = ", ".join(f'"{h}"' for h in hints[:3])
        key = (ind.ref or " ".join(ind.name.split())).replace('"', "'")
        return Field(
            None,
            raw,
            f"Check polarity: none is given and the name says {said}, which usually means "
            f"{means}; add a Polarity column, or write in kpixl.toml "
            f'[indicators."{key}"] polarity = "{write}" (or "Higher is better")',
            "name",
        )
    notes.append(f"polarity: none given, so the default ({scheme.default_polarity.words.lower()})")
    return Field(scheme.default_polarity, raw, "", "default")


def _tolerance(ind: Indicator, sources: Mapping[str, str]) -> Field[Tolerance]:
    raw = ind.tolerance
    source = sources.get("tolerance", "column")
    try:
        return Field(parse_tolerance(raw), raw, "", source)
    except KpixlError as e:
        return Field(None, raw, str(e), source)


def _frequency(
    ind: Indicator, tracker: Tracker, obs: Sequence[Observation], notes: list[str]
) -> str:
    written = frequency_word(ind.frequency)
    if written:
        return written
    grid_kind = tracker.periods[0].kind if tracker.periods else "month"
    markers = marker_frequency([o.value.missing for o in obs if o.value.missing])
    if markers:
        notes.append(f"{_ly(markers)}: a cell says it is reported {_ly(markers)}")
        return markers
    k = tracker.reporting if "reporting" in tracker.__dict__ else None
    present = [o.period for o in obs if o.value.value is not None and o.where == "column"]
    blank = [
        o.period
        for o in obs
        if o.index >= 0 and o.value.missing == "blank" and (k is None or o.index <= k)
    ]
    found = figures_frequency(present, blank)
    if found and found != grid_kind:
        where = (
            "quarter columns"
            if any(p.kind == "quarter" for p in present)
            else ("only quarter-end months" if found == "quarter" else f"{found} columns")
        )
        notes.append(f"{_ly(found)}: its figures are in {where}")
        return found
    return found or grid_kind


def _ly(kind: str) -> str:
    return {"month": "monthly", "quarter": "quarterly", "year": "annual", "term": "termly"}.get(
        kind, kind
    )


def _method(
    ind: Indicator,
    obs: Sequence[Observation],
    unit: str,
    cumulative: str,
    snapshot: str,
    frequency: str = "",
) -> tuple[str, str]:
    """The YTD method: as written, else from what the measure is (rules.md section 6)."""
    if ind.method not in (None, ""):
        try:
            return str(parse_method(ind.method)), ""
        except KpixlError:
            return "", ""  # reported as the row's problem when the YTD is worked out
    if snapshot:
        return "none", f'no year to date: a snapshot (the name says "{snapshot}")'
    if cumulative:
        return "last", "year to date: the latest figure (already cumulative)"
    if frequency == "term":
        return "last", "year to date: the latest term's figure (a termly measure)"
    present = [o.value for o in obs if o.value.value is not None]
    if present and all(v.numerator is not None for v in present):
        return "ratio", "year to date: total of x out of total of y"
    if unit in MEAN_UNITS:
        return "mean", f"year to date: the mean (a {unit} measure with no counts)"
    # a sub-measure's name is its category ("P1 (Target response time within 24 hours)"):
    # what it counts is its parent's
    said = "" if ind.parent else next((w for w in MEAN_WORDS if _said(ind.name, w)), "")
    if said:
        return "mean", f'year to date: the mean (the name says "{said}")'
    return "sum", "year to date: the sum (a count)"


def _said(name: str, phrase: str) -> bool:
    """The phrase as whole words of the name (not "meant" for "mean")."""
    low = f" {words(name[:300])} "
    return f" {phrase} " in low


# --- rating -------------------------------------------------------------------------------


def require_periods(tracker: Tracker) -> None:
    """Refuse a tracker with nothing to rate, saying why: a table with no period columns
    (exit 7), rather than a report of No data."""
    if tracker.indicators and not tracker.periods:
        seen = ", ".join(f'"{u}"' for u in tracker.unmapped[:12]) or "none"
        # the kpixl.toml lines with the tracker's own headings, where a few are left
        # (Hart's Previous and Current)
        few = tracker.unmapped[:2] if len(tracker.unmapped) <= 4 else ()
        mapped = [f'    "{u}" = "Q{n} 2024/25"' for n, u in enumerate(few, 1)]
        raise NoTableFound(
            f"{tracker.source or 'The tracker'}: a KPI table of {len(tracker.indicators)} "
            f"rows, but no column is a period, so there is nothing to rate. Headings kpixl "
            f"did not use: {seen}. Head the period columns as Apr-24, Q1 2024/25 or 2023/24, "
            "or say in kpixl.toml which period each column is:\n    [columns]\n"
            + ("\n".join(mapped) or '    "Your heading" = "Apr-24"')
            + "\nA file of indicator information (names, polarities) is no tracker: name it "
            'in the tracker\'s kpixl.toml as [info] file = "…".'
        )
    if not tracker.indicators and not tracker.actions:
        raise NoTableFound(
            f"{tracker.source or 'The tracker'}: a KPI table with a header row but no "
            "indicator rows under it."
        )


def action_rules(settings: Settings) -> ActionRules:
    """How the settings judge delivery-plan actions (their year, their colours)."""
    s = settings.scheme
    return ActionRules(
        fy_start_month=s.fy_start_month,
        financial_year=settings.financial_year,
        overdue=Status(s.action_overdue),
        late_to_start=Status(s.action_late_to_start),
        otherwise=Status(s.action_on_course),
    )


def action_date(tracker: Tracker) -> Reporting:
    """The date actions are judged at: the end of the KPIs' reporting period, else the
    reporting period the settings name, else today."""
    rules = action_rules(tracker.settings)
    p = tracker.reporting_period
    if p is not None and p.year:
        fy = int(p.year[:4])
        day = month_end(fy, p.last, rules.fy_start_month)
        return Reporting(day, p.label, fy)
    return reporting(tracker.settings.reporting_period, rules)


def rate_actions(tracker: Tracker) -> list[Assessment]:
    """Every delivery-plan action judged at the tracker's reporting date, in order."""
    if not tracker.actions:
        return []
    rules = action_rules(tracker.settings)
    at = action_date(tracker)
    return [assess(a, at, rules) for a in tracker.actions]


def rate_tracker(tracker: Tracker) -> list[Rating]:
    """Every indicator rated for the reporting period, in tracker order."""
    return [rate_measure(m, tracker) for m in tracker.measures]


def rate_indicator(ind: Indicator, tracker: Tracker, k: int | None = None) -> Rating:
    """One row rated at grid index ``k`` (default: the tracker's reporting period)."""
    m = prepare(ind, tracker)
    return rate_measure(m, tracker, tracker.reporting if k is None else k)


def _series(m: Measure) -> list[Observation]:
    """The row's figures at its own frequency, one per period, ordered: a quarterly row in a
    monthly tracker takes its quarter columns, else its quarter-end months."""
    f = m.frequency
    obs = [o for o in m.observations if o.period.year is not None]
    if f == "month":
        return [o for o in obs if o.period.kind == "month"]
    if f == "quarter":
        by_end: dict[int, Observation] = {}
        for o in obs:
            p = o.period
            if p.kind == "quarter" or (p.kind == "month" and p.last % 3 == 0):
                end = p.ordinal() or 0
                held = by_end.get(end)
                if (
                    held is None
                    or (held.value.value is None and o.value.value is not None)
                    or (
                        p.kind == "quarter"
                        and held.period.kind != "quarter"
                        and o.value.value is not None
                    )
                ):
                    by_end[end] = o
        return [by_end[e] for e in sorted(by_end)]
    if f == "year":
        return [o for o in obs if o.period.kind == "year"]
    # termly and other irregular rows: their figures where they stand, latest per end
    by_end = {}
    for o in obs:
        if o.value.value is not None or o.index >= 0:
            end = o.period.ordinal() or 0
            if end not in by_end or by_end[end].value.value is None:
                by_end[end] = o
    return [by_end[e] for e in sorted(by_end)]


def _current(m: Measure, series: list[Observation], at: Period | None) -> Observation | None:
    """The figure a row reports at the reporting period: the period's own for a monthly row
    (the month before where it says it reports a month in arrears); the latest of its
    periods ended by then for any other row."""
    if at is None:
        return None
    end = at.ordinal()
    if end is None:
        mine = [o for o in series if o.index >= 0]
        return mine[-1] if mine else None
    if m.indicator.latest_own:
        held = [o for o in series if (o.period.ordinal() or 0) <= end]
        return held[-1] if held else None
    if m.frequency == "month" and at.kind == "month":
        here = next((o for o in series if o.period.ordinal() == end), None)
        if here is not None and is_arrears(here.value):
            earlier = [o for o in series if (o.period.ordinal() or 0) < end]
            return earlier[-1] if earlier else here
        return here
    if m.frequency == "quarter" and at.kind == "month":
        here = next((o for o in series if o.index >= 0 and o.period.ordinal() == end), None)
        if here is not None and here.value.missing != "blank":
            return here  # a figure or a marker in the reporting month itself
    ended = [o for o in series if (o.period.ordinal() or 0) <= end]
    if m.frequency in ("month", "quarter", "year"):
        return ended[-1] if ended else None
    present = [o for o in ended if o.value.value is not None]
    return present[-1] if present else (ended[-1] if ended else None)


def _previous(
    m: Measure, series: list[Observation], current: Observation | None
) -> tuple[Value, str]:
    """The value to compare with: the same period last year where the scheme says so (and
    always for a cumulative measure), else the period before in the row's own series,
    across the year boundary; a TBC is a gap, not skipped."""
    if current is None:
        return BLANK, ""
    p = current.period
    if m.scheme.compare_with == "last_year" or m.cumulative:
        found = _same_point(m, p)
        if found is not None or not m.cumulative or m.builds:
            # a figure building up over the year compares only with the same point of the
            # year before: against last month it always grows
            return found or BLANK, "same period last year"
    # a cumulative level (an average so far) with no same point: the period before
    end = p.ordinal() or 0
    earlier = [o for o in series if (o.period.ordinal() or 0) < end and o is not current]
    for o in reversed(earlier):
        v = o.value
        if v.value is not None or v.missing not in (None, "blank"):
            return v, o.period.label
    return BLANK, ""


def _same_point(m: Measure, p: Period) -> Value | None:
    """The row's figure for the same period a year before, if the tracker holds it."""
    if p.year is None:
        return None
    last = previous_fy(p.year)
    for o in m.observations:
        q = o.period
        if (
            q.year == last
            and (q.start, q.months) == (p.start, p.months)
            and (o.value.value is not None)
        ):
            return o.value
    return None


def _position(m: Measure, p: Period) -> tuple[int, int]:
    """(k, n): period ``p`` as the k-th of n in the row's year, at the row's frequency."""
    if m.frequency == "quarter":
        return p.quarter, 4
    if m.frequency == "year":
        return 1, 1
    if p.kind == "month":
        return p.number, 12
    if p.kind == "quarter":
        return p.number, 4
    return max(1, min(12, p.last)), 12


def _target_for(m: Measure, p: Period, year: str | None) -> tuple[float | None, str]:
    """The target for the figure of period ``p``, and how it was worked out: the period's
    own for most rows; for a cumulative measure the target to date."""
    t = m.target.value
    assert t is not None
    if t.kind in (TargetKind.TRACKING, TargetKind.REVIEW):
        return None, ""
    if t.kind is TargetKind.SPLIT:
        raise TargetError(
            "target",
            t.text,
            "it gives each sub-measure its own target; the sub-measures are rated",
            "one target per sub-measure in",
        )
    k, n = _position(m, p)
    if not m.cumulative or not m.builds:
        return target_to_date(t, k, n, "period", year=year), ""
    if t.kind is TargetKind.PROFILE and (t.cumulative or t.per_cell):
        # a profile of targets by period, each already to date (001's KI 8)
        return target_to_date(t, k, n, "last", year=year), ""
    value = target_to_date(t, k, n, "sum", year=year)
    if value is None:
        return None, ""
    how = (
        f"target to date {_show(value, m.unit)} ({k} of {n} {_ly_noun(n)}"
        + (f" of {_show(t.value, m.unit)} for the year" if t.value is not None else "")
        + ")"
    )
    return value, how


def _ly_noun(n: int) -> str:
    return {12: "months", 4: "quarters", 1: "year", 3: "terms"}.get(n, "periods")


def _show(x: float | None, unit: str) -> str:
    if x is None:
        return ""
    if unit == "%":
        return f"{x * 100:.4g}%"
    return f"{x:,.6g}"


def rate_measure(m: Measure, tracker: Tracker, k: int | None = None) -> Rating:
    """Rate one measure at grid index ``k`` (status, arrow, YTD), never raising."""
    if k is None:
        k = tracker.reporting
    at_grid = tracker.periods[k] if k is not None and k < len(tracker.periods) else None
    series = _series(m)
    current_obs = _current(m, series, at_grid)
    current = current_obs.value if current_obs is not None else BLANK
    at = current_obs.period if current_obs is not None else at_grid
    year = (at.year if at is not None else None) or tracker.settings.financial_year
    prev, prev_label = _previous(m, series, current_obs)
    problem = m.problem
    basis: list[str] = list(m.notes)
    if m.cumulative and current.value is not None and prev.value is None and m.builds:
        basis.append(
            "no arrow: a figure building up over the year compares with the same period "
            "last year, which the tracker does not hold"
        )
    elif m.cumulative and prev_label != "same period last year" and current.value is not None:
        basis.append(
            "arrow: against the period before (a running level; the tracker holds no same "
            "period last year)"
        )
    status = direction_ = None
    target_now: float | None = None
    pol = m.polarity.value
    t = m.target.value
    # Each figure is worked out on its own, so that one unreadable cell (a tolerance, say)
    # blanks only what depends on it, exactly as the tracker's own KPI_* cells would.
    for f in (m.target, m.polarity):
        problem = problem or f.problem
    rule: Rule | None = None
    parent_of_parts = t is not None and t.kind is TargetKind.SPLIT and not m.indicator.part
    if parent_of_parts:
        assert t is not None
        basis.append(f'its sub-measures are rated, each against its own part of "{t.text}"')
    if t is not None and pol is not None and at is not None and not parent_of_parts:
        try:
            target_now, how = _target_for(m, at, year)
            if how:
                basis.append(how)
        except KpixlError as e:
            problem = problem or str(e)
    if pol is not None and t is not None and not m.target.problem and not parent_of_parts:
        # an unreadable tolerance is not read again: its problem holds where a figure is
        # compared (a No data row with a bad tolerance is still No data)
        rule = compile_rule(t, pol, m.tolerance.value, m.scheme, point=target_now)
        if m.tolerance.problem and rule.late is None and rule.kind == 0:
            rule = replace(rule, late=KpixlError(m.tolerance.problem))
        try:
            status = _status(m, rule, current, at, tracker)
        except KpixlError as e:
            problem = problem or str(e)
    if pol is not None:
        direction_ = arrow(
            current.value,
            prev.value,
            pol,
            target_now,
            m.scheme.acceptable_range,
            m.scheme.direction_style,
        )
    ytd_value, counts = None, None
    try:
        ytd_value, counts, note = _ytd(m, at, tracker)
        if note:
            basis.append(note)
    except KpixlError as e:
        problem = problem or str(e)
    if (
        status is None
        and pol is None
        and current.value is None
        and t is not None
        and t.kind is not TargetKind.TRACKING
        and not m.target.problem
    ):
        status = Status.NO_DATA  # no polarity yet, but no figure either: No data whatever it is
    mixed = mixed_scales([o.value for o in m.observations], target_now, m.unit)
    if mixed and "mixed scales" in mixed:
        # figures on two scales: the year to date mixes them, and so does an arrow between
        # a figure on each
        ytd_value, counts = None, None
        if (current.percent or current.numerator is not None) != (
            prev.percent or prev.numerator is not None
        ):
            direction_ = None
    if not problem and status is not None and status.rated:
        problem = mixed
    if problem and status is not None and status.rated:
        status = None  # an unreadable value somewhere in the row: show the problem instead
    own = status
    stated = parse_status(m.indicator.stated_status)
    shown = own
    if stated is not None and m.scheme.stated_status == "tracker":
        shown = stated
        if own is not None and own is not stated:
            basis.append(f"status as the tracker states it ({stated}); by the rules: {own}")
    long = None
    if m.scheme.long_trend and pol is not None and current.value is not None and at is not None:
        history = [
            o.value.value
            for o in series
            if o.value.value is not None and (o.period.ordinal() or 0) < (at.ordinal() or 0)
        ]
        long = trend(current.value, history, pol, m.scheme)
    return Rating(
        indicator=m.indicator,
        period=current_obs.index
        if current_obs is not None and current_obs.index >= 0
        else (k if current_obs is None else None),
        value=current,
        previous=prev,
        previous_label=prev_label,
        target=target_now,
        status=shown,
        direction=direction_,
        ytd=ytd_value,
        ytd_counts=counts,
        method=m.method,
        unit=m.unit,
        polarity=pol,
        problem=problem,
        values=m.grid,
        measure=m,
        at=at,
        own_status=own,
        stated=stated,
        long_trend=long,
        basis=tuple(basis),
    )


def _status(m: Measure, rule: Rule, current: Value, at: Period | None, tracker: Tracker) -> Status:
    if m.frequency == "year" and rule.kind == 0 and at is not None:
        here = tracker.reporting_period
        if (
            here is not None
            and here.kind != "year"
            and here.last < 12
            and current.value is None
            and (at.year == here.year)
        ):
            return Status.NOT_YET_DUE  # an annual measure before its year end (001's box)
    return rule.rate(current)


def _ytd(
    m: Measure, at: Period | None, tracker: Tracker
) -> tuple[float | None, tuple[float, float] | None, str]:
    """The year to date at period ``at`` and a note on it: the figures of its financial year
    up to it, each month counted once (a Quarter 1 column stands for April to June). Where
    some of those months have no figure in the tracker (004 shows only June and July beside
    its Quarter 1; a row reports a month in arrears) and the tracker states its own year to
    date, that is the figure, and the note says so."""
    if at is None or not m.method:
        if not m.method and m.indicator.method not in (None, ""):
            parse_method(m.indicator.method)  # raises the message
        return None, None, ""
    if m.method == "none":
        return None, None, ""
    end = at.ordinal()
    fy = at.year
    if end is None or fy is None:
        reporting = tracker.reporting or 0
        chosen = [o for o in m.observations if 0 <= o.index <= reporting]
        absent: list[int] = []
    else:
        mine = [
            o for o in m.observations if o.period.year == fy and (o.period.ordinal() or 0) <= end
        ]
        chosen = _cover(mine)
        held = {
            month
            for o in mine
            if o.value.value is not None
            for month in range(o.period.start, o.period.start + o.period.months)
        }
        absent = [month for month in range(1, at.last + 1) if month not in held]
    if absent and m.indicator.stated_ytd is not None:
        stated, _ = _read(m.indicator.stated_ytd)
        if stated.value is not None:
            counts = (
                (stated.numerator, stated.denominator)
                if stated.numerator is not None and stated.denominator is not None
                else None
            )
            return (
                stated.value,
                counts,
                (
                    "year to date: the tracker's own figure (kpixl has no figures for "
                    f"{_months(absent, tracker)})"
                ),
            )
    values = [o.value for o in chosen]
    result = ytd(values, m.method)
    counts = None
    if m.method == "ratio":
        pairs = [
            (v.numerator, v.denominator)
            for v in values
            if v.numerator is not None and v.denominator is not None and v.value is not None
        ]
        if pairs:
            counts = (math.fsum(n for n, _ in pairs), math.fsum(d for _, d in pairs))
    note = f"year to date: without {_months(absent, tracker)} (no figures)" if absent else ""
    return result, counts, note


def _months(numbers: list[int], tracker: Tracker) -> str:
    from .periods import MONTH_ABBR

    start = tracker.settings.fy_start_month
    names = [MONTH_ABBR[(start - 1 + n - 1) % 12] for n in numbers]
    return ", ".join(names) if len(names) <= 3 else f"{names[0]} to {names[-1]}"


def _cover(obs: list[Observation]) -> list[Observation]:
    """Figures that do not overlap: longer periods first (Quarter 1 over June), then the
    months outside them; ordered by period."""
    present = [o for o in obs if o.value.value is not None or o.value.numerator is not None]
    chosen: list[Observation] = []
    for o in sorted(present, key=lambda o: (-o.period.months, o.period.ordinal() or 0)):
        a, b = o.period.first_ordinal() or 0, o.period.ordinal() or 0
        if not any(
            a <= (c.period.ordinal() or 0) and (c.period.first_ordinal() or 0) <= b for c in chosen
        ):
            chosen.append(o)
    return sorted(chosen, key=lambda o: o.period.ordinal() or 0)


# --- kept for callers of the earlier model ------------------------------------------------


def unit_of_indicator(ind: Indicator) -> str:
    """The unit of a row as written (for callers without a tracker)."""
    values = []
    for raw in ind.values:
        values.append(_read(raw)[0])
    return unit_of(ind.unit, values, _texts(ind))


def is_quarterly(measure: Measure) -> bool:
    """A row that reports once a quarter."""
    return measure.frequency == "quarter"
