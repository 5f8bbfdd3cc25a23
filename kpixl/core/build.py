"""From tables found in the sheets to indicators: which columns are this year's periods
(the tracker's grid), which are other periods' figures, which are years to date; and the
rows as :class:`~kpixl.core.model.Indicator` records.

The grid is the tracker's own reporting periods: the months of the latest financial year
where any table has them (else its quarters, terms or years). A quarter column beside
months (004's "Quarter 1 23-24"), last year's columns and the previous year's last quarter
are figures with their own periods (``Indicator.extra``), used for the year to date and for
the comparison across the year boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .errors import KpixlError
from .headings import HeadingKind, Role
from .model import Indicator
from .periods import MONTH_ABBR, Period
from .polarity import parse_polarity
from .scan import Row, Table, blank, is_ref, leading_ref, part_label, split_name, text
from .scheme import Settings
from .targets import Target, TargetKind
from .values import Value, read_value


@dataclass
class Slots:
    """Where one table's period and year-to-date columns go."""

    grid: dict[int, int] = field(default_factory=dict)  # column -> position in the grid
    extra: dict[int, Period] = field(default_factory=dict)  # column -> its own period
    targets: dict[int, int] = field(default_factory=dict)  # column -> period number
    target_kind: str = "month"
    ytd: int | None = None  # the column of this year's YTD
    ytd_through: Period | None = None
    last_ytd: int | None = None  # the column of the latest earlier year's YTD


def grid_kind(tables: Sequence[Table], fy: str | None) -> str:
    """The tracker's reporting grid: months where any table has this year's months, else
    quarters, else terms, else years."""
    kinds: set[str] = set()
    for t in tables:
        for h in t.headings.values():
            p = h.period
            if h.is_value and p is not None:
                if p.kind == "year":
                    kinds.add("year")
                elif (p.year or fy) == fy:
                    kinds.add(p.kind)
    for kind in ("month", "quarter", "term", "year"):
        if kind in kinds:
            return kind
    return "month"


def latest_fy(tables: Sequence[Table]) -> str | None:
    years = [
        h.period.year if h.kind is HeadingKind.PERIOD and h.period else h.fy
        for t in tables
        for h in t.headings.values()
    ]
    known = sorted(y for y in years if y)
    return known[-1] if known else None


def grid_periods(tables: Sequence[Table], fy: str | None, kind: str, fy_start: int) -> list[Period]:
    """The grid: this year's periods of the grid's kind in any table, in order (for a year
    grid, every year)."""
    found: dict[tuple[str | None, int, int], Period] = {}
    for t in tables:
        for c, h in sorted(t.headings.items()):
            p = h.period
            if not h.is_value or p is None or p.kind != kind:
                continue
            if kind != "year" and (p.year or fy) != fy:
                continue
            year = p.year or fy
            key = (year, p.start, p.months)
            if key not in found:
                label = p.label if h.mapped else t.labels.get(c, p.label)
                found[key] = Period(p.kind, p.number, year, label, p.start, p.months)
    periods = sorted(found.values(), key=lambda p: p.ordinal() or p.last)
    return [p if p.label else _named(p, fy_start) for p in periods]


def _named(p: Period, fy_start: int) -> Period:
    if p.kind != "month":
        return Period(p.kind, p.number, p.year, f"Q{p.number} {p.year}", p.start, p.months)
    month = (fy_start - 1 + p.number - 1) % 12 + 1
    if p.year is None:
        label = MONTH_ABBR[month - 1]
    else:
        year = int(p.year[:4]) + (1 if month < fy_start else 0)
        label = f"{MONTH_ABBR[month - 1]}-{year % 100:02d}"
    return Period(p.kind, p.number, p.year, label, p.start, p.months)


