"""Finding KPI tables in a sheet's cells: header rows, title and section rows, second lines
and sub-measures, as councils lay their trackers out.

A sheet arrives as :class:`SheetData`: its cell values by row (``rows[0]`` is sheet row 1),
the unit each number's format gives ("%", "£", "days"…) and its merged ranges. A merged
cell's value holds for every row it spans (004's STP29 parent and its P1..P4 rows share one
Polarity, Target and Tolerance cell).

>>> s = SheetData("KPIs", [["Ref", "Indicator", "Target", "Apr-24"], ["X1", "Calls", 0.9, 0.95]],
...               units={(1, 2): "%", (1, 3): "%"})
>>> t = scan_sheet(s, Headings(None, 4))[0]
>>> [r.cells[3] for r in t.rows]
[Value(value=0.95, numerator=None, denominator=None, missing=None, percent=True, unit='%', note='')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace

from .errors import KpixlError
from .headings import Heading, HeadingKind, Headings, Role, display, heading_key
from .periods import Period, fy_label
from .values import Value, read_cell, read_value

Cell = object
Rows = Sequence[Sequence[Cell]]

_SUB_VALUE = ("value", "actual", "actuals", "outturn", "performance", "result", "figure", "data")
_SUB_TARGET = ("target", "targets")
_LEAD_REF_RE = re.compile(
    r"^\s*([A-Z]{1,6}\s?\d{1,4}[A-Za-z]?(?:\s*\((?:[A-Z]{1,5}\s?\d{0,4}[a-z]?)\))?)\s+(\S.*)$",
    re.S,
)
_OWNER_RE = re.compile(r"\s*\bOwner\s*:\s*(.+)$", re.I | re.S)
_OUT_OF_RE = re.compile(r"^\s*[\d,.]+\s*out (?:of)?\s*[\d,.]+\s*$", re.I)
_DOC_TITLE_RE = re.compile(
    r"\d\d\s*[/\-–]\s*\d\d|\b(?:19|20)\d\d\b|:|\b(?:report|tracker|performance|indicators?|"
    r"kpis?|dashboard|scorecard|plan|appendix|annex)\b",
    re.I,
)
_REF_LIKE_RE = re.compile(r"^[A-Za-z]{0,6}\s?\d+[a-z]?$")
_PART_RE = re.compile(r"^\s*([A-Z]{1,3}\d{1,2})\b")
REF_RE = re.compile(r"^[A-Z]{1,6}\s?\d{1,4}[a-z]?(?:\s*\([A-Za-z0-9 ]{1,12}\))?$")


def is_ref(v: object) -> bool:
    """A cell that reads as an indicator's reference ("STP15", "KI 11 (A)").

    >>> is_ref(" STP15 "), is_ref("KI 11 (A)"), is_ref("Total"), is_ref(15)
    (True, True, False, False)
    """
    return isinstance(v, str) and bool(REF_RE.match(v.strip()))


@dataclass(frozen=True)
class SheetData:
    """One sheet as a reader gives it: values by row, number-format units by (row, column),
    merged ranges as (first row, first column, last row, last column), 0-based."""

    name: str
    rows: Rows
    units: Mapping[tuple[int, int], str] = field(default_factory=dict)
    merges: Sequence[tuple[int, int, int, int]] = ()
    hidden: bool = False
    # cells holding kpixl's own KPI_* formulas: their cached values are kpixl's ratings of
    # one cell, not statuses the council stated
    formulas: frozenset[tuple[int, int]] = frozenset()


def fill_merges(
    rows: Rows, merges: Sequence[tuple[int, int, int, int]]
) -> tuple[list[list[Cell]], set[tuple[int, int]]]:
    """The rows with each vertically merged value copied into every row it spans (its first
    column only: a title merged across columns stays one cell); and the cells filled.

    >>> fill_merges([["a", 1], [None, 2]], [(0, 0, 1, 0)])
    ([['a', 1], ['a', 2]], {(1, 0)})
    """
    out = [list(r) for r in rows]
    filled: set[tuple[int, int]] = set()
    for r1, c1, r2, _c2 in merges:
        if r2 <= r1 or r1 >= len(out):
            continue
        top = out[r1][c1] if c1 < len(out[r1]) else None
        if top is None:
            continue
        for r in range(r1 + 1, min(r2, len(out) - 1) + 1):
            row = out[r]
            if c1 >= len(row):
                row.extend([None] * (c1 + 1 - len(row)))
            if row[c1] is None:
                row[c1] = top
                filled.add((r, c1))
    return out, filled


@dataclass
class Row:
    """A data row of a table, with the cells of its mapped columns."""

    row: int  # sheet row (1-based)
    cells: dict[int, Cell]  # column -> value as read (a Value where a format gave a unit)
    service: str
    extra_name: list[str] = field(default_factory=list)
    extra_comments: list[str] = field(default_factory=list)
    merged: set[int] = field(default_factory=set)  # columns filled from a merge above
    formulas: set[int] = field(default_factory=set)  # columns holding kpixl's own formulas
    loose: dict[int, Cell] = field(default_factory=dict)  # cells under no heading


@dataclass
class Table:
    sheet: str
    header_row: int
    headings: dict[int, Heading]
    labels: dict[int, str]  # column -> header text as shown
    directorate: str
    rows: list[Row] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    fields: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        """Work out the field columns and the kinds of columns from ``headings``."""
        self.fields = {}
        self.first_col = min(self.labels) if self.labels else 0
        for col in sorted(self.headings):
            h = self.headings[col]
            if h.kind is HeadingKind.FIELD:
                if h.field in self.fields:
                    self.unmapped.append(self.labels[col])  # a second "Target" column
                else:
                    self.fields[h.field] = col
        for col, label in sorted(self.labels.items()):
            if col not in self.headings:
                self.unmapped.append(label)
        self.unmapped = list(dict.fromkeys(self.unmapped))
        self.value_cols = {
            c for c, h in self.headings.items() if h.is_value or h.kind is HeadingKind.YTD
        }
        self.data_cols = self.value_cols | {
            c for c, h in self.headings.items() if h.kind is HeadingKind.PERIOD
        }
        self.text_cols = {self.fields["name"], self.fields.get("comments", -1)}
        self.other_cols = {
            c
            for f, c in self.fields.items()
            if f not in ("ref", "name", "comments", "committee", "directorate", "service")
        }

    def shape(self) -> tuple[tuple[str, str], ...]:
        """The kinds of the headings, left to right: a repeated header has the same."""
        return tuple(
            (h.kind.value, h.field or (h.period.kind if h.period else ""))
            for _, h in sorted(self.headings.items())
        )


def blank(v: Cell) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def text(v: Cell) -> str:
    if v is None:
        return ""
    if isinstance(v, Value):
        return "" if v.value is None else f"{v.value:g}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dt.datetime, dt.date)):
        return v.strftime("%Y-%m-%d")
    return str(v).strip()


def _subheader(row: Sequence[Cell], table: Table) -> bool:
    """Read a second header row (Value | Target under each period); True if it was one."""
    spans: list[tuple[int, int]] = []
    starts = sorted(table.labels)
    for i, col in enumerate(starts):
        h = table.headings.get(col)
        if h is not None and h.kind is HeadingKind.PERIOD:
            end = starts[i + 1] if i + 1 < len(starts) else max(col + 2, len(row))
            spans.append((col, end))
    if not spans:
        return False
    roles: dict[int, tuple[Period, str, str]] = {}
    for start, end in spans:
        period = table.headings[start].period
        assert period is not None
        for col in range(start, min(end, len(row))):
            cell = row[col]
            if not isinstance(cell, str):
                continue
            key = heading_key(cell)
            if key in _SUB_VALUE:
                roles[col] = (period, "value", cell)
            elif key in _SUB_TARGET:
                roles[col] = (period, "target", cell)
            elif key in ("rag", "status", "dot", "direction", "trend", "comments"):
                roles[col] = (period, "other", cell)
    if not any(r == "value" for _, r, _ in roles.values()):
        return False
    others = [c for c, v in enumerate(row) if not blank(v) and c not in roles]
    if any(c in table.fields.values() for c in others):
        return False  # a data row, not sub-headings
    for start, _ in spans:
        del table.headings[start]
    for col, (period, role, cell) in roles.items():
        label = table.labels.get(col) or next(table.labels[s] for s, e in spans if s <= col < e)
        if role == "other":
            table.unmapped.append(f"{label} {display(cell)}")
            continue
        table.headings[col] = Heading(
            HeadingKind.PERIOD, period=period, role=Role.VALUE if role == "value" else Role.TARGET
        )
        table.labels[col] = label
    table.index()
    return True


def _lone_text(row: Sequence[Cell]) -> tuple[list[int], str] | None:
    """The non-empty columns and first text of a row with one or two cells of text."""
    cols = [c for c, v in enumerate(row) if not blank(v)]
    if not 1 <= len(cols) <= 2:
        return None
    first = row[cols[0]]
    if not isinstance(first, str):
        return None
    return cols, " ".join(first.split())


def _title_rows(rows: Rows, header: int, stop: int, text_cols: set[int]) -> tuple[set[int], str]:
    """The rows just above a header that title its table, and the directorate they give.

    Only the nearest title row can name the directorate, and not when it names the document
    ("Key Performance Indicators – Service Plan 2024-28", "Reporting period: Mar-25").
    ``text_cols`` are the name and comment columns when the name is not the first column: a
    lone text there is the last indicator's second line, not a title.
    """
    used: set[int] = set()
    directorate = ""
    nearest = True
    r = header - 1
    while r >= stop and header - r <= 6:
        row = rows[r]
        if all(blank(v) for v in row):
            used.add(r)
            r -= 1
            continue
        lone = _lone_text(row)
        if lone is None or set(lone[0]) <= text_cols:
            break
        used.add(r)
        if nearest and not _DOC_TITLE_RE.search(lone[1]):
            directorate = lone[1]
        nearest = False
        r -= 1
    return used, directorate


def _typed(sheet: SheetData, rows: list[list[Cell]]) -> None:
    """Numbers whose format gives a unit become Values carrying it (Excel's 90.2% is 0.902
    in a % format), in place."""
    for (r, c), unit in sheet.units.items():
        if r < len(rows) and c < len(rows[r]):
            v = rows[r][c]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                with suppress(KpixlError):  # an unreadable figure stays as written
                    rows[r][c] = read_cell(v, unit)


def scan_sheet(sheet: SheetData, kinds: Headings) -> list[Table]:
    """Every KPI table on one sheet, with its rows still raw."""
    rows, filled = fill_merges(sheet.rows, sheet.merges)
    if sheet.units:
        _typed(sheet, rows)
    headers: dict[int, dict[int, Heading]] = {}
    for r, row in enumerate(rows):
        found = kinds.header(row)
        if found is not None:
            headers[r] = found
    if not headers:
        return []
    headers = _real_headers(rows, headers)
    tables: list[Table] = []
    order = sorted(headers)
    title_of: dict[int, set[int]] = {}
    directorate_of: dict[int, str] = {}
    previous_end = 0
    for h in order:
        row = rows[h]
        labels = {c: display(v) for c, v in enumerate(row) if not blank(v)}
        name_col = next(
            c for c, x in headers[h].items() if x.kind is HeadingKind.FIELD and x.field == "name"
        )
        comment_col = next(
            (
                c
                for c, x in headers[h].items()
                if x.kind is HeadingKind.FIELD and x.field == "comments"
            ),
            -1,
        )
        text_cols = {name_col, comment_col} if name_col != min(labels) else set()
        used, directorate = _title_rows(rows, h, previous_end, text_cols)
        title_of[h] = used
        directorate_of[h] = directorate
        previous_end = h + 1
    skip: set[int] = set()
    for h in order:
        skip |= title_of[h]
    filled_by_row = _by_row(filled)
    formulas_by_row = _by_row(sheet.formulas)
    table: Table | None = None
    directorate = ""
    service = ""
    r = 0
    while r < len(rows):
        row = rows[r]
        if r in headers:
            if directorate_of[r]:
                directorate = directorate_of[r]
                service = ""
            table = Table(
                sheet=sheet.name,
                header_row=r + 1,
                headings=_year_above(rows, r, headers[r]),
                labels={c: display(v) for c, v in enumerate(row) if not blank(v)},
                directorate=directorate,
            )
            tables.append(table)
            if r + 1 < len(rows) and r + 1 not in headers and _subheader(rows[r + 1], table):
                r += 1
            r += 1
            continue
        if table is None or r in skip:
            r += 1
            continue
        before = len(table.rows)
        service = _data_row(table, r, row, service, filled_by_row.get(r, set()))
        if len(table.rows) > before and r in formulas_by_row:
            table.rows[-1].formulas = formulas_by_row[r]
        r += 1
    return tables


def _by_row(cells: set[tuple[int, int]] | frozenset[tuple[int, int]]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for r, c in cells:
        out.setdefault(r, set()).add(c)
    return out


def _real_headers(
    rows: Rows, headers: dict[int, dict[int, Heading]]
) -> dict[int, dict[int, Heading]]:
    """Header rows, without the data rows that look like one (002: a Type column holding
    "KPI", a measure "… - profiled target", a target "Q1 – 2.86 …"). A header row follows a
    blank or title row, or repeats the table's first header; one straight under data rows
    that does not is data."""
    out: dict[int, dict[int, Heading]] = {}
    first: dict[int, Heading] | None = None
    for r in sorted(headers):
        found = headers[r]
        above = rows[r - 1] if r > 0 else []
        after_gap = r == 0 or all(blank(v) for v in above) or _lone_text(above) is not None
        starts = first is None or after_gap or (r - 1) in out
        same = first is not None and _same_shape(first, found)
        if starts or same:
            out[r] = found
            if first is None or (after_gap and not same):
                first = found
    return out


def _same_shape(a: dict[int, Heading], b: dict[int, Heading]) -> bool:
    def shape(h: dict[int, Heading]) -> list[tuple[int, str, str]]:
        return [(c, x.kind.value, x.field) for c, x in sorted(h.items())]

    return shape(a) == shape(b)


def _year_above(rows: Rows, r: int, headings: dict[int, Heading]) -> dict[int, Heading]:
    """Periods headed "Apr", "May"… under a row that names the year ("2024/25") take it."""
    out = dict(headings)
    if r == 0 or not any(
        h.kind is HeadingKind.PERIOD and h.period and not h.period.year for h in out.values()
    ):
        return out
    years = {_norm_fy(c) for c in rows[r - 1] if isinstance(c, str) and len(c) <= 40}
    years.discard(None)
    if len(years) != 1:
        return out  # no year, or several: leave the periods to the tracker's year
    fy = years.pop()
    for c, h in out.items():
        if h.kind is HeadingKind.PERIOD and h.period and not h.period.year:
            out[c] = replace(h, period=h.period.with_year(fy))
    return out


def _norm_fy(value: object) -> str | None:
    if value is None:
        return None
    m = re.search(r"(20\d\d|\d\d)\s*[/\-–]\s*(\d\d(?:\d\d)?)\b", str(value))
    if not m:
        return None
    return fy_label(int(m[1]) + (2000 if len(m[1]) == 2 else 0))


def _data_row(table: Table, r: int, row: Sequence[Cell], service: str, merged: set[int]) -> str:
    """Add one row under ``table``: an indicator, a continuation or a section; returns the
    service in force after it."""
    nonempty = [c for c, v in enumerate(row) if not blank(v)]
    if not nonempty:
        return service
    f = table.fields
    own = [c for c in nonempty if c not in merged]
    ref = text(row[f["ref"]]) if "ref" in f and f["ref"] < len(row) else ""
    if "ref" not in f:  # a reference under no heading (004's Finance table)
        ref = next(
            (
                text(row[c])
                for c in own
                if c not in table.headings and c not in table.labels and is_ref(row[c])
            ),
            "",
        )
    name = text(row[f["name"]]) if f["name"] < len(row) else ""
    has_data = any(c in table.data_cols for c in own)
    has_other = any(c in table.other_cols for c in own)
    last = table.rows[-1] if table.rows else None
    if len(own) <= 2 and not has_data and not has_other and not merged:
        text_only = set(nonempty) <= table.text_cols
        first_is_name = f["name"] == table.first_col
        first = text(row[nonempty[0]])
        if last is not None and text_only and (not first_is_name or first[:1].islower()):
            _continue(table, last, row, nonempty)
            return service
        if not _REF_LIKE_RE.match(first) and not first[:1].islower():
            return " ".join(first.split())  # a section heading: "Growth & Regeneration"
        if last is not None:
            _continue(table, last, row, nonempty)
        return service
    ref_merged = "ref" in f and f["ref"] in merged
    if last is not None and has_data and not has_other and (not ref or ref_merged):
        counts = [row[c] for c in own if c in table.data_cols]
        if all(isinstance(v, str) and _OUT_OF_RE.match(v) for v in counts) and not part_label(name):
            _continue(table, last, row, own)  # NNC's "92 out of 99" line under the values
            return service
    name_own = bool(name) and f["name"] not in merged
    if merged and last is not None and not name_own and ("ref" not in f or ref_merged or not ref):
        # a second line of a row whose cells are merged over both (004's MPS05: the £
        # collected under the percentage): part of the row above
        _continue(table, last, row, own)
        return service
    if ref or (name and (has_data or has_other)):
        cells = {c: row[c] for c in nonempty if c in table.headings}
        loose = {c: row[c] for c in nonempty if c not in table.headings and c not in table.labels}
        table.rows.append(Row(r + 1, cells, service, merged=merged & set(cells), loose=loose))
        return service
    if last is not None:
        _continue(table, last, row, nonempty)
    return service


def _continue(table: Table, last: Row, row: Sequence[Cell], nonempty: list[int]) -> None:
    """Merge a continuation row into the indicator above it."""
    name_col = table.fields["name"]
    comment_col = table.fields.get("comments", -1)
    for c in nonempty:
        v = row[c]
        if c == name_col:
            last.extra_name.append(text(v))
        elif c == comment_col:
            last.extra_comments.append(text(v))
        elif c in table.value_cols:
            above = last.cells.get(c)
            last.cells[c] = combine(above, v)
        elif c in table.headings and blank(last.cells.get(c)):
            last.cells[c] = v  # a field the indicator row left blank


def combine(above: Cell, below: Cell) -> Cell:
    """A value and the "92 out of 99" line under it, as one cell text kpixl reads.

    >>> combine(0.9293, "92 out of 99"), combine("75%", "3 out of 4")
    ('92.93% (92 out of 99)', '75% (3 out of 4)')
    >>> combine(Value(0.9293, percent=True, unit="%"), "92 out of 99").numerator
    92.0
    """
    if blank(above):
        return below
    if not (isinstance(below, str) and _OUT_OF_RE.match(below)):
        return above
    counts = " ".join(below.split())
    try:
        pair = read_value(counts)
    except KpixlError:
        return above
    if isinstance(above, Value):
        return replace(above, numerator=pair.numerator, denominator=pair.denominator)
    if isinstance(above, (int, float)) and not isinstance(above, bool):
        share = pair.value
        if share is not None and abs(float(above) - share) <= 0.006:
            return f"{float(above) * 100:.10g}% ({counts})"  # Excel's 92.93% arrives as 0.9293
        return f"{float(above):.10g} ({counts})"
    return f"{text(above)} ({counts})"


def split_name(name: str, split_ref: bool) -> tuple[str, str, str]:
    """Ref, name and owner from an indicator cell such as Charnwood's
    "KI 3 % of food establishments… Owner: Head of Regulatory and Community Safety".

    >>> split_name("KI 3 % of food premises.\\n\\nOwner: Head of Regulatory", True)
    ('KI 3', '% of food premises.', 'Head of Regulatory')
    """
    owner = ""
    m = _OWNER_RE.search(name)
    if m:
        owner = " ".join(m[1].split())
        name = name[: m.start()]
    ref = ""
    if split_ref:
        m = _LEAD_REF_RE.match(name)
        if m:
            ref, name = m[1], m[2]
    return ref, " ".join(name.split()), owner


def leading_ref(name: str) -> bool:
    return bool(_LEAD_REF_RE.match(name))


def part_label(name: str) -> str:
    """A sub-measure's label from its name: "P1 (Target response time…)" is P1.

    >>> part_label("P2 (Target response time within 7 days)")
    'P2'
    """
    m = _PART_RE.match(name)
    return m[1] if m else ""
