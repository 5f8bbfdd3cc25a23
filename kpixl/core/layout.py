"""Find the KPI tables in a council's own tracker and read them into a :class:`Tracker`.

Pure: the input is each sheet's cell VALUES as a list of rows (``rows[0]`` is sheet row 1),
exactly what openpyxl's ``iter_rows(values_only=True)`` or xlwings' ``.value`` give. The
openpyxl adapter (``kpixl.reader``) and the Excel ribbon button both call
:func:`tracker_from_sheets`; nothing here touches a file.

>>> t = tracker_from_sheets({"KPIs": [
...     ["Ref No.", "Indicator", "Polarity", "Target", "Apr-24", "May-24"],
...     ["AFL13", "Homelessness prevented", "Higher is better", "252 (21 per month)", 19, 23],
... ]})
>>> [p.label for p in t.periods], t.indicators[0].ref, t.indicators[0].values
(['Apr-24', 'May-24'], 'AFL13', (19, 23))

What it understands (the seed reports' layouts):

* header rows written as councils write them: a row is a header when it holds an indicator
  name column (KPI Description, Description of Performance Indicator, Indicator, Measure…) and
  at least two other known headings (Ref No., Target, Polarity, Tolerance, Apr-24, Q1 2024/25,
  Year to Date 2023-24, Status, Comments…). Case, spacing, line breaks, ``<u>`` markup and
  notes in brackets ("(since previous period)") do not matter. A header may repeat, and a
  sheet may hold several tables one below the other (not side by side).
* a two-row header where each period has Value and Target sub-columns (Charnwood): the
  per-period targets become a profile target.
* title rows (a lone "Place & Economy" above a header) give the table's directorate; rows that
  name the document rather than a directorate (they hold a year, a colon, or words such as
  report, tracker, performance, indicators) are skipped. Section rows inside a table ("Growth &
  Regeneration") give the service of the rows below. Continuation rows (a second line under an
  indicator: more name or comment text, or "92 out of 99" counts) are merged into it.
* the periods: the period columns of the latest financial year present (or
  ``settings.financial_year``). Monthly columns win over quarterly ones: in a monthly tracker a
  table with only quarter columns puts each quarter at its last month (Q1 at June), and a
  quarter column beside months (NNC's "Quarter 1 23-24") is reported in ``unmapped``, not used.
  Columns of the year before for the same periods fill ``Indicator.last_year``; any other
  earlier column ("Quarter 4 22-23" in a Q1 report) is reported in ``unmapped``.
* a sheet named ``kpixl.conf`` is settings, not data (see :func:`read_conf_sheet`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .errors import FileProblem, InputError, KpixlError
from .model import Indicator, Tracker
from .periods import MONTH_ABBR, MONTHS, Period, fy_label, is_ytd_header, parse_period
from .settings import Settings, get_settings
from .targets import Target, TargetKind
from .values import read_value

Cell = object
Rows = Sequence[Sequence[Cell]]

CONF_SHEETS = ("kpixl.conf", "_kpixl.conf")


class NoTableFound(FileProblem):
    """No sheet holds a KPI table header that kpixl recognises."""

    exit_code = 7


class BadConfig(FileProblem):
    """A kpixl.toml file or kpixl.conf sheet that kpixl cannot use."""

    exit_code = 8


# --- the headings councils write ----------------------------------------------------------

# Indicator fields a column can fill (Indicator's own attribute names).
FIELDS = (
    "ref",
    "name",
    "committee",
    "directorate",
    "service",
    "polarity",
    "target",
    "tolerance",
    "method",
    "unit",
    "frequency",
    "benchmark",
    "last_year_ytd",
    "stated_ytd",
    "stated_status",
    "stated_direction",
    "comments",
    "owner",
)
IGNORE = "ignore"

_ALIASES: dict[str, tuple[str, ...]] = {
    "ref": (
        "ref no",
        "ref",
        "ref number",
        "reference",
        "indicator no",
        "indicator number",
        "indicator ref",
        "pi ref",
        "pi no",
        "pi number",
        "kpi ref",
        "kpi no",
        "kpi number",
        "kpi id",
        "kpi code",
        "pi code",
        "measure ref",
        "measure id",
        "measure code",
    ),
    "name": (
        "kpi description",
        "description of performance indicator",
        "description of indicator",
        "indicator description",
        "measure name",
        "measure description",
        "indicator",
        "indicator name",
        "key performance indicator",
        "key performance indicators",
        "performance indicator",
        "performance measure",
        "measure",
        "kpi",
        "kpi name",
        "kpi title",
        "description",
    ),
    "polarity": ("polarity", "higher or lower is better", "good performance is"),
    "target": (
        "target",
        "annual target",
        "year end target",
        "yearly target",
        "target for the year",
        "full year target",
    ),
    "tolerance": ("tolerance", "amber tolerance", "tolerance threshold", "tolerances"),
    "benchmark": ("benchmark", "comparator", "benchmark data"),
    "stated_status": (
        "status",
        "rag",
        "rag status",
        "rag rating",
        "rating",
        "performance status",
        "current status",
    ),
    "stated_direction": ("direction of travel", "dot", "travel", "direction", "trend"),
    "comments": (
        "comments",
        "comment",
        "commentary",
        "update",
        "updates",
        "narrative",
        "notes",
        "officer commentary",
        "performance commentary",
        "progress update",
    ),
    "directorate": ("directorate",),
    "service": ("service", "service area"),
    "committee": ("committee", "scrutiny committee", "reporting committee"),
    "owner": ("owner", "kpi owner", "responsible officer", "lead officer", "accountable officer"),
    "method": ("ytd method", "method", "aggregation", "ytd calculation", "year to date method"),
    "unit": ("unit", "units", "unit of measure"),
    "frequency": ("frequency", "reporting frequency"),
}
_HEADINGS: dict[str, str] = {alias: f for f, names in _ALIASES.items() for alias in names}

# Names a `columns` mapping may use for a field, beyond the field names themselves.
_FIELD_WORDS: dict[str, str] = {
    **{f: f for f in FIELDS},
    "indicator": "name",
    "description": "name",
    "status": "stated_status",
    "rag": "stated_status",
    "direction": "stated_direction",
    "direction of travel": "stated_direction",
    "dot": "stated_direction",
    "ytd": "stated_ytd",
    "year to date": "stated_ytd",
    "last year ytd": "last_year_ytd",
    "ytd method": "method",
    "commentary": "comments",
    "comment": "comments",
    "ignore": IGNORE,
    "skip": IGNORE,
    "none": IGNORE,
}

_SUB_VALUE = ("value", "actual", "actuals", "outturn", "performance", "result", "figure", "data")
_SUB_TARGET = ("target", "targets")
_ROLE_WORDS = (
    ("target", re.compile(r"\btargets?\b")),
    ("status", re.compile(r"\b(?:status|rag|rating)\b")),
    ("comment", re.compile(r"\b(?:comments?|commentary|narrative|update)\b")),
    ("direction", re.compile(r"\b(?:direction|dot|travel|trend)\b")),
)

_TAG_RE = re.compile(r"<[^>]*>")
_PAREN_RE = re.compile(r"\([^)]*\)")
_PUNCT_RE = re.compile(r"[^a-z0-9/%£ ]+")
_FY_RE = re.compile(r"\b(?:fy\s*)?(?:20)?\d\d\s*[/\-–]\s*\d\d(?:\d\d)?\b|\b20\d\d\b")
_LEAD_REF_RE = re.compile(
    r"^\s*([A-Z]{1,6}\s?\d{1,4}[a-z]?(?:\s*\((?:[A-Z]{1,5}\s?\d{0,4}[a-z]?)\))?)\s+(\S.*)$",
    re.S,
)
_OWNER_RE = re.compile(r"\s*\bOwner\s*:\s*(.+)$", re.I | re.S)
_OUT_OF_RE = re.compile(r"^\s*[\d,.]+\s*out of\s*[\d,.]+\s*$", re.I)
_DOC_TITLE_RE = re.compile(
    r"\d\d\s*[/\-–]\s*\d\d|\b(?:19|20)\d\d\b|:|\b(?:report|tracker|performance|indicators?|"
    r"kpis?|dashboard|scorecard|plan|appendix|annex)\b",
    re.I,
)
_REF_LIKE_RE = re.compile(r"^[A-Za-z]{0,6}\s?\d+[a-z]?$")


def heading_key(text: str) -> str:
    """A header as kpixl compares it: lower case, no markup, no notes in brackets.

    >>> heading_key("Direction of Travel (since previous period)")
    'direction of travel'
    >>> heading_key("<u>Ref No.</u>")
    'ref no'
    """
    s = _PAREN_RE.sub(" ", _TAG_RE.sub(" ", text)).lower().replace("&", " and ")
    return " ".join(_PUNCT_RE.sub(" ", s).split())


def _display(text: object) -> str:
    if isinstance(text, (dt.datetime, dt.date)):
        return text.strftime("%b-%y")
    return " ".join(_TAG_RE.sub(" ", str(text)).split())


@dataclass(frozen=True, slots=True)
class Heading:
    """What one header cell means: a field, a period column (value, target…) or a YTD."""

    kind: str  # "field", "period", "ytd", "ignore"
    field: str = ""
    period: Period | None = None
    role: str = "value"  # for periods: value, target, status, comment, direction
    fy: str = ""  # for ytd: its financial year ('' when the header names none)
    mapped: bool = False  # from the officer's `columns` mapping: the period's label wins


def field_name(word: object) -> str:
    """The Indicator field a `columns` mapping names, as officers may write it.

    >>> field_name("Status"), field_name("ytd method")
    ('stated_status', 'method')
    """
    key = heading_key(str(word)).replace("_", " ")
    found = _FIELD_WORDS.get(key) or _FIELD_WORDS.get(key.replace(" ", "_"))
    if found is None:
        raise InputError(
            "column mapping",
            word,
            "map a header to one of: " + ", ".join((*FIELDS, IGNORE)) + " or a period (Apr-24)",
        )
    return found


@lru_cache(maxsize=8192)
def _classify_text(text: str, fy_start: int) -> Heading | None:
    key = heading_key(text)
    if key in _HEADINGS:  # an exact known heading first: "YTD Method" is not a YTD column
        return Heading("field", field=_HEADINGS[key])
    ytd = is_ytd_header(text)
    if ytd is not None:
        return Heading("ytd", fy=ytd)
    period = parse_period(text, fy_start)
    if period is not None:
        rest = heading_key(text)
        for role, pattern in _ROLE_WORDS:
            if pattern.search(rest):
                return Heading("period", period=period, role=role)
        return Heading("period", period=period)
    bare = " ".join(_FY_RE.sub(" ", key).split())  # "Annual Target 2024/25"
    found = _HEADINGS.get(bare)
    if found is None and bare.endswith(" target"):
        found = "target"  # "2024/25 Target", "Council target"
    return Heading("field", field=found) if found else None


class _Headings:
    """Classifies header cells, with the officer's own `columns` mapping first."""

    def __init__(self, columns: Mapping[str, str] | None, fy_start: int):
        self.fy_start = fy_start
        self.mapped: dict[str, Heading] = {}
        for header, target in (columns or {}).items():
            period = parse_period(str(target), fy_start) if isinstance(target, str) else None
            if period is not None:
                heading = Heading("period", period=period, mapped=True)
            else:
                f = field_name(target)
                heading = Heading("ignore") if f == IGNORE else Heading("field", field=f)
            self.mapped[heading_key(str(header))] = heading
        self.name_mapped = any(h.field == "name" for h in self.mapped.values())

    def classify(self, cell: Cell) -> Heading | None:
        if isinstance(cell, (dt.datetime, dt.date)):
            return Heading("period", period=parse_period(cell, self.fy_start))
        if not isinstance(cell, str) or len(cell) > 120 or not cell.strip():
            return None
        if self.mapped:
            found = self.mapped.get(heading_key(cell))
            if found is not None:
                return found
        return _classify_text(cell, self.fy_start)

    def header(self, row: Sequence[Cell]) -> dict[int, Heading] | None:
        """The headings of a header row, or None when ``row`` is not one."""
        if not self.name_mapped:
            # fast path for data rows: every name heading holds one of these words
            for c in row:
                if isinstance(c, str) and len(c) <= 120:
                    low = c.lower()
                    if "indicator" in low or "descr" in low or "measure" in low or "kpi" in low:
                        break
            else:
                return None
        found: dict[int, Heading] = {}
        name = False
        for col, cell in enumerate(row):
            h = self.classify(cell)
            if h is not None:
                found[col] = h
                name = name or (h.kind == "field" and h.field == "name")
        if name and len(found) >= 3:
            return found
        return None


