"""Find delivery-plan action tables in a sheet's cell values and read their actions.

Pure: the input is a sheet's cell VALUES as a list of rows (``rows[0]`` is sheet row 1), as
the KPI reader in :mod:`kpixl.core.layout` receives sheets; nothing here touches a file.

>>> tables = find_action_tables([
...     ["Caring for the Environment"],
...     ["Corporate Strategy Outcome (2020-2024)", "Corporate Delivery Plan Action\\n(2023-2024)",
...      "Progress", "Status", "Start Date", "End Date", "RAG"],
...     ["Climate Change: …", "Give away 4,000 garden trees.", "Done in December.", "Completed",
...      "Q1", "Q3", None],
...     [None, "Install charging points.", "Costs not yet known.", "Overdue", "Q1", "Q3"],
... ], "Delivery Plan")
>>> [(a.row, a.theme, a.outcome, str(a.status)) for a in tables[0].actions]
[(3, 'Caring for the Environment', 'Climate Change: …', 'Completed'), \
(4, 'Caring for the Environment', 'Climate Change: …', 'Overdue')]

What it understands:

* a header row holds an action column (Corporate Delivery Plan Action, Action, Project,
  Milestone…) and at least two other action headings (Outcome, Theme, Priority, Progress,
  Update, Status, Start Date, End Date, Due, Owner, Lead, RAG). Case, line breaks, years and
  notes in brackets such as "(2023-2024)" do not matter. A table is the run of non-blank
  header cells around its action column, so tables can sit below or beside other tables
  (with a blank column between). A run that names an indicator (Indicator, KPI, Measure) is
  a KPI table with an action column, not an action table.
* a theme row: a lone short text ("Caring for the Environment") above a table or between
  groups gives the theme of the actions under it. Lone text that names a document (a year, a
  colon, report, quarter, delivery plan…) is a title, not a theme. A Theme column, where
  there is one, is read like an outcome.
* an outcome written once for a group of actions (the cells below blank, or merged) holds
  for the actions under it until the next outcome (or the next theme).
* a row with only progress text continues the progress of the action above it.
* the table ends at the next header row (of any table) in its columns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .actions import Action, ActionRules
from .periods import parse_period
from .vocabulary import ACTION_HEADINGS

Cell = object
Rows = Sequence[Sequence[Cell]]

_FIELD_OF = {h: f for f, names in ACTION_HEADINGS.items() for h in names}
# Headings of a KPI table: a run holding a name heading is not an action table, and any of
# these (or a period such as "Q1 2023/24") in a row below a table is a new header.
_KPI_NAME = re.compile(r"\b(?:indicators?|kpis?|measures?|pis?)\b")
_KPI_HEADINGS = frozenset(
    {
        "ref",
        "ref no",
        "target",
        "actual",
        "polarity",
        "tolerance",
        "value",
        "gauge",
        "travel",
        "direction of travel",
        "ytd",
        "year to date",
        "benchmark",
        "trend",
    }
)

_PAREN_RE = re.compile(r"\([^)]*\)")
_YEAR_RE = re.compile(r"\b(?:fy\s*)?(?:19|20)?\d\d\s*[/\-–]\s*\d\d(?:\d\d)?\b|\b(?:19|20)\d\d\b")
_PUNCT_RE = re.compile(r"[^a-z0-9 ]+")
# A lone text naming a document rather than a theme.
_TITLE_RE = re.compile(
    r"\d\d\s*[/\-–]\s*\d\d|\b(?:19|20)\d\d\b|:|\b(?:report|tracker|dashboard|scorecard|"
    r"appendix|annex|quarter|delivery plan)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def heading_key(text: str) -> str:
    """A heading as compared: lower case, no notes in brackets, no years, single spaces.

    >>> heading_key("Corporate Delivery Plan Action\\n(2023-2024)")
    'corporate delivery plan action'
    >>> heading_key("End Date 2023/24")
    'end date'
    """
    s = _PAREN_RE.sub(" ", text).lower().replace("&", " and ")
    s = _YEAR_RE.sub(" ", s)
    return " ".join(_PUNCT_RE.sub(" ", s).split())


def _text(x: Cell) -> str:
    return x.strip() if isinstance(x, str) else ""


def _filled(x: Cell) -> bool:
    return x is not None and not (isinstance(x, str) and not x.strip())


def _cell(row: Sequence[Cell], col: int) -> Cell:
    return row[col] if col < len(row) else None


def _heading(x: Cell) -> str | None:
    """The action field a header cell names, or None."""
    if not isinstance(x, str) or len(x) > 120:
        return None
    return _FIELD_OF.get(heading_key(x))


def _kpi_heading(x: Cell) -> bool:
    if not isinstance(x, str) or len(x) > 120:
        return False
    key = heading_key(x)
    return bool(_KPI_NAME.search(key)) or key in _KPI_HEADINGS or parse_period(x) is not None


def _runs(row: Sequence[Cell]) -> list[range]:
    """Runs of adjacent non-blank cells."""
    runs, start = [], None
    for col, x in enumerate([*row, None]):
        if _filled(x) and start is None:
            start = col
        elif not _filled(x) and start is not None:
            runs.append(range(start, col))
            start = None
    return runs


def _header(row: Sequence[Cell], within: range | None = None) -> list[dict[str, int]]:
    """The action tables a row heads: for each, field -> column."""
    found = []
    for run in _runs(row):
        if within is not None and not (run.start < within.stop and within.start < run.stop):
            continue
        columns: dict[str, int] = {}
        for col in run:
            name = _heading(row[col])
            if name is not None and name not in columns:
                columns[name] = col
        if "text" not in columns or len(columns) < 3:
            continue  # most rows: not a header (cheap to tell, so asked first)
        if any(isinstance(row[c], str) and _KPI_NAME.search(heading_key(row[c])) for c in run):
            continue  # a KPI table with an Action column
        found.append(columns)
    return found


def _is_header(row: Sequence[Cell], cols: range, dated: set[int]) -> bool:
    """A header row of any table across ``cols``: three headings or more. In the table's
    own status and date columns (``dated``) a period is data ("Q1"), not a heading."""

    def heading(c: int) -> bool:
        x = _cell(row, c)
        if _heading(x) is not None:
            return True
        if c not in dated:
            return _kpi_heading(x)
        return isinstance(x, str) and bool(_KPI_NAME.search(heading_key(x)))

    return sum(1 for c in cols if heading(c)) >= 3


def _theme_like(text: str) -> bool:
    return (
        0 < len(text) <= 80
        and len(text.split()) <= 10
        and not text.endswith(".")
        and not _TITLE_RE.search(text)
    )


@dataclass(frozen=True)
class ActionTable:
    """One action table: where its header is, its columns, its actions and its problems.

    ``columns`` maps each action field to its column (0 = A); ``problems`` holds (sheet
    row, message) for rows that are not actions and cannot be placed.
    """

    sheet: str
    header_row: int
    columns: dict[str, int]
    headers: dict[str, str]
    actions: tuple[Action, ...]
    problems: tuple[tuple[int, str], ...] = ()
    theme: str = ""


@dataclass
class _Reading:
    sheet: str
    header_row: int
    columns: dict[str, int]
    span: range
    theme: str
    rules: ActionRules
    outcome: str = ""
    actions: list[Action] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def row(self, number: int, row: Sequence[Cell]) -> None:
        """Read one sheet row of the table (``number`` is the sheet row)."""
        cells = {f: _cell(row, c) for f, c in self.columns.items()}
        filled = [c for c in self.span if _filled(_cell(row, c))]
        if not filled:
            return
        if len(filled) == 1:
            col = filled[0]
            text = _text(_cell(row, col))
            name = next((f for f, c in self.columns.items() if c == col), None)
            if name == "progress" and self.actions:  # more of the update above
                last = self.actions[-1]
                progress = f"{last.progress}\n{text}" if last.progress else text
                self.actions[-1] = replace(last, progress=progress)
                return
            if text and _theme_like(text) and name not in ("status", "start", "end", "rag"):
                self.theme, self.outcome = " ".join(text.split()), ""
                return
            if name == "theme" and text:
                self.theme, self.outcome = " ".join(text.split()), ""
                return
            if name == "outcome" and text:
                self.outcome = text
                return
        if _filled(cells.get("theme")):
            self.theme = " ".join(str(cells["theme"]).split())
            self.outcome = ""
        if _filled(cells.get("outcome")):
            self.outcome = str(cells["outcome"]).strip()
        action = cells.get("text")
        if not _filled(action):
            self.problems.append(
                (number, f"Row {number}: cells filled but no action in its column")
            )
            return
        self.actions.append(
            Action.read(
                str(action),
                cells.get("status"),
                end=cells.get("end"),
                start=cells.get("start"),
                rag=cells.get("rag"),
                fy_start=self.rules.fy_start_month,
                theme=self.theme,
                outcome=self.outcome,
                progress=_text(cells.get("progress")),
                owner=" ".join(_text(cells.get("owner")).split()),
                sheet=self.sheet,
                row=number,
            )
        )


def _theme_above(rows: Rows, header: int, span: range) -> str | None:
    """The theme row above a header (0-based index), looking past blanks and titles."""
    for i in range(header - 1, max(header - 6, -1), -1):
        filled = [c for c in span if _filled(_cell(rows[i], c))]
        if not filled:
            continue
        if len(filled) > 1:
            return None
        text = _text(_cell(rows[i], filled[0]))
        if _theme_like(text):
            return " ".join(text.split())
        if not (text and _TITLE_RE.search(text)):
            return None
    return None


def find_action_tables(
    rows: Rows, sheet: str = "", rules: ActionRules | None = None
) -> list[ActionTable]:
    """Every action table in one sheet's cell values, top to bottom, left to right."""
    rules = rules or ActionRules()
    heads = [(i, columns) for i, row in enumerate(rows) for columns in _header(row)]
    tables: list[ActionTable] = []
    ended: dict[int, tuple[int, str]] = {}  # first column -> (row after the table, theme)
    for i, columns in heads:
        run = next(r for r in _runs(rows[i]) if columns["text"] in r)
        theme = _theme_above(rows, i, run)
        if theme is None:  # a header repeated straight after its table keeps its theme
            after, previous = ended.get(run.start, (-1, ""))
            theme = previous if after == i else ""
        reading = _Reading(sheet, i + 1, columns, run, theme, rules)
        dated = {c for f, c in columns.items() if f in ("status", "start", "end", "rag")}
        j = i + 1
        while j < len(rows) and not _is_header(rows[j], run, dated):
            reading.row(j + 1, rows[j])
            j += 1
        ended[run.start] = (j, reading.theme)
        tables.append(
            ActionTable(
                sheet,
                i + 1,
                dict(columns),
                {f: " ".join(str(rows[i][c]).split()) for f, c in columns.items()},
                tuple(reading.actions),
                tuple(reading.problems),
                theme,
            )
        )
    return tables


def read_actions(
    sheets: Mapping[str, Rows] | Rows, rules: ActionRules | None = None
) -> list[Action]:
    """All actions of a workbook's sheets (name -> rows), or of one sheet's rows, in order.

    >>> [a.text for a in read_actions({"Plan": [["Action", "Status", "Due"],
    ...                                         ["Adopt the plan", "In progress", "Q4"]]})]
    ['Adopt the plan']
    """
    if not isinstance(sheets, Mapping):
        sheets = {"": sheets}
    return [
        a
        for name, rows in sheets.items()
        for table in find_action_tables(rows, name, rules)
        for a in table.actions
    ]
