"""Tables as performance systems, warehouses and open-data portals export them, read into
the same :class:`~kpixl.core.model.Tracker` as a council's own tracker, so that rating,
checking and the pack work unchanged.

Three shapes besides a tracker (``wide``: one row per indicator, one column per period):

* ``long``: one row per indicator (or organisation and indicator) per period, the period
  in a cell (NHS England's ``dimension_name`` = ``Nov-24``, the LGBF's ``Year`` =
  ``2010-11``), pivoted by period;
* ``wide_periods``: periods as rows, one column per measure (Trafford's prompt payment);
* ``organisations``: organisations as rows, one column per measure, one period (the
  housing regulator's Tenant Satisfaction Measures).

The shape is detected from the headings and the data, or stated in kpixl.toml::

    [table]
    shape = "long"
    key = ["org_code", "planning_ref"]   # the column(s) naming an indicator
    period = "dimension_name"            # where the period column's heading is unknown

Where several organisations share a measure, ``[benchmark] organisation = "Glasgow City"``
reads that organisation's indicators and places it among the others (its rank and quartile,
:mod:`kpixl.core.benchmark`); ``[table] key`` with the organisation column reads every
organisation's rows instead.

>>> t = tracker_from_table(SheetData("nhs", [
...     ["org_code", "planning_ref", "dimension_name", "latest_position", "goal",
...      "directionality", "rag_status"],
...     ["R1F", "E.B.27", "Oct-24", 66.8, 77, "over", "R"],
...     ["RYE", "E.B.27", "Oct-24", 77.9, 77, "over", "G"],
... ]), TableSpec(key=("org_code", "planning_ref")))
>>> [(i.directorate, i.ref, i.values) for i in t.indicators]
[('R1F', 'E.B.27', (66.8,)), ('RYE', 'E.B.27', (77.9,))]
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from .benchmark import Comparison, Peers
from .errors import BadConfig, NoTableFound
from .headings import HeadingKind, Headings, display, heading_key
from .model import Indicator, Tracker
from .periods import Period, parse_period
from .scan import SheetData, blank, text
from .scheme import Settings, get_settings
from .values import is_missing_text
from .vocabulary import (
    AVERAGE_EXCLUDE_WORDS,
    AVERAGE_WORDS,
    GROUP_HEADINGS,
    SHAPE_WORDS,
    words,
)

SHAPES = ("wide", "long", "wide_periods", "organisations")
NO_TARGET = "No target"  # a table with no target column: every row is tracking
HEADER_ROWS = 40  # a header is looked for in the first rows only
SAMPLE_ROWS = 200  # rows sampled to tell a period column or a column of figures
MANY_ROWS = 1_000  # a "tracker" of this many one-value rows is a long table misread

_CODE_RE = re.compile(r"\(([A-Z]{1,5}\d{1,3}[a-z]?)\)\s*\d{0,2}\s*$")
_FOOTNOTE_RE = re.compile(r"(?<=[a-z\)])\d{1,2}(?:,\d{1,2})*$")


@dataclass(frozen=True)
class TableSpec:
    """How to read a table, from kpixl.toml's [table] and [benchmark] (all optional)."""

    shape: str = ""  # "" : detect
    key: tuple[str, ...] = ()
    period: str = ""  # a period column's heading, or the period of one-period data
    organisation: str = ""  # the organisation whose indicators are read
    sheet: str = ""
    averages: tuple[tuple[str, str], ...] = ()  # (label, heading) comparator columns
    benchmark: bool = False  # place the organisation among the others

    @property
    def given(self) -> bool:
        return bool(self.shape or self.key or self.period or self.organisation or self.sheet)


def table_spec(
    table: Mapping[str, object], benchmark: Mapping[str, object], where: str = "kpixl.toml"
) -> TableSpec:
    """The [table] and [benchmark] settings, checked; BadConfig says how to write them.

    >>> table_spec({"shape": "Long", "key": "Code"}, {"organisation": "Glasgow City"})
    ... # doctest: +NORMALIZE_WHITESPACE
    TableSpec(shape='long', key=('Code',), period='', organisation='Glasgow City', sheet='',
              averages=(), benchmark=True)
    """
    shape = ""
    if table.get("shape") not in (None, ""):
        shape = SHAPE_WORDS.get(words(str(table["shape"])).replace("-", " "), "")
        if not shape:
            raise BadConfig(
                f'{where}, [table] shape: cannot read "{table["shape"]}"; write one of: '
                + ", ".join(SHAPES)
            )
    key = table.get("key", ())
    if isinstance(key, str):
        key = (key,)
    if not isinstance(key, (list, tuple)) or not all(isinstance(k, str) for k in key):
        raise BadConfig(f'{where}, [table] key: write a heading or a list, e.g. key = ["Code"]')
    averages = benchmark.get("averages", {})
    if not isinstance(averages, Mapping):
        raise BadConfig(
            f"{where}, [benchmark] averages: write a table, e.g. "
            'averages = { Scotland = "Scotland_Indicator_Real" }'
        )
    own = str(table.get("organisation") or "").strip()
    named = str(benchmark.get("organisation") or "").strip()
    in_file = bool(benchmark.get("file"))
    return TableSpec(
        shape=shape,
        key=tuple(str(k) for k in key),
        period=str(table.get("period") or benchmark.get("period") or "").strip(),
        organisation=own or ("" if in_file else named),
        sheet=str(table.get("sheet") or "").strip(),
        averages=tuple((str(k), str(v)) for k, v in averages.items()),
        benchmark=bool(named) and not in_file,
    )