# --- the kpixl.conf sheet ---------------------------------------------------------------

_CONF_KEYS = {
    "tolerance": "default_tolerance",
    "financial year start": "fy_start_month",
    "financial year start month": "fy_start_month",
    "fy start": "fy_start_month",
    "start month": "fy_start_month",
    "year": "financial_year",
    "fy": "financial_year",
    "period": "reporting_period",
    "report title": "title",
    "council name": "council",
    "colours": "palette",
    "colors": "palette",
}


@dataclass(frozen=True)
class Conf:
    """What a kpixl.conf sheet or kpixl.toml file says: settings, committees, columns."""

    settings: dict[str, object] = field(default_factory=dict)
    committees: dict[str, str] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # setting name -> key as written


def _conf_value(name: str, value: object) -> object:
    if isinstance(value, (dt.datetime, dt.date)):
        if name == "reporting_period":  # Excel turns a typed "Mar-25" into a date
            return f"{MONTH_ABBR[value.month - 1]}-{value.year % 100:02d}"
        return value.strftime("%Y-%m-%d")
    if name == "fy_start_month" and isinstance(value, str):
        month = MONTHS.get(value.strip().lower().rstrip("."))
        if month:
            return month
    if isinstance(value, float) and value.is_integer() and name != "default_tolerance":
        return int(value)
    return value