def slots(table: Table, fy: str | None, grid: Sequence[Period]) -> Slots:
    """Place a table's columns: grid periods, other periods' figures, targets by period,
    years to date; every column it cannot place goes to the table's unmapped list."""
    s = Slots()
    position = {(p.year, p.start, p.months): i for i, p in enumerate(grid)}
    kind = grid[0].kind if grid else "month"
    unplaced: list[int] = []
    has_targets = any(
        h.kind is HeadingKind.PERIOD and h.role is Role.TARGET for h in table.headings.values()
    )
    if has_targets:
        own = {h.period.kind for h in table.headings.values() if h.period and h.is_value}
        s.target_kind = "month" if "month" in own else "quarter"
    for c, h in sorted(table.headings.items()):
        if h.kind is not HeadingKind.PERIOD:
            continue
        p = h.period
        assert p is not None
        year = p.year or fy
        if h.role is Role.TARGET:
            if year == fy:
                s.targets[c] = p.number
            else:
                unplaced.append(c)
            continue
        if h.role is not Role.VALUE:
            unplaced.append(c)
            continue
        here = Period(p.kind, p.number, year, table.labels.get(c, p.label), p.start, p.months)
        key = (year, p.start, p.months)
        if p.kind == kind and key in position:
            s.grid[c] = position[key]
        elif year is not None and (fy is None or year <= fy):
            s.extra[c] = here  # a figure of its own period: a quarter, last year's month…
        else:
            unplaced.append(c)
    earlier: list[tuple[str, int]] = []
    for c, h in sorted(table.headings.items()):
        if h.kind is not HeadingKind.YTD:
            continue
        if h.fy in ("", fy) and s.ytd is None:
            s.ytd = c
            s.ytd_through = h.through
        elif h.fy and fy and h.fy < fy:
            earlier.append((h.fy, c))
        else:
            unplaced.append(c)
    if earlier:
        earlier.sort()
        s.last_ytd = earlier[-1][1]
        unplaced.extend(c for _, c in earlier[:-1])
    table.unmapped.extend(table.labels[c] for c in sorted(unplaced) if c in table.labels)
    return s


def _profile(row: Row, s: Slots, table: Table) -> Target | object:
    """The per-period target cells as a profile (Charnwood's Value | Target columns)."""
    n = 12 if s.target_kind == "month" else 4
    found: dict[int, float] = {}
    texts: list[str] = []
    percent = False
    raw_first: object = None
    for c, number in sorted(s.targets.items(), key=lambda x: x[1]):
        raw = row.cells.get(c)
        if blank(raw):
            continue
        raw_first = raw if raw_first is None else raw_first
        label = table.labels.get(c, "")
        try:
            v = read_value(raw, "target")
        except KpixlError:
            texts.append(f"{label}: {text(raw)}")
            continue
        texts.append(f"{label}: {_shown(raw, v)}")
        if v.value is not None:
            found[number] = v.value
            percent = percent or v.percent
    if not found:
        return raw_first  # "TBC" in every target cell: the row's target as written
    profile: list[float] = []
    for k in range(1, n + 1):
        if k in found:
            profile.append(found[k])
        else:  # a period without a target: the nearest earlier one (else the next)
            earlier = [found[j] for j in sorted(found) if j < k]
            profile.append(earlier[-1] if earlier else found[min(found)])
    return Target(
        TargetKind.PROFILE,
        profile=tuple(profile),
        percent=percent,
        text="; ".join(texts),
        per_cell=True,
    )


def _shown(raw: object, v: Value) -> str:
    if isinstance(raw, str):
        return " ".join(raw.split())
    if v.value is None:
        return ""
    return f"{v.value * 100:.4g}%" if v.percent else f"{v.value:,.6g}"


def _unheaded(table: Table, fits: Callable[[object], bool]) -> int | None:
    """A column with no heading whose cells all say what one field says (004's Finance table
    prints its Ref No. heading blank, Customer & Governance its Polarity heading): the column
    where most rows hold such a cell, if most do."""
    counts: dict[int, int] = {}
    for row in table.rows:
        for c, v in row.loose.items():
            if fits(v):
                counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    col, n = max(counts.items(), key=lambda x: x[1])
    return col if n * 5 >= len(table.rows) * 4 else None