# --- the header and what each column holds -----------------------------------------------


@dataclass
class Columns:
    """A table's header row and what kpixl made of each heading."""

    sheet: SheetData
    header: int  # row index (0-based) of the header
    labels: dict[int, str]  # column -> heading as shown
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> its columns
    period_headings: int = 0  # headings that are periods (Apr-24): a tracker's grid

    def first(self, name: str) -> int | None:
        cols = self.fields.get(name)
        return cols[0] if cols else None

    def rows(self) -> Sequence[Sequence[object]]:
        return self.sheet.rows[self.header + 1 :]

    def column(self, label: str) -> int | None:
        """The column headed ``label`` (as compared: case, spaces and underscores aside)."""
        key = heading_key(label)
        for c, text_ in self.labels.items():
            if heading_key(text_) == key:
                return c
        return None

    def sample(self, col: int) -> list[object]:
        out = []
        for row in self.rows()[:SAMPLE_ROWS]:
            if col < len(row) and not blank(row[col]):
                out.append(row[col])
        return out


def find_header(sheet: SheetData, kinds: Headings) -> Columns | None:
    """The likeliest header row among the first rows: the one with the most headings kpixl
    knows, then the most text; a row holding figures is data."""
    best: tuple[int, Columns] | None = None
    for r, row in enumerate(sheet.rows[:HEADER_ROWS]):
        texts = [(c, v) for c, v in enumerate(row) if isinstance(v, str) and v.strip()]
        if len(texts) < 2:
            continue
        if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in row):
            continue
        cols = Columns(sheet, r, {c: display(v) for c, v in texts})
        known = 0
        for c, v in texts:
            h = kinds.classify(v)
            if h is None:
                continue
            known += 1
            if h.kind is HeadingKind.FIELD:
                cols.fields.setdefault(h.field, []).append(c)
            elif h.kind is HeadingKind.PERIOD:
                cols.period_headings += 1
        score = known * 3 + len(texts)
        if known and (best is None or score > best[0]):
            best = (score, cols)
    return best[1] if best else None


def _period_of(cell: object, fy_start: int, cache: dict[object, Period | None]) -> Period | None:
    try:
        return cache[cell]
    except KeyError:
        pass
    except TypeError:  # an unhashable cell
        return None
    p = parse_period(cell.strip() if isinstance(cell, str) else cell, fy_start)
    cache[cell] = p
    return p


def _period_share(cols: Columns, col: int, fy_start: int) -> float:
    cells = cols.sample(col)
    if not cells:
        return 0.0
    cache: dict[object, Period | None] = {}
    return sum(1 for c in cells if _period_of(c, fy_start, cache) is not None) / len(cells)


def _figures_share(cols: Columns, col: int) -> float:
    """The share of a column's cells that are figures (missing markers such as [X] left out)."""
    cells = [c for c in cols.sample(col) if not (isinstance(c, str) and is_missing_text(c))]
    if not cells:
        return 0.0
    return sum(1 for c in cells if _number(c) is not None) / len(cells)


def _number(cell: object) -> float | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        return float(cell) if cell == cell else None  # NaN is no figure
    if hasattr(cell, "value") and isinstance(getattr(cell, "value", None), (int, float)):
        return float(cell.value)
    if isinstance(cell, str):
        try:
            x = float(cell.replace(",", ""))
        except ValueError:
            return None
        return x if x == x and abs(x) != float("inf") else None
    return None


def _period_column(cols: Columns, spec: TableSpec, fy_start: int) -> int | None:
    """The column of periods: the one [table] period names, else the period-headed column
    whose cells are periods (of several, the one with most distinct periods)."""
    if spec.period:
        c = cols.column(spec.period)
        if c is not None:
            return c
    best: tuple[int, int] | None = None
    for c in cols.fields.get("period", []):
        if _period_share(cols, c, fy_start) < 0.8:
            continue
        distinct = len({str(v) for v in cols.sample(c)})
        if best is None or distinct > best[0]:
            best = (distinct, c)
    return best[1] if best else None