def setting_name(key: object) -> str:
    """A settings key as written in a kpixl.conf sheet or kpixl.toml ("Default tolerance").

    >>> setting_name("Financial year start"), setting_name("Reporting period")
    ('fy_start_month', 'reporting_period')
    """
    text = " ".join(str(key).replace("_", " ").replace("-", " ").lower().split())
    return _CONF_KEYS.get(text, text.replace(" ", "_"))


def read_conf_sheet(rows: Rows) -> Conf:
    """Read a kpixl.conf sheet: two columns, setting and value.

    A row ``[committees]`` starts a list of committee | meeting date; a row ``[columns]`` starts
    a list of header | field (or a period such as Apr-24); ``[settings]`` returns to settings.
    A first row "Setting | Value" is a heading. A row ``Committee | name | date`` adds one
    committee.

    >>> c = read_conf_sheet([["Setting", "Value"], ["Default tolerance", "10%"],
    ...                      ["[columns]"], ["Measure Ref", "ref"]])
    >>> c.settings, c.columns
    ({'default_tolerance': '10%'}, {'Measure Ref': 'ref'})
    """
    section = "settings"
    conf = Conf()
    for row in rows:
        cells = [c for c in row]
        if not cells or all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        key = cells[0]
        value = cells[1] if len(cells) > 1 else None
        if not isinstance(key, str) or not key.strip():
            continue
        text = key.strip().lower()
        if text.startswith("[") and text.endswith("]"):
            section = text[1:-1].strip()
            if section not in ("settings", "committees", "columns"):
                raise BadConfig(
                    f'kpixl.conf: unknown section "{key.strip()}"; use [settings], '
                    "[committees] or [columns]"
                )
            continue
        if text in ("setting", "settings", "key", "name") and section == "settings":
            continue  # the sheet's own heading row
        if section == "committees":
            conf.committees[key.strip()] = "" if value is None else str(_conf_value("", value))
        elif section == "columns":
            if value is not None and str(value).strip():
                conf.columns[key.strip()] = str(value).strip()
        elif setting_name(key) in ("committee", "committees"):
            if value is not None and str(value).strip():
                date = cells[2] if len(cells) > 2 else None
                conf.committees[str(value).strip()] = (
                    "" if date is None else str(_conf_value("", date))
                )
        else:
            name = setting_name(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            conf.settings[name] = _conf_value(name, value)
            conf.written[name] = key.strip()
    return conf


def apply_conf(settings: Settings, conf: Conf, where: str) -> Settings:
    """``settings`` updated from a kpixl.conf sheet or kpixl.toml; errors name ``where``."""
    changes: dict[str, object] = dict(conf.settings)
    if conf.committees:
        changes["committees"] = {**settings.committees, **conf.committees}
    if not changes:
        return settings
    for name, value in changes.items():
        try:
            settings = settings.updated(**{name: value})
        except KpixlError as e:
            raise BadConfig(f'{where}, "{conf.written.get(name, name)}": {e}') from None
    return settings


# --- finding tables -------------------------------------------------------------------------


@dataclass
class _Row:
    row: int
    cells: dict[int, Cell]  # column -> raw value, for the table's mapped columns
    service: str
    extra_name: list[str] = field(default_factory=list)
    extra_comments: list[str] = field(default_factory=list)


@dataclass
class _Table:
    sheet: str
    header_row: int
    headings: dict[int, Heading]
    labels: dict[int, str]  # column -> header text as shown
    directorate: str
    rows: list[_Row] = field(default_factory=list)
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
            if h.kind == "field":
                if h.field in self.fields:
                    self.unmapped.append(self.labels[col])  # a second "Target" column
                else:
                    self.fields[h.field] = col
        for col, label in sorted(self.labels.items()):
            if col not in self.headings:
                self.unmapped.append(label)
        self.unmapped = list(dict.fromkeys(self.unmapped))
        self.value_cols = {
            c
            for c, h in self.headings.items()
            if (h.kind == "period" and h.role == "value") or h.kind == "ytd"
        }
        self.data_cols = self.value_cols | {
            c for c, h in self.headings.items() if h.kind == "period"
        }
        self.text_cols = {self.fields["name"], self.fields.get("comments", -1)}
        self.other_cols = {
            c
            for f, c in self.fields.items()
            if f not in ("ref", "name", "comments", "committee", "directorate", "service")
        }


def _blank(v: Cell) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _text(v: Cell) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dt.datetime, dt.date)):
        return v.strftime("%Y-%m-%d")
    return str(v).strip()