def _is_polarity(v: object) -> bool:
    if not isinstance(v, str) or not v.strip():
        return False
    try:
        parse_polarity(v)
    except KpixlError:
        return False
    return True


def _stated(row: Row, col: int) -> object:
    """What a row's own cell states (a status, an arrow, a year to date), unless the cell
    is kpixl's own KPI_* formula: its cached value rates one cell; kpixl rates the row."""
    return None if col in row.formulas else row.cells.get(col)


def indicators(table: Table, s: Slots, n_grid: int, settings: Settings) -> list[Indicator]:
    """The table's rows as Indicators; rows under a merged reference are its sub-measures."""
    f = table.fields
    loose_ref = _unheaded(table, is_ref) if "ref" not in f else None
    loose_polarity = _unheaded(table, _is_polarity) if "polarity" not in f else None
    names = [text(row.cells.get(f["name"])) for row in table.rows]
    split_ref = "ref" not in f and sum(bool(leading_ref(n)) for n in names) * 2 >= max(
        1, sum(bool(n) for n in names)
    )
    committees = list(settings.committees)
    out: list[Indicator] = []
    parent_ref = ""
    for row, raw_name in zip(table.rows, names, strict=True):
        cells = row.cells
        values: list[object] = [None] * n_grid
        for c, i in s.grid.items():
            values[i] = cells.get(c)
        extra = tuple((p, cells.get(c)) for c, p in s.extra.items() if not blank(cells.get(c)))
        ref, name, owner = split_name(raw_name, split_ref)
        if row.extra_name:
            name = " ".join([name, *row.extra_name]).strip()
        if "ref" in f:
            ref = text(cells.get(f["ref"]))
        elif loose_ref is not None and not ref:
            ref = text(row.loose.get(loose_ref))
        parent = part = ""
        if "ref" in f and f["ref"] in row.merged and ref and ref == parent_ref:
            part = part_label(name) or name[:30]
            parent, ref = ref, f"{ref} {part}"  # a sub-measure: "STP29 P1"
        else:
            parent_ref = ref
        comments = "\n".join(
            t for t in [text(cells.get(f.get("comments", -1))), *row.extra_comments] if t
        )
        target = cells.get(f["target"]) if "target" in f else None
        if s.targets:
            target = _profile(row, s, table)
        committee = text(cells.get(f.get("committee", -1)))
        if not committee:
            committee = committees[0] if len(committees) == 1 else table.sheet
        last_ytd = cells.get(s.last_ytd) if s.last_ytd is not None else None
        out.append(
            Indicator(
                row=row.row,
                ref=ref,
                name=name,
                committee=committee,
                directorate=text(cells.get(f.get("directorate", -1))) or table.directorate,
                service=text(cells.get(f.get("service", -1))) or row.service,
                polarity=cells.get(f.get("polarity", -1))
                if loose_polarity is None
                else row.loose.get(loose_polarity),
                target=target,
                tolerance=cells.get(f.get("tolerance", -1)),
                method=cells.get(f.get("method", -1)),
                unit=cells.get(f.get("unit", -1)),
                frequency=cells.get(f.get("frequency", -1)),
                benchmark=cells.get(f.get("benchmark", -1)),
                last_year_ytd=cells.get(f["last_year_ytd"]) if "last_year_ytd" in f else last_ytd,
                values=tuple(values),
                extra=extra,
                comments=comments,
                owner=text(cells.get(f.get("owner", -1))) or owner,
                sheet=table.sheet,
                stated_status=_stated(row, f.get("stated_status", -1)),
                stated_direction=_stated(row, f.get("stated_direction", -1)),
                stated_ytd=_stated(row, f["stated_ytd"])
                if "stated_ytd" in f
                else (_stated(row, s.ytd) if s.ytd is not None else None),
                stated_ytd_through=s.ytd_through,
                parent=parent,
                part=part,
                columns=tuple(sorted(s.grid.values())) if len(s.grid) < n_grid else None,
            )
        )
    return out