def _measure_columns(cols: Columns, exclude: set[int]) -> list[int]:
    """Columns of figures under headings kpixl does not otherwise use."""
    used = {c for cs in cols.fields.values() for c in cs} | exclude
    return [c for c in sorted(cols.labels) if c not in used and _figures_share(cols, c) >= 0.5]


def detect(cols: Columns, spec: TableSpec, fy_start: int) -> str:
    """The table's shape: the one kpixl.toml states, else read from the headings and the
    data; "wide" (a tracker) when it is none of the others."""
    if spec.shape:
        return spec.shape
    if cols.period_headings:
        return "wide"  # Apr-24, Q1 2024/25 as headings: a tracker's own grid
    pc = _period_column(cols, spec, fy_start)
    if pc is not None:
        if cols.first("ref") is not None or cols.first("name") is not None or spec.key:
            return "long"
        if _measure_columns(cols, {pc}):
            return "wide_periods"
    if (
        cols.first("organisation") is not None
        and cols.first("name") is None
        and _measure_columns(cols, set())
    ):
        return "organisations"
    return "wide"


def shape_of(
    sheets: Mapping[str, SheetData], kinds: Headings, spec: TableSpec, fy_start: int = 4
) -> tuple[str, Columns | None]:
    """The shape of the first sheet (or the one [table] sheet names) that is not a plain
    tracker, with its header; ("wide", None) when every sheet is one."""
    chosen = _chosen(sheets, spec)
    for sheet in chosen:
        cols = find_header(sheet, kinds)
        if cols is None:
            continue
        shape = detect(cols, spec, fy_start)
        if shape != "wide" and _fits(cols, shape, spec, fy_start):
            return shape, cols
    if spec.shape and spec.shape != "wide":
        return spec.shape, None
    return "wide", None


def _chosen(sheets: Mapping[str, SheetData], spec: TableSpec) -> list[SheetData]:
    if not spec.sheet:
        return [s for s in sheets.values() if not s.hidden]
    for name, s in sheets.items():
        if name.strip().lower() == spec.sheet.lower():
            return [s]
    raise NoTableFound(
        f'[table] sheet = "{spec.sheet}": no such sheet; the sheets are '
        + ", ".join(f'"{n}"' for n in sheets)
    )


def _fits(cols: Columns, shape: str, spec: TableSpec, fy_start: int) -> bool:
    """Whether a sheet has what a stated shape needs (its first such sheet is read)."""
    if shape == "long":
        return _period_column(cols, spec, fy_start) is not None
    if shape == "wide_periods":
        return _period_column(cols, spec, fy_start) is not None
    if shape == "organisations":
        return cols.first("organisation") is not None and bool(_measure_columns(cols, set()))
    return True


# --- reading each shape -------------------------------------------------------------------


def _clean(v: object) -> object:
    """A cell as a field: missing markers (NA, [X]) are no value."""
    if isinstance(v, str):
        s = v.strip()
        return None if not s or is_missing_text(s) else s
    return v


def _org_key(text_: str) -> str:
    return " ".join(words(text_).replace("&", "and").split())


def _organisations(cols: Columns) -> list[int]:
    return cols.fields.get("organisation", [])


def _matches(row: Sequence[object], org_cols: Sequence[int], wanted: str) -> bool:
    for c in org_cols:
        if c < len(row) and not blank(row[c]) and _org_key(text(row[c])) == wanted:
            return True
    return False


def _org_values(cols: Columns, col: int) -> list[str]:
    seen: dict[str, None] = {}
    for row in cols.rows():
        if col < len(row) and not blank(row[col]):
            seen.setdefault(text(row[col]), None)
    return list(seen)


def _no_organisation(cols: Columns, wanted: str, what: str) -> NoTableFound:
    names = [v for c in _organisations(cols) for v in _org_values(cols, c)]
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return NoTableFound(
        f'{cols.sheet.name}: no {what} "{wanted}" in its {len(names):,} organisation '
        f"names and codes.{hint}"
    )


def _name(heading: str) -> str:
    """A measure's name from its heading: underscores as spaces, footnote marks removed.

    >>> _name("proportion_paid_on_time"), _name("Total sample size achieved2,3")
    ('Proportion paid on time', 'Total sample size achieved')
    """
    s = " ".join(_FOOTNOTE_RE.sub("", heading.replace("_", " ")).split())
    return s[:1].upper() + s[1:]