def _subheader(row: Sequence[Cell], table: _Table) -> bool:
    """Read a second header row (Value | Target under each period); True if it was one."""
    spans: list[tuple[int, int]] = []
    starts = sorted(table.labels)
    for i, col in enumerate(starts):
        h = table.headings.get(col)
        if h is not None and h.kind == "period":
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
    others = [c for c, v in enumerate(row) if not _blank(v) and c not in roles]
    if any(c in table.fields.values() for c in others):
        return False  # a data row, not sub-headings
    for start, _ in spans:
        del table.headings[start]
    for col, (period, role, cell) in roles.items():
        label = table.labels.get(col) or next(table.labels[s] for s, e in spans if s <= col < e)
        if role == "other":
            table.unmapped.append(f"{label} {_display(cell)}")
            continue
        table.headings[col] = Heading("period", period=period, role=role)
        table.labels[col] = label
    table.index()
    return True


def _lone_text(row: Sequence[Cell]) -> tuple[list[int], str] | None:
    """The non-empty columns and first text of a row with one or two cells of text."""
    cols = [c for c, v in enumerate(row) if not _blank(v)]
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
        if all(_blank(v) for v in row):
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


def _scan_sheet(name: str, rows: Rows, kinds: _Headings) -> list[_Table]:
    """Every KPI table on one sheet, with its rows still raw."""
    headers: dict[int, dict[int, Heading]] = {}
    for r, row in enumerate(rows):
        found = kinds.header(row)
        if found is not None:
            headers[r] = found
    if not headers:
        return []
    tables: list[_Table] = []
    order = sorted(headers)
    title_of: dict[int, set[int]] = {}
    directorate_of: dict[int, str] = {}
    previous_end = 0
    for h in order:
        row = rows[h]
        labels = {c: _display(v) for c, v in enumerate(row) if not _blank(v)}
        name_col = next(c for c, x in headers[h].items() if x.kind == "field" and x.field == "name")
        comment_col = next(
            (c for c, x in headers[h].items() if x.kind == "field" and x.field == "comments"), -1
        )
        text_cols = {name_col, comment_col} if name_col != min(labels) else set()
        used, directorate = _title_rows(rows, h, previous_end, text_cols)
        title_of[h] = used
        directorate_of[h] = directorate
        previous_end = h + 1
    skip: set[int] = set()
    for h in order:
        skip |= title_of[h]
    table: _Table | None = None
    directorate = ""
    service = ""
    r = 0
    while r < len(rows):
        row = rows[r]
        if r in headers:
            if directorate_of[r]:
                directorate = directorate_of[r]
                service = ""
            table = _Table(
                sheet=name,
                header_row=r + 1,
                headings=_year_above(rows, r, headers[r]),
                labels={c: _display(v) for c, v in enumerate(row) if not _blank(v)},
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
        service = _data_row(table, r, row, service)
        r += 1
    return tables


def _year_above(rows: Rows, r: int, headings: dict[int, Heading]) -> dict[int, Heading]:
    """Periods headed "Apr", "May"… under a row that names the year ("2024/25") take it."""
    out = dict(headings)
    if r == 0 or not any(
        h.kind == "period" and h.period and not h.period.year for h in out.values()
    ):
        return out
    years = {_norm_fy(c) for c in rows[r - 1] if isinstance(c, str) and len(c) <= 40}
    years.discard(None)
    if len(years) != 1:
        return out  # no year, or several: leave the periods to the tracker's year
    fy = years.pop()
    for c, h in out.items():
        if h.kind == "period" and h.period and not h.period.year:
            out[c] = replace(h, period=replace(h.period, year=fy))
    return out


def _data_row(table: _Table, r: int, row: Sequence[Cell], service: str) -> str:
    """Add one row under ``table``: an indicator, a continuation or a section; returns the
    service in force after it."""
    nonempty = [c for c, v in enumerate(row) if not _blank(v)]
    if not nonempty:
        return service
    f = table.fields
    ref = _text(row[f["ref"]]) if "ref" in f and f["ref"] < len(row) else ""
    name = _text(row[f["name"]]) if f["name"] < len(row) else ""
    has_data = any(c in table.data_cols for c in nonempty)
    has_other = any(c in table.other_cols for c in nonempty)
    last = table.rows[-1] if table.rows else None
    if len(nonempty) <= 2 and not has_data and not has_other:
        text_only = set(nonempty) <= table.text_cols
        first_is_name = f["name"] == table.first_col
        text = _text(row[nonempty[0]])
        if last is not None and text_only and (not first_is_name or text[:1].islower()):
            _continue(table, last, row, nonempty)
            return service
        if not _REF_LIKE_RE.match(text) and not text[:1].islower():
            return " ".join(text.split())  # a section heading: "Growth & Regeneration"
        if last is not None:
            _continue(table, last, row, nonempty)
        return service
    if not ref and last is not None and has_data and not has_other:
        counts = [row[c] for c in nonempty if c in table.data_cols]
        if all(isinstance(v, str) and _OUT_OF_RE.match(v) for v in counts):
            _continue(table, last, row, nonempty)  # NNC's "92 out of 99" line under the values
            return service
    if ref or (name and (has_data or has_other)):
        cells = {c: row[c] for c in nonempty if c in table.headings}
        table.rows.append(_Row(r + 1, cells, service))
        return service
    if last is not None:
        _continue(table, last, row, nonempty)
    return service


def _continue(table: _Table, last: _Row, row: Sequence[Cell], nonempty: list[int]) -> None:
    """Merge a continuation row into the indicator above it."""
    name_col = table.fields["name"]
    comment_col = table.fields.get("comments", -1)
    for c in nonempty:
        v = row[c]
        if c == name_col:
            last.extra_name.append(_text(v))
        elif c == comment_col:
            last.extra_comments.append(_text(v))
        elif c in table.value_cols:
            above = last.cells.get(c)
            last.cells[c] = _combine(above, v)
        elif c in table.headings and _blank(last.cells.get(c)):
            last.cells[c] = v  # a field the indicator row left blank


def _combine(above: Cell, below: Cell) -> Cell:
    """A value and the "92 out of 99" line under it, as one cell text kpixl reads.

    >>> _combine(0.9293, "92 out of 99"), _combine("75%", "3 out of 4")
    ('92.93% (92 out of 99)', '75% (3 out of 4)')
    """
    if _blank(above):
        return below
    if not (isinstance(below, str) and _OUT_OF_RE.match(below)):
        return above
    counts = " ".join(below.split())
    if isinstance(above, (int, float)) and not isinstance(above, bool):
        try:
            share = read_value(counts).value
        except KpixlError:
            share = None
        if share is not None and abs(float(above) - share) <= 0.006:
            return f"{float(above) * 100:.10g}% ({counts})"  # Excel's 92.93% arrives as 0.9293
        return f"{float(above):.10g} ({counts})"
    return f"{_text(above)} ({counts})"


# --- the tracker's periods --------------------------------------------------------------


def _norm_fy(text: object) -> str | None:
    if text is None:
        return None
    m = re.search(r"(20\d\d|\d\d)\s*[/\-–]\s*(\d\d(?:\d\d)?)\b", str(text))
    if not m:
        return None
    return fy_label(int(m[1]) + (2000 if len(m[1]) == 2 else 0))


def _previous_fy(fy: str) -> str:
    return fy_label(int(fy[:4]) - 1)


def _month_label(number: int, fy: str | None, fy_start: int) -> str:
    month = (fy_start - 1 + number - 1) % 12 + 1
    if fy is None:
        return MONTH_ABBR[month - 1]
    year = int(fy[:4]) + (1 if month < fy_start else 0)
    return f"{MONTH_ABBR[month - 1]}-{year % 100:02d}"


@dataclass
class _Slots:
    """Where one table's period and year-to-date columns go in the tracker."""

    current: dict[int, int] = field(default_factory=dict)  # column -> period number
    previous: dict[int, int] = field(default_factory=dict)
    targets: dict[int, int] = field(default_factory=dict)  # column -> number in target_kind
    target_kind: str = "month"
    labels: dict[int, str] = field(default_factory=dict)  # period number -> header text
    ytd: int | None = None  # the column of this year's YTD
    last_ytd: int | None = None  # the column of the latest earlier year's YTD


def _slots(table: _Table, fy: str | None, kind: str) -> _Slots:
    """Map a table's columns onto the tracker's periods (``kind`` month or quarter of ``fy``);
    every column it cannot place goes to the table's unmapped list."""
    s = _Slots()
    prev = _previous_fy(fy) if fy else None
    cols = [(c, h) for c, h in sorted(table.headings.items()) if h.kind == "period"]
    has_months = any(
        h.period is not None and h.period.kind == "month" and (h.period.year or fy) == fy
        for _, h in cols
    )
    # the table's own kind: months where it has this year's months, else quarters
    s.target_kind = "month" if kind == "month" and has_months else "quarter"
    unplaced: list[int] = []
    for c, h in cols:
        p = h.period
        assert p is not None
        year = p.year or fy
        if p.kind != s.target_kind or year not in (fy, prev) or h.role not in ("value", "target"):
            unplaced.append(c)
            continue
        number = p.number * 3 if kind == "month" and p.kind == "quarter" else p.number
        if year == fy and h.role == "value":
            s.current[c] = number
            if p.kind == kind:
                s.labels.setdefault(number, p.label if h.mapped else table.labels.get(c, p.label))
        elif year == fy:
            s.targets[c] = p.number
        elif h.role == "value":
            s.previous[c] = number
        else:
            unplaced.append(c)
    for c, number in list(s.previous.items()):
        if number not in s.current.values():  # last year's column counts only beside this year's
            del s.previous[c]
            unplaced.append(c)
    earlier: list[tuple[str, int]] = []
    for c, h in sorted(table.headings.items()):
        if h.kind != "ytd":
            continue
        if h.fy in ("", fy) and s.ytd is None:
            s.ytd = c
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


# --- building indicators ----------------------------------------------------------------


def _profile(row: _Row, slots: _Slots, table: _Table) -> Target | object:
    """The per-period target cells as a profile (Charnwood's Value | Target columns)."""
    n = 12 if slots.target_kind == "month" else 4
    found: dict[int, float] = {}
    texts: list[str] = []
    percent = False
    raw_first: object = None
    for c, number in sorted(slots.targets.items(), key=lambda x: x[1]):
        raw = row.cells.get(c)
        if _blank(raw):
            continue
        raw_first = raw if raw_first is None else raw_first
        label = table.labels.get(c, "")
        texts.append(f"{label}: {_text(raw)}")
        try:
            v = read_value(raw, "target")
        except KpixlError:
            continue
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
        TargetKind.PROFILE, profile=tuple(profile), percent=percent, text="; ".join(texts)
    )