def _averages(cols: Columns, spec: TableSpec, used: set[int]) -> list[tuple[str, int]]:
    """The comparator columns (Scotland, family group averages): the ones kpixl.toml names,
    else headings with an average's words and no count's."""
    out: list[tuple[str, int]] = []
    if spec.averages:
        for label, heading in spec.averages:
            c = cols.column(heading)
            if c is None:
                raise NoTableFound(
                    f'[benchmark] averages: no column headed "{heading}" in {cols.sheet.name}; '
                    "its headings: " + ", ".join(f'"{h}"' for h in cols.labels.values())
                )
            out.append((label, c))
        return out
    for c, label in sorted(cols.labels.items()):
        if c in used:
            continue
        key = heading_key(label)
        tokens = key.split()
        if any(w in tokens for w in AVERAGE_EXCLUDE_WORDS):
            continue
        for phrase, name in AVERAGE_WORDS:
            if re.search(rf"\b{re.escape(phrase)}\b", key) and _figures_share(cols, c) >= 0.5:
                out.append((name, c))
                break
    return out


def _group_column(cols: Columns) -> int | None:
    for c, label in cols.labels.items():
        if heading_key(label) in GROUP_HEADINGS:
            return c
    return None


@dataclass
class Pivot:
    """What a table's reading gives the tracker."""

    periods: list[Period]
    indicators: list[Indicator]
    unmapped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    organisation: str = ""


def _grid(found: Mapping[tuple[str | None, int, int], Period]) -> list[Period]:
    # a longer period ending with a shorter one goes first ("2021-23" before "2022-23")
    return sorted(found.values(), key=lambda p: (p.ordinal() or 0, -p.months))


def _pkey(p: Period) -> tuple[str | None, int, int]:
    return (p.year, p.start, p.months)


def read_long(cols: Columns, spec: TableSpec, settings: Settings) -> Pivot:
    """One row per indicator (or organisation and indicator) per period, pivoted."""
    fy_start = settings.fy_start_month
    name = cols.sheet.name
    pc = _period_column(cols, spec, fy_start)
    if pc is None:
        raise _needs(cols, "column of periods (Nov-24, 2023/24)", "period", "Period")
    actual = cols.first("actual")
    if actual is None:
        raise _needs(cols, "column of figures", "actual", "Value", exclude={pc})
    orgs = _organisations(cols)
    ids = [c for c in (cols.first("ref"), cols.first("name")) if c is not None]
    wanted = _org_key(spec.organisation) if spec.organisation else ""
    if spec.key:
        key_cols = []
        for named in spec.key:
            c = cols.column(named)
            if c is None:
                raise NoTableFound(
                    f'{name}: [table] key names "{named}", which is no heading of the table; its '
                    "headings: " + ", ".join(f'"{h}"' for h in cols.labels.values())
                )
            key_cols.append(c)
    else:
        if not ids:
            raise _needs(cols, "column naming each indicator", "ref", "Code", exclude={pc})
        key_cols = [ids[0]]
        if orgs and not wanted:
            many = [c for c in orgs if len(_org_values(cols, c)) > 1]
            if many:
                raise _many_organisations(cols, many[0], ids[0], pc)
    if wanted and not orgs:
        raise NoTableFound(
            f"{name}: [benchmark] organisation is given, but no column names organisations; "
            'map one in kpixl.toml: [columns] "Your heading" = "organisation"'
        )
    used = {pc, actual, *key_cols, *orgs}
    averages = _averages(cols, spec, used) if wanted else []
    group = _group_column(cols)
    measure_cols = [c for c in key_cols if c not in orgs]  # the measure, without the org
    cache: dict[object, Period | None] = {}
    found: dict[tuple[str | None, int, int], Period] = {}
    by_key: dict[tuple[str, ...], dict[tuple[str | None, int, int], tuple[int, Sequence]]] = {}
    peers: dict[tuple[tuple[str, ...], tuple[str | None, int, int]], list[float]] = {}
    unread: dict[str, int] = {}
    matched: dict[tuple[object, ...], bool] = {}
    duplicates = 0
    first_row = cols.header + 2  # 1-based sheet row of the first data row
    for i, row in enumerate(cols.rows()):
        if pc >= len(row) or blank(row[pc]):
            continue
        p = _period_of(row[pc], fy_start, cache)
        if p is None:
            shown = text(row[pc])
            if shown != cols.labels.get(pc):  # a repeated header is no data
                unread[shown] = unread.get(shown, 0) + 1
            continue
        pk = _pkey(p)
        if wanted:
            # organisation names repeat on every row: each distinct one is compared once
            org_cells = tuple(row[c] if c < len(row) else None for c in orgs)
            mine = matched.get(org_cells)
            if mine is None:
                mine = matched[org_cells] = _matches(row, orgs, wanted)
        else:
            mine = True
        if spec.benchmark and wanted:
            x = _number(row[actual]) if actual < len(row) else None
            if x is not None:
                peers.setdefault((_key(row, measure_cols), pk), []).append(x)
        if not mine:
            continue
        key = _key(row, key_cols)
        if not any(key):
            continue
        found.setdefault(pk, p)
        held = by_key.setdefault(key, {})
        if pk in held:
            duplicates += 1
            continue
        held[pk] = (first_row + i, row)
    if wanted and not by_key:
        raise _no_organisation(cols, spec.organisation, "organisation")
    # the grid: the periods of the commonest length (the LGBF's years); figures of other
    # lengths (its 2- and 3-year survey aggregates) keep their own periods beside it
    lengths = Counter((found[pk].kind, found[pk].months) for held in by_key.values() for pk in held)
    main = lengths.most_common(1)[0][0] if lengths else ("month", 1)
    grid = _grid({pk: p for pk, p in found.items() if (p.kind, p.months) == main})
    position = {_pkey(p): n for n, p in enumerate(grid)}
    out: list[Indicator] = []
    wanted_label = ""
    for k, held in by_key.items():
        latest_key = max(held, key=lambda pk: (found[pk].ordinal() or 0, -found[pk].months))
        row_no, latest = held[latest_key]
        values: list[object] = [None] * len(grid)
        extra: list[tuple[Period, object]] = []
        for pk, (_, row) in held.items():
            cell = row[actual] if actual < len(row) else None
            if pk in position:
                values[position[pk]] = cell
            else:
                extra.append((found[pk], cell))

        def pick(field_: str, latest: Sequence[object] = latest, held: dict = held) -> object:
            c = cols.first(field_)
            if c is None:
                return None
            v = _clean(latest[c]) if c < len(latest) else None
            if v is None:  # a static field left blank on the latest row: any row's
                for _, row in held.values():
                    v = _clean(row[c]) if c < len(row) else None
                    if v is not None:
                        break
            return v

        org_text = text(latest[orgs[0]]) if orgs and orgs[0] < len(latest) else ""
        wanted_label = wanted_label or org_text
        ref = " ".join(text(latest[c]) for c in measure_cols if c < len(latest)).strip()
        ref = ref or " ".join(k)
        comparison = None
        if spec.benchmark and wanted:
            comparison = _comparison(
                org_text,
                sorted((found[pk] for pk in held), key=lambda p: (p.ordinal() or 0, -p.months)),
                held,
                actual,
                averages,
                group,
                peers,
                _key(latest, measure_cols),
                name,
            )
        out.append(
            Indicator(
                row=row_no,
                ref=ref,
                name=text(pick("name")) or ref,
                directorate=org_text if orgs and not wanted and orgs[0] in key_cols else "",
                service=text(pick("service")),
                polarity=pick("polarity"),
                target=_clean(latest[cols.fields["target"][0]])
                if "target" in cols.fields and cols.fields["target"][0] < len(latest)
                else NO_TARGET,
                tolerance=pick("tolerance"),
                method=pick("method"),
                unit=pick("unit"),
                frequency=pick("frequency"),
                benchmark=comparison if comparison is not None else pick("benchmark"),
                values=tuple(values),
                extra=tuple(sorted(extra, key=lambda x: x[0].ordinal() or 0)),
                comments=text(_clean(latest[cols.fields["comments"][0]]))
                if "comments" in cols.fields and cols.fields["comments"][0] < len(latest)
                else "",
                owner=text(pick("owner")),
                sheet=name,
                stated_status=_clean(latest[cols.fields["stated_status"][0]])
                if "stated_status" in cols.fields and cols.fields["stated_status"][0] < len(latest)
                else None,
                columns=tuple(sorted(position[pk] for pk in held if pk in position)),
                latest_own=True,
            )
        )
    used_cols = used | {c for cs in cols.fields.values() for c in cs} | {c for _, c in averages}
    if group is not None:
        used_cols.add(group)
    notices = []
    if unread:
        sample = ", ".join(f'"{t}"' for t in list(unread)[:3])
        notices.append(
            f"{name}: {sum(unread.values()):,} rows with a period kpixl cannot read "
            f"({sample}) were left out."
        )
    if duplicates:
        notices.append(
            f"{name}: {duplicates:,} rows repeat an indicator and period already read; the "
            "first of each was kept."
        )
    return Pivot(
        grid,
        out,
        [lab for c, lab in sorted(cols.labels.items()) if c not in used_cols],
        notices,
        wanted_label if wanted else "",
    )


def _key(row: Sequence[object], cols: Sequence[int]) -> tuple[str, ...]:
    n = len(row)
    # most keys are text already (codes, names): only the rest go through text()
    return tuple(
        (v.strip() if type(v) is str else text(v)) if c < n and (v := row[c]) is not None else ""
        for c in cols
    )