def _split_name(name: str, split_ref: bool) -> tuple[str, str, str]:
    """Ref, name and owner from an indicator cell such as Charnwood's
    "KI 3 % of food establishments… Owner: Head of Regulatory and Community Safety".

    >>> _split_name("KI 3 % of food premises.\\n\\nOwner: Head of Regulatory", True)
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


def _indicators(
    table: _Table,
    slots: _Slots,
    numbers: list[int],
    settings: Settings,
) -> list[Indicator]:
    f = table.fields
    position = {n: i for i, n in enumerate(numbers)}
    names = [_text(row.cells.get(f["name"])) for row in table.rows]
    split_ref = "ref" not in f and sum(bool(_LEAD_REF_RE.match(n)) for n in names) * 2 >= max(
        1, sum(bool(n) for n in names)
    )
    committees = list(settings.committees)
    out: list[Indicator] = []
    for row, raw_name in zip(table.rows, names, strict=True):
        cells = row.cells
        values: list[object] = [None] * len(numbers)
        for c, number in slots.current.items():
            values[position[number]] = cells.get(c)
        last_year: tuple[object, ...] = ()
        if slots.previous:
            ly: list[object] = [None] * len(numbers)
            for c, number in slots.previous.items():
                ly[position[number]] = cells.get(c)
            last_year = tuple(ly)
        stated_ytd = cells.get(slots.ytd) if slots.ytd is not None else None
        last_ytd = cells.get(slots.last_ytd) if slots.last_ytd is not None else None
        ref, name, owner = _split_name(raw_name, split_ref)
        if row.extra_name:
            name = " ".join([name, *row.extra_name]).strip()
        if "ref" in f:
            ref = _text(cells.get(f["ref"]))
        comments = "\n".join(
            t for t in [_text(cells.get(f.get("comments", -1))), *row.extra_comments] if t
        )
        target = cells.get(f["target"]) if "target" in f else None
        if slots.targets:
            target = _profile(row, slots, table)
        committee = _text(cells.get(f.get("committee", -1)))
        if not committee:
            committee = committees[0] if len(committees) == 1 else table.sheet
        out.append(
            Indicator(
                row=row.row,
                ref=ref,
                name=name,
                committee=committee,
                directorate=_text(cells.get(f.get("directorate", -1))) or table.directorate,
                service=_text(cells.get(f.get("service", -1))) or row.service,
                polarity=cells.get(f.get("polarity", -1)),
                target=target,
                tolerance=cells.get(f.get("tolerance", -1)),
                method=cells.get(f.get("method", -1)),
                unit=cells.get(f.get("unit", -1)),
                frequency=cells.get(f.get("frequency", -1)),
                benchmark=cells.get(f.get("benchmark", -1)),
                last_year_ytd=cells.get(f["last_year_ytd"]) if "last_year_ytd" in f else last_ytd,
                values=tuple(values),
                last_year=last_year,
                comments=comments,
                owner=_text(cells.get(f.get("owner", -1))) or owner,
                sheet=table.sheet,
                stated_status=cells.get(f.get("stated_status", -1)),
                stated_direction=cells.get(f.get("stated_direction", -1)),
                stated_ytd=cells.get(f["stated_ytd"]) if "stated_ytd" in f else stated_ytd,
            )
        )
    return out


def _no_table(source: str, searched: list[str]) -> NoTableFound:
    names = (
        "KPI Description, Description of Performance Indicator, Indicator, Measure, "
        "Key Performance Indicator"
    )
    where = f" in {source}" if source else ""
    sheets = ", ".join(f'"{s}"' for s in searched) if searched else "none (no data sheets)"
    return NoTableFound(
        f"No KPI table found{where}. kpixl looks for a header row holding an indicator name "
        f"column ({names}…) and at least two other known headings (Ref No., Polarity, Target, "
        "Tolerance, Benchmark, periods such as Apr-24 or Q1 2024/25, Year to Date 2024/25, "
        f"Status, Direction of Travel, Comments). Sheets searched: {sheets}. Add such a header "
        "row, or map your own headers to kpixl's fields in kpixl.toml [columns]."
    )


def tracker_from_sheets(
    sheets: Mapping[str, Rows],
    settings: Settings | None = None,
    source: str = "",
    columns: Mapping[str, str] | None = None,
    *,
    overrides: Conf | None = None,
) -> Tracker:
    """Read every KPI table of a workbook's sheets (cell values by row) into a Tracker.

    ``settings`` defaults to the settings in force; a ``kpixl.conf`` sheet updates them, and
    ``overrides`` (what a kpixl.toml says) updates them last. ``columns`` maps a header as
    written to a field name (``ref``, ``name``, ``target``, ``status``…, ``ignore``) or to a
    period (``Apr-24``) and wins over the automatic mapping and the sheet's ``[columns]``.

    Raises :class:`NoTableFound` when no sheet holds a KPI table, :class:`BadConfig` for a
    setting or column mapping kpixl cannot use.

    >>> t = tracker_from_sheets({"Sheet1": [
    ...     ["Place & Economy"],
    ...     ["Ref No.", "Description of Performance Indicator", "June 2023/24", "July 2023/24",
    ...      "Polarity", "Target", "Tolerance"],
    ...     ["Growth & Regeneration"],
    ...     ["STP15", "Major applications in time", 1.0, 0.75, "Higher is better", "90%",
    ...      "85% - 90%"],
    ...     [None, None, "6 out of 6", "3 out of 4"],
    ... ]})
    >>> i = t.indicators[0]
    >>> i.directorate, i.service, i.values
    ('Place & Economy', 'Growth & Regeneration', ('100% (6 out of 6)', '75% (3 out of 4)'))
    """
    base = settings if settings is not None else get_settings()
    conf = Conf()
    data: dict[str, Rows] = {}
    for name, rows in sheets.items():
        if name.strip().lower() in CONF_SHEETS:
            conf = read_conf_sheet(rows)
        else:
            data[name] = rows
    s = apply_conf(base, conf, "kpixl.conf sheet")
    mapping = dict(conf.columns)
    if overrides is not None:
        s = apply_conf(s, overrides, "kpixl.toml")
        mapping.update(overrides.columns)
    mapping.update(columns or {})
    try:
        kinds = _Headings(mapping, s.fy_start_month)
    except InputError as e:
        raise BadConfig(f"column mapping: {e}") from None

    tables: list[_Table] = []
    for name, rows in data.items():
        tables.extend(_scan_sheet(name, rows, kinds))
    if not tables:
        raise _no_table(source, list(data))

    fy = _norm_fy(s.financial_year)
    if fy is None:
        years = [
            h.period.year if h.kind == "period" and h.period else h.fy
            for t in tables
            for h in t.headings.values()
        ]
        known = sorted(y for y in years if y)
        fy = known[-1] if known else None
    if fy is not None and s.financial_year != fy:
        s = replace(s, financial_year=fy)
    kind = "quarter"
    for t in tables:
        for h in t.headings.values():
            p = h.period
            if h.kind == "period" and p and p.kind == "month" and (p.year or fy) == fy:
                kind = "month"
    slots = [_slots(t, fy, kind) for t in tables]
    numbers = sorted({n for sl in slots for n in sl.current.values()})
    labels: dict[int, str] = {}
    for sl in slots:
        for n, label in sl.labels.items():
            if label and n not in labels:
                labels[n] = label
    periods = tuple(
        Period(
            kind,
            n,
            fy,
            labels.get(n)
            or (_month_label(n, fy, s.fy_start_month) if kind == "month" else f"Q{n} {fy}"),
        )
        for n in numbers
    )
    indicators: list[Indicator] = []
    for t, sl in zip(tables, slots, strict=True):
        indicators.extend(_indicators(t, sl, numbers, s))
    unmapped = tuple(dict.fromkeys(u for t in tables for u in t.unmapped if u))
    return Tracker(
        periods=periods, indicators=indicators, settings=s, source=source, unmapped=unmapped
    )


__all__ = [
    "FIELDS",
    "BadConfig",
    "Conf",
    "Heading",
    "NoTableFound",
    "apply_conf",
    "field_name",
    "heading_key",
    "read_conf_sheet",
    "setting_name",
    "tracker_from_sheets",
]