def _comparison(
    org: str,
    periods: Sequence[Period],
    held: Mapping[tuple[str | None, int, int], tuple[int, Sequence[object]]],
    actual: int,
    averages: Sequence[tuple[str, int]],
    group: int | None,
    peers: Mapping[tuple[tuple[str, ...], tuple[str | None, int, int]], list[float]],
    measure: tuple[str, ...],
    source: str,
) -> Comparison:
    out: list[Peers] = []
    for p in periods:
        pk = _pkey(p)
        row = held[pk][1]
        mine = _number(row[actual]) if actual < len(row) else None
        given: list[tuple[str, float]] = []
        for label, c in averages:
            x = _number(row[c]) if c < len(row) else None
            if x is None:
                continue
            if label == "Family group" and group is not None and group < len(row):
                g = text(row[group])
                if g:
                    label = f"Family group {g}" if g[:1].isdigit() else f"Family group ({g})"
            given.append((label, x))
        values = tuple(peers.get((measure, pk), ()))
        out.append(Peers(p, mine, values, tuple(given)))
    return Comparison(org, tuple(out), source)


def read_wide_periods(cols: Columns, spec: TableSpec, settings: Settings) -> Pivot:
    """Periods as rows, a column per measure: each measure column is an indicator."""
    fy_start = settings.fy_start_month
    pc = _period_column(cols, spec, fy_start)
    if pc is None:
        raise _needs(cols, "column of periods (2017/18, Nov-24)", "period", "period")
    measures = _measure_columns(cols, {pc})
    if not measures:
        raise NoTableFound(
            f'{cols.sheet.name}: periods by row in "{cols.labels[pc]}", but no column of figures.'
        )
    cache: dict[object, Period | None] = {}
    rows: list[tuple[int, Period, Sequence[object]]] = []
    for i, row in enumerate(cols.rows()):
        p = _period_of(row[pc], fy_start, cache) if pc < len(row) and not blank(row[pc]) else None
        if p is not None:
            rows.append((cols.header + 2 + i, p, row))
    found = {_pkey(p): p for _, p, _ in rows}
    grid = _grid(found)
    position = {_pkey(p): n for n, p in enumerate(grid)}
    out = []
    for c in measures:
        values: list[object] = [None] * len(grid)
        for _, p, row in rows:
            values[position[_pkey(p)]] = row[c] if c < len(row) else None
        heading = cols.labels[c]
        out.append(
            Indicator(
                row=cols.header + 1,
                ref=heading,
                name=_name(heading),
                target=NO_TARGET,
                values=tuple(values),
                sheet=cols.sheet.name,
                latest_own=True,
            )
        )
    used = {pc, *measures}
    return Pivot(grid, out, [lab for c, lab in sorted(cols.labels.items()) if c not in used])


def read_organisations(cols: Columns, spec: TableSpec, settings: Settings) -> Pivot:
    """Organisations as rows, a measure per column, one period: the named organisation's
    row is its indicators, and every row places it among the others."""
    name = cols.sheet.name
    orgs = _organisations(cols)
    if not spec.organisation:
        examples = _org_values(cols, orgs[0])
        raise NoTableFound(
            f'{name}: {len(examples):,} organisations as rows ("{cols.labels[orgs[0]]}"), a '
            "measure in each column: say whose indicators to read, and they are placed among "
            "the others. Add to kpixl.toml:\n"
            f'    [benchmark]\n    organisation = "{examples[0] if examples else "Your council"}"'
        )
    if not spec.period:
        raise NoTableFound(
            f"{name}: organisations as rows with one period that the table does not name. "
            'Add to kpixl.toml, under [table] or [benchmark]: period = "2024/25"'
        )
    period = parse_period(spec.period, settings.fy_start_month)
    if period is None:
        raise BadConfig(f'period = "{spec.period}": not a period; write 2024/25, Q2 2024/25…')
    wanted = _org_key(spec.organisation)
    mine: tuple[int, Sequence[object]] | None = None
    for i, row in enumerate(cols.rows()):
        if _matches(row, orgs, wanted):
            mine = (cols.header + 2 + i, row)
            break
    if mine is None:
        raise _no_organisation(cols, spec.organisation, "organisation")
    row_no, own = mine
    by_code: dict[str, int] = {}
    for c in _measure_columns(cols, set()):
        m = _CODE_RE.search(cols.labels[c])
        if m and m[1] not in by_code:  # the first column of each code is the measure
            by_code[m[1]] = c
    measures = (
        list(by_code.items())
        if by_code
        else [(cols.labels[c], c) for c in _measure_columns(cols, set())]
    )
    out = []
    for code, c in measures:
        values = tuple(
            x for r in cols.rows() if (x := _number(r[c] if c < len(r) else None)) is not None
        )
        raw = own[c] if c < len(own) else None
        heading = cols.labels[c]
        label = _name(_CODE_RE.sub("", heading)) if by_code else _name(heading)
        out.append(
            Indicator(
                row=row_no,
                ref=code,
                name=label,
                target=NO_TARGET,
                values=(raw,),
                sheet=name,
                benchmark=Comparison(
                    text(own[orgs[0]]), (Peers(period, _number(raw), values),), name
                )
                if spec.benchmark or spec.organisation
                else None,
                latest_own=True,
            )
        )
    used = {*orgs, *(c for _, c in measures)}
    rest = [lab for c, lab in sorted(cols.labels.items()) if c not in used]
    if len(rest) > 12:  # a regulator's table of 130 columns: the first few are enough
        rest = [*rest[:12], f"and {len(rest) - 12} more"]
    return Pivot(
        [period],
        out,
        rest,
        [],
        text(own[orgs[0]]),
    )


# --- the messages when a table cannot be read ---------------------------------------------


def _needs(
    cols: Columns, what: str, field_: str, example: str, exclude: set[int] | None = None
) -> NoTableFound:
    """A long table missing one role: what kpixl found, and the kpixl.toml line to add,
    naming a likely heading."""
    seen = []
    for c, label in sorted(cols.labels.items()):
        f = next((f for f, cs in cols.fields.items() if c in cs), "")
        seen.append(f'"{label}"' + (f" = {f}" if f else ""))
    candidates = [
        c
        for c in sorted(cols.labels)
        if c not in (exclude or set()) and not any(c in cs for cs in cols.fields.values())
    ]
    if field_ == "actual":
        candidates = [c for c in candidates if _figures_share(cols, c) >= 0.5]
    elif field_ == "period":
        candidates = [c for c in candidates if _period_share(cols, c, 4) >= 0.5] or candidates
    guess = cols.labels[candidates[0]] if candidates else example
    return NoTableFound(
        f"{cols.sheet.name}: a long table (one row per indicator per period), but kpixl found "
        f"no {what}. Its headings, row {cols.header + 1}: " + ", ".join(seen[:20]) + ". "
        f'Add to kpixl.toml:\n    [columns]\n    "{guess}" = "{field_}"'
    )


def no_shape_found(
    sheets: Mapping[str, SheetData], kinds: Headings, spec: TableSpec, source: str = ""
) -> NoTableFound:
    """The exit-7 message when kpixl.toml states a shape no sheet has: each sheet's headings
    as kpixl read them, and the line that would say where the periods or organisations are."""
    needs = {
        "long": 'a column of periods (say which: [table] period = "Your heading")',
        "wide_periods": 'a column of periods (say which: [table] period = "Your heading")',
        "organisations": 'a column naming organisations ([columns] "Your heading" = '
        '"organisation") and columns of figures',
    }[spec.shape]
    lines = [
        f'[table] shape = "{spec.shape}", but no sheet{" of " + source if source else ""} '
        f"has {needs}."
    ]
    for sheet in _chosen(sheets, spec):
        cols = find_header(sheet, kinds)
        if cols is None:
            lines.append(f'Sheet "{sheet.name}": no row of headings kpixl knows.')
            continue
        seen = []
        for c, label in sorted(cols.labels.items())[:16]:
            f = next((f for f, cs in cols.fields.items() if c in cs), "")
            seen.append(f'"{label}"' + (f" = {f}" if f else ""))
        lines.append(f'Sheet "{sheet.name}", row {cols.header + 1}: ' + ", ".join(seen) + ".")
    return NoTableFound("\n".join(lines))


def _many_organisations(cols: Columns, org: int, ident: int, pc: int) -> NoTableFound:
    names = _org_values(cols, org)
    measures = _org_values(cols, ident)
    org_label, id_label = cols.labels[org], cols.labels[ident]
    return NoTableFound(
        f"{cols.sheet.name}: a long table of {len(cols.rows()):,} rows: {len(measures):,} "
        f'indicators ("{id_label}") for {len(names):,} organisations ("{org_label}"), '
        f'periods in "{cols.labels[pc]}". Say whose indicators to read (the others become '
        "benchmarks), or read every organisation's. Add to kpixl.toml either\n"
        f'    [benchmark]\n    organisation = "{names[0]}"\nor\n'
        f'    [table]\n    key = ["{org_label}", "{id_label}"]'
    )


def refuse_one_value_rows(
    indicators: Sequence[Indicator],
    n_periods: int,
    table: SheetData | None = None,
    header: int = 0,
    fy_start: int = 4,
    key: str = "Your code column",
) -> None:
    """Refuse a table read as thousands of "indicators" with a figure or none each, whose
    references repeat: it is a long table (one row per indicator per period), and reading
    it as a tracker would make a pack of thousands of empty rows (exit 7). The message
    names the table's own headings for the kpixl.toml lines to add."""
    n = len(indicators)
    if n < MANY_ROWS:
        return
    one = sum(1 for i in indicators if sum(not blank(v) for v in i.values) <= 1)
    ids = {(i.ref or i.name) for i in indicators}
    if one * 10 < n * 9 or (len(ids) * 2 > n and n_periods):
        return
    period, figures = "Your period column", "Your figures column"
    shown = ""
    if table is not None and header < len(table.rows):
        cols = Columns(
            table,
            header,
            {
                c: display(v)
                for c, v in enumerate(table.rows[header])
                if isinstance(v, str) and v.strip()
            },
        )
        shown = ", ".join(f'"{x}"' for x in list(cols.labels.values())[:14])
        periods = [c for c in cols.labels if _period_share(cols, c, fy_start) >= 0.8]
        numbers = [c for c in cols.labels if c not in periods and _figures_share(cols, c) >= 0.9]
        period = cols.labels[periods[0]] if periods else period
        figures = next((cols.labels[c] for c in numbers if cols.labels[c] != key), figures)
    raise NoTableFound(
        f"A table of {n:,} rows would be read as {n:,} indicators, {one:,} of them with one "
        f"figure or none, under {len(ids):,} names: it looks like a long table (one row per "
        "indicator per period, the period in a cell), not a tracker. "
        + (f"Its headings: {shown}. " if shown else "")
        + "Tell kpixl how to read it in kpixl.toml:\n"
        f'    [table]\n    shape = "long"\n    key = ["{key}"]\n    period = "{period}"\n'
        f'    [columns]\n    "{figures}" = "actual"'
    )


# --- a table into a Tracker ---------------------------------------------------------------

READERS = {
    "long": read_long,
    "wide_periods": read_wide_periods,
    "organisations": read_organisations,
}


def tracker_from_table(
    sheet: SheetData,
    spec: TableSpec | None = None,
    settings: Settings | None = None,
    *,
    kinds: Headings | None = None,
    shape: str = "",
    cols: Columns | None = None,
    source: str = "",
    notices: Sequence[str] = (),
) -> Tracker:
    """One sheet read as a long, periods-as-rows or organisations table into a Tracker."""
    spec = spec or TableSpec()
    s = settings if settings is not None else get_settings()
    kinds = kinds or Headings(None, s.fy_start_month)
    if cols is None:
        cols = find_header(sheet, kinds)
        if cols is None:
            raise NoTableFound(f"{sheet.name}: no row of headings in the first {HEADER_ROWS} rows.")
    shape = shape or detect(cols, spec, s.fy_start_month)
    if shape not in READERS:
        shape = "long"
    pivot = READERS[shape](cols, spec, s)
    fy = next((p.year for p in reversed(pivot.periods) if p.year), None)
    if fy is not None and s.financial_year != fy:
        s = replace(s, financial_year=fy)
    if pivot.organisation and not s.council:
        s = replace(s, council=pivot.organisation)
    unused = kinds.unused()
    said = [*notices, *pivot.notices]
    if unused:
        said.append(
            "kpixl.toml [columns] names headings that no table has: "
            + ", ".join(f'"{u}"' for u in unused)
        )
    return Tracker(
        periods=tuple(pivot.periods),
        indicators=pivot.indicators,
        settings=s,
        source=source,
        unmapped=tuple(pivot.unmapped),
        notices=tuple(said),
    )


def comparisons(
    sheets: Mapping[str, SheetData],
    spec: TableSpec,
    settings: Settings,
    kinds: Headings | None = None,
) -> dict[str, Comparison]:
    """A benchmark file's figures for one organisation, by indicator reference (lower
    case): what :func:`with_comparisons` joins to a tracker."""
    kinds = kinds or Headings(None, settings.fy_start_month)
    spec = replace(spec, benchmark=True)
    shape, cols = shape_of(sheets, kinds, spec, settings.fy_start_month)
    if cols is None or shape == "wide":
        names = ", ".join(f'"{n}"' for n in sheets)
        raise NoTableFound(
            f"[benchmark] file: no table of organisations found (sheets {names}); name its "
            'sheet ([benchmark] sheet = "…") and the organisation column ([columns] '
            '"Your heading" = "organisation").'
        )
    pivot = READERS[shape](cols, spec, settings)
    return {
        " ".join(i.ref.split()).lower(): i.benchmark
        for i in pivot.indicators
        if isinstance(i.benchmark, Comparison)
    }


def with_comparisons(tracker: Tracker, found: Mapping[str, Comparison], where: str) -> Tracker:
    """The tracker with each indicator's benchmarks from ``found``, joined by reference;
    an indicator's own Benchmark cell is kept."""
    joined = 0
    out = []
    for ind in tracker.indicators:
        c = found.get(" ".join(ind.ref.split()).lower())
        if c is not None and blank(ind.benchmark):
            ind = replace(ind, benchmark=c)
            joined += 1
        out.append(ind)
    note = f"Benchmarks from {where} for {joined} of {len(out)} indicators"
    if not joined and found:
        note += " (none of its codes, e.g. " + ", ".join(list(found)[:3]) + ", is a reference here)"
    return replace(tracker, indicators=out, notices=(*tracker.notices, note + "."))
